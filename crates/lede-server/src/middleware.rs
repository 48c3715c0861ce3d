//! [`stack`]: the one place the middleware is assembled, outermost first: request id, trace,
//! id propagation, metrics, head limits, catch-panic, request timeout, compression, body
//! limit; and [`admit`], which the extraction routes add for themselves.

use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::{ApiError, ErrorCode};
use crate::limiter::Client;
use crate::serve::{MAX_HEADERS, hold_until_sent};
use crate::state::AppState;

/// Longest URI accepted (414 beyond it).
const MAX_URI_BYTES: usize = 8 * 1024;

/// Most bytes of header names and values accepted (431 beyond it).
const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Wraps `router` in the server's middleware.
pub(crate) fn stack(router: Router, state: &AppState) -> Router {
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(RequestIds::default()))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &Request| {
                        let id = request
                            .headers()
                            .get("x-request-id")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("-");
                        tracing::info_span!(
                            "request",
                            id = %id,
                            method = %request.method(),
                            path = %request.uri().path(),
                        )
                    })
                    .on_request(())
                    .on_response(DefaultOnResponse::new().level(Level::INFO))
                    // `ApiError` logs 5xx with their detail; a second, detail-free line
                    // per failure adds nothing.
                    .on_failure(()),
            )
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(from_fn_with_state(state.clone(), track))
            .layer(axum::middleware::from_fn(head_limits))
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(from_fn_with_state(state.clone(), request_timeout))
            .layer(CompressionLayer::new())
            .layer(DefaultBodyLimit::max(state.config().max_body_bytes)),
    )
}

/// Request ids: a per-process random-ish prefix and a counter, unless the client sent one.
#[derive(Debug, Clone)]
struct RequestIds {
    prefix: u32,
    next: Arc<AtomicU64>,
}

impl Default for RequestIds {
    fn default() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        RequestIds { prefix: nanos ^ std::process::id(), next: Arc::new(AtomicU64::new(1)) }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix)).ok().map(RequestId::new)
    }
}

/// Counts the request by matched route, status and latency, and errors by code.
async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = match *request.method() {
        Method::GET
        | Method::POST
        | Method::HEAD
        | Method::PUT
        | Method::DELETE
        | Method::OPTIONS
        | Method::PATCH => request.method().as_str().to_owned(),
        _ => "other".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    let metrics = state.metrics();
    metrics.record_request(&method, &route, response.status().as_u16(), started.elapsed());
    if let Some(ErrorCode(code)) = response.extensions().get::<ErrorCode>() {
        metrics.record_error(code);
    }
    response
}

/// Answers 414 and 431 in the API's error shape. hyper refuses heads past its read buffer
/// itself, with an empty body; these limits are lower, so clients meet them first.
async fn head_limits(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let uri_len = uri.path_and_query().map_or(0, |pq| pq.as_str().len())
        + uri.authority().map_or(0, |a| a.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return ApiError::UriTooLong { limit: MAX_URI_BYTES }.into_response();
    }
    let headers = request.headers();
    let header_bytes: usize = headers.iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return ApiError::HeadersTooLarge { count: MAX_HEADERS, bytes: MAX_HEADER_BYTES }.into_response();
    }
    next.run(request).await
}

/// Admission for the extraction routes, taken *before* the body is read so that bodies
/// pile up only for admitted requests: at most `workers + queue` bodies are in memory,
/// and an overloaded server refuses without reading the upload. The body must then arrive
/// within the body timeout. The place is held until the answer is written (or the
/// connection drops), so answers nobody reads count against capacity too.
pub(crate) async fn admit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let has_body = request.headers().contains_key(header::TRANSFER_ENCODING)
        || request.headers().get(header::CONTENT_LENGTH).is_some_and(|v| v != "0");
    match admit_and_read(&state, request, next).await {
        Ok(response) => response,
        Err(error) => {
            let mut response = error.into_response();
            if has_body {
                // The body may be unread: closing spares reading (or draining) it.
                response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            response
        }
    }
}

async fn admit_and_read(state: &AppState, request: Request, next: Next) -> Result<Response, ApiError> {
    let limit = state.config().max_body_bytes;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let client = Client::new(request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()));
    let admission = state.limiter().admit(client)?;
    let (mut parts, body) = request.into_parts();
    let read = tokio::time::timeout(state.config().body_timeout(), axum::body::to_bytes(body, limit));
    let bytes = match read.await {
        Err(_) => return Err(ApiError::BodyTimeout(state.config().body_timeout())),
        Ok(Err(e)) if is_length_limit(&e) => return Err(ApiError::PayloadTooLarge { limit }),
        Ok(Err(e)) => {
            return Err(ApiError::BadRequest(format!("could not read the request body: {e}")));
        }
        Ok(Ok(bytes)) => bytes,
    };
    parts.extensions.insert(client);
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    Ok(hold_until_sent(response, admission))
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}

/// Answers 504 when the whole request outlives its limit.
async fn request_timeout(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = state.config().request_timeout();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::RequestTimeout(limit).into_response(),
    }
}

fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a non-string panic payload");
    ApiError::internal(format!("handler panicked: {detail}")).into_response()
}
