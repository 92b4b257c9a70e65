"""The corpus index on 3,000 reports, half of them not named `<place>_<year>`: `places`,
`compare` and `track` with the index cold (just deleted) and warm, against REV, same output.

    python bench/bench_corpus_index.py [--against REV] [--runs 5] [--folder DIR]

Builds the corpus once in --folder (kept when it is there): every report of ../shared/corpus
and ../shared/panel under its own name (named/corpus, named/panel), then copies of random
ones (seed 15) as renamed/report_0001.txt … up to 3,000 files, whose place and year only
their text tells. REV (e.g. a commit without the index) is checked out into a temporary git
worktree; a folder given instead is used as it is (a copy of another checkout). Each
checkout gets a cache folder of its own whose values a first run of every command fills:
what is timed is finding and placing the reports, not extracting them. Rounds are
interleaved (this cold, this warm, REV …) and the medians printed, with whether each
command's stdout, stderr and exit code are the same in both checkouts. "scan" times only
Corpus(folder).resolve_all(places) inside one process, without start-up and imports.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SIZE = 3000
COMMANDS = {"scan": ["北京", "上海", "广东省"],   # see SCAN
            "places": ["places"], "compare": ["compare", "北京", "上海", "广东省"], "track": ["track", "北京"]}
SCAN = """import sys, time
from polcmp.indicators.corpus import Corpus
started = time.perf_counter()
found = Corpus(sys.argv[1]).resolve_all(sys.argv[2:])
print(time.perf_counter() - started, file=sys.stderr)
print(*(f"{e.place} {e.year} {e.path}" for e in found), sep="\\n")
"""


def build(folder: Path) -> None:
    """The originals under their names, then renamed copies of random ones up to SIZE files."""
    originals = []
    for source in ("corpus", "panel"):
        (folder / "named" / source).mkdir(parents=True)
        for path in sorted((SHARED / source).glob("*_*.txt")):
            shutil.copy2(path, folder / "named" / source / path.name)
            originals.append(folder / "named" / source / path.name)
    (folder / "renamed").mkdir()
    for i, path in enumerate(random.Random(15).sample(originals, SIZE - len(originals)), 1):
        shutil.copy2(path, folder / "renamed" / f"report_{i:04d}.txt")


def run(checkout: Path, cache: Path, folder: Path, label: str) -> tuple[float, tuple]:
    """Seconds, and (exit code, stdout, stderr) of one command; for "scan", the seconds of
    finding the places in process (SCAN), and what it found."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "POLCMP_CACHE": str(cache)}
    for name in ("POLCMP_NO_CACHE", "POLCMP_CORPUS", "POLCMP_RULES"):
        env.pop(name, None)
    args = COMMANDS[label]
    if label == "scan":
        done = subprocess.run([sys.executable, "-c", SCAN, str(folder), *args], env=env, cwd=checkout,
                              capture_output=True, check=True)
        return float(done.stderr), (done.returncode, done.stdout)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "polcmp", *args, "--corpus", str(folder), "-f", "csv"],
                          env=env, cwd=checkout, capture_output=True)
    return time.perf_counter() - started, (done.returncode, done.stdout, done.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", metavar="REV")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "polcmp-bench-3000")
    args = ap.parse_args()
    if not args.folder.exists():
        build(args.folder)
    print(f"{sum(1 for p in args.folder.rglob('*.txt'))} reports in {args.folder}, "
          f"{len(list((args.folder / 'renamed').iterdir()))} named by their text only")
    with tempfile.TemporaryDirectory() as tmp:
        checkouts = {"this": ROOT}
        worktree = args.against and not Path(args.against).is_dir()
        if args.against:
            checkouts[args.against] = Path(tmp) / "base" if worktree else Path(args.against)
        if worktree:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(checkouts[args.against]),
                            args.against], check=True, capture_output=True)
        try:
            caches = {name: Path(tmp) / f"cache-{i}" for i, name in enumerate(checkouts)}
            for label, command in COMMANDS.items():
                outputs = {name: run(checkout, caches[name], args.folder, label)[1]
                           for name, checkout in checkouts.items()}   # fills the value caches
                times: dict[str, list[float]] = {"this, index cold": [], "this, index warm": []}
                for _ in range(args.runs):
                    shutil.rmtree(caches["this"] / "corpus", ignore_errors=True)   # corpus_index.SUBFOLDER
                    times["this, index cold"].append(run(ROOT, caches["this"], args.folder, label)[0])
                    times["this, index warm"].append(run(ROOT, caches["this"], args.folder, label)[0])
                    if args.against:
                        seconds, _ = run(checkouts[args.against], caches[args.against], args.folder, label)
                        times.setdefault(args.against, []).append(seconds)
                print(f"Corpus(folder).resolve_all({command}) in process" if label == "scan" else
                      f"polcmp {' '.join(command)} --corpus … -f csv", f"({args.runs} runs, medians)")
                for name, seconds in times.items():
                    print(f"  {name:<18} {statistics.median(seconds):6.2f} s  "
                          f"(min {min(seconds):.2f}, max {max(seconds):.2f})")
                if args.against:
                    same = outputs["this"] == outputs[args.against]
                    print(f"  output against {args.against}: {'identical' if same else 'DIFFERENT'}")
        finally:
            if worktree:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkouts[args.against])],
                               capture_output=True)


if __name__ == "__main__":
    main()
