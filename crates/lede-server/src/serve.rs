//! [`serve`]: the connection loop — a connection cap, header and write timeouts, accept-error
//! backoff, and a shutdown that drains requests but not idle or half-open connections.
//!
//! `axum::serve` has none of these knobs, so a few hundred slow clients could hold every file
//! descriptor and a client that never read its answer could pin it in memory. This loop runs
//! hyper's HTTP/1 connections itself, with the limits of [`ConnectionLimits`].

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Sleep;
use tower::ServiceExt;

use crate::config::ConnectionLimits;

/// Most request headers accepted (431 beyond it, in the head-limits middleware); hyper is
/// let parse a few more so that this limit, with its JSON answer, is the one clients meet.
pub(crate) const MAX_HEADERS: usize = 100;

/// hyper's read buffer per connection, which also caps a request's head (431 beyond it).
/// The API's own, lower limits on the head answer in the JSON error shape first.
const MAX_BUF_SIZE: usize = 64 * 1024;

/// Longest pause after an accept error such as `EMFILE`.
const MAX_ACCEPT_BACKOFF: Duration = Duration::from_secs(1);

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, closes
/// idle connections, lets in-flight requests finish for up to `limits.grace`, and returns.
pub async fn serve<F>(
    listener: TcpListener,
    router: Router,
    shutdown: F,
    limits: ConnectionLimits,
) -> io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let (stopping_tx, stopping) = watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, draining in-flight requests");
        let _ = stopping_tx.send(true);
    });
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut connections = JoinSet::new();
    let mut backoff = Duration::ZERO;
    loop {
        while connections.try_join_next().is_some() {}
        let mut stop = stopping.clone();
        // The slot is taken before accepting: at the cap, new clients wait in the kernel's
        // backlog instead of costing a file descriptor each.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.map_err(io::Error::other)?,
            () = stopped(&mut stop) => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => {
                    backoff = Duration::ZERO;
                    accepted
                }
                Err(e) if is_per_connection(&e) => continue,
                Err(e) => {
                    // Out of file descriptors or memory: retrying at once would spin and
                    // flood the log, so wait, longer each time, until connections close.
                    backoff = (backoff * 2).clamp(Duration::from_millis(10), MAX_ACCEPT_BACKOFF);
                    tracing::warn!(error = %e, ?backoff, "accept failed; pausing");
                    tokio::time::sleep(backoff).await;
                    continue;
                }
            },
            () = stopped(&mut stop) => break,
        };
        let router = router.clone();
        let stopping = stopping.clone();
        connections.spawn(async move {
            connection(stream, peer, router, limits, stopping).await;
            drop(slot);
        });
    }
    drop(listener);
    let drained =
        tokio::time::timeout(limits.grace, async { while connections.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        tracing::warn!(grace = ?limits.grace, "shutdown grace expired; dropping the remaining connections");
        connections.abort_all();
    }
    Ok(())
}

/// Completes once shutdown has begun (or its sender is gone).
async fn stopped(stopping: &mut watch::Receiver<bool>) {
    let _ = stopping.wait_for(|s| *s).await;
}

/// Errors that concern one connection only, after which accepting again is fine.
fn is_per_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

/// Runs one connection to its end, or until shutdown: a connection with no request in
/// flight (idle, or still sending its head) is closed at once; one with a request finishes
/// it, then closes.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    limits: ConnectionLimits,
    mut stopping: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let active = Arc::new(AtomicUsize::new(0));
    let service = ConnectionService { router, peer, active: active.clone() };
    let io = TokioIo::new(WriteTimeout::new(stream, limits.write_timeout));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_BUF_SIZE)
        .max_headers(2 * MAX_HEADERS)
        .keep_alive(true);
    let conn = builder.serve_connection(io, service);
    tokio::pin!(conn);
    let result = tokio::select! {
        result = conn.as_mut() => result,
        () = stopped(&mut stopping) => {
            if active.load(Ordering::SeqCst) == 0 {
                return;
            }
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(e) = result {
        // Timeouts and clients going away are routine; they are not worth a warning each.
        tracing::debug!(%peer, error = %e, "connection ended with an error");
    }
}

/// The router as a hyper service for one connection: it gives handlers the peer address
/// and counts the requests in flight (until their answer is written or dropped).
#[derive(Clone)]
struct ConnectionService {
    router: Router,
    peer: SocketAddr,
    active: Arc<AtomicUsize>,
}

impl hyper::service::Service<Request<Incoming>> for ConnectionService {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

    fn call(&self, mut request: Request<Incoming>) -> Self::Future {
        request.extensions_mut().insert(ConnectInfo(self.peer));
        let guard = InFlight::new(self.active.clone());
        let router = self.router.clone();
        Box::pin(async move {
            let response = router.oneshot(request.map(Body::new)).await?;
            Ok(hold_until_sent(response, guard))
        })
    }
}

/// Keeps `guard` alive until `response`'s body has been written or dropped.
pub(crate) fn hold_until_sent<G: Send + Sync + 'static>(
    response: Response<Body>,
    guard: G,
) -> Response<Body> {
    response.map(|body| {
        Body::new(body.map_frame(move |frame| {
            let _held = &guard;
            frame
        }))
    })
}

/// One request in flight on a connection.
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn new(active: Arc<AtomicUsize>) -> Self {
        active.fetch_add(1, Ordering::SeqCst);
        InFlight(active)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A stream whose writes fail with `TimedOut` once they have been blocked for `limit`: a
/// client that stops reading would otherwise hold its answer, and its memory, forever.
struct WriteTimeout<T> {
    inner: T,
    limit: Duration,
    blocked: Option<Pin<Box<Sleep>>>,
}

impl<T> WriteTimeout<T> {
    fn new(inner: T, limit: Duration) -> Self {
        WriteTimeout { inner, limit, blocked: None }
    }

    /// Passes a write's outcome through, starting the clock when it blocks and stopping it
    /// when it makes progress.
    fn watch<R>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<R>>) -> Poll<io::Result<R>> {
        match poll {
            Poll::Ready(result) => {
                self.blocked = None;
                Poll::Ready(result)
            }
            Poll::Pending => {
                let limit = self.limit;
                let timer = self.blocked.get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
                ready!(timer.as_mut().poll(cx));
                Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "the client stopped reading")))
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for WriteTimeout<T> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.watch(cx, poll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    #[tokio::test]
    async fn a_blocked_write_times_out() {
        // A duplex pipe with a 16-byte buffer that nobody reads: the second write blocks.
        let (near, _far) = tokio::io::duplex(16);
        let mut stream = WriteTimeout::new(near, Duration::from_millis(50));
        stream.write_all(&[0; 16]).await.unwrap();
        let started = std::time::Instant::now();
        let error = stream.write_all(&[0; 16]).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
