"""Many reports at once: directories expanded, reports read and extracted in N processes,
results handed back in input order whatever N is, a bounded number in flight (memory stays
flat however many files there are). Given a value cache, reports seen before are answered from
it in this process and never reach a worker."""
from __future__ import annotations

import os
import re
import signal
import threading
import time
import warnings
from collections import deque
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .cache import ValueCache
from .catalogue import Catalogue
from .errors import ReportError, printable
from .extract import Extractor
from .formats import SUFFIXES
from .models import Value
from .reports import read_report

IN_FLIGHT_PER_JOB = 4   # reports queued per worker: enough to keep it busy, few enough to stay small
_NOT_A_REPORT = re.compile(r"(?i)(readme|license|licence|changelog|contributing)\b")   # a folder's own docs


def expand_inputs(arguments: Iterable[str]) -> tuple[list[str], list[ReportError]]:
    """Files as given; a directory stands for every report below it (by name, hidden ones
    skipped). A directory with no report in it is an error of its own, and so is a folder
    below it that cannot be read (its reports would be missed unnamed); the rest go on."""
    paths: list[str] = []
    problems: list[ReportError] = []
    for arg in arguments:
        p = Path(arg)
        if arg != "-" and p.is_dir():
            unreadable: list[ReportError] = []
            found = sorted(str(f) for f in _files_below(p, unreadable)
                           if f.is_file() and f.suffix.lower() in SUFFIXES and not _NOT_A_REPORT.match(f.name))
            problems.extend(unreadable)
            if not found and not unreadable:
                problems.append(ReportError(arg, f"no reports in this directory ({' '.join(sorted(SUFFIXES))})"))
            paths.extend(found)
        else:
            paths.append(arg)
    return paths, problems


def _files_below(root: Path, unreadable: list[ReportError]) -> Iterator[Path]:
    """Every file below root, hidden files and folders left out; each folder that cannot be
    listed is added to `unreadable` (os.walk would skip it silently)."""
    def failed(e: OSError) -> None:
        unreadable.append(ReportError(e.filename or str(root), f"cannot read this folder: {e.strerror or e}; "
                                                               f"its reports are skipped"))

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(folder) / n for n in names if not n.startswith("."))


Outcome = tuple[str, "list[Value] | ReportError"]

_worker_extractor: Extractor | None = None
_worker_encoding: str | None = None
_worker_cache: ValueCache | None = None


def _init_worker(catalogue: Catalogue, encoding: str | None, cache: ValueCache | None = None) -> None:
    global _worker_extractor, _worker_encoding, _worker_cache
    # Ctrl-C reaches every process of the terminal's group; the parent alone handles it (one
    # message, pending work cancelled), a worker finishes its report and is shut down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    _worker_extractor, _worker_encoding, _worker_cache = Extractor(catalogue), encoding, cache


ORPHANED_EXIT = 143   # a worker that outlived its parent ends as if terminated (nobody reads it)


def _end_with_parent() -> None:
    """A worker whose parent is gone (killed, or ended by SIGPIPE under `| head`) ends too,
    instead of waiting for work for ever: a watch on the parent's pid, twice a second."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(ORPHANED_EXIT)
    threading.Thread(target=watch, name="polcmp-parent-watch", daemon=True).start()



def _extract_one(path: str, key: str | None = None) -> Outcome:
    return _run_and_store(_worker_extractor, path, _worker_encoding, _worker_cache, key)


def _run_one(extractor: Extractor, path: str, encoding: str | None) -> Outcome:
    try:
        return path, extractor.extract(read_report(path, encoding))
    except ReportError as e:
        return path, e
    except Exception as e:   # a bug on one report must not end a corpus run; it is named, not hidden
        if os.environ.get("POLCMP_DEBUG"):
            raise
        return path, ReportError(path, f"internal error ({type(e).__name__}: {e}); please report it")


def _run_and_store(extractor: Extractor, path: str, encoding: str | None, cache: ValueCache | None,
                   key: str | None) -> Outcome:
    """_run_one, its values remembered under key (in the worker, so stores run in parallel too)."""
    outcome = _run_one(extractor, path, encoding)
    if cache and key and not isinstance(outcome[1], ReportError) and not getattr(outcome[1], "notes", ()):   # read in part: not kept
        cache.store(key, outcome[1])
    return outcome


def _probe(cache: ValueCache | None, path: str, encoding: str | None) -> tuple[str | None, list[Value] | None]:
    """(key, cached values or None) of one path; no key without a cache or for an unreadable file."""
    key = cache.key(path, encoding) if cache else None
    return key, (cache.load(key) if key else None)


def extract_many(paths: list[str], extractor: Extractor, encoding: str | None = None, jobs: int = 1,
                 on_done: Callable[[str], None] | None = None, cache: ValueCache | None = None
                 ) -> Iterator[Outcome]:
    """(path, values or the ReportError) for every path, in the order given.

    With jobs > 1 the work runs in that many processes, each given the same catalogue. With a
    cache (indicators.cache.open_cache), reports seen before are answered from it here, in this
    process; only the others are extracted (and then stored)."""
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for path in paths:
            key, values = _probe(cache, path, encoding)
            outcome = (path, values) if values is not None else _run_and_store(extractor, path, encoding, cache, key)
            if on_done:
                on_done(path)
            yield _said(outcome)
        return
    from concurrent.futures import ProcessPoolExecutor   # only runs with --jobs pay for it

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(extractor.catalogue, encoding, cache))
    with _deferred_interrupt() as interrupted:
        try:
            for outcome in _in_order(pool, paths, jobs * IN_FLIGHT_PER_JOB, cache, encoding, interrupted):
                if on_done:
                    on_done(outcome[0])
                yield _said(outcome)
        finally:   # interrupted or abandoned: queued reports are dropped, not extracted first
            pool.shutdown(wait=True, cancel_futures=True)


def _said(outcome: Outcome) -> Outcome:
    """The outcome, after a warning for each note on it (a report read only in part)."""
    for note in getattr(outcome[1], "notes", ()):
        warnings.warn(f"{printable(outcome[0])}: {note}", stacklevel=3)
    return outcome


class _Interrupted(Exception):
    """Ctrl-C reached while the pool ran: raised at a safe point, outside the pool's code."""


@contextmanager
def _deferred_interrupt() -> Iterator[list]:
    """While a pool runs, Ctrl-C only takes note (an exception raised inside the executor's own
    code, holding its locks, can leave shutdown waiting for ever); _in_order checks the note
    between waits and stops there. Once the pool is shut down, the handler that was in place
    gets the signal: the command's one message and exit code, or KeyboardInterrupt. SIGTERM
    is deferred the same way when a handler of the command's is in place for it."""
    if threading.current_thread() is not threading.main_thread():
        yield []   # signals reach the main thread only
        return
    noted: list[int] = []
    deferred = [signal.SIGINT] + ([signal.SIGTERM] if callable(signal.getsignal(signal.SIGTERM)) else [])
    previous = {s: signal.signal(s, lambda signum, frame: noted.append(signum)) for s in deferred}
    try:
        yield noted
    except _Interrupted:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if noted and previous[noted[0]] is not signal.SIG_IGN:
        if callable(previous[noted[0]]):
            previous[noted[0]](noted[0], None)
        raise KeyboardInterrupt


def _in_order(pool, paths: list[str], window: int, cache: ValueCache | None = None,
              encoding: str | None = None, interrupted: list | None = None) -> Iterator[Outcome]:
    """Like pool.map, but with at most `window` reports queued and not yet consumed; reports
    found in the cache take a place in the queue but never go to the pool."""
    def start(path: str):
        key, values = _probe(cache, path, encoding)
        return (path, values) if values is not None else pool.submit(_extract_one, path, key)

    todo = iter(paths)
    pending = deque(start(p) for p in islice(todo, window))
    while pending:
        head = pending.popleft()
        outcome = head if isinstance(head, tuple) else _result(head, interrupted)
        for p in islice(todo, 1):
            pending.append(start(p))
        yield outcome


def _result(future, interrupted: list | None) -> Outcome:
    """The future's outcome, waited for in short steps so that a noted Ctrl-C stops the run."""
    while True:
        if interrupted:
            raise _Interrupted()
        try:
            return future.result(timeout=0.1)
        except FutureTimeout:
            continue
