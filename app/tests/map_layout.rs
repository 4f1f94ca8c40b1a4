//! The topic map's layout over the real content: deterministic, nothing overlapping,
//! everything inside its region and the drawing, every relation drawn.
#![cfg(feature = "ssr")]

mod support;

use app::content::load_catalog;
use app::content::map_layout::{circle_box, label_box};
use app::domain::MapLayout;
use support::real_content;

type Box4 = (u32, u32, u32, u32);

fn layout() -> MapLayout {
    let catalog = load_catalog(&real_content()).expect("loads");
    catalog.topic_map(None, "", None, None).expect("map").layout
}

fn overlaps(a: Box4, b: Box4) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(inner: Box4, outer: Box4) -> bool {
    outer.0 <= inner.0 && inner.2 <= outer.2 && outer.1 <= inner.1 && inner.3 <= outer.3
}

#[test]
fn the_same_content_gives_the_same_picture() {
    assert_eq!(layout(), layout());
}

#[test]
fn no_node_or_label_overlaps_another_and_all_stay_inside() {
    let map = layout();
    assert_eq!(map.nodes.len(), 26);
    let boxes: Vec<(String, Box4)> = map
        .nodes
        .iter()
        .flat_map(|node| {
            [
                (format!("{} circle", node.slug), circle_box(node)),
                (format!("{} label", node.slug), label_box(node)),
            ]
        })
        .collect();
    for (i, (name, a)) in boxes.iter().enumerate() {
        for (other, b) in &boxes[i + 1..] {
            assert!(!overlaps(*a, *b), "{name} {a:?} overlaps {other} {b:?}");
        }
    }
    let drawing = (0, 0, map.width, map.height);
    for node in &map.nodes {
        let region = &map.regions[node.region as usize];
        let area = (
            region.x,
            region.y,
            region.x + region.width,
            region.y + region.height,
        );
        assert!(
            inside(area, drawing),
            "region {} outside the drawing",
            region.slug
        );
        assert!(
            inside(circle_box(node), area),
            "{} circle outside {}",
            node.slug,
            region.slug
        );
        assert!(
            inside(label_box(node), area),
            "{} label {:?} outside {} {area:?}",
            node.slug,
            label_box(node),
            region.slug
        );
    }
    let panel = (
        map.panel.x,
        map.panel.y,
        map.panel.x + map.panel.width,
        map.panel.y + map.panel.height,
    );
    assert!(inside(panel, drawing), "the panel is outside the drawing");
    assert!(
        map.panel.width >= 300 && map.panel.height >= 260,
        "{:?} is too small for the panel",
        map.panel
    );
    for (i, a) in map.regions.iter().enumerate() {
        let ba = (a.x, a.y, a.x + a.width, a.y + a.height);
        assert!(!overlaps(ba, panel), "the panel covers region {}", a.slug);
        for b in &map.regions[i + 1..] {
            let bb = (b.x, b.y, b.x + b.width, b.y + b.height);
            assert!(
                !overlaps(ba, bb),
                "regions {} and {} overlap",
                a.slug,
                b.slug
            );
        }
    }
}

#[test]
fn every_relation_is_one_edge_and_every_edge_a_relation() {
    let map = layout();
    let mut pairs: Vec<(u32, u32)> = map
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(i, node)| {
            node.related
                .iter()
                .map(move |&r| ((i as u32).min(r), (i as u32).max(r)))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    let edges: Vec<(u32, u32)> = map.edges.iter().map(|e| (e.a, e.b)).collect();
    assert_eq!(edges, pairs);
    assert!(map.edges.len() >= 26 * 3 / 2);
}

#[test]
fn regions_are_the_focus_areas_then_the_emerging_issues_in_tab_order() {
    let map = layout();
    let slugs: Vec<&str> = map.regions.iter().map(|r| r.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "connecting-the-world",
            "improving-technical-security",
            "building-trust",
            "shaping-the-internets-future",
            "emerging"
        ]
    );
    // Nodes are numbered in drawing order: region by region.
    let drawn_regions: Vec<u32> = map.nodes.iter().map(|n| n.region).collect();
    let mut sorted = drawn_regions.clone();
    sorted.sort();
    assert_eq!(drawn_regions, sorted);
    let ai = map
        .nodes
        .iter()
        .find(|n| n.slug == "artificial-intelligence")
        .expect("AI");
    assert_eq!(ai.region, 4);
    let economy = map
        .nodes
        .iter()
        .find(|n| n.slug == "economy")
        .expect("economy");
    assert_eq!(
        economy.regions,
        [0, 3],
        "drawn in its first focus area, member of both"
    );
}

#[test]
fn unknown_focus_areas_and_issues_are_not_found() {
    let catalog = load_catalog(&real_content()).expect("loads");
    assert!(catalog.topic_map(Some("nowhere"), "", None, None).is_err());
    assert!(catalog.topic_map(None, "", Some("nowhere"), None).is_err());
    let map = catalog
        .topic_map(Some("building-trust"), "bgp", Some("dns"), None)
        .expect("map");
    assert_eq!(map.focus_area, Some(2));
    let dns = map
        .layout
        .nodes
        .iter()
        .position(|n| n.slug == "dns")
        .expect("dns") as u32;
    assert_eq!(map.selected, Some(dns));
    let bgp = map
        .layout
        .nodes
        .iter()
        .position(|n| n.slug == "securing-bgp")
        .expect("bgp") as u32;
    assert!(map.matches.contains(&bgp));
}
