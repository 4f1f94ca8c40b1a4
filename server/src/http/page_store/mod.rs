//! Rendered pages, kept. The content never changes while the server runs, so each page is
//! rendered once and kept as fixed bytes ([`PageBytes`]): normalised, without a nonce, with
//! a hash-based CSP, compressed once in every encoding, with a strong `ETag`. Every visitor
//! (and every replica of the same build) gets the same bytes, which shared caches may keep;
//! a request costs a lookup and a `Bytes` clone, with no compression or copying.
//!
//! Only `200` HTML answers to `GET` are kept. The key is what the page depends on: its path,
//! whether the islands router asked (it gets a shorter document), and the query parameters
//! pages actually read ([`PageQuery`], the type pages read them through); any other
//! parameter (`utm_source`, a cache buster) cannot change the page and is left out of the
//! key, so junk URLs land on the entry of the real page. The store holds at most
//! [`CAPACITY`] pages and evicts the one used longest ago; the capacity check, eviction and
//! insert happen under one lock.
//!
//! Every answer says what happened in a `Cache-Status` header (RFC 9211): `explorer; hit` or
//! `explorer; fwd=miss; stored` (or without `stored` when the page cannot be kept).
//!
//! Here: the store and the middleware that answers from it; `key.rs`, the key;
//! `page_bytes.rs`, a page's bytes (normalised markup, hash-based CSP, the encodings, the
//! tag, the answer). The caching headers come from the one table in `cache_headers.rs`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use app::routes::PageQuery;
use app::theme::Theme;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::cache_headers::{response_nonce, StoredPageMark};
use crate::http::fixed_bytes::if_none_match;
use crate::http::security_headers::SecurityHeaders;
use key::store_key;
use page_bytes::{respell, Encoding, NotStorable, PageBytes};

mod key;
pub mod page_bytes;

/// Pages kept at once. The real site has 30-odd page variants; the rest is headroom for
/// query variants that pages read.
pub const CAPACITY: usize = 256;
const MAX_PAGE_BYTES: usize = 1024 * 1024;
const CACHE_STATUS: HeaderName = HeaderName::from_static("cache-status");
/// `Cache-Status` of an answer from the store.
const HIT: &str = "explorer; hit";

#[derive(Clone)]
pub struct RenderCache {
    inner: Arc<Store>,
}

struct Store {
    capacity: usize,
    /// What stored pages' pre-built header blocks carry besides their own headers.
    security: SecurityHeaders,
    pages: RwLock<HashMap<String, Arc<StoredPage>>>,
    /// Renders in progress, by key (see [`Flight`]).
    flights: Mutex<HashMap<String, Arc<InFlight>>>,
    /// One brotli-11 compression at a time: a burst of new pages (or someone cycling through
    /// more page variants than the store holds) waits, and stored pages keep a core.
    compressing: Arc<tokio::sync::Semaphore>,
    /// A logical clock for "least recently used": it advances on each insert, and a page
    /// used since the last insert carries its current value. Hits only read it (and write
    /// the page's mark once per insert), so two threads serving the same page never take
    /// turns on one cache line.
    clock: AtomicU64,
}

struct StoredPage {
    /// The headers the render set, minus those [`PageBytes`] decides.
    headers: HeaderMap,
    bytes: PageBytes,
    /// Whether shared caches may keep it (fixed by the key: see [`Wanted::shared`]).
    shared: bool,
    /// The complete headers of an unconditional hit in each encoding (by
    /// [`Encoding::index`]): the page's, the caching ones, the security headers and
    /// `Cache-Status`. A hit clones one, with nothing to compute.
    hit_headers: [HeaderMap; 3],
    last_used: AtomicU64,
}

impl RenderCache {
    pub fn new(security: SecurityHeaders) -> Self {
        Self::with_capacity(CAPACITY, security)
    }

    fn with_capacity(capacity: usize, security: SecurityHeaders) -> Self {
        Self {
            inner: Arc::new(Store {
                capacity: capacity.max(1),
                security,
                pages: RwLock::new(HashMap::new()),
                flights: Mutex::new(HashMap::new()),
                compressing: Arc::new(tokio::sync::Semaphore::new(1)),
                clock: AtomicU64::new(0),
            }),
        }
    }

    fn tick(&self) -> u64 {
        self.inner.clock.fetch_add(1, Ordering::Relaxed)
    }

    fn mark_used(&self, page: &StoredPage) {
        let now = self.inner.clock.load(Ordering::Relaxed);
        if page.last_used.load(Ordering::Relaxed) != now {
            page.last_used.store(now, Ordering::Relaxed);
        }
    }

    fn get(&self, key: &str) -> Option<Arc<StoredPage>> {
        let page = self.inner.pages.read().ok()?.get(key).cloned()?;
        self.mark_used(&page);
        Some(page)
    }

    /// Stores `page` under `key` unless a page is already there; when full, first evicts
    /// the page used longest ago. One write lock covers the check, the eviction and the insert.
    fn insert(&self, key: String, page: Arc<StoredPage>) {
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
        pages.insert(key, page);
    }

    fn len(&self) -> usize {
        self.inner.pages.read().map_or(0, |pages| pages.len())
    }
}

impl StoredPage {
    fn new(headers: HeaderMap, bytes: PageBytes, shared: bool, security: SecurityHeaders) -> Self {
        let hit_headers = Encoding::ALL.map(|encoding| {
            let (mut parts, _) = bytes.respond(&headers, encoding, None, shared).into_parts();
            security.add_missing(&mut parts.headers);
            parts
                .headers
                .insert(CACHE_STATUS, HeaderValue::from_static(HIT));
            parts.headers
        });
        Self {
            headers,
            bytes,
            shared,
            hit_headers,
            last_used: AtomicU64::new(0),
        }
    }

    fn respond(&self, wanted: &Wanted, status: &'static str) -> Response {
        let mut response = self.bytes.respond(
            &self.headers,
            wanted.encoding,
            wanted.if_none_match.as_deref(),
            self.shared,
        );
        response
            .headers_mut()
            .insert(CACHE_STATUS, HeaderValue::from_static(status));
        response
    }

    /// The answer from the store: a pre-built header block and a clone of the stored
    /// bytes, or for a conditional request the general path (which may answer `304`).
    fn hit(&self, wanted: &Wanted, security: SecurityHeaders) -> Response {
        if wanted.if_none_match.is_some() {
            let mut response = self.respond(wanted, HIT);
            security.add_missing(response.headers_mut());
            return response;
        }
        let mut response = Response::new(Body::from(self.bytes.body(wanted.encoding).clone()));
        *response.headers_mut() = self.hit_headers[wanted.encoding.index()].clone();
        response
    }
}

/// A request for a page the store may hold: its key and what it asks of the page.
pub struct Lookup {
    key: String,
    wanted: Wanted,
}

impl Lookup {
    /// The lookup for a `GET` (or `HEAD`, answered like a `GET`) of `target` with these
    /// headers; `None` for a search, which is never stored.
    pub fn of_request(headers: &HeaderMap, path_and_query: &str, path: &str) -> Option<Self> {
        let theme = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .map(Theme::from_cookie_header)
            .find(|theme| *theme != Theme::System)
            .unwrap_or_default();
        let islands_router = headers.contains_key("islands-router");
        let page_query = PageQuery::of_request_target(path_and_query);
        if page_query.is_search() {
            return None;
        }
        Some(Self {
            key: store_key(islands_router, theme, path, &page_query),
            wanted: Wanted {
                shared: theme == Theme::System && !islands_router,
                encoding: Encoding::of_request(headers),
                if_none_match: if_none_match(headers).map(str::to_owned),
            },
        })
    }
}

impl RenderCache {
    /// The stored page's answer, if the store holds the page.
    pub fn hit(&self, lookup: &Lookup) -> Option<Response> {
        // Answered under the read lock, without cloning the page's `Arc`: a hit writes to
        // no memory that another thread's hit also writes.
        let pages = self.inner.pages.read().ok()?;
        let page = pages.get(&lookup.key)?;
        self.mark_used(page);
        Some(page.hit(&lookup.wanted, self.inner.security))
    }
}

/// What the request asks of a stored page.
struct Wanted {
    /// Whether shared caches may keep the answer: only the pages every visitor gets (the
    /// system theme, full documents).
    shared: bool,
    encoding: Encoding,
    if_none_match: Option<String>,
}

pub async fn serve_rendered(
    State(cache): State<RenderCache>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    // The address as requested, before the language layer took `/fr` off it: the store
    // keeps each language's page under its own address, as the front looks it up.
    let uri = super::language::requested_uri(&request);
    let target = uri.path_and_query().map_or("/", |target| target.as_str());
    let Some(lookup) = Lookup::of_request(request.headers(), target, uri.path()) else {
        // A search: any text makes a new page, so storing them would let anyone fill the
        // store and keep the CPU busy compressing. Rendered per request, like error pages.
        return unstored(next.run(request).await).await;
    };
    if let Some(mut answer) = cache.hit(&lookup) {
        answer.extensions_mut().insert(StoredPageMark);
        return answer;
    }
    let Lookup { key, wanted } = lookup;
    // One render per page at a time: concurrent first requests for a page wait for the one
    // that renders it (a thundering herd after a deploy costs one render, not hundreds).
    // Each waiter brings its own copy of the request: if the renderer's client goes away,
    // the next waiter renders instead.
    let (parts, _) = request.into_parts();
    let flight = Flight::join(&cache, &key);
    let cell = flight.cell();
    let mut own = None;
    let mut led = false;
    let stored = cell
        .get_or_init(|| async {
            // Stored since this request looked, by a flight that has just landed.
            if let Some(page) = cache.get(&key) {
                return Some(page);
            }
            led = true;
            let request = Request::from_parts(parts.clone(), Body::empty());
            let shared = wanted.shared;
            render_and_store(
                cache.clone(),
                key.clone(),
                shared,
                request,
                next.clone(),
                &mut own,
            )
            .await
        })
        .await
        .clone();
    drop(cell);
    drop(flight);
    match (stored, own) {
        (Some(page), _) => {
            tracing::debug!(stored = cache.len(), "stored a rendered page");
            // RFC 9211: `collapsed` when this request waited for another one's render.
            let status = if led {
                "explorer; fwd=miss; stored"
            } else {
                "explorer; fwd=miss; collapsed"
            };
            page.respond(&wanted, status)
        }
        (None, Some(response)) => response,
        // The page this request waited for could not be stored (an error page): render it.
        (None, None) => {
            let response = next.run(Request::from_parts(parts, Body::empty())).await;
            unstored(response).await
        }
    }
}

/// A render in progress, shared by the requests that wait for it; removed from the store's
/// list when the last of them is done (or dropped, if its client went away).
struct Flight {
    cache: RenderCache,
    key: String,
    /// Taken and dropped under the list's lock, so the count of waiters stays exact.
    cell: Option<Arc<InFlight>>,
}

type InFlight = tokio::sync::OnceCell<Option<Arc<StoredPage>>>;

impl Flight {
    fn join(cache: &RenderCache, key: &str) -> Self {
        let cell = match cache.inner.flights.lock() {
            Ok(mut flights) => Arc::clone(flights.entry(key.to_owned()).or_default()),
            Err(_) => Arc::default(),
        };
        Self {
            cache: cache.clone(),
            key: key.to_owned(),
            cell: Some(cell),
        }
    }

    fn cell(&self) -> Arc<InFlight> {
        self.cell.clone().unwrap_or_default()
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        let Some(cell) = self.cell.take() else { return };
        if let Ok(mut flights) = self.cache.inner.flights.lock() {
            // Two references left, the list's and this one: the last waiter is done. Later
            // requests find the page in the store, or (an error page) start a new flight.
            let last = flights
                .get(&self.key)
                .is_some_and(|listed| Arc::ptr_eq(listed, &cell) && Arc::strong_count(&cell) == 2);
            if last {
                flights.remove(&self.key);
            }
            drop(cell);
        }
    }
}

/// Renders the page; stores it when it is a `200` HTML page that can become fixed bytes.
/// Anything else is left in `own`, for the request that rendered it to send as it is.
async fn render_and_store(
    cache: RenderCache,
    key: String,
    shared: bool,
    request: Request,
    next: Next,
    own: &mut Option<Response>,
) -> Option<Arc<StoredPage>> {
    let mut response = next.run(request).await;
    if !is_html(&response) || response.status() != StatusCode::OK {
        *own = Some(unstored(response).await);
        return None;
    }
    let Some(nonce) = response_nonce(response.headers()).filter(|n| !n.is_empty()) else {
        response
            .headers_mut()
            .insert(CACHE_STATUS, HeaderValue::from_static("explorer; fwd=miss"));
        *own = Some(response);
        return None;
    };
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        *own = Some(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        return None;
    };
    let Ok(text) = String::from_utf8(bytes.to_vec()) else {
        *own = Some(Response::from_parts(parts, Body::from(bytes)));
        return None;
    };
    let mut headers = parts.headers.clone();
    for decided in [
        header::CONTENT_SECURITY_POLICY,
        header::CONTENT_LENGTH,
        header::CACHE_CONTROL,
        header::ETAG,
        header::VARY,
    ] {
        headers.remove(decided);
    }
    // Brotli at quality 11 takes tens of milliseconds: off the async threads, and in its
    // own task, so the work is kept (stored by the task) even if this request is dropped.
    let compressing = Arc::clone(&cache.inner.compressing);
    let storing = tokio::spawn(async move {
        let _turn = compressing
            .acquire_owned()
            .await
            .map_err(|_| NotStorable::Compression("the compression queue closed".into()))?;
        let page = tokio::task::spawn_blocking(move || PageBytes::new(&text, &nonce))
            .await
            .map_err(|_| NotStorable::Compression("the compressing task failed".into()))??;
        let page = Arc::new(StoredPage::new(headers, page, shared, cache.inner.security));
        cache.insert(key, Arc::clone(&page));
        Ok::<_, NotStorable>(page)
    });
    match storing.await {
        Ok(Ok(page)) => Some(page),
        Ok(Err(reason)) => {
            tracing::warn!(%reason, "page served as rendered, not stored");
            let mut response = Response::from_parts(parts, Body::from(bytes));
            response
                .headers_mut()
                .insert(CACHE_STATUS, HeaderValue::from_static("explorer; fwd=miss"));
            *own = Some(response);
            None
        }
        Err(_) => {
            *own = Some(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            None
        }
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// A response that is not stored, as it is; an HTML page (an error page, rendered per
/// request) gets the same valid markup as stored pages and keeps its nonce.
async fn unstored(response: Response) -> Response {
    if !is_html(&response) {
        return response;
    }
    let nonce = response_nonce(response.headers()).unwrap_or_default();
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let html = respell(text, &nonce);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECURITY: SecurityHeaders = SecurityHeaders { hsts: false };

    fn page(text: &str) -> Arc<StoredPage> {
        let Ok(bytes) = PageBytes::new(text, "") else {
            panic!("{text} is storable")
        };
        Arc::new(StoredPage::new(HeaderMap::new(), bytes, true, SECURITY))
    }

    #[test]
    fn a_full_store_evicts_the_page_used_longest_ago() {
        let cache = RenderCache::with_capacity(3, SECURITY);
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
        let cache = RenderCache::with_capacity(2, SECURITY);
        cache.insert("a".into(), page("first"));
        cache.insert("a".into(), page("second"));
        assert_eq!(cache.len(), 1);
        assert_eq!(
            cache.get("a").map(|p| p.bytes.etag(Encoding::Identity)),
            PageBytes::new("first", "")
                .ok()
                .map(|first| first.etag(Encoding::Identity))
        );
    }

    #[test]
    fn a_flood_of_new_keys_never_grows_the_store_past_its_capacity() {
        let cache = RenderCache::with_capacity(8, SECURITY);
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
