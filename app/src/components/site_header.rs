use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::islands::SearchBox;
use crate::routes::{FOCUS_PARAM, QUERY_PARAM};
use crate::SITE_NAME;

/// The site name and the search box. Rendered with the page's query and filter; after
/// that the search box (an island) keeps its own state across client-side navigations.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let params = use_query_map();
    let (query, focus) = params.with_untracked(|params| {
        (
            params.get(QUERY_PARAM).unwrap_or_default(),
            params.get(FOCUS_PARAM),
        )
    });
    view! {
        <header class="site-header">
            <A href="/" attr:class="site-header__name" attr:data-shortcut="home">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{SITE_NAME}</span>
            </A>
            <nav class="site-header__nav" aria-label="Main">
                <A href="/map" attr:data-shortcut="map">"Map"</A>
                <A href="/glossary">"Glossary"</A>
            </nav>
            <SearchBox query focus />
        </header>
    }
}
