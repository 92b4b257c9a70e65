"""Timing helpers shared by the benchmarks: medians of several runs, taken in turn."""
from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
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


def rounds(tasks: dict, runs: int) -> tuple[dict[str, list[float]], dict[str, list]]:
    """Call every task once per round, in turn, for `runs` rounds (A B C A B C …), so the drift
    of a noisy machine touches them all alike. Returns the seconds of each call and what each
    call returned, both by task name."""
    seconds: dict[str, list[float]] = {name: [] for name in tasks}
    results: dict[str, list] = {name: [] for name in tasks}
    for _ in range(runs):
        for name, fn in tasks.items():
            t = time.perf_counter()
            results[name].append(fn())
            seconds[name].append(time.perf_counter() - t)
    return seconds, results


def ratio(slow: list[float], fast: list[float]) -> float:
    """How many times faster `fast` is: the median of the ratios of calls of the same round."""
    return statistics.median(s / f for s, f in zip(slow, fast))


def run(args: list[str], env=None, cwd=None) -> float:
    """Run a command to its end (output discarded; it must succeed). Returns its peak memory in
    MB: the largest resident size of the command or of any child it waited for (wait4)."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"{' '.join(args)} failed (exit {proc.returncode}):\n"
                               f"{err.read().decode(errors='replace')[-2000:]}")
    return usage.ru_maxrss / 1024
