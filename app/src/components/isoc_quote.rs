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
    match source {
        QuoteSource::Original => view! {
            <figure class="isoc-quote">
                <figcaption class="isoc-quote__by">
                    {text!(quote.by_before)}
                    <a href=ISOC_ISSUES_URL rel="external">{text!(footer.credits_link)}</a>
                </figcaption>
                <blockquote cite=ISOC_ISSUES_URL>{children()}</blockquote>
            </figure>
        }
        .into_any(),
        QuoteSource::OwnPage(address) => view! {
            <figure class="isoc-quote">
                <figcaption class="isoc-quote__by">
                    {text!(quote.own_page_before)}
                    <a href=address.clone() rel="external">{text!(quote.own_page)}</a>
                </figcaption>
                <blockquote cite=address>{children()}</blockquote>
            </figure>
        }
        .into_any(),
        QuoteSource::Translation { original_html } => view! {
            <figure class="isoc-quote isoc-quote--translated">
                <figcaption class="isoc-quote__by">
                    {text!(quote.translated_before)}
                    <a href=ISOC_ISSUES_URL rel="external" hreflang="en">{text!(footer.credits_link)}</a>
                </figcaption>
                <div class="isoc-quote__translation">{children()}</div>
                <details class="isoc-quote__original">
                    <summary>{text!(quote.original)}</summary>
                    // Rendered on the server from checked content: no raw HTML gets in.
                    <blockquote lang="en" cite=ISOC_ISSUES_URL inner_html=original_html></blockquote>
                </details>
            </figure>
        }
        .into_any(),
    }
}
