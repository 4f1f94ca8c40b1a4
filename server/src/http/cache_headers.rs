//! Caching headers for every kind of response: one table ([`Kind::policy`]) applied in one
//! place ([`caching`]) to a `200` and to the `304` and `206` that stand for it, so they
//! cannot drift apart (RFC 9110 §15.4.5: a `304` carries the `Cache-Control`, `ETag` and
//! `Vary` the `200` would). Stored pages take theirs from the same table when the render
//! store answers (`page_store::page_bytes`), and are marked ([`StoredPageMark`]) so this layer leaves
//! them alone.
//!
//! Every response whose body may be compressed says `Vary: Accept-Encoding`, the
//! uncompressed variant included, so a shared cache never hands brotli to a client that did
//! not ask for it. Bodies smaller than [`MIN_COMPRESSED_BYTES`] are never compressed (the
//! coding's own framing would make them larger).
//!
//! A `304` carries no `Content-Security-Policy`: the browser keeps the stored response's
//! policy, which matches the stored body.
//!
//! `HEAD` is answered as the `GET` it stands for, minus the body, so it carries the same
//! `ETag`, `Content-Length` and caching headers, and a conditional `HEAD` gets its `304`.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::response::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Pages and JSON answers are small; anything larger is passed through without an ETag.
const MAX_TAGGED_BODY: usize = 2 * 1024 * 1024;

/// Below this many bytes a body is sent as it is: gzip's header and trailer alone are 18
/// bytes, and `robots.txt` (about 70) came out a third larger.
pub const MIN_COMPRESSED_BYTES: u16 = 256;

/// What a page depends on besides its URL: the encoding, the islands router's shorter
/// document, and the theme cookie (rendered into `<html data-theme>`).
const PAGE_VARY: &str = "Accept-Encoding, Islands-Router, Cookie";
/// Any other response that may be sent compressed.
const ENCODING_VARY: &str = "Accept-Encoding";

/// The kinds of response, for caching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A stored page anyone may be given: shared caches (a CDN) may keep it a minute and
    /// serve a stale copy for five more while they revalidate with the `ETag`.
    SharedPage,
    /// A page only this visitor's browser keeps: a stored page in a chosen theme or the
    /// islands router's document (many CDNs ignore `Vary`), or a page rendered per request
    /// (a search).
    PrivatePage,
    /// The JSON API and the server functions.
    Json,
    /// Built assets whose names carry a hash of their content.
    FingerprintedAsset,
    /// Built assets without a hash in their name (development builds).
    Asset,
    /// Icons, the favicon and other static images: a day.
    Image,
    /// Share images (PNG, never compressed): a day.
    ShareImage,
    /// `sitemap.xml`, `robots.txt` and the feed: an hour (they change only with a deployment).
    SiteFile,
    /// Health probes, metrics and error answers: never stored.
    Uncached,
}

/// The caching headers of one kind of response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub cache_control: &'static str,
    pub vary: Option<&'static str>,
}

impl Kind {
    pub const fn policy(self) -> Policy {
        let (cache_control, vary) = match self {
            Self::SharedPage => ("max-age=60, stale-while-revalidate=300", Some(PAGE_VARY)),
            Self::PrivatePage => ("private, max-age=60", Some(PAGE_VARY)),
            Self::Json => ("max-age=60", Some(ENCODING_VARY)),
            Self::FingerprintedAsset => ("max-age=31536000, immutable", Some(ENCODING_VARY)),
            Self::Asset => ("no-cache", Some(ENCODING_VARY)),
            Self::Image => ("max-age=86400", Some(ENCODING_VARY)),
            Self::ShareImage => ("max-age=86400", None),
            Self::SiteFile => ("max-age=3600", Some(ENCODING_VARY)),
            Self::Uncached => ("no-store", None),
        };
        Policy {
            cache_control,
            vary,
        }
    }

    /// The kind a path alone decides; `None` for pages and anything the app renders.
    fn of_path(path: &str) -> Option<Self> {
        Some(match path {
            _ if path.starts_with("/pkg/") && is_fingerprinted(path) => Self::FingerprintedAsset,
            _ if path.starts_with("/pkg/") => Self::Asset,
            _ if path.starts_with("/icons/") || path == "/favicon.svg" => Self::Image,
            _ if path.starts_with("/share/") => Self::ShareImage,
            _ if path.starts_with("/api/") => Self::Json,
            "/sitemap.xml" | "/robots.txt" | app::domain::urls::FEED_PATH => Self::SiteFile,
            "/healthz" | "/readyz" | "/metrics" => Self::Uncached,
            _ => return None,
        })
    }

    /// The kind of an answer the path did not decide, by its content type.
    fn of_content_type(headers: &HeaderMap) -> Option<Self> {
        let kind = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if kind.starts_with("text/html") {
            Some(Self::PrivatePage)
        } else if kind.starts_with("application/json") {
            Some(Self::Json)
        } else if kind.starts_with("image/") {
            Some(Self::Image)
        } else {
            None
        }
    }
}

impl Policy {
    pub fn apply(self, headers: &mut HeaderMap) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(self.cache_control),
        );
        match self.vary {
            Some(vary) => headers.insert(header::VARY, HeaderValue::from_static(vary)),
            None => headers.remove(header::VARY),
        };
    }
}

/// Set on responses the render store answered: their headers come from [`Kind::policy`]
/// already, and their tag is a strong one per encoding.
#[derive(Debug, Clone, Copy)]
pub struct StoredPageMark;

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
    let by_path = Kind::of_path(request.uri().path());
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(request).await;
    let status = response.status();
    let answers_for_a_200 = matches!(
        status,
        StatusCode::OK | StatusCode::NOT_MODIFIED | StatusCode::PARTIAL_CONTENT
    );
    if !cacheable || !answers_for_a_200 || response.extensions().get::<StoredPageMark>().is_some() {
        return response;
    }
    let Some(kind) = by_path.or_else(|| Kind::of_content_type(response.headers())) else {
        return response;
    };
    kind.policy().apply(response.headers_mut());
    if status != StatusCode::OK {
        return response;
    }
    let wanted = if_none_match.as_ref().and_then(|v| v.to_str().ok());
    if matches!(kind, Kind::PrivatePage | Kind::Json) {
        return tagged(response, wanted).await;
    }
    let (parts, body) = response.into_parts();
    match parts
        .headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
    {
        Some(tag) if wanted.is_some_and(|wanted| matches_tag(wanted, tag)) => not_modified(parts),
        _ => Response::from_parts(parts, body),
    }
}

/// Whether an `If-None-Match` list names `tag` (weak comparison, as RFC 9110 asks for
/// `If-None-Match`), or is `*`.
pub fn matches_tag(if_none_match: &str, tag: &str) -> bool {
    if_none_match.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.trim_start_matches("W/") == tag.trim_start_matches("W/")
    })
}

/// The `304` standing for a `200` with these headers: the same caching headers and tag,
/// none of the body's own (length, type, coding, and the policy that goes with the body).
pub fn not_modified(mut parts: Parts) -> Response {
    parts.status = StatusCode::NOT_MODIFIED;
    for body_header in [
        header::CONTENT_SECURITY_POLICY,
        header::CONTENT_LENGTH,
        header::CONTENT_TYPE,
        header::CONTENT_ENCODING,
    ] {
        parts.headers.remove(body_header);
    }
    Response::from_parts(parts, Body::empty())
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

/// A body small enough to hash: a weak tag over it (the nonce left out), and `304` when the
/// client has it already.
async fn tagged(response: Response, if_none_match: Option<&str>) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_TAGGED_BODY).await else {
        tracing::warn!("response too large to tag; sent as an error");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let nonce = response_nonce(&parts.headers);
    let tag = entity_tag(&bytes, nonce.as_deref());
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if if_none_match.is_some_and(|wanted| matches_tag(wanted, &tag)) {
        return not_modified(parts);
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
