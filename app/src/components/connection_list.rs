use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::{issue_href, Connection};
use crate::interface_text::localize;
use crate::text;

/// "How it connects": the issue's connections grouped by how they connect, each worded
/// from this issue's side with its one sentence on why.
#[component]
pub fn ConnectionList(title: String, connections: Vec<Connection>) -> impl IntoView {
    // The catalog hands them over grouped: consecutive runs share a wording.
    let groups = super::runs_by(connections, |connection| connection.wording.clone())
        .into_iter()
        .enumerate()
        .map(|(k, (wording, members))| {
            let heading = format!("connections-{k}");
            view! {
                <section class="connections__group" aria-labelledby=heading.clone()>
                    <h3 id=heading.clone()>{format!("{title} {wording}")}</h3>
                    <ul>
                        {members
                            .into_iter()
                            .map(|connection| view! {
                                <li data-relation=connection.relation.slug()>
                                    <A href=localize(issue_href(&connection.issue.slug))>{connection.issue.title}</A>
                                    <p class="connections__why">{connection.why}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="issue__connections" aria-labelledby="connections-heading">
            <h2 id="connections-heading">{text!(issue.connections)}</h2>
            {groups}
        </section>
    }
}
