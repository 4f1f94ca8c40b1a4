use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::Lang;
use crate::error::AppError;
use crate::search::Suggestion;

/// The issues whose addresses are closest to `slug`, for the 404 page of an unknown issue.
#[server(prefix = "/api/fn", endpoint = "closest_issues", input = GetUrl)]
pub async fn closest_issues(lang: Option<Lang>, slug: String) -> Result<Vec<Suggestion>, AppError> {
    Ok(super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .closest_to(&slug))
}
