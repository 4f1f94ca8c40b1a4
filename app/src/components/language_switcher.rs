use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::Lang;
use crate::interface_text::use_lang;
use crate::text;

/// This page in the other languages: plain links, each named in its own language and
/// marked with it (`hreflang`, `lang`), so they work without JavaScript, through the
/// islands router, and for screen readers, which read each name with its language's voice.
/// The query string is kept: a search or a filter switches language with its page.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_lang();
    let location = use_location();
    // The server's language layer took the prefix off: this is the English address.
    let path = location.pathname.get_untracked();
    let query = location.search.get_untracked();
    let here = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = lang.localized(&here);
            let current = (lang == current).then_some("page");
            view! {
                <li>
                    <a href=href hreflang=lang.code() lang=lang.code() aria-current=current>
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
