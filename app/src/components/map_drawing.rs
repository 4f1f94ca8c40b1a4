use leptos::prelude::*;

use crate::domain::node_geometry::{FIRST_BASELINE, ICON, LINE_HEIGHT, RADIUS};
use crate::domain::{icon_src, issue_href, MapNode, TopicMap};
use crate::interface_text::{localize, relation_wording, takes_singular, use_lang};
use crate::text;

/// Id of the drawing, which the map island finds to make it interactive.
pub const MAP_SVG_ID: &str = "topic-map";

/// The topic map as SVG, complete without JavaScript: regions, a line per relation, and a
/// real link per issue. `?focus=` dims what is outside the area, `?q=` rings the matches,
/// `?issue=` selects a node and lights up its connections.
#[component]
pub fn MapDrawing(
    map: TopicMap,
    /// The details panel, drawn in the layout's free cell.
    children: Children,
) -> impl IntoView {
    let layout = map.layout;
    let svg_title = text!(map.svg_title, count = layout.nodes.len());
    let panel = layout.panel;
    let selected = map.selected;
    let neighbours: Vec<u32> = selected
        .map(|s| layout.nodes[s as usize].related.clone())
        .unwrap_or_default();
    let outside = |node: &MapNode| {
        map.focus_area
            .is_some_and(|area| !node.regions.contains(&area))
    };
    let edge_class = |a: u32, b: u32| {
        if selected.is_some_and(|s| s == a || s == b) {
            "map-edge is-active"
        } else {
            "map-edge"
        }
    };
    let svg_class = match (selected.is_some(), map.focus_area.is_some()) {
        (true, _) => "map has-active",
        (false, true) => "map has-focus-area",
        (false, false) => "map",
    };
    let region_count = layout.regions.len();
    let panels = map_panels(&layout, selected);
    let regions = layout
        .regions
        .iter()
        .enumerate()
        .map(|(i, region)| {
            let dimmed = map.focus_area.is_some_and(|f| f as usize != i);
            view! {
                <g class=format!("map-region map-region--{i}{}", if dimmed { " is-outside" } else { "" })>
                    <rect x=region.x y=region.y width=region.width height=region.height rx="14" />
                    <text class="map-region__title" x=region.x + 16 y=region.y + 30>{region.title.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let edges = layout
        .edges
        .iter()
        .map(|edge| {
            let (a, b) = (
                &layout.nodes[edge.a as usize],
                &layout.nodes[edge.b as usize],
            );
            view! {
                <line
                    class=format!("{} map-edge--{}", edge_class(edge.a, edge.b), edge.relation.slug())
                    data-a=edge.a
                    data-b=edge.b
                    x1=a.x
                    y1=a.y
                    x2=b.x
                    y2=b.y
                />
            }
        })
        .collect_view();
    let nodes = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let i = i as u32;
            let mut class = format!("map-node map-node--region-{}", node.region);
            for (flag, name) in [
                (selected == Some(i), " is-active is-selected"),
                (neighbours.contains(&i), " is-neighbour"),
                (map.matches.contains(&i), " is-match"),
                (outside(node), " is-outside"),
            ] {
                if flag {
                    class.push_str(name);
                }
            }
            view! { <Node node=node.clone() index=i class region_count /> }
        })
        .collect_view();
    view! {
        <svg
            id=MAP_SVG_ID
            class=svg_class
            viewBox=format!("0 0 {} {}", layout.width, layout.height)
            width=layout.width
            height=layout.height
            aria-labelledby="map-svg-title"
        >
            <title id="map-svg-title">{svg_title}</title>
            <g class="map__regions">{regions}</g>
            <g class="map__edges" aria-hidden="true">{edges}</g>
            <g class="map__nodes">{nodes}</g>
            <foreignObject class="map__panel" x=panel.x y=panel.y width=panel.width height=panel.height>
                <div class="map-explorer">
                    {children()}
                    <div class="map-panels" aria-live="polite">{panels}</div>
                </div>
            </foreignObject>
        </svg>
    }
}

/// One details panel per issue, all rendered on the server; the selected one (or the hint)
/// is shown, and the map island shows another as the visitor moves.
fn map_panels(layout: &crate::domain::MapLayout, selected: Option<u32>) -> impl IntoView {
    let lang = use_lang();
    let hint = view! {
        <section class="map-panel" data-panel="hint" hidden=selected.is_some() aria-labelledby="map-panel-hint">
            <h2 id="map-panel-hint">{text!(map.hint_heading)}</h2>
            <p>
                {text!(map.hint)}
            </p>
        </section>
    };
    let panels = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let areas: Vec<&str> = node
                .regions
                .iter()
                .filter_map(|&r| layout.regions.get(r as usize).map(|region| region.title.as_str()))
                .collect();
            let related = node
                .related
                .iter()
                .filter_map(|&r| {
                    let edge = layout.edge(i as u32, r)?;
                    let wording = relation_wording(lang, edge.relation, edge.outgoing_from(i as u32)?);
                    Some((wording, layout.nodes.get(r as usize)?))
                })
                .map(|(wording, other)| view! {
                    <li><span class="map-panel__relation">{wording}</span> " " <a href=localize(issue_href(&other.slug))>{other.title.clone()}</a></li>
                })
                .collect_view();
            let heading = format!("map-panel-{i}");
            view! {
                <section class="map-panel" data-panel=i hidden=selected != Some(i as u32) aria-labelledby=heading.clone()>
                    <h2 id=heading.clone()><a href=localize(issue_href(&node.slug))>{node.title.clone()}</a></h2>
                    <p>{node.summary.clone()}</p>
                    <p class="map-panel__areas">{text!(map.panel_areas, areas = areas.join(", "))}</p>
                    <h3>{match node.related.len() as u32 {
                        count if takes_singular(lang, count) => text!(map.panel_connected_one, count = count),
                        count => text!(map.panel_connected_many, count = count),
                    }}</h3>
                    <ul class="map-panel__related">{related}</ul>
                </section>
            }
        })
        .collect_view();
    (hint, panels)
}

#[component]
fn Node(node: MapNode, index: u32, class: String, region_count: usize) -> impl IntoView {
    let (x, y) = (node.x, node.y);
    let related = node
        .related
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    // Small dots below the circle name the node's other focus areas.
    let others: Vec<u32> = node
        .regions
        .iter()
        .skip(1)
        .copied()
        .filter(|&r| (r as usize) < region_count)
        .collect();
    let spread = 12;
    let first_dot = x + RADIUS - 2 - (others.len() as u32).saturating_sub(1) * spread / 2;
    let dots = others
        .iter()
        .enumerate()
        .map(|(k, region)| {
            view! {
                <circle
                    class=format!("map-node__area map-fill--{region}")
                    cx=first_dot + k as u32 * spread
                    cy=y + RADIUS - 4
                    r="5"
                />
            }
        })
        .collect_view();
    let lines = node
        .label
        .iter()
        .enumerate()
        .map(|(k, line)| {
            view! { <tspan x=x y=y + FIRST_BASELINE + k as u32 * LINE_HEIGHT>{line.clone()}</tspan> }
        })
        .collect_view();
    view! {
        <a
            class=class
            href=localize(issue_href(&node.slug))
            data-index=index
            data-slug=node.slug.clone()
            data-x=x
            data-y=y
            data-related=related
        >
            <title>{node.title.clone()}</title>
            <circle class="map-node__halo" cx=x cy=y r=RADIUS + 7 />
            <circle class="map-node__disc" cx=x cy=y r=RADIUS />
            <image
                href=icon_src(&node.slug)
                x=x - ICON / 2
                y=y - ICON / 2
                width=ICON
                height=ICON
                aria-hidden="true"
            />
            {dots}
            <text class="map-node__label" x=x text-anchor="middle">{lines}</text>
        </a>
    }
}
