//! Settings from the environment, checked before anything starts. See the README's table.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use leptos::config::LeptosOptions;

#[derive(Debug, Clone)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub content_dir: PathBuf,
    pub limits: Limits,
    /// Send `Strict-Transport-Security`: only behind TLS.
    pub hsts: bool,
}

/// Bounds that keep one client from tying up the server.
#[derive(Debug, Clone)]
pub struct Limits {
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
    pub max_concurrent_requests: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Leptos(String),
    #[error("CONTENT_DIR {0:?} is not a folder")]
    ContentDir(PathBuf),
    #[error("{name}={value:?} is not valid: expected {expected}")]
    Invalid {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
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
        let limits = Limits {
            request_timeout: Duration::from_secs(parse(
                "REQUEST_TIMEOUT_SECS",
                10u64,
                "whole seconds from 1 to 300",
                |s| (1..=300).contains(s),
            )?),
            max_body_bytes: parse(
                "MAX_BODY_BYTES",
                64 * 1024,
                "a byte count from 1 to 16777216",
                |n| (1..=16 << 20).contains(n),
            )?,
            max_concurrent_requests: parse(
                "MAX_CONCURRENT_REQUESTS",
                1024,
                "a count from 1 to 100000",
                |n| (1..=100_000).contains(n),
            )?,
        };
        let hsts = parse("HSTS", false, "true or false", |_| true)?;
        Ok(Self {
            leptos,
            content_dir,
            limits,
            hsts,
        })
    }
}

/// Reads `name` from the environment, or `default` when unset; rejects values that do not
/// parse or fail `valid`.
fn parse<T: FromStr>(
    name: &'static str,
    default: T,
    expected: &'static str,
    valid: impl Fn(&T) -> bool,
) -> Result<T, ConfigError> {
    match std::env::var(name) {
        Err(std::env::VarError::NotPresent) => Ok(default),
        Err(std::env::VarError::NotUnicode(value)) => Err(ConfigError::Invalid {
            name,
            value: value.to_string_lossy().into_owned(),
            expected,
        }),
        Ok(value) => match value.trim().parse::<T>() {
            Ok(parsed) if valid(&parsed) => Ok(parsed),
            _ => Err(ConfigError::Invalid {
                name,
                value,
                expected,
            }),
        },
    }
}
