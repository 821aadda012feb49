#!/usr/bin/env bash
# Builds the browser pages (called by Maven in generate-resources): installs the npm packages pinned in
# package-lock.json when they are missing or out of date, then bundles with esbuild into $1.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
out=${1:?usage: build.sh OUTPUT_DIRECTORY}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Corridor's browser pages are built with Node.js 18 or newer and npm, which this machine lacks." >&2
  echo "Install them (Debian/Ubuntu: sudo apt-get install nodejs npm), then build again." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "web: npm ci (packages pinned in package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs "$out"
