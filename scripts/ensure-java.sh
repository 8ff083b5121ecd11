#!/usr/bin/env bash
# The Nu HTML Checker (vnu-jar, in the built-site tests) runs on Java. Use the `java` on PATH; when there
# is none, install Debian's headless runtime, as root or with sudo (like ensure-chromium.sh for Chromium).
set -euo pipefail
if command -v java >/dev/null 2>&1; then exit 0; fi
install() {
  echo "Installing a Java runtime for the Nu HTML Checker (apt-get install default-jre-headless)…"
  "$@" apt-get update -qq
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
}
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    install
    exit 0
  fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    install sudo
    exit 0
  fi
fi
echo "No Java found: install one with 'sudo apt-get install -y default-jre-headless' (the Nu HTML Checker needs it)." >&2
exit 1
