use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::{IssueDetail, Lang};
use crate::error::AppError;

/// One issue in `lang` (English by default) with its focus areas, related issues and neighbours. An unknown slug is a 404.
#[server(prefix = "/api/fn", endpoint = "get_issue", input = GetUrl)]
pub async fn get_issue(lang: Option<Lang>, slug: String) -> Result<IssueDetail, AppError> {
    super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .detail(&slug)
        .inspect_err(AppError::set_response_status)
}
