use leptos::either::Either;
use leptos::prelude::*;

use crate::components::{ErrorView, MapDrawing};
use crate::domain::urls::{
    map_href, MapParams, FOCUS_AREA_PARAM, MAP_PATH, QUERY_PARAM, RELATION_PARAM,
};
use crate::domain::{issue_href, Relation, TopicMap};
use crate::interface_text::{localize, relation_legend, relation_wording, use_lang};
use crate::islands::{MapExplorer, MAP_VIEWPORT_ID};
use crate::routes::use_page_query;
use crate::seo::{HeadTags, PageHead};
use crate::server_fns::map::get_topic_map;
use crate::text;
use crate::workarounds::replace_whole::ReplaceWhole;

/// `/map`: every issue and its connections as one drawing, then the same as lists.
/// `?focus=` dims what is outside a focus area, `?q=` rings the issues a search finds,
/// `?issue=` selects one, `?relation=` keeps only one kind of connection.
#[component]
pub fn MapPage() -> impl IntoView {
    let query = use_page_query();
    let lang = use_lang();
    let map = Resource::new(
        move || {
            let query = query.get();
            (query.focus_area, query.q, query.issue, query.relation)
        },
        move |(focus_area, q, issue, relation)| {
            get_topic_map(Some(lang), focus_area, q, issue, relation)
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{text!(map.loading)}</p> }>
            {move || Suspend::new(async move {
                match map.await {
                    // Keyed on the relation: narrowing the lines changes how many there are,
                    // and the islands router's node-by-node patch would leave stale ones.
                    Ok(map) => Either::Left(view! {
                        <ReplaceWhole
                            item=map
                            key=|map: &TopicMap| map.relation.map_or("all", Relation::slug).to_string()
                            let:map
                        >
                            <MapView map />
                        </ReplaceWhole>
                    }),
                    Err(error) => Either::Right(view! { <ErrorView error /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn MapView(map: TopicMap) -> impl IntoView {
    let lang = use_lang();
    let layout = &map.layout;
    let selected_slug = map.selected.map(|s| layout.nodes[s as usize].slug.clone());
    let focus_slug = map
        .focus_area
        .map(|f| layout.regions[f as usize].slug.clone());
    let here = MapParams {
        focus_area: focus_slug.as_deref(),
        query: &map.query,
        issue: selected_slug.as_deref(),
        relation: map.relation.map(Relation::slug),
    };
    let chips = std::iter::once((None, text!(common.all_issues).to_string()))
        .chain(layout.regions.iter().map(|r| (Some(r.slug.clone()), r.title.clone())))
        .map(|(slug, title)| {
            let current = slug == focus_slug;
            let href = localize(map_href(&MapParams {
                focus_area: slug.as_deref(),
                ..here
            }));
            view! {
                <li><a class="chip" href=href aria-current=current.then_some("page")>{title}</a></li>
            }
        })
        .collect_view();
    let relation_chips = std::iter::once(None)
        .chain(map.relations.iter().copied().map(Some))
        .map(|relation| {
            let current = relation == map.relation;
            let href = localize(map_href(&MapParams {
                relation: relation.map(Relation::slug),
                ..here
            }));
            let (class, label) = match relation {
                Some(relation) => (format!("legend-line map-edge--{}", relation.slug()), relation_legend(lang, relation)),
                None => ("legend-line legend-line--all".to_string(), text!(map.all_connections).to_string()),
            };
            view! {
                <li>
                    <a class="chip chip--relation" href=href aria-current=current.then_some("page")>
                        <svg class=class width="36" height="10" viewBox="0 0 36 10" aria-hidden="true">
                            <line x1="2" y1="5" x2="34" y2="5" />
                        </svg>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    let status = status_line(&map);
    let lists = layout
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let items = layout
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, node)| node.region == r as u32)
                .map(|(index, node)| {
                    let index = index as u32;
                    let related = node
                        .related
                        .iter()
                        .map(|&k| {
                            let other = &layout.nodes[k as usize];
                            let wording = layout.edge(index, k).and_then(|edge| {
                                Some(relation_wording(lang, edge.relation, edge.outgoing_from(index)?))
                            });
                            view! { <li>{wording} " " <a href=localize(issue_href(&other.slug))>{other.title.clone()}</a></li> }
                        })
                        .collect_view();
                    view! {
                        <li>
                            <a href=localize(issue_href(&node.slug))>{node.title.clone()}</a>
                            ":"
                            <ul>{related}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby=format!("map-list-{r}")>
                    <h3 id=format!("map-list-{r}")>{region.title.clone()}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <PageHead tags=HeadTags::page(text!(map.title), text!(map.description), MAP_PATH) />
        <article class="map-page" aria-labelledby="map-title">
            <h1 id="map-title">{text!(map.title)}</h1>
            <p class="map-page__intro">
                {text!(map.intro, count = map.layout.nodes.len())}
            </p>
            <nav class="focus-areas" aria-label=text!(map.dim_to_area)>
                <ul class="focus-areas__list">{chips}</ul>
            </nav>
            <nav class="focus-areas map-relations" aria-label=text!(map.legend)>
                <ul class="focus-areas__list">{relation_chips}</ul>
            </nav>
            <form class="map-search" action=localize(MAP_PATH) method="get" role="search" aria-label=text!(map.highlight_form)>
                <label for="map-q">{text!(map.highlight_label)}</label>
                <input id="map-q" name=QUERY_PARAM type="search" value=map.query.clone() />
                {focus_slug.clone().map(|f| view! { <input type="hidden" name=FOCUS_AREA_PARAM value=f /> })}
                {map.relation.map(|r| view! { <input type="hidden" name=RELATION_PARAM value=r.slug() /> })}
                <button type="submit">{text!(map.highlight_button)}</button>
            </form>
            <p class="map-page__status" role="status">{status}</p>
            <div class="map-layout">
                <div class="map-viewport" id=MAP_VIEWPORT_ID tabindex="0" role="region" aria-label=text!(map.drawing)>
                    <MapDrawing map=map.clone()>
                        <MapExplorer />
                    </MapDrawing>
                </div>
            </div>
            <section class="map-lists" aria-labelledby="map-lists-heading">
                <h2 id="map-lists-heading">{text!(map.lists_heading)}</h2>
                {lists}
            </section>
        </article>
    }
}

/// What the drawing shows beyond the plain map, in words.
fn status_line(map: &TopicMap) -> String {
    let lang = use_lang();
    let mut parts = Vec::new();
    if let Some(relation) = map.relation {
        parts.push(text!(
            map.status_relation,
            legend = relation_legend(lang, relation)
        ));
    }
    if let Some(area) = map.focus_area {
        parts.push(text!(
            map.status_area,
            area = map.layout.regions[area as usize].title.clone()
        ));
    }
    if !map.query.is_empty() {
        parts.push(match map.matches.len() {
            0 => text!(map.status_none, query = map.query.clone()),
            1 => text!(map.status_one, query = map.query.clone()),
            n => text!(map.status_many, count = n, query = map.query.clone()),
        });
    }
    if let Some(selected) = map.selected {
        parts.push(text!(
            map.status_selected,
            title = map.layout.nodes[selected as usize].title.clone()
        ));
    }
    parts.join(" ")
}
