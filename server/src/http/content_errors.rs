//! While `cargo leptos watch` runs (`LEPTOS_WATCH=true`), content that does not load must
//! not leave the editor with a dead server: every address answers 503 with the problems as
//! `file:line:column` (see `content_watch.rs`), and the page reloads itself when
//! cargo-leptos says so after the next save. Outside watch mode bad content stops
//! start-up, as before.

use app::content::{escaped, ContentErrors};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Router;

pub fn router(errors: &ContentErrors, reload_port: u32) -> Router {
    let items: String = errors
        .0
        .iter()
        .map(|error| format!("<li><code>{}</code></li>", escaped(&error.to_string())))
        .collect();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Content error · Internet Issues Explorer</title>\
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}code{{white-space:pre-wrap}}li{{margin:.5rem 0}}</style></head>\
<body><main><h1>The content has {} problem(s)</h1><p>Fix them and save: this page reloads by itself.</p><ul>{items}</ul></main>\
<script>new WebSocket(`ws://${{location.hostname}}:{reload_port}/live_reload`).onmessage=()=>location.reload()</script></body></html>\n",
        errors.0.len()
    );
    let page = axum::body::Bytes::from(page);
    Router::new().fallback(move || {
        let page = page.clone();
        async move {
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [
                    (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                page,
            )
                .into_response()
        }
    })
}
