"""bench/bench_speed.py still runs against the engine: its in-process sections, one round on the
seeds (the figures themselves are the benchmark's business, not a test's)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEEDS


def test_bench_speed_measures_the_seeds():
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_speed.py"), "--quick", "--runs", "1",
                           "--only", "extract", "--only", "stages", "--corpus", str(SEEDS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "| polcmp, this checkout: read + extract |" in proc.stdout
    assert "| baseline: bare `re` scan for numbers: read + scan |" in proc.stdout
    assert "| the work per number (extract less the three stages above it) |" in proc.stdout
