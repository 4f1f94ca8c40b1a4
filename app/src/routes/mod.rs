//! One file per page.

mod glossary;
mod home;
mod issue;
mod not_found;

pub use glossary::GlossaryPage;
pub use home::HomePage;
pub use issue::IssuePage;
pub use not_found::NotFound;

/// `/?focus=<focus-area-slug>` narrows the listing to one focus area (or `emerging`).
pub const FOCUS_PARAM: &str = "focus";

/// `/?q=<words>` searches the issues.
pub const QUERY_PARAM: &str = "q";

/// Every query parameter any page reads. A page's HTML depends on its path and these
/// alone, which is what the server's render store keys on: add a parameter here when a page
/// starts reading it.
pub const PAGE_QUERY_PARAMS: &[&str] = &[FOCUS_PARAM, QUERY_PARAM];

/// `/` with a query and a filter, leaving out the empty ones: `/?q=bgp&focus=building-trust`.
pub fn home_href(query: &str, focus: Option<&str>) -> String {
    let mut pairs = Vec::new();
    if !query.is_empty() {
        pairs.push(format!(
            "{QUERY_PARAM}={}",
            crate::domain::encode_query_value(query)
        ));
    }
    if let Some(focus) = focus {
        pairs.push(format!(
            "{FOCUS_PARAM}={}",
            crate::domain::encode_query_value(focus)
        ));
    }
    if pairs.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", pairs.join("&"))
    }
}
