//! HTTP caching semantics an independent linter (REDbot) checks: `Vary` on every negotiated
//! variant, `304` and `206` answers carrying the headers of the `200` they stand for,
//! conditional share images, explicit freshness, no compression of tiny bodies. All
//! in-process: the whole app, called without a socket.

mod support;

use support::in_process::{Answer, InProcess};

/// The headers RFC 9110 §15.4.5 asks a 304 to repeat from the 200.
const REPEATED_BY_304: [&str; 3] = ["cache-control", "etag", "vary"];

fn varies_on_encoding(answer: &Answer) -> bool {
    answer
        .joined("vary")
        .to_ascii_lowercase()
        .contains("accept-encoding")
}

/// A site root with one fingerprinted script and its brotli copy, as a built site has once
/// the server compressed it; or (`precompressed` false) a compressible asset the server
/// keeps no copy of (it writes copies of JS, WASM and CSS only), compressed on the fly.
fn site_with_script(precompressed: bool) -> (tempfile::TempDir, String) {
    let site = tempfile::tempdir().expect("tempdir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).expect("pkg");
    let name = if precompressed {
        "explorer.0123456789abcdef.js"
    } else {
        "explorer.0123456789abcdef.json"
    };
    let script = "export function hello() { return 'hello'; }\n".repeat(500);
    std::fs::write(pkg.join(name), &script).expect("write");
    if precompressed {
        let copy = server_side_brotli(script.as_bytes());
        std::fs::write(pkg.join(format!("{name}.br")), copy).expect("write copy");
    }
    (site, format!("/pkg/{name}"))
}

fn server_side_brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams::default();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out
}

async fn start_on(site: &tempfile::TempDir) -> InProcess {
    InProcess::with_site_root(site.path()).await
}

#[tokio::test]
async fn every_variant_of_a_negotiated_asset_says_it_varies_on_the_encoding() {
    for precompressed in [true, false] {
        let (site, path) = site_with_script(precompressed);
        let server = start_on(&site).await;
        for accept in ["br", "gzip", "identity", ""] {
            let headers: &[(&str, &str)] = if accept.is_empty() {
                &[]
            } else {
                &[("Accept-Encoding", accept)]
            };
            let answer = server.get_with(&path, headers).await;
            assert_eq!(answer.status, 200, "{path} {accept}");
            assert!(
                varies_on_encoding(&answer),
                "precompressed={precompressed} Accept-Encoding {accept:?}: {:?}",
                answer.headers
            );
        }
    }
}

#[tokio::test]
async fn an_asset_304_and_206_carry_the_caching_headers_of_its_200() {
    let (site, path) = site_with_script(true);
    let server = start_on(&site).await;
    let whole = server.get_with(&path, &[("Accept-Encoding", "br")]).await;
    let modified = whole.header("last-modified").expect("Last-Modified");
    let revalidated = server
        .get_with(
            &path,
            &[("Accept-Encoding", "br"), ("If-Modified-Since", modified)],
        )
        .await;
    assert_eq!(revalidated.status, 304);
    let part = server.get_with(&path, &[("Range", "bytes=0-9")]).await;
    assert_eq!(part.status, 206);
    for answer in [&revalidated, &part] {
        for name in ["cache-control", "vary"] {
            assert_eq!(
                answer.header(name),
                whole.header(name),
                "{name} on the {}",
                answer.status
            );
        }
    }
}

#[tokio::test]
async fn json_304s_repeat_the_caching_headers_of_the_200() {
    let server = InProcess::new().await;
    for path in [
        "/api/issues",
        "/api/issues/dns",
        "/api/search-index",
        "/api/glossary",
    ] {
        // Asked for with brotli, as browsers do: the 200 is compressed, the 304 has no body.
        let whole = server.get_with(path, &[("Accept-Encoding", "br")]).await;
        assert_eq!(whole.status, 200, "{path}");
        let tag = whole.header("etag").expect("an ETag");
        let revalidated = server
            .get_with(path, &[("Accept-Encoding", "br"), ("If-None-Match", tag)])
            .await;
        assert_eq!(revalidated.status, 304, "{path}");
        for name in REPEATED_BY_304 {
            assert!(
                whole.header(name).is_some(),
                "{path}: the 200 has no {name}"
            );
            assert_eq!(
                revalidated.header(name),
                whole.header(name),
                "{path}: {name}"
            );
        }
    }
}

#[tokio::test]
async fn a_share_image_answers_if_none_match_with_304() {
    let server = InProcess::new().await;
    let whole = server.get_with("/share/dns.png", &[]).await;
    assert_eq!(whole.status, 200);
    let tag = whole.header("etag").expect("an ETag");
    let revalidated = server
        .get_with("/share/dns.png", &[("If-None-Match", tag)])
        .await;
    assert_eq!(revalidated.status, 304);
    assert!(revalidated.body.is_empty());
    for name in ["cache-control", "etag"] {
        assert_eq!(revalidated.header(name), whole.header(name), "{name}");
    }
    let other = server
        .get_with("/share/dns.png", &[("If-None-Match", "\"other\"")])
        .await;
    assert_eq!(other.status, 200);
}

#[tokio::test]
async fn sitemap_and_robots_say_how_long_they_stay_fresh_and_robots_is_not_compressed() {
    let server = InProcess::new().await;
    for path in ["/sitemap.xml", "/robots.txt"] {
        let answer = server
            .get_with(path, &[("Accept-Encoding", "gzip, br")])
            .await;
        assert_eq!(answer.status, 200, "{path}");
        let policy = answer.header("cache-control").unwrap_or_default();
        assert!(policy.contains("max-age="), "{path}: {policy:?}");
    }
    let robots = server
        .get_with("/robots.txt", &[("Accept-Encoding", "gzip, br")])
        .await;
    assert_eq!(robots.header("content-encoding"), None, "too small to gain");
    let sitemap = server
        .get_with("/sitemap.xml", &[("Accept-Encoding", "gzip")])
        .await;
    assert_eq!(sitemap.header("content-encoding"), Some("gzip"));
}

/// Every kind of page says what it varies on, stored or rendered per request, whether or
/// not the islands router asked.
#[tokio::test]
async fn every_kind_of_page_varies_on_encoding_islands_router_and_cookie() {
    let server = InProcess::new().await;
    for path in [
        "/issues/dns",
        "/",
        "/?q=dns",
        "/?focus=building-trust",
        "/map",
    ] {
        for router in [false, true] {
            let mut headers = vec![("Accept-Encoding", "br")];
            if router {
                headers.push(("Islands-Router", "true"));
            }
            let answer = server.get_with(path, &headers).await;
            assert_eq!(answer.status, 200, "{path}");
            // Several `Vary` fields add up (RFC 9110 §5.3).
            let vary = answer.joined("vary").to_ascii_lowercase();
            for needed in ["accept-encoding", "islands-router", "cookie"] {
                assert!(
                    vary.contains(needed),
                    "{path} (islands router: {router}): Vary {vary:?} lacks {needed}"
                );
            }
        }
    }
}
