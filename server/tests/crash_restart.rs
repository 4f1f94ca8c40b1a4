//! Crash-only restart: the process is killed with SIGKILL (no chance to clean up), started
//! again, and must answer exactly as before; nothing it was writing when it died is served.

mod support;

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use support::TestServer;

/// A GET with `Accept-Encoding: accept`: status, ETag, content coding ("" when absent) and
/// the body as sent (not decoded).
async fn get_encoded(
    server: &TestServer,
    path: &str,
    accept: &str,
) -> (u16, String, String, Vec<u8>) {
    let response = reqwest::Client::new()
        .get(server.url(path))
        .header("accept-encoding", accept)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let etag = support::header(&response, "etag");
    let coding = support::header(&response, "content-encoding");
    let status = response.status().as_u16();
    let body = response.bytes().await.expect("body").to_vec();
    (status, etag, coding, body)
}

/// One of each kind of response whose bytes the server decides: stored pages, a search,
/// the JSON API, the search data, sitemap and a share image.
const PATHS: [&str; 9] = [
    "/",
    "/issues/dns",
    "/map",
    "/glossary",
    "/?q=routing",
    "/api/issues/dns",
    "/api/search-index",
    "/sitemap.xml",
    "/share/dns.png",
];

/// Status, ETag and body of every path in [`PATHS`], asked for with brotli.
async fn answers(server: &TestServer) -> Vec<(u16, String, Vec<u8>)> {
    let mut answers = Vec::new();
    for path in PATHS {
        let (status, etag, _, body) = get_encoded(server, path, "br").await;
        assert_eq!(status, 200, "{path}");
        answers.push((status, etag, body));
    }
    answers
}

fn start() -> TestServer {
    TestServer::start_with_env(&[("PUBLIC_BASE_URL", "https://explorer.example")])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_under_load_it_restarts_answering_the_same_bytes() {
    let mut server = start();
    let before = answers(&server).await;

    // Eight clients request every path in a loop; the process dies under them.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    let load: Vec<_> = (0..8)
        .map(|_| {
            let urls: Vec<String> = PATHS.iter().map(|path| server.url(path)).collect();
            let client = client.clone();
            tokio::spawn(async move {
                let mut answered = 0u32;
                for url in urls.iter().cycle() {
                    let Ok(response) = client.get(url).send().await else {
                        return answered;
                    };
                    if response.bytes().await.is_err() {
                        return answered;
                    }
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(700)).await;
    server.kill();
    let mut answered_before_kill = 0;
    for client in load {
        answered_before_kill += client.await.expect("load task");
    }
    assert!(
        answered_before_kill > 8,
        "the load never ran ({answered_before_kill} answers)"
    );

    let server = start();
    let after = answers(&server).await;
    for ((path, before), after) in PATHS.iter().zip(&before).zip(&after) {
        assert_eq!(
            before.1, after.1,
            "{path}: the ETag changed across the restart"
        );
        // A search is rendered per request with a fresh CSP nonce, so its bytes differ on
        // every answer; its tag is computed with the nonce left out, and compared above.
        if !path.contains("?q=") {
            assert!(
                before.2 == after.2,
                "{path}: the bytes changed across the restart"
            );
        }
    }
}

/// A site root with a built `pkg/` of three assets large enough to take a moment each.
fn site_with_assets(root: &Path) -> Vec<(String, Vec<u8>)> {
    let pkg = root.join("pkg");
    std::fs::create_dir(&pkg).expect("pkg");
    let script: Vec<u8> = (0..40_000u32)
        .flat_map(|i| {
            format!("export const v{i} = {};\n", i.wrapping_mul(2_654_435_761)).into_bytes()
        })
        .collect();
    let style: Vec<u8> = (0..20_000u32)
        .flat_map(|i| format!(".c{i}{{margin:{}px}}\n", i % 97).into_bytes())
        .collect();
    let wasm: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let assets = vec![
        ("explorer.0123456789abcdef.js".to_owned(), script),
        ("explorer.0123456789abcdef.css".to_owned(), style),
        ("explorer.0123456789abcdef.wasm".to_owned(), wasm),
    ];
    for (name, bytes) in &assets {
        std::fs::write(pkg.join(name), bytes).expect("write asset");
    }
    assets
}

fn files_ending(dir: &Path, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read pkg")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(suffix))
        .collect();
    names.sort();
    names
}

/// `body` decoded from `coding` ("" for none).
fn decode(coding: &str, body: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    match coding {
        "br" => {
            brotli::Decompressor::new(body, 4096)
                .read_to_end(&mut plain)
                .expect("valid brotli");
        }
        "gzip" => {
            flate2::read::GzDecoder::new(body)
                .read_to_end(&mut plain)
                .expect("valid gzip");
        }
        "" => plain.extend_from_slice(body),
        other => panic!("unexpected encoding {other}"),
    }
    plain
}

/// Every asset, asked for in each encoding, decodes to its original.
async fn assert_assets_served_whole(server: &TestServer, assets: &[(String, Vec<u8>)]) {
    for (name, original) in assets {
        for accept in ["br", "gzip", "identity"] {
            let (status, _, coding, body) =
                get_encoded(server, &format!("/pkg/{name}"), accept).await;
            assert_eq!(status, 200, "{name} ({accept})");
            let plain = decode(&coding, &body);
            assert!(
                &plain == original,
                "{name} ({accept}): the body does not decode to the asset"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_while_compressing_assets_it_never_serves_a_half_written_copy() {
    let site = tempfile::tempdir().expect("tempdir");
    let assets = site_with_assets(site.path());
    let pkg = site.path().join("pkg");
    let root = site.path().to_str().expect("utf-8 path");

    // Each copy pauses half-written for 5 s: kill the process inside that pause.
    let mut server = TestServer::start_with_env(&[
        ("LEPTOS_SITE_ROOT", root),
        ("EXPLORER_TEST_PRECOMPRESS_PAUSE_MS", "5000"),
    ]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while files_ending(&pkg, ".partial").is_empty() {
        assert!(Instant::now() < deadline, "no copy was started within 20 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // While a copy is half-written, requests get the asset whole (compressed on the fly).
    assert_assets_served_whole(&server, &assets).await;
    server.kill();

    let partial = files_ending(&pkg, ".partial");
    assert_eq!(partial.len(), 1, "one copy was half-written: {partial:?}");
    let unfinished = partial[0].trim_end_matches(".partial");
    assert!(
        !pkg.join(unfinished).exists(),
        "{unfinished} exists although its writer was killed half-way"
    );

    // Started again: the leftover goes, every copy is written whole, and served.
    let server = TestServer::start_with_env(&[("LEPTOS_SITE_ROOT", root)]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while files_ending(&pkg, ".br").len() + files_ending(&pkg, ".gz").len() < 2 * assets.len() {
        assert!(Instant::now() < deadline, "copies not written within 30 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(files_ending(&pkg, ".partial"), Vec::<String>::new());
    for (name, original) in &assets {
        for (suffix, encoding) in [("br", "br"), ("gz", "gzip")] {
            let stored = std::fs::read(pkg.join(format!("{name}.{suffix}"))).expect("copy");
            assert!(
                &decode(encoding, &stored) == original,
                "{name}.{suffix} does not decode to the asset"
            );
        }
    }
    assert_assets_served_whole(&server, &assets).await;
}
