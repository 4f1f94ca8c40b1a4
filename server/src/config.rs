//! Settings from the environment, checked before anything starts.
//!
//! - `LEPTOS_SITE_ADDR` (default `127.0.0.1:3000`), `LEPTOS_SITE_ROOT` (default `target/site`)
//!   and the other `LEPTOS_*` variables, as read by leptos; cargo-leptos sets them.
//! - `CONTENT_DIR` (default `content`): the folder with `site.toml` and `issues/`.

use std::path::PathBuf;

use leptos::config::LeptosOptions;

#[derive(Debug, Clone)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub content_dir: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Leptos(String),
    #[error("CONTENT_DIR {0:?} is not a folder")]
    ContentDir(PathBuf),
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let leptos = leptos::config::get_configuration(None)
            .map_err(|error| ConfigError::Leptos(error.to_string()))?
            .leptos_options;
        let content_dir =
            std::env::var_os("CONTENT_DIR").map_or_else(|| PathBuf::from("content"), PathBuf::from);
        if !content_dir.is_dir() {
            return Err(ConfigError::ContentDir(content_dir));
        }
        Ok(Self {
            leptos,
            content_dir,
        })
    }
}
