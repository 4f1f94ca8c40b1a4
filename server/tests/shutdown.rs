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
