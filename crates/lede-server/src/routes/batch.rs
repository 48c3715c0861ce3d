//! `POST /v1/extract/batch`: several documents in one request, answered in order, each with
//! its own result or error.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Extension, Json, Router};
use lede_core::{Article, Format, Options};
use serde::{Deserialize, Serialize};
use tokio::task::JoinSet;

use super::{is_json, media_type, parse_json, read_body};
use crate::error::{ApiError, ErrorBody};
use crate::limiter::Client;
use crate::service::{ExtractRequest, Output, format_from_accept, process};
use crate::state::AppState;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/v1/extract/batch", post(batch))
}

/// The body: documents plus defaults for those that give no options or format.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchRequest {
    documents: Vec<ExtractRequest>,
    options: Option<Options>,
    format: Option<Format>,
}

/// The answer: one result per document, in request order.
#[derive(Debug, Serialize)]
pub(crate) struct BatchResponse {
    results: Vec<BatchItem>,
}

/// One document's outcome.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum BatchItem {
    Article { article: Box<Article> },
    Rendered { format: Format, content: String },
    Error(ErrorBody),
}

async fn batch(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<BatchResponse>, ApiError> {
    let body = read_body(&state, body)?;
    match media_type(&headers) {
        Some(media) if is_json(&media) => {}
        Some(other) => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "Content-Type {other} is not accepted: send application/json"
            )));
        }
        None => {
            return Err(ApiError::UnsupportedMediaType("missing Content-Type: send application/json".into()));
        }
    }
    let request: BatchRequest = parse_json(&body)?;
    let count = request.documents.len();
    let limit = state.config().max_batch;
    if count == 0 {
        return Err(ApiError::BadRequest("\"documents\" is empty".into()));
    }
    if count > limit {
        return Err(ApiError::BadRequest(format!(
            "the batch has {count} documents, more than the limit of {limit}"
        )));
    }
    // The route's admission middleware holds the first document's place.
    let _admission = state.limiter().admit_more(client, count - 1)?;
    let default_format = request.format.unwrap_or_else(|| format_from_accept(&headers));
    let mut tasks = JoinSet::new();
    for (index, document) in request.documents.into_iter().enumerate() {
        let state = state.clone();
        let default_options = request.options.clone();
        tasks.spawn(async move {
            let outcome = match document.into_parts() {
                Ok((document, options, format)) => {
                    let options = options.or(default_options).unwrap_or_default();
                    process(&state, document, options, format.unwrap_or(default_format)).await
                }
                Err(e) => Err(e),
            };
            (index, outcome)
        });
    }
    let mut results: Vec<Option<BatchItem>> = (0..count).map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let (index, outcome) = joined.map_err(ApiError::internal)?;
        let item = match outcome {
            Ok(Output::Json(article)) => BatchItem::Article { article },
            Ok(Output::Rendered(format, content)) => BatchItem::Rendered { format, content },
            Err(error) => {
                if matches!(error, ApiError::Internal(_)) {
                    tracing::error!(index, code = error.code(), error = %error, "batch document failed");
                }
                state.metrics().record_error(error.code());
                BatchItem::Error(error.body())
            }
        };
        if let Some(slot) = results.get_mut(index) {
            *slot = Some(item);
        }
    }
    let results = results
        .into_iter()
        .map(|item| item.ok_or_else(|| ApiError::internal("a batch document has no result")))
        .collect::<Result<_, _>>()?;
    Ok(Json(BatchResponse { results }))
}
