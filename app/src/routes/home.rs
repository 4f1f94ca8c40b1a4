use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{ErrorView, IsocQuote, IssueCard, QuoteSource};
use crate::domain::urls::home_href;
use crate::domain::{issue_href, IssueIndex, IssueLink, Section, SectionKind};
use crate::interface_text::{localize, use_lang};
use crate::islands::{ChipWords, FilterChips, ResultWords, SearchResults};
use crate::search::EMERGING;
use crate::seo::{website_with_issues, HeadTags, JsonLd, PageHead};
use crate::server_fns::issues::list_issues;
use crate::text;
use crate::workarounds::replace_whole::ReplaceWhole;

/// The listing: intro, the four focus areas, the issues and the emerging issues.
/// `?focus=<slug>` narrows the issues to one focus area.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = super::use_page_query();
    let lang = use_lang();
    let index = Resource::new(
        move || {
            let query = query.get();
            (query.focus_area, query.q)
        },
        move |(focus_area, q)| list_issues(Some(lang), focus_area, q),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{text!(home.loading)}</p> }>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(index) => Either::Left(view! {
                        <ReplaceWhole item=index key=listing_key let:index>
                            <Listing index />
                        </ReplaceWhole>
                    }),
                    Err(error) => Either::Right(view! { <ErrorView error /> }),
                }
            })}
        </Transition>
    }
}

/// Each filter and query is its own keyed page, so client-side navigation replaces the
/// listing wholesale rather than patching one listing into another node by node.
fn listing_key(index: &IssueIndex) -> String {
    let filter = index
        .filter
        .as_ref()
        .map_or("all", |area| area.slug.as_str());
    format!("{filter}|{}", index.search.query)
}

/// The Internet Society's intro line is in its own words in English only: elsewhere it is
/// the explorer's translation.
fn intro_source(index: &IssueIndex) -> QuoteSource {
    match &index.intro_original {
        Some(original) => QuoteSource::Translation {
            original_html: format!("<p>{}</p>", crate::domain::html::escaped(original)),
        },
        None => QuoteSource::Original,
    }
}

#[component]
fn Listing(index: IssueIndex) -> impl IntoView {
    let description = index.about.clone();
    // A search is not a page of its own: its canonical address is the listing it filters.
    let canonical = home_href("", index.filter.as_ref().map(|f| f.slug.as_str()));
    let structured = (index.filter.is_none() && index.search.query.is_empty())
        .then(|| view! { <JsonLd data=website_with_issues(&index) /> });
    let filter = index.filter.clone();
    let title = match (&filter, index.search.query.as_str()) {
        (_, query) if !query.is_empty() => text!(home.search_title, query = query),
        (Some(area), _) => area.title.clone(),
        (None, _) => String::new(),
    };
    view! {
        <PageHead tags=HeadTags::page(title, description, canonical) />
        {structured}
        <section class="intro" aria-labelledby="intro-heading">
            <h1 id="intro-heading">{text!(home.heading)}</h1>
            <p class="intro__lead">{index.about.clone()}</p>
            <IsocQuote source=intro_source(&index)><p>{index.intro.clone()}</p></IsocQuote>
        </section>
        {if index.search.query.is_empty() {
            // No query: no island, so `/` loads no search code; the box's first keystroke
            // brings the page with results.
            let chips_filter = index.search.filter.clone();
            view! {
                <div class="explorer">
                    <FilterChips outcome=RwSignal::new(index.search.clone()) filter=chips_filter words=ChipWords::for_page() />
                    <div class="explorer__listing">
                        {filter.map(|area| view! { <FilterNote area /> })}
                        <Sections sections=index.sections />
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <SearchResults outcome=index.search.clone() words=ResultWords::for_page()>
                    {filter.map(|area| view! { <FilterNote area /> })}
                    <Sections sections=index.sections />
                </SearchResults>
            }
            .into_any()
        }}
    }
}

/// What the filtered listing shows, with a link to the focus area's own page.
#[component]
fn FilterNote(area: IssueLink) -> impl IntoView {
    if area.slug == EMERGING {
        return view! { <p class="focus-areas__about">{text!(home.showing_emerging)}</p> }
            .into_any();
    }
    view! {
        <p class="focus-areas__about">
            {text!(home.showing_area_before)}
            <A href=localize(issue_href(&area.slug))>{area.title.clone()}</A>
            {text!(home.showing_area_after)}
        </p>
    }
    .into_any()
}

#[component]
fn Sections(sections: Vec<Section>) -> impl IntoView {
    sections
        .into_iter()
        .filter(|section| !section.issues.is_empty())
        .map(|section| view! { <SectionList section /> })
        .collect_view()
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
