//! [`AppState`]: what every handler shares — configuration, limiter, metrics, fetcher.

use std::sync::Arc;

use crate::config::Config;
use crate::fetch::Fetcher;
use crate::limiter::Limiter;
use crate::metrics::Metrics;

/// Shared server state; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    limiter: Limiter,
    metrics: Metrics,
    fetcher: Fetcher,
}

impl AppState {
    /// Builds the state for `config`; fails only if the HTTP client cannot be built.
    pub fn new(config: Config) -> anyhow::Result<Self> {
        let limiter = Limiter::new(config.worker_count(), config.queue, config.extract_timeout());
        let fetcher = Fetcher::new(&config)?;
        Ok(AppState { inner: Arc::new(Inner { config, limiter, metrics: Metrics::default(), fetcher }) })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Admission control and the extraction pool.
    pub fn limiter(&self) -> &Limiter {
        &self.inner.limiter
    }

    /// The counters behind `/metrics`.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The SSRF-guarded fetcher.
    pub fn fetcher(&self) -> &Fetcher {
        &self.inner.fetcher
    }
}
