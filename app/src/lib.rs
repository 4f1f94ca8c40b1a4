//! The Internet Issues Explorer: routes, pages, components, server functions and the domain
//! model, shared by the server (feature `ssr`) and the browser (feature `hydrate`).

// The home page's view types nest deeper than the default limit of 128.
#![recursion_limit = "256"]

pub mod components;
#[cfg(feature = "ssr")]
pub mod content;
pub mod domain;
pub mod error;
pub mod inline_script;
pub mod interface_text;
pub mod islands;
#[cfg(test)]
mod locale_strings;
pub mod page_script;
pub mod routes;
pub mod search;
#[cfg(feature = "ssr")]
pub mod security;
pub mod seo;
pub mod server_fns;
pub mod theme;
pub mod workarounds;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use components::{ShortcutsDialog, SiteFooter, SiteHeader};
use routes::{ChangesPage, GlossaryPage, HomePage, IssuePage, MapPage, NotFound};

/// The site name, used in titles and the header.
pub const SITE_NAME: &str = "Internet Issues Explorer";

/// The id of each page's `<main>`: the skip link's target, and where focus goes after a
/// client-side navigation.
pub const MAIN_ID: &str = "main";

/// The HTML document around the app, rendered on the server only.
///
/// Rendering uses islands: pages are plain server-rendered HTML, only `#[island]` components
/// ship WASM, and the islands router turns link clicks into fetch-and-patch navigations
/// (no full reload). BENCHMARKS.md has the measurement that chose this over full hydration.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::set_content_security_policy();
    let lang = interface_text::request_lang();
    view! {
        <!DOCTYPE html>
        // Always an explicit value: the islands router only ever adds `<html>` attributes.
        <html lang=lang.code() data-theme=theme::Theme::of_request().as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                // Before the router's script: at the window, listeners run in the order they
                // were added, and this one must see `popstate` first.
                <script type="module" nonce=leptos::nonce::use_nonce() inner_html=page_script::page_script()></script>
                <HydrationScripts options=options.clone() islands=true islands_router=true />
                <HashedStylesheet options id="leptos" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// A page's `<title>`: its own title, then the site's.
fn title_text(page: String) -> String {
    workarounds::title::escape_on_server(if page.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("{page} · {SITE_NAME}")
    })
}

/// The route table. Pages load their data before the first byte is sent (`SsrMode::Async`),
/// so every page is complete without JavaScript and answers with its real status code.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    interface_text::provide_page_lang();
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        // The feed is in English on every page. Absolute, as every `hreflang` link must be
        // (search engines and Lighthouse's SEO audit reject a relative one).
        <Link rel="alternate" type_="application/atom+xml" title="Internet Issues Explorer: changes" hreflang="en" href=seo::absolute(domain::urls::FEED_PATH) />
        <Title formatter=title_text />
        <Router>
            <a class="skip-link" href=format!("#{MAIN_ID}")>{text!(skip_to_content)}</a>
            <SiteHeader />
            <main id=MAIN_ID tabindex="-1">
                <FlatRoutes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("glossary") view=GlossaryPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("map") view=MapPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("changes") view=ChangesPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("issues"), ParamSegment("slug"))
                        view=IssuePage
                        ssr=SsrMode::Async
                    />
                </FlatRoutes>
            </main>
            <SiteFooter />
            <ShortcutsDialog />
        </Router>
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
