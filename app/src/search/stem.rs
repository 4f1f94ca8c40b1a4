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
    fn different_words_keep_different_stems() {
        assert!(!same_family(Lang::En, "routing", "trust"));
        assert!(!same_family(Lang::Fr, "confiance", "chiffrement"));
        assert!(!same_family(Lang::Es, "privacidad", "seguridad"));
    }
}
