use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::ChangeEntry;
use crate::error::AppError;

/// Every change to every issue page, newest first.
#[server(prefix = "/api/fn", endpoint = "get_changes", input = GetUrl)]
pub async fn get_changes() -> Result<Vec<ChangeEntry>, AppError> {
    Ok(super::super::catalog()?.changes())
}
