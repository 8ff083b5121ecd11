#!/usr/bin/env bash
# The browser tests drive a real Chromium; browsers cannot be downloaded by the test tools here.
# Use CHROMIUM_PATH or Debian's /usr/bin/chromium; as root, install Debian's package when missing.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found: install one with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH to its executable." >&2
exit 1
