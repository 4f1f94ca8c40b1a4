//! The topic map page, rendered by the whole app, in-process: complete without JavaScript,
//! with every issue a link and every relation a line, and its query parameters checked.

mod support;

use std::collections::BTreeSet;

use serde_json::Value;
use support::in_process::InProcess;
use support::{main_of, visible_text};

/// Every issue's slug and related slugs, from the JSON API.
async fn relations(server: &InProcess) -> Vec<(String, Vec<String>)> {
    let (_, index) = server.get_json("/api/issues").await;
    let mut all = Vec::new();
    for section in index["sections"].as_array().expect("sections") {
        for issue in section["issues"].as_array().expect("issues") {
            let slug = issue["slug"].as_str().expect("slug").to_string();
            let (_, detail) = server.get_json(&format!("/api/issues/{slug}")).await;
            let related = detail["related"]
                .as_array()
                .expect("related")
                .iter()
                .map(|link: &Value| link["slug"].as_str().expect("slug").to_string())
                .collect();
            all.push((slug, related));
        }
    }
    all
}

/// The opening tag of the map node linking to `slug`.
fn node_tag<'a>(html: &'a str, slug: &str) -> &'a str {
    let at = html
        .find(&format!("data-slug=\"{slug}\""))
        .unwrap_or_else(|| panic!("no node for {slug}"));
    let start = html[..at].rfind("<a ").expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..end]
}

#[tokio::test]
async fn the_map_draws_every_issue_as_a_link_and_every_relation_as_a_line() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/map").await;
    assert_eq!(status, 200);
    assert!(html.contains("<title>Topic map · Internet Issues Explorer</title>"));
    let relations = relations(&server).await;
    assert_eq!(relations.len(), 26);
    for (slug, _) in &relations {
        assert!(
            node_tag(&html, slug).contains(&format!("href=\"/issues/{slug}\"")),
            "{slug}"
        );
    }
    let pairs: BTreeSet<(String, String)> = relations
        .iter()
        .flat_map(|(a, related)| {
            related
                .iter()
                .map(move |b| (a.min(b).clone(), a.max(b).clone()))
        })
        .collect();
    let lines = html
        .split("<line ")
        .skip(1)
        .filter(|tag| tag[..tag.find('>').unwrap_or(0)].contains("class=\"map-edge"))
        .count();
    assert_eq!(lines, pairs.len());
    // The same issues and connections, as lists after the drawing.
    let main = main_of(&html);
    let lists = &main[main.find("map-lists-heading").expect("lists")..];
    for (slug, related) in &relations {
        assert!(
            lists.contains(&format!("href=\"/issues/{slug}\"")),
            "{slug} not listed"
        );
        assert!(related
            .iter()
            .all(|r| lists.contains(&format!("href=\"/issues/{r}\""))));
    }
    for region in [
        "Connecting the World",
        "Improving Technical Security",
        "Building Trust",
        "Shaping the Internet's Future",
        "Emerging issues",
    ] {
        assert!(visible_text(main).contains(region), "{region}");
    }
}

#[tokio::test]
async fn issue_focus_and_query_parameters_select_dim_and_ring_nodes() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/map?issue=dns").await;
    assert_eq!(status, 200);
    assert!(node_tag(&html, "dns").contains("is-active"));
    for neighbour in [
        "dnssec",
        "internet-governance",
        "ipv6",
        "open-internet-standards",
    ] {
        assert!(
            node_tag(&html, neighbour).contains("is-neighbour"),
            "{neighbour}"
        );
    }
    assert!(!node_tag(&html, "blockchain").contains("is-neighbour"));
    assert!(visible_text(&html).contains("Selected: Domain Name System (DNS)."));
    // Every details panel is rendered on the server; only the selected one is shown.
    let open_panels: Vec<&str> = html
        .split("<section data-panel=")
        .skip(1)
        .filter(|rest| !rest[..rest.find('>').unwrap_or(0)].contains(" hidden"))
        .collect();
    assert_eq!(open_panels.len(), 1, "exactly one panel shown");
    assert!(open_panels[0].contains("href=\"/issues/dns\">Domain Name System (DNS)</a></h2>"));
    assert!(open_panels[0].contains("Connected to 4 issues"));

    let (status, html) = server.get_text("/map?focus=building-trust").await;
    assert_eq!(status, 200);
    assert!(node_tag(&html, "dns").contains("is-outside"));
    assert!(!node_tag(&html, "privacy").contains("is-outside"));
    assert!(
        !node_tag(&html, "iot").contains("is-outside"),
        "IoT is in Building Trust too"
    );

    let (status, html) = server.get_text("/map?q=bgp").await;
    assert_eq!(status, 200);
    assert!(node_tag(&html, "securing-bgp").contains("is-match"));
    assert!(!node_tag(&html, "women-in-tech").contains("is-match"));

    for bad in ["/map?focus=nowhere", "/map?issue=nowhere", "/map?issue=DNS"] {
        let (status, _) = server.get_text(bad).await;
        assert_eq!(status, 404, "{bad}");
    }
}

#[tokio::test]
async fn issue_pages_link_to_their_node_and_the_map_is_stored_like_other_pages() {
    let server = InProcess::new().await;
    let (_, html) = server.get_text("/issues/securing-bgp").await;
    assert!(html.contains("href=\"/map?issue=securing-bgp\""));
    assert!(visible_text(&html).contains("See Securing BGP on the topic map"));
    let first = server.get("/map?issue=tls").await;
    assert_eq!(first.status, 200);
    let second = server.get("/map?issue=tls").await;
    assert!(
        second
            .header("cache-status")
            .unwrap_or_default()
            .contains("hit"),
        "{}",
        second.header("cache-status").unwrap_or_default()
    );
    let other = server.get("/map?issue=dns").await;
    assert!(
        !other
            .header("cache-status")
            .unwrap_or_default()
            .contains("hit"),
        "?issue= is part of the key"
    );
}
