"""What a user's catalogue costs, and what hostile patterns cost, in one run.

    python bench/bench_user_patterns.py [--corpus ../shared/corpus] [--runs 3]

1. The built-in catalogue as a user's file would run it: every pattern that RE2 or the
   backtracking bound can take is run that way (safe_regex.py), only those neither can take
   stay on `re`. Same values as the built-in run on every report? Time of both, in turn.
2. Hostile patterns a user might write, on a hostile line: Python's `re` against the engine
   polcmp chooses (with a time limit on `re`, run in a child process).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from polcmp.indicators.catalogue import (built_in_sources, compile_catalogue, load_catalogue,  # noqa: E402
                                         read_catalogue_file)
from polcmp.indicators.extract import Extractor  # noqa: E402
from polcmp.indicators.paths import bundled  # noqa: E402
from polcmp.indicators.reports import read_report  # noqa: E402
from polcmp.indicators.safe_regex import PatternCompiler, UnsafePattern, checked  # noqa: E402

HOSTILE = ["(a|a)*b", "(a|aa)+b", "(a?){28}a{28}", "(.*a){12}b", "(a+a+)+b"]
LINE = "a" * 28 + "!"   # 28 characters: enough for Python's re to take from 0.1 s to minutes


def runs_unchecked(src: str) -> bool:
    try:
        checked(src)
        return False
    except UnsafePattern:
        return True


def rows(extractor: Extractor, reports) -> list[str]:
    return [json.dumps(dataclasses.asdict(v), ensure_ascii=False, default=str)
            for report in reports for v in extractor.extract(report)]


def python_search(pattern: str) -> None:
    re.search(pattern, LINE)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    data, _ = read_catalogue_file(bundled("rules.yaml"))
    stay = frozenset(filter(runs_unchecked, built_in_sources()))
    normal = Extractor(load_catalogue())
    as_users = Extractor(compile_catalogue(data, "rules.yaml", PatternCompiler(stay)))
    reports = [read_report(p) for p in sorted(Path(args.corpus).glob("*.txt"))]
    same = rows(normal, reports) == rows(as_users, reports)
    times = {"built-in": [], "as a user's": []}
    for _ in range(args.runs):
        for name, ex in (("built-in", normal), ("as a user's", as_users)):
            started = time.perf_counter()
            rows(ex, reports)
            times[name].append(time.perf_counter() - started)
    print(f"1. {len(reports)} reports; {len(built_in_sources()) - len(stay)} of {len(built_in_sources())} built-in "
          f"patterns checked, {len(stay)} on re; values identical: {same}")
    for name, t in times.items():
        print(f"   {name:<12} median {statistics.median(t):.2f} s of {args.runs}")
    ratio = statistics.median(times["as a user's"]) / statistics.median(times["built-in"])
    print(f"   ratio {ratio:.2f}")

    print(f"2. hostile patterns on {LINE[:10]}… ({len(LINE)} characters)")
    for pattern in HOSTILE:
        started = time.perf_counter()
        checked(pattern).search(LINE)
        ours = time.perf_counter() - started
        child = multiprocessing.Process(target=python_search, args=(pattern,))
        started = time.perf_counter()
        child.start()
        child.join(10)
        python = time.perf_counter() - started
        if child.is_alive():
            child.kill()
            python_text = "over 10 s (stopped)"
        else:
            python_text = f"{python:.2f} s"
        print(f"   {pattern:<16} polcmp {ours * 1000:.2f} ms   Python re {python_text}")


if __name__ == "__main__":
    main()
