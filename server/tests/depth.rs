//! Issue pages with substance and the glossary, rendered by the whole app, in-process and
//! checked against what the JSON API says the content holds.

mod support;

use serde_json::Value;
use support::in_process::InProcess;
use support::{main_of, visible_text};

/// Collapses runs of whitespace, so text compares the same however the HTML wraps it.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings<'a>(value: &'a Value, key: &str) -> Vec<&'a str> {
    value[key]
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `href="…"` values of the links in an HTML fragment.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[tokio::test]
async fn every_issue_page_shows_overview_facts_standards_reading_and_review_date() {
    let server = InProcess::new().await;
    let (_, index) = server.get_json("/api/issues").await;
    let slugs: Vec<String> = index["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|section| section["issues"].as_array().expect("issues").iter())
        .map(|issue| issue["slug"].as_str().expect("slug").to_string())
        .collect();
    assert_eq!(slugs.len(), 26);
    for slug in &slugs {
        let (status, issue) = server.get_json(&format!("/api/issues/{slug}")).await;
        assert_eq!(status, 200, "{slug}");
        let (status, html) = server.get_text(&format!("/issues/{slug}")).await;
        assert_eq!(status, 200, "{slug}");
        let main = main_of(&html);
        let text = squeeze(&visible_text(main));

        for paragraph in issue["overview_text"]
            .as_str()
            .expect("overview")
            .split("\n\n")
        {
            assert!(
                text.contains(&squeeze(paragraph)),
                "{slug}: overview paragraph missing: {paragraph}"
            );
        }
        for paragraph in strings(&issue, "paragraphs") {
            assert!(text.contains(&squeeze(paragraph)), "{slug}: blurb missing");
        }
        let links = hrefs(main);
        let facts = issue["facts"].as_array().expect("facts");
        if facts.is_empty() {
            assert!(
                issue["facts_missing"].is_string(),
                "{slug}: no facts and no reason"
            );
            assert!(!text.contains("Key facts"), "{slug}: an empty facts panel");
        } else {
            assert!(text.contains("Key facts"), "{slug}");
        }
        for fact in facts {
            let url = fact["source_url"].as_str().expect("url");
            assert!(url.starts_with("https://"), "{slug}: {url}");
            assert!(
                links.contains(&url.replace('&', "&amp;").as_str()),
                "{slug}: no link to {url}"
            );
            assert!(
                text.contains(&squeeze(fact["text"].as_str().expect("text"))),
                "{slug}: fact text"
            );
            let datetime = format!(
                "<time datetime=\"{}\">{}</time>",
                fact["as_of"].as_str().expect("as_of"),
                fact["as_of_label"].as_str().expect("label")
            );
            assert!(main.contains(&datetime), "{slug}: {datetime}");
        }
        for standard in issue["standards"].as_array().expect("standards") {
            let rfc = standard["rfc"].as_u64().expect("rfc");
            let url = format!("https://www.rfc-editor.org/rfc/rfc{rfc}");
            assert!(
                links.contains(&url.as_str()),
                "{slug}: RFC {rfc} not linked"
            );
            assert!(text.contains(&format!("RFC {rfc}: ")), "{slug}: RFC {rfc}");
        }
        for reading in issue["reading"].as_array().expect("reading") {
            let url = reading["url"].as_str().expect("url");
            assert!(links.contains(&url), "{slug}: reading {url}");
        }
        let reviewed = format!(
            "Last reviewed <time datetime=\"{}\">{}</time>",
            issue["reviewed"].as_str().expect("reviewed"),
            issue["reviewed_label"].as_str().expect("label")
        );
        assert!(main.contains(&reviewed), "{slug}: {reviewed}");
        assert!(
            text.contains("In the Internet Society’s words"),
            "{slug}: the quote is attributed"
        );
    }
}

#[tokio::test]
async fn the_glossary_lists_every_term_with_an_anchor_that_issue_pages_link_to() {
    let server = InProcess::new().await;
    let (status, glossary) = server.get_json("/api/glossary").await;
    assert_eq!(status, 200);
    let entries = glossary.as_array().expect("a list");
    assert!(entries.len() >= 20, "{}", entries.len());
    let (status, html) = server.get_text("/glossary").await;
    assert_eq!(status, 200);
    assert!(html.contains("<title>Glossary · Internet Issues Explorer</title>"));
    let main = main_of(&html);
    let text = squeeze(&visible_text(main));
    for entry in entries {
        let anchor = entry["anchor"].as_str().expect("anchor");
        assert_eq!(
            main.matches(&format!(" id=\"{anchor}\"")).count(),
            1,
            "#{anchor} once"
        );
        assert!(
            text.contains(&squeeze(entry["definition"].as_str().expect("definition"))),
            "#{anchor} definition"
        );
        for issue in entry["issues"].as_array().expect("issues") {
            let href = format!("href=\"/issues/{}\"", issue["slug"].as_str().expect("slug"));
            assert!(main.contains(&href), "#{anchor} does not link {href}");
        }
    }
    // Every glossary link on an issue page lands on an entry that exists.
    let anchors: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["anchor"].as_str())
        .collect();
    for slug in ["dns", "securing-bgp", "privacy", "blockchain"] {
        let (_, html) = server.get_text(&format!("/issues/{slug}")).await;
        let term_links: Vec<&str> = hrefs(main_of(&html))
            .into_iter()
            .filter_map(|href| href.strip_prefix("/glossary#"))
            .collect();
        assert!(!term_links.is_empty(), "{slug} links no terms");
        for anchor in term_links {
            assert!(
                anchors.contains(&anchor),
                "{slug} links #{anchor}, which /glossary lacks"
            );
        }
        assert!(
            html.contains("<abbr title=\""),
            "{slug}: no abbreviation marked"
        );
    }
}

#[tokio::test]
async fn the_glossary_api_refuses_query_parameters_and_the_page_is_linked_everywhere() {
    let server = InProcess::new().await;
    let (status, body) = server.get_json("/api/glossary?x=1").await;
    assert_eq!(status, 400, "{body}");
    for path in ["/", "/issues/dns", "/no-such-page"] {
        let (_, html) = server.get_text(path).await;
        assert!(
            html.contains("href=\"/glossary\""),
            "{path} does not link the glossary"
        );
    }
    let (status, entries) = server.get_json("/api/fn/get_glossary").await;
    assert_eq!(status, 200);
    assert!(entries.as_array().is_some_and(|e| !e.is_empty()));
}
