//! The router: probes, the JSON API, the server functions, the pages, and static files with
//! the 404 page, all behind the middleware stack.

mod api;
pub(crate) mod cache_headers;
pub mod content_errors;
mod error_pages;
pub mod fixed_bytes;
mod front;
pub use front::access_log;
mod health;
mod language;
mod middleware;
pub mod page_store;
mod security_headers;
mod seo;
pub mod share;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod theme;
mod trailing_slash;

use std::sync::Arc;

use app::content::Catalog;
use app::{shell, App};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Config;
use crate::metrics::Metrics;

pub fn router(config: &Config, catalog: Arc<Catalog>, metrics: Arc<Metrics>) -> Router {
    router_with_routes(config, catalog, metrics, generate_route_list(App))
}

/// [`router`] with the route list already generated: the content watcher builds a router
/// per reload, and generating the list while requests render would stall them (leptos sets
/// a process-wide flag while it walks the routes).
pub fn router_with_routes(
    config: &Config,
    catalog: Arc<Catalog>,
    metrics: Arc<Metrics>,
    routes: Vec<leptos_axum::AxumRouteListing>,
) -> Router {
    let options = config.leptos.clone();
    let site_url = app::seo::SiteUrl(config.public_base_url.0.clone());
    let provide_catalog = {
        let catalog = Arc::clone(&catalog);
        move || {
            provide_context(Arc::clone(&catalog));
            provide_context(site_url.clone());
        }
    };
    // Built assets and icons straight from the site root: conditional and range requests
    // get their real status (the leptos fallback below would answer any non-200 as a 404).
    let site_root = std::path::Path::new(&*options.site_root);
    let pkg = ServeDir::new(site_root.join(&*options.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip();
    let app = Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), pkg)
        .nest_service("/icons", ServeDir::new(site_root.join("icons")))
        .route_service(
            "/favicon.svg",
            ServeFile::new(site_root.join("favicon.svg")),
        )
        .merge(health::router(Arc::clone(&catalog), metrics))
        .merge(seo::router(&catalog, &config.public_base_url.0))
        .merge(theme::router(config.hsts))
        .merge(share::router(&catalog, site_root.join("icons")))
        .nest("/api", api::router(catalog))
        .leptos_routes_with_context(&options, routes, provide_catalog.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context(provide_catalog, shell))
        .with_state(options);
    #[cfg(feature = "test-hooks")]
    let app = if config.test_hooks {
        app.merge(test_hooks::router())
    } else {
        app
    };
    middleware::apply(app, &config.limits, config.hsts)
}
