//! [`Metrics`]: request, latency, extraction and error counters in the Prometheus text format.
//!
//! Hand-rolled rather than a metrics crate: a handful of series, a mutex taken for
//! nanoseconds per request, and an output format that fits in one function.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Debug, Default, Clone)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        for (bound, count) in BUCKETS.iter().zip(self.counts.iter_mut()) {
            if seconds <= *bound {
                *count += 1;
            }
        }
        self.count += 1;
        self.sum += seconds;
    }

    fn write(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, count) in BUCKETS.iter().zip(self.counts.iter()) {
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {count}");
        }
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}", self.count);
        let braces = if labels.is_empty() { String::new() } else { format!("{{{labels}}}") };
        let _ = writeln!(out, "{name}_sum{braces} {}", self.sum);
        let _ = writeln!(out, "{name}_count{braces} {}", self.count);
    }
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
    extraction: Histogram,
    errors: BTreeMap<&'static str, u64>,
}

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

impl Metrics {
    /// Counts one answered request; `route` is the matched route pattern, never the raw
    /// path, so the label set stays bounded.
    pub fn record_request(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let mut inner = self.lock();
        *inner.requests.entry((method.to_owned(), route.to_owned(), status)).or_default() += 1;
        inner.latency.entry(route.to_owned()).or_default().observe(elapsed.as_secs_f64());
    }

    /// Counts one error response by its code.
    pub fn record_error(&self, code: &'static str) {
        *self.lock().errors.entry(code).or_default() += 1;
    }

    /// Records how long one extraction took on its worker.
    pub fn record_extraction(&self, elapsed: Duration) {
        self.lock().extraction.observe(elapsed.as_secs_f64());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding this lock leaves only counters behind; they stay usable.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The Prometheus text exposition of every series; `in_flight` is sampled by the caller.
    pub fn render(&self, in_flight: usize) -> String {
        let inner = self.lock();
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP lede_http_requests_total HTTP requests answered.\n");
        out.push_str("# TYPE lede_http_requests_total counter\n");
        for ((method, route, status), n) in &inner.requests {
            let _ = writeln!(
                out,
                "lede_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        out.push_str("# HELP lede_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE lede_http_request_duration_seconds histogram\n");
        for (route, histogram) in &inner.latency {
            histogram.write(&mut out, "lede_http_request_duration_seconds", &format!("route=\"{route}\""));
        }
        out.push_str("# HELP lede_extraction_duration_seconds Time one extraction ran on a worker.\n");
        out.push_str("# TYPE lede_extraction_duration_seconds histogram\n");
        inner.extraction.write(&mut out, "lede_extraction_duration_seconds", "");
        out.push_str("# HELP lede_errors_total Error responses by code.\n");
        out.push_str("# TYPE lede_errors_total counter\n");
        for (code, n) in &inner.errors {
            let _ = writeln!(out, "lede_errors_total{{code=\"{code}\"}} {n}");
        }
        out.push_str("# HELP lede_extractions_in_flight Requests admitted to the extraction path.\n");
        out.push_str("# TYPE lede_extractions_in_flight gauge\n");
        let _ = writeln!(out, "lede_extractions_in_flight {in_flight}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_histograms() {
        let metrics = Metrics::default();
        metrics.record_request("GET", "/healthz", 200, Duration::from_millis(3));
        metrics.record_error("overloaded");
        metrics.record_extraction(Duration::from_millis(2));
        let text = metrics.render(1);
        assert!(
            text.contains("lede_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1")
        );
        assert!(
            text.contains("lede_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.005\"} 1")
        );
        assert!(
            text.contains("lede_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0025\"} 0")
        );
        assert!(text.contains("lede_extraction_duration_seconds_count 1"));
        assert!(text.contains("lede_errors_total{code=\"overloaded\"} 1"));
        assert!(text.contains("lede_extractions_in_flight 1"));
    }
}
