"""Rebuild the shipped keyword background, indicators/background.tsv.gz, byte for byte.

    python bench/build_background.py [--corpus ../shared/corpus] [--check]

Runs `polcmp keywords --build-background CORPUS -o TMP` with an empty segmentation cache
(every report is segmented afresh: about 30 s for the 300 reports), then moves TMP into
place. polcmp itself refuses to write inside its own folder; this script is the one way the
shipped file changes. With --check it rebuilds into a temporary file and compares it with the
shipped one instead: exit 0 if identical, 1 if not.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "indicators" / "background.tsv.gz"


def build(corpus: str, target: Path) -> float:
    """Seconds taken to build a background of `corpus` into `target`, with a fresh cache."""
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "polcmp", "keywords", "--build-background", corpus, "-o", str(target)],
                       cwd=ROOT, check=True, env={**os.environ, "POLCMP_CACHE": cache})
        return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--check", action="store_true", help="Compare a rebuild with the shipped file; change nothing.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        built = Path(work) / SHIPPED.name
        seconds = build(args.corpus, built)
        if args.check:
            same = filecmp.cmp(built, SHIPPED, shallow=False)
            print(f"{'identical to' if same else 'DIFFERS from'} {SHIPPED.relative_to(ROOT)} ({seconds:.1f} s)")
            sys.exit(0 if same else 1)
        shutil.copyfile(built, SHIPPED)
        print(f"rebuilt {SHIPPED.relative_to(ROOT)} ({SHIPPED.stat().st_size} bytes, {seconds:.1f} s)")


if __name__ == "__main__":
    main()
