"""Timing helpers shared by the benchmarks: medians of several runs."""
from __future__ import annotations

import statistics
import subprocess
import time


def median_time(fn, runs: int) -> float:
    """Median seconds of `runs` calls of fn()."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def wall(args: list[str], runs: int, cwd=None) -> float:
    """Median wall time of a command (output discarded; it must succeed)."""
    return median_time(lambda: subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL, check=True), runs)
