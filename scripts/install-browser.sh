#!/usr/bin/env bash
# Installs what the lede-server browser test needs: Debian's Chromium, and playwright-core
# (driver only, no browser download) in crates/lede-server/tests/browser. Idempotent: a
# second run with everything present returns at once.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "install-browser: installing Debian's chromium" >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium
fi

browser_dir=crates/lede-server/tests/browser
if [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
    echo "install-browser: installing playwright-core (no browser download)" >&2
    (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium missing'); playwright-core $(node -p "require('./$browser_dir/node_modules/playwright-core/package.json').version")" >&2
