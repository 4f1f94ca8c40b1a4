use leptos::prelude::*;

use crate::domain::icon_src;

/// An issue's category icon. Width and height are fixed so the layout never shifts.
#[component]
pub fn IssueIcon(
    #[prop(into)] slug: String,
    #[prop(into)] alt: String,
    size: u32,
    /// Load eagerly (for the one icon above the fold); otherwise lazily.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    view! {
        <img
            class="issue-icon"
            src=icon_src(&slug)
            alt=alt
            width=size
            height=size
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
        />
    }
}
