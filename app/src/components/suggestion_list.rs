use leptos::prelude::*;

use crate::domain::issue_href;
use crate::interface_text::localize;
use crate::search::Suggestion;

/// The closest issues, under a short lead-in; nothing when there are none. Plain links (no
/// `<A>`): the search results island renders it too, and the islands router still
/// navigates them in place.
#[component]
pub fn SuggestionList(
    suggestions: Vec<Suggestion>,
    #[prop(into)] lead: String,
    class: &'static str,
) -> impl IntoView {
    (!suggestions.is_empty()).then(|| {
        view! {
            <p>{lead}</p>
            <ul class=class>
                {suggestions
                    .into_iter()
                    .map(|s| view! { <li><a href=localize(issue_href(&s.slug))>{s.title}</a></li> })
                    .collect_view()}
            </ul>
        }
    })
}
