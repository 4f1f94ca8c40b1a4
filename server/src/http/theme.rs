//! `POST /theme`: the no-JavaScript theme switch. Sets (or, for "system", clears) the theme
//! cookie and sends the visitor back to the page they were on with 303 See Other.

use app::theme::Theme;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeChoice {
    theme: String,
    back: Option<String>,
}

/// Whether cookies get `Secure` (the public address is https).
#[derive(Clone, Copy)]
struct Secure(bool);

pub fn router<S: Clone + Send + Sync + 'static>(secure: bool) -> Router<S> {
    Router::new()
        .route("/theme", post(choose))
        .with_state(Secure(secure))
}

async fn choose(
    State(Secure(secure)): State<Secure>,
    form: Result<Form<ThemeChoice>, FormRejection>,
) -> Response {
    let Ok(Form(choice)) = form else {
        return (
            StatusCode::BAD_REQUEST,
            "expected a form with `theme` (system, light or dark) and `back`",
        )
            .into_response();
    };
    let Some(theme) = Theme::parse(&choice.theme) else {
        return (
            StatusCode::BAD_REQUEST,
            "theme must be system, light or dark",
        )
            .into_response();
    };
    let back = choice
        .back
        .as_deref()
        .filter(|back| is_local_path(back))
        .unwrap_or("/");
    let cookie = theme.cookie(secure);
    let (Ok(cookie), Ok(location)) = (HeaderValue::from_str(&cookie), HeaderValue::from_str(back))
    else {
        return (StatusCode::BAD_REQUEST, "unusable return address").into_response();
    };
    (
        StatusCode::SEE_OTHER,
        [(SET_COOKIE, cookie), (LOCATION, location)],
    )
        .into_response()
}

/// A path on this site: starts with one `/`, no backslashes, no control characters, not
/// too long. Anything else (`//evil.example`, `https://…`) would make this an open redirect.
fn is_local_path(back: &str) -> bool {
    back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && back.len() <= 2048
        && !back.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_return_addresses() {
        for good in ["/", "/issues/dns", "/map?issue=dns&focus=building-trust"] {
            assert!(is_local_path(good), "{good}");
        }
        for bad in [
            "",
            "issues",
            "//evil.example",
            "https://evil.example/",
            "/\\evil.example",
            "/a\nb",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
