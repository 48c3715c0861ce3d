#!/usr/bin/env bash
# Benchmark the Python paths against the CLI on one generated WARC: `lede extract x.warc.gz`
# on N jobs, `lede.extract_many(..., jobs=N)` on the same records, and the Spark example on
# `local[N]`. Prints docs per second for each; the figures go in docs/BENCHMARKS.md.
#
# The WARC packs the corpus's HTML pages (wcxb_dev/ and readability/, never the
# *.expected.html outputs) as response records, cycled up to RECORDS of them.
#
# Usage: scripts/bench-python.sh [CORPUS_DIR] [RECORDS] [JOBS...]
#   CORPUS_DIR  default: $LEDE_CORPUS or /work/shared/corpus
#   RECORDS     default: 3000
#   JOBS        default: 1 2
# Needs what scripts/python-tests.sh installs (it reuses that venv when present) and Java.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-${LEDE_CORPUS:-/work/shared/corpus}}
records=${2:-3000}
shift $(( $# > 2 ? 2 : $# )) || true
jobs_list=("${@:-1 2}")
# shellcheck disable=SC2206
jobs_list=(${jobs_list[*]})

cargo build --release -p lede-cli --quiet
lede=$PWD/target/release/lede
venv=target/python-tests-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip --quiet install pyspark pyarrow warcio
fi
# The wheel is built in release mode by pip, like a user's install.
"$venv/bin/python" -m pip --quiet install --force-reinstall --no-deps ./bindings/python
py=$venv/bin/python

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
find "$corpus/wcxb_dev" "$corpus/readability" -name '*.html' ! -name '*.expected.html' -print0 |
    while IFS= read -r -d '' p; do ln -s "$(realpath "$p")" "$work/pages/$(basename "$(dirname "$p")")-$(basename "$p")"; done
"$py" bindings/python/tests/warcgen.py "$work/x.warc.gz" --pages "$work/pages" --records "$records"
echo "warc: $records response records, $(( $(stat -c %s "$work/x.warc.gz") / 1000000 )) MB gzipped"

seconds() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { print b - a }'; }
rate() { awk -v n="$records" -v s="$2" -v w="$1" 'BEGIN { printf "%-34s %7.2f s  %7.1f docs/s\n", w, s, n / s }'; }

for jobs in "${jobs_list[@]}"; do
    start=$(date +%s.%N)
    "$lede" extract "$work/x.warc.gz" --jobs "$jobs" --quiet -f jsonl > "$work/cli.jsonl" || true
    rate "cli, $jobs job(s)" "$(seconds "$start")"

    # The records are read first and not timed: the CLI's reader runs on its own thread, beside
    # the workers, so extraction (and conversion to dicts) is what compares.
    "$py" - "$work/x.warc.gz" "$jobs" <<'PY'
import sys, time
from warcio.archiveiterator import ArchiveIterator
import lede
items = []
with open(sys.argv[1], "rb") as f:
    for r in ArchiveIterator(f):
        if r.rec_type == "response":
            items.append({"html": r.content_stream().read(), "url": r.rec_headers.get_header("WARC-Target-URI"),
                          "content_type": r.http_headers.get_header("Content-Type")})
jobs = int(sys.argv[2])
start = time.perf_counter()
out = lede.extract_many(items, jobs=jobs)
s = time.perf_counter() - start
print(f"{'python extract_many, ' + str(jobs) + ' job(s)':34} {s:7.2f} s  {len(items) / s:7.1f} docs/s")
PY

    rm -rf "$work/out"
    start=$(date +%s.%N)
    "$py" examples/spark/warc_to_parquet.py "$work/x.warc.gz" --out "$work/out" --master "local[$jobs]" 2> "$work/spark.log"
    rate "spark local[$jobs] (incl. start-up)" "$(seconds "$start")"
done

# Spark's fixed cost: the same job on a WARC of a single record.
"$py" bindings/python/tests/warcgen.py "$work/one.warc.gz" --pages "$work/pages" --records 1
start=$(date +%s.%N)
"$py" examples/spark/warc_to_parquet.py "$work/one.warc.gz" --out "$work/out1" --master "local[1]" 2> "$work/spark.log"
echo "spark start-up and shutdown (1 record): $(seconds "$start") s"
