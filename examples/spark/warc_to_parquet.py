#!/usr/bin/env python3
"""Extracts every HTML response record of WARC files with Lede on Spark and writes Parquet.

    warc_to_parquet.py INPUT... --out DIR [--master URL] [--partitions N]

INPUT is a WARC file (.warc or .warc.gz), a glob or a folder, on any file system Hadoop
reads (local paths, file://, hdfs://, s3a://, gs://, ...). Each `response` record becomes one
row: `warc_file`, `warc_record_id`, `url`, `warc_date`, `title`, `authors`, `published`,
`language`, `text`, `word_count`, `is_article`, `error`. A record that cannot be extracted
(malformed, binary, past Lede's size or nesting limits) is a row with its `error` and no
article fields, and so is a response that is not an HTML page (an image, a 404, a redirect:
`error` starts with "skipped:"); a WARC file that cannot be read to its end adds a row with the
read error. No record is lost. Request, metadata and warcinfo records are not pages and make
no row.

Records are read with warcio (PyPI): pure Python, so it ships to executors with the job and
needs no native build per platform, maintained by Webrecorder, and it undoes chunked transfer
and gzip/deflate content codings, which Common Crawl keeps in its response records. Reading
costs far less than extracting, so a faster native reader would gain little.

Lede must be importable on the executors: install the wheel there, or ship it with
`--py-files` (see the README's "Python and Spark" section).
"""

import argparse
import os
import sys

# The core's default input limit (`Options::max_input_bytes`): a payload longer than this is
# an error row, and is never read into memory whole.
MAX_PAYLOAD_BYTES = 32 * 1024 * 1024

COLUMNS = [
    ("warc_file", "string"),
    ("warc_record_id", "string"),
    ("url", "string"),
    ("warc_date", "string"),
    ("title", "string"),
    ("authors", "array<string>"),
    ("published", "string"),
    ("language", "string"),
    ("text", "string"),
    ("word_count", "bigint"),
    ("is_article", "boolean"),
    ("error", "string"),
]

SCHEMA = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)


def row(warc_file, record_id, url, date, article=None, error=None):
    """A row in COLUMNS order: the article's fields, or none and the error."""
    if article is None:
        return (warc_file, record_id, url, date, None, None, None, None, None, None, None, error)
    authors = [a["name"] for a in article.get("authors", [])]
    return (warc_file, record_id, url, date, article.get("title"), authors, article.get("published"),
            article.get("language"), article.get("text"), article.get("word_count"),
            article.get("is_article"), None)


def read_records(path, data):
    """The response records of one WARC file's bytes as (file, id, url, date, content type,
    payload, error) tuples; a read error ends the file with one error tuple."""
    import io

    from warcio.archiveiterator import ArchiveIterator

    index = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            index += 1
            if record.rec_type != "response":
                continue
            headers = record.rec_headers
            key = (path, headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Target-URI"),
                   headers.get_header("WARC-Date"))
            yield key + payload(record)
    except Exception as e:  # noqa: BLE001 - any reader failure is reported as a row
        yield (path, None, None, None, None, None, f"cannot read the WARC file after record {index}: {e}")


def payload(record):
    """(content type, body, error) of a response record, mirroring `lede extract x.warc`: only
    2xx responses that are HTML or plain text (or say nothing) are extracted."""
    http = record.http_headers
    if http is None:
        return (None, None, "the record holds no HTTP response")
    try:
        status = int((http.get_statuscode() or "").strip())
    except ValueError:
        line = f"{http.protocol} {http.statusline}"[:60]
        return (None, None, f"bad HTTP status line {line!r}")
    content_type = http.get_header("Content-Type")
    lower = (content_type or "").lower()
    if not 200 <= status < 300:
        return (content_type, None, f"skipped: HTTP status {status}")
    if content_type and "html" not in lower and not lower.startswith("text/plain"):
        return (content_type, None, f"skipped: not an HTML page ({content_type})")
    try:
        body = record.content_stream().read(MAX_PAYLOAD_BYTES + 1)
    except Exception as e:  # noqa: BLE001 - a broken chunked or gzip body is this record's error
        return (content_type, None, f"cannot decode the HTTP body: {e}")
    if len(body) > MAX_PAYLOAD_BYTES:
        return (content_type, None, f"input is more than the limit of {MAX_PAYLOAD_BYTES} bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:
        # The stream ended before the record's Content-Length: a cut file, not a short page.
        return (content_type, None, "the WARC file ends inside this record")
    return (content_type, body, None)


def extract_partition(records):
    """Rows for a partition's records, each extracted by Lede on this executor."""
    import lede

    for warc_file, record_id, url, date, content_type, body, error in records:
        if error is not None:
            yield row(warc_file, record_id, url, date, error=error)
            continue
        try:
            article = lede.extract(body, url, content_type=content_type)
        except lede.LedeError as e:
            yield row(warc_file, record_id, url, date, error=str(e))
        else:
            yield row(warc_file, record_id, url, date, article)


def run(spark, inputs, out, partitions=None):
    """Reads `inputs`, extracts every response record, writes Parquet to `out`."""
    sc = spark.sparkContext
    # binaryFiles reads through Hadoop's file systems and expands globs and folders.
    files = sc.binaryFiles(",".join(inputs))
    records = files.flatMap(lambda item: read_records(*item))
    # A WARC file is read by one task; when there are fewer files than cores, spread their
    # records so that extraction, which costs far more than reading, uses every core.
    wanted = partitions or sc.defaultParallelism
    if partitions or files.getNumPartitions() < wanted:
        records = records.repartition(wanted)
    rows = records.mapPartitions(extract_partition)
    spark.createDataFrame(rows, SCHEMA).write.mode("overwrite").parquet(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="WARC files, globs or folders")
    parser.add_argument("--out", required=True, help="Parquet output folder (replaced)")
    parser.add_argument("--master", default=None,
                        help="Spark master URL [default: local[*], or spark-submit's --master]")
    parser.add_argument("--partitions", type=int, default=None,
                        help="extraction tasks [default: the cluster's parallelism when there are fewer files]")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    launched_here = "PYSPARK_GATEWAY_PORT" not in os.environ  # spark-submit sets it
    if launched_here and (args.master or "local").startswith("local"):
        # Local Python workers run this interpreter (its venv has lede and warcio), not the
        # first `python3` on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("lede-warc-to-parquet")
    if args.master:
        builder = builder.master(args.master)
    # Without --master, Spark's launcher uses local[*] for a plain `python` run, and
    # spark-submit's own --master when submitted.
    spark = builder.getOrCreate()
    try:
        run(spark, args.inputs, args.out, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
