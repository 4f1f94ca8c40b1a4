//! Runs the real server binary on a free port of 127.0.0.1 and talks to it over TCP.
#![allow(dead_code)] // each test file uses a different part of this module

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub struct TestServer {
    child: Child,
    pub base: String,
}

impl TestServer {
    /// Starts the server on the real content; static files come from `public/`, which is what
    /// cargo-leptos copies into the site root.
    pub fn start() -> Self {
        Self::start_with_content(&workspace().join("content"))
            .unwrap_or_else(|output| panic!("server did not start:\n{output}"))
    }

    /// Starts the server with the given content folder. On failure returns everything the
    /// process printed.
    pub fn start_with_content(content: &Path) -> Result<Self, String> {
        Self::spawn(command(content))
    }

    /// Starts the server on the real content with extra environment variables.
    pub fn start_with_env(vars: &[(&str, &str)]) -> Self {
        let mut command = command(&workspace().join("content"));
        command.envs(vars.iter().copied());
        Self::spawn(command).unwrap_or_else(|output| panic!("server did not start:\n{output}"))
    }

    fn spawn(mut command: Command) -> Result<Self, String> {
        let mut child = command.spawn().expect("spawn the server binary");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(at) = line.find("listening on http://") {
                    let _ = sender.send(
                        line[at + "listening on ".len()..]
                            .split_whitespace()
                            .next()
                            .map(String::from),
                    );
                }
            }
            let _ = sender.send(None);
        });
        match receiver.recv_timeout(Duration::from_secs(30)) {
            Ok(Some(base)) => Ok(Self { child, base }),
            _ => {
                let _ = child.kill();
                let output = child.wait_with_output().expect("wait");
                Err(String::from_utf8_lossy(&output.stderr).into_owned())
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        reqwest::get(self.url(path))
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (
            status,
            response
                .json()
                .await
                .unwrap_or_else(|e| panic!("{path} is not JSON: {e}")),
        )
    }
}

impl TestServer {
    /// Sends SIGTERM and waits (at most `limit`) for the process to exit.
    pub fn terminate(&mut self, limit: Duration) -> Option<ExitStatus> {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM failed");
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(content: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .current_dir(workspace())
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "explorer")
        .env("LEPTOS_SITE_ROOT", "public")
        .env("CONTENT_DIR", content)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs the server to completion (for start-up failures) and returns its status and stderr.
pub fn run_to_exit(content: &Path) -> (ExitStatus, String) {
    let output = command(content).output().expect("run the server binary");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Text of an HTML page with tags removed and the few entities leptos writes decoded.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The part of a page between `<main` and `</main>`.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page closes </main>");
    &html[start..end]
}

/// The nonce named in a Content-Security-Policy header value.
pub fn csp_nonce(policy: &str) -> Option<&str> {
    policy.split("'nonce-").nth(1)?.split('\'').next()
}

/// A response header as text, or "" when absent.
pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}
