use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::{ErrorView, IssueCard};
use crate::domain::{issue_href, IssueIndex, Section, SectionKind};
use crate::server_fns::issues::list_issues;

/// The listing: intro, the four focus areas, the issues and the emerging issues.
/// `?focus=<slug>` narrows the issues to one focus area.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let index = Resource::new(
        move || {
            let query = query.read();
            (query.get(super::FOCUS_PARAM), query.get(super::QUERY_PARAM))
        },
        |(focus, q)| list_issues(focus, q),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading issues…"</p> }>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(index) => Either::Left(view! {
                        <For each=move || [index.clone()] key=listing_key let:index>
                            <Listing index />
                        </For>
                    }),
                    Err(error) => Either::Right(view! { <ErrorView error /> }),
                }
            })}
        </Transition>
    }
}

/// Each filter is its own keyed page, so client-side navigation replaces the listing
/// wholesale rather than patching one listing into another node by node.
fn listing_key(index: &IssueIndex) -> String {
    index
        .filter
        .as_ref()
        .map_or_else(|| "all".to_string(), |area| area.slug.clone())
}

#[component]
fn Listing(index: IssueIndex) -> impl IntoView {
    let description = format!(
        "{} Browse {} Internet issues, from DNS to Women in Tech.",
        index.intro,
        index.issues().count()
    );
    let filter = index.filter.clone();
    view! {
        <Title text=filter.as_ref().map(|area| area.title.clone()).unwrap_or_default() />
        <Meta name="description" content=description />
        <section class="intro" aria-labelledby="intro-heading">
            <h1 id="intro-heading">"Internet issues"</h1>
            <p class="intro__lead">{index.intro.clone()}</p>
            <FocusAreas index=index.clone() />
        </section>
        {index
            .sections
            .into_iter()
            .filter(|section| !section.issues.is_empty())
            .map(|section| view! { <SectionList section /> })
            .collect_view()}
    }
}

/// The focus areas as filters of the listing. Plain `<a>` rather than `<A>`: the router
/// still navigates them on the client, but `<A>` would mark every `/?focus=…` link as the
/// current page because it compares paths only.
#[component]
fn FocusAreas(index: IssueIndex) -> impl IntoView {
    let active = index.filter.as_ref().map(|area| area.slug.clone());
    view! {
        <nav class="focus-areas" aria-label="Filter by focus area">
            <h2 class="focus-areas__heading">"Focus areas"</h2>
            <ul class="focus-areas__list">
                <li>
                    <a href="/" class="chip" aria-current=active.is_none().then_some("page")>
                        "All issues"
                    </a>
                </li>
                {index
                    .focus_areas
                    .into_iter()
                    .map(|area| {
                        let current = active.as_deref() == Some(area.slug.as_str());
                        view! {
                            <li>
                                <a
                                    href=format!("/?focus={}", area.slug)
                                    class="chip"
                                    aria-current=current.then_some("page")
                                >
                                    {area.title}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {index
                .filter
                .map(|area| {
                    view! {
                        <p class="focus-areas__about">
                            "Showing the issues that serve "
                            <A href=issue_href(&area.slug)>{area.title.clone()}</A>
                            "."
                        </p>
                    }
                })}
        </nav>
    }
}

#[component]
fn SectionList(section: Section) -> impl IntoView {
    let id = match section.kind {
        SectionKind::Core => "issues",
        SectionKind::Emerging => "emerging",
    };
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="issue-section" id=id aria-labelledby=labelled_by>
            <h2 id=heading_id>{section.heading}</h2>
            {section.intro.map(|intro| view! { <p class="issue-section__intro">{intro}</p> })}
            <ul class="issue-grid">
                {section.issues.into_iter().map(|issue| view! { <IssueCard issue /> }).collect_view()}
            </ul>
        </section>
    }
}
