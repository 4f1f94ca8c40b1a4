//! A plain JSON API for integrators: `GET /api/issues[?focus_area=<slug>&q=<words>]`,
//! `GET /api/issues/<slug>` and `GET /api/glossary`, each in English or with `lang=fr` or
//! `lang=es`, and the search data, `GET /api/search-index?lang=fr` or
//! `GET /api/search-index/fr` (the browser's). Errors are JSON too:
//! `{"status": 404, "error": "…"}`.

use std::sync::Arc;

use app::content::Catalog;
use app::domain::Lang;
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
    let stored = Arc::new(Lang::ALL.map(|lang| {
        let catalog = catalog.in_lang(lang);
        Stored {
            search_index: fixed_json(catalog.search_index(), "the search data"),
            all_issues: catalog
                .index(None, "")
                .ok()
                .and_then(|index| fixed_json(&index, "the list of issues")),
            glossary: fixed_json(&catalog.glossary(), "the glossary"),
        }
    }));
    Router::new()
        .route("/issues", get(list))
        .route("/issues/{slug}", get(detail))
        .route("/glossary", get(glossary))
        .route("/search-index", get(search_index))
        .route("/search-index/{lang}", get(search_index_in))
        .with_state(Api { catalog, stored })
}

#[derive(Clone)]
struct Api {
    catalog: Arc<Catalog>,
    /// In [`Lang::ALL`]'s order.
    stored: Arc<[Stored; 3]>,
}

impl Api {
    fn stored(&self, lang: Lang) -> &Stored {
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.stored[index]
    }
}

/// The answers that never change while the server runs, serialised and compressed once
/// (`None` only if that failed: they are then serialised per request). The search data is
/// fetched on the first keystroke of every visit; the list of all issues and the glossary
/// are the API's most common reads.
struct Stored {
    search_index: Option<FixedBytes>,
    all_issues: Option<FixedBytes>,
    glossary: Option<FixedBytes>,
}

fn fixed_json(value: &impl serde::Serialize, what: &str) -> Option<FixedBytes> {
    serde_json::to_vec(value)
        .map_err(std::io::Error::other)
        .and_then(FixedBytes::new)
        .inspect_err(|error| tracing::warn!(%error, "{what} is served unstored"))
        .ok()
}

/// The stored bytes as JSON, in the coding the request prefers (or `304`).
fn stored_json(bytes: &FixedBytes, request: &HeaderMap) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    bytes.respond(
        &headers,
        Encoding::of_request(request),
        if_none_match(request),
        Kind::Json,
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    focus_area: Option<String>,
    q: Option<String>,
    lang: Option<String>,
}

/// The other reads take the language only; any other parameter is a 400, as documented.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangParams {
    lang: Option<String>,
}

/// No parameter at all: any is a 400.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

/// `lang=`: English when absent; an unknown value is a 400 naming the supported ones.
fn lang_of(value: Option<&str>) -> Result<Lang, AppError> {
    match value {
        None => Ok(Lang::En),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            let supported: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
            AppError::BadRequest(format!(
                "unsupported language “{code}”; lang is one of {}",
                supported.join(", ")
            ))
        }),
    }
}

fn bad_query(rejection: QueryRejection) -> AppError {
    AppError::BadRequest(rejection.body_text())
}

async fn list(
    State(api): State<Api>,
    params: Result<Query<ListParams>, QueryRejection>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let lang = lang_of(params.lang.as_deref())?;
    let query = params.q.as_deref().unwrap_or_default();
    if let (None, "", Some(bytes)) = (&params.focus_area, query, &api.stored(lang).all_issues) {
        return Ok(stored_json(bytes, &request));
    }
    let catalog = api.catalog.in_lang(lang);
    Ok(Json(catalog.index(params.focus_area.as_deref(), query)?).into_response())
}

async fn detail(
    State(Api { catalog, .. }): State<Api>,
    slug: Result<Path<String>, PathRejection>,
    params: Result<Query<LangParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Path(slug) = slug.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let Query(params) = params.map_err(bad_query)?;
    let lang = lang_of(params.lang.as_deref())?;
    Ok(Json(catalog.in_lang(lang).detail(&slug)?).into_response())
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
    State(api): State<Api>,
    params: Result<Query<LangParams>, QueryRejection>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let lang = lang_of(params.lang.as_deref())?;
    match &api.stored(lang).glossary {
        Some(bytes) => Ok(stored_json(bytes, &request)),
        None => Ok(Json(api.catalog.in_lang(lang).glossary()).into_response()),
    }
}

/// Everything the browser's search needs, prepared at start-up: the issues' texts (the
/// browser derives their terms), the glossary's synonyms and the filters' names.
async fn search_index(
    State(api): State<Api>,
    params: Result<Query<LangParams>, QueryRejection>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let lang = lang_of(params.lang.as_deref())?;
    Ok(search_data(&api, lang, &request))
}

/// The same search data at an address without a query (`/api/search-index/fr`): the one
/// the browser asks for, which a static export can hold as a file per language.
async fn search_index_in(
    State(api): State<Api>,
    Path(code): Path<String>,
    params: Result<Query<NoParams>, QueryRejection>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    params.map_err(bad_query)?;
    let lang = Lang::from_code(&code).ok_or(AppError::LanguageNotFound(code))?;
    Ok(search_data(&api, lang, &request))
}

fn search_data(api: &Api, lang: Lang, request: &HeaderMap) -> Response {
    match &api.stored(lang).search_index {
        Some(bytes) => stored_json(bytes, request),
        None => Json(api.catalog.in_lang(lang).search_index()).into_response(),
    }
}
