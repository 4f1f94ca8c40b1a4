//! Runs the real server binary on a free port of 127.0.0.1 and talks to it over TCP.
#![allow(dead_code)] // each test file uses a different part of this module

pub mod in_process;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub struct TestServer {
    child: Child,
    pub base: String,
    /// Every line the server has written to stdout so far (its log).
    log: Arc<Mutex<Vec<String>>>,
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

    /// Starts the server with a site root other than `public/` and extra variables.
    pub fn start_with_command(command: Command) -> Self {
        Self::spawn(command).unwrap_or_else(|output| panic!("server did not start:\n{output}"))
    }

    fn spawn(mut command: Command) -> Result<Self, String> {
        let mut child = command.spawn().expect("spawn the server binary");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(base) = listening_base(&line) {
                    let _ = sender.send(Some(base));
                }
                if let Ok(mut kept) = kept.lock() {
                    kept.push(line);
                }
            }
            let _ = sender.send(None);
        });
        match receiver.recv_timeout(Duration::from_secs(30)) {
            Ok(Some(base)) => Ok(Self { child, base, log }),
            _ => {
                let _ = child.kill();
                let output = child.wait_with_output().expect("wait");
                Err(String::from_utf8_lossy(&output.stderr).into_owned())
            }
        }
    }

    /// The log lines written so far that contain `needle`.
    pub fn log_lines_with(&self, needle: &str) -> Vec<String> {
        self.log
            .lock()
            .map(|lines| {
                lines
                    .iter()
                    .filter(|l| l.contains(needle))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
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

/// The server binary with a clean environment (nothing inherited but `PATH`), on a free
/// port, serving `content` and the static files of `public/`.
pub fn command(content: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
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
/// Fails the test if the process has not exited within 30 seconds.
pub fn run_to_exit(content: &Path) -> (ExitStatus, String) {
    let mut child = command(content).spawn().expect("run the server binary");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit within 30 s with content {content:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("collect output");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// One answer read off a raw TCP connection.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    /// Header names in lower case, with their values.
    pub headers: Vec<(String, String)>,
    /// Everything after the blank line that ends the headers, as sent (chunked or not).
    pub body: Vec<u8>,
}

impl RawAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `request` verbatim on a connection of its own and reads until the server closes
/// it (send `Connection: close`). Fails the test after 15 seconds without an answer.
pub async fn raw_exchange(server: &TestServer, request: &[u8]) -> RawAnswer {
    raw_exchange_at(&server.base, request).await
}

/// [`raw_exchange`] for a server known by its base URL (for use inside spawned tasks).
pub async fn raw_exchange_at(base: &str, request: &[u8]) -> RawAnswer {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    // The server may answer and close before reading all of a request it refuses.
    let _ = stream.write_all(request).await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(15), async {
        let mut buffer = [0u8; 8192];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    let shown = String::from_utf8_lossy(&request[..request.len().min(80)]).into_owned();
    assert!(read.is_ok(), "no complete answer within 15 s to {shown:?}");
    parse_answer(&answer).unwrap_or_else(|| {
        panic!(
            "not an HTTP answer to {shown:?}: {:?}",
            String::from_utf8_lossy(&answer)
        )
    })
}

fn parse_answer(answer: &[u8]) -> Option<RawAnswer> {
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&answer[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    Some(RawAnswer {
        status,
        headers,
        body: answer[end + 4..].to_vec(),
    })
}

/// A `GET` that closes its connection after the answer.
pub fn raw_get(path: &str) -> Vec<u8> {
    raw_request("GET", path, &[])
}

/// A request with `Host` and `Connection: close` plus `headers`, and no body.
pub fn raw_request(method: &str, path: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.into_bytes()
}

/// Asserts the headers the security layer puts on every answer, whoever produced it.
pub fn assert_security_headers(answer: &RawAnswer, label: &str) {
    let get = |name: &str| answer.header(name).unwrap_or_default();
    assert_eq!(get("x-content-type-options"), "nosniff", "{label}");
    assert_eq!(
        get("referrer-policy"),
        "strict-origin-when-cross-origin",
        "{label}"
    );
    assert_eq!(get("cross-origin-opener-policy"), "same-origin", "{label}");
    assert_eq!(
        get("cross-origin-resource-policy"),
        "same-origin",
        "{label}"
    );
    assert_eq!(get("x-frame-options"), "DENY", "{label}");
    assert!(get("permissions-policy").contains("camera=()"), "{label}");
    assert!(!get("x-request-id").is_empty(), "{label}: request id");
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

/// Every JSON-LD block, parsed.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    html.split("<script type=\"application/ld+json\"")
        .skip(1)
        .map(|rest| {
            let rest = &rest[rest.find('>').expect("tag end") + 1..];
            let json = &rest[..rest.find("</script>").expect("closed")];
            serde_json::from_str(json).unwrap_or_else(|e| panic!("invalid JSON-LD {e}: {json}"))
        })
        .collect()
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

/// Copies a folder tree (a scratch copy of the content that a test may break).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The base URL in the server's `listening on http://…` log line.
fn listening_base(line: &str) -> Option<String> {
    let at = line.find("listening on http://")?;
    line[at + "listening on ".len()..]
        .split_whitespace()
        .next()
        .map(String::from)
}

/// Starts `command` and reads its stdout only up to the `listening on` line. The rest is
/// returned unread: a log reader that stopped reading, until the test reads it.
pub fn start_leaving_stdout_unread(
    mut command: Command,
) -> (TestServer, BufReader<std::process::ChildStdout>) {
    let mut child = command.spawn().expect("spawn the server binary");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    let _ = sender.send(None);
                    return;
                }
                Ok(_) => {}
            }
            if let Some(base) = listening_base(&line) {
                let _ = sender.send(Some((base, reader)));
                return;
            }
        }
    });
    match receiver.recv_timeout(Duration::from_secs(30)) {
        Ok(Some((base, reader))) => (
            TestServer {
                child,
                base,
                log: Arc::default(),
            },
            reader,
        ),
        _ => {
            let _ = child.kill();
            panic!("the server did not start");
        }
    }
}

impl TestServer {
    /// The value of one counter or gauge on `/metrics`.
    pub async fn metric(&self, name: &str) -> u64 {
        let (status, text) = self.get_text("/metrics").await;
        assert_eq!(status, 200, "/metrics");
        metric_in(&text, name)
    }

    /// Kills the process at once (SIGKILL), as the kernel or an orchestrator would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// The value of one counter or gauge in a `/metrics` text.
pub fn metric_in(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in the metrics:\n{text}"))
}
