#!/usr/bin/env bash
# Install Debian's chromium for the browser tests. Idempotent, and never fails the build:
# when it cannot install, it says so and the browser tests skip themselves.
set -uo pipefail

say() { echo "install-chromium: $*" >&2; }

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    say "/usr/bin/chromium is missing and we are not root; run 'sudo apt-get install chromium' (browser tests will be skipped)."
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "/usr/bin/chromium is missing and this is not a Debian system; install Chromium yourself (browser tests will be skipped)."
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
say "installing Debian's chromium for the browser tests…"
if apt-get update </dev/null && apt-get install -y chromium </dev/null; then
    say "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)."
else
    say "could not install chromium with apt-get (offline?); browser tests will be skipped."
fi
exit 0
