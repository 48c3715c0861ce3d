#!/usr/bin/env bash
# Writes every development page's extracted article (JSON, one line each, sorted by input) to
# OUT_DIR/<set>.jsonl, so a refactor can be checked byte for byte against the outputs before
# it: run it before and after, then `diff -r BEFORE AFTER`.
#
# usage: scripts/snapshot-outputs.sh OUT_DIR [CORPUS_DIR]
# CORPUS_DIR defaults to $LEDE_CORPUS, else ../shared/corpus. Each line's `input` is written
# relative to the set's folder, so snapshots taken from different checkouts compare.
# LEDE=path/to/lede picks the binary (default: target/release/lede, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: snapshot-outputs.sh OUT_DIR [CORPUS_DIR]}
corpus=${2:-${LEDE_CORPUS:-../shared/corpus}}
lede=${LEDE:-target/release/lede}
if [ -z "${LEDE:-}" ]; then cargo build --release -q -p lede-cli; fi
mkdir -p "$out"
for set in readability wcxb_dev dragnet_dev text; do
    [ -d "$corpus/$set" ] || continue
    # Exit code 1 (some inputs hold no article) is a normal outcome here.
    "$lede" extract "$corpus/$set" -f jsonl --no-progress --quiet --jobs 2 2>/dev/null \
        | sed "s|^{\"input\":\"$corpus/$set/|{\"input\":\"|" \
        | LC_ALL=C sort > "$out/$set.jsonl" || true
    echo "$set: $(wc -l < "$out/$set.jsonl") outputs" >&2
done
