use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::GlossaryEntry;
use crate::error::AppError;

/// Every glossary term, alphabetically, with the issues that use it.
#[server(prefix = "/api/fn", endpoint = "get_glossary", input = GetUrl)]
pub async fn get_glossary() -> Result<Vec<GlossaryEntry>, AppError> {
    Ok(super::super::catalog()?.glossary())
}
