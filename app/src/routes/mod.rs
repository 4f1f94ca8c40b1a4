//! One file per page.

mod glossary;
mod home;
mod issue;
mod map;
mod not_found;
mod page_query;

pub use glossary::GlossaryPage;
pub use home::HomePage;
pub use issue::IssuePage;
pub use map::MapPage;
pub use not_found::NotFound;

pub use page_query::{use_page_query, PageQuery, FOCUS_AREA_PARAM, ISSUE_PARAM, QUERY_PARAM};

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
            "{FOCUS_AREA_PARAM}={}",
            crate::domain::encode_query_value(focus)
        ));
    }
    if pairs.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", pairs.join("&"))
    }
}

/// `/map` with a filter, a query and a selected issue, leaving out the empty ones.
pub fn map_page_href(focus: Option<&str>, query: &str, issue: Option<&str>) -> String {
    let mut pairs = Vec::new();
    if let Some(focus) = focus {
        pairs.push(format!(
            "{FOCUS_AREA_PARAM}={}",
            crate::domain::encode_query_value(focus)
        ));
    }
    if !query.is_empty() {
        pairs.push(format!(
            "{QUERY_PARAM}={}",
            crate::domain::encode_query_value(query)
        ));
    }
    if let Some(issue) = issue {
        pairs.push(format!(
            "{ISSUE_PARAM}={}",
            crate::domain::encode_query_value(issue)
        ));
    }
    if pairs.is_empty() {
        "/map".to_string()
    } else {
        format!("/map?{}", pairs.join("&"))
    }
}
