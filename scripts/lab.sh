#!/usr/bin/env bash
# Start JupyterLab on geokit's notebooks, as a user or as root (containers): `bash scripts/lab.sh [ARGS...]`.
# Installs the notebooks extra into .venv on first use; extra arguments go to `jupyter lab`
# (e.g. --no-browser --port 8890). GEOKIT_JUPYTER names another jupyter executable.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
jupyter="${GEOKIT_JUPYTER:-}"
if [ -z "$jupyter" ]; then
  bash scripts/setup.sh notebooks
  jupyter="$repo/.venv/bin/jupyter"
fi
args=(lab "--notebook-dir=$repo/notebooks")
if [ "$(id -u)" = "0" ]; then
  args+=(--allow-root)  # Jupyter refuses to run as root without it (containers, CI images)
fi
exec "$jupyter" "${args[@]}" "$@"
