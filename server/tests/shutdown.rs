//! Graceful shutdown: on SIGTERM the server stops accepting, finishes the responses it has
//! started, and exits 0. No client ever sees a cut-off response.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use support::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_completes_responses_and_exits_zero() {
    let mut server = TestServer::start();
    let url = server.url("/issues/dns");
    let completed = Arc::new(AtomicUsize::new(0));
    let refused = Arc::new(AtomicUsize::new(0));
    let broken = Arc::new(std::sync::Mutex::new(Vec::new()));

    let mut clients = Vec::new();
    for _ in 0..16 {
        let (url, completed, refused, broken) = (
            url.clone(),
            completed.clone(),
            refused.clone(),
            broken.clone(),
        );
        clients.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .build()
                .expect("client");
            let until = tokio::time::Instant::now() + Duration::from_millis(1500);
            while tokio::time::Instant::now() < until {
                match client.get(&url).send().await {
                    Ok(response) => {
                        let status = response.status();
                        match response.text().await {
                            Ok(body) if status == 200 && body.contains("</body></html>") => {
                                completed.fetch_add(1, Ordering::Relaxed);
                            }
                            other => broken
                                .lock()
                                .expect("lock")
                                .push(format!("{status}: {other:?}")),
                        }
                    }
                    // Once shutdown begins, connections not yet accepted are refused or reset
                    // before any response: expected. A response that starts must finish.
                    Err(_) => {
                        refused.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    let before = completed.load(Ordering::Relaxed);
    let status = tokio::task::block_in_place(|| server.terminate(Duration::from_secs(12)));
    for client in clients {
        client.await.expect("client task");
    }

    let status = status.expect("the server exits within its grace period");
    assert!(status.success(), "exit status {status:?}");
    let counts = (
        before,
        completed.load(Ordering::Relaxed),
        refused.load(Ordering::Relaxed),
    );
    assert!(
        broken.lock().expect("lock").is_empty(),
        "{counts:?}: {:?}",
        broken.lock().expect("lock")
    );
    assert!(
        before > 0,
        "requests were served before the signal: {counts:?}"
    );
    assert!(
        refused.load(Ordering::Relaxed) > 0,
        "new connections are refused after the signal"
    );
    let broken = broken.lock().expect("lock");
    assert!(broken.is_empty(), "cut-off or failed responses: {broken:?}");
}

/// A site root whose `icons/big.svg` is `size` bytes, too large for socket buffers to hide.
fn site_with_a_big_file(size: usize) -> (tempfile::TempDir, Vec<u8>) {
    let site = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(site.path().join("icons")).expect("icons");
    let body: Vec<u8> = (0..size).map(|i| b"0123456789abcdef"[i % 16]).collect();
    std::fs::write(site.path().join("icons/big.svg"), &body).expect("write");
    (site, body)
}

/// Connects with a small receive buffer and asks for the big file; the server has to keep
/// writing for as long as the client takes to read.
async fn request_big_file(base: &str) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let address = base.trim_start_matches("http://").parse().expect("address");
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(16 * 1024).expect("buffer");
    let mut stream = socket.connect(address).await.expect("connect");
    stream
        .write_all(b"GET /icons/big.svg HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    stream
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_download_that_spans_the_signal_completes() {
    use tokio::io::AsyncReadExt;
    let (site, body) = site_with_a_big_file(4 << 20);
    let root = site.path().to_str().expect("utf-8 path");
    let mut server = TestServer::start_with_env(&[("LEPTOS_SITE_ROOT", root)]);
    let mut stream = request_big_file(&server.base).await;
    let reader = tokio::spawn(async move {
        let mut received = Vec::new();
        let mut buffer = vec![0u8; 64 * 1024];
        let started = tokio::time::Instant::now();
        loop {
            match tokio::time::timeout(Duration::from_secs(20), stream.read(&mut buffer)).await {
                Ok(Ok(0)) | Ok(Err(_)) => break,
                Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
                Err(_) => panic!("the download stalled"),
            }
            // About 1.3 MB/s: the download takes roughly three seconds.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        (received, started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let status = tokio::task::block_in_place(|| server.terminate(Duration::from_secs(15)));
    let (received, took) = reader.await.expect("reader");
    let status = status.expect("the server exits once the download is done");
    assert!(status.success(), "{status:?}");
    assert!(
        took > Duration::from_secs(1),
        "the download spanned the signal: {took:?}"
    );
    let start = received
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers")
        + 4;
    assert!(
        received.starts_with(b"HTTP/1.1 200"),
        "{:?}",
        &received[..20]
    );
    assert_eq!(received.len() - start, body.len(), "every byte arrived");
    assert!(
        received[start..] == body[..],
        "and they are the file's bytes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_cannot_hold_shutdown_past_the_grace_period() {
    let (site, _) = site_with_a_big_file(8 << 20);
    let root = site.path().to_str().expect("utf-8 path");
    let mut server = TestServer::start_with_env(&[("LEPTOS_SITE_ROOT", root)]);
    let _stalled = request_big_file(&server.base).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = std::time::Instant::now();
    let status = tokio::task::block_in_place(|| server.terminate(Duration::from_secs(20)));
    let took = started.elapsed();
    let status = status.expect("the server exits after its grace period");
    assert!(status.success(), "{status:?}");
    assert!(
        (Duration::from_secs(9)..Duration::from_secs(14)).contains(&took),
        "exited after {took:?}, the grace period is 10 s"
    );
}
