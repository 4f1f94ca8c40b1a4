use leptos::either::Either;
use leptos::prelude::*;

use crate::text;

/// Where the Internet Society's words come from.
pub const ISOC_ISSUES_URL: &str = "https://www.internetsociety.org/issues/";

/// Whose words a quotation block shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteSource {
    /// The Internet Society's English words, from its issues page.
    Original,
    /// Its own words in the page's language, published at this address.
    OwnPage(String),
    /// The explorer's translation of its English words (given as HTML), which stay one
    /// click away: a translation is never presented as the Internet Society's text.
    Translation { original_html: String },
}

/// The Internet Society's words, set apart from the explorer's and attributed; on French
/// and Spanish pages either its own words in that language, quoted with their address, or
/// the explorer's translation, labelled as one, with the English original under it.
#[component]
pub fn IsocQuote(source: QuoteSource, children: Children) -> impl IntoView {
    let translated = matches!(source, QuoteSource::Translation { .. });
    let (class, before, address, link_text, original) = match source {
        QuoteSource::Original => (
            "isoc-quote",
            text!(quote.by_before),
            ISOC_ISSUES_URL.to_string(),
            text!(footer.credits_link),
            None,
        ),
        QuoteSource::OwnPage(address) => (
            "isoc-quote",
            text!(quote.own_page_before),
            address,
            text!(quote.own_page),
            None,
        ),
        QuoteSource::Translation { original_html } => (
            "isoc-quote isoc-quote--translated",
            text!(quote.translated_before),
            ISOC_ISSUES_URL.to_string(),
            text!(footer.credits_link),
            Some(original_html),
        ),
    };
    // A translation is not the Internet Society's text: no `<blockquote>` around it.
    let words = match original {
        None => Either::Left(view! { <blockquote cite=address.clone()>{children()}</blockquote> }),
        Some(original_html) => Either::Right(view! {
            <div class="isoc-quote__translation">{children()}</div>
            <details class="isoc-quote__original">
                <summary>{text!(quote.original)}</summary>
                // Rendered on the server from checked content: no raw HTML gets in.
                <blockquote lang="en" cite=ISOC_ISSUES_URL inner_html=original_html></blockquote>
            </details>
        }),
    };
    // The explorer's translation links the English original it translates.
    let hreflang = translated.then_some("en");
    view! {
        <figure class=class>
            <figcaption class="isoc-quote__by">
                {before}
                <a href=address rel="external" hreflang=hreflang>{link_text}</a>
            </figcaption>
            {words}
        </figure>
    }
}
