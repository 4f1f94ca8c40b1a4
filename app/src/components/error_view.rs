use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::SuggestionList;
use crate::domain::urls::HOME_PATH;
use crate::error::AppError;
use crate::interface_text::localize;
use crate::search::Suggestion;
use crate::seo::{HeadTags, PageHead};
use crate::text;

/// A full-page error: sets the HTTP status on the server, names the problem and offers a way
/// on, including the closest issues when the address named an unknown one.
#[component]
pub fn ErrorView(error: AppError, #[prop(optional)] suggestions: Vec<Suggestion>) -> impl IntoView {
    error.set_response_status();
    let path = use_location().pathname.get_untracked();
    let heading = match error.status_code() {
        404 => text!(error.not_found),
        400..=499 => text!(error.bad_request),
        _ => text!(error.server),
    };
    view! {
        <PageHead tags=HeadTags::page(heading, error.to_string(), path).not_indexed() />
        <section class="error-page" aria-labelledby="error-heading">
            <p class="error-page__code">{error.status_code()}</p>
            <h1 id="error-heading">{heading}</h1>
            <p>{error.to_string()}</p>
            <SuggestionList suggestions lead=text!(error.did_you_mean) class="error-page__suggestions" />
            <p>
                <A href=localize(HOME_PATH)>{text!(error.browse_all)}</A>
            </p>
        </section>
    }
}
