use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{runs_by, ErrorView};
use crate::domain::urls::{CHANGES_PATH, FEED_PATH};
use crate::domain::{issue_href, ChangeEntry};
use crate::interface_text::{english_on_page, localize, use_lang};
use crate::seo::{HeadTags, PageHead};
use crate::server_fns::changes::get_changes;
use crate::text;

/// `/changes`: every issue's change history in one list, grouped by date, newest first.
/// The same list is the Atom feed at `/feed.xml`.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let changes = Resource::new(use_lang, |lang| get_changes(Some(lang)));
    view! {
        <Transition fallback=|| view! { <p class="loading">{text!(changes.loading)}</p> }>
            {move || Suspend::new(async move {
                match changes.await {
                    Ok(entries) => Either::Left(view! { <Changes entries /> }),
                    Err(error) => Either::Right(view! { <ErrorView error /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Changes(entries: Vec<ChangeEntry>) -> impl IntoView {
    let days = runs_by(entries, |entry| {
        (entry.change.date.clone(), entry.change.date_label.clone())
    })
    .into_iter()
    .map(|((date, label), list)| {
        let heading = format!("changes-{date}");
        view! {
            <section class="changes__day" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()><time datetime=date>{label}</time></h2>
                <ul>
                    {list
                        .into_iter()
                        .map(|entry| view! {
                            <li>
                                <A href=localize(issue_href(&entry.issue.slug))>{entry.issue.title}</A>
                                {text!(common.colon)} <span lang=english_on_page()>{entry.change.what}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
    .collect_view();
    view! {
        <PageHead tags=HeadTags::page(text!(changes.title), text!(changes.description), CHANGES_PATH) />
        <article class="changes" aria-labelledby="changes-title">
            <h1 id="changes-title">{text!(changes.heading)}</h1>
            <p>
                {text!(changes.intro_before)}
                <a href=FEED_PATH type="application/atom+xml">{text!(changes.feed)}</a>
                {text!(changes.intro_after)}
            </p>
            {days}
        </article>
    }
}
