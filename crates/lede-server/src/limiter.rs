//! [`Limiter`]: admission control and the blocking pool that CPU-bound extraction runs in.
//!
//! Two semaphores: `admission` bounds the requests in the extraction path at all (reading
//! their body, waiting, running, or writing their answer) and is taken without waiting, so
//! an overloaded server answers 503 at once instead of queueing without bound; `workers`
//! bounds the extractions running at once.
//!
//! Admission is also fair between clients (by IP address, IPv6 by /64): when several
//! clients want places, none may hold more than an equal share of them. A client that was
//! refused lately still counts as wanting places for [`CONTENDING`], so one that honours
//! `Retry-After` finds its share free when it comes back instead of losing every race to
//! clients that retry at once.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::{ApiError, RETRY_AFTER_SECS};

/// How long a refused client keeps its claim to a share: a little over `Retry-After`.
const CONTENDING: Duration = Duration::from_secs(RETRY_AFTER_SECS * 3);

/// Clients remembered at most; refusals past it are not remembered (fairness degrades to
/// first come, first served, but memory stays bounded).
const MAX_CLIENTS: usize = 4096;

/// Table size past which clients no longer contending are forgotten.
const PRUNE_AT: usize = 256;

/// Who is asking, as far as fairness goes: an IPv4 address or an IPv6 /64 (one host's
/// usual allotment), or `None` when the connection's address is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Client(Option<IpAddr>);

impl Client {
    /// The client a peer address stands for.
    pub fn new(ip: Option<IpAddr>) -> Self {
        Client(ip.map(|ip| match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => {
                    let bits = u128::from(v6) & !((1u128 << 64) - 1);
                    IpAddr::V6(bits.into())
                }
            },
            v4 => v4,
        }))
    }
}

/// Admission control plus the bounded blocking pool.
#[derive(Debug)]
pub struct Limiter {
    admission: Arc<Semaphore>,
    admission_capacity: usize,
    workers: Arc<Semaphore>,
    timeout: Duration,
    clients: Arc<Mutex<Clients>>,
}

/// What admission knows of each client that holds places or was refused lately.
#[derive(Debug, Default)]
struct Clients(HashMap<Client, Share>);

#[derive(Debug, Default)]
struct Share {
    held: usize,
    refused_at: Option<Instant>,
}

impl Share {
    fn contending(&self, now: Instant) -> bool {
        self.held > 0 || self.refused_at.is_some_and(|at| now.duration_since(at) < CONTENDING)
    }
}

impl Clients {
    fn refuse(&mut self, client: Client, now: Instant) -> ApiError {
        if self.0.len() >= MAX_CLIENTS {
            self.0.retain(|_, share| share.contending(now));
        }
        if self.0.len() < MAX_CLIENTS || self.0.contains_key(&client) {
            self.0.entry(client).or_default().refused_at = Some(now);
        }
        ApiError::Overloaded
    }

    fn release(&mut self, client: Client, n: usize) {
        if let Some(share) = self.0.get_mut(&client) {
            share.held = share.held.saturating_sub(n);
            if share.held == 0 && share.refused_at.is_none() {
                self.0.remove(&client);
            }
        }
    }
}

/// Places in the extraction path, held for the life of a request (until its answer is
/// written).
#[derive(Debug)]
pub struct Admission {
    permit: Option<OwnedSemaphorePermit>,
    client: Client,
    clients: Arc<Mutex<Clients>>,
}

impl Drop for Admission {
    fn drop(&mut self) {
        if let Some(permit) = self.permit.take() {
            let n = permit.num_permits();
            drop(permit);
            self.clients.lock().unwrap_or_else(PoisonError::into_inner).release(self.client, n);
        }
    }
}

impl Limiter {
    /// `workers` extractions at once, `queue` more waiting, each limited to `timeout`.
    pub fn new(workers: usize, queue: usize, timeout: Duration) -> Self {
        let workers = workers.max(1);
        let admission_capacity = workers + queue;
        Limiter {
            admission: Arc::new(Semaphore::new(admission_capacity)),
            admission_capacity,
            workers: Arc::new(Semaphore::new(workers)),
            timeout,
            clients: Arc::default(),
        }
    }

    /// Takes a request's first place without waiting, or answers [`ApiError::Overloaded`]:
    /// when every place is taken, or when other clients contend and `client` already holds
    /// its share.
    pub fn admit(&self, client: Client) -> Result<Admission, ApiError> {
        self.take(client, 1)
    }

    /// Takes up to `n` more places for a request that holds one already (a batch takes a
    /// place per document), never more than the capacity in all.
    pub fn admit_more(&self, client: Client, n: usize) -> Result<Admission, ApiError> {
        self.take(client, n.min(self.admission_capacity - 1))
    }

    fn take(&self, client: Client, n: usize) -> Result<Admission, ApiError> {
        let clients = self.clients.clone();
        if n == 0 {
            return Ok(Admission { permit: None, client, clients });
        }
        let count = u32::try_from(n).map_err(ApiError::internal)?;
        let now = Instant::now();
        let mut table = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        if table.0.len() > PRUNE_AT {
            table.0.retain(|_, share| share.contending(now));
        }
        let contending =
            table.0.iter().filter(|(c, share)| **c != client && share.contending(now)).count() + 1;
        let share = self.admission_capacity.div_ceil(contending);
        let held = table.0.get(&client).map_or(0, |s| s.held);
        if contending > 1 && held + n > share {
            return Err(table.refuse(client, now));
        }
        let Ok(permit) = self.admission.clone().try_acquire_many_owned(count) else {
            return Err(table.refuse(client, now));
        };
        let entry = table.0.entry(client).or_default();
        entry.held += n;
        // A client that got in no longer needs its claim from an old refusal.
        entry.refused_at = None;
        drop(table);
        Ok(Admission { permit: Some(permit), client, clients })
    }

    /// Requests currently admitted (reading, waiting, running or answering).
    pub fn in_flight(&self) -> usize {
        self.admission_capacity - self.admission.available_permits()
    }

    /// Runs `work` on the blocking pool once a worker is free. The wait and the work together
    /// are limited by the timeout; work that overruns keeps its worker until it ends (the
    /// thread cannot be stopped), so runaway documents still count against the limit.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let workers = self.workers.clone();
        let job = async move {
            let permit = workers.acquire_owned().await.map_err(ApiError::internal)?;
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                work()
            })
            .await
            .map_err(|e| {
                if e.is_panic() { ApiError::internal("extraction panicked") } else { ApiError::internal(e) }
            })
        };
        match tokio::time::timeout(self.timeout, job).await {
            Ok(result) => result,
            Err(_) => Err(ApiError::ExtractionTimeout(self.timeout)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(ip: &str) -> Client {
        Client::new(Some(ip.parse().unwrap()))
    }

    #[test]
    fn admission_refuses_beyond_capacity() {
        let limiter = Limiter::new(1, 1, Duration::from_secs(1));
        let a = limiter.admit(Client::new(None)).unwrap();
        let b = limiter.admit(Client::new(None)).unwrap();
        assert!(matches!(limiter.admit(Client::new(None)), Err(ApiError::Overloaded)));
        assert_eq!(limiter.in_flight(), 2);
        drop((a, b));
        let first = limiter.admit(Client::new(None)).unwrap();
        assert!(limiter.admit_more(Client::new(None), 5).is_ok(), "clamped to the capacity");
        drop(first);
        assert_eq!(limiter.in_flight(), 0);
    }

    #[test]
    fn a_refused_client_gets_its_share_back_from_a_greedy_one() {
        let limiter = Limiter::new(2, 2, Duration::from_secs(1));
        let greedy: Vec<_> = (0..4).map(|_| limiter.admit(client("10.0.0.1")).unwrap()).collect();
        assert!(limiter.admit(client("10.0.0.2")).is_err(), "full");
        // Places come free; the greedy client may not take them back past its share (2 of 4)
        // while the refused one is still contending.
        drop(greedy);
        let again: Vec<_> = (0..2).map(|_| limiter.admit(client("10.0.0.1")).unwrap()).collect();
        assert!(limiter.admit(client("10.0.0.1")).is_err(), "over its share");
        let polite = limiter.admit(client("10.0.0.2"));
        assert!(polite.is_ok(), "the polite client finds its share free");
        drop((again, polite));
    }

    #[test]
    fn one_client_alone_may_use_every_place() {
        let limiter = Limiter::new(1, 3, Duration::from_secs(1));
        let all: Vec<_> = (0..4).map(|_| limiter.admit(client("10.0.0.1")).unwrap()).collect();
        assert_eq!(limiter.in_flight(), 4);
        drop(all);
        assert!(limiter.clients.lock().unwrap().0.is_empty(), "nothing kept for an idle client");
    }

    #[test]
    fn ipv6_clients_are_grouped_by_64() {
        assert_eq!(client("2001:db8:1:2::1"), client("2001:db8:1:2:ffff::9"));
        assert_ne!(client("2001:db8:1:2::1"), client("2001:db8:1:3::1"));
        assert_eq!(client("::ffff:10.0.0.1"), client("10.0.0.1"));
    }

    #[tokio::test]
    async fn overrunning_work_times_out() {
        let limiter = Limiter::new(1, 0, Duration::from_millis(50));
        let result = limiter.run(|| std::thread::sleep(Duration::from_millis(300))).await;
        assert!(matches!(result, Err(ApiError::ExtractionTimeout(_))));
    }

    #[tokio::test]
    async fn panicking_work_is_an_internal_error() {
        let limiter = Limiter::new(1, 0, Duration::from_secs(5));
        let result: Result<(), _> = limiter.run(|| panic!("boom")).await;
        assert!(matches!(result, Err(ApiError::Internal(_))));
    }
}
