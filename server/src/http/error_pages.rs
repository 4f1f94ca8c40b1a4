//! Error answers as the README promises them, whichever layer produced the status: JSON
//! (`{"status": 404, "error": "…"}`) under `/api`, a small HTML page everywhere else.
//!
//! Handlers that already answer in the right format (the JSON API, the leptos pages, the
//! server functions with their own error encoding) are left alone; what gets a body here is
//! what the middleware and the framework answer with an empty or plain-text body: 400 from
//! extractors, 404 from static files, 405, 408, 413, 414, 431, 500 and 503.

use super::cache_headers::Kind;
use app::content::escaped;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Plain-text details longer than this are not repeated to the client.
const MAX_DETAIL_BYTES: usize = 512;

/// The header server functions put on their own (encoded) error answers.
const SERVER_FN_ERROR: &str = "serverfnerror";

pub async fn error_bodies(request: Request, next: Next) -> Response {
    let under_api = is_api_path(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.headers().contains_key(SERVER_FN_ERROR)
    {
        return response;
    }
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let wanted = if under_api {
        "application/json"
    } else {
        "text/html"
    };
    if kind.starts_with(wanted) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A short plain-text explanation (an extractor's rejection, say) is worth keeping.
    let detail = match to_bytes(body, MAX_DETAIL_BYTES).await {
        Ok(bytes) if kind.starts_with("text/plain") => String::from_utf8(bytes.to_vec())
            .ok()
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty()),
        _ => None,
    };
    let message = message_for(status);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    let body = if under_api {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        let mut json = serde_json::json!({ "status": status.as_u16(), "error": message });
        if let Some(detail) = detail.filter(|d| d != message) {
            json["detail"] = serde_json::Value::String(detail);
        }
        json.to_string()
    } else {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        parts.headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(ERROR_PAGE_POLICY),
        );
        error_page(status, message, detail.as_deref())
    };
    Kind::Uncached.policy().apply(&mut parts.headers);
    Response::from_parts(parts, Body::from(body))
}

/// `/api` and everything below it.
pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// What a visitor is told for each status the middleware can produce: the one place where
/// those statuses meet words.
pub fn message_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "The request could not be understood.",
        404 => "There is nothing at this address.",
        405 => "This address does not accept that method.",
        408 => "The request took too long and was stopped.",
        413 => "The request body is too large.",
        414 => "The address is too long.",
        431 => "The request headers are too large.",
        503 => "The server is busy; please retry shortly.",
        500..=599 => "Something went wrong on our side. Please try again later.",
        _ => status.canonical_reason().unwrap_or("The request failed."),
    }
}

/// Error pages have no scripts and no inline styles.
const ERROR_PAGE_POLICY: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
     base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

fn error_page(status: StatusCode, message: &str, detail: Option<&str>) -> String {
    let detail = detail
        .map(|d| format!("<p><small>{}</small></p>", escaped(d)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{code} · Internet Issues Explorer</title></head>\
         <body><main><h1>{code} {reason}</h1><p>{message}</p>{detail}\
         <p><a href=\"/\">Back to all Internet issues</a></p></main></body></html>",
        code = status.as_u16(),
        reason = escaped(status.canonical_reason().unwrap_or("Error")),
        message = escaped(message),
    )
}

/// `/path?query`: no scheme, no authority, a path from the root.
fn is_origin_form(uri: &axum::http::Uri) -> bool {
    uri.scheme().is_none()
        && uri.authority().is_none()
        && uri.path_and_query().is_some()
        && uri.path().starts_with('/')
}

/// A target [`reject_unusual_targets`] lets through: origin-form with a well-formed query.
pub fn is_usual_target(uri: &axum::http::Uri) -> bool {
    is_origin_form(uri) && uri.query().is_none_or(is_well_formed_query)
}

/// Only origin-form targets (`/path?query`) reach the app. `CONNECT` (authority-form) is a
/// 405; absolute-form (`http://host/path`) and `*` outside `OPTIONS` are 400. Nothing
/// downstream has to cope with a request without a path.
pub async fn reject_unusual_targets(request: Request, next: Next) -> Response {
    if request.method() == Method::CONNECT {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD, OPTIONS")],
        )
            .into_response();
    }
    let uri = request.uri();
    if !is_origin_form(uri) {
        return (
            StatusCode::BAD_REQUEST,
            "Only origin-form request targets (/path?query) are accepted.",
        )
            .into_response();
    }
    if uri
        .query()
        .is_some_and(|query| !is_well_formed_query(query))
    {
        return (
            StatusCode::BAD_REQUEST,
            "The query string is malformed: each % must start a %XX escape, and the text must be UTF-8.",
        )
            .into_response();
    }
    next.run(request).await
}

/// Every `%` starts a two-digit hex escape, and the decoded bytes are UTF-8 (so no lone
/// surrogates or truncated characters reach a page or a search).
fn is_well_formed_query(query: &str) -> bool {
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|pair| std::str::from_utf8(pair).ok());
                match hex.and_then(|pair| u8::from_str_radix(pair, 16).ok()) {
                    Some(byte) => decoded.push(byte),
                    None => return false,
                }
                i += 3;
            }
            byte => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_middleware_status_has_its_own_words() {
        let statuses = [400, 404, 405, 408, 413, 414, 431, 500, 503];
        let messages: std::collections::HashSet<&str> = statuses
            .iter()
            .map(|&code| message_for(StatusCode::from_u16(code).expect("status")))
            .collect();
        assert_eq!(messages.len(), statuses.len());
    }

    #[test]
    fn error_pages_escape_their_detail() {
        let page = error_page(StatusCode::BAD_REQUEST, "m", Some("<script>x</script>"));
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;"));
    }

    #[test]
    fn malformed_query_strings_are_recognised() {
        for good in [
            "q=bgp",
            "q=%C3%A9t%C3%A9",
            "q=a+b&focus=x",
            "",
            "q=%F0%9F%99%82",
        ] {
            assert!(is_well_formed_query(good), "{good}");
        }
        for bad in ["q=%ZZ", "q=%", "q=%4", "q=%ED%A0%80", "q=%C3", "q=%FF"] {
            assert!(!is_well_formed_query(bad), "{bad}");
        }
    }

    #[test]
    fn api_paths_are_recognised() {
        assert!(is_api_path("/api"));
        assert!(is_api_path("/api/issues"));
        assert!(!is_api_path("/apiary"));
    }
}
