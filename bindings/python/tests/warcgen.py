"""Writes WARC files for the Spark test and the benchmark, with the outcome expected of
every response record.

As a script: ``warcgen.py OUT.warc.gz --pages DIR [--records N]`` packs the ``*.html`` pages
of DIR (cycled up to N records) into one gzipped WARC of response records, for
``scripts/bench-python.sh``.
"""

import argparse
import gzip
import pathlib
import uuid

# The core's default input limit (`Options::max_input_bytes`).
MAX_INPUT_BYTES = 32 * 1024 * 1024


def record(kind, uri, block, *, content_type=None, date="2024-05-06T07:08:09Z"):
    """One WARC/1.0 record, uncompressed."""
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        f"WARC-Date: {date}",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    if content_type:
        headers.append(f"Content-Type: {content_type}")
    headers.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(body, content_type="text/html; charset=utf-8", status="200 OK", extra=()):
    """An HTTP response message as a response record's block."""
    lines = [f"HTTP/1.1 {status}"]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.extend(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def response(uri, block):
    """A response record holding an HTTP message."""
    return record("response", uri, block, content_type="application/http; msgtype=response")


NAMES = ["Ana Ortiz", "Ben Okafor", "Chloe Martin", "Dev Patel", "Eva Lind", "Femi Adeyemi", "Gita Rao"]


def author(i):
    """The byline of story `i`."""
    return NAMES[i % len(NAMES)]


def article(i):
    """A small news page whose title and author say which record it is."""
    paragraphs = "".join(
        f"<p>Paragraph {n} of story {i}: the council met on Tuesday and argued, at length and "
        f"with some heat, about the budget for the coming year, officials said.</p>"
        for n in range(6)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>Story {i} | Gazette</title>"
        f"<meta name='author' content='{author(i)}'>"
        f"<meta property='article:published_time' content='2024-05-0{1 + i % 9}T10:00:00Z'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Story {i}</h1>{paragraphs}"
        f"</article><footer>Gazette footer</footer></body></html>"
    ).encode()


def chunked(body, size=100):
    """`body` in HTTP chunked transfer encoding."""
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def test_records():
    """The records of the test WARC and, for each response record in order, what its row must
    hold: ``("article", i)``, ``("text", title)``, ``("skipped", reason)`` or ``("error",
    words)``. Records of other types (warcinfo, request, metadata) make no row."""
    recs, expect = [], []
    recs.append(record("warcinfo", None, b"software: warcgen\r\n", content_type="application/warc-fields"))

    def add(uri, block, outcome):
        recs.append(response(uri, block))
        expect.append((uri, outcome))

    for i in range(180):
        uri = f"https://gazette.example/story/{i}"
        body = article(i)
        if i % 10 == 3:
            # Gzip content coding, and a request record before the response.
            recs.append(record("request", uri, b"GET / HTTP/1.1\r\nHost: gazette.example\r\n\r\n",
                               content_type="application/http; msgtype=request"))
            add(uri, http(gzip.compress(body), extra=["Content-Encoding: gzip"]), ("article", i))
        elif i % 10 == 5:
            add(uri, http(chunked(body), extra=["Transfer-Encoding: chunked"]), ("article", i))
        elif i % 10 == 7:
            # Latin-1 bytes, the charset given only by the HTTP header.
            latin = body.replace(b"argued", "argu\u00e9d".encode("latin-1"))
            add(uri, http(latin, content_type="text/html; charset=iso-8859-1"), ("article", i))
        else:
            add(uri, http(body), ("article", i))
        if i % 30 == 0:
            recs.append(record("metadata", uri, b"fetchTimeMs: 12\r\n", content_type="application/warc-fields"))

    # Not HTML, or not a success: a row that says why it was passed over.
    for i in range(6):
        add(f"https://gazette.example/img/{i}.png", http(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"),
            ("skipped", "image/png"))
    add("https://gazette.example/doc.pdf", http(b"%PDF-1.4 ...", "application/pdf"), ("skipped", "application/pdf"))
    for i in range(4):
        add(f"https://gazette.example/missing/{i}", http(b"<p>Not found</p>", status="404 Not Found"),
            ("skipped", "404"))
    add("https://gazette.example/moved", http(b"", content_type=None, status="301 Moved Permanently",
                                             extra=["Location: https://gazette.example/"]), ("skipped", "301"))

    # Pasted text served as text/plain goes through the text path.
    text = b"Plain news\n\nBy Pat Doe\n\nThe plain text of a story, served as text/plain, with enough words.\n"
    add("https://gazette.example/plain.txt", http(text, "text/plain; charset=utf-8"), ("text", "Plain news"))

    # Malformed records: garbage where the HTTP message should be, binary bytes labelled
    # HTML, a broken gzip body, a page nested past the depth limit.
    for i in range(3):
        add(f"https://gazette.example/garbage/{i}", b"\x00\x01\x02 not an http message \xff" * 20,
            ("error", ""))
    for i in range(3):
        add(f"https://gazette.example/binary/{i}", http(bytes(range(256)) * 20), ("error", "binary"))
    add("https://gazette.example/badgzip", http(b"\x1f\x8b\x08\x00garbage" + bytes(range(200)),
                                                extra=["Content-Encoding: gzip"]), ("error", ""))
    add("https://gazette.example/deep", http(b"<div>" * 5000 + b"deep"), ("error", "deeper"))

    # Huge: past the input limit (the WARC stays small: the record is gzipped with the rest).
    for i in range(2):
        huge = b"<html><body><p>" + b"lorem ipsum " * (MAX_INPUT_BYTES // 12 + 1000) + b"</p></body></html>"
        add(f"https://gazette.example/huge/{i}", http(huge), ("error", "more than"))
    return recs, expect


def write(path, recs):
    """Writes records as a .warc.gz, one gzip member per record as Common Crawl does."""
    with open(path, "wb") as out:
        for rec in recs:
            out.write(gzip.compress(rec, compresslevel=6))


def pack(pages_dir, records):
    """Response records of the pages in `pages_dir`, cycled to `records` of them."""
    pages = sorted(pathlib.Path(pages_dir).glob("*.html"))
    if not pages:
        raise SystemExit(f"no *.html pages in {pages_dir}")
    recs = [record("warcinfo", None, b"software: warcgen\r\n", content_type="application/warc-fields")]
    for i in range(records):
        page = pages[i % len(pages)]
        recs.append(response(f"https://pages.example/{i}/{page.stem}", http(page.read_bytes())))
    return recs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--pages", required=True, help="folder of *.html pages")
    parser.add_argument("--records", type=int, default=2000)
    args = parser.parse_args()
    write(args.out, pack(args.pages, args.records))


if __name__ == "__main__":
    main()
