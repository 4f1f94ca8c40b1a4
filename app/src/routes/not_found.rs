use leptos::prelude::*;

use crate::components::ErrorView;
use crate::error::AppError;

/// Any path the router does not know: a real 404.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::PageNotFound /> }
}
