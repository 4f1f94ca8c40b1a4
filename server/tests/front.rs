//! The front's short path for stored pages answers exactly as the whole middleware stack
//! does: the first request for a page (a miss, rendered through the stack) and the next
//! one (a hit, answered by the front) carry the same headers, for every encoding and
//! variant; conditional and `HEAD` requests too; and each request has one access-log line
//! naming its id.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use support::TestServer;

/// Headers that differ between any two responses by design.
const PER_RESPONSE: [&str; 3] = ["date", "x-request-id", "cache-status"];

struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

async fn fetch(server: &TestServer, method: &str, path: &str, headers: &[(&str, &str)]) -> Answer {
    // No automatic decompression: the bytes as sent.
    let client = reqwest::Client::builder().build().expect("client");
    let mut request = client.request(method.parse().expect("method"), server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("send");
    let mut seen = BTreeMap::new();
    for (name, value) in response.headers() {
        let entry: &mut String = seen.entry(name.as_str().to_owned()).or_default();
        if !entry.is_empty() {
            entry.push_str(", ");
        }
        entry.push_str(value.to_str().unwrap_or("<binary>"));
    }
    Answer {
        status: response.status().as_u16(),
        headers: seen,
        body: response.bytes().await.expect("body").to_vec(),
    }
}

fn assert_security_headers(answer: &Answer, label: &str) {
    let raw = support::RawAnswer {
        status: answer.status,
        headers: answer.headers.clone().into_iter().collect(),
        body: Vec::new(),
    };
    support::assert_security_headers(&raw, label);
}

fn without_per_response(headers: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    headers
        .iter()
        .filter(|(name, _)| !PER_RESPONSE.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

#[tokio::test]
async fn a_hit_from_the_front_carries_the_same_headers_and_bytes_as_the_miss() {
    let server = TestServer::start();
    // Each page's first request is a miss in the encoding and variant it names.
    let cases: [(&str, &[(&str, &str)]); 7] = [
        ("/", &[("accept-encoding", "br")]),
        ("/issues/dns", &[("accept-encoding", "gzip")]),
        ("/map", &[]),
        ("/glossary", &[("accept-encoding", "gzip, br")]),
        (
            "/issues/tls",
            &[("accept-encoding", "br"), ("cookie", "theme=dark")],
        ),
        (
            "/issues/ipv6",
            &[("accept-encoding", "br"), ("islands-router", "true")],
        ),
        ("/?focus=building-trust", &[("accept-encoding", "br")]),
    ];
    for (path, headers) in cases {
        let miss = fetch(&server, "GET", path, headers).await;
        let hit = fetch(&server, "GET", path, headers).await;
        assert_eq!((miss.status, hit.status), (200, 200), "{path}");
        assert!(
            miss.headers["cache-status"].contains("fwd=miss"),
            "{path}: {:?}",
            miss.headers["cache-status"]
        );
        assert_eq!(hit.headers["cache-status"], "explorer; hit", "{path}");
        assert_eq!(
            without_per_response(&hit.headers),
            without_per_response(&miss.headers),
            "{path} {headers:?}: the front's headers differ from the stack's"
        );
        assert_eq!(hit.body, miss.body, "{path}: the same bytes");
        assert_ne!(hit.headers["x-request-id"], miss.headers["x-request-id"]);
        assert_security_headers(&hit, path);

        let head = fetch(&server, "HEAD", path, headers).await;
        assert_eq!(head.status, 200);
        assert!(head.body.is_empty(), "{path}: HEAD has no body");
        assert_eq!(
            without_per_response(&head.headers),
            without_per_response(&hit.headers),
            "{path}: HEAD's headers are GET's"
        );

        let tag = hit.headers["etag"].clone();
        let mut conditional = headers.to_vec();
        conditional.push(("if-none-match", &tag));
        let unchanged = fetch(&server, "GET", path, &conditional).await;
        assert_eq!(unchanged.status, 304, "{path}: If-None-Match {tag}");
        assert_eq!(unchanged.headers["etag"], tag);
        assert_eq!(unchanged.headers["cache-status"], "explorer; hit");
        assert!(unchanged.body.is_empty());
        assert!(!unchanged.headers.contains_key("content-security-policy"));
        assert_security_headers(&unchanged, path);
    }
}

#[tokio::test]
async fn every_request_has_one_access_line_with_its_id() {
    let server = TestServer::start();
    let miss = fetch(&server, "GET", "/issues/dns?utm_source=x", &[]).await;
    let hit = fetch(&server, "GET", "/issues/dns", &[]).await;
    let missing = fetch(&server, "GET", "/no-such-page", &[]).await;
    let given = fetch(
        &server,
        "HEAD",
        "/issues/dns",
        &[("x-request-id", "trace-me-42")],
    )
    .await;
    assert_eq!(given.headers["x-request-id"], "trace-me-42");
    let expected = [
        (&miss, "GET /issues/dns 200 "),
        (&hit, "GET /issues/dns 200 "),
        (&missing, "GET /no-such-page 404 "),
        (&given, "HEAD /issues/dns 200 "),
    ];
    // The log's writer is a background thread: give it a moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    for (answer, words) in expected {
        let id = &answer.headers["x-request-id"];
        let lines = loop {
            let lines = server.log_lines_with(&format!("id={id}"));
            if !lines.is_empty() || std::time::Instant::now() > deadline {
                break lines;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(lines.len(), 1, "one line for {id}: {lines:?}");
        let line = &lines[0];
        assert!(line.contains(" INFO access: "), "{line}");
        assert!(line.contains(words), "{line} should say {words}");
        assert!(!line.contains("utm_source"), "no query in the log: {line}");
    }
}

#[tokio::test]
async fn the_access_lines_can_be_turned_off_alone() {
    let server = TestServer::start_with_env(&[("RUST_LOG", "info,access=off")]);
    let answer = fetch(&server, "GET", "/issues/dns", &[]).await;
    assert_eq!(answer.status, 200);
    let id = &answer.headers["x-request-id"];
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        server.log_lines_with(&format!("id={id}")).is_empty(),
        "no access line with access=off"
    );
    assert!(
        !server.log_lines_with("listening on").is_empty(),
        "the rest of the log is still on"
    );
}
