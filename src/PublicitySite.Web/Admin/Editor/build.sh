#!/usr/bin/env bash
# Rebuilds the admin's rich-text editor bundle (Assets/rich-editor.js and .css) from src/.
# Needs Node 18+ and npm; only for changing the editor: running or testing the site never needs Node.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
