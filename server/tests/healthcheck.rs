//! `server healthcheck`: the container image's probe, against a real server and a dead port.

mod support;

use support::TestServer;

fn probe(addr: &str) -> std::process::Output {
    support::command(&support::workspace().join("content"))
        .env("LEPTOS_SITE_ADDR", addr)
        .arg("healthcheck")
        .output()
        .expect("run the probe")
}

#[test]
fn the_probe_passes_against_a_serving_server_and_fails_without_one() {
    let server = TestServer::start();
    let addr = server.base.trim_start_matches("http://").to_string();
    let healthy = probe(&addr);
    assert!(
        healthy.status.success(),
        "{}",
        String::from_utf8_lossy(&healthy.stderr)
    );
    // The image listens on 0.0.0.0: the probe asks the loopback address on that port.
    let port = addr.rsplit(':').next().unwrap_or_default();
    assert!(probe(&format!("0.0.0.0:{port}")).status.success());
    drop(server);

    let dead = probe(&addr);
    assert_eq!(dead.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&dead.stderr).contains("unhealthy"));
}
