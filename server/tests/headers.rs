//! Security and operational headers on every kind of response (the header check).

mod support;

use std::collections::HashSet;

use support::{assert_security_headers, csp_nonce, raw_exchange, raw_get, raw_request, TestServer};

/// One path per kind of response the server gives.
const ROUTE_KINDS: [(&str, u16); 8] = [
    ("/", 200),
    ("/issues/dns", 200),
    ("/issues/no-such-issue", 404),
    ("/no/such/page", 404),
    ("/api/issues", 200),
    ("/api/fn/get_issue?slug=dns", 200),
    ("/icons/dns.svg", 200),
    ("/healthz", 200),
];

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let server = TestServer::start();
    for (path, status) in ROUTE_KINDS {
        let answer = raw_exchange(&server, &raw_get(path)).await;
        assert_eq!(answer.status, status, "{path}");
        assert_security_headers(&answer, path);
        assert!(
            answer.header("strict-transport-security").is_none(),
            "{path}: HSTS only behind TLS"
        );
    }
}

#[tokio::test]
async fn answers_the_middleware_makes_itself_carry_the_security_headers_too() {
    let server =
        TestServer::start_with_env(&[("EXPLORER_TEST_HOOKS", "1"), ("REQUEST_TIMEOUT_SECS", "1")]);
    let tag = server.get("/issues/dns").await;
    let tag = support::header(&tag, "etag");
    let long = format!("/{}", "a".repeat(5000));
    let big = "b".repeat(17_000);
    let mut over_limit = raw_request("POST", "/api/fn/get_issue", &[("Content-Length", "70000")]);
    over_limit.extend_from_slice(b"slug=dns");
    let cases: Vec<(Vec<u8>, u16)> = vec![
        (raw_get("/api/issues/%FF"), 400),
        (raw_get("/api/issues/nope"), 404),
        (raw_get("/no/such/page"), 404),
        (raw_get("/pkg/missing.js"), 404),
        (raw_request("DELETE", "/issues/dns", &[]), 405),
        (raw_request("CONNECT", "/", &[]), 405),
        (raw_get("/__test/slow?ms=3000"), 408),
        (over_limit, 413),
        (raw_get(&long), 414),
        (raw_request("GET", "/", &[("X-Big", &big)]), 431),
        (
            raw_request("GET", "/issues/dns", &[("If-None-Match", &tag)]),
            304,
        ),
        (raw_request("OPTIONS", "/issues/dns", &[]), 204),
        (raw_request("HEAD", "/issues/dns", &[]), 200),
        (raw_get("/favicon.svg"), 200),
        (raw_get("/readyz"), 200),
    ];
    for (request, status) in cases {
        let label = String::from_utf8_lossy(&request[..request.len().min(40)]).into_owned();
        let answer = raw_exchange(&server, &request).await;
        assert_eq!(answer.status, status, "{label}");
        assert_security_headers(&answer, &label);
    }
}

/// The directives every page's policy must have, whatever allows its scripts.
fn assert_strict_policy(path: &str, policy: &str) {
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    for directive in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "'wasm-unsafe-eval'",
        // Only a server under `cargo leptos watch` adds its reload socket (startup.rs).
        "connect-src 'self';",
    ] {
        assert!(
            policy.contains(directive),
            "{path}: {directive} missing from {policy}"
        );
    }
}

/// The `'sha256-…'` source of each inline script that runs (no `src`, not a JSON data
/// block), computed here independently of the server.
fn inline_script_sources(html: &str) -> HashSet<String> {
    use base64::Engine;
    use sha2::Digest;
    html.split("<script")
        .skip(1)
        .filter_map(|rest| {
            let (attributes, rest) = rest.split_once('>')?;
            let (content, _) = rest.split_once("</script>")?;
            let runs = !attributes.contains("src=") && !attributes.contains("ld+json");
            runs.then(|| {
                let hash = sha2::Sha256::digest(content.as_bytes());
                format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(hash)
                )
            })
        })
        .collect()
}

#[tokio::test]
async fn stored_pages_allow_exactly_their_inline_scripts_by_hash() {
    let server = TestServer::start();
    for path in [
        "/",
        "/issues/dns",
        "/map",
        "/glossary",
        "/?focus=building-trust",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let policy = support::header(&response, "content-security-policy");
        let html = response.text().await.expect("body");
        assert_strict_policy(path, &policy);
        assert!(!policy.contains("'nonce-"), "{path}: {policy}");
        assert!(
            !html.contains(" nonce="),
            "{path}: a nonce attribute is left"
        );
        let allowed: HashSet<String> = policy
            .split("script-src ")
            .nth(1)
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .filter(|source| source.starts_with("'sha256-"))
            .map(str::to_owned)
            .collect();
        let scripts = inline_script_sources(&html);
        assert!(!scripts.is_empty(), "{path} has inline scripts");
        assert_eq!(
            allowed, scripts,
            "{path}: the policy lists exactly its scripts"
        );
    }
}

#[tokio::test]
async fn pages_rendered_per_request_keep_a_fresh_nonce() {
    let server = TestServer::start();
    let mut nonces = HashSet::new();
    // Error pages, and searches: any text makes a new page, so none is stored.
    for (path, status) in [
        ("/no/such/page", 404),
        ("/no/such/page", 404),
        ("/?q=dns", 200),
        ("/?q=dns", 200),
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), status);
        assert!(
            response.headers().get("cache-status").is_none(),
            "{path} is not stored"
        );
        let policy = support::header(&response, "content-security-policy");
        let html = response.text().await.expect("body");
        assert_strict_policy(path, &policy);
        let nonce = csp_nonce(&policy).expect("nonce in CSP");
        assert!(nonce.len() >= 16, "nonce too short: {nonce}");
        let scripts = html.matches("<script").count();
        let with_nonce = html.matches(&format!(" nonce=\"{nonce}\"")).count();
        assert!(scripts > 0);
        assert_eq!(with_nonce, scripts, "every script carries the CSP nonce");
        assert!(
            nonces.insert(nonce.to_string()),
            "nonce reused across responses"
        );
    }
}

#[tokio::test]
async fn request_ids_are_propagated() {
    let server = TestServer::start();
    let response = reqwest::Client::new()
        .get(server.url("/healthz"))
        .header("x-request-id", "trace-me-42")
        .send()
        .await
        .expect("get");
    assert_eq!(
        response
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok()),
        Some("trace-me-42")
    );
}

#[tokio::test]
async fn probes_answer() {
    let server = TestServer::start();
    let (status, body) = server.get_text("/healthz").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, json) = server.get_json("/readyz").await;
    assert_eq!(status, 200);
    assert_eq!(json["status"], "ready");
    assert_eq!(json["issues"], 26);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_requests_all_get_the_stored_bytes() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    let requests = (0..48).map(|i| {
        let client = client.clone();
        let path = if i % 2 == 0 { "/issues/dns" } else { "/" };
        let url = server.url(path);
        tokio::spawn(async move {
            let response = client.get(url).send().await.expect("get");
            let policy = support::header(&response, "content-security-policy");
            let tag = support::header(&response, "etag");
            let status = support::header(&response, "cache-status");
            (
                path,
                policy,
                tag,
                status,
                response.text().await.expect("body"),
            )
        })
    });
    let mut seen: std::collections::HashMap<&str, (String, String, String)> =
        std::collections::HashMap::new();
    let mut renders: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for request in requests.collect::<Vec<_>>() {
        let (path, policy, tag, status, html) = request.await.expect("task");
        assert!(
            [
                "explorer; fwd=miss; stored",
                "explorer; fwd=miss; collapsed",
                "explorer; hit"
            ]
            .contains(&status.as_str()),
            "{path}: Cache-Status {status}"
        );
        *renders.entry(path).or_default() += usize::from(status.ends_with("stored"));
        let first = seen
            .entry(path)
            .or_insert_with(|| (policy.clone(), tag.clone(), html.clone()));
        assert_eq!(
            (&first.0, &first.1),
            (&policy, &tag),
            "{path}: one policy and tag"
        );
        assert!(first.2 == html, "{path}: the same bytes for every request");
    }
    assert_eq!(seen.len(), 2);
    assert_eq!(
        renders,
        std::collections::HashMap::from([("/issues/dns", 1), ("/", 1)]),
        "concurrent first requests wait for one render of each page"
    );
}
