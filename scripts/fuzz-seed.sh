#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ (gitignored) from the repository's own test pages, so a
# campaign starts from real markup and text rather than from nothing. Safe to rerun: seeds
# are named by content hash, and whatever the fuzzer added to the corpus stays.
#
# usage: scripts/fuzz-seed.sh [MAX_BYTES]   (default 32768: longer seeds are cut, since
# campaigns run with a small -max_len to keep the rate high)
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-32768}

# seed TARGET FILE...: copies the first MAX_BYTES of each file into the target's corpus.
seed() {
    local dir="fuzz/corpus/$1"
    shift
    mkdir -p "$dir"
    local f hash
    for f in "$@"; do
        [ -f "$f" ] || continue
        hash=$(head -c "$max" "$f" | sha1sum | cut -c1-16)
        head -c "$max" "$f" > "$dir/seed-$hash"
    done
    echo "$dir: $(find "$dir" -type f | wc -l) inputs" >&2
}

seed extract_never_panics crates/lede-core/tests/fixtures/golden/*/source.html
seed extract_text_never_panics crates/lede-core/tests/fixtures/text/*.txt
