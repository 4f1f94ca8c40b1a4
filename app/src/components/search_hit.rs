use leptos::prelude::*;

use super::IssueIcon;
use crate::domain::issue_href;
use crate::search::{SearchHit, Segment};

/// One search result: icon, title with the matched words marked, and a snippet.
#[component]
pub fn SearchHitItem(hit: SearchHit) -> impl IntoView {
    view! {
        <li class="search-result">
            <IssueIcon slug=hit.slug.clone() alt=hit.icon_alt.clone() size=40 />
            <h3 class="search-result__title">
                <a href=issue_href(&hit.slug)>
                    <Marked segments=hit.title />
                </a>
            </h3>
            <p class="search-result__snippet">
                <Marked segments=hit.snippet />
            </p>
        </li>
    }
}

/// Text with its matched parts in `<mark>`.
#[component]
pub fn Marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| {
            if segment.mark {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
}
