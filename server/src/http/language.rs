//! French and Spanish pages live under `/fr/` and `/es/`. This layer, in front of the
//! routes, takes the prefix off a page's address and puts the language in the request's
//! extensions, where the app reads it (`app::interface_text::request_lang`): one route
//! table serves the three languages.
//!
//! Only pages have languages. `/fr/api/issues` or `/fr/feed.xml` keep their address, match
//! no route and get the French 404 page; `/FR/…` and `/de/…` are no language at all and
//! get the English one. Nothing is negotiated from `Accept-Language`: an address means the
//! same page for everyone, and shared caches may keep it.

use app::domain::urls::is_page_path;
use app::domain::Lang;
use axum::extract::Request;
use axum::http::uri::{PathAndQuery, Uri};
use axum::middleware::Next;
use axum::response::Response;

pub async fn route_by_language(mut request: Request, next: Next) -> Response {
    let (lang, page) = Lang::of_path(request.uri().path());
    if lang != Lang::En && is_page_path(page) {
        if let Some(uri) = with_path(request.uri(), page) {
            *request.uri_mut() = uri;
        }
    }
    request.extensions_mut().insert(lang);
    next.run(request).await
}

/// The address as requested, before this layer took `/fr` off it (axum's outermost router
/// records it as `OriginalUri`): what the render store keys pages by and the log names.
pub fn requested_uri<B>(request: &axum::http::Request<B>) -> &Uri {
    request
        .extensions()
        .get::<axum::extract::OriginalUri>()
        .map_or(request.uri(), |original| &original.0)
}

/// `uri` with `path` in place of its path, keeping the query.
fn with_path(uri: &Uri, path: &str) -> Option<Uri> {
    let target = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_string(),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(PathAndQuery::try_from(target).ok()?);
    Uri::from_parts(parts).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_goes_and_the_query_stays() {
        let uri: Uri = "/fr/issues/dns?q=a%20b".parse().unwrap();
        let (_, page) = Lang::of_path(uri.path());
        assert_eq!(
            with_path(&uri, page).unwrap().to_string(),
            "/issues/dns?q=a%20b"
        );
    }
}
