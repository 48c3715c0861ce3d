//! [`Limiter`]: admission control and the blocking pool that CPU-bound extraction runs in.
//!
//! Two semaphores: `admission` bounds the requests in the extraction path at all (running
//! plus waiting) and is taken without waiting, so an overloaded server answers 503 at once
//! instead of queueing without bound; `workers` bounds the extractions running at once.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// Admission control plus the bounded blocking pool.
#[derive(Debug)]
pub struct Limiter {
    admission: Arc<Semaphore>,
    admission_capacity: usize,
    workers: Arc<Semaphore>,
    timeout: Duration,
}

/// A place in the extraction path, held for the life of a request.
#[derive(Debug)]
pub struct Admission {
    _permit: OwnedSemaphorePermit,
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
        }
    }

    /// Takes `n` places without waiting, or answers [`ApiError::Overloaded`].
    pub fn admit(&self, n: usize) -> Result<Admission, ApiError> {
        let n = u32::try_from(n.clamp(1, self.admission_capacity)).map_err(ApiError::internal)?;
        match self.admission.clone().try_acquire_many_owned(n) {
            Ok(permit) => Ok(Admission { _permit: permit }),
            Err(_) => Err(ApiError::Overloaded),
        }
    }

    /// Requests currently admitted (running or waiting).
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

    #[test]
    fn admission_refuses_beyond_capacity() {
        let limiter = Limiter::new(1, 1, Duration::from_secs(1));
        let a = limiter.admit(1).unwrap();
        let b = limiter.admit(1).unwrap();
        assert!(matches!(limiter.admit(1), Err(ApiError::Overloaded)));
        assert_eq!(limiter.in_flight(), 2);
        drop((a, b));
        assert!(limiter.admit(2).is_ok());
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
