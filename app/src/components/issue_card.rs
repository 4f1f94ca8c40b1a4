use leptos::prelude::*;
use leptos_router::components::A;

use super::IssueIcon;
use crate::domain::{issue_href, IssueSummary};
use crate::interface_text::localize;

/// A card in the listing: icon, title (the link) and the first sentence of the blurb.
/// The whole card is clickable through CSS, while the link's name stays the title alone.
#[component]
pub fn IssueCard(issue: IssueSummary) -> impl IntoView {
    view! {
        <li class="issue-card">
            <IssueIcon slug=issue.slug.clone() alt=issue.icon_alt size=48 />
            <h3 class="issue-card__title">
                <A href=localize(issue_href(&issue.slug))>{issue.title}</A>
            </h3>
            <p class="issue-card__summary">{issue.summary}</p>
        </li>
    }
}
