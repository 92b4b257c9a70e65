"""Wall time of a corpus command over a whole panel, cold and warm value cache.

    python bench/bench_panel.py [--corpus ../shared/panel] [--runs 5]
                                [--command "track --corpus {corpus} -f csv"]

- reading every report (read_report, in this process: the floor of any run that reads them);
- the command with an empty cache (a fresh POLCMP_CACHE folder every run), --jobs 1 and 2;
- the same with --no-cache (extraction alone, nothing stored);
- the command again with the cache filled (warm), --jobs 1 and 2;
- beside them, `polcmp --version` (start-up alone).
`{corpus}` in --command stands for the corpus folder; --jobs is appended. The runs are
interleaved (each round runs every variant once), so a busy machine skews no ratio; CPU
time (the command and its workers, from getrusage) is shown beside wall time, as it varies
less when other work shares the machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_all(corpus: str) -> int:
    """read_report every report of the corpus; how many there were."""
    from polcmp.indicators.batch import expand_inputs
    from polcmp.indicators.reports import read_report

    paths, _ = expand_inputs([corpus])
    for path in paths:
        read_report(path)
    return len(paths)


def run_once(args: list[str], cache: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of it and its workers) of one run of args with POLCMP_CACHE at `cache`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = median_time(lambda: subprocess.run(
        args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_CACHE": cache}), 1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def interleaved(variants: dict[str, tuple[list[str], str | None]], runs: int, scratch: str
                ) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each variant (args, cache folder or None for a fresh empty
    one each run). Every round runs every variant once, so a busy machine slows them all alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (args, cache) in variants.items():
            times[name].append(run_once(args, cache or tempfile.mkdtemp(dir=scratch)))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
            for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "panel"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--command", default="track --corpus {corpus} -f csv",
                    help="polcmp arguments to time; {corpus} is replaced by the corpus folder")
    args = ap.parse_args()
    args.corpus = str(Path(args.corpus).resolve())   # the commands run from the checkout
    polcmp = [sys.executable, "-m", "polcmp", *shlex.split(args.command.format(corpus=args.corpus))]
    count = read_all(args.corpus)
    read = median_time(lambda: read_all(args.corpus), args.runs)
    with tempfile.TemporaryDirectory(prefix="polcmp-bench-") as scratch:
        warm = tempfile.mkdtemp(dir=scratch)
        run_once(polcmp, warm)                                    # fill it once
        times = interleaved({
            "cold cache, --jobs 1": (polcmp + ["--jobs", "1"], None),
            "cold cache, --jobs 2": (polcmp + ["--jobs", "2"], None),
            "no cache (--no-cache), --jobs 1": (polcmp + ["--jobs", "1", "--no-cache"], None),
            "warm cache, --jobs 1": (polcmp + ["--jobs", "1"], warm),
            "warm cache, --jobs 2": (polcmp + ["--jobs", "2"], warm),
            "baseline: `polcmp --version` (start-up)": ([sys.executable, "-m", "polcmp", "--version"], warm),
        }, args.runs, scratch)
    cold, cold_cpu = times["cold cache, --jobs 1"]
    print(f"{count} reports in {args.corpus}; `polcmp {args.command}`; median of {args.runs} runs, interleaved\n")
    print("| run | wall time | ÷ cold --jobs 1 | CPU time (all processes) | ÷ cold --jobs 1 |\n|---|---|---|---|---|")
    print(f"| read_report every file (in process, no start-up) | {read:.2f} s | {read / cold:.2f} | | |")
    for name, (seconds, cpu) in times.items():
        print(f"| {name} | {seconds:.2f} s | {seconds / cold:.2f} | {cpu:.2f} s | {cpu / cold_cpu:.2f} |")


if __name__ == "__main__":
    main()
