use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::{GlossaryEntry, Lang};
use crate::error::AppError;

/// Every glossary term in `lang` (English by default), alphabetically, with the issues that use it.
#[server(prefix = "/api/fn", endpoint = "get_glossary", input = GetUrl)]
pub async fn get_glossary(lang: Option<Lang>) -> Result<Vec<GlossaryEntry>, AppError> {
    Ok(super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .glossary())
}
