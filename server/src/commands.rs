//! The binary's other commands: `--check-content`, `--stamp-translations` and
//! `export <dir>`.

use std::process::ExitCode;
use std::sync::Arc;

use app::content::load_catalog;

use crate::config::Config;
use crate::startup_error::StartupError;

/// `server --check-content`: loads `CONTENT_DIR` (default `content`) and reports every
/// problem as `file:line:column: what is wrong`, without starting the server. Warnings
/// (stale figures) are printed but do not fail the check.
pub fn check_content() -> ExitCode {
    let dir = crate::config::content_dir_from_env();
    match load_catalog(&dir) {
        Ok(catalog) => {
            for warning in catalog.warnings() {
                println!("warning: {warning}");
            }
            println!(
                "{}: {} issues and {} glossary terms, no problems, {} warning(s)",
                dir.display(),
                catalog.len(),
                catalog.glossary().len(),
                catalog.warnings().len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

/// `server --stamp-translations`: records in every French and Spanish content file the
/// English words it now follows, once an editor has brought it up to date (see
/// `docs/translations.md`).
pub fn stamp_translations() -> ExitCode {
    let dir = crate::config::content_dir_from_env();
    match app::content::stamp_translations(&dir) {
        Ok(changed) => {
            for path in &changed {
                println!("stamped {}", path.display());
            }
            println!("{} translation(s) stamped", changed.len());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

/// `server export <dir>`: writes every page, the assets, the search data and a `_headers`
/// file for a static host (see `export.rs`), with the same configuration as serving.
pub async fn export_site() -> ExitCode {
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
    match crate::export::export(&config, Arc::new(catalog), &out).await {
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
