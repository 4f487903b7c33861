#!/usr/bin/env bash
# The tests on a fresh machine: set up, run the test suite, then hold the quality floor on
# the gold test split (each floor a little under the score measured when it was set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q
.venv/bin/python -m extractor evaluate --gold data/annotated --split test \
  --floor dates=0.80 --floor units=0.72 --floor officials=0.90 --floor titles=0.74 \
  --floor indicators=0.85 --floor tasks=0.55 --floor documents=0.78 \
  --floor event.date=0.40 --floor title=0.90 --floor author=0.65
