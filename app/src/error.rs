//! The one error type that crosses the wire, and its mapping to HTTP status codes.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Errors a visitor or an API client can see. The messages are safe to show:
/// internal details are logged on the server and never serialised.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("There is no issue called “{0}”.")]
    IssueNotFound(String),
    #[error("There is no focus area called “{0}”.")]
    FocusAreaNotFound(String),
    #[error("There is no relation called “{0}”.")]
    RelationNotFound(String),
    #[error("This page does not exist.")]
    PageNotFound,
    #[error("There is no language called “{0}”; the explorer is written in en, fr and es.")]
    LanguageNotFound(String),
    #[error("Bad request: {0}")]
    BadRequest(String),
    #[error("The explorer could not reach its server. Check your connection and try again.")]
    Network,
    #[error("Something went wrong on our side. Please try again later.")]
    Internal,
}

impl AppError {
    /// The HTTP status for this error: the single place where errors meet status codes.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::IssueNotFound(_)
            | AppError::FocusAreaNotFound(_)
            | AppError::RelationNotFound(_)
            | AppError::PageNotFound
            | AppError::LanguageNotFound(_) => 404,
            AppError::BadRequest(_) => 400,
            AppError::Network => 503,
            AppError::Internal => 500,
        }
    }

    /// Sets the status of the response being built, when there is one (server side only).
    pub fn set_response_status(&self) {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = http::StatusCode::from_u16(self.status_code()) {
                response.set_status(status);
            }
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        let error = match value {
            // Arguments that do not decode are the caller's fault: say which, briefly.
            E::Args(_) => AppError::BadRequest("the arguments could not be read".into()),
            E::MissingArg(name) => AppError::BadRequest(format!("missing argument “{name}”")),
            E::Request(_) => AppError::Network,
            _ => AppError::Internal,
        };
        error.set_response_status();
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_errors_map_to_404_and_bad_requests_to_400() {
        assert_eq!(AppError::IssueNotFound("x".into()).status_code(), 404);
        assert_eq!(AppError::FocusAreaNotFound("x".into()).status_code(), 404);
        assert_eq!(AppError::RelationNotFound("x".into()).status_code(), 404);
        assert_eq!(AppError::PageNotFound.status_code(), 404);
        assert_eq!(AppError::LanguageNotFound("x".into()).status_code(), 404);
        assert_eq!(AppError::BadRequest("x".into()).status_code(), 400);
        assert_eq!(AppError::Internal.status_code(), 500);
    }

    #[test]
    fn argument_decoding_failures_become_bad_requests() {
        use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
        let error = AppError::from_server_fn_error(ServerFnErrorErr::MissingArg("slug".into()));
        assert_eq!(
            error,
            AppError::BadRequest("missing argument “slug”".into())
        );
        let error = AppError::from_server_fn_error(ServerFnErrorErr::ServerError("db".into()));
        assert_eq!(error, AppError::Internal);
        assert!(!error.to_string().contains("db"));
    }
}
