#!/usr/bin/env bash
# Builds the fuzz targets in fuzz/ (their own workspace) so CI catches a target that no
# longer compiles. It does not fuzz: see docs/TESTING.md for running the fuzzer.
#
# With cargo-fuzz installed this is the real instrumented build; `-s none` drops the
# sanitizer, which is what lets it run on the stable toolchain. Without cargo-fuzz (CI:
# installing it costs minutes) it builds the same target with plain cargo, which links
# against libfuzzer-sys without coverage instrumentation.
set -euo pipefail
cd "$(dirname "$0")/.."

if cargo fuzz --version >/dev/null 2>&1; then
    cargo fuzz build -s none extract_never_panics
else
    cargo build --locked --manifest-path fuzz/Cargo.toml --bin extract_never_panics
fi
