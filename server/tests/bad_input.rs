//! Malformed requests get a short 4xx, never a 500, a panic or a hang, and the server keeps
//! answering normally afterwards. Raw TCP where a client library would tidy the request up.

mod support;

use std::time::Duration;

use support::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends `request` verbatim and returns the status code of the answer.
async fn raw_status(server: &TestServer, request: &[u8]) -> u16 {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(request).await.expect("write");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(15), async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buffer[..n]);
                    if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "no answer within 15 s to {:?}",
        String::from_utf8_lossy(&request[..request.len().min(80)])
    );
    let head = String::from_utf8_lossy(&answer);
    head.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {head:?}"))
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").into_bytes()
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
    let response = client
        .head(server.url("/issues/dns"))
        .send()
        .await
        .expect("head");
    assert_eq!(response.status(), 200);
    assert!(response.text().await.expect("body").is_empty());
    assert_still_healthy(&server).await;
}

#[tokio::test]
async fn oversized_and_malformed_bodies_are_rejected() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    let huge = vec![b'a'; 1 << 20];
    let response = client
        .post(server.url("/api/fn/get_issue"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .expect("send");
    assert!(
        matches!(response.status().as_u16(), 405 | 413),
        "{}",
        response.status()
    );

    // A body on a GET, with a content type the endpoint does not take.
    let response = client
        .get(server.url("/api/fn/get_issue?slug=dns"))
        .header("content-type", "application/x-nonsense")
        .body("{{{{")
        .send()
        .await
        .expect("send");
    assert!(response.status().as_u16() < 500, "{}", response.status());

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
async fn headers_that_are_too_large_are_refused() {
    let server = TestServer::start();
    let request = format!(
        "GET / HTTP/1.1\r\nHost: test\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "b".repeat(200_000)
    );
    let status = raw_status(&server, request.as_bytes()).await;
    assert!(status == 431 || status == 400, "{status}");
    assert_still_healthy(&server).await;
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
