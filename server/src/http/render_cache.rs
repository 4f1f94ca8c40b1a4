//! Rendered pages, kept. The content never changes while the server runs, so each page is
//! rendered once; later requests get the stored HTML with a fresh CSP nonce substituted for
//! the stored one, so every response still has its own unpredictable nonce.
//!
//! Only `200` HTML answers to `GET` are kept, keyed by path, query and whether the islands
//! router asked (it gets a shorter document). The number of entries is bounded, since query
//! strings are unbounded; past the bound, pages are simply rendered each time.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::cache::response_nonce;

const MAX_ENTRIES: usize = 256;
const MAX_PAGE_BYTES: usize = 1024 * 1024;

#[derive(Clone, Default)]
pub struct RenderCache {
    pages: Arc<RwLock<HashMap<String, Arc<StoredPage>>>>,
}

struct StoredPage {
    headers: HeaderMap,
    /// The page split at each occurrence of the nonce it was rendered with.
    pieces: Vec<String>,
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
    }
}

pub async fn serve_rendered(
    State(cache): State<RenderCache>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = format!(
        "{}|{}",
        request.headers().contains_key("islands-router"),
        request.uri().path_and_query().map_or("", |pq| pq.as_str())
    );
    let stored = cache
        .pages
        .read()
        .ok()
        .and_then(|pages| pages.get(&key).cloned());
    if let Some(page) = stored {
        return page.respond();
    }
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let full = cache
        .pages
        .read()
        .map_or(true, |pages| pages.len() >= MAX_ENTRIES);
    if response.status() != StatusCode::OK || !is_html || full {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let nonce = response_nonce(&parts.headers);
    let (Some(nonce), Ok(text)) = (nonce, String::from_utf8(bytes.to_vec())) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let page = Arc::new(StoredPage {
        headers: parts.headers.clone(),
        pieces: text.split(nonce.as_str()).map(str::to_owned).collect(),
    });
    if let Ok(mut pages) = cache.pages.write() {
        pages.entry(key).or_insert_with(|| Arc::clone(&page));
    }
    Response::from_parts(parts, Body::from(bytes))
}
