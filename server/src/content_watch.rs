//! The editing loop: under `cargo leptos watch` (`LEPTOS_WATCH=true`) the server watches
//! `CONTENT_DIR` and, when a file changes, loads the content again and swaps in a fresh
//! router (with an empty render store). Content with problems swaps in the error page
//! (every address answers 503 with each `file:line:column`) and the next good save swaps
//! the site back, so an editor never faces a dead server. cargo-leptos reloads the browser
//! for the same save (`watch-additional-files` in Cargo.toml).
//!
//! The watcher polls: a fingerprint of every file's path, size and modification time,
//! every [`POLL`]. Polling needs no platform watcher and costs a directory walk of about
//! thirty files.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use app::content::{load_catalog, ContentErrors};
use axum::extract::Request;
use axum::Router;
use tower::ServiceExt;

use crate::config::Config;
use crate::http;
use crate::metrics::Metrics;

/// How often the content folder is looked at.
pub const POLL: Duration = Duration::from_millis(200);

/// What the watcher needs to build a router from newly loaded content.
pub struct Reloader {
    pub config: Config,
    pub metrics: Arc<Metrics>,
    pub routes: Vec<leptos_axum::AxumRouteListing>,
}

impl Reloader {
    /// The site for the content as it is now, with its number of issues, or the error page.
    pub fn build(&self) -> (Router, Option<usize>) {
        match load_catalog(&self.config.content_dir) {
            Ok(catalog) => {
                for warning in catalog.warnings() {
                    tracing::warn!("content: {warning}");
                }
                let issues = catalog.len();
                let router = http::router_with_routes(
                    &self.config,
                    Arc::new(catalog),
                    Arc::clone(&self.metrics),
                    self.routes.clone(),
                );
                (router, Some(issues))
            }
            Err(errors) => (self.error_router(&errors), None),
        }
    }

    fn error_router(&self, errors: &ContentErrors) -> Router {
        for error in &errors.0 {
            tracing::error!("content: {error}");
        }
        http::content_errors::router(errors, self.config.leptos.reload_port)
    }
}

/// A router that answers with whichever site the watcher last swapped in.
pub fn swappable(initial: Router) -> (Router, Arc<RwLock<Router>>) {
    let current = Arc::new(RwLock::new(initial));
    let slot = Arc::clone(&current);
    let router = Router::new().fallback_service(tower::service_fn(move |request: Request| {
        let router = slot
            .read()
            .map(|r| r.clone())
            .unwrap_or_else(|e| e.into_inner().clone());
        router.oneshot(request)
    }));
    (router, current)
}

/// Polls the content folder forever, swapping in a rebuilt site after each change.
pub async fn watch(reloader: Reloader, current: Arc<RwLock<Router>>) {
    let dir = reloader.config.content_dir.clone();
    let mut last = fingerprint(&dir);
    let mut ticker = tokio::time::interval(POLL);
    loop {
        ticker.tick().await;
        let now = fingerprint(&dir);
        if now == last {
            continue;
        }
        last = now;
        let started = std::time::Instant::now();
        let (router, issues) = reloader.build();
        match current.write() {
            Ok(mut slot) => *slot = router,
            Err(poisoned) => *poisoned.into_inner() = router,
        }
        match issues {
            Some(issues) => tracing::info!(
                issues,
                took_ms = started.elapsed().as_millis() as u64,
                "content changed: reloaded {}",
                dir.display()
            ),
            None => tracing::warn!(
                "content changed: it has problems; serving the list until they are fixed"
            ),
        }
    }
}

/// Every file under `dir` with its size and modification time, in path order.
fn fingerprint(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => pending.push(path),
                Ok(meta) => files.push((path, meta.len(), meta.modified().ok())),
                Err(_) => {}
            }
        }
    }
    files.sort();
    files
}
