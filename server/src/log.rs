//! The log: one line per request at `info`, written by a background thread so that a
//! request never waits on stdout.
//!
//! When the log's reader stops reading (a paused collector, a full pipe), the writer thread
//! blocks, its buffer of [`BUFFERED_LINES`] fills, and from then on new lines are dropped
//! and counted instead of stalling requests. The count is on `/metrics`
//! (`explorer_log_lines_dropped_total`) and the next line that gets through is preceded by
//! a `WARN` line saying how many were lost. Panics are logged here too, never written to
//! stderr, so nothing a request does can block on either stream.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tracing_appender::non_blocking::{ErrorCounter, NonBlocking, WorkerGuard};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::fmt::MakeWriter;

/// Lines held for a slow reader before dropping starts. The default (128,000) preallocates
/// about 5 MB for bursts that a log reader either keeps up with or does not.
pub const BUFFERED_LINES: usize = 8192;

/// Builds the writer over stdout; keep the guard alive until exit (it flushes what is left,
/// waiting at most about a second for a reader that stopped).
pub fn stdout_log() -> (DroppingLog, WorkerGuard) {
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(true)
        .buffered_lines_limit(BUFFERED_LINES)
        // Buffered: the writer thread flushes after each batch it drains (one write for
        // many lines under load, rather than one per line).
        .finish(io::BufWriter::with_capacity(64 * 1024, io::stdout()));
    let dropped = writer.error_counter();
    let log = DroppingLog {
        writer,
        dropped,
        reported: Arc::new(AtomicUsize::new(0)),
    };
    (log, guard)
}

/// A non-blocking writer that reports the lines it dropped.
#[derive(Clone)]
pub struct DroppingLog {
    writer: NonBlocking,
    dropped: ErrorCounter,
    /// Dropped lines already announced in the log.
    reported: Arc<AtomicUsize>,
}

impl DroppingLog {
    pub fn dropped(&self) -> ErrorCounter {
        self.dropped.clone()
    }

    /// Writes a notice of lines dropped since the last notice, if any; it counts as
    /// delivered only if the notice itself was not dropped.
    fn announce_drops(&mut self) {
        let dropped = self.dropped.dropped_lines();
        let reported = self.reported.load(Ordering::Relaxed);
        if dropped <= reported {
            return;
        }
        let mut stamp = String::new();
        let _ = SystemTime.format_time(&mut Writer::new(&mut stamp));
        let notice = format!(
            "{stamp}  WARN log: {} lines dropped: the log's reader did not keep up\n",
            dropped - reported
        );
        let _ = self.writer.write_all(notice.as_bytes());
        if self.dropped.dropped_lines() == dropped {
            self.reported.fetch_max(dropped, Ordering::Relaxed);
        }
    }
}

impl Write for DroppingLog {
    fn write(&mut self, line: &[u8]) -> io::Result<usize> {
        self.announce_drops();
        self.writer.write(line)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<'a> MakeWriter<'a> for DroppingLog {
    type Writer = DroppingLog;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Sends panic messages to the log instead of stderr (the response is a 500 either way,
/// from the panic-catching layer).
pub fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(%location, "panic: {message}");
    }));
}
