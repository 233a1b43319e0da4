#!/usr/bin/env bash
# Set up and run geokit's main job on the built-in demo data (or the files named), writing to outputs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/geokit demo "$@"
