//! Security and operational headers on every kind of response (the header check).

mod support;

use std::collections::HashSet;

use support::{csp_nonce, TestServer};

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
        let response = server.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        let headers = response.headers();
        let get = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            get("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
        assert_eq!(get("cross-origin-opener-policy"), "same-origin", "{path}");
        assert_eq!(get("cross-origin-resource-policy"), "same-origin", "{path}");
        assert_eq!(get("x-frame-options"), "DENY", "{path}");
        assert!(get("permissions-policy").contains("camera=()"), "{path}");
        assert!(
            headers.get("strict-transport-security").is_none(),
            "{path}: HSTS only behind TLS"
        );
        assert!(!get("x-request-id").is_empty(), "{path}: request id");
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
        assert_eq!(
            html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\""))
                .count()
                + html.matches(&format!("<script nonce=\"{nonce}\"")).count(),
            scripts,
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
async fn html_json_and_assets_are_compressed() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    for (path, encoding) in [
        ("/", "br"),
        ("/api/issues", "br"),
        ("/issues/dns", "gzip"),
        ("/icons/dns.svg", "br"),
    ] {
        let response = client
            .get(server.url(path))
            .header("accept-encoding", encoding)
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(encoding),
            "{path}"
        );
    }
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
    for request in requests.collect::<Vec<_>>() {
        let (policy, html) = request.await.expect("task");
        let nonce = csp_nonce(&policy).expect("nonce in CSP");
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
}
