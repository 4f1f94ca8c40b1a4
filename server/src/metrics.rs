//! Counters the serve loop and the log keep, shown at `/metrics` (Prometheus text format).

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing_appender::non_blocking::ErrorCounter;

#[derive(Default)]
pub struct Metrics {
    pub connections_accepted: AtomicU64,
    /// Closed at once because the table was full of connections that had been answered.
    pub connections_refused: AtomicU64,
    /// Closed to make room: open a while, with no complete request head and no answer.
    pub connections_evicted: AtomicU64,
    pub header_timeouts: AtomicU64,
    pub idle_timeouts: AtomicU64,
    pub accept_errors: AtomicU64,
    /// Open connections and the cap, set by the serve loop.
    pub connections_open: AtomicU64,
    pub connections_cap: AtomicU64,
    /// Lines the access log dropped because its consumer did not keep up.
    pub log_dropped: Option<ErrorCounter>,
}

impl Metrics {
    pub fn with_log(log_dropped: ErrorCounter) -> Self {
        Self {
            log_dropped: Some(log_dropped),
            ..Self::default()
        }
    }

    pub fn count(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn log_lines_dropped(&self) -> u64 {
        self.log_dropped
            .as_ref()
            .map_or(0, |c| u64::try_from(c.dropped_lines()).unwrap_or(u64::MAX))
    }

    pub fn render(&self) -> String {
        let rows: [(&str, &str, &str, u64); 9] = [
            ("explorer_connections_accepted_total", "counter", "Connections accepted.", self.connections_accepted.load(Ordering::Relaxed)),
            ("explorer_connections_refused_total", "counter", "Connections closed at once: the cap was reached and every open connection had been answered.", self.connections_refused.load(Ordering::Relaxed)),
            ("explorer_connections_evicted_total", "counter", "Connections with no answer yet closed to make room for a new one.", self.connections_evicted.load(Ordering::Relaxed)),
            ("explorer_header_timeouts_total", "counter", "Connections closed because a request head did not arrive in time.", self.header_timeouts.load(Ordering::Relaxed)),
            ("explorer_idle_timeouts_total", "counter", "Connections closed after no byte moved for the idle timeout.", self.idle_timeouts.load(Ordering::Relaxed)),
            ("explorer_accept_errors_total", "counter", "Failed accept calls.", self.accept_errors.load(Ordering::Relaxed)),
            ("explorer_log_lines_dropped_total", "counter", "Log lines dropped because the log's consumer did not keep up.", self.log_lines_dropped()),
            ("explorer_connections_open", "gauge", "Connections open now.", self.connections_open.load(Ordering::Relaxed)),
            ("explorer_connections_max", "gauge", "The cap on open connections.", self.connections_cap.load(Ordering::Relaxed)),
        ];
        let mut text = String::new();
        for (name, kind, help, value) in rows {
            let _ = writeln!(
                text,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
            );
        }
        text
    }
}
