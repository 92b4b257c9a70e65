#!/usr/bin/env bash
# The peer's own environment for bench/bench_speed.py (found at bench/.peer-venv): JioNLP is never a polcmp dependency.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .peer-venv && .peer-venv/bin/pip install -q --disable-pip-version-check jionlp
echo "peer ready: python bench/bench_speed.py (finds bench/.peer-venv by itself)"
