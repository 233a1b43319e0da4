#!/usr/bin/env bash
# Set up (venv, geokit[test,nlp], Chromium for the browser tests) and run ruff and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will skip" >&2
  else
    echo "warning: chromium not found and cannot apt-get install it; browser tests will skip" >&2
  fi
fi
bash scripts/setup.sh test,nlp
.venv/bin/ruff check geokit tests
exec .venv/bin/python -m pytest -q "$@"
