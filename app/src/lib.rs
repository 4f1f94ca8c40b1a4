//! The Internet Issues Explorer: routes, pages, components, server functions and the domain
//! model, shared by the server (feature `ssr`) and the browser (feature `hydrate`).

pub mod components;
#[cfg(feature = "ssr")]
pub mod content;
pub mod domain;
pub mod error;
pub mod routes;
pub mod server_fns;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Stylesheet, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use components::{SiteFooter, SiteHeader};
use routes::{HomePage, IssuePage, NotFound};

/// The site name, used in titles and the header.
pub const SITE_NAME: &str = "Internet Issues Explorer";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The route table. Pages load their data before the first byte is sent (`SsrMode::Async`),
/// so every page is complete without JavaScript and answers with its real status code.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/explorer.css" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Title formatter=|page: String| {
            if page.is_empty() { SITE_NAME.to_string() } else { format!("{page} · {SITE_NAME}") }
        } />
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <FlatRoutes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("issues"), ParamSegment("slug"))
                        view=IssuePage
                        ssr=SsrMode::Async
                    />
                </FlatRoutes>
            </main>
            <SiteFooter />
        </Router>
    }
}
