//! Helpers: building the app, calling it, and local servers on 127.0.0.1 to fetch from.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use lede_server::{AppState, Config, app};
use serde_json::Value;
use tokio::sync::oneshot;
use tower::ServiceExt;

pub(crate) const ARTICLE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Rain returns to the valley | Daily Bugle</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rain returns to the valley</h1>
<p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it through the weekend.</p>
<p>Farmers, who had warned of failing crops for weeks, welcomed the change in the weather and said the timing could still save the harvest.</p>
<p>"We had almost given up," said one grower, standing at the edge of a field that had turned from brown to green in two days.</p>
</article><footer>Copyright Daily Bugle</footer></body></html>"#;

/// An HTTP client for talking to a test server (reqwest is built without a crypto provider,
/// so one is installed first, as the binaries do).
pub(crate) fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().no_proxy().build().unwrap()
}

pub(crate) fn article_100k() -> &'static [u8] {
    include_bytes!("../fixtures/article-100k.html")
}

pub(crate) fn state(config: Config) -> AppState {
    AppState::new(config).unwrap()
}

pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).unwrap()
    }

    /// Asserts the standard error shape and returns the code.
    pub(crate) fn error_code(&self) -> String {
        let json = self.json();
        let error = json.get("error").unwrap_or_else(|| panic!("no error object: {json}"));
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()), "no message: {json}");
        assert_eq!(self.headers[header::CONTENT_TYPE], "application/json", "{json}");
        error["code"].as_str().unwrap().to_owned()
    }
}

pub(crate) async fn call_app(router: Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer { status, headers, body }
}

pub(crate) async fn call(config: Config, request: Request<Body>) -> Answer {
    call_app(app(state(config)), request).await
}

pub(crate) fn get_req(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

pub(crate) fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap()
}

pub(crate) fn post_json(uri: &str, body: &Value) -> Request<Body> {
    post(uri, "application/json", body.to_string())
}

/// A running lede-server on 127.0.0.1 with a port of its own.
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    pub(crate) task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    pub(crate) async fn start(mut config: Config) -> Server {
        config.listen = "127.0.0.1:0".parse().unwrap();
        let listener = tokio::net::TcpListener::bind(config.listen).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let limits = config.connection_limits();
        let router = app(state(config));
        let task = tokio::spawn(lede_server::serve(
            listener,
            router,
            async move {
                let _ = stopped.await;
            },
            limits,
        ));
        Server { addr, stop: Some(stop), task }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub(crate) fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A page server on 127.0.0.1 for fetch tests; counts the requests it gets.
pub(crate) struct Upstream {
    pub(crate) addr: SocketAddr,
    pub(crate) hits: Arc<AtomicUsize>,
    /// Most `/held` requests served at once.
    pub(crate) peak: Arc<AtomicUsize>,
}

impl Upstream {
    /// Routes: `/article`, `/slow` (2 s), `/held` (300 ms, counting how many at once),
    /// `/big` (2 MB), `/redirect?to=...`, `/loop`, `/missing`.
    pub(crate) async fn start() -> Upstream {
        let hits = Arc::new(AtomicUsize::new(0));
        let counter = hits.clone();
        let peak = Arc::new(AtomicUsize::new(0));
        let (held_peak, now) = (peak.clone(), Arc::new(AtomicUsize::new(0)));
        let router = Router::new()
            .route(
                "/article",
                get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], ARTICLE) }),
            )
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                    ([(header::CONTENT_TYPE, "text/html")], ARTICLE)
                }),
            )
            .route(
                "/held",
                get(move || async move {
                    let current = now.fetch_add(1, Ordering::SeqCst) + 1;
                    held_peak.fetch_max(current, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    now.fetch_sub(1, Ordering::SeqCst);
                    ([(header::CONTENT_TYPE, "text/html")], ARTICLE)
                }),
            )
            .route(
                "/big",
                get(|| async { ([(header::CONTENT_TYPE, "text/html")], "<p>x</p>".repeat(256 * 1024)) }),
            )
            .route(
                "/redirect",
                get(
                    |axum::extract::Query(q): axum::extract::Query<
                        std::collections::HashMap<String, String>,
                    >| async move { Redirect::temporary(&q["to"]).into_response() },
                ),
            )
            .route("/loop", get(|| async { Redirect::temporary("/loop") }))
            .layer(axum::middleware::from_fn(
                move |req: axum::extract::Request, next: axum::middleware::Next| {
                    counter.fetch_add(1, Ordering::SeqCst);
                    next.run(req)
                },
            ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router).await });
        Upstream { addr, hits, peak }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub(crate) fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// Percent-encodes a URL for use as a query value.
pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
