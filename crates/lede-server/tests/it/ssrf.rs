//! The fetch guard over a real socket: a local server on 127.0.0.1 is refused by default,
//! redirects are checked again, and redirects, time and size are capped.

use axum::http::StatusCode;
use lede_server::Config;
use serde_json::Value;

use crate::util::*;

async fn fetch_via(server: &Server, target: &str) -> (StatusCode, Value) {
    let url = server.url(&format!("/v1/extract?url={}", enc(target)));
    let response = client().get(url).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn a_local_server_is_refused_by_default() {
    let upstream = Upstream::start().await;
    let server = Server::start(Config::default()).await;
    for target in [
        upstream.url("/article"),
        format!("http://localhost:{}/article", upstream.addr.port()),
        format!("http://[::ffff:127.0.0.1]:{}/article", upstream.addr.port()),
        format!("http://2130706433:{}/article", upstream.addr.port()), // 127.0.0.1 as one number
    ] {
        let (status, body) = fetch_via(&server, &target).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{target}: {body}");
        assert_eq!(body["error"]["code"], "target_refused", "{target}");
    }
    assert_eq!(upstream.hits(), 0, "no request reached the local server");
}

#[tokio::test]
async fn an_allowed_target_is_fetched_and_extracted() {
    let upstream = Upstream::start().await;
    let server = Server::start(Config { allow_targets: vec![upstream.addr], ..Config::default() }).await;
    let (status, article) = fetch_via(&server, &upstream.url("/article")).await;
    assert_eq!(status, StatusCode::OK, "{article}");
    assert!(article["title"].as_str().unwrap().starts_with("Rain returns to the valley"));
    assert_eq!(article["url"], upstream.url("/article"));
}

#[tokio::test]
async fn every_redirect_is_checked_again() {
    let allowed = Upstream::start().await;
    let private = Upstream::start().await;
    let server = Server::start(Config { allow_targets: vec![allowed.addr], ..Config::default() }).await;
    let target = allowed.url(&format!("/redirect?to={}", enc(&private.url("/article"))));
    let (status, body) = fetch_via(&server, &target).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["code"], "target_refused");
    assert_eq!(allowed.hits(), 1);
    assert_eq!(private.hits(), 0, "the redirect target was never contacted");
}

#[tokio::test]
async fn the_private_targets_option_allows_them() {
    let first = Upstream::start().await;
    let second = Upstream::start().await;
    let server = Server::start(Config { allow_private_targets: true, ..Config::default() }).await;
    let target = first.url(&format!("/redirect?to={}", enc(&second.url("/article"))));
    let (status, article) = fetch_via(&server, &target).await;
    assert_eq!(status, StatusCode::OK, "{article}");
    assert_eq!(article["url"], second.url("/article"), "the URL after redirects");
}

#[tokio::test]
async fn redirects_size_and_status_are_capped() {
    let upstream = Upstream::start().await;
    let config = Config {
        allow_private_targets: true,
        fetch_max_redirects: 3,
        fetch_max_bytes: 100_000,
        ..Config::default()
    };
    let server = Server::start(config).await;

    let (status, body) = fetch_via(&server, &upstream.url("/loop")).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert_eq!(body["error"]["code"], "fetch_failed");
    assert!(body["error"]["message"].as_str().unwrap().contains("redirects"));
    assert_eq!(upstream.hits(), 4, "the first request and three redirects");

    let (status, body) = fetch_via(&server, &upstream.url("/big")).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("larger than"));

    let (status, body) = fetch_via(&server, &upstream.url("/missing")).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("404"), "{body}");
}

#[tokio::test]
async fn a_url_with_credentials_is_refused_and_never_fetched() {
    let upstream = Upstream::start().await;
    let server = Server::start(Config { allow_targets: vec![upstream.addr], ..Config::default() }).await;
    let target = format!("http://user:secret@{}/article", upstream.addr);
    let (status, body) = fetch_via(&server, &target).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(!body.to_string().contains("secret"), "{body}");
    let redirect = upstream.url(&format!("/redirect?to={}", enc(&target)));
    let (status, body) = fetch_via(&server, &redirect).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert_eq!(upstream.hits(), 1, "only the redirect was fetched");
}

#[tokio::test]
async fn a_drip_fed_page_times_out_with_504() {
    // An upstream that promises 1,000 bytes and sends one every 100 ms.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = [0u8; 1024];
                let _ = stream.read(&mut head).await;
                let reply = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n";
                stream.write_all(reply.as_bytes()).await?;
                for _ in 0..1000 {
                    stream.write_all(b"x").await?;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                std::io::Result::Ok(())
            });
        }
    });
    let config = Config { allow_targets: vec![addr], fetch_timeout_ms: 500, ..Config::default() };
    let server = Server::start(config).await;
    let (status, body) = fetch_via(&server, &format!("http://{addr}/page")).await;
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT, "{body}");
    assert_eq!(body["error"]["code"], "fetch_timeout");
}

#[tokio::test]
async fn a_batch_of_urls_fetches_at_most_the_configured_number_at_once() {
    let upstream = Upstream::start().await;
    let config = Config { allow_targets: vec![upstream.addr], fetch_concurrency: 2, ..Config::default() };
    let server = Server::start(config).await;
    let documents: Vec<Value> = (0..6).map(|_| serde_json::json!({"url": upstream.url("/held")})).collect();
    let response = client()
        .post(server.url("/v1/extract/batch"))
        .json(&serde_json::json!({"documents": documents}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert!(body["results"].as_array().unwrap().iter().all(|r| r.get("article").is_some()), "{body}");
    assert_eq!(upstream.peak.load(std::sync::atomic::Ordering::SeqCst), 2);
}
