#!/usr/bin/env bash
# Installs the tools' Node dependencies (pinned in package.json / package-lock.json) with the
# user's npm configuration. node_modules/ is ignored by git.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
