use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::{IssueIndex, Lang};
use crate::error::AppError;

/// The issue listing in `lang` (English by default), narrowed to one focus area (an issue slug) or to `emerging` when
/// `focus_area` is given, with the search for `q` and the result counts per filter.
/// An unknown focus area is a 404.
#[server(prefix = "/api/fn", endpoint = "list_issues", input = GetUrl)]
pub async fn list_issues(
    lang: Option<Lang>,
    focus_area: Option<String>,
    q: Option<String>,
) -> Result<IssueIndex, AppError> {
    super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .index(focus_area.as_deref(), q.as_deref().unwrap_or_default())
        .inspect_err(AppError::set_response_status)
}
