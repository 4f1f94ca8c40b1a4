use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::{ChangeEntry, Lang};
use crate::error::AppError;

/// Every change to every issue page, newest first, with the issues named in `lang` (English by default).
#[server(prefix = "/api/fn", endpoint = "get_changes", input = GetUrl)]
pub async fn get_changes(lang: Option<Lang>) -> Result<Vec<ChangeEntry>, AppError> {
    Ok(super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .changes())
}
