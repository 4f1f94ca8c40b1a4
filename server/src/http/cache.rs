//! Caching headers, by kind of response:
//! - fingerprinted assets under `/pkg/` (names carry a content hash): cached for a year,
//!   immutable;
//! - icons and the favicon: a day;
//! - JSON: one minute, with an `ETag` so a revalidation costs a `304` and no body;
//! - stored pages ([`super::page_bytes`]) arrive with their own strong per-encoding `ETag`,
//!   `public` caching and `Vary`, and pass through untouched; any other page (rendered per
//!   request, with its own CSP nonce) is `private`, with a weak `ETag` computed with the
//!   nonce blanked out. Pages `Vary: Islands-Router, Cookie` (the islands router gets a
//!   shorter document under the same URL; the theme cookie picks the page's theme).
//!
//! A `304` carries no `Content-Security-Policy`: the browser keeps the stored response's
//! policy, which matches the stored body.
//!
//! `HEAD` is answered as the `GET` it stands for, minus the body, so it carries the same
//! `ETag`, `Content-Length` and caching headers, and a conditional `HEAD` gets its `304`.

use axum::body::{to_bytes, Body};

use super::page_bytes::matches_tag;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Pages and JSON answers are small; anything larger is passed through without an ETag.
const MAX_TAGGED_BODY: usize = 2 * 1024 * 1024;

pub async fn caching(mut request: Request, next: Next) -> Response {
    let head = request.method() == Method::HEAD;
    if head {
        *request.method_mut() = Method::GET;
    }
    let response = cache_headers(request, next).await;
    if !head {
        return response;
    }
    let (parts, _body) = response.into_parts();
    Response::from_parts(parts, Body::empty())
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let cacheable = request.method() == Method::GET;
    let path = request.uri().path().to_owned();
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if !cacheable || response.status() != StatusCode::OK {
        return response;
    }
    if path.starts_with("/pkg/") {
        let policy = if is_fingerprinted(&path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        return with_cache_control(response, policy);
    }
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if kind.starts_with("image/") {
        return with_cache_control(response, "public, max-age=86400");
    }
    if kind.starts_with("text/html") {
        if response.headers().contains_key(header::ETAG) {
            // A stored page: its bytes, tag and caching rules are already decided.
            return response;
        }
        let mut response = tagged(response, if_none_match, "private, max-age=60").await;
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("Islands-Router, Cookie"),
        );
        return response;
    }
    if kind.starts_with("application/json") {
        return tagged(response, if_none_match, "public, max-age=60").await;
    }
    response
}

/// cargo-leptos names hashed files `<name>.<hash>.<ext>`.
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[parts.len() - 2].len() >= 8
        && parts[parts.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn with_cache_control(mut response: Response, policy: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

async fn tagged(
    response: Response,
    if_none_match: Option<HeaderValue>,
    policy: &'static str,
) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_TAGGED_BODY).await else {
        tracing::warn!("response too large to tag; sent as an error");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let nonce = response_nonce(&parts.headers);
    let tag = entity_tag(&bytes, nonce.as_deref());
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|wanted| matches_tag(wanted, &tag))
    {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_SECURITY_POLICY);
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Response::from_parts(parts, Body::from(bytes))
}

/// The nonce of a response's Content-Security-Policy header, if it has one.
pub(crate) fn response_nonce(headers: &axum::http::HeaderMap) -> Option<String> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    nonce_of(policy).map(str::to_owned)
}

/// The nonce in a policy like `script-src 'self' 'nonce-abc' …`.
fn nonce_of(policy: &str) -> Option<&str> {
    policy.split("'nonce-").nth(1)?.split('\'').next()
}

/// A weak tag over the body, with every occurrence of the nonce left out (FNV-1a, 64 bits).
fn entity_tag(body: &[u8], nonce: Option<&str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    match nonce.filter(|n| !n.is_empty()) {
        Some(nonce) => {
            let text = String::from_utf8_lossy(body);
            for piece in text.split(nonce) {
                feed(piece.as_bytes());
                feed(b"\0");
            }
        }
        None => feed(body),
    }
    format!("W/\"{hash:016x}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_ignores_the_nonce_but_not_the_content() {
        let a = entity_tag(b"<script nonce=\"AAA\">x</script>", Some("AAA"));
        let b = entity_tag(b"<script nonce=\"BBB\">x</script>", Some("BBB"));
        let c = entity_tag(b"<script nonce=\"CCC\">y</script>", Some("CCC"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("W/\""));
    }

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        assert!(matches_tag("W/\"1\", W/\"2\"", "W/\"2\""));
        assert!(matches_tag("\"2\"", "W/\"2\""));
        assert!(matches_tag("*", "W/\"2\""));
        assert!(!matches_tag("W/\"3\"", "W/\"2\""));
    }

    #[test]
    fn fingerprinted_names_are_recognised() {
        assert!(is_fingerprinted("/pkg/explorer.a1b2c3d4e5f6.js"));
        assert!(!is_fingerprinted("/pkg/explorer.js"));
        assert!(!is_fingerprinted("/pkg/explorer_bg.wasm"));
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        assert_eq!(
            nonce_of("script-src 'self' 'nonce-xyz' 'wasm-unsafe-eval'"),
            Some("xyz")
        );
        assert_eq!(nonce_of("default-src 'self'"), None);
    }
}
