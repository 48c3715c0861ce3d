//! [`ApiError`]: every failure the API reports, and its one JSON shape.
//!
//! Every error response, whether a handler, an extractor, the router or a middleware made
//! it, is `{"error": {"code": "...", "message": "..."}}`. 4xx messages say what was wrong
//! with the request; 5xx details go to the log and the client sees a generic message.

use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Seconds a client should wait before retrying after a 503.
pub(crate) const RETRY_AFTER_SECS: u64 = 1;

/// The machine-readable code of an error response, left in the response's extensions so
/// the metrics middleware can count errors by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorCode(pub &'static str);

/// An error the API answers with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed in a way the message explains.
    #[error("{0}")]
    BadRequest(String),
    /// The body is not valid JSON, or not the JSON this route expects.
    #[error("malformed JSON: {0}")]
    InvalidJson(String),
    /// The body's `Content-Type` is not one this route accepts.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The body is larger than the configured limit.
    #[error("request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// The client took longer than the limit to send the request body.
    #[error("the request body took longer than {0:?} to arrive")]
    BodyTimeout(Duration),
    /// The request line's URI is longer than the limit.
    #[error("the URI is longer than the limit of {limit} bytes")]
    UriTooLong {
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// The request's headers are more or larger than the limits.
    #[error("the request headers are over the limit of {count} headers or {bytes} bytes")]
    HeadersTooLarge {
        /// Most headers.
        count: usize,
        /// Most bytes of names and values together.
        bytes: usize,
    },
    /// No route matches the path.
    #[error("no route for {0}")]
    NotFound(String),
    /// The route exists but not with this method.
    #[error("method {0} is not allowed here")]
    MethodNotAllowed(String),
    /// A fetch target is refused by the address policy (SSRF protection).
    #[error("{0}")]
    TargetRefused(String),
    /// The fetched page could not be used; the message names the reason (no internals).
    #[error("{0}")]
    FetchFailed(String),
    /// The fetch took longer than the configured limit.
    #[error("fetching the page took longer than {0:?}")]
    FetchTimeout(Duration),
    /// The core refused the document.
    #[error(transparent)]
    Extraction(#[from] lede_core::Error),
    /// Extraction took longer than the configured limit.
    #[error("extraction took longer than {0:?}")]
    ExtractionTimeout(Duration),
    /// The whole request took longer than the configured limit.
    #[error("the request took longer than {0:?}")]
    RequestTimeout(Duration),
    /// Every extraction slot and queue place is taken.
    #[error("the server is at capacity; retry after {RETRY_AFTER_SECS} s")]
    Overloaded,
    /// A feature this build does not offer yet.
    #[error("{0}")]
    NotImplemented(String),
    /// A bug or an environment failure; the detail is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// Wraps an unexpected failure; its text goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        ApiError::Internal(detail.to_string())
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::InvalidJson(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::BodyTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            ApiError::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::TargetRefused(_) => StatusCode::FORBIDDEN,
            ApiError::FetchFailed(_) => StatusCode::BAD_GATEWAY,
            ApiError::FetchTimeout(_) | ApiError::ExtractionTimeout(_) | ApiError::RequestTimeout(_) => {
                StatusCode::GATEWAY_TIMEOUT
            }
            ApiError::Extraction(lede_core::Error::InputTooLarge { .. }) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Extraction(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::NotImplemented(_) => StatusCode::NOT_IMPLEMENTED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable, machine-readable code (documented in `docs/SERVER.md`).
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::InvalidJson(_) => "invalid_json",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::BodyTimeout(_) => "body_timeout",
            ApiError::UriTooLong { .. } => "uri_too_long",
            ApiError::HeadersTooLarge { .. } => "headers_too_large",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed(_) => "method_not_allowed",
            ApiError::TargetRefused(_) => "target_refused",
            ApiError::FetchFailed(_) => "fetch_failed",
            ApiError::FetchTimeout(_) => "fetch_timeout",
            ApiError::Extraction(lede_core::Error::InputTooLarge { .. }) => "payload_too_large",
            ApiError::Extraction(lede_core::Error::Binary) => "not_a_document",
            ApiError::Extraction(_) => "document_too_complex",
            ApiError::ExtractionTimeout(_) => "extraction_timeout",
            ApiError::RequestTimeout(_) => "request_timeout",
            ApiError::Overloaded => "overloaded",
            ApiError::NotImplemented(_) => "not_implemented",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The message the client sees: the error itself for 4xx (and for the 5xx whose text
    /// holds nothing internal), a generic line for internal errors.
    pub fn public_message(&self) -> String {
        match self {
            ApiError::Internal(_) => "internal server error (details are in the server log)".into(),
            other => other.to_string(),
        }
    }

    /// The `{"error": {...}}` body, also used for the items of a batch answer.
    pub fn body(&self) -> ErrorBody {
        ErrorBody { error: ErrorDetail { code: self.code(), message: self.public_message() } }
    }
}

/// The JSON body of every error.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The inside of [`ErrorBody`].
#[derive(Debug, Serialize)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `invalid_json`.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if matches!(self, ApiError::Overloaded) {
            // Expected under overload and counted in the metrics; one log line per refusal
            // would turn overload into a log flood.
            tracing::debug!(code = self.code(), "request refused: at capacity");
        } else if matches!(self, ApiError::Internal(_)) {
            tracing::error!(code = self.code(), error = %self, "request failed");
        } else if status.is_server_error() && !matches!(self, ApiError::NotImplemented(_)) {
            // Upstream failures and timeouts: worth a look, not a bug of ours.
            tracing::warn!(code = self.code(), error = %self, "request failed");
        } else {
            tracing::debug!(code = self.code(), error = %self, "request refused");
        }
        let mut response = (status, Json(self.body())).into_response();
        if matches!(self, ApiError::Overloaded) {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
        }
        response.extensions_mut().insert(ErrorCode(self.code()));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_details_never_reach_the_client() {
        let error = ApiError::internal("open /srv/secret/db: permission denied");
        assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!error.public_message().contains("secret"));
        let body = serde_json::to_string(&error.body()).unwrap();
        assert!(!body.contains("secret"), "{body}");
    }

    #[test]
    fn overload_carries_retry_after() {
        let response = ApiError::Overloaded.into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        assert_eq!(response.extensions().get::<ErrorCode>(), Some(&ErrorCode("overloaded")));
    }
}
