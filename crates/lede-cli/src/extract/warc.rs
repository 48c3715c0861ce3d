//! A small streaming WARC reader: response records and their HTTP payloads.
//!
//! Written by hand rather than taken from crates.io: the `warc` crate (0.4) would bring
//! chrono, nom 7, uuid 0.8 and libflate (a second deflate implementation beside flate2)
//! for what is here about 150 lines, and it leaves the HTTP message inside a response
//! record unparsed, which is the part we need. The reader holds one record at a time, so
//! memory stays bounded on shards of any size: a header line longer than [`MAX_LINE`] or a
//! header of more than [`MAX_HEADER_LINES`] lines is an error, and a record block larger
//! than the caller's limit is skipped without being read into memory.

use std::io::{self, BufRead, Read};

use anyhow::{Context, Result, bail};

/// Longest WARC header line read (a long target URI is a few kilobytes); a longer one is
/// an error rather than a line buffered without bound.
const MAX_LINE: u64 = 64 * 1024;

/// Most lines in one record header (real ones have about a dozen).
const MAX_HEADER_LINES: usize = 1024;

/// One WARC record, with the headers Lede uses.
#[derive(Debug, Default)]
pub(crate) struct Record {
    /// `WARC-Type` (`response`, `request`, `warcinfo`, ...).
    pub(crate) kind: String,
    /// `WARC-Target-URI`.
    pub(crate) target_uri: Option<String>,
    /// `WARC-Date`.
    pub(crate) date: Option<String>,
    /// The record block; empty when it was larger than the limit (see `too_large`).
    pub(crate) block: Vec<u8>,
    /// The block's declared length when it passed the limit and was skipped.
    pub(crate) too_large: Option<u64>,
}

/// Reads WARC records one after another from an uncompressed stream (wrap a
/// `flate2::read::MultiGzDecoder` around `.warc.gz`, whose records are gzip members).
pub(crate) struct WarcReader<R> {
    /// The stream.
    inner: R,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `inner`.
    pub(crate) fn new(inner: R) -> Self {
        WarcReader { inner }
    }

    /// Reads one line of at most [`MAX_LINE`] bytes, without its line ending; `None` at the
    /// end of the stream.
    fn line(&mut self) -> Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.inner)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut buf)
            .context("cannot read the WARC stream")?;
        if n == 0 {
            return Ok(None);
        }
        if n as u64 > MAX_LINE {
            bail!("a WARC header line is longer than {MAX_LINE} bytes");
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    /// The next record, `None` at the end. Blocks longer than `max_block` bytes are skipped.
    pub(crate) fn next_record(&mut self, max_block: u64) -> Result<Option<Record>> {
        // Records are separated by two CRLFs; tolerate any number of blank lines.
        let version = loop {
            match self.line()? {
                None => return Ok(None),
                Some(line) if line.trim().is_empty() => continue,
                Some(line) => break line,
            }
        };
        if !version.starts_with("WARC/") {
            bail!("not a WARC record: expected a WARC/1.x line, found {:?}", truncate(&version));
        }
        let mut record = Record::default();
        let mut length = None;
        for lines in 0.. {
            let Some(line) = self.line()? else { bail!("the WARC stream ends inside a record header") };
            if line.is_empty() {
                break;
            }
            if lines == MAX_HEADER_LINES {
                bail!("a WARC record header has more than {MAX_HEADER_LINES} lines");
            }
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.kind = value,
                "warc-target-uri" => record.target_uri = Some(value.trim_matches(['<', '>']).to_owned()),
                "warc-date" => record.date = Some(value),
                "content-length" => {
                    length =
                        Some(value.parse::<u64>().with_context(|| format!("bad Content-Length {value:?}"))?)
                }
                _ => {}
            }
        }
        let length = length.context("a WARC record has no Content-Length")?;
        let mut body = (&mut self.inner).take(length);
        if length > max_block {
            io::copy(&mut body, &mut io::sink()).context("cannot read the WARC stream")?;
            record.too_large = Some(length);
        } else {
            body.read_to_end(&mut record.block).context("cannot read the WARC stream")?;
        }
        if body.limit() > 0 {
            bail!("the WARC stream ends inside a record block");
        }
        Ok(Some(record))
    }
}

/// The start of a line, for error messages.
fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

/// The HTTP response inside a `response` record.
#[derive(Debug)]
pub(crate) struct HttpPayload {
    /// Status code.
    pub(crate) status: u16,
    /// The `Content-Type` header.
    pub(crate) content_type: Option<String>,
    /// The body, de-chunked and decompressed.
    pub(crate) body: Vec<u8>,
}

/// Parses the HTTP response held in a response record's block.
pub(crate) fn http_payload(block: &[u8], max_body: u64) -> Result<HttpPayload> {
    let (head_len, sep) = match memfind(block, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => (memfind(block, b"\n\n").context("no end of HTTP headers in the record")?, 2),
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("bad HTTP status line {:?}", truncate(status_line)))?;
    let (mut content_type, mut chunked, mut encoding) = (None, false, None);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_owned()),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    let raw = &block[head_len + sep..];
    let raw = if chunked { dechunk(raw).unwrap_or_else(|| raw.to_vec()) } else { raw.to_vec() };
    let body = match encoding.as_deref() {
        Some("gzip" | "x-gzip") => read_limited(flate2::read::MultiGzDecoder::new(&raw[..]), max_body)
            .context("cannot gunzip the payload")?,
        Some("deflate") => read_limited(flate2::read::ZlibDecoder::new(&raw[..]), max_body)
            .context("cannot inflate the payload")?,
        _ => raw,
    };
    Ok(HttpPayload { status, content_type, body })
}

/// Reads at most `max` bytes, failing when there are more.
pub(crate) fn read_limited(reader: impl Read, max: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    reader.take(max + 1).read_to_end(&mut out)?;
    if out.len() as u64 > max {
        bail!("more than {max} bytes after decompression");
    }
    Ok(out)
}

/// Decodes a chunked transfer encoding; `None` when it is malformed.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = memfind(raw, b"\r\n")?;
        let size_text = std::str::from_utf8(&raw[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size..)?.strip_prefix(b"\r\n").unwrap_or(raw.get(size..)?);
    }
}

/// Index of the first occurrence of `needle` in `hay`.
fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_records_and_skips_large_ones() {
        let mut data = record("warcinfo", "", b"software: test");
        data.extend(record(
            "response",
            "http://a.test/",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>",
        ));
        data.extend(record("response", "http://b.test/", &[b'x'; 200]));
        let mut reader = WarcReader::new(&data[..]);
        let first = reader.next_record(80).unwrap().unwrap();
        assert_eq!(first.kind, "warcinfo");
        let second = reader.next_record(80).unwrap().unwrap();
        assert_eq!(second.target_uri.as_deref(), Some("http://a.test/"));
        assert_eq!(second.date.as_deref(), Some("2024-01-02T03:04:05Z"));
        let payload = http_payload(&second.block, 1000).unwrap();
        assert_eq!((payload.status, payload.content_type.as_deref()), (200, Some("text/html")));
        assert_eq!(payload.body, b"<p>hi</p>");
        let third = reader.next_record(80).unwrap().unwrap();
        assert_eq!(third.too_large, Some(200));
        assert!(reader.next_record(80).unwrap().is_none());
    }

    #[test]
    fn rejects_garbage_and_truncation() {
        assert!(WarcReader::new(&b"hello\r\n"[..]).next_record(10).is_err());
        let data = record("response", "http://a.test/", b"0123456789");
        assert!(WarcReader::new(&data[..data.len() - 8]).next_record(100).is_err());
    }

    #[test]
    fn overlong_lines_and_headers_are_errors_not_buffers() {
        // A line of 1 GiB would be read lazily: only MAX_LINE + 1 bytes are taken from it.
        let endless = io::repeat(b'W').take(1 << 30);
        let error = WarcReader::new(io::BufReader::new(endless)).next_record(100).unwrap_err();
        assert!(error.to_string().contains("longer than"), "{error}");
        let mut long_uri = b"WARC/1.0\r\nWARC-Target-URI: http://a.test/".to_vec();
        long_uri.extend(std::iter::repeat_n(b'a', MAX_LINE as usize));
        long_uri.extend_from_slice(b"\r\nContent-Length: 0\r\n\r\n");
        assert!(WarcReader::new(&long_uri[..]).next_record(100).is_err());
        let mut many = b"WARC/1.0\r\n".to_vec();
        many.extend(b"X-Filler: 1\r\n".repeat(MAX_HEADER_LINES + 1));
        many.extend_from_slice(b"Content-Length: 0\r\n\r\n");
        let error = WarcReader::new(&many[..]).next_record(100).unwrap_err();
        assert!(error.to_string().contains("lines"), "{error}");
    }

    #[test]
    fn decodes_chunked_payloads() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(http_payload(block, 100).unwrap().body, b"abcde");
    }
}
