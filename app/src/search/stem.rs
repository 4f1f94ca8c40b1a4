//! Word families: the Snowball stemmer of the index's language (`rust-stemmers`), applied
//! the same way on both sides, the server's index and the browser's, so "adresses" finds
//! "adresse", "protected" finds "protection" and "redes" finds "red".
//!
//! Each word has two stems: of its folded form (no accents), and of its form as written,
//! folded afterwards. French and Spanish suffixes carry accents ("sécurisées"), so the
//! second follows the language's rules, while the first stems a word typed without
//! accents the same way as its accented original ("securite", "sécurité"). Two words are
//! of one family when either stem agrees.

use rust_stemmers::{Algorithm, Stemmer};

use super::fold;
use crate::domain::Lang;

/// The stemmer of one language.
pub struct WordStemmer(Stemmer);

/// A word's two stems (see the module's comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stems {
    of_folded: String,
    of_written: String,
}

impl Stems {
    /// Whether two words are of one family.
    pub fn related(&self, other: &Stems) -> bool {
        self.of_folded == other.of_folded || self.of_written == other.of_written
    }
}

impl WordStemmer {
    pub fn new(lang: Lang) -> Self {
        Self(Stemmer::create(match lang {
            Lang::En => Algorithm::English,
            Lang::Fr => Algorithm::French,
            Lang::Es => Algorithm::Spanish,
        }))
    }

    /// The stems of a word, given in lower case as written and folded.
    pub fn stems(&self, written: &str, folded: &str) -> Stems {
        Stems {
            of_folded: self.0.stem(folded).into_owned(),
            of_written: fold(&self.0.stem(written)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_family(lang: Lang, a: &str, b: &str) -> bool {
        let stemmer = WordStemmer::new(lang);
        let stems = |word: &str| stemmer.stems(&word.to_lowercase(), &fold(word));
        stems(a).related(&stems(b))
    }

    #[test]
    fn inflected_forms_share_a_stem_in_each_language() {
        assert!(same_family(Lang::En, "protected", "protection"));
        assert!(same_family(Lang::En, "networks", "network"));
        assert!(same_family(Lang::Fr, "adresses", "adresse"));
        assert!(same_family(Lang::Fr, "sécurisées", "sécurisé"));
        assert!(
            same_family(Lang::Fr, "sécurisées", "securise"),
            "typed without accents"
        );
        assert!(same_family(Lang::Fr, "sécurité", "securite"));
        assert!(same_family(Lang::Fr, "communautaires", "communautaire"));
        assert!(same_family(Lang::Es, "redes", "red"));
        assert!(same_family(Lang::Es, "comunitarias", "comunitario"));
        assert!(same_family(Lang::Es, "niños", "nino"));
    }

    #[test]
    fn odd_words_never_panic_the_stemmers() {
        // rust-stemmers is unmaintained (its Greek stemmer has a known out-of-bounds
        // panic): every query word reaches it, so feed it odd words in all three languages.
        let alphabet: Vec<char> =
            "aeiouyéèêëàâäîïôöûüùçñœæßsxzqwrtpdfghjklmnbv-'’0123\u{301}ΩЖ中🙂"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_u64;
        let mut next = move |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % bound as u64) as usize
        };
        for lang in Lang::ALL {
            let stemmer = WordStemmer::new(lang);
            for _ in 0..3000 {
                let length = next(24);
                let word: String = (0..length)
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                let lower = word.to_lowercase();
                let stems = stemmer.stems(&lower, &fold(&word));
                assert!(stems.related(&stems));
            }
            for long in ["a".repeat(500), "é".repeat(300), "ies".repeat(100)] {
                stemmer.stems(&long, &fold(&long));
            }
        }
    }

    #[test]
    fn different_words_keep_different_stems() {
        assert!(!same_family(Lang::En, "routing", "trust"));
        assert!(!same_family(Lang::Fr, "confiance", "chiffrement"));
        assert!(!same_family(Lang::Es, "privacidad", "seguridad"));
    }
}
