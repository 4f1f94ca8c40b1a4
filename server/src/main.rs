//! The explorer's HTTP server binary: sets up the log, then runs the command asked for
//! (serve by default; `--check-content`, `--stamp-translations`, `export <dir>`,
//! `healthcheck`). Everything else is in the library (`lib.rs`).

use std::io::IsTerminal;
use std::process::ExitCode;

use server::metrics::Metrics;
use server::{commands, healthcheck, log, run};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    // The access log: see `log.rs` for what happens when its reader stops reading.
    let (log_writer, _log_guard) = log::stdout_log();
    let log_dropped = log_writer.dropped();
    server::http::access_log::install(log_writer.clone());
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(std::io::stdout().is_terminal())
        .with_writer(log_writer)
        .init();
    match std::env::args().nth(1).as_deref() {
        Some("--check-content") => return commands::check_content(),
        Some("--stamp-translations") => return commands::stamp_translations(),
        Some("export") => return commands::export_site().await,
        Some("healthcheck") => return healthcheck::healthcheck(),
        _ => {}
    }
    log::log_panics();
    match run::run(Metrics::with_log(log_dropped)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
