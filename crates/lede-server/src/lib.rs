//! `lede-server`: Lede over HTTP, for programs in any language, and a web page for people.
//!
//! [`app`] builds the whole service as an axum [`Router`]; [`serve`] runs it on a listener
//! until a shutdown signal, then drains in-flight requests. The binary (`main.rs`) only
//! reads the [`Config`], sets up logging and calls these two.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! use lede_server::{AppState, Config, app, serve};
//!
//! let config = Config::default();
//! let listener = tokio::net::TcpListener::bind(config.listen).await?;
//! let grace = config.shutdown_grace();
//! let router = app(AppState::new(config)?);
//! serve(listener, router, async { let _ = tokio::signal::ctrl_c().await; }, grace).await?;
//! # Ok(()) }
//! ```

mod config;
mod error;
mod fetch;
mod limiter;
mod metrics;
mod middleware;
mod routes;
mod service;
mod state;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::OriginalUri;
use axum::http::Method;
use tokio::net::TcpListener;

pub use config::{Config, LogFormat};
pub use error::ApiError;
pub use fetch::{TargetPolicy, is_public};
pub use routes::ops::OPENAPI;
pub use state::AppState;

/// The whole service: every route behind the middleware stack.
pub fn app(state: AppState) -> Router {
    let router = Router::new()
        .merge(routes::page::router())
        .merge(routes::extract::router())
        .merge(routes::batch::router())
        .merge(routes::ops::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone());
    middleware::stack(router, &state)
}

async fn not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(uri.path().to_owned())
}

async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::MethodNotAllowed(method.to_string())
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, lets
/// in-flight requests finish for up to `grace`, and returns.
pub async fn serve<F>(
    listener: TcpListener,
    router: Router,
    shutdown: F,
    grace: Duration,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let (stopping_tx, mut stopping_rx) = tokio::sync::watch::channel(false);
    let signal = async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, draining in-flight requests");
        let _ = stopping_tx.send(true);
    };
    let server = axum::serve(listener, router).with_graceful_shutdown(signal);
    let deadline = async move {
        if stopping_rx.wait_for(|stopping| *stopping).await.is_ok() {
            tokio::time::sleep(grace).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        result = server => result,
        () = deadline => {
            tracing::warn!(?grace, "shutdown grace expired; dropping the remaining connections");
            Ok(())
        }
    }
}
