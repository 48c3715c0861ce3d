#!/usr/bin/env bash
# Load test of a release lede-server on loopback with wrk (Debian package `wrk`), bounded in
# time: a nominal run and a 10x-connections overload run against a ~100 KB article.
# Prints requests/s, p50/p90/p99 latency, status counts and the server's memory (RSS).
#
#   scripts/load-test.sh            # defaults below
#   DURATION=10 CONNS=8 scripts/load-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
DURATION=${DURATION:-20}        # seconds per run
CONNS=${CONNS:-8}               # nominal concurrent connections
OVERLOAD=${OVERLOAD:-10}        # overload multiplier on connections
THREADS=${THREADS:-2}
BODY=${BODY:-crates/lede-server/tests/fixtures/article-100k.html}
ADDR=127.0.0.1:$PORT            # loopback only, never another address

command -v wrk >/dev/null || { echo "load-test: wrk not found; apt-get install wrk" >&2; exit 2; }
if [ -z "${BIN:-}" ]; then       # BIN=path/to/lede-server compares another build
    cargo build --release -q -p lede-server
    BIN=target/release/lede-server
fi

LEDE_LOG=warn "$BIN" --listen "$ADDR" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$SERVER/stat"; }   # utime+stime, 100 Hz ticks
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$SERVER/status"; }
hwm() { awk '/^VmHWM/ {print $2 " kB"}' "/proc/$SERVER/status"; }
run() {
    local conns=$1
    LEDE_LOAD_BODY="$BODY" wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --timeout 10s --latency \
        -s scripts/load-test.lua "http://$ADDR/v1/extract"
}

echo "== lede-server load test: $(nproc) CPUs, body $(wc -c <"$BODY") bytes ($BODY)"
echo "== server RSS at start: $(rss)"
echo "== warm-up (3 s)"
DURATION=3 run "$CONNS" >/dev/null
echo "== server RSS after warm-up: $(rss)"
echo "== nominal: $CONNS connections, ${DURATION}s"
CPU0=$(cpu_ms)
run "$CONNS" | tee /tmp/lede-load-nominal.$$
CPU1=$(cpu_ms)
N=$(sed -n 's/.*-- summary: requests=\([0-9]*\).*/\1/p' /tmp/lede-load-nominal.$$)
rm -f /tmp/lede-load-nominal.$$
echo "== server CPU time: $((CPU1 - CPU0)) ms for $N requests = $(awk "BEGIN {printf \"%.2f\", ($CPU1 - $CPU0) / $N}") ms CPU per request"
echo "== server RSS after nominal run: $(rss) (peak $(hwm))"
OVER=$((CONNS * OVERLOAD))
echo "== overload: $OVER connections (${OVERLOAD}x), ${DURATION}s"
( for i in $(seq "$DURATION"); do sleep 1; echo "   t=${i}s RSS $(rss)"; done ) &
SAMPLER=$!
run "$OVER"
wait "$SAMPLER" 2>/dev/null || true
echo "== server RSS after overload: $(rss) (peak $(hwm))"
curl -fsS "http://$ADDR/healthz" >/dev/null && echo "== server still healthy after overload"
echo "== /metrics error counters:"
curl -fsS "http://$ADDR/metrics" | grep -E '^lede_errors_total|^lede_extraction_duration_seconds_(sum|count)' || true
kill -TERM "$SERVER"
wait "$SERVER" && echo "== server stopped cleanly on SIGTERM"
trap - EXIT
