//! Malformed requests get a short 4xx, never a 500, a panic or a hang, and the server keeps
//! answering normally afterwards. Raw TCP where a client library would tidy the request up.

mod support;

use std::time::Duration;

use support::{raw_exchange, raw_request, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends `request` verbatim on its own connection and returns the status of the answer.
async fn raw_status(server: &TestServer, request: &[u8]) -> u16 {
    support::raw_exchange(server, request).await.status
}

fn get(path: &str) -> Vec<u8> {
    support::raw_get(path)
}

async fn assert_still_healthy(server: &TestServer) {
    let (status, html) = server.get_text("/issues/dns").await;
    assert_eq!(status, 200);
    assert!(html.contains("Domain Name System (DNS)"));
}

#[tokio::test]
async fn malformed_paths_are_client_errors() {
    let server = TestServer::start();
    let long = format!("/{}", "a".repeat(20_000));
    let long_query = format!("/?q={}", "a".repeat(20_000));
    for path in [
        "/issues/%ZZ",
        "/issues/%FF%FE",
        "/issues/%00",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/icons/..%2f..%2fCargo.toml",
        "/icons/%2e%2e/%2e%2e/server/Cargo.toml",
        "/api/issues/%FF",
        "/api/fn/get_issue?slug=%FF",
        "/api/fn/list_issues?focus_area=a&focus_area=b",
        long.as_str(),
        long_query.as_str(),
    ] {
        let status = raw_status(&server, &get(path)).await;
        assert!(
            (400..500).contains(&status),
            "{}: {status}",
            &path[..path.len().min(60)]
        );
    }
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn traversal_never_serves_files_outside_the_site_root() {
    let server = TestServer::start();
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/icons/..%2f..%2fCargo.toml",
    ] {
        let address = server.base.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).await.expect("connect");
        stream.write_all(&get(path)).await.expect("write");
        let mut answer = String::new();
        let _ =
            tokio::time::timeout(Duration::from_secs(15), stream.read_to_string(&mut answer)).await;
        assert!(
            !answer.contains("[workspace]") && !answer.contains("[package]"),
            "{path} leaked a file"
        );
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow_and_options_is_answered() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    for (method, path) in [
        ("DELETE", "/issues/dns"),
        ("POST", "/api/issues"),
        ("PUT", "/api/issues/dns"),
        ("POST", "/api/fn/get_issue"),
    ] {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let response = client
            .request(method.clone(), server.url(path))
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), 405, "{method} {path}");
        assert!(
            response
                .headers()
                .get("allow")
                .is_some_and(|v| v.to_str().is_ok_and(|v| v.contains("GET"))),
            "{method} {path}"
        );
    }
    assert_eq!(
        raw_status(
            &server,
            b"BREW / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        .await,
        405
    );
    let response = client
        .request(reqwest::Method::OPTIONS, server.url("/issues/dns"))
        .send()
        .await
        .expect("options");
    assert_eq!(response.status(), 204);
    assert_eq!(
        response
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok()),
        Some("GET, HEAD, OPTIONS")
    );
    // HEAD over a raw connection: a client library would never read a HEAD body.
    let answer = raw_exchange(&server, &raw_request("HEAD", "/issues/dns", &[])).await;
    assert_eq!(answer.status, 200);
    assert!(
        answer.body.is_empty(),
        "HEAD sent a body: {}",
        answer.body_text()
    );
    assert_still_healthy(&server).await;
}

/// A POST announcing `length` body bytes (sending only a few) to a server-function endpoint.
fn post_announcing(length: usize) -> Vec<u8> {
    let length = length.to_string();
    let mut request = raw_request(
        "POST",
        "/api/fn/get_issue",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Content-Length", &length),
        ],
    );
    request.extend_from_slice(b"slug=dns");
    request
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_one_at_the_limit_is_not() {
    let server = TestServer::start();
    // Default MAX_BODY_BYTES is 65536. Each request has its own connection: the server
    // answers a refused body without reading it and closes.
    let over = raw_exchange(&server, &post_announcing(65_537)).await;
    assert_eq!(over.status, 413);
    assert_eq!(over.header("content-type"), Some("application/json"));
    let json: serde_json::Value = serde_json::from_slice(&over.body).expect("JSON body");
    assert_eq!(json["status"], 413);
    let huge = raw_exchange(&server, &post_announcing(1 << 20)).await;
    assert_eq!(huge.status, 413);
    // At the limit the body is accepted and the endpoint itself answers: GET only.
    let mut at_limit = raw_request("POST", "/api/fn/get_issue", &[("Content-Length", "65536")]);
    at_limit.extend(std::iter::repeat_n(b'a', 65_536));
    assert_eq!(raw_exchange(&server, &at_limit).await.status, 405);
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn malformed_bodies_and_garbage_are_client_errors() {
    let server = TestServer::start();
    // A body on a GET, with a content type the endpoint does not take.
    let mut request = raw_request(
        "GET",
        "/api/fn/get_issue?slug=dns",
        &[
            ("Content-Type", "application/x-nonsense"),
            ("Content-Length", "4"),
        ],
    );
    request.extend_from_slice(b"{{{{");
    let status = raw_status(&server, &request).await;
    assert!(status < 500, "{status}");

    // Garbage instead of HTTP.
    let status = raw_status(
        &server,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
    )
    .await;
    assert_eq!(status, 400);
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn uris_just_over_the_limit_are_414_and_just_under_are_served() {
    let server = TestServer::start();
    // MAX_URI_BYTES is 4096, counted over path and query.
    let fits = format!("/?utm_source={}", "a".repeat(4096 - "/?utm_source=".len()));
    let over = format!("{fits}a");
    assert_eq!(fits.len(), 4096);
    assert_eq!(raw_status(&server, &get(&fits)).await, 200);
    let answer = raw_exchange(&server, &get(&over)).await;
    assert_eq!(answer.status, 414);
    assert!(answer.body_text().contains("The address is too long."));
    assert!(answer
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));

    let api_fits = format!("/api/issues?focus_area={}", "a".repeat(4096 - 23));
    assert_eq!(api_fits.len(), 4096);
    assert_eq!(raw_status(&server, &get(&api_fits)).await, 404);
    let answer = raw_exchange(&server, &get(&format!("{api_fits}a"))).await;
    assert_eq!(answer.status, 414);
    let json: serde_json::Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({"status": 414, "error": "The address is too long."})
    );
}

#[tokio::test]
async fn headers_just_over_the_limit_are_431_and_just_under_are_served() {
    let server = TestServer::start();
    // MAX_HEADER_BYTES is 16384, counted over names and values. Host (4 + 4) and
    // Connection (10 + 5) take 23; X-Big takes 5 plus its value.
    let under = "b".repeat(16_384 - 23 - 5);
    let over = format!("{under}b");
    let fits = raw_request("GET", "/issues/dns", &[("X-Big", &under)]);
    assert_eq!(raw_status(&server, &fits).await, 200);
    let answer = raw_exchange(
        &server,
        &raw_request("GET", "/issues/dns", &[("X-Big", &over)]),
    )
    .await;
    assert_eq!(answer.status, 431);
    assert!(answer
        .body_text()
        .contains("The request headers are too large."));
    let answer = raw_exchange(
        &server,
        &raw_request("GET", "/api/issues", &[("X-Big", &over)]),
    )
    .await;
    assert_eq!(answer.status, 431);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn a_request_running_past_the_timeout_is_408() {
    let server =
        TestServer::start_with_env(&[("EXPLORER_TEST_HOOKS", "1"), ("REQUEST_TIMEOUT_SECS", "1")]);
    assert_eq!(raw_status(&server, &get("/__test/slow?ms=10")).await, 200);
    let started = std::time::Instant::now();
    let answer = raw_exchange(&server, &get("/__test/slow?ms=5000")).await;
    assert_eq!(answer.status, 408);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert!(answer.body_text().contains("The request took too long"));
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn connect_absolute_form_and_asterisk_targets_never_reach_the_app() {
    let server = TestServer::start();
    let connect =
        b"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\nConnection: close\r\n\r\n";
    let answer = raw_exchange(&server, connect).await;
    assert_eq!(answer.status, 405, "{}", answer.body_text());
    assert_eq!(answer.header("allow"), Some("GET, HEAD, OPTIONS"));
    for request in [
        &b"GET http://test/issues/dns HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"[..],
        &b"GET * HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"[..],
    ] {
        let answer = raw_exchange(&server, request).await;
        assert_eq!(answer.status, 400, "{}", String::from_utf8_lossy(request));
    }
    let answer = raw_exchange(
        &server,
        b"OPTIONS * HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(answer.status, 204);
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn errors_are_json_under_api_and_html_pages_elsewhere() {
    let server = TestServer::start();
    for (request, status) in [
        (raw_request("DELETE", "/api/issues", &[]), 405),
        (get("/api/issues/%FF"), 400),
        (get("/api/issues/dns?x=1"), 400),
        (get("/api/no-such-endpoint"), 404),
    ] {
        let answer = raw_exchange(&server, &request).await;
        let label = String::from_utf8_lossy(&request[..30]).into_owned();
        assert_eq!(answer.status, status, "{label}");
        assert_eq!(
            answer.header("content-type"),
            Some("application/json"),
            "{label}"
        );
        let json: serde_json::Value = serde_json::from_slice(&answer.body)
            .unwrap_or_else(|e| panic!("{label}: {e}: {}", answer.body_text()));
        assert_eq!(json["status"], status, "{label}");
        assert!(
            json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{label}"
        );
    }
    for (request, status, says) in [
        (
            raw_request("DELETE", "/issues/dns", &[]),
            405,
            "does not accept that method",
        ),
        (
            get("/pkg/no-such-file.js"),
            404,
            "There is nothing at this address.",
        ),
        (
            get("/icons/no-such-icon.svg"),
            404,
            "There is nothing at this address.",
        ),
    ] {
        let answer = raw_exchange(&server, &request).await;
        let label = String::from_utf8_lossy(&request[..30]).into_owned();
        assert_eq!(answer.status, status, "{label}");
        assert!(
            answer
                .header("content-type")
                .is_some_and(|t| t.starts_with("text/html")),
            "{label}"
        );
        let html = answer.body_text();
        assert!(html.contains(says), "{label}: {html}");
        assert!(html.contains("<a href=\"/\">"), "{label}: a way back");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saturated_server_sheds_load_with_503_and_retry_after() {
    let server = TestServer::start_with_env(&[("MAX_CONCURRENT_REQUESTS", "1")]);
    let client = reqwest::Client::new();
    let mut shed = 0;
    for _round in 0..20 {
        let requests: Vec<_> = (0..32)
            .map(|_| client.get(server.url("/api/issues")).send())
            .collect();
        for response in futures_join(requests).await {
            let response = response.expect("an answer, never a dropped connection");
            match response.status().as_u16() {
                200 => {}
                503 => {
                    assert_eq!(
                        response
                            .headers()
                            .get("retry-after")
                            .and_then(|v| v.to_str().ok()),
                        Some("1")
                    );
                    shed += 1;
                }
                other => panic!("unexpected status {other}"),
            }
        }
        if shed > 0 {
            break;
        }
    }
    assert!(
        shed > 0,
        "32 simultaneous requests against one permit never shed load"
    );
    assert_still_healthy(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_pages_are_held_to_the_same_limits() {
    let server = TestServer::start_with_env(&[
        ("EXPLORER_TEST_HOOKS", "1"),
        ("MAX_CONCURRENT_REQUESTS", "1"),
    ]);
    let first = raw_exchange(&server, &get("/issues/dns")).await;
    assert_eq!(first.status, 200);
    let again = raw_exchange(&server, &get("/issues/dns")).await;
    assert_eq!(
        again.header("cache-status"),
        Some("explorer; hit"),
        "the page is stored"
    );

    // One slow request holds the only permit; the stored page must be shed meanwhile.
    let slow = {
        let request = get("/__test/slow?ms=3000");
        let base = server.base.clone();
        tokio::spawn(async move { support::raw_exchange_at(&base, &request).await.status })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shed = raw_exchange(&server, &get("/issues/dns")).await;
    assert_eq!(shed.status, 503);
    assert_eq!(shed.header("retry-after"), Some("1"));
    assert!(shed.body_text().contains("The server is busy"));
    support::assert_security_headers(&shed, "503 page");
    let shed_api = raw_exchange(&server, &get("/api/issues")).await;
    assert_eq!(shed_api.status, 503);
    assert_eq!(shed_api.header("content-type"), Some("application/json"));
    assert_eq!(slow.await.expect("slow task"), 200);
    let after = raw_exchange(&server, &get("/issues/dns")).await;
    assert_eq!(after.status, 200, "served again once the permit is free");
}

/// Awaits all the futures concurrently, in order.
async fn futures_join<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut outputs = Vec::with_capacity(handles.len());
    for handle in handles {
        outputs.push(handle.await.expect("task"));
    }
    outputs
}
