//! A plain JSON API for integrators: `GET /api/issues[?focus_area=<slug>&q=<words>]`,
//! `GET /api/issues/<slug>` and `GET /api/glossary`. Errors are JSON too: `{"status": 404, "error": "…"}`.

use std::sync::Arc;

use app::content::Catalog;
use app::error::AppError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::cache_headers::Kind;
use super::fixed_bytes::{if_none_match, Encoding, FixedBytes};

pub fn router<S: Clone + Send + Sync + 'static>(catalog: Arc<Catalog>) -> Router<S> {
    let search = Arc::new(SearchData {
        stored: search_index_bytes(&catalog),
        catalog: Arc::clone(&catalog),
    });
    Router::new()
        .route("/issues", get(list))
        .route("/issues/{slug}", get(detail))
        .route("/glossary", get(glossary))
        .with_state(catalog)
        .route(
            "/search-index",
            get(move |params, headers| search_index(Arc::clone(&search), params, headers)),
        )
}

/// The search data, stored as fixed bytes when they could be built.
struct SearchData {
    stored: Option<FixedBytes>,
    catalog: Arc<Catalog>,
}

/// The search data serialised and compressed once: the browser fetches it on the first
/// keystroke of every visit. `None` only if that fails; it is then serialised per request.
fn search_index_bytes(catalog: &Catalog) -> Option<FixedBytes> {
    serde_json::to_vec(catalog.search_index())
        .map_err(std::io::Error::other)
        .and_then(FixedBytes::new)
        .inspect_err(|error| tracing::warn!(%error, "the search data is served unstored"))
        .ok()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    focus_area: Option<String>,
    q: Option<String>,
}

/// `/api/issues/<slug>` takes no query parameters; any is a 400, as documented.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

fn bad_query(rejection: QueryRejection) -> AppError {
    AppError::BadRequest(rejection.body_text())
}

async fn list(
    State(catalog): State<Arc<Catalog>>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let query = params.q.as_deref().unwrap_or_default();
    Ok(Json(catalog.index(params.focus_area.as_deref(), query)?).into_response())
}

async fn detail(
    State(catalog): State<Arc<Catalog>>,
    slug: Result<Path<String>, PathRejection>,
    params: Result<Query<NoParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Path(slug) = slug.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    params.map_err(bad_query)?;
    Ok(Json(catalog.detail(&slug)?).into_response())
}

/// An [`AppError`] answered as JSON with its status code.
struct ApiError(AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({ "status": status.as_u16(), "error": self.0.to_string() });
        (status, Json(body)).into_response()
    }
}

/// Every glossary term, alphabetically, with the issues that use it.
async fn glossary(
    State(catalog): State<Arc<Catalog>>,
    params: Result<Query<NoParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    params.map_err(bad_query)?;
    Ok(Json(catalog.glossary()).into_response())
}

/// Everything the browser's search needs, prepared at start-up: folded terms with their
/// positions, the texts for snippets, and the glossary's synonyms.
async fn search_index(
    search: Arc<SearchData>,
    params: Result<Query<NoParams>, QueryRejection>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    params.map_err(bad_query)?;
    let Some(bytes) = &search.stored else {
        return Ok(Json(search.catalog.search_index()).into_response());
    };
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(bytes.respond(
        &headers,
        Encoding::of_request(&request),
        if_none_match(&request),
        Kind::Json,
    ))
}
