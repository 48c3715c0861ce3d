#!/usr/bin/env bash
# Runs the Python binding's tests (bindings/python/tests) in a fresh virtual environment:
# installs the package the way the README says (`pip install ./bindings/python`), with pytest
# and what the Spark test needs (pyspark, pyarrow, warcio from PyPI; Java from Debian when
# `java` is missing), then runs pytest. The venv lives under target/ and is made anew each
# run, so a stale install can never pass for a fresh one.
#
# Usage: scripts/python-tests.sh [PYTEST_ARGS...]
# The Spark test is required here (LEDE_REQUIRE_SPARK=1): a missing dependency fails it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "python-tests: installing Debian's default-jre-headless for Spark" >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends default-jre-headless
fi

python=${PYTHON:-python3}
venv=target/python-tests-venv
rm -rf "$venv"
"$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip --quiet --disable-pip-version-check)
"${pip[@]}" install ./bindings/python pytest pyspark pyarrow warcio
echo "python-tests: $("$venv/bin/python" -c 'import lede, pyspark, pyarrow; print("lede", lede.__version__, "pyspark", pyspark.__version__, "pyarrow", pyarrow.__version__)'); $(java -version 2>&1 | head -1)" >&2

# The API tests compare with the CLI's output: build it if cargo test has not.
cargo build --quiet -p lede-cli
export LEDE="$PWD/target/debug/lede" LEDE_REQUIRE_SPARK=1
status=0
"$venv/bin/python" -m pytest bindings/python/tests -p no:cacheprovider "$@" || status=$?
# pytest exits 5 when it collected no test: for CI that is a failure, not a pass.
if [ "$status" -eq 5 ]; then echo "python-tests: pytest ran no test" >&2; exit 1; fi
exit "$status"
