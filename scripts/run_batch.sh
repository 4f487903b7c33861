#!/usr/bin/env bash
# The main job on a fresh machine: set up, then batch-extract data/raw/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m extractor batch data/raw --out out "$@"
