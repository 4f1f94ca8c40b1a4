//! A page's address with a trailing slash (`/map/`, `/fr/issues/dns/`) is sent on to the
//! page's one address with a permanent redirect (308, the query kept). Without it the
//! router would draw the page under a 404 status: a second address for the same content.

use app::domain::urls::is_page_path;
use app::domain::Lang;
use axum::extract::Request;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn redirect_trailing_slash(request: Request, next: Next) -> Response {
    // The address as requested: the language layer may have taken `/fr` off it already.
    match without_trailing_slash(super::language::requested_uri(&request)) {
        Some(target) => (StatusCode::PERMANENT_REDIRECT, [(LOCATION, target)]).into_response(),
        None => next.run(request).await,
    }
}

/// Where an address with a trailing slash after a page's path belongs; `None` for every
/// other address (the listings `/` and `/fr/` keep theirs).
fn without_trailing_slash(uri: &Uri) -> Option<HeaderValue> {
    let (lang, page) = Lang::of_path(uri.path());
    let trimmed = page.strip_suffix('/')?;
    if trimmed.is_empty() || !is_page_path(trimmed) {
        return None;
    }
    let mut target = lang.localized(trimmed);
    if let Some(query) = uri.query() {
        target.push('?');
        target.push_str(query);
    }
    HeaderValue::from_str(&target).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(address: &str) -> Option<String> {
        let uri: Uri = address.parse().ok()?;
        without_trailing_slash(&uri).and_then(|value| value.to_str().ok().map(String::from))
    }

    #[test]
    fn a_page_with_a_trailing_slash_goes_to_its_address_in_its_language() {
        assert_eq!(target("/map/").as_deref(), Some("/map"));
        assert_eq!(
            target("/fr/map/?issue=dns").as_deref(),
            Some("/fr/map?issue=dns")
        );
        assert_eq!(target("/es/issues/dns/").as_deref(), Some("/es/issues/dns"));
        for other in [
            "/",
            "/fr/",
            "/map",
            "/issues/",
            "/map//",
            "/api/issues/",
            "/pkg/",
        ] {
            assert_eq!(target(other), None, "{other}");
        }
    }
}
