//! Every route and every error through `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lede_server::{Config, app};
use serde_json::json;

use crate::util::*;

#[tokio::test]
async fn page_and_assets_are_served_with_a_strict_csp() {
    let page = call(Config::default(), get_req("/")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(page.text().contains("<form id=\"extract-form\""));
    assert!(page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("script-src 'self'"));
    for (path, kind) in [("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css")] {
        let asset = call(Config::default(), get_req(path)).await;
        assert_eq!(asset.status, StatusCode::OK, "{path}");
        assert!(asset.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind));
        assert!(!asset.body.is_empty());
    }
}

#[tokio::test]
async fn healthz_answers_ok() {
    let answer = call(Config::default(), get_req("/healthz")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["status"], "ok");
}

#[tokio::test]
async fn openapi_describes_every_route_and_the_article() {
    let answer = call(Config::default(), get_req("/openapi.json")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let doc = answer.json();
    for path in ["/", "/v1/extract", "/v1/extract/batch", "/healthz", "/metrics", "/openapi.json"] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    assert!(doc["paths"]["/v1/extract"].get("get").is_some());
    assert!(doc["paths"]["/v1/extract"].get("post").is_some());
    let article = &doc["components"]["schemas"]["Article"]["properties"];
    for field in ["title", "authors", "published", "lead_image", "body", "text", "is_article"] {
        assert!(article.get(field).is_some(), "Article.{field} missing");
    }
}

#[tokio::test]
async fn metrics_count_requests_latencies_and_errors() {
    let router = app(state(Config::default()));
    call_app(router.clone(), post("/v1/extract", "text/html", ARTICLE)).await;
    call_app(router.clone(), get_req("/nope")).await;
    let answer = call_app(router, get_req("/metrics")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = answer.text();
    assert!(
        text.contains(r#"lede_http_requests_total{method="POST",route="/v1/extract",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"lede_http_requests_total{method="GET",route="unmatched",status="404"} 1"#),
        "{text}"
    );
    assert!(text.contains(r#"lede_http_request_duration_seconds_count{route="/v1/extract"} 1"#), "{text}");
    assert!(text.contains("lede_extraction_duration_seconds_count 1"), "{text}");
    assert!(text.contains(r#"lede_errors_total{code="not_found"} 1"#), "{text}");
}

#[tokio::test]
async fn raw_html_gives_the_article_json() {
    let answer =
        call(Config::default(), post("/v1/extract?url=https://example.com/rain", "text/html", ARTICLE)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    let article = answer.json();
    assert!(article["title"].as_str().unwrap().starts_with("Rain returns to the valley"));
    assert_eq!(article["url"], "https://example.com/rain");
    assert!(article["text"].as_str().unwrap().contains("After a dry month"));
    assert!(answer.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn plain_text_gives_the_article_json() {
    let text = " date 2021-12-07 Biden meets Putin\n\nBrigid Kennedy, Staff Writer\n·1 min read\n\n\
                President Biden is meeting Putin on Tuesday, reports The New York Times.\n";
    for request in [
        post("/v1/extract?url=https://example.com/b", "text/plain", text),
        post_json("/v1/extract", &json!({"text": text, "url": "https://example.com/b"})),
    ] {
        let answer = call(Config::default(), request).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        let article = answer.json();
        assert_eq!(article["title"], "Biden meets Putin");
        assert_eq!(article["authors"][0]["role"], "Staff Writer");
        assert_eq!(article["url"], "https://example.com/b");
        assert_eq!(article["cited_outlets"][0]["name"], "The New York Times");
    }
}

#[tokio::test]
async fn the_content_type_charset_is_honoured() {
    // Windows-1252 bytes (0xE9 is "é"), not valid UTF-8; the header names the charset.
    let mut html =
        b"<html><head><title>Caf\xE9 news</title></head><body><article><h1>Caf\xE9 news</h1><p>".to_vec();
    html.extend_from_slice(
        "The cafe on the corner reopened this week after a long renovation, its owners said. "
            .repeat(3)
            .as_bytes(),
    );
    html.extend_from_slice(b"</p></article></body></html>");
    let answer = call(Config::default(), post("/v1/extract", "text/html; charset=windows-1252", html)).await;
    assert_eq!(answer.status, StatusCode::OK);
    let article = answer.json();
    assert_eq!(article["title"], "Café news", "{article}");
}

#[tokio::test]
async fn json_input_with_options_and_each_format() {
    let request =
        json!({"html": ARTICLE, "url": "https://example.com/rain", "options": {"journalism": false}});
    let answer = call(Config::default(), post_json("/v1/extract", &request)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert!(answer.json()["title"].as_str().unwrap().starts_with("Rain returns to the valley"));

    for (format, content_type, needle) in [
        ("text", "text/plain; charset=utf-8", "After a dry month"),
        ("markdown", "text/markdown; charset=utf-8", "After a dry month"),
        ("html", "text/html; charset=utf-8", "<p>After a dry month"),
    ] {
        let request = json!({"html": ARTICLE, "format": format});
        let answer = call(Config::default(), post_json("/v1/extract", &request)).await;
        assert_eq!(answer.status, StatusCode::OK, "{format}");
        assert_eq!(answer.headers[header::CONTENT_TYPE], content_type, "{format}");
        assert!(answer.text().contains(needle), "{format}: {}", answer.text());
    }
}

#[tokio::test]
async fn accept_and_format_query_choose_the_rendering() {
    let request = Request::post("/v1/extract")
        .header(header::CONTENT_TYPE, "text/html")
        .header(header::ACCEPT, "text/markdown")
        .body(Body::from(ARTICLE))
        .unwrap();
    let answer = call(Config::default(), request).await;
    assert_eq!(answer.headers[header::CONTENT_TYPE], "text/markdown; charset=utf-8");
    let answer = call(Config::default(), post("/v1/extract?format=text", "text/html", ARTICLE)).await;
    assert_eq!(answer.headers[header::CONTENT_TYPE], "text/plain; charset=utf-8");
}

#[tokio::test]
async fn malformed_and_misdirected_requests_get_the_error_shape() {
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (post("/v1/extract", "application/json", "{\"html\": "), StatusCode::BAD_REQUEST, "invalid_json"),
        (post_json("/v1/extract", &json!({"htm": "x"})), StatusCode::BAD_REQUEST, "invalid_json"),
        (
            post_json("/v1/extract", &json!({"html": "x", "format": "pdf"})),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            post_json("/v1/extract", &json!({"html": "x", "text": "y"})),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (post_json("/v1/extract", &json!({})), StatusCode::BAD_REQUEST, "bad_request"),
        (post("/v1/extract", "text/html", ""), StatusCode::BAD_REQUEST, "bad_request"),
        (post_json("/v1/extract", &json!({"html": ""})), StatusCode::BAD_REQUEST, "bad_request"),
        (post("/v1/extract", "image/png", "x"), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        (
            Request::post("/v1/extract").body(Body::from("x")).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (post("/v1/extract?bogus=1", "text/html", ARTICLE), StatusCode::BAD_REQUEST, "bad_request"),
        (get_req("/v1/extract"), StatusCode::BAD_REQUEST, "bad_request"),
        (get_req("/v1/extract?url=not%20a%20url"), StatusCode::BAD_REQUEST, "bad_request"),
        (get_req("/v1/extract?url=file%3A%2F%2F%2Fetc%2Fpasswd"), StatusCode::BAD_REQUEST, "bad_request"),
        (
            get_req("/v1/extract?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F"),
            StatusCode::FORBIDDEN,
            "target_refused",
        ),
        (get_req("/v1/extract?url=http%3A%2F%2F10.0.0.1%2F"), StatusCode::FORBIDDEN, "target_refused"),
        (get_req("/no/such/route"), StatusCode::NOT_FOUND, "not_found"),
        (
            Request::delete("/v1/extract").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        (get_req("/v1/extract/batch"), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        (post("/healthz", "text/html", "x"), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
    ];
    for (request, status, code) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = call(Config::default(), request).await;
        assert_eq!(answer.status, status, "{what}: {}", answer.text());
        assert_eq!(answer.error_code(), code, "{what}");
    }
}

#[tokio::test]
async fn the_core_refusing_a_document_is_a_4xx() {
    let deep = format!("<html><body>{}<p>deep</p></body></html>", "<div>".repeat(100));
    let request = json!({"html": deep, "options": {"max_depth": 20}});
    let answer = call(Config::default(), post_json("/v1/extract", &request)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text());
    assert_eq!(answer.error_code(), "document_too_complex");

    let request = json!({"html": ARTICLE, "options": {"max_input_bytes": 100}});
    let answer = call(Config::default(), post_json("/v1/extract", &request)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error_code(), "payload_too_large");

    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let answer = call(Config::default(), post("/v1/extract", "text/html", binary)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text());
    assert_eq!(answer.error_code(), "not_a_document");
}

#[tokio::test]
async fn client_options_cannot_raise_the_server_limits() {
    // A client asking for a huge max_depth still gets the default ceiling of 1024.
    let deep = format!("<html><body>{}<p>deep</p></body></html>", "<div>".repeat(1100));
    let request = json!({"html": deep, "options": {"max_depth": 100000}});
    let answer = call(Config::default(), post_json("/v1/extract", &request)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text());
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let config = Config { max_body_bytes: 500, ..Config::default() };
    let answer = call(config.clone(), post("/v1/extract", "text/html", ARTICLE)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error_code(), "payload_too_large");
    let batch = json!({"documents": [{"html": ARTICLE}]});
    let answer = call(config, post_json("/v1/extract/batch", &batch)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn slow_extraction_gets_504() {
    let config = Config { extract_timeout_ms: 1, ..Config::default() };
    let answer = call(config, post("/v1/extract", "text/html", article_100k().to_vec())).await;
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT, "{}", answer.text());
    assert_eq!(answer.error_code(), "extraction_timeout");
}

#[tokio::test]
async fn batch_answers_in_order_each_with_its_own_result() {
    let batch = json!({
        "documents": [
            {"html": ARTICLE, "url": "https://example.com/1"},
            {},
            {"text": "plain"},
            {"html": ARTICLE, "format": "text"},
            {"url": "http://127.0.0.1:1/"},
        ],
        "options": {"images": false},
    });
    let answer = call(Config::default(), post_json("/v1/extract/batch", &batch)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let results = answer.json()["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), 5);
    assert_eq!(results[0]["article"]["url"], "https://example.com/1");
    assert_eq!(results[1]["error"]["code"], "bad_request");
    assert!(results[2].get("error").is_none(), "{}", results[2]);
    assert_eq!(results[3]["format"], "text");
    assert!(results[3]["content"].as_str().unwrap().contains("After a dry month"));
    assert_eq!(results[4]["error"]["code"], "target_refused");
}

#[tokio::test]
async fn batch_errors_get_the_error_shape() {
    let config = Config { max_batch: 2, ..Config::default() };
    let three = json!({"documents": [{"html": "a"}, {"html": "b"}, {"html": "c"}]});
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (post_json("/v1/extract/batch", &json!({"documents": []})), StatusCode::BAD_REQUEST, "bad_request"),
        (post_json("/v1/extract/batch", &three), StatusCode::BAD_REQUEST, "bad_request"),
        (post_json("/v1/extract/batch", &json!({"docs": []})), StatusCode::BAD_REQUEST, "invalid_json"),
        (post("/v1/extract/batch", "application/json", "[1,"), StatusCode::BAD_REQUEST, "invalid_json"),
        (
            post("/v1/extract/batch", "text/html", ARTICLE),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            Request::post("/v1/extract/batch").body(Body::from("{}")).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ];
    for (request, status, code) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = call(config.clone(), request).await;
        assert_eq!(answer.status, status, "{what}: {}", answer.text());
        assert_eq!(answer.error_code(), code, "{what}");
    }
}

#[tokio::test]
async fn saturation_gets_503_with_retry_after() {
    // One place in all; a slow fetch holds it while a second request arrives.
    let upstream = Upstream::start().await;
    let config =
        Config { workers: Some(1), queue: 0, allow_targets: vec![upstream.addr], ..Config::default() };
    let router = app(state(config));
    let slow = tokio::spawn(call_app(
        router.clone(),
        get_req(&format!("/v1/extract?url={}", enc(&upstream.url("/slow")))),
    ));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let answer = call_app(router.clone(), post("/v1/extract", "text/html", ARTICLE)).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.headers[header::RETRY_AFTER], "1");
    assert_eq!(answer.error_code(), "overloaded");
    assert_eq!(slow.await.unwrap().status, StatusCode::OK);
    // The place is free again.
    let answer = call_app(router, post("/v1/extract", "text/html", ARTICLE)).await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn slow_requests_get_504() {
    let upstream = Upstream::start().await;
    let base = Config { allow_targets: vec![upstream.addr], ..Config::default() };
    let uri = format!("/v1/extract?url={}", enc(&upstream.url("/slow")));

    let config = Config { request_timeout_ms: 200, ..base.clone() };
    let answer = call(config, get_req(&uri)).await;
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(answer.error_code(), "request_timeout");

    let config = Config { fetch_timeout_ms: 200, ..base };
    let answer = call(config, get_req(&uri)).await;
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(answer.error_code(), "fetch_timeout");
}

#[tokio::test]
async fn request_ids_are_made_or_propagated() {
    let answer = call(Config::default(), get_req("/healthz")).await;
    assert!(!answer.headers["x-request-id"].is_empty());
    let request = Request::get("/healthz").header("x-request-id", "abc-123").body(Body::empty()).unwrap();
    let answer = call(Config::default(), request).await;
    assert_eq!(answer.headers["x-request-id"], "abc-123");
}
