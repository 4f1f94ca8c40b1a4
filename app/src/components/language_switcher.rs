use leptos::prelude::*;

use crate::domain::Lang;
use crate::interface_text::{english_address, use_lang};
use crate::text;

/// The `target` of a link to another language's page: the same tab, but a document load
/// rather than the islands router's patch (see [`LanguageSwitcher`]).
pub const CROSS_LANGUAGE: &str = "_self";

/// This page in the other languages: plain links, each named in its own language and
/// marked with it (`hreflang`, `lang`), so they work without JavaScript and for screen
/// readers, which read each name with its language's voice. The query string is kept: a
/// search or a filter switches language with its page.
///
/// With JavaScript a switch loads the other language's page as a new document
/// (`target="_self"`, which the islands router leaves to the browser), on purpose: the
/// router never patches an island, so the header's search box would keep the old
/// language's words, and replacing the whole layout as one keyed item breaks its
/// `replaceFor` (nested items' keys share one table). Within a language, links stay
/// client-side.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_lang();
    let here = english_address();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = lang.localized(&here);
            let current = (lang == current).then_some("page");
            view! {
                <li>
                    <a href=href hreflang=lang.code() lang=lang.code() aria-current=current target=CROSS_LANGUAGE>
                        {lang.autonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=text!(header.languages)>
            <ul>{links}</ul>
        </nav>
    }
}
