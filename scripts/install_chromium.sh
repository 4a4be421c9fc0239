#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests. Playwright's own browser download does
# not work here (see shared/SETUP-NOTES.md), so the tests launch this one instead.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "Chromium ready: $(chromium --version 2>/dev/null)"
