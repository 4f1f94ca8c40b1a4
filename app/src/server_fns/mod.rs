//! Server functions, one per file, grouped by domain. Reads are GETs so they can be cached.

pub mod changes;
pub mod glossary;
pub mod issues;
pub mod map;

/// The loaded content, provided to every request by the server.
#[cfg(feature = "ssr")]
pub(crate) fn catalog() -> Result<std::sync::Arc<crate::content::Catalog>, crate::error::AppError> {
    leptos::prelude::use_context::<std::sync::Arc<crate::content::Catalog>>().ok_or_else(|| {
        tracing::error!("the content catalog was not provided to this request");
        let error = crate::error::AppError::Internal;
        error.set_response_status();
        error
    })
}
