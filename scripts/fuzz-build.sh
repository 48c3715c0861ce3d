#!/usr/bin/env bash
# Builds every fuzz target in fuzz/ (their own workspace) so CI catches a target that no
# longer compiles. It does not fuzz: see docs/TESTING.md for running the fuzzer.
#
# With cargo-fuzz installed this is the real instrumented build; `-s none` drops the
# sanitizer, which is what lets it run on the stable toolchain. Without cargo-fuzz (CI:
# installing it costs minutes) it builds the same targets with plain cargo, which links
# against libfuzzer-sys without coverage instrumentation.
set -euo pipefail
cd "$(dirname "$0")/.."

if cargo fuzz --version >/dev/null 2>&1; then
    cargo fuzz build -s none
else
    cargo build --locked --manifest-path fuzz/Cargo.toml --bins
fi
