//! Rendered pages, kept. The content never changes while the server runs, so each page is
//! rendered once; later requests get the stored HTML with a fresh CSP nonce substituted for
//! the stored one, so every response still has its own unpredictable nonce.
//!
//! Only `200` HTML answers to `GET` are kept. The key is what the page depends on: its path,
//! whether the islands router asked (it gets a shorter document), and the query parameters
//! pages actually read ([`app::routes::PAGE_QUERY_PARAMS`]); any other parameter (`utm_source`,
//! a cache buster) cannot change the page and is left out of the key, so junk URLs land on
//! the entry of the real page. The store holds at most [`CAPACITY`] pages and evicts the one
//! used longest ago; the capacity check, eviction and insert happen under one lock.
//!
//! Every answer says what happened in a `Cache-Status` header (RFC 9211): `explorer; hit` or
//! `explorer; fwd=miss; stored` (or without `stored` when the page cannot be kept).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use app::theme::Theme;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::cache::response_nonce;

/// Pages kept at once. The real site has 30-odd page variants; the rest is headroom for
/// query variants that pages read.
pub const CAPACITY: usize = 256;
const MAX_PAGE_BYTES: usize = 1024 * 1024;
const CACHE_STATUS: HeaderName = HeaderName::from_static("cache-status");

#[derive(Clone)]
pub struct RenderCache {
    inner: Arc<Store>,
}

struct Store {
    capacity: usize,
    pages: RwLock<HashMap<String, Arc<StoredPage>>>,
    /// A logical clock for "least recently used".
    clock: AtomicU64,
}

struct StoredPage {
    headers: HeaderMap,
    /// The page split at each occurrence of the nonce it was rendered with.
    pieces: Vec<String>,
    last_used: AtomicU64,
}

impl Default for RenderCache {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl RenderCache {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            inner: Arc::new(Store {
                capacity: capacity.max(1),
                pages: RwLock::new(HashMap::new()),
                clock: AtomicU64::new(0),
            }),
        }
    }

    fn tick(&self) -> u64 {
        self.inner.clock.fetch_add(1, Ordering::Relaxed)
    }

    fn get(&self, key: &str) -> Option<Arc<StoredPage>> {
        let page = self.inner.pages.read().ok()?.get(key).cloned()?;
        page.last_used.store(self.tick(), Ordering::Relaxed);
        Some(page)
    }

    /// Stores `page` under `key` unless a page is already there; when full, first evicts
    /// the page used longest ago. One write lock covers the check, the eviction and the insert.
    fn insert(&self, key: String, page: StoredPage) {
        page.last_used.store(self.tick(), Ordering::Relaxed);
        let Ok(mut pages) = self.inner.pages.write() else {
            return;
        };
        if pages.contains_key(&key) {
            return;
        }
        while pages.len() >= self.inner.capacity {
            let oldest = pages
                .iter()
                .min_by_key(|(_, page)| page.last_used.load(Ordering::Relaxed))
                .map(|(key, _)| key.clone());
            match oldest {
                Some(oldest) => pages.remove(&oldest),
                None => break,
            };
        }
        pages.insert(key, Arc::new(page));
    }

    fn len(&self) -> usize {
        self.inner.pages.read().map_or(0, |pages| pages.len())
    }
}

impl StoredPage {
    fn respond(&self) -> Response {
        let nonce = leptos::nonce::Nonce::new().to_string();
        let mut response = Response::new(Body::from(self.pieces.join(&nonce)));
        *response.headers_mut() = self.headers.clone();
        if let Ok(policy) = HeaderValue::from_str(&app::security::content_security_policy(&nonce)) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        response
            .headers_mut()
            .insert(CACHE_STATUS, HeaderValue::from_static("explorer; hit"));
        response
    }
}

/// The store's key for a request: islands-router flag, theme, path, and the page
/// parameters in a fixed order (every value, in request order). Other parameters are
/// dropped. The theme is part of the key because pages render it into `<html data-theme>`
/// (no flash of the wrong theme); visitors who never chose share the "system" pages.
fn store_key(islands_router: bool, theme: Theme, path: &str, query: Option<&str>) -> String {
    let mut key = format!("{}|{}|{path}", u8::from(islands_router), theme.as_str());
    for name in app::routes::PAGE_QUERY_PARAMS {
        for pair in query.unwrap_or_default().split('&') {
            let (param, value) = pair.split_once('=').unwrap_or((pair, ""));
            if param == *name {
                key.push_str(&format!("|{name}={value}"));
            }
        }
    }
    key
}

pub async fn serve_rendered(
    State(cache): State<RenderCache>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let theme = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(Theme::from_cookie_header)
        .find(|theme| *theme != Theme::System)
        .unwrap_or_default();
    let key = store_key(
        request.headers().contains_key("islands-router"),
        theme,
        request.uri().path(),
        request.uri().query(),
    );
    if let Some(page) = cache.get(&key) {
        return page.respond();
    }
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK || !is_html {
        return response;
    }
    let nonce = response_nonce(response.headers());
    let Some(nonce) = nonce.filter(|n| !n.is_empty()) else {
        response
            .headers_mut()
            .insert(CACHE_STATUS, HeaderValue::from_static("explorer; fwd=miss"));
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    cache.insert(
        key,
        StoredPage {
            headers: parts.headers.clone(),
            pieces: text.split(nonce.as_str()).map(str::to_owned).collect(),
            last_used: AtomicU64::new(0),
        },
    );
    parts.headers.insert(
        CACHE_STATUS,
        HeaderValue::from_static("explorer; fwd=miss; stored"),
    );
    tracing::debug!(stored = cache.len(), "stored a rendered page");
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> StoredPage {
        StoredPage {
            headers: HeaderMap::new(),
            pieces: vec![text.to_string()],
            last_used: AtomicU64::new(0),
        }
    }

    #[test]
    fn the_key_keeps_only_the_parameters_pages_read() {
        let plain = store_key(false, Theme::System, "/issues/dns", None);
        assert_eq!(
            store_key(false, Theme::System, "/issues/dns", Some("x=1")),
            plain
        );
        assert_eq!(
            store_key(false, Theme::System, "/issues/dns", Some("utm_source=a&b")),
            plain
        );
        assert_ne!(store_key(true, Theme::System, "/issues/dns", None), plain);
        assert_ne!(store_key(false, Theme::Dark, "/issues/dns", None), plain);
        let focus = store_key(
            false,
            Theme::System,
            "/",
            Some("focus=building-trust&utm_source=x"),
        );
        assert_eq!(
            focus,
            store_key(
                false,
                Theme::System,
                "/",
                Some("utm_source=y&focus=building-trust")
            )
        );
        assert_ne!(focus, store_key(false, Theme::System, "/", None));
        assert_ne!(
            focus,
            store_key(
                false,
                Theme::System,
                "/",
                Some("focus=building-trust&focus=x")
            )
        );
    }

    #[test]
    fn a_full_store_evicts_the_page_used_longest_ago() {
        let cache = RenderCache::with_capacity(3);
        cache.insert("a".into(), page("A"));
        cache.insert("b".into(), page("B"));
        cache.insert("c".into(), page("C"));
        assert!(
            cache.get("a").is_some(),
            "a is used again, so b is now the oldest"
        );
        cache.insert("d".into(), page("D"));
        assert_eq!(cache.len(), 3);
        assert!(cache.get("b").is_none(), "b was evicted");
        for kept in ["a", "c", "d"] {
            assert!(cache.get(kept).is_some(), "{kept} was kept");
        }
    }

    #[test]
    fn storing_a_key_twice_keeps_the_first_page() {
        let cache = RenderCache::with_capacity(2);
        cache.insert("a".into(), page("first"));
        cache.insert("a".into(), page("second"));
        assert_eq!(cache.len(), 1);
        assert_eq!(
            cache.get("a").map(|p| p.pieces.join("")),
            Some("first".into())
        );
    }

    #[test]
    fn a_flood_of_new_keys_never_grows_the_store_past_its_capacity() {
        let cache = RenderCache::with_capacity(8);
        std::thread::scope(|scope| {
            for thread in 0..4 {
                let cache = cache.clone();
                scope.spawn(move || {
                    for i in 0..200 {
                        cache.insert(format!("{thread}-{i}"), page("x"));
                    }
                });
            }
        });
        assert_eq!(cache.len(), 8);
    }
}
