//! Hostile clients over real sockets: slow heads and bodies, idle and half-open connections,
//! the connection cap, answers nobody reads, unfair clients, oversized heads, log floods.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use lede_server::{Config, app};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::util::*;

/// Reads until the server closes the connection (or `within` passes); returns what came.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut received)).await;
    match read {
        Ok(_) => Some(received),
        Err(_) => None,
    }
}

async fn raw_get(server: &Server, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[tokio::test]
async fn a_slow_head_is_cut_off_at_the_header_timeout() {
    let server = Server::start(Config { header_timeout_ms: 200, ..Config::default() }).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let started = Instant::now();
    assert!(read_until_closed(&mut stream, Duration::from_secs(3)).await.is_some(), "still open");
    assert!(started.elapsed() >= Duration::from_millis(150), "{:?}", started.elapsed());
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let server = Server::start(Config { header_timeout_ms: 200, ..Config::default() }).await;
    let mut stream = raw_get(&server, "/healthz").await;
    let answer = read_until_closed(&mut stream, Duration::from_secs(3)).await.expect("closed when idle");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
}

#[tokio::test]
async fn connections_past_the_cap_wait_until_one_closes() {
    let server = Server::start(Config { max_connections: 2, ..Config::default() }).await;
    let first = raw_get(&server, "/healthz").await;
    let _second = raw_get(&server, "/healthz").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let third = tokio::spawn(client().get(server.url("/healthz")).send());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!third.is_finished(), "a third connection was served past the cap of 2");
    drop(first);
    let answer = tokio::time::timeout(Duration::from_secs(3), third).await.unwrap().unwrap().unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_half_open_connection_does_not_hold_shutdown() {
    let mut server = Server::start(Config::default()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Le").await.unwrap();
    let _idle = raw_get(&server, "/healthz").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    server.stop();
    let served = tokio::time::timeout(Duration::from_secs(5), &mut server.task).await;
    assert!(matches!(served, Ok(Ok(Ok(())))), "{served:?}");
    assert!(started.elapsed() < Duration::from_secs(1), "shutdown waited {:?}", started.elapsed());
}

#[tokio::test]
async fn a_stalled_upload_takes_a_place_before_its_body_and_times_out() {
    let config = Config { workers: Some(1), queue: 0, body_timeout_ms: 2000, ..Config::default() };
    let server = Server::start(config).await;
    let mut stalled = TcpStream::connect(server.addr).await.unwrap();
    let head =
        "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n";
    stalled.write_all(head.as_bytes()).await.unwrap();
    stalled.write_all(b"<p>only the start").await.unwrap();
    // Margins are wide (the body timeout against this wait) so a loaded machine cannot let
    // the stalled upload time out before the second one comes.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The one place is taken: the next upload is refused without being read, and closed.
    let started = Instant::now();
    let refused = client()
        .post(server.url("/v1/extract"))
        .header("content-type", "text/html")
        .body(article_100k())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.headers()["connection"], "close");
    assert!(started.elapsed() < Duration::from_millis(1500), "refused without reading the body");

    let answer = read_until_closed(&mut stalled, Duration::from_secs(8)).await.expect("answered");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains(r#""code":"body_timeout""#), "{answer}");
    let after = client().post(server.url("/v1/extract")).header("content-type", "text/html").body(ARTICLE);
    assert_eq!(after.send().await.unwrap().status(), StatusCode::OK, "the place came back");
}

#[tokio::test]
async fn a_declared_oversized_body_is_refused_unread() {
    let server = Server::start(Config { max_body_bytes: 1000, ..Config::default() }).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 999999999\r\n\r\n";
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut stream, Duration::from_secs(3)).await.expect("answered and closed");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("payload_too_large"), "{answer}");
}

#[tokio::test]
async fn an_answer_holds_its_place_until_it_is_sent() {
    let router = app(state(Config { workers: Some(1), queue: 0, ..Config::default() }));
    let request = post("/v1/extract", "text/html", ARTICLE);
    let unread = tower::ServiceExt::oneshot(router.clone(), request).await.unwrap();
    assert_eq!(unread.status(), StatusCode::OK);
    let refused = call_app(router.clone(), post("/v1/extract", "text/html", ARTICLE)).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "the unsent answer holds the place");
    drop(unread);
    let after = call_app(router, post("/v1/extract", "text/html", ARTICLE)).await;
    assert_eq!(after.status, StatusCode::OK, "dropping the answer frees the place");
}

#[tokio::test]
async fn a_client_that_never_reads_is_disconnected_at_the_write_timeout() {
    // `serve` with a router whose answer is far larger than the socket buffers (an
    // extraction this large would take seconds in a debug build); that the app's admission
    // place lives exactly as long as the answer is `an_answer_holds_its_place_until_it_is_sent`.
    const SIZE: usize = 32 * 1024 * 1024;
    let router = axum::Router::new().route("/big", axum::routing::get(|| async { vec![b'x'; SIZE] }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = Config { write_timeout_ms: 200, ..Config::default() }.connection_limits();
    tokio::spawn(lede_server::serve(listener, router, std::future::pending(), limits));
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    // Reading now drains what the kernel buffered, then meets the end of a connection the
    // server gave up on; a server still waiting would send all 32 MiB and keep it open.
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(3), stream.read_to_end(&mut received)).await;
    assert!(read.is_ok(), "the connection is still open after {} bytes", received.len());
    assert!(received.len() < SIZE, "the whole answer was sent");
}

#[tokio::test]
async fn a_greedy_client_cannot_take_the_share_of_another() {
    let upstream = Upstream::start().await;
    let config =
        Config { workers: Some(1), queue: 3, allow_targets: vec![upstream.addr], ..Config::default() };
    let server = Server::start(config).await;
    let slow_url = server.url(&format!("/v1/extract?url={}", enc(&upstream.url("/slow"))));
    let from = |ip: [u8; 4]| {
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder().no_proxy().local_address(std::net::IpAddr::from(ip)).build().unwrap()
    };
    let (greedy, other) = (from([127, 0, 0, 1]), from([127, 0, 0, 2]));
    let mut held =
        vec![tokio::spawn(greedy.get(&slow_url).send()), tokio::spawn(greedy.get(&slow_url).send())];
    tokio::time::sleep(Duration::from_millis(200)).await;
    held.push(tokio::spawn(other.get(&slow_url).send()));
    tokio::time::sleep(Duration::from_millis(200)).await;
    // One of four places is free, but the greedy client already holds its share (2 of 4).
    let refused = greedy.post(server.url("/v1/extract")).header("content-type", "text/html").body(ARTICLE);
    let refused = refused.send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.headers()["retry-after"], "1");
    let admitted = other.post(server.url("/v1/extract")).header("content-type", "text/html").body(ARTICLE);
    assert_eq!(admitted.send().await.unwrap().status(), StatusCode::OK);
    for request in held {
        assert_eq!(request.await.unwrap().unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn long_uris_and_large_heads_get_the_json_error_shape() {
    let long = format!("/v1/extract?url=https://example.com/{}", "a".repeat(9000));
    let answer = call(Config::default(), get_req(&long)).await;
    assert_eq!(answer.status, StatusCode::URI_TOO_LONG);
    assert_eq!(answer.error_code(), "uri_too_long");

    let mut request = Request::get("/healthz");
    for i in 0..150 {
        request = request.header(format!("x-filler-{i}"), "value");
    }
    let answer = call(Config::default(), request.body(Body::empty()).unwrap()).await;
    assert_eq!(answer.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert_eq!(answer.error_code(), "headers_too_large");

    // Over a socket too: hyper parses enough headers to let the JSON answer through.
    let server = Server::start(Config::default()).await;
    let mut request = client().get(server.url("/healthz"));
    for i in 0..150 {
        request = request.header(format!("x-filler-{i}"), "value");
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    let json: Value = response.json().await.unwrap();
    assert_eq!(json["error"]["code"], "headers_too_large");
}

/// html5ever logs a warning per foster-parented node; at `LEDE_LOG=warn` none may reach
/// the log.
#[test]
fn parser_warnings_do_not_flood_the_log() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede-server"))
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
            break rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                .collect::<String>();
        }
    };
    // Read the log as it comes: a flood into a full pipe would block the server instead.
    let log = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        rest
    });
    let page = format!("<table><tr>{}</table>", "text<b>in a table</b>".repeat(5000));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        let request = client().post(format!("http://{addr}/v1/extract")).header("content-type", "text/html");
        request.body(page).send().await.unwrap().status()
    });
    assert_eq!(status, StatusCode::OK);
    let kill = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    child.wait().unwrap();
    let rest = log.join().unwrap();
    assert!(
        rest.lines().count() < 10,
        "{} log lines, starting: {}",
        rest.lines().count(),
        &rest[..500.min(rest.len())]
    );
    assert!(!rest.contains("foster parenting"), "{}", &rest[..500.min(rest.len())]);
}
