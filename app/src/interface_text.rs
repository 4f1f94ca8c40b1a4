//! Interface strings in the page's language.
//!
//! The strings live in `locales/{en,fr,es}.json`; `build.rs` checks that every language
//! has every key and leptos_i18n generates the [`crate::i18n`] module from them, so a
//! key that does not exist does not compile. They are looked up on the server only
//! ([`text!`]): an island that needs one gets it from the page the server rendered, so
//! no language's strings are compiled into the WASM (BENCHMARKS.md §15).

use leptos::prelude::*;

use crate::domain::Lang;

/// The language of the page being rendered.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Provides the page's language to everything rendered inside it.
///
/// English only for now: `/fr/…` and `/es/…` are not routed yet (#22), so a page under
/// those prefixes is the English 404.
pub fn provide_page_lang() -> Lang {
    let lang = Lang::En;
    provide_context(lang);
    lang
}

/// The interface string `key` (a path in `locales/en.json`, such as `footer.glossary`) in
/// the page's language, with `name = value` arguments for its `{{ name }}` placeholders.
#[macro_export]
macro_rules! text {
    ($($key:ident).+ $(, $($args:tt)*)?) => {
        $crate::i18n::td_string!($crate::interface_text::use_lang().locale(), $($key).+ $(, $($args)*)?)
    };
}
