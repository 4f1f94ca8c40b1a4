use leptos::prelude::*;

/// Where the Internet Society's words come from.
pub const ISOC_ISSUES_URL: &str = "https://www.internetsociety.org/issues/";

/// The Internet Society's own words, set apart from the explorer's and attributed.
#[component]
pub fn IsocQuote(children: Children) -> impl IntoView {
    view! {
        <figure class="isoc-quote">
            <figcaption class="isoc-quote__by">
                "In the Internet Society’s words, from its "
                <a href=ISOC_ISSUES_URL rel="external">"issues page"</a>
            </figcaption>
            <blockquote cite=ISOC_ISSUES_URL>{children()}</blockquote>
        </figure>
    }
}
