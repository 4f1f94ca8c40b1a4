//! Probes for orchestrators: `/healthz` answers while the process serves; `/readyz` once the
//! content is loaded (always, since the server only listens after loading it), with counts.

use std::sync::Arc;

use app::content::Catalog;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

pub fn router<S>(catalog: Arc<Catalog>) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .with_state(catalog)
}

async fn ready(State(catalog): State<Arc<Catalog>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ready", "issues": catalog.len() }))
}
