//! The explorer's HTTP server as a library. [`app`] builds the whole router (pages, API,
//! assets, middleware) from a configuration and the content, so tests can call it in-process
//! with `tower::ServiceExt::oneshot`; `run::run` serves it, and `main.rs` only picks the
//! command. Tests that need real TCP (slow clients, limits, shutdown, raw request lines)
//! start the binary instead.

pub mod commands;
pub mod config;
pub mod content_watch;
pub mod export;
pub mod healthcheck;
pub mod http;
pub mod log;
pub mod metrics;
pub mod precompress;
pub mod run;
pub mod serve;
pub mod startup_error;

use std::sync::Arc;

use app::content::Catalog;
use axum::Router;

/// The whole application as one router, with metrics of its own.
///
/// Build it before serving, never while this process renders pages: listing the routes
/// renders the app once, and meanwhile leptos_server makes every resource in the process
/// wait for ever (`SuppressResourceLoad` sets one process-wide flag; see
/// `app::workarounds`). `run` and `export` build it once, first.
pub fn app(config: &config::Config, catalog: Arc<Catalog>) -> Router {
    http::router(config, catalog, Arc::new(metrics::Metrics::default()))
}
