"""The `lede` module's API: results, formats, options, errors, batches and the GIL."""

import json
import os
import pathlib
import subprocess
import threading
import time

import pytest

import lede

REPO = pathlib.Path(__file__).resolve().parents[3]

ARTICLE = b"""<!doctype html><html lang="en"><head><title>Rain returns | Daily Bugle</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rain returns</h1>
<p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of
it through the week, the weather service said in a statement.</p>
<p>Farmers, who had warned of failing crops for weeks, welcomed the change. "It is the best
news we have had since spring," said Ana Ortiz, who grows wheat east of the city.</p>
<p>Reservoirs stood at a third of their capacity, officials said, the lowest level in a decade,
and the rain would not fill them on its own. <a href="/drought">Read more about the drought</a>.</p>
<figure><img src="/img/rain.jpg" alt="Rain"><figcaption>Rain on Main Street.</figcaption></figure>
<table><tr><th>Day</th><th>Rain (mm)</th></tr><tr><td>Tue</td><td>12</td></tr></table>
</article><footer>Copyright Daily Bugle</footer></body></html>"""

URL = "https://bugle.example/2024/03/05/rain-returns"

PASTED = """Rain returns

By Jane Roe

After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it
through the week, the weather service said.

Farmers, who had warned of failing crops for weeks, welcomed the change.
"""


def lede_binary():
    """The CLI to compare with: $LEDE, else the workspace's debug build."""
    path = os.environ.get("LEDE") or str(REPO / "target" / "debug" / "lede")
    return path if os.access(path, os.X_OK) else None


def cli(*args):
    """The CLI's stdout; exit 1 (no article) is a normal result here."""
    done = subprocess.run([lede_binary(), "extract", *args], capture_output=True)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_version_is_the_crate_version():
    cargo = (REPO / "Cargo.toml").read_text()
    assert f'version = "{lede.__version__}"' in cargo


def test_extract_returns_the_article_model():
    article = lede.extract(ARTICLE, URL)
    assert article["url"] == URL
    assert article["title"] == "Rain returns"
    assert [a["name"] for a in article["authors"]] == ["Jane Roe"]
    assert article["published"].startswith("2024-03-05")
    assert article["language"] == "en"
    assert article["text"].startswith("After a dry month")
    assert "Copyright" not in article["text"]
    assert isinstance(article["is_article"], bool)
    assert isinstance(article["word_count"], int)


def test_str_input_gives_the_same_article_as_utf8_bytes():
    assert lede.extract(ARTICLE.decode(), URL) == lede.extract(ARTICLE, URL)
    assert lede.extract(bytearray(ARTICLE), URL) == lede.extract(ARTICLE, URL)


def test_charset_is_sniffed_from_bytes_and_header():
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>{}</p></body></html>"
    page = latin.format("Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9s in a long sentence " * 4)
    assert "Caf\u00e9" in lede.extract(page.encode("latin-1"))["text"]
    no_meta = page.replace("<meta charset='iso-8859-1'>", "").encode("latin-1")
    sniffed = lede.extract(no_meta, content_type="text/html; charset=iso-8859-1")
    assert "Caf\u00e9" in sniffed["text"]


@pytest.mark.skipif(lede_binary() is None, reason="no lede binary (set LEDE or run cargo build)")
@pytest.mark.parametrize("flags,kwargs", [
    ([], {}),
    (["--no-images", "--no-links", "--no-tables"], {"images": False, "links": False, "tables": False}),
    (["--focus", "precision", "--comments"], {"focus": "precision", "comments": True}),
])
def test_json_is_the_clis_json(tmp_path, flags, kwargs):
    page = tmp_path / "page.html"
    page.write_bytes(ARTICLE)
    assert lede.extract(ARTICLE, URL, **kwargs) == json.loads(cli("--url", URL, *flags, str(page)))


@pytest.mark.skipif(lede_binary() is None, reason="no lede binary (set LEDE or run cargo build)")
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_formats_are_the_clis(tmp_path, fmt):
    page = tmp_path / "page.html"
    page.write_bytes(ARTICLE)
    out = lede.extract(ARTICLE, URL, format=fmt)
    assert isinstance(out, str)
    # The CLI ends every output with a newline.
    assert out.rstrip("\n") == cli("--url", URL, "-f", fmt, str(page)).decode().rstrip("\n")


@pytest.mark.skipif(lede_binary() is None, reason="no lede binary (set LEDE or run cargo build)")
def test_extract_text_is_the_clis_text_path(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PASTED)
    assert lede.extract_text(PASTED) == json.loads(cli(str(page)))


def test_extract_text_reads_a_pasted_article():
    article = lede.extract_text(PASTED, url=URL)
    assert article["title"] == "Rain returns"
    assert [a["name"] for a in article["authors"]] == ["Jane Roe"]
    assert article["url"] == URL
    assert lede.extract(PASTED.encode(), URL, content_type="text/plain") == article


def test_options_change_the_output():
    full = lede.extract(ARTICLE, URL)
    assert any(b["type"] == "figure" for b in full["body"])
    bare = lede.extract(ARTICLE, URL, images=False, tables=False)
    assert not any(b["type"] in ("figure", "table") for b in bare["body"])
    assert "](/drought" not in lede.extract(ARTICLE, URL, links=False, format="markdown")
    assert "](https://bugle.example/drought)" in lede.extract(ARTICLE, URL, format="markdown")


def test_bad_arguments_are_python_errors():
    with pytest.raises(ValueError, match="format"):
        lede.extract(ARTICLE, format="pdf")
    with pytest.raises(ValueError, match="focus"):
        lede.extract(ARTICLE, focus="everything")
    with pytest.raises(TypeError):
        lede.extract(12)
    with pytest.raises(TypeError):
        lede.extract(ARTICLE, URL, "text/html")  # options are keyword-only


def test_binary_input_raises_lede_error():
    with pytest.raises(lede.LedeError, match="binary"):
        lede.extract(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert issubclass(lede.LedeError, ValueError)


def test_limits_bound_every_call():
    deep = b"<div>" * 5000 + b"x"
    with pytest.raises(lede.LedeError, match="deeper than the limit"):
        lede.extract(deep)
    huge = b"<p>" + b"a" * (33 * 1024 * 1024) + b"</p>"
    with pytest.raises(lede.LedeError, match="more than the limit"):
        lede.extract(huge)
    many = b"<b></b>" * 2_100_000
    start = time.monotonic()
    with pytest.raises(lede.LedeError, match="nodes"):
        lede.extract(many)
    assert time.monotonic() - start < 60


def test_malformed_html_is_normal_input():
    for page in [b"", b"<", b"<html><body><p>unclosed <b><i>tags", b"\xff\xfe<p>x</p>", "<p>\ud7ff</p>".encode()]:
        assert isinstance(lede.extract(page), dict)


def test_extract_many_keeps_order_and_puts_errors_in_place():
    pages = [f"<html><head><title>Page {i}</title></head><body><p>{'word ' * 60}{i}</p></body></html>"
             for i in range(40)]
    items = [p.encode() for p in pages]
    items[7] = b"\x00\x01\x02binary" * 500
    items[20] = (pages[20], "https://a.example/20")
    items[21] = {"html": pages[21].encode(), "url": "https://a.example/21", "content_type": "text/html"}
    items[22] = {"text": PASTED}
    results = lede.extract_many(items, jobs=3)
    assert len(results) == 40
    assert isinstance(results[7], lede.LedeError) and "binary" in str(results[7])
    for i, result in enumerate(results):
        if i in (7, 22):
            continue
        assert result["title"] == f"Page {i}"
    assert results[20]["url"] == "https://a.example/20"
    assert results[21]["url"] == "https://a.example/21"
    assert results[22]["title"] == "Rain returns"
    assert results[0] == lede.extract(items[0])


def test_extract_many_formats_generators_and_defaults():
    gen = (ARTICLE for _ in range(5))
    texts = lede.extract_many(gen, format="text")
    assert texts == [lede.extract(ARTICLE, format="text")] * 5
    assert lede.extract_many([]) == []
    with pytest.raises(ValueError):
        lede.extract_many([ARTICLE], jobs=0)
    with pytest.raises(TypeError):
        lede.extract_many([ARTICLE, 3.5])
    with pytest.raises(TypeError):
        lede.extract_many([{"url": "https://a.example/"}])


def test_extraction_releases_the_gil():
    # While one thread extracts a large page, another must keep running Python code.
    page = b"<html><body>" + b"<p>" + b"word " * 200 + b"</p>" * 1 + b"<div><p>more text here</p></div>" * 60000 + b"</body></html>"
    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    start = time.monotonic()
    lede.extract_many([page] * 2, jobs=2)
    elapsed = time.monotonic() - start
    done.set()
    counter.join()
    # A held GIL would leave the counter at a handful of ticks for the whole call.
    assert elapsed < 0.05 or len(ticks) > elapsed * 100


def test_docstrings_and_stubs_ship():
    assert "bytes" in lede.extract.__doc__
    assert lede.extract_many.__doc__ and lede.extract_text.__doc__
    package = pathlib.Path(lede.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()
