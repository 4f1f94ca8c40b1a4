//! Start-up with broken content: the server refuses to start and says where the problem is.

mod support;

use std::fs;

use support::{copy_dir, run_to_exit, workspace, TestServer};

#[test]
fn invalid_content_stops_the_server_with_file_and_line() {
    let scratch = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("content"), scratch.path());
    let file = scratch.path().join("issues/tls.md");
    let text = fs::read_to_string(&file).expect("read");
    fs::write(
        &file,
        text.replace(
            "focus_areas = [\"improving-technical-security\"]",
            "focus_areas = [\"security\"]",
        ),
    )
    .expect("write");

    let (status, stderr) = run_to_exit(scratch.path());
    assert!(!status.success(), "the server must not start");
    assert!(
        stderr.contains("issues/tls.md:4:16: unknown focus area “security”"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_content_reports_problems_without_starting() {
    let binary = env!("CARGO_BIN_EXE_server");
    let good = std::process::Command::new(binary)
        .arg("--check-content")
        .env("CONTENT_DIR", workspace().join("content"))
        .output()
        .expect("run");
    assert!(good.status.success());
    let said = String::from_utf8_lossy(&good.stdout);
    assert!(
        said.contains("26 issues and") && said.contains("glossary terms, no problems,"),
        "{said}"
    );
    // Stale figures are warnings: printed with their place, not a failure.
    assert!(
        said.lines().any(|line| line.starts_with("warning: ")
            && line.contains(".md:")
            && line.contains("the page's newest figure is from")),
        "{said}"
    );

    let scratch = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("content"), scratch.path());
    let file = scratch.path().join("issues/dns.md");
    let text = fs::read_to_string(&file).expect("read");
    fs::write(
        &file,
        text.replace("Almost everything", "Almost <i>everything</i>"),
    )
    .expect("write");
    let bad = std::process::Command::new(binary)
        .arg("--check-content")
        .env("CONTENT_DIR", scratch.path())
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1));
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        said.contains("issues/dns.md:") && said.contains(":8: raw HTML is not allowed"),
        "{said}"
    );
}

/// Polls `path` until it answers `status`, for at most ten seconds.
async fn eventually(server: &TestServer, path: &str, status: u16) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (now, body) = server.get_text(path).await;
        if now == status {
            return body;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{path} still answers {now}, not {status}: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn under_cargo_leptos_watch_content_edits_reload_and_errors_are_a_page_not_a_dead_server() {
    let scratch = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("content"), scratch.path());
    let file = scratch.path().join("connections.toml");
    let good = fs::read_to_string(&file).expect("read");
    let broken = good.replacen("relation = \"protects\"", "relation = \"guards\"", 1);
    fs::write(&file, &broken).expect("write");
    let line = broken
        .lines()
        .position(|l| l.contains("\"guards\""))
        .expect("changed")
        + 1;
    let mut command = support::command(scratch.path());
    command.env("LEPTOS_WATCH", "true");
    let server = TestServer::start_with_command(command);
    // Broken at start: every address is the list of problems.
    for path in ["/", "/issues/dns"] {
        let (status, body) = server.get_text(path).await;
        assert_eq!(status, 503, "{path}");
        assert!(
            body.contains(&format!(
                "connections.toml:{line}:12: unknown relation “guards”"
            )),
            "{body}"
        );
    }
    // Fixed: the same process serves the site.
    fs::write(&file, &good).expect("write");
    let page = eventually(&server, "/issues/dns", 200).await;
    assert!(page.contains("How it connects"));
    // Pages may open cargo-leptos' reload socket (only under watch: see headers tests).
    let response = server.get("/issues/dns").await;
    let policy = support::header(&response, "content-security-policy");
    assert!(
        policy.contains("connect-src 'self' ws://*:3001;"),
        "{policy}"
    );
    // An edit shows without a restart, and the render store forgets the old page.
    let dns = scratch.path().join("issues/dns.md");
    let text = fs::read_to_string(&dns).expect("read");
    fs::write(&dns, format!("{text}\nAn editor's new sentence.\n")).expect("write");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, body) = server.get_text("/issues/dns").await;
        if body.contains("An editor&#x27;s new sentence.")
            || body.contains("An editor’s new sentence.")
            || body.contains("An editor's new sentence.")
        {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the edit never showed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // Broken again while running: the error page, not a dead server.
    fs::write(&file, &broken).expect("write");
    let body = eventually(&server, "/map", 503).await;
    assert!(body.contains("unknown relation “guards”"), "{body}");
}

#[test]
fn a_missing_content_folder_is_a_clear_configuration_error() {
    let (status, stderr) = run_to_exit(std::path::Path::new("/nonexistent/content"));
    assert!(!status.success());
    assert!(
        stderr.contains(
            "invalid configuration: CONTENT_DIR \"/nonexistent/content\" is not a folder"
        ),
        "{stderr}"
    );
}

#[test]
fn the_real_content_starts() {
    let server = TestServer::start_with_content(&workspace().join("content"));
    assert!(server.is_ok(), "{:?}", server.err());
}

#[test]
fn an_invalid_setting_names_the_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .current_dir(workspace())
        .env("LEPTOS_OUTPUT_NAME", "explorer")
        .env("REQUEST_TIMEOUT_SECS", "forever")
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid configuration: REQUEST_TIMEOUT_SECS=\"forever\" is not valid: expected whole seconds"), "{stderr}");
}

#[tokio::test]
async fn an_https_public_address_turns_on_hsts() {
    let server = TestServer::start_with_env(&[("PUBLIC_BASE_URL", "https://issues.example.org")]);
    let response = server.get("/").await;
    let hsts = response
        .headers()
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(hsts.starts_with("max-age="), "{hsts}");
}
