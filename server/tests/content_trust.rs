//! What makes the content trustworthy, as a reader meets it (in-process): typed
//! connections on issue pages, on the map and in the API; editor's notes next to the quote;
//! copies in small print; the age of old figures; `/changes` and the Atom feed.

mod support;

use serde_json::Value;
use support::in_process::InProcess;
use support::{main_of, visible_text};

/// Every issue's slug from the listing.
async fn slugs(server: &InProcess) -> Vec<String> {
    let (_, index) = server.get_json("/api/issues").await;
    index["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|section| section["issues"].as_array().expect("issues").iter())
        .map(|issue| issue["slug"].as_str().expect("slug").to_string())
        .collect()
}

/// How many connections `content/connections.toml` writes.
fn written_connections() -> usize {
    std::fs::read_to_string(support::workspace().join("content/connections.toml"))
        .expect("read")
        .matches("[[connection]]")
        .count()
}

#[tokio::test]
async fn every_connection_is_on_both_pages_worded_from_each_side_with_its_reason() {
    let server = InProcess::new().await;
    let mut pairs = 0;
    for slug in slugs(&server).await {
        let (_, issue) = server.get_json(&format!("/api/issues/{slug}")).await;
        let (status, html) = server.get_text(&format!("/issues/{slug}")).await;
        assert_eq!(status, 200);
        let main = main_of(&html);
        let section = &main[main
            .find("id=\"connections-heading\"")
            .expect("How it connects")..];
        let short = issue["short_title"].as_str().expect("short title");
        for connection in issue["related"].as_array().expect("related") {
            for field in ["slug", "title", "relation", "wording", "why"] {
                assert!(
                    connection[field].is_string(),
                    "{slug}: {field} in {connection}"
                );
            }
            let heading = format!(
                "{short} {}",
                connection["wording"].as_str().expect("wording")
            );
            let group = &section[section
                .find(&format!(">{heading}</h3>"))
                .unwrap_or_else(|| panic!("{slug}: no group “{heading}”"))..];
            let group = &group[..group.find("</ul>").expect("list end")];
            assert!(
                group.contains(&format!(
                    "href=\"/issues/{}\"",
                    connection["slug"].as_str().expect("slug")
                )),
                "{slug}: {heading} lacks {}",
                connection["slug"]
            );
            let why = connection["why"]
                .as_str()
                .expect("why")
                .replace('\'', "&#x27;");
            assert!(
                visible_text(group).contains(connection["why"].as_str().expect("why"))
                    || group.contains(&why),
                "{slug}: {why}"
            );
            if connection["outgoing"] == Value::Bool(true) {
                pairs += 1;
            }
        }
    }
    assert_eq!(pairs, written_connections());
    let (_, dns) = server.get_text("/issues/dns").await;
    assert!(visible_text(main_of(&dns)).contains("DNS is protected by"));
    let (_, dnssec) = server.get_text("/issues/dnssec").await;
    assert!(visible_text(main_of(&dnssec)).contains("DNSSEC protects"));
}

#[tokio::test]
async fn the_map_styles_lines_by_relation_and_narrows_to_one_without_javascript() {
    let server = InProcess::new().await;
    let (_, html) = server.get_text("/map").await;
    let edges: Vec<&str> = html
        .split("<line ")
        .skip(1)
        .map(|tag| &tag[..tag.find('>').unwrap_or(0)])
        .filter(|tag| tag.contains("class=\"map-edge"))
        .collect();
    assert_eq!(edges.len(), written_connections());
    let protects = edges
        .iter()
        .filter(|tag| tag.contains("map-edge--protects"))
        .count();
    assert!(protects > 0);
    assert!(
        edges.iter().all(|tag| tag.contains("map-edge--")),
        "every line names its relation"
    );
    // The legend is a list of links, one per relation in use, each drawing its line style.
    let legend = &html[html.find("Kinds of connection").expect("legend")..];
    let legend = &legend[..legend.find("</nav>").expect("legend end")];
    assert!(legend.contains("href=\"/map?relation=protects\""));
    assert!(legend.contains("legend-line map-edge--protects"));
    assert!(visible_text(legend).contains("Protects / is protected by"));
    assert!(
        !legend.contains("relation=measured-by"),
        "only relations in use"
    );

    let (status, narrowed) = server.get_text("/map?relation=protects&issue=dns").await;
    assert_eq!(status, 200);
    let kept = narrowed
        .split("<line ")
        .skip(1)
        .filter(|tag| tag[..tag.find('>').unwrap_or(0)].contains("class=\"map-edge"))
        .count();
    assert_eq!(kept, protects);
    assert!(visible_text(&narrowed)
        .contains("Showing only the connections “Protects / is protected by”."));
    assert!(
        narrowed.contains("href=\"/map?issue=dns&amp;relation=protects\" aria-current=\"page\"")
            || narrowed.contains("href=\"/map?issue=dns&relation=protects\" aria-current=\"page\"")
    );
    // The selected issue's panel words the connection from its side.
    let panel = &narrowed[narrowed
        .find("href=\"/issues/dns\">Domain Name System (DNS)</a></h2>")
        .expect("dns panel")..];
    let panel = &panel[..panel.find("</section>").expect("panel end")];
    assert!(
        visible_text(panel)
            .contains("is protected by Domain Name System Security Extensions (DNSSEC)"),
        "{panel}"
    );

    for bad in ["/map?relation=guards", "/map?relation=PROTECTS"] {
        let (status, body) = server.get_text(bad).await;
        assert_eq!(status, 404, "{bad}");
        assert!(
            visible_text(&body).contains("There is no relation called"),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn editors_notes_sit_next_to_the_quote_and_cite_their_evidence() {
    let server = InProcess::new().await;
    for (slug, words) in [
        (
            "ipv6",
            "hundreds of millions of people are still to come online",
        ),
        ("blockchain", "in a secure and encrypted way"),
        ("tls", "unable to see what you transmit"),
    ] {
        let (_, html) = server.get_text(&format!("/issues/{slug}")).await;
        let main = main_of(&html);
        let quote_end = main.find("</figure>").expect("quote");
        let aside = main
            .find("<aside aria-labelledby=\"editor-notes-heading\" class=\"editor-notes\"")
            .unwrap_or_else(|| panic!("{slug}: no note"));
        assert!(
            aside > quote_end && aside - quote_end < 40,
            "{slug}: the note follows the quote"
        );
        let notes = &main[aside..aside + main[aside..].find("</aside>").expect("end")];
        assert!(
            notes.contains(&format!("<q class=\"editor-note__quote\">{words}</q>")),
            "{slug}"
        );
        assert!(
            notes.contains("<a href="),
            "{slug}: the note cites a fact or a source"
        );
    }
    let (_, ipv6) = server.get_text("/issues/ipv6").await;
    assert!(ipv6.contains("href=\"/issues/connecting-the-world\""));
    let (_, dns) = server.get_text("/issues/dns").await;
    assert!(
        !dns.contains("editor-notes"),
        "no note where none is written"
    );
}

#[tokio::test]
async fn copies_are_small_print_old_figures_say_their_age_and_standards_their_month() {
    let server = InProcess::new().await;
    let (_, json) = server.get_json("/api/issues/tls").await;
    let web_almanac = json["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .find(|fact| {
            fact["source_url"]
                .as_str()
                .is_some_and(|u| u.contains("almanac.httparchive.org"))
        })
        .expect("the Web Almanac fact cites the publisher");
    let copy = web_almanac["seen_in"].as_str().expect("and keeps the copy");
    let (_, html) = server.get_text("/issues/tls").await;
    assert!(html.contains(&format!("<small>Figure checked in <a href=\"{copy}\" rel=\"external\">a copy of the source</a>.</small>")));
    assert!(visible_text(main_of(&html))
        .contains("RFC 9846: The Transport Layer Security (TLS) Protocol Version 1.3 (July 2026)"));

    // A figure more than three years older than the review says so; a recent one does not.
    let mut aged = 0;
    for slug in slugs(&server).await {
        let (_, issue) = server.get_json(&format!("/api/issues/{slug}")).await;
        let (_, html) = server.get_text(&format!("/issues/{slug}")).await;
        let reviewed: u32 = issue["reviewed"].as_str().expect("reviewed")[..4]
            .parse()
            .expect("year");
        for fact in issue["facts"].as_array().expect("facts") {
            let year: u32 = fact["as_of"].as_str().expect("as_of")[..4]
                .parse()
                .expect("year");
            let label = format!("(figure from {year})");
            match fact["age_label"].as_str() {
                Some(age) => {
                    aged += 1;
                    assert!(reviewed - year >= 3, "{slug}: {age}");
                    assert!(html.contains(&label), "{slug}: {label}");
                }
                None => assert!(
                    reviewed - year <= 3,
                    "{slug}: a {year} figure without its age"
                ),
            }
        }
    }
    assert!(aged > 0, "the content has figures older than three years");
}

#[tokio::test]
async fn changes_are_listed_newest_first_and_fed_as_atom() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/changes").await;
    assert_eq!(status, 200);
    assert!(html.contains("<title>Changes · Internet Issues Explorer</title>"));
    let main = main_of(&html);
    let dates: Vec<&str> = main
        .split("<time datetime=\"")
        .skip(1)
        .map(|rest| &rest[..10])
        .collect();
    assert!(dates.len() >= 2);
    assert!(
        dates.windows(2).all(|w| w[0] > w[1]),
        "one heading per date, newest first: {dates:?}"
    );
    let mut entries = 0;
    for slug in slugs(&server).await {
        let (_, issue) = server.get_json(&format!("/api/issues/{slug}")).await;
        let changes = issue["changes"].as_array().expect("changes");
        assert!(!changes.is_empty(), "{slug}");
        entries += changes.len();
        assert!(main.contains(&format!("href=\"/issues/{slug}\"")), "{slug}");
    }
    // Every page announces the feed; the feed has one entry per change.
    for page in ["/", "/issues/dns", "/map", "/glossary", "/changes"] {
        let (_, html) = server.get_text(page).await;
        assert!(
            html.split("<link ").any(|tag| {
                let tag = &tag[..tag.find('>').unwrap_or(0)];
                tag.contains("/feed.xml\"")
                    && tag.contains("rel=\"alternate\"")
                    && tag.contains("type=\"application/atom+xml\"")
            }),
            "{page}"
        );
    }
    let feed = server.get("/feed.xml").await;
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    let xml = feed.text();
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(xml.matches("<entry>").count(), entries);
    assert_eq!(xml.matches("</entry>").count(), entries);
}
