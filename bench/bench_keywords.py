"""Wall time of `polcmp keywords`, warm and cold segmentation cache.

    python bench/bench_keywords.py [--corpus ../shared/corpus] [--runs 5]

- keywords for the 5 bundled seeds with a warm cache (goal ≤ 1.5 s);
- keywords for 30 corpus reports with a cold cache (a fresh cache folder every run: jieba
  loads its dictionary and segments every report);
- beside them, `polcmp --version` (start-up alone), same run.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import median_time, wall

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    polcmp = [sys.executable, "-m", "polcmp", "keywords"]
    seeds = ["临海", "永嘉", "龙港", "金华", "芝罘"]
    places = [f.stem.split("_")[0] for f in sorted(Path(args.corpus).glob("*_*.txt"))][:30]
    with tempfile.TemporaryDirectory() as warm:
        os.environ["POLCMP_CACHE"] = warm
        wall(polcmp + seeds, 1, ROOT)                       # fill the cache once
        warm_time = wall(polcmp + seeds + ["-f", "csv"], args.runs, ROOT)

    def cold():
        with tempfile.TemporaryDirectory() as empty:
            os.environ["POLCMP_CACHE"] = empty
            wall(polcmp + places + ["--corpus", args.corpus, "-f", "csv"], 1, ROOT)
    cold_time = median_time(cold, args.runs)
    start_up = wall([sys.executable, "-m", "polcmp", "--version"], args.runs, ROOT)
    print(f"median of {args.runs} runs\n\n| command | wall time |\n|---|---|")
    print(f"| `polcmp keywords` 5 seeds, warm cache | {warm_time:.2f} s |")
    print(f"| `polcmp keywords` 30 corpus reports, cold cache | {cold_time:.2f} s |")
    print(f"| baseline: `polcmp --version` (start-up) | {start_up:.2f} s |")


if __name__ == "__main__":
    main()
