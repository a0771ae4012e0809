#!/usr/bin/env bash
# Installs what the browser end-to-end test (tests/browser.rs) needs:
# Debian's headless-capable Chromium and its matching chromedriver.
# Idempotent: does nothing when both are already on PATH.
# Called by .ci/run before `cargo test`; run it by hand to run the test locally.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)

if [ "${#need[@]}" -eq 0 ]; then
    echo "browser.sh: chromium and chromedriver already installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "browser.sh: need root (or sudo) to install: ${need[*]}" >&2
        exit 1
    fi
fi

echo "browser.sh: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# chromium and chromium-driver must be the same version: install both together.
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation

chromium --version
chromedriver --version
