"""Wall time of `polcmp compare`, as users run it.

    python bench/bench_compare.py [--corpus ../shared/corpus] [--runs 5]

- `polcmp compare 临海 永嘉 龙港 -f csv` on the bundled seeds (goal ≤ 1 s);
- a 30-place compare over the corpus (the first 30 files by name), one process and --jobs 2;
- beside them, `python -c pass` and `polcmp --version` (start-up alone), same run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import wall

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    polcmp = [sys.executable, "-m", "polcmp"]
    places = [f.stem.split("_")[0] for f in sorted(Path(args.corpus).glob("*_*.txt"))][:30]
    rows = [
        ("`polcmp compare 临海 永嘉 龙港 -f csv` (seeds)", wall(polcmp + ["compare", "临海", "永嘉", "龙港", "-f", "csv"], args.runs, ROOT)),
        ("`polcmp compare` 30 places of the corpus, -f csv", wall(polcmp + ["compare", *places, "--corpus", args.corpus, "-f", "csv"], args.runs, ROOT)),
        ("same, --jobs 2", wall(polcmp + ["compare", *places, "--corpus", args.corpus, "-f", "csv", "--jobs", "2"], args.runs, ROOT)),
        ("baseline: `polcmp --version` (start-up)", wall(polcmp + ["--version"], args.runs, ROOT)),
        ("baseline: `python -c pass`", wall([sys.executable, "-c", "pass"], args.runs, ROOT)),
    ]
    print(f"median of {args.runs} runs\n\n| command | wall time |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} s |")


if __name__ == "__main__":
    main()
