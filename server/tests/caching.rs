//! Caching headers and conditional requests, over TCP.

mod support;

use support::TestServer;

async fn etag_of(server: &TestServer, path: &str) -> (String, String) {
    let response = server.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let header = |name: &str| support::header(&response, name);
    (header("etag"), header("cache-control"))
}

#[tokio::test]
async fn pages_have_a_stable_etag_despite_their_per_request_nonce() {
    let server = TestServer::start();
    let (first, policy) = etag_of(&server, "/issues/dns").await;
    let (second, _) = etag_of(&server, "/issues/dns").await;
    let (other, _) = etag_of(&server, "/issues/dnssec").await;
    assert!(first.starts_with("W/\""), "{first}");
    assert_eq!(
        first, second,
        "same page, same tag, although the nonce changed"
    );
    assert_ne!(first, other, "different pages, different tags");
    assert_eq!(policy, "public, max-age=60");
}

#[tokio::test]
async fn a_matching_if_none_match_gets_304_without_body_or_csp() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    for path in ["/issues/dns", "/", "/api/issues", "/api/issues/tls"] {
        let (tag, _) = etag_of(&server, path).await;
        let response = client
            .get(server.url(path))
            .header("if-none-match", &tag)
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), 304, "{path}");
        assert!(
            response.headers().get("content-security-policy").is_none(),
            "{path}: a 304 must not replace the stored policy"
        );
        assert_eq!(
            response.headers().get("etag").and_then(|v| v.to_str().ok()),
            Some(tag.as_str())
        );
        assert!(response.text().await.expect("body").is_empty());

        let stale = client
            .get(server.url(path))
            .header("if-none-match", "W/\"0000000000000000\"")
            .send()
            .await
            .expect("get");
        assert_eq!(
            stale.status(),
            200,
            "{path}: a stale tag gets the full page"
        );
    }
}

#[tokio::test]
async fn icons_are_cached_for_a_day_and_errors_are_not_tagged() {
    let server = TestServer::start();
    let (_, policy) = etag_of(&server, "/icons/tls.svg").await;
    assert_eq!(policy, "public, max-age=86400");
    let response = server.get("/issues/nope").await;
    assert_eq!(response.status(), 404);
    assert!(response.headers().get("etag").is_none());
}

#[tokio::test]
async fn a_page_served_again_differs_from_the_first_only_by_its_nonce() {
    let server = TestServer::start();
    let mut pages = Vec::new();
    for _ in 0..3 {
        let response = server.get("/issues/privacy").await;
        let policy = support::header(&response, "content-security-policy");
        let nonce = support::csp_nonce(&policy).expect("nonce").to_string();
        let html = response.text().await.expect("body");
        assert!(html.contains(&format!("nonce=\"{nonce}\"")));
        pages.push((nonce.clone(), html.replace(&nonce, "NONCE")));
    }
    assert_ne!(pages[0].0, pages[1].0);
    assert_ne!(pages[1].0, pages[2].0);
    assert_eq!(pages[0].1, pages[1].1);
    assert_eq!(pages[1].1, pages[2].1);
}

#[tokio::test]
async fn built_assets_are_served_from_pre_compressed_copies() {
    let site = tempfile::tempdir().expect("tempdir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).expect("pkg");
    let script = "export function hello() { return 'hello'; }\n".repeat(500);
    std::fs::write(pkg.join("explorer.0123456789abcdef.js"), &script).expect("write");
    let root = site.path().to_str().expect("utf-8 path");
    let server = TestServer::start_with_env(&[("LEPTOS_SITE_ROOT", root)]);

    let copy = pkg.join("explorer.0123456789abcdef.js.br");
    for _ in 0..200 {
        if copy.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let stored = std::fs::read(&copy).expect("the server wrote a brotli copy");
    assert!(
        pkg.join("explorer.0123456789abcdef.js.gz").exists(),
        "and a gzip copy"
    );

    let response = reqwest::Client::new()
        .get(server.url("/pkg/explorer.0123456789abcdef.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    let header = |name: &str| support::header(&response, name);
    assert_eq!(header("content-encoding"), "br");
    assert_eq!(
        header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        response.bytes().await.expect("body").as_ref(),
        stored.as_slice(),
        "the stored copy, not a fresh compression"
    );
}

#[tokio::test]
async fn static_files_answer_conditional_requests_with_304() {
    let server = TestServer::start();
    let first = server.get("/icons/dns.svg").await;
    let modified = support::header(&first, "last-modified");
    assert!(!modified.is_empty(), "icons carry Last-Modified");
    let response = reqwest::Client::new()
        .get(server.url("/icons/dns.svg"))
        .header("if-modified-since", &modified)
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 304);
}
