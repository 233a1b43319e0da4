#!/usr/bin/env bash
# Create .venv (if needed) and install geokit into it. Usage: scripts/setup.sh [EXTRAS]
# EXTRAS like "test" installs geokit[test]. Idempotent and quiet on re-runs.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp=".venv/.geokit-installed-${extras:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q -e "$spec"
  touch "$stamp"
fi
