//! The process's open-file limit, which bounds how many connections can be open at once.

use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};

/// Descriptors kept back from connections: the listener, log, files being served, the
/// content and asset reads at start-up, and the connections evicted but not yet closed.
pub const RESERVED_DESCRIPTORS: u64 = 256;

/// The open-file limit after raising the soft limit to the hard one (what a server is
/// expected to do; `ulimit -n` in a shell or `LimitNOFILE` in a unit sets the ceiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileLimit {
    /// The limit in force, `None` when unlimited.
    pub soft: Option<u64>,
    /// What it was at start.
    pub soft_at_start: Option<u64>,
}

pub fn raise_file_limit() -> FileLimit {
    let start = getrlimit(Resource::Nofile);
    if start.current != start.maximum {
        let raised = Rlimit {
            current: start.maximum,
            maximum: start.maximum,
        };
        if let Err(error) = setrlimit(Resource::Nofile, raised) {
            tracing::warn!(%error, "could not raise the open-file limit to its hard limit");
        }
    }
    FileLimit {
        soft: getrlimit(Resource::Nofile).current,
        soft_at_start: start.current,
    }
}

impl FileLimit {
    /// The most connections this limit allows, with [`RESERVED_DESCRIPTORS`] kept back.
    pub fn connection_ceiling(&self) -> usize {
        let ceiling = self
            .soft
            .map_or(u64::MAX, |soft| soft.saturating_sub(RESERVED_DESCRIPTORS));
        usize::try_from(ceiling).unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_keeps_descriptors_back() {
        let limit = |soft| FileLimit {
            soft,
            soft_at_start: soft,
        };
        assert_eq!(limit(Some(20_000)).connection_ceiling(), 19_744);
        assert_eq!(limit(Some(100)).connection_ceiling(), 0);
        assert_eq!(limit(None).connection_ceiling(), usize::MAX);
    }

    #[test]
    fn raising_never_lowers_the_limit() {
        let before = getrlimit(Resource::Nofile).current;
        let raised = raise_file_limit();
        assert!(raised.soft >= before || raised.soft.is_none());
    }
}
