//! What search engines and link previews read, from the whole app in-process: canonical
//! addresses and Open Graph tags from `PUBLIC_BASE_URL`, JSON-LD that parses and cannot be
//! broken out of, `/sitemap.xml` and `/robots.txt`.

mod support;

use std::fs;

use support::in_process::InProcess;
use support::{copy_dir, json_ld, workspace};

const BASE: &str = "https://issues.example.org";

async fn public_server() -> InProcess {
    InProcess::with_public_base(BASE).await
}

/// The `content` of `<meta property|name="key" …>`.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let at = html
        .find(&format!("property=\"{key}\""))
        .or_else(|| html.find(&format!("name=\"{key}\"")))?;
    let start = html[..at].rfind("<meta")?;
    let tag = &html[start..start + html[start..].find('>')?];
    let content = tag.split("content=\"").nth(1)?;
    content.split('"').next()
}

fn canonical(html: &str) -> Option<&str> {
    let at = html.find("rel=\"canonical\"")?;
    let start = html[..at].rfind("<link")?;
    let tag = &html[start..start + html[start..].find('>')?];
    tag.split("href=\"").nth(1)?.split('"').next()
}

#[tokio::test]
async fn every_page_names_its_canonical_address_and_preview() {
    let server = public_server().await;
    for (path, canonical_path, title) in [
        ("/", "/", "Internet Issues Explorer"),
        (
            "/?focus=building-trust",
            "/?focus=building-trust",
            "Building Trust",
        ),
        ("/?q=privacy", "/", "Search: privacy"),
        ("/issues/dns", "/issues/dns", "Domain Name System (DNS)"),
        ("/map?issue=dns", "/map", "Topic map"),
        ("/glossary", "/glossary", "Glossary"),
    ] {
        let (status, html) = server.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        let url = format!("{BASE}{canonical_path}");
        assert_eq!(canonical(&html), Some(url.as_str()), "{path}");
        assert_eq!(meta(&html, "og:url"), Some(url.as_str()), "{path}");
        assert_eq!(meta(&html, "og:title"), Some(title), "{path}");
        assert_eq!(
            meta(&html, "og:site_name"),
            Some("Internet Issues Explorer")
        );
        assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
        assert_eq!(meta(&html, "og:image:width"), Some("1200"));
        assert_eq!(meta(&html, "og:image:height"), Some("630"));
        assert!(
            meta(&html, "og:image:alt").is_some_and(|alt| alt.len() > 20),
            "{path}"
        );
        let description = meta(&html, "og:description").unwrap_or_default();
        assert!(description.len() > 40, "{path}: {description}");
        assert_eq!(meta(&html, "description"), Some(description), "{path}");
    }
    let (_, html) = server.get_text("/issues/dns").await;
    assert_eq!(meta(&html, "og:type"), Some("article"));
    assert_eq!(meta(&html, "robots"), Some("index, follow"));
    let (status, html) = server.get_text("/no-such-page").await;
    assert_eq!(status, 404);
    assert_eq!(
        meta(&html, "robots"),
        Some("noindex"),
        "a 404 stays out of search engines"
    );
    // The same head tags as every page (the islands router patches heads tag by tag).
    assert_eq!(
        canonical(&html),
        Some(format!("{BASE}/no-such-page").as_str())
    );
}

#[tokio::test]
async fn structured_data_describes_the_site_and_each_issue() {
    let server = public_server().await;
    let (_, html) = server.get_text("/").await;
    let blocks = json_ld(&html);
    let site = blocks[0].as_array().expect("WebSite and ItemList");
    assert_eq!(site[0]["@type"], "WebSite");
    assert_eq!(
        site[0]["potentialAction"]["target"]["urlTemplate"],
        format!("{BASE}/?q={{search_term_string}}")
    );
    assert_eq!(site[1]["@type"], "ItemList");
    let items = site[1]["itemListElement"].as_array().expect("items");
    assert_eq!(items.len(), 26);
    assert_eq!(items[0]["url"], format!("{BASE}/issues/building-trust"));

    let (_, detail) = server.get_json("/api/issues/ipv6").await;
    let (_, html) = server.get_text("/issues/ipv6").await;
    let blocks = json_ld(&html);
    let article = blocks
        .iter()
        .find(|b| b["@type"] == "Article")
        .expect("Article");
    assert_eq!(article["headline"], detail["title"]);
    assert_eq!(article["description"], detail["summary"]);
    assert_eq!(article["dateModified"], detail["reviewed"]);
    // IPv6 is part of two focus areas' pages; the focus area lists its parts.
    let parts_of: Vec<&str> = article["isPartOf"]
        .as_array()
        .expect("isPartOf")
        .iter()
        .filter_map(|page| page["url"].as_str())
        .collect();
    let expected: Vec<String> = detail["related"]
        .as_array()
        .expect("related")
        .iter()
        .filter(|c| c["relation"] == "part-of" && c["outgoing"] == true)
        .map(|c| format!("{BASE}/issues/{}", c["slug"].as_str().expect("slug")))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(parts_of, expected);
    let (_, html) = server.get_text("/issues/connecting-the-world").await;
    let area = json_ld(&html)
        .into_iter()
        .find(|b| b["@type"] == "Article")
        .expect("Article");
    assert!(area["hasPart"]
        .as_array()
        .expect("hasPart")
        .iter()
        .any(|page| page["url"] == format!("{BASE}/issues/ipv6")));
    let crumbs = blocks
        .iter()
        .find(|b| b["@type"] == "BreadcrumbList")
        .expect("breadcrumbs");
    assert_eq!(
        crumbs["itemListElement"][1]["item"],
        format!("{BASE}/issues/ipv6")
    );
}

#[tokio::test]
async fn a_title_with_closing_tags_cannot_break_out_of_the_title_or_the_json_ld() {
    let scratch = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("content"), scratch.path());
    let file = scratch.path().join("issues/privacy.md");
    let text = fs::read_to_string(&file).expect("read");
    let hostile = "Privacy </title></script><script>alert(1)</script> & more";
    fs::write(
        &file,
        text.replacen("title = \"Privacy\"", &format!("title = \"{hostile}\""), 1),
    )
    .expect("write");
    let server = InProcess::with_content_and_base(scratch.path(), BASE).await;
    let (status, html) = server.get_text("/issues/privacy").await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("<script>alert(1)"),
        "the title escaped its element"
    );
    // Escaped exactly once: the app escapes because leptos_meta 0.8.7 does not; if an
    // upgrade starts escaping too, this shows `&amp;amp;` (README, "Upgrading Leptos").
    let title = html
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(title, _)| title)
        .expect("a <title>");
    assert!(
        title.starts_with(
            "Privacy &lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
        ),
        "{title}"
    );
    let article = json_ld(&html)
        .into_iter()
        .find(|b| b["@type"] == "Article")
        .expect("Article");
    assert_eq!(article["headline"], hostile);
}

#[tokio::test]
async fn the_sitemap_lists_every_page_and_robots_points_to_it() {
    let server = public_server().await;
    let response = server.get("/sitemap.xml").await;
    assert_eq!(response.status, 200);
    assert!(response
        .header("content-type")
        .unwrap_or_default()
        .starts_with("application/xml"));
    let xml = response.text();
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</loc>").expect("closed")])
        .collect();
    // Every page in English, French and Spanish.
    assert_eq!(locs.len(), 3 * (4 + 26));
    for path in [
        "/",
        "/map",
        "/glossary",
        "/changes",
        "/issues/dns",
        "/issues/women-in-tech",
        "/fr/",
        "/es/map",
        "/fr/issues/dns",
    ] {
        assert!(locs.contains(&format!("{BASE}{path}").as_str()), "{path}");
    }
    assert!(xml.contains(&format!(
        "<loc>{BASE}/issues/dns</loc><lastmod>2026-12-06</lastmod>"
    )));
    // Each entry names its page in the other languages, English as the default.
    assert!(xml.contains(&format!(
        "<loc>{BASE}/es/issues/dns</loc><lastmod>2026-12-06</lastmod>\
         <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}/issues/dns\"/>\
         <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"{BASE}/fr/issues/dns\"/>\
         <xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"{BASE}/es/issues/dns\"/>\
         <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{BASE}/issues/dns\"/>"
    )));
    for loc in &locs {
        let path = loc.strip_prefix(BASE).expect("absolute");
        let (status, _) = server.get_text(path).await;
        assert_eq!(status, 200, "{path}");
    }
    let (status, robots) = server.get_text("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(
        robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")),
        "{robots}"
    );
}

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((number(16), number(20)))
}

#[tokio::test]
async fn each_page_points_to_a_real_1200_by_630_share_image() {
    let server = public_server().await;
    let (_, html) = server.get_text("/issues/securing-bgp").await;
    assert_eq!(
        meta(&html, "og:image"),
        Some(format!("{BASE}/share/securing-bgp.png").as_str())
    );
    assert!(meta(&html, "og:image:alt").is_some_and(|alt| alt
        .starts_with("Securing Border Gateway Protocol (BGP): Improving Technical Security")));
    let (_, html) = server.get_text("/glossary").await;
    assert_eq!(
        meta(&html, "og:image"),
        Some(format!("{BASE}/share/site.png").as_str())
    );
    // French and Spanish pages share images with their own words.
    let (_, html) = server.get_text("/fr/issues/securing-bgp").await;
    assert_eq!(
        meta(&html, "og:image"),
        Some(format!("{BASE}/share/securing-bgp.fr.png").as_str())
    );
    let (_, html) = server.get_text("/es/glossary").await;
    assert_eq!(
        meta(&html, "og:image"),
        Some(format!("{BASE}/share/site.es.png").as_str())
    );
    let english = server.get("/share/securing-bgp.png").await.body;
    let french = server.get("/share/securing-bgp.fr.png").await.body;
    assert_ne!(english, french, "the French card is drawn in French");
    for path in [
        "/share/securing-bgp.png",
        "/share/site.png",
        "/share/artificial-intelligence.png",
        "/share/securing-bgp.fr.png",
        "/share/site.es.png",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some("image/png"));
        assert_eq!(
            response.header("cache-control"),
            Some("max-age=86400"),
            "{path}"
        );
        let etag = response.header("etag").unwrap_or_default();
        assert!(etag.starts_with('"'), "{path}: {etag}");
        let bytes = &response.body;
        assert_eq!(png_size(bytes), Some((1200, 630)), "{path}");
        // The second request is served from memory, byte for byte.
        let again = server.get(path).await;
        assert_eq!(again.header("etag"), Some(etag));
        assert_eq!(&again.body, bytes);
    }
    for missing in [
        "/share/nowhere.png",
        "/share/dns.jpg",
        "/share/dns.de.png",
        "/share/dns.FR.png",
        "/share/dns.en.png",
        "/share/..%2Fsite.png",
    ] {
        assert_eq!(server.get(missing).await.status, 404, "{missing}");
    }
}
