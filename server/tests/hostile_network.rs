//! A hostile network: clients that trickle their headers, send nothing, stop reading, or
//! open more connections than the server has room for. Each must cost the server a bounded
//! time and one bounded slot, and ordinary visitors must still be served.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use support::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const HEADER_TIMEOUT: Duration = Duration::from_secs(2);

fn address(server: &TestServer) -> String {
    server.base.trim_start_matches("http://").to_owned()
}

/// Reads until the server closes the connection; how long that took, or `None` after `limit`.
async fn wait_for_close(
    stream: &mut tokio::net::tcp::OwnedReadHalf,
    limit: Duration,
) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0u8; 4096];
    tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return started.elapsed(),
                Ok(_) => {}
            }
        }
    })
    .await
    .ok()
}

/// A keep-alive connection that asked for `/healthz` and got its `200` (within 5 s).
async fn answered_connection(server: &TestServer) -> TcpStream {
    let mut stream = TcpStream::connect(address(server)).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .expect("write");
    let mut answer = [0u8; 512];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("answered in time")
        .expect("answer");
    assert!(
        answer[..n].starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&answer[..n])
    );
    stream
}

/// A client that sends a request line and then one header line every 300 ms, for ever.
/// Returns how long the server kept it open (`None`: still open after 10 s).
async fn trickle(address: String) -> Option<Duration> {
    let stream = TcpStream::connect(&address).await.expect("connect");
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        if write
            .write_all(b"GET / HTTP/1.1\r\nHost: test\r\n")
            .await
            .is_err()
        {
            return;
        }
        loop {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if write.write_all(b"X-Slow: 1\r\n").await.is_err() {
                return;
            }
        }
    });
    let open_for = wait_for_close(&mut read, Duration::from_secs(10)).await;
    writer.abort();
    open_for
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trickled_headers_are_cut_off_and_ordinary_visitors_are_still_served() {
    let server = TestServer::start_with_env(&[("HEADER_TIMEOUT_SECS", "2")]);
    let trickling: Vec<_> = (0..300)
        .map(|_| tokio::spawn(trickle(address(&server))))
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;

    let started = Instant::now();
    let (status, body) = server.get_text("/issues/dns").await;
    assert_eq!(status, 200);
    assert!(body.contains("</html>"));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "an ordinary request took {:?} beside 300 trickling clients",
        started.elapsed()
    );

    for client in trickling {
        let open_for = client.await.expect("client task");
        let open_for = open_for.expect("a trickling connection was still open after 10 s");
        assert!(
            open_for >= HEADER_TIMEOUT - Duration::from_millis(200)
                && open_for < HEADER_TIMEOUT + Duration::from_secs(3),
            "closed after {open_for:?}; the header timeout is {HEADER_TIMEOUT:?}"
        );
    }
    assert!(server.metric("explorer_header_timeouts_total").await >= 300);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_and_idle_keep_alive_connections_are_closed() {
    let server = TestServer::start_with_env(&[("HEADER_TIMEOUT_SECS", "2")]);

    // Never sends a byte.
    let silent = TcpStream::connect(address(&server)).await.expect("connect");
    let (mut read, _write) = silent.into_split();
    let open_for = wait_for_close(&mut read, Duration::from_secs(10))
        .await
        .expect("a silent connection was still open after 10 s");
    assert!(
        (HEADER_TIMEOUT - Duration::from_millis(200)..HEADER_TIMEOUT + Duration::from_secs(3))
            .contains(&open_for),
        "a silent connection was closed after {open_for:?}"
    );

    // Asks once, keeps the connection, and goes quiet.
    let (mut read, _write) = answered_connection(&server).await.into_split();
    let open_for = wait_for_close(&mut read, Duration::from_secs(10))
        .await
        .expect("an idle keep-alive connection was still open after 10 s");
    assert!(
        open_for < HEADER_TIMEOUT + Duration::from_secs(3),
        "an idle keep-alive connection lasted {open_for:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_is_cut_off_after_the_idle_timeout() {
    let site = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(site.path().join("icons")).expect("icons");
    let size = 32 << 20;
    let body: Vec<u8> = (0..size).map(|i| b"0123456789abcdef"[i % 16]).collect();
    std::fs::write(site.path().join("icons/big.svg"), &body).expect("write");
    let root = site.path().to_str().expect("utf-8 path");
    let server = TestServer::start_with_env(&[
        ("LEPTOS_SITE_ROOT", root),
        ("REQUEST_TIMEOUT_SECS", "1"),
        ("IDLE_TIMEOUT_SECS", "2"),
    ]);

    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(16 * 1024).expect("buffer");
    let mut stream = socket
        .connect(address(&server).parse().expect("address"))
        .await
        .expect("connect");
    stream
        .write_all(
            b"GET /icons/big.svg HTTP/1.1\r\nHost: test\r\nAccept-Encoding: identity\r\n\r\n",
        )
        .await
        .expect("write");
    // Reads nothing for longer than the idle timeout.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let mut received = 0usize;
    let mut buffer = vec![0u8; 64 * 1024];
    let drained = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received += n,
            }
        }
    })
    .await;
    assert!(drained.is_ok(), "the connection stayed open");
    assert!(
        received < size,
        "the whole file arrived ({received} bytes): the connection was not cut"
    );
    assert!(server.metric("explorer_idle_timeouts_total").await >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_cap_unanswered_connections_make_room_for_new_ones() {
    let server =
        TestServer::start_with_env(&[("MAX_CONNECTIONS", "16"), ("HEADER_TIMEOUT_SECS", "30")]);
    let mut silent = Vec::new();
    for _ in 0..16 {
        let stream = TcpStream::connect(address(&server)).await.expect("connect");
        silent.push(stream.into_split());
    }
    tokio::time::sleep(Duration::from_millis(1300)).await;

    // Three visitors arrive at a full table and keep their connections: each is served,
    // and each takes the place of one silent connection, the oldest first.
    let mut visitors = Vec::new();
    for _ in 0..3 {
        visitors.push(answered_connection(&server).await);
    }
    for (index, (read, _)) in silent.iter_mut().enumerate() {
        let closed = wait_for_close(read, Duration::from_millis(300)).await;
        if index < 3 {
            assert!(
                closed.is_some(),
                "silent connection {index} was not evicted"
            );
        } else {
            assert!(closed.is_none(), "silent connection {index} was closed too");
        }
    }
    // Asked on a visitor's own connection: a new one would find the table full again.
    let metrics = metrics_over(&mut visitors[0]).await;
    assert_eq!(
        support::metric_in(&metrics, "explorer_connections_evicted_total"),
        3
    );
    assert_eq!(
        support::metric_in(&metrics, "explorer_connections_open"),
        16
    );
}

/// `GET /metrics` on an open keep-alive connection; the body.
async fn metrics_over(stream: &mut TcpStream) -> String {
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .expect("write");
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    let body = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let n = stream.read(&mut buffer).await.expect("read");
            assert!(n > 0, "closed before the answer ended");
            answer.extend_from_slice(&buffer[..n]);
            let text = String::from_utf8_lossy(&answer).into_owned();
            let Some((head, body)) = text.split_once("\r\n\r\n") else {
                continue;
            };
            let length: usize = head
                .lines()
                .find_map(|line| {
                    line.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_owned())
                })
                .and_then(|v| v.parse().ok())
                .expect("a sized answer");
            if body.len() >= length {
                return body.to_owned();
            }
        }
    })
    .await;
    body.expect("answered in time")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_cap_with_every_connection_answered_a_new_one_is_closed_at_once() {
    let server =
        TestServer::start_with_env(&[("MAX_CONNECTIONS", "16"), ("HEADER_TIMEOUT_SECS", "30")]);
    let mut answered = Vec::new();
    for _ in 0..16 {
        answered.push(answered_connection(&server).await);
    }
    tokio::time::sleep(Duration::from_millis(1300)).await;

    let started = Instant::now();
    let mut refused = TcpStream::connect(address(&server)).await.expect("connect");
    let _ = refused
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), refused.read_to_end(&mut answer)).await;
    assert!(answer.is_empty(), "answered past the cap: {answer:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the refused connection was not closed at once"
    );

    // Asked on a connection already held: a new one would be refused too.
    let metrics = metrics_over(&mut answered[0]).await;
    assert_eq!(
        support::metric_in(&metrics, "explorer_connections_refused_total"),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_reader_that_stops_reading_costs_log_lines_not_requests() {
    let mut command = support::command(&support::workspace().join("content"));
    command.env("RUST_LOG", "info");
    let (server, mut stdout) = support::start_leaving_stdout_unread(command);
    let server = Arc::new(server);

    // Far more lines than the log's buffer (8,192) and the pipe (64 KiB) hold.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (client, url) = (client.clone(), server.url("/healthz"));
            tokio::spawn(async move {
                for _ in 0..2000 {
                    let response = client.get(&url).send().await.expect("answered");
                    assert_eq!(response.status(), 200);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("every request was answered within 5 s");
    }
    assert_eq!(server.get_text("/healthz").await.0, 200);
    let dropped = server.metric("explorer_log_lines_dropped_total").await;
    assert!(
        dropped > 0,
        "16,000 requests and nothing dropped: was the log read?"
    );

    // The reader comes back: the next line that gets through says how many were lost.
    let (found_tx, found_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        let mut line = String::new();
        while stdout.read_line(&mut line).is_ok_and(|n| n > 0) {
            if line.contains("lines dropped") {
                let _ = found_tx.send(line.clone());
                return;
            }
            line.clear();
        }
    });
    let deadline = Instant::now() + Duration::from_secs(15);
    let notice = loop {
        assert!(
            Instant::now() < deadline,
            "no 'lines dropped' notice in the log"
        );
        let _ = client.get(server.url("/healthz")).send().await;
        match found_rx.try_recv() {
            Ok(notice) => break notice,
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    };
    assert!(notice.contains("WARN"), "{notice}");
}

#[test]
fn connection_settings_are_validated_at_start() {
    for (vars, expected) in [
        (
            vec![("MAX_CONNECTIONS", "1000000")],
            "MAX_CONNECTIONS=1000000 does not fit the open-file limit",
        ),
        (
            vec![("MAX_CONNECTIONS", "lots")],
            "MAX_CONNECTIONS=\"lots\" is not valid",
        ),
        (
            vec![("HEADER_TIMEOUT_SECS", "0")],
            "HEADER_TIMEOUT_SECS=\"0\" is not valid",
        ),
        (
            vec![("IDLE_TIMEOUT_SECS", "5")],
            "IDLE_TIMEOUT_SECS=\"5\" is not valid: expected more seconds than REQUEST_TIMEOUT_SECS",
        ),
    ] {
        let mut command = support::command(&support::workspace().join("content"));
        command.envs(vars.iter().copied());
        let output = command.output().expect("run the server");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{vars:?} started");
        assert!(stderr.contains(expected), "{vars:?}: {stderr}");
    }
}
