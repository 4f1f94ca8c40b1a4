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
    pub connections: ConnectionLimits,
    /// Where visitors reach the explorer (behind any proxy).
    pub public_base_url: PublicBaseUrl,
    /// Send `Strict-Transport-Security`: only when the public address is https.
    pub hsts: bool,
    /// Under `cargo leptos watch` (`LEPTOS_WATCH=true`): content that does not load is
    /// served as an error page instead of stopping start-up.
    pub watch: bool,
    /// Test builds only (feature `test-hooks`), with `EXPLORER_TEST_HOOKS=1`: routes the
    /// integration tests use to make a request slow on purpose. No other build has them.
    #[cfg(feature = "test-hooks")]
    pub test_hooks: bool,
}

/// Whether the build wrote `name` (cargo-leptos's `hash.txt`) beside this executable, which
/// is where leptos looks for it.
fn hash_file_beside_binary(name: &str) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(name)))
        .is_some_and(|path| path.is_file())
}

/// An absolute `http://` or `https://` origin, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicBaseUrl(pub String);

impl FromStr for PublicBaseUrl {
    type Err = ();

    fn from_str(value: &str) -> Result<Self, ()> {
        let value = value.trim_end_matches('/');
        let host = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"))
            .ok_or(())?;
        let valid_host = !host.is_empty()
            && host.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
            });
        if valid_host {
            Ok(Self(value.to_string()))
        } else {
            Err(())
        }
    }
}

/// Bounds that keep one client from tying up the server.
#[derive(Debug, Clone)]
pub struct Limits {
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
    pub max_concurrent_requests: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(10),
            max_body_bytes: 64 * 1024,
            max_concurrent_requests: 1024,
        }
    }
}

/// Bounds on connections, enforced by the serve loop (`crate::serve`) before any request
/// exists: a client that opens connections and sends nothing, or trickles its headers, holds
/// a descriptor for at most `header_timeout`.
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// A request head must be complete this long after the connection opened or the
    /// previous response ended (so it is also how long an idle keep-alive connection lasts).
    pub header_timeout: Duration,
    /// A connection on which no byte moved either way for this long is closed (a client that
    /// stopped reading a response, a body that stopped arriving).
    pub idle_timeout: Duration,
    /// At most this many connections open at once; `None`: derived from the file limit.
    pub max_connections: Option<usize>,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: None,
        }
    }
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

/// The content folder: `CONTENT_DIR`, or `content` in the working directory.
pub fn content_dir_from_env() -> PathBuf {
    std::env::var_os("CONTENT_DIR").map_or_else(|| PathBuf::from("content"), PathBuf::from)
}

impl Config {
    /// Every default, ignoring the environment: the app serving `content_dir`, with static
    /// files from `site_root`, as `http://127.0.0.1:3000`. For tests that build the app
    /// in-process ([`crate::app`]).
    pub fn with_defaults(content_dir: PathBuf, site_root: &str) -> Self {
        let leptos = LeptosOptions::builder()
            .output_name("explorer")
            .site_root(site_root)
            .build();
        Self {
            public_base_url: PublicBaseUrl(format!("http://{}", leptos.site_addr)),
            leptos,
            content_dir,
            limits: Limits::default(),
            connections: ConnectionLimits::default(),
            hsts: false,
            watch: false,
            #[cfg(feature = "test-hooks")]
            test_hooks: false,
        }
    }

    pub fn from_env() -> Result<Self, ConfigError> {
        let mut leptos = leptos::config::get_configuration(None)
            .map_err(|error| ConfigError::Leptos(error.to_string()))?
            .leptos_options;
        // `cargo leptos build` with `hash-files` writes the fingerprints next to the binary;
        // an operator starting that binary directly must get the same asset names that
        // `cargo leptos serve` would give, without knowing about LEPTOS_HASH_FILES.
        if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
            leptos.hash_files = hash_file_beside_binary(&leptos.hash_file);
        }
        let content_dir = content_dir_from_env();
        if !content_dir.is_dir() {
            return Err(ConfigError::ContentDir(content_dir));
        }
        let defaults = (Limits::default(), ConnectionLimits::default());
        let limits = Limits {
            request_timeout: Duration::from_secs(parse(
                "REQUEST_TIMEOUT_SECS",
                defaults.0.request_timeout.as_secs(),
                "whole seconds from 1 to 300",
                |s| (1..=300).contains(s),
            )?),
            max_body_bytes: parse(
                "MAX_BODY_BYTES",
                defaults.0.max_body_bytes,
                "a byte count from 1 to 16777216",
                |n| (1..=16 << 20).contains(n),
            )?,
            max_concurrent_requests: parse(
                "MAX_CONCURRENT_REQUESTS",
                defaults.0.max_concurrent_requests,
                "a count from 1 to 100000",
                |n| (1..=100_000).contains(n),
            )?,
        };
        let connections = ConnectionLimits {
            header_timeout: Duration::from_secs(parse(
                "HEADER_TIMEOUT_SECS",
                defaults.1.header_timeout.as_secs(),
                "whole seconds from 1 to 300",
                |s| (1..=300).contains(s),
            )?),
            idle_timeout: Duration::from_secs(parse(
                "IDLE_TIMEOUT_SECS",
                defaults.1.idle_timeout.as_secs(),
                "whole seconds from 2 to 3600",
                |s| (2..=3600).contains(s),
            )?),
            max_connections: match std::env::var_os("MAX_CONNECTIONS") {
                None => None,
                Some(_) => Some(parse(
                    "MAX_CONNECTIONS",
                    0usize,
                    "a count from 16 to 1000000",
                    |n| (16..=1_000_000).contains(n),
                )?),
            },
        };
        // A handler may take up to the request timeout before its first byte; the idle
        // timeout must not cut it short.
        if connections.idle_timeout <= limits.request_timeout {
            return Err(ConfigError::Invalid {
                name: "IDLE_TIMEOUT_SECS",
                value: connections.idle_timeout.as_secs().to_string(),
                expected: "more seconds than REQUEST_TIMEOUT_SECS",
            });
        }
        let public_base_url = parse(
            "PUBLIC_BASE_URL",
            PublicBaseUrl(format!("http://{}", leptos.site_addr)),
            "an absolute http:// or https:// address without path, e.g. https://issues.example.org",
            |_| true,
        )?;
        Ok(Self {
            #[cfg(feature = "test-hooks")]
            test_hooks: std::env::var("EXPLORER_TEST_HOOKS").is_ok_and(|v| v == "1"),
            hsts: public_base_url.0.starts_with("https://"),
            watch: std::env::var("LEPTOS_WATCH").is_ok_and(|v| v == "true"),
            leptos,
            content_dir,
            limits,
            connections,
            public_base_url,
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

#[cfg(test)]
mod tests {
    use super::PublicBaseUrl;

    #[test]
    fn public_base_urls_are_origins() {
        assert_eq!(
            "https://issues.example.org/".parse(),
            Ok(PublicBaseUrl("https://issues.example.org".into()))
        );
        assert_eq!(
            "http://127.0.0.1:3000".parse(),
            Ok(PublicBaseUrl("http://127.0.0.1:3000".into()))
        );
        for bad in [
            "issues.example.org",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x/path?q",
        ] {
            assert_eq!(bad.parse::<PublicBaseUrl>(), Err(()), "{bad}");
        }
    }
}
