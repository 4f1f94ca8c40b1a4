use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::{Lang, TopicMap};
use crate::error::AppError;

/// The topic map in `lang` (English by default), dimmed to a focus area, highlighting a search's matches, with an issue
/// selected and the lines narrowed to one relation. An unknown focus area, issue or
/// relation is a 404.
#[server(prefix = "/api/fn", endpoint = "get_topic_map", input = GetUrl)]
pub async fn get_topic_map(
    lang: Option<Lang>,
    focus_area: Option<String>,
    q: Option<String>,
    issue: Option<String>,
    relation: Option<String>,
) -> Result<TopicMap, AppError> {
    super::super::catalog()?
        .in_lang(lang.unwrap_or_default())
        .topic_map(
            focus_area.as_deref(),
            q.as_deref().unwrap_or_default(),
            issue.as_deref(),
            relation.as_deref(),
        )
        .inspect_err(AppError::set_response_status)
}
