"""This checkout against an earlier revision, in one run: same output, how fast.

    python bench/bench_against.py REV [--corpus ../shared/corpus] [--also ../shared/panel] [--runs 5]

Checks REV out into a temporary git worktree, then times `polcmp extract CORPUS -f jsonl`
of both (no cache) in turn, A B A B …, so drift of the machine touches both alike. Prints
the medians and the median of the pairwise ratios, and whether the two outputs are the same
byte for byte (paths made relative first). --also adds folders to the output check only.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract(checkout: Path, folders: list[str]) -> tuple[float, bytes]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "POLCMP_NO_CACHE": "1"}
    env.pop("POLCMP_RULES", None)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "polcmp", "extract", *folders, "-f", "jsonl"], env=env,
                         cwd=checkout, capture_output=True, check=True).stdout
    return time.perf_counter() - started, re.sub(rb'"file": "[^"]*/([^"/]+)"', rb'"file": "\1"', out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--also", nargs="*", default=[])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpus = str(Path(args.corpus).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.rev],
                       check=True, capture_output=True)
        try:
            folders = [corpus, *(str(Path(a).resolve()) for a in args.also)]
            same = extract(ROOT, folders)[1] == extract(base, folders)[1]
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(extract(ROOT, [corpus])[0])
                theirs.append(extract(base, [corpus])[0])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True)
    ratios = [a / b for a, b in zip(ours, theirs)]
    print(f"extract {corpus} -f jsonl, {args.runs} runs each, in turn")
    print(f"  this checkout  median {statistics.median(ours):.2f} s  (min {min(ours):.2f}, max {max(ours):.2f})")
    print(f"  {args.rev:<13}  median {statistics.median(theirs):.2f} s  (min {min(theirs):.2f}, max {max(theirs):.2f})")
    print(f"  ratio (pairwise median) {statistics.median(ratios):.3f}")
    print(f"  output over {', '.join(folders)}: {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
