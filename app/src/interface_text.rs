//! Interface strings in the page's language.
//!
//! The strings live in `locales/{en,fr,es}.json`; `build.rs` checks that every language
//! has every key and leptos_i18n generates the [`crate::i18n`] module from them, so a
//! key that does not exist does not compile. They are looked up on the server only
//! ([`text!`]): an island that needs one gets it from the page the server rendered, so
//! no language's strings are compiled into the WASM (BENCHMARKS.md §15).

use leptos::prelude::*;

use crate::domain::{Lang, Relation};

/// The language of the page being rendered.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The language of the request being rendered: the one the server's language middleware
/// put in the request's extensions (`/fr/…` is French). English outside a request.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Lang>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Lang::En
    }
}

/// Provides the page's language ([`request_lang`]) to everything rendered inside it.
pub fn provide_page_lang() {
    provide_context(request_lang());
}

/// The language of the page, wherever the code runs: on the server the request's, in an
/// island the one its address names (`/fr/…`), so islands need no prop for it.
pub fn page_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::window()
            .location()
            .pathname()
            .map_or(Lang::En, |path| Lang::of_path(&path).0)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        use_lang()
    }
}

/// The page's address as an English path: the language layer took the prefix off page
/// paths, and a path it left alone (`/fr/xyz`, a 404) loses it here.
pub fn english_path() -> String {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    Lang::of_path(&path).1.to_string()
}

/// [`english_path`] with the page's query string: the same page in another language
/// keeps its search and filter.
pub fn english_address() -> String {
    let path = english_path();
    let query = leptos_router::hooks::use_location().search.get_untracked();
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// `lang="en"` for English words on a French or Spanish page (document titles, the
/// change log); nothing on an English page, whose language is already English.
pub fn english_on_page() -> Option<&'static str> {
    (use_lang() != Lang::En).then_some("en")
}

/// `path`, an English root-relative address from [`crate::domain::urls`], in the page's
/// language: `/issues/dns` on a French page is `/fr/issues/dns`.
pub fn localize(path: impl AsRef<str>) -> String {
    page_lang().localized(path.as_ref())
}

/// `relation` worded from one side of a pair in `lang`: from the `from` issue's side
/// (`outgoing`, "protects") or the `to` issue's ("is protected by"). French and Spanish
/// word them so that they agree with any title ("bénéficie de la protection de").
pub fn relation_wording(lang: Lang, relation: Relation, outgoing: bool) -> &'static str {
    use crate::i18n::td_string;
    let locale = lang.locale();
    match (relation, outgoing) {
        (Relation::Protects, true) => td_string!(locale, relations.protects),
        (Relation::Protects, false) => td_string!(locale, relations.protected_by),
        (Relation::DependsOn, true) => td_string!(locale, relations.depends_on),
        (Relation::DependsOn, false) => td_string!(locale, relations.foundation_for),
        (Relation::PracticeFor, true) => td_string!(locale, relations.practice_for),
        (Relation::PracticeFor, false) => td_string!(locale, relations.put_into_practice_by),
        (Relation::Enables, true) => td_string!(locale, relations.enables),
        (Relation::Enables, false) => td_string!(locale, relations.enabled_by),
        (Relation::PolicyQuestionOf, true) => td_string!(locale, relations.policy_question_of),
        (Relation::PolicyQuestionOf, false) => {
            td_string!(locale, relations.raises_policy_question)
        }
        (Relation::PartOf, true) => td_string!(locale, relations.part_of),
        (Relation::PartOf, false) => td_string!(locale, relations.includes),
        (Relation::MeasuredBy, true) => td_string!(locale, relations.measured_by),
        (Relation::MeasuredBy, false) => td_string!(locale, relations.measures),
    }
}

/// A name for the legend and the filter, both sides ("Protects / is protected by").
pub fn relation_legend(lang: Lang, relation: Relation) -> String {
    let forward = relation_wording(lang, relation, true);
    let mut chars = forward.chars();
    let mut name: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    name.push_str(chars.as_str());
    name.push_str(" / ");
    name.push_str(relation_wording(lang, relation, false));
    name
}

/// Whether `lang` writes the singular with `count`: by CLDR's plural rules on the server
/// (ICU4X; French for 0 and 1, English and Spanish for 1 only). The browser build renders
/// no counted words but the filter chips', which carry their page's singular counts
/// ([`ChipWords::singular_counts`](crate::islands::ChipWords)); there it is English's rule.
pub fn takes_singular(lang: Lang, count: u32) -> bool {
    #[cfg(feature = "ssr")]
    let singular = crate::content::takes_singular(lang, count);
    #[cfg(not(feature = "ssr"))]
    let singular = {
        let _ = lang;
        count == 1
    };
    singular
}

/// The site's share image's second line in `lang`, for `count` issues.
pub fn share_subtitle(lang: Lang, count: u32) -> String {
    crate::i18n::td_string!(lang.locale(), common.share_subtitle, count = count).to_string()
}

/// "figure from 2022" in `lang`: said beside a figure more than three years older than its
/// page's review.
pub fn figure_age_label(lang: Lang, year: u16) -> String {
    crate::i18n::td_string!(lang.locale(), facts.figure_from, year = year).to_string()
}

/// The interface string `key` (a path in `locales/en.json`, such as `footer.glossary`) in
/// the page's language, with `name = value` arguments for its `{{ name }}` placeholders.
#[macro_export]
macro_rules! text {
    ($($key:ident).+ $(, $($args:tt)*)?) => {
        $crate::i18n::td_string!($crate::interface_text::use_lang().locale(), $($key).+ $(, $($args)*)?)
    };
}

/// An interface string in an island's view, for words that stay as rendered (labels,
/// placeholders, buttons). On the server: the string in the page's language, as [`text!`].
/// In the browser: empty, because hydration keeps the text and attributes the server
/// rendered (tachys 0.2.19 sets neither when hydrating server HTML), so no language's
/// strings are compiled into the WASM. Not for words an island changes after hydrating.
#[macro_export]
macro_rules! page_text {
    ($($key:ident).+) => {{
        #[cfg(feature = "ssr")]
        let text = $crate::text!($($key).+);
        #[cfg(not(feature = "ssr"))]
        let text = "";
        text
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    fn strings(json: &str) -> BTreeMap<String, String> {
        let value =
            serde_json::from_str(json).expect("locale files are JSON (checked by build.rs)");
        crate::locale_strings::locale_strings(&value).unwrap_or_else(|error| panic!("{error}"))
    }

    /// Strings that are the same word in English and in the other language, checked by
    /// hand; anything else equal to the English is an English string left in place.
    const SAME_IN_FRENCH: &[&str] = &[
        "footer.site_navigation",
        "common.colon",
        "home.showing_area_after",
    ];
    const SAME_IN_SPANISH: &[&str] = &[
        "common.colon",
        "home.showing_area_after",
        // Placeholders and punctuation only.
        "issue.share_alt",
    ];

    #[test]
    fn no_english_string_is_left_in_french_or_spanish() {
        let english = strings(include_str!("../locales/en.json"));
        for (file, json, same) in [
            (
                "fr.json",
                include_str!("../locales/fr.json"),
                SAME_IN_FRENCH,
            ),
            (
                "es.json",
                include_str!("../locales/es.json"),
                SAME_IN_SPANISH,
            ),
        ] {
            let translated = strings(json);
            let untranslated: Vec<&String> = english
                .iter()
                .filter(|(key, text)| {
                    translated.get(*key) == Some(text) && !same.contains(&key.as_str())
                })
                .map(|(key, _)| key)
                .collect();
            assert!(
                untranslated.is_empty(),
                "{file}: still in English: {untranslated:?}"
            );
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        fn placeholders(text: &str) -> Vec<&str> {
            let mut names: Vec<&str> = text
                .split("{{")
                .skip(1)
                .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.trim()))
                .collect();
            names.sort_unstable();
            names
        }
        let english = strings(include_str!("../locales/en.json"));
        for (file, json) in [
            ("fr.json", include_str!("../locales/fr.json")),
            ("es.json", include_str!("../locales/es.json")),
        ] {
            for (key, text) in strings(json) {
                let source = english.get(&key).map(String::as_str).unwrap_or_default();
                assert_eq!(placeholders(&text), placeholders(source), "{file}: {key}");
            }
        }
    }
}
