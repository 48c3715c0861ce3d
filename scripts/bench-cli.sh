#!/usr/bin/env bash
# Benchmark `lede extract` on a large folder: pages/s with 1 and with 2 jobs, and peak RSS.
#
# Builds a folder of at least MIN_FILES pages (default 5,000) by linking the corpus HTML
# pages (wcxb_dev/ and readability/, never the *.expected.html outputs) over and over
# into sub-folders, runs `lede extract <folder> --out <tmp> --jobs N` under
# `/usr/bin/time -v`, and prints throughput and peak resident memory. For reference it
# also prints the library's single-thread rate from `lede eval` (time inside `extract`
# only), so the CLI's scaling can be read against it.
#
# Usage: scripts/bench-cli.sh [CORPUS_DIR] [MIN_FILES] [JOBS...]
#   CORPUS_DIR  default: ../shared/corpus next to the repository, or $LEDE_CORPUS
#   MIN_FILES   default: 5000
#   JOBS        default: 1 2
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-${LEDE_CORPUS:-/work/shared/corpus}}
min_files=${2:-5000}
shift $(( $# > 2 ? 2 : $# )) || true
jobs_list=("${@:-1 2}")
# shellcheck disable=SC2206
jobs_list=(${jobs_list[*]})

cargo build --release -p lede-cli --quiet
lede=target/release/lede

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t pages < <(find "$corpus/wcxb_dev" "$corpus/readability" -name '*.html' ! -name '*.expected.html' | sort)
(( ${#pages[@]} > 0 )) || { echo "no pages under $corpus" >&2; exit 2; }
copies=$(( (min_files + ${#pages[@]} - 1) / ${#pages[@]} ))
for ((c = 0; c < copies; c++)); do
  mkdir -p "$work/in/copy$c"
  for p in "${pages[@]}"; do
    ln -s "$(realpath "$p")" "$work/in/copy$c/$(basename "$(dirname "$p")")-$(basename "$p")"
  done
done
files=$(( copies * ${#pages[@]} ))
bytes=$(( $(cat "${pages[@]}" | wc -c) * copies ))
echo "corpus: $files files ($copies copies of ${#pages[@]} pages), $(( bytes / 1000000 )) MB"

for dir in wcxb_dev readability; do
  "$lede" eval "$corpus/$dir" --jobs 1 --worst 0 | grep '^speed' | sed "s/^speed */library, $dir: /"
done

for jobs in "${jobs_list[@]}"; do
  rm -rf "$work/out"
  /usr/bin/time -v "$lede" extract "$work/in" --out "$work/out" --jobs "$jobs" --quiet \
    2> "$work/time.txt" || true
  wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
  rss_kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  written=$(find "$work/out" -type f | wc -l)
  awk -v j="$jobs" -v f="$files" -v s="$secs" -v r="$rss_kb" -v w="$written" -v b="$bytes" 'BEGIN {
    printf "cli, %d job(s): %d files in %.2f s = %.1f pages/s, %.1f MB/s; peak RSS %.1f MB; %d outputs written\n",
      j, f, s, f / s, b / 1e6 / s, r / 1024, w }'
done
