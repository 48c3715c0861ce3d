//! [`Fetcher`]: fetching `?url=` pages without becoming a proxy into the private network.
//!
//! Every hop (the first request and each redirect, followed by hand) is checked before it is
//! sent: scheme http(s), and every address the host resolves to must be public unless the
//! [`TargetPolicy`] allows it. The HTTP client's own DNS resolver applies the same rule again,
//! so a name that resolves differently the second time (DNS rebinding) cannot slip through.
//! Redirects, total time, body size and the fetches running at once are capped. URLs with a
//! user name or password are refused: the client would send them upstream as Basic auth.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{CONTENT_TYPE, LOCATION};
use tokio::sync::Semaphore;
use url::Url;

use crate::config::Config;
use crate::error::ApiError;

/// Which addresses may be fetched.
#[derive(Debug, Clone, Default)]
pub struct TargetPolicy {
    /// Allow every address (trusted deployments only).
    pub allow_private: bool,
    /// Non-public `ip:port` pairs allowed anyway.
    pub allowed: Vec<SocketAddr>,
}

impl TargetPolicy {
    /// Whether a connection to `addr` is allowed.
    pub fn allows(&self, addr: SocketAddr) -> bool {
        self.allow_private || is_public(addr.ip()) || self.allowed.contains(&addr)
    }

    /// The resolver sees no port, so it allows any address some allowed pair names; the
    /// port-exact check has already run on the hop before the request was sent.
    fn allows_ip(&self, ip: IpAddr) -> bool {
        self.allow_private || is_public(ip) || self.allowed.iter().any(|a| a.ip() == ip)
    }

    /// Resolves the URL's host and refuses it unless every address is allowed.
    pub async fn check(&self, url: &Url) -> Result<(), ApiError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ApiError::BadRequest(format!(
                "only http and https URLs can be fetched, not {}:",
                url.scheme()
            )));
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let addrs: Vec<SocketAddr> = match url.host() {
            Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(ip.into(), port)],
            Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(ip.into(), port)],
            Some(url::Host::Domain(name)) => tokio::net::lookup_host((name, port))
                .await
                .map_err(|_| ApiError::FetchFailed(format!("could not resolve the host {name}")))?
                .collect(),
            None => return Err(ApiError::BadRequest("the URL has no host".into())),
        };
        if addrs.is_empty() {
            return Err(ApiError::FetchFailed("the host has no addresses".into()));
        }
        if let Some(bad) = addrs.iter().find(|a| !self.allows(**a)) {
            return Err(ApiError::TargetRefused(format!(
                "refusing to fetch {}: it resolves to {}, which is not a public address \
                 (loopback, private, link-local, multicast and metadata addresses are refused)",
                url.host_str().unwrap_or_default(),
                bad.ip()
            )));
        }
        Ok(())
    }
}

/// Whether an address is on the public internet: not loopback, private, link-local (which
/// holds the cloud metadata address 169.254.169.254), shared, multicast, broadcast,
/// documentation, benchmarking, reserved or unspecified; IPv6 forms that embed an IPv4
/// address are judged by that address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT), Alibaba metadata
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let seg = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach an embedded IPv4 address.
    if seg[0] == 0x64 && seg[1] == 0xff9b && seg[2..6] == [0, 0, 0, 0] {
        let [a, b] = seg[6].to_be_bytes();
        let [c, d] = seg[7].to_be_bytes();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    if seg[0] == 0x2002 {
        let [a, b] = seg[1].to_be_bytes();
        let [c, d] = seg[2].to_be_bytes();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (seg[0] & 0xfe00) == 0xfc00 // unique local, holds fd00:ec2::254 (metadata)
        || (seg[0] & 0xffc0) == 0xfe80 // link-local
        || (seg[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
        || seg[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible (deprecated)
}

/// The HTTP client's resolver: drops addresses the policy refuses.
#[derive(Debug)]
struct GuardedResolver {
    policy: Arc<TargetPolicy>,
}

#[derive(Debug, thiserror::Error)]
#[error("every address of the host is refused by the target policy")]
struct AllRefused;

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy.clone();
        Box::pin(async move {
            let addrs = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = addrs.filter(|a| policy.allows_ip(a.ip())).collect();
            if allowed.is_empty() {
                return Err(Box::new(AllRefused) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// A fetched page.
#[derive(Debug)]
pub struct Fetched {
    /// The address the page was finally read from, after redirects.
    pub url: String,
    /// The body, at most the configured size.
    pub body: Bytes,
    /// The response's `Content-Type`, whose charset the core honours.
    pub content_type: Option<String>,
}

/// Fetches pages under a [`TargetPolicy`] with redirect, time and size caps.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    policy: Arc<TargetPolicy>,
    max_bytes: usize,
    max_redirects: usize,
    timeout: Duration,
    /// Fetches running at once, so a batch of URLs cannot open thousands of connections.
    slots: Semaphore,
}

impl Fetcher {
    /// A fetcher with the limits and policy of `config`.
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let policy = Arc::new(TargetPolicy {
            allow_private: config.allow_private_targets,
            allowed: config.allow_targets.clone(),
        });
        // reqwest is built without a crypto provider (see the workspace manifest); a second
        // install in one process is refused harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver { policy: policy.clone() }))
            .connect_timeout(config.fetch_timeout())
            .timeout(config.fetch_timeout())
            .user_agent(concat!("lede-server/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Fetcher {
            client,
            policy,
            max_bytes: config.fetch_max_bytes,
            max_redirects: config.fetch_max_redirects,
            timeout: config.fetch_timeout(),
            slots: Semaphore::new(config.fetch_concurrency.max(1)),
        })
    }

    /// Fetches `url`, following at most the configured number of redirects. The wait for a
    /// fetch slot counts against the fetch's time.
    pub async fn fetch(&self, url: &str) -> Result<Fetched, ApiError> {
        // The text of an unparsable URL is not echoed: it may hold credentials.
        let url = Url::parse(url).map_err(|e| ApiError::BadRequest(format!("the url is not valid: {e}")))?;
        if has_credentials(&url) {
            return Err(ApiError::BadRequest(
                "the url holds a user name or password; pages are only fetched without credentials".into(),
            ));
        }
        let fetch = async {
            let _slot = self.slots.acquire().await.map_err(ApiError::internal)?;
            self.follow(url).await
        };
        match tokio::time::timeout(self.timeout, fetch).await {
            Ok(result) => result,
            Err(_) => Err(ApiError::FetchTimeout(self.timeout)),
        }
    }

    async fn follow(&self, mut url: Url) -> Result<Fetched, ApiError> {
        for _ in 0..=self.max_redirects {
            self.policy.check(&url).await?;
            let mut response = self.client.get(url.clone()).send().await.map_err(|e| {
                tracing::warn!(url = %url, error = %error_chain(&e), "fetch failed");
                if e.is_timeout() {
                    ApiError::FetchTimeout(self.timeout)
                } else {
                    ApiError::FetchFailed(format!("could not fetch {url}"))
                }
            })?;
            let status = response.status();
            if status.is_redirection() {
                if let Some(location) = response.headers().get(LOCATION) {
                    let location = location.to_str().map_err(|_| {
                        ApiError::FetchFailed("the page redirects to an unreadable location".into())
                    })?;
                    url = url
                        .join(location)
                        .map_err(|_| ApiError::FetchFailed("the page redirects to an invalid URL".into()))?;
                    if has_credentials(&url) {
                        return Err(ApiError::FetchFailed(
                            "the page redirects to a URL with a user name or password".into(),
                        ));
                    }
                    continue;
                }
            }
            if !status.is_success() {
                return Err(ApiError::FetchFailed(format!("the page answered HTTP {status}")));
            }
            let too_large = || {
                ApiError::FetchFailed(format!(
                    "the page is larger than the limit of {} bytes",
                    self.max_bytes
                ))
            };
            if response.content_length().is_some_and(|n| n > self.max_bytes as u64) {
                return Err(too_large());
            }
            let content_type =
                response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| {
                tracing::warn!(url = %url, error = %error_chain(&e), "fetch body failed");
                if e.is_timeout() {
                    // A page sent drop by drop: the time limit, not a broken upstream.
                    ApiError::FetchTimeout(self.timeout)
                } else {
                    ApiError::FetchFailed(format!("the connection to {url} failed while reading the page"))
                }
            })? {
                if body.len() + chunk.len() > self.max_bytes {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            return Ok(Fetched { url: url.to_string(), body: body.into(), content_type });
        }
        Err(ApiError::FetchFailed(format!("more than {} redirects", self.max_redirects)))
    }
}

fn has_credentials(url: &Url) -> bool {
    !url.username().is_empty() || url.password().is_some()
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public(s.parse().unwrap())
    }

    #[test]
    fn refuses_non_public_addresses() {
        for ip in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.100.100.200",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "240.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "fc00::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2001:db8::1",
        ] {
            assert!(!public(ip), "{ip} should be refused");
        }
    }

    #[test]
    fn allows_public_addresses() {
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808", "::ffff:1.1.1.1"] {
            assert!(public(ip), "{ip} should be allowed");
        }
    }

    #[test]
    fn allowed_pairs_are_port_exact() {
        let policy = TargetPolicy { allow_private: false, allowed: vec!["127.0.0.1:9000".parse().unwrap()] };
        assert!(policy.allows("127.0.0.1:9000".parse().unwrap()));
        assert!(!policy.allows("127.0.0.1:9001".parse().unwrap()));
        let open = TargetPolicy { allow_private: true, allowed: vec![] };
        assert!(open.allows("10.0.0.1:80".parse().unwrap()));
    }

    #[tokio::test]
    async fn check_refuses_bad_schemes_and_localhost_names() {
        let policy = TargetPolicy::default();
        let err = policy.check(&Url::parse("file:///etc/passwd").unwrap()).await.unwrap_err();
        assert_eq!(err.code(), "bad_request");
        let err = policy.check(&Url::parse("http://localhost:1/").unwrap()).await.unwrap_err();
        assert_eq!(err.code(), "target_refused");
        let err = policy.check(&Url::parse("http://[::1]:1/").unwrap()).await.unwrap_err();
        assert_eq!(err.code(), "target_refused");
    }
}
