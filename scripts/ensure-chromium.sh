#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (browser downloads by Playwright cannot work offline).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (about 20 s)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $chromium_path: install Debian's 'chromium' package (as root: apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH." >&2
exit 1
