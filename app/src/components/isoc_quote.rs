use leptos::prelude::*;

use crate::text;

/// Where the Internet Society's words come from.
pub const ISOC_ISSUES_URL: &str = "https://www.internetsociety.org/issues/";

/// The Internet Society's own words, set apart from the explorer's and attributed.
#[component]
pub fn IsocQuote(children: Children) -> impl IntoView {
    view! {
        <figure class="isoc-quote">
            <figcaption class="isoc-quote__by">
                {text!(quote.by_before)}
                <a href=ISOC_ISSUES_URL rel="external">{text!(footer.credits_link)}</a>
            </figcaption>
            <blockquote cite=ISOC_ISSUES_URL>{children()}</blockquote>
        </figure>
    }
}
