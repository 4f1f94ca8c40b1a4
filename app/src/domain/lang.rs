//! The explorer's languages and where each lives: English at the root (`/issues/dns`),
//! French and Spanish under their prefix (`/fr/issues/dns`, `/es/issues/dns`). Slugs are
//! identifiers: the same in every language.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A language the explorer is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The BCP 47 tag, as in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language of a tag, written exactly as [`Lang::code`] writes it (`FR` is not one:
    /// addresses are case-sensitive, and one page has one address).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's name in that language, for the language switcher.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// Where a page's alternates point, as `hreflang` names them: each language, then
    /// `x-default` (English, for readers of none of them).
    pub fn alternates() -> [(&'static str, Lang); 4] {
        let [en, fr, es] = Lang::ALL;
        [
            (en.code(), en),
            (fr.code(), fr),
            (es.code(), es),
            ("x-default", Lang::En),
        ]
    }

    /// The Open Graph locale (`og:locale`): the explorer writes British English.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Fr => "fr_FR",
            Lang::Es => "es_ES",
        }
    }

    /// The interface strings' locale (`locales/<code>.json`).
    pub fn locale(self) -> Locale {
        match self {
            Lang::En => Locale::en,
            Lang::Fr => Locale::fr,
            Lang::Es => Locale::es,
        }
    }

    /// The language of an address's path and the path without its prefix: `/fr/issues/dns`
    /// is French `/issues/dns`, `/fr` and `/fr/` French `/`. Anything else is English as it is.
    pub fn of_path(path: &str) -> (Lang, &str) {
        for lang in [Lang::Fr, Lang::Es] {
            let Some(rest) = path
                .strip_prefix('/')
                .and_then(|path| path.strip_prefix(lang.code()))
            else {
                continue;
            };
            if rest.is_empty() {
                return (lang, "/");
            }
            if rest.starts_with('/') {
                return (lang, rest);
            }
        }
        (Lang::En, path)
    }

    /// `path` (an English, root-relative address) in this language.
    pub fn localized(self, path: &str) -> String {
        match self {
            Lang::En => path.to_string(),
            _ => format!("/{}{path}", self.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_gives_the_language_and_the_rest_of_the_path() {
        assert_eq!(Lang::of_path("/fr/issues/dns"), (Lang::Fr, "/issues/dns"));
        assert_eq!(Lang::of_path("/es/"), (Lang::Es, "/"));
        assert_eq!(Lang::of_path("/es"), (Lang::Es, "/"));
        assert_eq!(Lang::of_path("/issues/dns"), (Lang::En, "/issues/dns"));
        assert_eq!(Lang::of_path("/"), (Lang::En, "/"));
    }

    #[test]
    fn lookalike_prefixes_are_not_languages() {
        for path in [
            "/FR/issues/dns",
            "/fresh",
            "/de/issues/dns",
            "/en/issues/dns",
            "/esp",
        ] {
            assert_eq!(Lang::of_path(path), (Lang::En, path), "{path}");
        }
    }

    #[test]
    fn the_alternates_are_every_language_then_english_as_the_default() {
        let named: Vec<&str> = Lang::alternates().iter().map(|(name, _)| *name).collect();
        let codes: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
        assert_eq!(named[..3], codes[..]);
        assert_eq!(Lang::alternates()[3], ("x-default", Lang::En));
    }

    #[test]
    fn localized_addresses_go_back_to_the_same_page() {
        for lang in Lang::ALL {
            for path in ["/", "/issues/dns", "/map?issue=dns"] {
                let address = lang.localized(path);
                assert_eq!(Lang::of_path(&address), (lang, path), "{address}");
            }
        }
    }

    #[test]
    fn codes_are_exact() {
        assert_eq!(Lang::from_code("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("FR"), None);
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
