//! Probes for orchestrators: `/healthz` answers while the process serves; `/readyz` once the
//! content is loaded (always, since the server only listens after loading it), with counts;
//! `/metrics`: the serve loop's and the log's counters (see `crate::metrics`).

use std::sync::Arc;

use app::content::Catalog;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use crate::metrics::Metrics;

pub fn router<S: Clone + Send + Sync + 'static>(
    catalog: Arc<Catalog>,
    metrics: Arc<Metrics>,
) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .with_state(catalog)
        .merge(
            Router::new()
                .route("/metrics", get(metrics_text))
                .with_state(metrics),
        )
}

async fn ready(State(catalog): State<Arc<Catalog>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ready", "issues": catalog.len() }))
}

async fn metrics_text(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics.render(),
    )
}
