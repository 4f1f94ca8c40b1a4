use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::LanguageSwitcher;
use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH, MAP_PATH};
use crate::interface_text::localize;
use crate::islands::SearchBox;
use crate::{text, SITE_NAME};

/// The site name and the search box. Rendered with the page's query and filter; after
/// that the search box (an island) keeps its own state across client-side navigations.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=localize(HOME_PATH) attr:class="site-header__name" attr:data-shortcut="home">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{SITE_NAME}</span>
            </A>
            <nav class="site-header__nav" aria-label=text!(header.main_navigation)>
                <A href=localize(MAP_PATH) attr:data-shortcut="map">{text!(header.map)}</A>
                <A href=localize(GLOSSARY_PATH)>{text!(header.glossary)}</A>
            </nav>
            <SearchBox />
            <LanguageSwitcher />
        </header>
    }
}
