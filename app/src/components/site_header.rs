use leptos::prelude::*;

use crate::components::{LanguageSwitcher, PageLink};
use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH, MAP_PATH};
use crate::islands::SearchBox;
use crate::{text, SITE_NAME};

/// The site name and the search box. Rendered with the page's query and filter; after
/// that the search box (an island) keeps its own state across client-side navigations.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <PageLink href=HOME_PATH class="site-header__name" shortcut="home">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{SITE_NAME}</span>
            </PageLink>
            <nav class="site-header__nav" aria-label=text!(header.main_navigation)>
                <PageLink href=MAP_PATH shortcut="map">{text!(header.map)}</PageLink>
                <PageLink href=GLOSSARY_PATH>{text!(header.glossary)}</PageLink>
            </nav>
            <SearchBox />
            <LanguageSwitcher />
        </header>
    }
}
