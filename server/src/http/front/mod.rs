//! The front of the server: every request passes here first. It gives the request its id
//! and writes its access-log line, and answers a request for a stored page itself, from a
//! pre-built header block and the stored bytes, without the middleware stack. Everything
//! else goes through the stack (`middleware.rs`) as before.
//!
//! A stored page answered here still gets what every response must have: the request id,
//! the access-log line, the security headers, CSP and caching headers (in its block, built
//! by the same code as the stack's), and the concurrency limit: it is answered only while
//! the stack's semaphore has a free slot (otherwise the stack sheds it with a 503), and
//! holds none, since it never waits.
//! The size limits and the target checks are the stack's, applied first; a request that
//! fails one goes through the stack for its error answer. What it skips has nothing to do
//! for it: the timeout (there is nothing to wait for), the body limit (its body is never
//! read), compression (the bytes are stored compressed) and error bodies (it is a `200` or
//! a `304`). The answers are the same either way (`server/tests/front.rs`).

pub mod access_log;
pub mod request_id;

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::Body;
use axum::extract::Request;
use axum::http::Method;
use axum::response::Response;
use axum::Router;
use tokio::sync::Semaphore;
use tower::Service;

use super::error_pages::is_usual_target;
use super::middleware::{header_bytes, size_refusal, ClientHeaderBytes};
use super::page_store::{Lookup, RenderCache};
use access_log::Entry;
use request_id::{RequestIds, REQUEST_ID};

#[derive(Clone)]
pub struct Front {
    /// The router behind the whole middleware stack.
    stack: Router,
    pages: RenderCache,
    /// The stack's concurrency limit.
    permits: Arc<Semaphore>,
    ids: RequestIds,
}

impl Front {
    pub fn new(stack: Router, pages: RenderCache, permits: Arc<Semaphore>) -> Self {
        Self {
            stack,
            pages,
            permits,
            ids: RequestIds::default(),
        }
    }

    /// The stored page's answer, when the request is a `GET` or `HEAD` the stack would let
    /// through for a page the store holds, and a slot is free.
    fn stored_answer(&self, request: &Request, client_header_bytes: usize) -> Option<Response> {
        let method = request.method();
        if method != Method::GET && method != Method::HEAD {
            return None;
        }
        let uri = request.uri();
        let target = uri.path_and_query()?.as_str();
        if size_refusal(uri, client_header_bytes).is_some() || !is_usual_target(uri) {
            return None;
        }
        // The answer is built here and now, with nothing to wait for, so it never holds a
        // slot across an await: it only has to find one free, as the stack would (when all
        // are taken, the stack sheds the request with a 503).
        if self.permits.available_permits() == 0 {
            return None;
        }
        let lookup = Lookup::of_request(request.headers(), target, uri.path())?;
        let answer = self.pages.hit(&lookup)?;
        if method == Method::HEAD {
            let (parts, _) = answer.into_parts();
            return Some(Response::from_parts(parts, Body::empty()));
        }
        Some(answer)
    }
}

type Answer = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl Service<Request> for Front {
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        // The stack's limits are inside it: a router is always ready.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: Request) -> Answer {
        let started = Instant::now();
        let client_header_bytes = header_bytes(request.headers());
        let id = self.ids.for_request(request.headers());
        if let Some(mut answer) = self.stored_answer(&request, client_header_bytes) {
            answer.headers_mut().insert(REQUEST_ID, id.clone());
            access_log::record(&Entry {
                method: request.method(),
                path: request.uri().path(),
                status: answer.status(),
                started,
                id: &id,
            });
            return Box::pin(std::future::ready(Ok(answer)));
        }
        request
            .extensions_mut()
            .insert(ClientHeaderBytes(client_header_bytes));
        request.headers_mut().insert(REQUEST_ID, id.clone());
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        let answering = self.stack.call(request);
        Box::pin(async move {
            let Ok(mut answer) = answering.await;
            answer.headers_mut().entry(REQUEST_ID).or_insert(id.clone());
            access_log::record(&Entry {
                method: &method,
                path: &path,
                status: answer.status(),
                started,
                id: &id,
            });
            Ok(answer)
        })
    }
}
