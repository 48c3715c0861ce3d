//! Limits, timeouts and shutdown over a real socket on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use lede_server::Config;
use serde_json::Value;

use crate::util::*;

async fn post_html(server: &Server, body: impl Into<reqwest::Body>) -> reqwest::Response {
    client()
        .post(server.url("/v1/extract"))
        .header("content-type", "text/html")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn error_code(response: reqwest::Response) -> String {
    let json: Value = response.json().await.unwrap();
    json["error"]["code"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_100k_article_is_extracted_over_a_socket() {
    let server = Server::start(Config::default()).await;
    let response = post_html(&server, article_100k()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let article: Value = response.json().await.unwrap();
    assert!(article["word_count"].as_u64().unwrap() > 300, "{article}");
}

#[tokio::test]
async fn oversized_body_gets_413_over_a_socket() {
    let server = Server::start(Config { max_body_bytes: 64 * 1024, ..Config::default() }).await;
    let response = post_html(&server, article_100k()).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(response).await, "payload_too_large");
    // The connection pool and server are still fine afterwards.
    assert_eq!(post_html(&server, ARTICLE).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn slow_extraction_gets_504_over_a_socket() {
    let server = Server::start(Config { extract_timeout_ms: 1, ..Config::default() }).await;
    let response = post_html(&server, article_100k()).await;
    assert_eq!(response.status(), StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(error_code(response).await, "extraction_timeout");
}

#[tokio::test]
async fn saturation_answers_503_at_once_instead_of_queueing() {
    let upstream = Upstream::start().await;
    let config =
        Config { workers: Some(1), queue: 1, allow_targets: vec![upstream.addr], ..Config::default() };
    let server = Server::start(config).await;
    let slow_url = server.url(&format!("/v1/extract?url={}", enc(&upstream.url("/slow"))));
    let slow: Vec<_> = (0..2).map(|_| tokio::spawn(client().get(&slow_url).send())).collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let response = post_html(&server, ARTICLE).await;
    assert!(started.elapsed() < Duration::from_secs(1), "503 should not wait");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(error_code(response).await, "overloaded");
    for request in slow {
        assert_eq!(request.await.unwrap().unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn concurrent_requests_within_capacity_all_succeed() {
    let server = Server::start(Config { workers: Some(2), queue: 64, ..Config::default() }).await;
    let client = client();
    let requests: Vec<_> = (0..40)
        .map(|_| {
            let request =
                client.post(server.url("/v1/extract")).header("content-type", "text/html").body(ARTICLE);
            tokio::spawn(request.send())
        })
        .collect();
    for request in requests {
        assert_eq!(request.await.unwrap().unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn shutdown_drains_in_flight_requests_then_stops_accepting() {
    let upstream = Upstream::start().await;
    let mut server = Server::start(Config { allow_targets: vec![upstream.addr], ..Config::default() }).await;
    let slow_url = server.url(&format!("/v1/extract?url={}", enc(&upstream.url("/slow"))));
    let in_flight = tokio::spawn(client().get(slow_url).send());
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.stop();
    let response = in_flight.await.unwrap().unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the in-flight request finishes");
    let served = tokio::time::timeout(Duration::from_secs(5), &mut server.task).await;
    assert!(matches!(served, Ok(Ok(Ok(())))), "serve returns after draining: {served:?}");
    assert!(client().get(server.url("/healthz")).send().await.is_err(), "no longer accepting");
}

#[tokio::test]
async fn shutdown_gives_up_on_requests_that_outlive_the_grace() {
    let upstream = Upstream::start().await;
    let config = Config { allow_targets: vec![upstream.addr], shutdown_grace_ms: 200, ..Config::default() };
    let mut server = Server::start(config).await;
    let slow_url = server.url(&format!("/v1/extract?url={}", enc(&upstream.url("/slow"))));
    let _in_flight = tokio::spawn(client().get(slow_url).send());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    server.stop();
    let served = tokio::time::timeout(Duration::from_secs(5), &mut server.task).await;
    assert!(matches!(served, Ok(Ok(Ok(())))), "{served:?}");
    assert!(started.elapsed() < Duration::from_millis(1500), "stopped after the grace, not the request");
}

#[test]
fn the_binary_stops_cleanly_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede-server"))
        // Configured through the environment, logging JSON lines.
        .args(["--log-format", "json"])
        .env("LEDE_LISTEN", "127.0.0.1:0")
        .env("LEDE_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "the server exited before listening");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            let log: Value = serde_json::from_str(&line).expect("log lines are JSON");
            assert_eq!(log["level"], "INFO", "{log}");
            break rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                .collect::<String>();
        }
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime
        .block_on(async { client().get(format!("http://{addr}/healthz")).send().await.unwrap().status() });
    assert_eq!(status, StatusCode::OK);

    let kill = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "the server did not stop within 10 s");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "exit status {exit}");
    let rest: Vec<String> = stderr.lines().map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}
