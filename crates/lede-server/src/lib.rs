//! `lede-server`: Lede over HTTP, for programs in any language, and a web page for people.
//!
//! [`app`] builds the whole service as an axum [`Router`]; [`serve`] runs it on a listener
//! until a shutdown signal, then drains in-flight requests, with a cap on
//! connections and timeouts on slow clients. The binary (`main.rs`) only
//! reads the [`Config`], sets up logging and calls these two.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! use lede_server::{AppState, Config, app, serve};
//!
//! let config = Config::default();
//! let listener = tokio::net::TcpListener::bind(config.listen).await?;
//! let limits = config.connection_limits();
//! let router = app(AppState::new(config)?);
//! serve(listener, router, async { let _ = tokio::signal::ctrl_c().await; }, limits).await?;
//! # Ok(()) }
//! ```

mod config;
mod error;
mod fetch;
mod limiter;
mod metrics;
mod middleware;
mod routes;
mod serve;
mod service;
mod state;

use axum::Router;
use axum::extract::OriginalUri;
use axum::http::Method;

pub use config::{Config, ConnectionLimits, LogFormat};
pub use error::ApiError;
pub use fetch::{TargetPolicy, is_public};
pub use routes::ops::OPENAPI;
pub use serve::serve;
pub use state::AppState;

/// The whole service: every route behind the middleware stack.
pub fn app(state: AppState) -> Router {
    let router = Router::new()
        .merge(routes::page::router())
        .merge(
            routes::extract::router()
                .merge(routes::batch::router())
                .route_layer(axum::middleware::from_fn_with_state(state.clone(), middleware::admit)),
        )
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
