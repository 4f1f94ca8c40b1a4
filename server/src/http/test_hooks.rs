//! Routes for the integration tests, compiled only with the `test-hooks` feature (which
//! `cargo test` turns on, and no other build) and mounted only with
//! `EXPLORER_TEST_HOOKS=1`: `GET /__test/slow?ms=N` answers after N milliseconds (at most
//! two minutes), so tests can hold a request open to exercise the timeout, load shedding
//! and graceful shutdown deterministically.

use std::time::Duration;

use axum::extract::Query;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

const LONGEST: Duration = Duration::from_secs(120);

#[derive(Deserialize)]
struct Slow {
    ms: u64,
}

pub fn router() -> Router {
    Router::new().route("/__test/slow", get(slow))
}

async fn slow(Query(Slow { ms }): Query<Slow>) -> &'static str {
    tokio::time::sleep(Duration::from_millis(ms).min(LONGEST)).await;
    "slow"
}
