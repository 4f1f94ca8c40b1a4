//! The layers every response passes through, after the front (`front/`: the request id, the
//! access-log line, the stored pages' short path), outermost first: the request's span,
//! security headers, compression, error bodies (JSON under `/api`, HTML elsewhere), caching
//! headers, panic catching, `OPTIONS`, odd request targets, size limits; then the limits
//! that every request is held to: overload shedding, the concurrency limit, the body limit
//! and the timeout; and only then the store of rendered pages.

use std::any::Any;
use std::sync::Arc;

use axum::error_handling::HandleErrorLayer;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Router};
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::map_request_body::MapRequestBodyLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use super::cache_headers::MIN_COMPRESSED_BYTES;
use super::front::request_id::REQUEST_ID;
use super::front::Front;
use super::page_store::{serve_rendered, RenderCache};
use super::security_headers::{add_security_headers, SecurityHeaders};
use crate::config::Limits;

/// `router` behind the whole stack, behind the [`Front`] (request ids, the access log and
/// the stored pages' short path).
pub fn apply(router: Router, limits: &Limits, hsts: bool) -> Router {
    let security = SecurityHeaders { hsts };
    let pages = RenderCache::new(security);
    let permits = Arc::new(Semaphore::new(limits.max_concurrent_requests));
    let stack = ServiceBuilder::new()
        // A span per request, so that what a handler logs names its request; the access
        // line itself is the front's.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<_>| {
                    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    let uri = super::language::requested_uri(request);
                    tracing::info_span!("request", method = %request.method(), path = %uri.path(), id)
                })
                .on_response(()),
        )
        .layer(axum::middleware::map_response_with_state(security, add_security_headers))
        .layer(CompressionLayer::new().br(true).gzip(true).compress_when(
            SizeAbove::new(MIN_COMPRESSED_BYTES)
                .and(NotForContentType::GRPC)
                .and(NotForContentType::IMAGES)
                .and(NotForContentType::SSE),
        ))
        .layer(axum::middleware::from_fn(super::error_pages::error_bodies))
        .layer(axum::middleware::from_fn(super::cache_headers::caching))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::from_fn(answer_options))
        .layer(axum::middleware::from_fn(super::error_pages::reject_unusual_targets))
        .layer(axum::middleware::from_fn(super::trailing_slash::redirect_trailing_slash))
        .layer(axum::middleware::from_fn(refuse_oversized_requests))
        .layer(HandleErrorLayer::new(overload_response))
        .layer(LoadShedLayer::new())
        .layer(GlobalConcurrencyLimitLayer::with_semaphore(Arc::clone(&permits)))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        // The limit wraps the body in its own type; the layers below take axum's `Body`.
        .layer(MapRequestBodyLayer::new(axum::body::Body::new))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(axum::middleware::from_fn_with_state(pages.clone(), serve_rendered));
    // The language layer goes in front of the routes, so that `/fr/issues/dns` is routed
    // as `/issues/dns` (a layer added with `Router::layer` runs after routing).
    let localized =
        Router::new()
            .fallback_service(router.layer(stack))
            .layer(axum::middleware::from_fn(
                super::language::route_by_language,
            ));
    Router::new().fallback_service(Front::new(localized, pages, permits))
}

/// Longest accepted path plus query, and total size of the request headers. No page or API
/// call needs more; the rest is noise or an attack.
const MAX_URI_BYTES: usize = 4096;
const MAX_HEADER_BYTES: usize = 16 * 1024;

async fn refuse_oversized_requests(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let header_bytes = request
        .extensions()
        .get::<ClientHeaderBytes>()
        .map_or_else(|| header_bytes(request.headers()), |counted| counted.0);
    if let Some(refusal) = size_refusal(request.uri(), header_bytes) {
        return refusal.into_response();
    }
    next.run(request).await
}

/// The status that refuses a request whose target or headers exceed the limits; `None`
/// within them. The front and the stack both ask here.
pub fn size_refusal(uri: &axum::http::Uri, header_bytes: usize) -> Option<StatusCode> {
    let uri_bytes = uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_bytes > MAX_URI_BYTES {
        Some(StatusCode::URI_TOO_LONG)
    } else if header_bytes > MAX_HEADER_BYTES {
        Some(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)
    } else {
        None
    }
}

/// The size of the headers as the client sent them, counted by the front before it adds
/// the request id.
#[derive(Clone, Copy)]
pub struct ClientHeaderBytes(pub usize);

pub fn header_bytes(headers: &axum::http::HeaderMap) -> usize {
    headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum()
}

/// Everything here is read-only, so `OPTIONS` gets the same answer everywhere.
async fn answer_options(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    if request.method() == axum::http::Method::OPTIONS {
        return (
            StatusCode::NO_CONTENT,
            [(header::ALLOW, "GET, HEAD, OPTIONS")],
        )
            .into_response();
    }
    next.run(request).await
}

/// A handler panicked (there should be none): answer 500 and keep serving.
fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Too many requests in flight: shed the new one with 503 and a hint when to retry.
async fn overload_response(error: BoxError) -> Response {
    if error.is::<tower::load_shed::error::Overloaded>() {
        let retry = [(header::RETRY_AFTER, "1")];
        return (StatusCode::SERVICE_UNAVAILABLE, retry).into_response();
    }
    tracing::error!(%error, "middleware error");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
