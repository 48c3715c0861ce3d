//! A tiny HTTP/1.1 test server on 127.0.0.1, with routes for each fetch behaviour tested.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use crate::ARTICLE;

/// A running server; it lives until the test process ends.
pub(crate) struct Server {
    /// `http://127.0.0.1:PORT`.
    pub(crate) base: String,
    /// Requests served so far.
    pub(crate) hits: Arc<AtomicUsize>,
}

/// Starts a server on a free port.
pub(crate) fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                let _ = handle(stream);
            });
        }
    });
    Server { base, hits }
}

/// Serves one request.
fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some(ua) = line.strip_prefix("user-agent:").or_else(|| line.strip_prefix("User-Agent:")) {
            user_agent = ua.trim().to_owned();
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let send = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| -> std::io::Result<()> {
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        )?;
        stream.write_all(body)
    };
    match path.as_str() {
        "/article" => {
            send(&mut stream, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", ARTICLE.as_bytes())
        }
        "/ua" => {
            let page = ARTICLE.replace("steady rain", &format!("steady rain (agent {user_agent})"));
            send(&mut stream, "200 OK", "Content-Type: text/html\r\n", page.as_bytes())
        }
        "/slow" => {
            thread::sleep(Duration::from_secs(5));
            send(&mut stream, "200 OK", "Content-Type: text/html\r\n", ARTICLE.as_bytes())
        }
        "/huge" => {
            // Announces 200 MB and streams until the client hangs up.
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 200000000\r\n\r\n"
            )?;
            let chunk = vec![b'a'; 64 * 1024];
            loop {
                stream.write_all(&chunk)?;
            }
        }
        "/huge-unannounced" => {
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")?;
            let chunk = vec![b'a'; 64 * 1024];
            loop {
                stream.write_all(&chunk)?;
            }
        }
        "/loop" => send(&mut stream, "302 Found", "Location: /loop\r\n", b""),
        "/redirect" => send(&mut stream, "301 Moved Permanently", "Location: /article\r\n", b""),
        "/missing" => {
            send(&mut stream, "404 Not Found", "Content-Type: text/html\r\n", b"<h1>Not found</h1>")
        }
        "/charset" => {
            // The page wrongly declares windows-1252, but its bytes are UTF-8, and the
            // header says so: the header must win.
            let page = ARTICLE
                .replace("<head>", r#"<head><meta charset="windows-1252">"#)
                .replace("steady rain", "steady rain at the café");
            send(&mut stream, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", page.as_bytes())
        }
        _ => send(&mut stream, "404 Not Found", "", b""),
    }
}
