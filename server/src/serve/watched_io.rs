//! A connection's socket, with a record of when bytes last moved and whether any answer
//! has been written: what the idle timeout and the connection cap decide on.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The traffic of one connection, shared between its socket and the serve loop.
#[derive(Debug)]
pub struct Activity {
    opened: Instant,
    /// Milliseconds after `opened` at which a byte last moved, either way.
    last_moved_ms: AtomicU64,
    /// Whether the server has written a byte on this connection.
    answered: AtomicBool,
}

impl Activity {
    pub fn new() -> Self {
        Self {
            opened: Instant::now(),
            last_moved_ms: AtomicU64::new(0),
            answered: AtomicBool::new(false),
        }
    }

    fn moved(&self) {
        let now = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_moved_ms.store(now, Ordering::Relaxed);
    }

    /// How long since a byte last moved (or since the connection opened).
    pub fn quiet_for(&self) -> Duration {
        let last = Duration::from_millis(self.last_moved_ms.load(Ordering::Relaxed));
        self.opened.elapsed().saturating_sub(last)
    }

    pub fn age(&self) -> Duration {
        self.opened.elapsed()
    }

    /// True until the server writes its first byte: the client has had nothing yet.
    pub fn unanswered(&self) -> bool {
        !self.answered.load(Ordering::Relaxed)
    }

    /// Resolves once no byte has moved for `limit`.
    pub async fn gone_quiet(&self, limit: Duration) {
        loop {
            let quiet = self.quiet_for();
            if quiet >= limit {
                return;
            }
            tokio::time::sleep(limit - quiet).await;
        }
    }
}

/// `inner` with every successful read and write recorded in `activity`.
pub struct WatchedIo<S> {
    inner: S,
    activity: Arc<Activity>,
}

impl<S> WatchedIo<S> {
    pub fn new(inner: S, activity: Arc<Activity>) -> Self {
        Self { inner, activity }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WatchedIo<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.moved();
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> WatchedIo<S> {
    fn wrote(&self, polled: &Poll<io::Result<usize>>) {
        if matches!(polled, Poll::Ready(Ok(n)) if *n > 0) {
            self.activity.moved();
            self.activity.answered.store(true, Ordering::Relaxed);
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WatchedIo<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.wrote(&polled);
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.wrote(&polled);
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn reads_and_writes_are_recorded() {
        let (client, server) = tokio::io::duplex(64);
        let activity = Arc::new(Activity::new());
        let mut watched = WatchedIo::new(server, Arc::clone(&activity));
        let mut client = client;
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert!(activity.quiet_for() >= Duration::from_millis(30));
        assert!(activity.unanswered());

        client.write_all(b"ping").await.expect("write");
        let mut buffer = [0u8; 4];
        watched.read_exact(&mut buffer).await.expect("read");
        assert!(activity.quiet_for() < Duration::from_millis(30));
        assert!(activity.unanswered(), "reading is not answering");

        watched.write_all(b"pong").await.expect("write");
        assert!(!activity.unanswered());
    }
}
