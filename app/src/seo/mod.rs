//! What search engines and link previews read: canonical addresses, Open Graph and Twitter
//! card tags, and JSON-LD structured data. Rendered on the server with each page; the
//! islands router carries the new page's tags over on client-side navigation.

mod json_ld;
mod page_head;

pub use json_ld::{breadcrumbs, issue_article, website_with_issues, JsonLd};
pub use page_head::{HeadTags, PageHead};

/// Where visitors reach the explorer (`PUBLIC_BASE_URL`, no trailing slash), provided by the
/// server to every render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(pub String);

/// `path` as an absolute address on the public site. Without a provided base (a render
/// outside the server) the path stays relative.
pub fn absolute(path: &str) -> String {
    let base = leptos::prelude::use_context::<SiteUrl>()
        .map(|url| url.0)
        .unwrap_or_default();
    format!("{base}{path}")
}
