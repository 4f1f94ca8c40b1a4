//! Caching headers and conditional requests, from the whole app in-process; over TCP where
//! the wire matters (HEAD, and the compressed copies the running server writes).

mod support;

use std::io::Read;

use support::in_process::{Answer, InProcess};
use support::{raw_exchange, raw_get, raw_request, TestServer};

async fn etag_of(server: &InProcess, path: &str) -> (String, String) {
    let response = server.get(path).await;
    assert_eq!(response.status, 200, "{path}");
    let header = |name: &str| response.header(name).unwrap_or_default().to_string();
    (header("etag"), header("cache-control"))
}

#[tokio::test]
async fn pages_have_strong_etags_and_shared_caches_may_keep_them() {
    let server = InProcess::new().await;
    let (first, policy) = etag_of(&server, "/issues/dns").await;
    let (second, _) = etag_of(&server, "/issues/dns").await;
    let (other, _) = etag_of(&server, "/issues/dnssec").await;
    assert!(
        first.starts_with('"') && first.len() >= 34,
        "strong: {first}"
    );
    assert_eq!(first, second, "same page, same bytes, same tag");
    assert_ne!(first, other, "different pages, different tags");
    assert_eq!(policy, "max-age=60, stale-while-revalidate=300");
    let brotli = server
        .get_with("/issues/dns", &[("Accept-Encoding", "br")])
        .await;
    assert_eq!(brotli.header("content-encoding"), Some("br"));
    let brotli_tag = brotli.header("etag").unwrap_or_default();
    assert!(
        brotli_tag.starts_with('"') && brotli_tag != first,
        "each encoding is its own representation: {brotli_tag} vs {first}"
    );
    let vary = brotli
        .header("vary")
        .unwrap_or_default()
        .to_ascii_lowercase();
    for name in ["accept-encoding", "islands-router", "cookie"] {
        assert!(vary.contains(name), "Vary: {vary}");
    }
    let (_, json_policy) = etag_of(&server, "/api/issues").await;
    assert_eq!(json_policy, "max-age=60");
    // Variants many CDNs would mix up despite Vary stay out of shared caches.
    for header in [("Cookie", "theme=dark"), ("Islands-Router", "true")] {
        let answer = server.get_with("/issues/dns", &[header]).await;
        assert_eq!(answer.status, 200);
        assert_eq!(
            answer.header("cache-control"),
            Some("private, max-age=60"),
            "{header:?}"
        );
    }
}

/// Two processes, as two replicas would be: nothing shared in memory.
#[tokio::test]
async fn two_servers_give_the_same_etags_for_the_same_build_and_content() {
    let (one, two) = (TestServer::start(), TestServer::start());
    for path in ["/", "/issues/dns", "/map", "/glossary", "/api/issues"] {
        for encoding in ["identity", "br", "gzip"] {
            let request = raw_request("GET", path, &[("Accept-Encoding", encoding)]);
            let (a, b) = (
                raw_exchange(&one, &request).await,
                raw_exchange(&two, &request).await,
            );
            assert_eq!((a.status, b.status), (200, 200), "{path}");
            let (a, b) = (a.header("etag"), b.header("etag"));
            let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
            assert!(!a.is_empty(), "{path} {encoding} has an ETag");
            assert_eq!(a, b, "{path} {encoding}: replicas agree");
        }
    }
}

#[tokio::test]
async fn a_matching_if_none_match_gets_304_without_body_or_csp() {
    let server = InProcess::new().await;
    for path in [
        "/issues/dns",
        "/",
        "/api/issues",
        "/api/issues/tls",
        "/api/glossary",
    ] {
        let (tag, _) = etag_of(&server, path).await;
        let response = server.get_with(path, &[("if-none-match", &tag)]).await;
        assert_eq!(response.status, 304, "{path}");
        assert!(
            response.header("content-security-policy").is_none(),
            "{path}: a 304 must not replace the stored policy"
        );
        assert_eq!(response.header("etag"), Some(tag.as_str()));
        assert!(
            response.body.is_empty(),
            "{path}: a 304 with a body: {:?}",
            response.body
        );
        let stale = server
            .get_with(path, &[("if-none-match", "W/\"0000000000000000\"")])
            .await;
        assert_eq!(stale.status, 200, "{path}: a stale tag gets the full page");
    }
}

#[tokio::test]
async fn icons_are_cached_for_a_day_and_errors_are_not_tagged() {
    let server = InProcess::new().await;
    let (_, policy) = etag_of(&server, "/icons/tls.svg").await;
    assert_eq!(policy, "max-age=86400");
    let response = server.get("/issues/nope").await;
    assert_eq!(response.status, 404);
    assert!(response.header("etag").is_none());
}

#[tokio::test]
async fn a_page_is_the_same_bytes_for_every_request() {
    let server = InProcess::new().await;
    let mut answers = Vec::new();
    for _ in 0..3 {
        let answer = server
            .get_with("/issues/privacy", &[("Accept-Encoding", "br")])
            .await;
        assert_eq!(answer.status, 200);
        let policy = answer.header("content-security-policy").unwrap_or_default();
        answers.push((policy.to_string(), answer.body.clone()));
    }
    assert!(!answers[0].0.contains("nonce"), "{}", answers[0].0);
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[1], answers[2]);
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

    // The copies are written one after the other in the background, each renamed into
    // place when complete: wait (at most 5 s) until both are there.
    let copy = pkg.join("explorer.0123456789abcdef.js.br");
    let gzip = pkg.join("explorer.0123456789abcdef.js.gz");
    for _ in 0..200 {
        if copy.exists() && gzip.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let stored = std::fs::read(&copy).expect("the server wrote a brotli copy");
    assert!(gzip.exists(), "and a gzip copy");

    let response = reqwest::Client::new()
        .get(server.url("/pkg/explorer.0123456789abcdef.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    let header = |name: &str| support::header(&response, name);
    assert_eq!(header("content-encoding"), "br");
    assert_eq!(header("cache-control"), "max-age=31536000, immutable");
    assert_eq!(
        response.bytes().await.expect("body").as_ref(),
        stored.as_slice(),
        "the stored copy, not a fresh compression"
    );
}

#[tokio::test]
async fn static_files_answer_conditional_requests_with_304() {
    let server = InProcess::new().await;
    let first = server.get("/icons/dns.svg").await;
    let modified = first.header("last-modified").unwrap_or_default();
    assert!(!modified.is_empty(), "icons carry Last-Modified");
    let response = server
        .get_with("/icons/dns.svg", &[("if-modified-since", modified)])
        .await;
    assert_eq!(response.status, 304);
}

#[tokio::test]
async fn head_carries_the_etag_and_length_of_get_and_answers_conditionally() {
    let server = TestServer::start();
    for path in ["/issues/dns", "/", "/api/issues/dns"] {
        let get = raw_exchange(&server, &raw_get(path)).await;
        let head = raw_exchange(&server, &raw_request("HEAD", path, &[])).await;
        assert_eq!(head.status, 200, "{path}");
        let tag = get.header("etag").expect("GET has an ETag");
        assert_eq!(head.header("etag"), Some(tag), "{path}");
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str()),
            "{path}: HEAD announces GET's length"
        );
        assert_eq!(
            get.header("content-length"),
            Some(get.body.len().to_string().as_str())
        );
        assert!(head.body.is_empty(), "{path}: HEAD sent a body");
        let conditional = raw_exchange(
            &server,
            &raw_request("HEAD", path, &[("If-None-Match", tag)]),
        )
        .await;
        assert_eq!(conditional.status, 304, "{path}");
    }
}

#[tokio::test]
async fn the_islands_router_document_varies_from_the_full_page() {
    let server = InProcess::new().await;
    let full = server.get("/issues/dns").await;
    let partial = server
        .get_with("/issues/dns", &[("Islands-Router", "true")])
        .await;
    assert_eq!((full.status.as_u16(), partial.status.as_u16()), (200, 200));
    for answer in [&full, &partial] {
        let vary = answer
            .header("vary")
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(vary.contains("islands-router"), "Vary: {vary}");
    }
    // leptos may leave the hydration scripts out of the router's document (it does when
    // `IslandsRouterNavigation` reaches `HydrationScripts`); whatever it sends, a cache must
    // keep the two apart, which is what the Vary above is for.
    assert!(
        full.text().contains("type=\"module\""),
        "the full page hydrates"
    );
    // And after the router's fetch, a normal load still gets the full page.
    let again = server.get("/issues/dns").await;
    assert!(again.text().contains("type=\"module\""));
}

#[tokio::test]
async fn junk_query_parameters_cannot_fill_the_render_store() {
    let server = InProcess::new().await;
    let status_of = |answer: &Answer| {
        answer
            .header("cache-status")
            .unwrap_or_default()
            .to_string()
    };
    let tls = server.get("/issues/tls").await;
    assert_eq!(status_of(&tls), "explorer; fwd=miss; stored");
    let first = server.get("/issues/dns?x=0").await;
    assert_eq!(first.status, 200);
    for n in 1..300 {
        let path = if n % 2 == 0 {
            format!("/issues/dns?x={n}")
        } else {
            format!("/?utm_source={n}")
        };
        let answer = server.get(&path).await;
        assert_eq!(answer.status, 200, "{path}");
        if n > 1 {
            assert_eq!(
                status_of(&answer),
                "explorer; hit",
                "{path}: the page's own entry"
            );
        }
    }
    let tls = server.get("/issues/tls").await;
    assert_eq!(status_of(&tls), "explorer; hit", "a real page stays stored");
    let focus = server.get("/?focus=building-trust").await;
    assert_eq!(
        status_of(&focus),
        "explorer; fwd=miss; stored",
        "a parameter the page reads is its own entry"
    );
}

#[tokio::test]
async fn compressed_bodies_decode_to_the_identity_body() {
    let server = InProcess::new().await;
    for path in [
        "/",
        "/issues/dns",
        "/api/issues",
        "/api/glossary",
        "/icons/dns.svg",
    ] {
        let plain = server.get(path).await.body;
        for encoding in ["br", "gzip"] {
            let response = server
                .get_with(path, &[("accept-encoding", encoding)])
                .await;
            assert_eq!(
                response.header("content-encoding"),
                Some(encoding),
                "{path}"
            );
            let compressed = response.body;
            let mut decoded = Vec::new();
            match encoding {
                "br" => brotli::Decompressor::new(&compressed[..], 4096)
                    .read_to_end(&mut decoded)
                    .expect("valid brotli"),
                _ => flate2::read::GzDecoder::new(&compressed[..])
                    .read_to_end(&mut decoded)
                    .expect("valid gzip"),
            };
            assert_eq!(decoded, plain.as_ref(), "{path} {encoding}");
        }
    }
}
