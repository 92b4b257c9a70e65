"""Many reports at once: directories expanded, reports read and extracted in N processes,
results handed back in input order whatever N is, a bounded number in flight (memory stays
flat however many files there are)."""
from __future__ import annotations

import os
import re
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .catalogue import Catalogue
from .errors import ReportError
from .extract import Extractor
from .formats import SUFFIXES
from .models import Value
from .reports import read_report

IN_FLIGHT_PER_JOB = 4
_NOT_A_REPORT = re.compile(r"(?i)(readme|license|licence|changelog|contributing)\b")   # a folder's own docs   # reports queued per worker: enough to keep it busy, few enough to stay small


def expand_inputs(arguments: Iterable[str]) -> tuple[list[str], list[ReportError]]:
    """Files as given; a directory stands for every report below it (by name, hidden ones
    skipped). A directory with no report in it is an error of its own; the rest go on."""
    paths: list[str] = []
    problems: list[ReportError] = []
    for arg in arguments:
        p = Path(arg)
        if arg != "-" and p.is_dir():
            found = sorted(str(f) for f in p.rglob("*")
                           if f.is_file() and f.suffix.lower() in SUFFIXES and not _NOT_A_REPORT.match(f.name)
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(ReportError(arg, f"no reports in this directory ({' '.join(sorted(SUFFIXES))})"))
            paths.extend(found)
        else:
            paths.append(arg)
    return paths, problems


Outcome = tuple[str, "list[Value] | ReportError"]

_worker_extractor: Extractor | None = None
_worker_encoding: str | None = None


def _init_worker(catalogue: Catalogue, encoding: str | None) -> None:
    global _worker_extractor, _worker_encoding
    _worker_extractor, _worker_encoding = Extractor(catalogue), encoding


def _extract_one(path: str) -> Outcome:
    return _run_one(_worker_extractor, path, _worker_encoding)


def _run_one(extractor: Extractor, path: str, encoding: str | None) -> Outcome:
    try:
        return path, extractor.extract(read_report(path, encoding))
    except ReportError as e:
        return path, e
    except Exception as e:   # a bug on one report must not end a corpus run; it is named, not hidden
        if os.environ.get("POLCMP_DEBUG"):
            raise
        return path, ReportError(path, f"internal error ({type(e).__name__}: {e}); please report it")


def extract_many(paths: list[str], extractor: Extractor, encoding: str | None = None, jobs: int = 1,
                 on_done: Callable[[str], None] | None = None) -> Iterator[Outcome]:
    """(path, values or the ReportError) for every path, in the order given.

    With jobs > 1 the work runs in that many processes, each given the same catalogue."""
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for path in paths:
            outcome = _run_one(extractor, path, encoding)
            if on_done:
                on_done(path)
            yield outcome
        return
    from concurrent.futures import ProcessPoolExecutor   # only runs with --jobs pay for it

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(extractor.catalogue, encoding)) as pool:
        for outcome in _in_order(pool, paths, jobs * IN_FLIGHT_PER_JOB):
            if on_done:
                on_done(outcome[0])
            yield outcome


def _in_order(pool, paths: list[str], window: int) -> Iterator[Outcome]:
    """Like pool.map, but with at most `window` reports submitted and not yet consumed."""
    todo = iter(paths)
    pending = deque(pool.submit(_extract_one, p) for p in islice(todo, window))
    while pending:
        outcome = pending.popleft().result()
        for p in islice(todo, 1):
            pending.append(pool.submit(_extract_one, p))
        yield outcome
