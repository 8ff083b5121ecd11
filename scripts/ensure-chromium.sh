#!/usr/bin/env bash
# The browser tests drive a real Chromium; browsers cannot be downloaded by the test tools here.
# Use CHROMIUM_PATH or Debian's packages: the tests drive Chromium's headless shell (lighter), Lighthouse
# the whole browser. As root, install both when either is missing; the whole browser alone will do.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install chromium chromium-headless-shell)…"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null; then
    exit 0
  fi
  # No headless shell in this system's packages (or no network): the whole browser alone will do, only slower.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || true
fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "No Chromium found: install one with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH to its executable." >&2
exit 1
