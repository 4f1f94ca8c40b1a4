use leptos::prelude::*;
use leptos_router::components::A;

use super::SuggestionList;
use crate::domain::urls::HOME_PATH;
use crate::error::AppError;
use crate::interface_text::{english_path, localize};
use crate::search::Suggestion;
use crate::seo::{HeadTags, PageHead};
use crate::text;

/// What went wrong, in the page's language (the API keeps `AppError`'s English words).
fn message(error: &AppError) -> String {
    match error {
        AppError::IssueNotFound(name) => text!(error.issue_missing, name = name.clone()),
        AppError::FocusAreaNotFound(name) => {
            text!(error.focus_area_missing, name = name.clone())
        }
        AppError::RelationNotFound(name) => text!(error.relation_missing, name = name.clone()),
        // Only the API names languages in an address; a page's unknown prefix is a page.
        AppError::PageNotFound | AppError::LanguageNotFound(_) => {
            text!(error.page_missing).to_string()
        }
        AppError::BadRequest(detail) => text!(error.bad_request_detail, detail = detail.clone()),
        AppError::Network => text!(error.network).to_string(),
        AppError::Internal => text!(error.internal).to_string(),
    }
}

/// A full-page error: sets the HTTP status on the server, names the problem and offers a way
/// on, including the closest issues when the address named an unknown one.
#[component]
pub fn ErrorView(error: AppError, #[prop(optional)] suggestions: Vec<Suggestion>) -> impl IntoView {
    error.set_response_status();
    let path = english_path();
    let heading = match error.status_code() {
        404 => text!(error.not_found),
        400..=499 => text!(error.bad_request),
        _ => text!(error.server),
    };
    view! {
        <PageHead tags=HeadTags::page(heading, message(&error), path).not_indexed() />
        <section class="error-page" aria-labelledby="error-heading">
            <p class="error-page__code">{error.status_code()}</p>
            <h1 id="error-heading">{heading}</h1>
            <p>{message(&error)}</p>
            <SuggestionList suggestions lead=text!(error.did_you_mean) class="error-page__suggestions" />
            <p>
                <A href=localize(HOME_PATH)>{text!(error.browse_all)}</A>
            </p>
        </section>
    }
}
