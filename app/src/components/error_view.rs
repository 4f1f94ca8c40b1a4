use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

use crate::domain::issue_href;
use crate::error::AppError;
use crate::search::Suggestion;

/// A full-page error: sets the HTTP status on the server, names the problem and offers a way
/// on, including the closest issues when the address named an unknown one.
#[component]
pub fn ErrorView(error: AppError, #[prop(optional)] suggestions: Vec<Suggestion>) -> impl IntoView {
    error.set_response_status();
    let heading = match error.status_code() {
        404 => "Page not found",
        400..=499 => "That request did not work",
        _ => "Something went wrong",
    };
    view! {
        <Title text=heading />
        <Meta name="robots" content="noindex" />
        <section class="error-page" aria-labelledby="error-heading">
            <p class="error-page__code">{error.status_code()}</p>
            <h1 id="error-heading">{heading}</h1>
            <p>{error.to_string()}</p>
            {(!suggestions.is_empty()).then(|| view! {
                <p>"Did you mean:"</p>
                <ul class="error-page__suggestions">
                    {suggestions.into_iter().map(|s| view! {
                        <li><A href=issue_href(&s.slug)>{s.title}</A></li>
                    }).collect_view()}
                </ul>
            })}
            <p>
                <A href="/">"Browse all issues"</A>
            </p>
        </section>
    }
}
