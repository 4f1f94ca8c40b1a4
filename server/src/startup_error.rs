use std::net::SocketAddr;

use app::content::ContentErrors;

use crate::config::ConfigError;

/// Why the server could not start or stopped with an error. Printed as one clear message.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("invalid configuration: {0}")]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Content(#[from] ContentErrors),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server failed: {0}")]
    Serve(std::io::Error),
}
