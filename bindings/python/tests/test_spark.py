"""The Spark example in local mode, on a generated WARC: every response record gets its row."""

import importlib
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import warcgen

REPO = pathlib.Path(__file__).resolve().parents[3]
JOB = REPO / "examples" / "spark" / "warc_to_parquet.py"

# CI sets LEDE_REQUIRE_SPARK=1 so that a missing pyspark, pyarrow, warcio or Java fails
# instead of skipping.
REQUIRED = os.environ.get("LEDE_REQUIRE_SPARK") == "1"


def need(module):
    if REQUIRED:
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def spark_output(tmp_path_factory):
    need("pyspark")
    need("warcio")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if REQUIRED:
            pytest.fail("no java on PATH and no JAVA_HOME")
        pytest.skip("no Java")
    pq = need("pyarrow.parquet")
    tmp = tmp_path_factory.mktemp("spark")
    recs, expect = warcgen.test_records()
    warcgen.write(tmp / "a.warc.gz", recs)
    # A second file, truncated inside a record: its whole records come out, then a read error.
    whole = b"".join(warcgen.record("response", f"https://cut.example/{i}", warcgen.http(warcgen.article(i)),
                                    content_type="application/http; msgtype=response") for i in range(3))
    (tmp / "cut.warc").write_bytes(whole[:-200])
    out = tmp / "out"
    subprocess.run([sys.executable, str(JOB), str(tmp / "*.warc*"), "--out", str(out), "--master", "local[2]"],
                   check=True, timeout=600)
    rows = pq.read_table(out).to_pylist()
    return rows, expect


def test_every_response_record_has_one_row(spark_output):
    rows, expect = spark_output
    gen_rows = [r for r in rows if r["warc_file"].endswith("a.warc.gz")]
    assert len(expect) >= 200
    assert sorted(r["url"] for r in gen_rows) == sorted(uri for uri, _ in expect)
    assert all(r["warc_date"] == "2024-05-06T07:08:09Z" and r["warc_record_id"] for r in gen_rows)


def test_rows_hold_the_article_or_the_error(spark_output):
    rows, expect = spark_output
    by_url = {r["url"]: r for r in rows if r["warc_file"].endswith("a.warc.gz")}
    for uri, (kind, what) in expect:
        r = by_url[uri]
        if kind == "article":
            assert r["error"] is None, (uri, r["error"])
            assert r["title"] == f"Story {what}"
            assert r["authors"] == [warcgen.author(what)]
            assert r["published"].startswith("2024-05-0")
            assert r["language"] == "en"
            assert r["text"].startswith(f"Paragraph 0 of story {what}:")
            assert r["word_count"] > 100
            assert r["is_article"] is True
            if what % 10 == 7:
                assert "argu\u00e9d" in r["text"]
        elif kind == "text":
            assert r["error"] is None and r["title"] == what
        else:
            assert r["error"], uri
            assert what in r["error"], (uri, r["error"])
            assert r["title"] is None and r["text"] is None
            if kind == "skipped":
                assert r["error"].startswith("skipped:")
            else:
                assert not r["error"].startswith("skipped:")


def test_a_truncated_file_keeps_its_records_and_reports_the_rest(spark_output):
    rows, _ = spark_output
    cut = [r for r in rows if r["warc_file"].endswith("cut.warc")]
    good = sorted(r["url"] for r in cut if r["error"] is None)
    assert good[:2] == ["https://cut.example/0", "https://cut.example/1"]
    assert any(r["error"] for r in cut)
