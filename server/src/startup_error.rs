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
    #[error(
        "MAX_CONNECTIONS={wanted} does not fit the open-file limit: at most {ceiling} \
         (the limit less {} descriptors kept back); raise `ulimit -n` or lower MAX_CONNECTIONS",
        crate::serve::file_limit::RESERVED_DESCRIPTORS
    )]
    FileLimit { wanted: usize, ceiling: usize },
}
