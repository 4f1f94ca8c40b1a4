//! The release build, started the way an operator or a container starts it: the bare binary,
//! no `cargo leptos`, a clean environment with only the listen address. Every asset the home
//! page links must load. Needs `cargo leptos build --release` first, so it is ignored by a
//! plain `cargo test`; `scripts/test.sh` runs it with `--ignored` right after that build.

mod support;

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use support::{workspace, TestServer};

#[tokio::test]
#[ignore = "needs `cargo leptos build --release`; scripts/test.sh runs it"]
async fn the_release_binary_finds_its_fingerprinted_assets_on_its_own() {
    let binary = workspace().join("target/release/server");
    assert!(binary.is_file(), "{} is missing", binary.display());
    let mut command = Command::new(&binary);
    command
        .env_clear()
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        // Asked for, but a release build has no test routes to mount.
        .env("EXPLORER_TEST_HOOKS", "1")
        .current_dir(workspace())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let server = TestServer::start_with_command(command);

    let (status, html) = server.get_text("/").await;
    assert_eq!(status, 200);
    assert_eq!(
        server.get("/__test/slow?ms=1").await.status(),
        404,
        "the release build carries the test routes"
    );
    let linked: BTreeSet<&str> = ["href=\"", "src=\""]
        .iter()
        .flat_map(|attribute| html.split(attribute).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .filter(|url| url.starts_with('/') && !url.starts_with("//"))
        .collect();
    for extension in [".css", ".js", ".wasm"] {
        assert!(
            linked
                .iter()
                .any(|url| url.starts_with("/pkg/") && url.ends_with(extension)),
            "the page links no {extension} under /pkg/: {linked:?}"
        );
    }
    for url in &linked {
        let response = server.get(url).await;
        assert_eq!(response.status(), 200, "{url}");
        let length = response.bytes().await.expect("body").len();
        assert!(length > 0, "{url} is empty");
    }
}
