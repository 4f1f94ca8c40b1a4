//! `server export <dir>`: the static export, written by the real binary.

mod support;

use std::process::Stdio;

#[test]
fn the_export_writes_every_page_and_a_headers_file_with_each_page_csp() {
    // A site root like cargo-leptos' (public/ plus a built pkg/), in a temporary folder.
    let site = tempfile::tempdir().expect("tempdir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).expect("pkg");
    std::fs::write(pkg.join("explorer.0123456789abcdef.css"), "body{}").expect("css");
    std::fs::copy(
        support::workspace().join("public/favicon.svg"),
        site.path().join("favicon.svg"),
    )
    .expect("favicon");
    let out = tempfile::tempdir().expect("tempdir");
    let output = support::command(&support::workspace().join("content"))
        .env("LEPTOS_SITE_ROOT", site.path())
        .arg("export")
        .arg(out.path())
        .stdout(Stdio::piped())
        .output()
        .expect("run the export");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let read = |path: &str| {
        std::fs::read_to_string(out.path().join(path)).unwrap_or_else(|_| panic!("{path}"))
    };
    let headers = read("_headers");
    for (url, file) in [
        ("/", "index.html"),
        ("/issues/dns", "issues/dns.html"),
        ("/issues/women-in-tech", "issues/women-in-tech.html"),
        ("/map", "map.html"),
        ("/glossary", "glossary.html"),
        ("/changes", "changes.html"),
        ("/fr/", "fr/index.html"),
        ("/fr/issues/dns", "fr/issues/dns.html"),
        ("/es/glossary", "es/glossary.html"),
        ("/404.html", "404.html"),
    ] {
        let html = read(file);
        assert!(html.starts_with("<!DOCTYPE html>"), "{file}");
        assert!(!html.contains(" nonce="), "{file}: no nonce in fixed bytes");
        assert!(!html.contains("<!>"), "{file}: valid comments");
        let block = headers
            .split(&format!("\n{url}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("_headers has no block for {url}"));
        let policy = block
            .lines()
            .find_map(|line| line.trim().strip_prefix("content-security-policy: "))
            .unwrap_or_else(|| panic!("{url}: no CSP"));
        assert!(
            policy.contains("'sha256-") && !policy.contains("nonce"),
            "{url}: {policy}"
        );
    }
    assert_eq!(
        std::fs::read_dir(out.path().join("issues"))
            .map(|dir| dir.count())
            .ok(),
        Some(26)
    );
    for lang in ["fr", "es"] {
        assert_eq!(
            std::fs::read_dir(out.path().join(lang).join("issues"))
                .map(|dir| dir.count())
                .ok(),
            Some(26),
            "{lang}"
        );
        assert!(
            read(&format!("{lang}/issues/tls.html")).contains(&format!("<html lang=\"{lang}\""))
        );
    }
    assert!(headers.contains("\n/pkg/*\n  cache-control: max-age=31536000, immutable"));
    let search: serde_json::Value =
        serde_json::from_str(&read("api/search-index/en")).expect("the search data is JSON");
    assert!(search.is_object());
    for lang in ["fr", "es"] {
        let search: serde_json::Value =
            serde_json::from_str(&read(&format!("api/search-index/{lang}")))
                .expect("the search data is JSON");
        assert_eq!(search["lang"], lang, "each language's own data");
    }
    assert!(out
        .path()
        .join("pkg/explorer.0123456789abcdef.css")
        .exists());
    assert!(out.path().join("share/dns.png").exists());
    assert!(out.path().join("share/dns.fr.png").exists());
    assert!(out.path().join("share/site.es.png").exists());
    let sitemap = read("sitemap.xml");
    assert!(sitemap.contains("/issues/dns</loc>"));
    assert!(sitemap.contains("/fr/issues/dns</loc>"));
    assert!(sitemap.contains("hreflang=\"es\" href=\"") && sitemap.contains("/es/issues/dns\"/>"));
    // The feed keeps its Atom type: a static host would call a .xml file plain XML.
    assert!(read("feed.xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    let feed = headers
        .split("\n/feed.xml\n")
        .nth(1)
        .expect("a block for the feed");
    let feed = &feed[..feed.find("\n/").unwrap_or(feed.len())];
    assert!(
        feed.contains("content-type: application/atom+xml; charset=utf-8"),
        "{feed}"
    );
}

#[test]
fn the_export_needs_a_directory() {
    let output = support::command(&support::workspace().join("content"))
        .arg("export")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: server export <directory>"));
}
