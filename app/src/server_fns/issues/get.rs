use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::IssueDetail;
use crate::error::AppError;

/// One issue with its focus areas, related issues and neighbours. An unknown slug is a 404.
#[server(prefix = "/api/fn", endpoint = "get_issue", input = GetUrl)]
pub async fn get_issue(slug: String) -> Result<IssueDetail, AppError> {
    super::super::catalog()?
        .detail(&slug)
        .inspect_err(AppError::set_response_status)
}
