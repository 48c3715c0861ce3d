//! [`Config`]: every setting of the server, from flags or `LEDE_*` environment variables.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;

/// How the server runs. Each flag has an environment variable twin; flags win.
#[derive(Debug, Clone, Parser)]
#[command(name = "lede-server", version, about = "HTTP API and web page for Lede")]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "LEDE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Largest request body accepted, in bytes (413 above it).
    #[arg(long, env = "LEDE_MAX_BODY_BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_body_bytes: usize,

    /// Extractions run at once (CPU-bound). Default: the number of CPUs.
    #[arg(long, env = "LEDE_WORKERS")]
    pub workers: Option<usize>,

    /// Requests allowed to wait for a worker; beyond workers + queue, 503 with Retry-After.
    /// The default keeps the worst queueing delay near 8 extraction times per worker.
    #[arg(long, env = "LEDE_QUEUE", default_value_t = 16)]
    pub queue: usize,

    /// Longest one extraction (including its wait for a worker) may take, in milliseconds.
    #[arg(long, env = "LEDE_EXTRACT_TIMEOUT_MS", default_value_t = 10_000)]
    pub extract_timeout_ms: u64,

    /// Longest a whole request may take, in milliseconds.
    #[arg(long, env = "LEDE_REQUEST_TIMEOUT_MS", default_value_t = 30_000)]
    pub request_timeout_ms: u64,

    /// Most documents in one batch request.
    #[arg(long, env = "LEDE_MAX_BATCH", default_value_t = 32)]
    pub max_batch: usize,

    /// Longest a fetch of `?url=` may take, redirects included, in milliseconds.
    #[arg(long, env = "LEDE_FETCH_TIMEOUT_MS", default_value_t = 10_000)]
    pub fetch_timeout_ms: u64,

    /// Largest fetched page, in bytes.
    #[arg(long, env = "LEDE_FETCH_MAX_BYTES", default_value_t = 8 * 1024 * 1024)]
    pub fetch_max_bytes: usize,

    /// Most redirects followed per fetch.
    #[arg(long, env = "LEDE_FETCH_MAX_REDIRECTS", default_value_t = 5)]
    pub fetch_max_redirects: usize,

    /// Allow fetching loopback, private, link-local and other non-public addresses.
    /// Only for trusted deployments: it lets any client reach your internal network.
    #[arg(long, env = "LEDE_ALLOW_PRIVATE_TARGETS")]
    pub allow_private_targets: bool,

    /// Allow fetching this one `ip:port` even though it is not public (repeatable;
    /// comma-separated in the environment).
    #[arg(long = "allow-target", env = "LEDE_ALLOW_TARGETS", value_delimiter = ',')]
    pub allow_targets: Vec<SocketAddr>,

    /// Most connections open at once; beyond it, new connections wait in the kernel's backlog.
    /// Keep it under the file-descriptor limit (`ulimit -n`).
    #[arg(long, env = "LEDE_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,

    /// Longest a client may take to send a request's headers, in milliseconds; also the
    /// longest a kept-alive connection may sit idle between requests.
    #[arg(long, env = "LEDE_HEADER_TIMEOUT_MS", default_value_t = 10_000)]
    pub header_timeout_ms: u64,

    /// Longest a client may take to send a request's body, in milliseconds (408 after it).
    #[arg(long, env = "LEDE_BODY_TIMEOUT_MS", default_value_t = 10_000)]
    pub body_timeout_ms: u64,

    /// Longest a write to a client may stay blocked, in milliseconds: a client that stops
    /// reading its answer is disconnected after it, freeing the answer's memory.
    #[arg(long, env = "LEDE_WRITE_TIMEOUT_MS", default_value_t = 10_000)]
    pub write_timeout_ms: u64,

    /// Most upstream fetches running at once, across all requests (a batch of URLs included).
    #[arg(long, env = "LEDE_FETCH_CONCURRENCY", default_value_t = 16)]
    pub fetch_concurrency: usize,

    /// How long shutdown waits for in-flight requests, in milliseconds.
    #[arg(long, env = "LEDE_SHUTDOWN_GRACE_MS", default_value_t = 10_000)]
    pub shutdown_grace_ms: u64,

    /// Log format.
    #[arg(long, env = "LEDE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How log lines are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: 8 * 1024 * 1024,
            workers: None,
            queue: 16,
            extract_timeout_ms: 10_000,
            request_timeout_ms: 30_000,
            max_batch: 32,
            fetch_timeout_ms: 10_000,
            fetch_max_bytes: 8 * 1024 * 1024,
            fetch_max_redirects: 5,
            allow_private_targets: false,
            allow_targets: Vec::new(),
            max_connections: 512,
            header_timeout_ms: 10_000,
            body_timeout_ms: 10_000,
            write_timeout_ms: 10_000,
            fetch_concurrency: 16,
            shutdown_grace_ms: 10_000,
            log_format: LogFormat::Text,
        }
    }
}

impl Config {
    /// Extraction workers: the flag, or the number of CPUs (at least one).
    pub fn worker_count(&self) -> usize {
        self.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1)
    }

    /// [`Config::extract_timeout_ms`] as a duration.
    pub fn extract_timeout(&self) -> Duration {
        Duration::from_millis(self.extract_timeout_ms)
    }

    /// [`Config::request_timeout_ms`] as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms)
    }

    /// [`Config::fetch_timeout_ms`] as a duration.
    pub fn fetch_timeout(&self) -> Duration {
        Duration::from_millis(self.fetch_timeout_ms)
    }

    /// [`Config::body_timeout_ms`] as a duration.
    pub fn body_timeout(&self) -> Duration {
        Duration::from_millis(self.body_timeout_ms)
    }

    /// What [`crate::serve`] needs to know about connections.
    pub fn connection_limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            max_connections: self.max_connections.max(1),
            header_timeout: Duration::from_millis(self.header_timeout_ms),
            write_timeout: Duration::from_millis(self.write_timeout_ms),
            grace: self.shutdown_grace(),
        }
    }

    /// [`Config::shutdown_grace_ms`] as a duration.
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_millis(self.shutdown_grace_ms)
    }
}

/// The limits [`crate::serve`] puts on connections.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Most connections open at once.
    pub max_connections: usize,
    /// Longest wait for a request's headers (and between kept-alive requests).
    pub header_timeout: Duration,
    /// Longest a write to the client may stay blocked.
    pub write_timeout: Duration,
    /// How long shutdown waits for in-flight requests.
    pub grace: Duration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matches_flag_defaults() {
        let parsed = Config::try_parse_from(["lede-server"]).unwrap();
        let default = Config::default();
        assert_eq!(format!("{parsed:?}"), format!("{default:?}"));
    }
}
