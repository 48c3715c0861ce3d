//! Fetching pages over HTTP(S) for `lede extract`: one shared client with timeouts, a body
//! size limit and a redirect limit, and per-host politeness for batches of URLs.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use reqwest::blocking::Client;

use crate::args::FetchArgs;

/// A fetched page.
#[derive(Debug)]
pub(crate) struct Page {
    /// The address after redirects, used as the page's URL.
    pub(crate) url: String,
    /// The `Content-Type` header, whose charset the core honours.
    pub(crate) content_type: Option<String>,
    /// The body, decompressed.
    pub(crate) body: Vec<u8>,
}

/// Fetches URLs; shared by all worker threads.
pub(crate) struct Fetcher {
    /// The HTTP client (connection pool shared across threads).
    client: Client,
    /// Largest body accepted.
    max_bytes: u64,
    /// Per-host concurrency and delay.
    gate: HostGate,
}

impl Fetcher {
    /// A fetcher configured from the command line.
    pub(crate) fn new(args: &FetchArgs) -> Result<Fetcher> {
        let timeout =
            Duration::try_from_secs_f64(args.timeout).context("--timeout must be a positive number")?;
        // reqwest is built without a crypto provider (see the workspace manifest); a second
        // install in one process is refused harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::limited(args.max_redirects))
            .user_agent(&args.user_agent)
            .build()
            .context("cannot set up the HTTP client")?;
        let delay =
            Duration::try_from_secs_f64(args.host_delay).context("--host-delay must be a positive number")?;
        Ok(Fetcher { client, max_bytes: args.max_bytes, gate: HostGate::new(args.per_host.max(1), delay) })
    }

    /// Fetches one URL, waiting for its host's turn first.
    pub(crate) fn fetch(&self, url: &str) -> Result<Page> {
        let parsed = reqwest::Url::parse(url).with_context(|| format!("{url} is not a valid URL"))?;
        let host = parsed.host_str().unwrap_or_default().to_owned();
        let _turn = self.gate.enter(&host);
        let response = self.client.get(parsed).send().map_err(describe)?;
        let status = response.status();
        if !status.is_success() {
            bail!("the server answered {status}");
        }
        if let Some(len) = response.content_length().filter(|len| *len > self.max_bytes) {
            bail!("the body is {len} bytes, more than the limit of {} (--max-bytes)", self.max_bytes);
        }
        let final_url = response.url().to_string();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut body = Vec::new();
        response.take(self.max_bytes + 1).read_to_end(&mut body).context("cannot read the response body")?;
        if body.len() as u64 > self.max_bytes {
            bail!("the body is more than the limit of {} bytes (--max-bytes)", self.max_bytes);
        }
        Ok(Page { url: final_url, content_type, body })
    }
}

/// Names the kind of a request failure, which reqwest's top-level message leaves vague.
fn describe(e: reqwest::Error) -> anyhow::Error {
    let what = if e.is_timeout() {
        "the request timed out (--timeout)"
    } else if e.is_redirect() {
        "too many redirects (--max-redirects)"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "the request failed"
    };
    anyhow::Error::new(e).context(what)
}

/// Politeness per host: at most `per_host` requests in flight, starting at least `delay` apart.
struct HostGate {
    /// State per host.
    hosts: Mutex<HashMap<String, HostState>>,
    /// Signalled whenever a request finishes.
    changed: Condvar,
    /// Most requests in flight per host.
    per_host: usize,
    /// Least time between two request starts per host.
    delay: Duration,
}

/// One host's state in the [`HostGate`].
#[derive(Default)]
struct HostState {
    /// Requests in flight.
    in_flight: usize,
    /// When the next request may start.
    next_start: Option<Instant>,
}

/// A request's turn at a host; dropping it frees the slot.
struct Turn<'a> {
    /// The gate.
    gate: &'a HostGate,
    /// The host.
    host: String,
}

impl HostGate {
    /// A gate with the given limits.
    fn new(per_host: usize, delay: Duration) -> Self {
        HostGate { hosts: Mutex::new(HashMap::new()), changed: Condvar::new(), per_host, delay }
    }

    /// Waits until `host` has a free slot and its delay has passed, then takes the slot.
    fn enter(&self, host: &str) -> Turn<'_> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let state = hosts.entry(host.to_owned()).or_default();
            let now = Instant::now();
            if state.in_flight < self.per_host {
                match state.next_start {
                    Some(t) if t > now => {
                        let wait = t - now;
                        hosts = self.changed.wait_timeout(hosts, wait).unwrap_or_else(|p| p.into_inner()).0;
                    }
                    _ => {
                        state.in_flight += 1;
                        state.next_start = Some(now + self.delay);
                        return Turn { gate: self, host: host.to_owned() };
                    }
                }
            } else {
                hosts = self.changed.wait(hosts).unwrap_or_else(|p| p.into_inner());
            }
        }
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut hosts = self.gate.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(state) = hosts.get_mut(&self.host) {
            state.in_flight = state.in_flight.saturating_sub(1);
        }
        drop(hosts);
        self.gate.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_spaces_requests_to_one_host() {
        let gate = HostGate::new(1, Duration::from_millis(40));
        let start = Instant::now();
        drop(gate.enter("a"));
        drop(gate.enter("b"));
        assert!(start.elapsed() < Duration::from_millis(40), "other hosts do not wait");
        drop(gate.enter("a"));
        assert!(start.elapsed() >= Duration::from_millis(40));
    }
}
