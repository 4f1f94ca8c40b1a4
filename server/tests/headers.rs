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

#[tokio::test]
async fn html_pages_have_a_nonce_csp_that_matches_their_scripts() {
    let server = TestServer::start();
    let mut nonces = HashSet::new();
    for path in ["/", "/issues/dns", "/issues/dns", "/no/such/page"] {
        let response = server.get(path).await;
        let policy = response
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{path} has no CSP"))
            .to_string();
        let html = response.text().await.expect("body");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "'wasm-unsafe-eval'",
        ] {
            assert!(
                policy.contains(directive),
                "{path}: {directive} missing from {policy}"
            );
        }
        let nonce = csp_nonce(&policy).expect("nonce in CSP");
        assert!(nonce.len() >= 16, "nonce too short: {nonce}");
        let scripts = html.matches("<script").count();
        assert!(scripts > 0);
        let with_nonce = html
            .split("<script")
            .skip(1)
            .filter(|rest| {
                rest[..rest.find('>').unwrap_or(0)].contains(&format!(" nonce=\"{nonce}\""))
            })
            .count();
        assert_eq!(
            with_nonce, scripts,
            "{path}: every script carries the CSP nonce"
        );
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
async fn concurrent_pages_never_mix_nonces() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    let requests = (0..48).map(|i| {
        let client = client.clone();
        let url = server.url(if i % 2 == 0 { "/issues/dns" } else { "/" });
        tokio::spawn(async move {
            let response = client.get(url).send().await.expect("get");
            let policy = support::header(&response, "content-security-policy");
            (policy, response.text().await.expect("body"))
        })
    });
    let mut nonces = HashSet::new();
    for request in requests.collect::<Vec<_>>() {
        let (policy, html) = request.await.expect("task");
        let nonce = csp_nonce(&policy).expect("nonce in CSP");
        nonces.insert(nonce.to_string());
        let attributes: HashSet<&str> = html
            .split("nonce=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(
            attributes,
            HashSet::from([nonce]),
            "every nonce attribute matches the CSP header"
        );
    }
    assert_eq!(nonces.len(), 48, "48 concurrent pages, 48 different nonces");
}
