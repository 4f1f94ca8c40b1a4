//! The explorer's HTTP server: wiring only. Configuration → content → router → serve.

mod config;
mod export;
mod http;
mod log;
mod metrics;
mod precompress;
mod serve;
mod startup_error;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use app::content::load_catalog;
use tracing_subscriber::EnvFilter;

use config::Config;
use metrics::Metrics;
use startup_error::StartupError;

#[tokio::main]
async fn main() -> ExitCode {
    // The access log: see `log.rs` for what happens when its reader stops reading.
    let (log_writer, _log_guard) = log::stdout_log();
    let log_dropped = log_writer.dropped();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(std::io::stdout().is_terminal())
        .with_writer(log_writer)
        .init();
    if std::env::args().nth(1).as_deref() == Some("--check-content") {
        return check_content();
    }
    if std::env::args().nth(1).as_deref() == Some("export") {
        return export_site().await;
    }
    if std::env::args().nth(1).as_deref() == Some("healthcheck") {
        return healthcheck();
    }
    log::log_panics();
    match run(Metrics::with_log(log_dropped)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `server --check-content`: loads `CONTENT_DIR` (default `content`) and reports every
/// problem as `file:line:column: what is wrong`, without starting the server.
fn check_content() -> ExitCode {
    let dir =
        std::env::var_os("CONTENT_DIR").map_or_else(|| "content".into(), std::path::PathBuf::from);
    match load_catalog(&dir) {
        Ok(catalog) => {
            println!(
                "{}: {} issues and {} glossary terms, no problems",
                dir.display(),
                catalog.len(),
                catalog.glossary().len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

/// `server healthcheck`: asks the server configured by this environment for `/healthz` on
/// the loopback address and exits 0 on `200`, 1 otherwise. The container image's
/// HEALTHCHECK, in an image with no shell or HTTP client.
fn healthcheck() -> ExitCode {
    use std::io::{Read, Write};
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};

    let timeout = Duration::from_secs(2);
    let configured = match Config::from_env() {
        Ok(config) => config.leptos.site_addr,
        Err(error) => {
            eprintln!("unhealthy: invalid configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let ip = match configured.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let address = SocketAddr::new(ip, configured.port());
    let answer = TcpStream::connect_timeout(&address, timeout).and_then(|mut stream| {
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        stream.write_all(
            format!("GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )?;
        let mut answer = Vec::new();
        stream.take(4096).read_to_end(&mut answer)?;
        Ok(answer)
    });
    match answer {
        Ok(answer) if answer.starts_with(b"HTTP/1.1 200 ") => ExitCode::SUCCESS,
        Ok(answer) => {
            let line = String::from_utf8_lossy(&answer);
            eprintln!(
                "unhealthy: {address}/healthz answered {:?}",
                line.lines().next().unwrap_or_default()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("unhealthy: {address}/healthz: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `server export <dir>`: writes every page, the assets, the search data and a `_headers`
/// file for a static host (see `export.rs`), with the same configuration as serving.
async fn export_site() -> ExitCode {
    let Some(out) = std::env::args_os().nth(2).map(std::path::PathBuf::from) else {
        eprintln!("usage: server export <directory>");
        return ExitCode::from(2);
    };
    let prepared = Config::from_env()
        .map_err(StartupError::from)
        .and_then(|config| Ok((load_catalog(&config.content_dir)?, config)));
    let (catalog, config) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match export::export(&config, Arc::new(catalog), &out).await {
        Ok(files) => {
            println!("exported {files} files to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(metrics: Metrics) -> Result<(), StartupError> {
    let config = Config::from_env()?;
    let file_limit = serve::file_limit::raise_file_limit();
    let capacity = connection_capacity(&config, file_limit)?;
    let catalog = Arc::new(load_catalog(&config.content_dir)?);
    let metrics = Arc::new(metrics);
    let router = http::router(&config, Arc::clone(&catalog), Arc::clone(&metrics));
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
    tracing::info!(issues = catalog.len(), public = %config.public_base_url.0, "listening on http://{addr}");

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
