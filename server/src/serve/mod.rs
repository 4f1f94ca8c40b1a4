//! The serve loop: HTTP/1.1 over hyper with deadlines and a cap on connections.
//!
//! `axum::serve` sets no header read timeout and no connection limit, so a few processes
//! trickling headers could hold every descriptor the server has. Here every connection:
//! - must deliver each request head within `header_timeout` of opening or of the previous
//!   response (hyper's HTTP/1 header timer; it also ends idle keep-alive connections);
//! - is closed once no byte has moved either way for `idle_timeout` (a client that stopped
//!   reading a response);
//! - holds a slot in a table capped below the open-file limit ([`slots`]): past the cap the
//!   oldest unanswered connection makes room, or the new one is closed at once.
//!
//! HTTP/2 (cleartext, prior knowledge) is not offered: TLS and HTTP/2 end at the proxy or
//! ingress in front, and hyper's automatic version detection reads without any deadline.
//! On shutdown the loop stops accepting, asks every connection to finish its response in
//! flight and close, and returns when all have closed (the caller bounds that wait).

pub mod file_limit;
mod slots;
mod watched_io;

use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use crate::config::ConnectionLimits;
use crate::metrics::Metrics;
use slots::{Admission, Slot, Slots};
use watched_io::WatchedIo;

pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: &ConnectionLimits,
    capacity: usize,
    metrics: Arc<Metrics>,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Slots::new(capacity);
    metrics.connections_cap.store(
        u64::try_from(capacity).unwrap_or(u64::MAX),
        Ordering::Relaxed,
    );
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    // Every connection task holds a receiver; the loop waits for all of them to go.
    let (all_closed_tx, all_closed_rx) = watch::channel(());
    let (stop_tx, stop_rx) = watch::channel(());
    let mut accept_errors = RareLog::default();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(error) => {
                Metrics::count(&metrics.accept_errors);
                accept_errors.warn(|repeated| {
                    tracing::warn!(%error, repeated, "accept failed");
                });
                // Out of descriptors or memory: give connections time to close.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        Metrics::count(&metrics.connections_accepted);
        let slot = match slots.admit() {
            Admission::Admitted(slot) => slot,
            Admission::AdmittedByEviction(slot) => {
                Metrics::count(&metrics.connections_evicted);
                slot
            }
            Admission::Refused => {
                Metrics::count(&metrics.connections_refused);
                drop(stream);
                continue;
            }
        };
        publish_open(&metrics, &slots);
        let connection = Connection {
            stream,
            slot,
            http: http.clone(),
            router: router.clone(),
            idle_timeout: limits.idle_timeout,
            metrics: Arc::clone(&metrics),
            slots: Arc::clone(&slots),
            stop: stop_rx.clone(),
            all_closed: all_closed_rx.clone(),
        };
        tokio::spawn(connection.run());
    }
    drop(listener);
    drop(stop_tx);
    drop(all_closed_rx);
    all_closed_tx.closed().await;
}

fn publish_open(metrics: &Metrics, slots: &Slots) {
    let open = u64::try_from(slots.open()).unwrap_or(u64::MAX);
    metrics.connections_open.store(open, Ordering::Relaxed);
}

struct Connection {
    stream: TcpStream,
    slot: Slot,
    http: hyper::server::conn::http1::Builder,
    router: Router,
    idle_timeout: Duration,
    metrics: Arc<Metrics>,
    slots: Arc<Slots>,
    stop: watch::Receiver<()>,
    all_closed: watch::Receiver<()>,
}

impl Connection {
    async fn run(mut self) {
        let _ = self.stream.set_nodelay(true);
        let io = TokioIo::new(WatchedIo::new(self.stream, Arc::clone(&self.slot.activity)));
        let service = TowerToHyperService::new(self.router);
        // Boxed so that dropping it below closes the socket before the slot is released.
        let mut connection = Box::pin(self.http.serve_connection(io, service));
        let mut stopping = false;
        loop {
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(error) = result {
                        if error.is_timeout() {
                            Metrics::count(&self.metrics.header_timeouts);
                        }
                    }
                    break;
                }
                _ = self.stop.changed(), if !stopping => {
                    stopping = true;
                    connection.as_mut().graceful_shutdown();
                }
                () = self.slot.evicted.notified() => break,
                () = self.slot.activity.gone_quiet(self.idle_timeout) => {
                    Metrics::count(&self.metrics.idle_timeouts);
                    break;
                }
            }
        }
        drop(connection);
        drop(self.slot);
        publish_open(&self.metrics, &self.slots);
        drop(self.all_closed);
    }
}

/// A warning logged at most once a second, with how many were held back.
#[derive(Default)]
struct RareLog {
    last: Option<Instant>,
    held_back: u64,
}

impl RareLog {
    fn warn(&mut self, log: impl FnOnce(u64)) {
        if self
            .last
            .is_some_and(|last| last.elapsed() < Duration::from_secs(1))
        {
            self.held_back += 1;
            return;
        }
        log(self.held_back);
        self.held_back = 0;
        self.last = Some(Instant::now());
    }
}
