//! `server export <dir>`: the explorer as files for any static host. Every page is requested
//! from the real router in-process (the same middleware, store and headers as over HTTP)
//! and written where static hosts look for it (`/issues/dns` → `issues/dns.html`), with the
//! built site (assets, icons), the search data, the share images, the sitemap and a
//! `_headers` file (the format Netlify and Cloudflare Pages read) carrying each path's
//! Content-Security-Policy, caching and security headers.
//!
//! What needs the server stays on the server: the JSON API and server functions, the
//! no-JavaScript theme form (`POST /theme`) and query-string views (`/?focus=`, `/?q=`,
//! `/map?issue=`), which a static host answers with the page without its query.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use app::content::Catalog;
use app::domain::{issue_href, search_data_path, share_image_path, urls, Lang};
use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

use crate::config::Config;
use crate::http::page_store::page_bytes::PageBytes;
use crate::http::share::SITE_IMAGE;

/// Headers a static host should send as this server does (the rest are per-connection).
const KEPT_HEADERS: [&str; 9] = [
    "content-security-policy",
    "cache-control",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
    "x-frame-options",
    "permissions-policy",
    "strict-transport-security",
];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: answered {status}, expected {expected}")]
    Status {
        path: String,
        status: StatusCode,
        expected: StatusCode,
    },
    #[error("{path}: {reason}")]
    Page { path: String, reason: String },
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One exported URL: where its file goes and the headers it is served with.
struct Exported {
    url: String,
    headers: Vec<(String, String)>,
}

/// Writes the site into `out` (created if missing); returns how many files it wrote.
pub async fn export(
    config: &Config,
    catalog: Arc<Catalog>,
    out: &Path,
) -> Result<usize, ExportError> {
    let router = crate::http::router(
        config,
        Arc::clone(&catalog),
        Arc::new(crate::metrics::Metrics::default()),
    );
    let site_root = PathBuf::from(&*config.leptos.site_root);
    // Copying the site into a folder inside itself would never end (or truncate files).
    fs::create_dir_all(out).map_err(|source| ExportError::Write {
        path: out.to_owned(),
        source,
    })?;
    if let (Ok(site), Ok(target)) = (site_root.canonicalize(), out.canonicalize()) {
        if target.starts_with(&site) {
            return Err(ExportError::Page {
                path: out.display().to_string(),
                reason: format!(
                    "the export must go outside the site root {}",
                    site.display()
                ),
            });
        }
    }
    let mut written = copy_tree(&site_root, out)?;
    let mut exported = Vec::new();

    // Every page in every language: `/fr/issues/dns` → `fr/issues/dns.html`.
    let mut paths: Vec<String> = urls::SITE_PAGES
        .iter()
        .map(|path| path.to_string())
        .collect();
    paths.extend(catalog.slugs().map(issue_href));
    let pages: Vec<(String, String)> = paths
        .iter()
        .flat_map(|path| Lang::ALL.map(|lang| lang.localized(path)))
        .map(|path| {
            let file = page_file(&path);
            (path, file)
        })
        .collect();
    let mut files = vec![
        ("/sitemap.xml".to_string(), "sitemap.xml".to_string()),
        ("/robots.txt".into(), "robots.txt".into()),
        (urls::FEED_PATH.into(), "feed.xml".into()),
    ];
    // Each language's search data and share images, a file at its own address.
    for lang in Lang::ALL {
        let images = std::iter::once(SITE_IMAGE)
            .chain(catalog.slugs())
            .map(|name| share_image_path(name, lang));
        for url in std::iter::once(search_data_path(lang)).chain(images) {
            let file = url.trim_start_matches('/').to_string();
            files.push((url, file));
        }
    }
    for (url, file) in pages.iter().chain(&files) {
        let (headers, body) = fetch(&router, url, StatusCode::OK).await?;
        let policy = headers.get(header::CONTENT_SECURITY_POLICY);
        if policy
            .and_then(|p| p.to_str().ok())
            .is_some_and(|p| p.contains("'nonce-"))
        {
            return Err(ExportError::Page {
                path: url.clone(),
                reason: "the page was not stored as fixed bytes (its policy needs a nonce)".into(),
            });
        }
        write(&out.join(file), &body)?;
        exported.push(Exported {
            url: url.clone(),
            headers: kept(&headers, url.starts_with("/api/") || url == urls::FEED_PATH),
        });
        written += 1;
    }

    // The 404 page is rendered per request with a nonce: store it as fixed bytes too.
    let missing = "/404";
    let (headers, body) = fetch(&router, missing, StatusCode::NOT_FOUND).await?;
    let nonce = crate::http::cache_headers::response_nonce(&headers).unwrap_or_default();
    let html = String::from_utf8(body.to_vec()).map_err(|_| ExportError::Page {
        path: missing.into(),
        reason: "not UTF-8".into(),
    })?;
    let page = PageBytes::new(&html, &nonce).map_err(|reason| ExportError::Page {
        path: missing.into(),
        reason: reason.to_string(),
    })?;
    write(&out.join("404.html"), page.identity())?;
    written += 1;
    let mut not_found_headers = kept(&headers, false);
    for (name, value) in &mut not_found_headers {
        if name == "content-security-policy" {
            *value = page.policy().to_owned();
        }
    }
    exported.push(Exported {
        url: "/404.html".into(),
        headers: not_found_headers,
    });

    let (asset_headers, _) =
        fetch(&router, &first_asset(&site_root, config)?, StatusCode::OK).await?;
    exported.push(Exported {
        url: format!("/{}/*", config.leptos.site_pkg_dir),
        headers: kept(&asset_headers, false),
    });
    write(&out.join("_headers"), headers_file(&exported).as_bytes())?;
    Ok(written + 1)
}

async fn fetch(
    router: &Router,
    path: &str,
    expected: StatusCode,
) -> Result<(HeaderMap, axum::body::Bytes), ExportError> {
    let request = Request::get(path)
        .body(Body::empty())
        .map_err(|error| ExportError::Page {
            path: path.into(),
            reason: error.to_string(),
        })?;
    let response = router
        .clone()
        .oneshot(request)
        .await
        .map_err(|never| match never {})?;
    if response.status() != expected {
        return Err(ExportError::Status {
            path: path.into(),
            status: response.status(),
            expected,
        });
    }
    let (parts, body) = response.into_parts();
    let body = to_bytes(body, 16 * 1024 * 1024)
        .await
        .map_err(|error| ExportError::Page {
            path: path.into(),
            reason: error.to_string(),
        })?;
    Ok((parts.headers, body))
}

/// The file a site page is written to: `/` → `index.html`, `/map` → `map.html`,
/// `/fr/` → `fr/index.html`.
fn page_file(path: &str) -> String {
    match path.trim_start_matches('/') {
        "" => "index.html".to_string(),
        folder if folder.ends_with('/') => format!("{folder}index.html"),
        name => format!("{name}.html"),
    }
}

/// The headers of `headers` a static host should repeat; JSON keeps its content type, since
/// the search data's file has no extension to tell the host, and so does the feed (a host
/// would serve `.xml` as plain XML, not Atom).
fn kept(headers: &HeaderMap, keep_content_type: bool) -> Vec<(String, String)> {
    let mut kept: Vec<(String, String)> = KEPT_HEADERS
        .iter()
        .filter_map(|name| {
            let value = headers.get(*name)?.to_str().ok()?;
            Some((name.to_string(), value.to_string()))
        })
        .collect();
    if keep_content_type {
        if let Some(kind) = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
        {
            kept.push(("content-type".into(), kind.into()));
        }
    }
    kept
}

/// `_headers`: one block per URL (`/pkg/*` covers the fingerprinted assets).
fn headers_file(exported: &[Exported]) -> String {
    let mut file = String::from(
        "# Written by `server export`: each path's headers as the server sends them.\n",
    );
    for entry in exported {
        let _ = writeln!(file, "{}", entry.url);
        for (name, value) in &entry.headers {
            let _ = writeln!(file, "  {name}: {value}");
        }
    }
    file
}

/// A fingerprinted asset's URL, to read the caching rules the server gives them.
fn first_asset(site_root: &Path, config: &Config) -> Result<String, ExportError> {
    let pkg = site_root.join(&*config.leptos.site_pkg_dir);
    let entries = fs::read_dir(&pkg).map_err(|source| ExportError::Write {
        path: pkg.clone(),
        source,
    })?;
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .find(|name| name.ends_with(".css") || name.ends_with(".js"))
        .map(|name| format!("/{}/{name}", config.leptos.site_pkg_dir))
        .ok_or_else(|| ExportError::Page {
            path: pkg.display().to_string(),
            reason: "no built assets: run cargo leptos build --release --split".into(),
        })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let failed = |source| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(failed)?;
    }
    fs::write(path, bytes).map_err(failed)
}

/// Copies the built site (assets with their pre-compressed copies, icons, favicon).
fn copy_tree(from: &Path, to: &Path) -> Result<usize, ExportError> {
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| ExportError::Write { path, source }
    };
    fs::create_dir_all(to).map_err(failed(to))?;
    let mut copied = 0;
    for entry in fs::read_dir(from).map_err(failed(from))? {
        let entry = entry.map_err(failed(from))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().map_err(failed(&source))?.is_dir() {
            copied += copy_tree(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(failed(&source))?;
            copied += 1;
        }
    }
    Ok(copied)
}
