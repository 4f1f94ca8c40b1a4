//! Serving: configuration → content → router → the serve loop, until SIGTERM or Ctrl-C.

use std::sync::Arc;
use std::time::Duration;

use app::content::load_catalog;

use crate::config::Config;
use crate::metrics::Metrics;
use crate::startup_error::StartupError;
use crate::{content_watch, http, precompress, serve};

pub async fn run(metrics: Metrics) -> Result<(), StartupError> {
    let config = Config::from_env()?;
    let file_limit = serve::file_limit::raise_file_limit();
    let capacity = connection_capacity(&config, file_limit)?;
    let metrics = Arc::new(metrics);
    let (router, issues) = if config.watch {
        app::security::allow_live_reload(config.leptos.reload_port);
        let reloader = content_watch::Reloader {
            config: config.clone(),
            metrics: Arc::clone(&metrics),
            routes: leptos_axum::generate_route_list(app::App),
        };
        let (site, issues) = reloader.build();
        let (router, current) = content_watch::swappable(site);
        tokio::spawn(content_watch::watch(reloader, current));
        (router, issues.unwrap_or_default())
    } else {
        let catalog = load_catalog(&config.content_dir)?;
        // Stale figures are the editors' business (`--check-content` lists them, and
        // `cargo leptos watch` prints them); an operator's log gets one line.
        if !catalog.warnings().is_empty() {
            tracing::info!(
                warnings = catalog.warnings().len(),
                "content loaded with warnings (stale figures): server --check-content lists them"
            );
        }
        let issues = catalog.len();
        (
            http::router(&config, Arc::new(catalog), Arc::clone(&metrics)),
            issues,
        )
    };
    let pkg = std::path::Path::new(&*config.leptos.site_root).join(&*config.leptos.site_pkg_dir);
    tokio::task::spawn_blocking(move || match precompress::precompress_assets(&pkg) {
        Ok(0) => {}
        Ok(written) => tracing::info!(written, "pre-compressed assets in {}", pkg.display()),
        Err(error) => tracing::warn!(%error, "could not pre-compress assets in {}", pkg.display()),
    });

    let requested = config.leptos.site_addr;
    let listener = tokio::net::TcpListener::bind(requested)
        .await
        .map_err(|source| StartupError::Bind {
            addr: requested,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartupError::Bind {
        addr: requested,
        source,
    })?;
    tracing::info!(
        open_file_limit = file_limit
            .soft
            .map_or_else(|| "unlimited".to_owned(), |n| n.to_string()),
        open_file_limit_at_start = file_limit
            .soft_at_start
            .map_or_else(|| "unlimited".to_owned(), |n| n.to_string()),
        max_connections = capacity,
        header_timeout_s = config.connections.header_timeout.as_secs(),
        idle_timeout_s = config.connections.idle_timeout.as_secs(),
        "connection limits"
    );
    tracing::info!(issues, public = %config.public_base_url.0, "listening on http://{addr}");

    // On SIGTERM/SIGINT: stop accepting, let requests in flight finish, but not forever.
    let (stopping, mut stopped) = tokio::sync::watch::channel(false);
    let server = serve::serve(
        listener,
        router,
        &config.connections,
        capacity,
        metrics,
        async move {
            shutdown_signal().await;
            let _ = stopping.send(true);
        },
    );
    let grace_elapsed = async move {
        let _ = stopped.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        () = server => {},
        () = grace_elapsed => tracing::warn!("requests still running after {SHUTDOWN_GRACE:?}; exiting"),
    }
    tracing::info!("stopped");
    Ok(())
}

/// Connections held at once when `MAX_CONNECTIONS` is not set (or fewer, if the open-file
/// limit allows fewer). Each held connection costs about 24 KiB of memory (hyper's buffers
/// and the task; measured with 16,000 trickling clients, BENCHMARKS.md §9), so 10,000 is
/// about 240 MiB at worst: set `MAX_CONNECTIONS` to fit a container's memory limit.
const DEFAULT_MAX_CONNECTIONS: usize = 10_000;

/// `MAX_CONNECTIONS`, or [`DEFAULT_MAX_CONNECTIONS`] within what the open-file limit allows;
/// a setting above that limit stops start-up (the server would fail to accept before
/// reaching its own cap).
fn connection_capacity(
    config: &Config,
    file_limit: serve::file_limit::FileLimit,
) -> Result<usize, StartupError> {
    let ceiling = file_limit.connection_ceiling();
    match config.connections.max_connections {
        Some(wanted) if wanted > ceiling => Err(StartupError::FileLimit { wanted, ceiling }),
        Some(wanted) => Ok(wanted),
        None if ceiling < 16 => Err(StartupError::FileLimit {
            wanted: 16,
            ceiling,
        }),
        None => Ok(ceiling.min(DEFAULT_MAX_CONNECTIONS)),
    }
}

/// How long a graceful shutdown waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
