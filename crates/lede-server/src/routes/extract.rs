//! `POST /v1/extract` (HTML, text or JSON body) and `GET /v1/extract?url=` (fetch, then extract).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use lede_core::Format;
use serde::Deserialize;

use super::{is_json, media_type, parse_json, read_body};
use crate::error::ApiError;
use crate::service::{Document, ExtractRequest, Output, format_from_accept, process};
use crate::state::AppState;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/v1/extract", get(get_extract).post(post_extract))
}

/// Query parameters of both methods.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractQuery {
    url: Option<String>,
    format: Option<Format>,
}

fn read_query(query: Result<Query<ExtractQuery>, QueryRejection>) -> Result<ExtractQuery, ApiError> {
    query.map(|Query(q)| q).map_err(|e| ApiError::BadRequest(format!("bad query string: {}", e.body_text())))
}

async fn get_extract(
    State(state): State<AppState>,
    query: Result<Query<ExtractQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let query = read_query(query)?;
    let url = query.url.ok_or_else(|| ApiError::BadRequest("give the page to fetch as ?url=...".into()))?;
    let format = query.format.unwrap_or_else(|| format_from_accept(&headers));
    let output = process(&state, Document::Fetch { url }, Default::default(), format).await?;
    Ok(respond(output))
}

async fn post_extract(
    State(state): State<AppState>,
    query: Result<Query<ExtractQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let query = read_query(query)?;
    let body = read_body(&state, body)?;
    let media = media_type(&headers).ok_or_else(|| {
        ApiError::UnsupportedMediaType(
            "missing Content-Type: send text/html, text/plain or application/json".into(),
        )
    })?;
    let (document, options, format) = match media.as_str() {
        "text/html" | "application/xhtml+xml" => {
            if body.is_empty() {
                return Err(ApiError::BadRequest("the request body is empty".into()));
            }
            let content_type =
                headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
            (Document::Html { bytes: body, url: query.url, content_type }, None, None)
        }
        "text/plain" => {
            let text = String::from_utf8(body.to_vec())
                .map_err(|_| ApiError::BadRequest("the text body is not valid UTF-8".into()))?;
            (Document::Text { text, url: query.url }, None, None)
        }
        media if is_json(media) => {
            let request: ExtractRequest = parse_json(&body)?;
            request.into_parts()?
        }
        other => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "Content-Type {other} is not accepted: send text/html, text/plain or application/json"
            )));
        }
    };
    let format = format.or(query.format).unwrap_or_else(|| format_from_accept(&headers));
    let output = process(&state, document, options.unwrap_or_default(), format).await?;
    Ok(respond(output))
}

fn respond(output: Output) -> Response {
    match output {
        Output::Json(article) => Json(article).into_response(),
        Output::Rendered(format, body) => {
            ([(header::CONTENT_TYPE, format.media_type())], body).into_response()
        }
    }
}
