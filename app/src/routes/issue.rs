use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{
    ConnectionList, EditorNotes, ErrorView, FactsPanel, IsocQuote, IssueIcon, QuoteSource, TermList,
};
use crate::domain::urls::{CHANGES_PATH, HOME_PATH};
use crate::domain::{
    issue_href, map_href, Change, IssueDetail, IssueLink, MapParams, Reading, SectionKind,
    Standard, Translation,
};
use crate::error::AppError;
use crate::interface_text::{english_on_page, localize, use_lang};
use crate::seo::{breadcrumbs, issue_article, HeadTags, JsonLd, PageHead};
use crate::server_fns::issues::{closest_issues, get_issue};
use crate::text;
use crate::workarounds::replace_whole::ReplaceWhole;

/// `/issues/:slug`: one issue in full. The resource is keyed on the slug, so following a
/// link to another issue loads only that issue's data, on the client.
#[component]
pub fn IssuePage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let issue = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        move |slug| get_issue(Some(lang), slug),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{text!(issue.loading)}</p> }>
            {move || Suspend::new(async move {
                match issue.await {
                    // Keyed on the slug: navigating to another issue replaces the article
                    // wholesale (lists of related issues differ in length).
                    Ok(issue) => Either::Left(view! {
                        <ReplaceWhole item=issue key=|issue: &IssueDetail| issue.slug.clone() let:issue>
                            <IssueArticle issue />
                        </ReplaceWhole>
                    }),
                    Err(error) => {
                        let suggestions = match &error {
                            AppError::IssueNotFound(slug) => {
                                closest_issues(Some(lang), slug.clone()).await.unwrap_or_default()
                            }
                            _ => Vec::new(),
                        };
                        Either::Right(view! { <ErrorView error suggestions /> })
                    }
                }
            })}
        </Transition>
    }
}

/// The blurb's words: the Internet Society's in English; on a French or Spanish page its
/// own words in that language when it published them, otherwise the explorer's translation.
fn blurb_source(issue: &IssueDetail) -> QuoteSource {
    match &issue.translation {
        None => QuoteSource::Original,
        Some(Translation {
            blurb_quoted_from: Some(address),
            ..
        }) => QuoteSource::OwnPage(address.clone()),
        Some(translation) => QuoteSource::Translation {
            original_html: translation.original_blurb_html.clone(),
        },
    }
}

#[component]
fn IssueArticle(issue: IssueDetail) -> impl IntoView {
    let kind = match issue.section {
        SectionKind::Core => text!(issue.kind_core),
        SectionKind::Emerging => text!(issue.kind_emerging),
    };
    view! {
        <PageHead tags=HeadTags::page(issue.title.clone(), issue.summary.clone(), issue_href(&issue.slug))
            .article(&issue.slug, share_alt(&issue)) />
        <JsonLd data=issue_article(&issue) />
        <JsonLd data=breadcrumbs(&issue.title, &issue_href(&issue.slug)) />
        <article class="issue" aria-labelledby="issue-title">
            <nav class="breadcrumb" aria-label=text!(common.breadcrumb)>
                <A href=localize(HOME_PATH)>{text!(common.all_issues)}</A>
            </nav>
            <header class="issue__header">
                <IssueIcon slug=issue.slug.clone() alt=issue.icon_alt.clone() size=96 eager=true />
                <div>
                    <p class="issue__kind">{kind}</p>
                    <h1 id="issue-title">{issue.title.clone()}</h1>
                </div>
            </header>
            {issue.translation.as_ref().filter(|t| t.stale).map(|_| view! {
                <p class="translation-note" role="note">
                    {text!(issue.stale_translation)} " "
                    <a href=issue_href(&issue.slug) hreflang="en" target=crate::components::CROSS_LANGUAGE>{text!(issue.read_english)}</a>
                </p>
            })}
            <IsocQuote source=blurb_source(&issue)>
                // Rendered on the server from checked content: no raw HTML gets in.
                <div class="isoc-quote__text" inner_html=issue.blurb_html></div>
            </IsocQuote>
            <EditorNotes notes=issue.editor_notes />
            <section class="issue__overview" aria-labelledby="overview-heading">
                <h2 id="overview-heading">{text!(issue.overview)}</h2>
                <div class="prose" inner_html=issue.overview_html></div>
            </section>
            <FactsPanel facts=issue.facts />
            <StandardList standards=issue.standards />
            <ReadingList reading=issue.reading />
            <TermList terms=issue.terms />
            <p class="issue__reviewed">
                {text!(issue.reviewed_before)} <time datetime=issue.reviewed>{issue.reviewed_label}</time>
                {text!(issue.reviewed_after)}
            </p>
            <p class="issue__map-link">
                <a href=localize(map_href(&MapParams { issue: Some(&issue.slug), ..MapParams::default() }))>{text!(issue.map_link, title = issue.short_title.clone())}</a>
            </p>
            <LinkList heading=text!(issue.focus_areas) class="chips" links=issue.focus_areas />
            <ConnectionList title=issue.short_title.clone() connections=issue.related />
            <ChangeList changes=issue.changes />
            <nav class="pager" aria-label=text!(issue.pager)>
                {issue.previous.map(|link| view! { <PagerLink link rel="prev" label=text!(issue.previous) /> })}
                {issue.next.map(|link| view! { <PagerLink link rel="next" label=text!(issue.next) /> })}
            </nav>
        </article>
    }
}

#[component]
fn LinkList(heading: &'static str, class: &'static str, links: Vec<IssueLink>) -> impl IntoView {
    view! {
        <section class=format!("issue__links issue__links--{class}")>
            <h2>{heading}</h2>
            <ul>
                {links
                    .into_iter()
                    .map(|link| view! { <li><A href=localize(issue_href(&link.slug))>{link.title}</A></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What an issue's share image shows.
fn share_alt(issue: &IssueDetail) -> String {
    let areas: Vec<&str> = issue
        .focus_areas
        .iter()
        .map(|area| area.title.as_str())
        .collect();
    text!(
        issue.share_alt,
        title = issue.title.clone(),
        areas = areas.join(", "),
        site = crate::SITE_NAME
    )
}

#[component]
fn StandardList(standards: Vec<Standard>) -> impl IntoView {
    (!standards.is_empty()).then(|| {
        view! {
            <section class="issue__standards" aria-labelledby="standards-heading">
                <h2 id="standards-heading">{text!(issue.standards)}</h2>
                <ul>
                    {standards
                        .into_iter()
                        .map(|standard| {
                            let detail = match &standard.series {
                                Some(series) => format!(" ({}, {series})", standard.published_label),
                                None => format!(" ({})", standard.published_label),
                            };
                            view! {
                                <li>
                                    <a href=standard.url rel="external">{format!("RFC {}", standard.rfc)}</a>
                                    {text!(common.colon)} <cite lang=english_on_page()>{standard.title}</cite> {detail}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn ReadingList(reading: Vec<Reading>) -> impl IntoView {
    view! {
        <section class="issue__reading" aria-labelledby="reading-heading">
            <h2 id="reading-heading">{text!(issue.reading)}</h2>
            <ul>
                {reading
                    .into_iter()
                    .map(|link| view! {
                        <li><a href=link.url rel="external" lang=english_on_page()>{link.title}</a> " · " {link.publisher}</li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What changed on the page, newest first; all changes are on `/changes`.
#[component]
fn ChangeList(changes: Vec<Change>) -> impl IntoView {
    view! {
        <section class="issue__changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{text!(issue.history)}</h2>
            <ul>
                {changes
                    .into_iter()
                    .map(|change| view! {
                        <li><time datetime=change.date>{change.date_label}</time> {text!(common.colon)} <span lang=english_on_page()>{change.what}</span></li>
                    })
                    .collect_view()}
            </ul>
            <p><a href=localize(CHANGES_PATH)>{text!(issue.history_all)}</a></p>
        </section>
    }
}

#[component]
fn PagerLink(link: IssueLink, rel: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <A href=localize(issue_href(&link.slug)) attr:class=format!("pager__link pager__link--{rel}") attr:rel=rel>
            <span class="pager__label">{label}</span>
            <span class="pager__title">{link.short_title}</span>
        </A>
    }
}
