"""Many reports at once: directories expanded, reports read and extracted in N processes,
results handed back in input order whatever N is, a bounded number in flight (memory stays
flat however many files there are).

Everything done per report runs in the workers: looking it up in the value cache (hashing it
when its stamp changed), reading, extracting, storing, and (render_many) turning the values into
output text. The parent does the first report only (so that the engine loads once, see _run), then
hands out paths a few at a time and passes results on in order: whatever it did per report
would cap the gain of more workers (`polcmp extract --jobs 2` over the 300 corpus reports
once spent 0.6-1.1 s of the parent's time unpickling Values and writing their JSON; 0.1 s now).
"""
from __future__ import annotations

import os
import re
import signal
import threading
import time
import warnings
from collections import deque
from contextlib import contextmanager
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .cache import ValueCache
from .errors import ReportError, printable
from .extract import Extractor, Values
from .formats import SUFFIXES
from .models import COLUMNS, Value
from .reports import read_report

IN_FLIGHT_PER_JOB = 4   # tasks queued per worker: enough to keep it busy, few enough to stay small
REPORTS_PER_TASK = 8    # a round trip (0.1 ms) is a fifth of a cache hit (0.5 ms): a task of 8 makes it 3 %
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
            found = sorted(path for path, name in _files_below(p, unreadable)
                           if os.path.splitext(name)[1].lower() in SUFFIXES and not _NOT_A_REPORT.match(name)
                           and os.path.isfile(path))
            problems.extend(unreadable)
            if not found and not unreadable:
                problems.append(ReportError(arg, f"no reports in this directory ({' '.join(sorted(SUFFIXES))})"))
            paths.extend(found)
        else:
            paths.append(arg)
    return paths, problems


def _files_below(root: Path, unreadable: list[ReportError]) -> Iterator[tuple[str, str]]:
    """Every file below root as (path, name), hidden files and folders left out; each folder
    that cannot be listed is added to `unreadable` (os.walk would skip it silently)."""
    def failed(e: OSError) -> None:
        unreadable.append(ReportError(e.filename or str(root), f"cannot read this folder: {e.strerror or e}; "
                                                               f"its reports are skipped"))

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # The paths str(Path(folder) / name) spells, without a Path object per file (a tenth of a
        # warm `places` over 3,000 reports): pathlib's tidying of the folder (./a/ → a) is done once.
        tidy = str(Path(folder))
        prefix = "" if tidy == "." else os.path.join(tidy, "")
        yield from ((prefix + n, n) for n in names if not n.startswith("."))


Outcome = tuple[str, "list[Value] | ReportError"]
Done = tuple[str, object, tuple[str, ...]]   # (path, what was made of its values or its ReportError, its notes)


class _Work:
    """What happens to one report where it is extracted (a worker, or this process with one
    job): its values found in the cache, else extracted (and stored), then given to `finish`
    (None: kept as they are). Made once per run; under fork a worker inherits it unpickled."""

    def __init__(self, extractor: Extractor, encoding: str | None, cache: ValueCache | None,
                 finish: Callable[[list[Value]], object] | None):
        self.extractor, self.encoding, self.cache, self.finish = extractor, encoding, cache, finish

    def __call__(self, path: str) -> Done:
        cached = self.cache.entry(path, self.encoding) if self.cache else None   # looked up here, in parallel
        values = cached.load() if cached else None
        notes: tuple[str, ...] = ()
        if values is None:
            path, values = _run_one(self.extractor, path, self.encoding)
            if isinstance(values, ReportError):
                return path, values, ()
            notes = getattr(values, "notes", ())
            if cached and not notes:   # read in part: not kept
                cached.store(values)
        return path, (self.finish(values) if self.finish else values), notes


def _run_one(extractor: Extractor, path: str, encoding: str | None) -> Outcome:
    try:
        return path, extractor.extract(read_report(path, encoding))
    except ReportError as e:
        return path, e
    except Exception as e:   # a bug on one report must not end a corpus run; it is named, not hidden
        if os.environ.get("POLCMP_DEBUG"):
            raise
        return path, ReportError(path, f"internal error ({type(e).__name__}: {e}); please report it")


_worker: _Work | None = None


def _init_worker(work: _Work) -> None:
    global _worker
    # Ctrl-C reaches every process of the terminal's group; the parent alone handles it (one
    # message, pending work cancelled), a worker finishes its report and is shut down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    _worker = work


def _work_on(paths: list[str]) -> list[Done]:
    """A worker's task: a few reports, so that one round trip serves several (cache hits take
    a millisecond each, less than a round trip)."""
    return [_worker(path) for path in paths]


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


_as_row = attrgetter(*COLUMNS)   # a Value's fields as a tuple, in one C call


def _as_rows(values: list[Value]) -> list[tuple]:
    """Values as tuples, to cross from a worker: they pickle and unpickle about three times
    faster than the dataclasses (whose slots are pickled field by field, in Python)."""
    return list(map(_as_row, values))


def _as_values(rows: list[tuple], notes: tuple[str, ...]) -> list[Value]:
    values = [Value(*row) for row in rows]   # models asserts that COLUMNS are Value's fields in order
    return Values(values, notes) if notes else values


def extract_many(paths: list[str], extractor: Extractor, encoding: str | None = None, jobs: int = 1,
                 on_done: Callable[[str], None] | None = None, cache: ValueCache | None = None
                 ) -> Iterator[Outcome]:
    """(path, values or the ReportError) for every path, in the order given.

    With jobs > 1 the work runs in that many processes, each with the same extractor. With a
    cache (indicators.cache.open_cache), reports seen before are answered from it, in the
    worker; only the others are extracted (and then stored)."""
    pooled = _pooled(paths, jobs)
    work = _Work(extractor, encoding, cache, _as_rows if pooled else None)
    for path, result, notes in _run(paths, work, jobs, on_done):
        yield path, (_as_values(result, notes) if pooled and not isinstance(result, ReportError) else result)


def render_many(paths: list[str], extractor: Extractor, finish: Callable[[list[Value]], object],
                encoding: str | None = None, jobs: int = 1, on_done: Callable[[str], None] | None = None,
                cache: ValueCache | None = None) -> Iterator[tuple[str, object]]:
    """(path, finish(values) or the ReportError) for every path, in the order given: like
    extract_many, but `finish` runs where the report was extracted, so the work of turning
    values into output (rows.ExtractRows: rows as text) is shared by the workers too and this
    process only writes. `finish` must be picklable for a start method other than fork."""
    for path, result, _notes in _run(paths, _Work(extractor, encoding, cache, finish), jobs, on_done):
        yield path, result


def _pooled(paths: list[str], jobs: int) -> bool:
    """Whether a run is shared by worker processes (stdin can be read only here)."""
    return jobs > 1 and len(paths) > 1 and "-" not in paths


def _run(paths: list[str], work: _Work, jobs: int, on_done: Callable[[str], None] | None) -> Iterator[Done]:
    """work(path) for every path, in order, in `jobs` processes; a warning for each note."""
    # With workers, the first report is done here, before they start: what the engine loads on
    # first use (its keyword index, patterns compiled when first needed) is then loaded once and
    # inherited by the workers forked from this process, instead of loaded by each of them.
    here = paths[:1] if _pooled(paths, jobs) else paths
    for path in here:
        done = work(path)
        if on_done:
            on_done(path)
        yield _said(done)
    if len(here) == len(paths):
        return
    from concurrent.futures import ProcessPoolExecutor   # only runs with --jobs pay for it

    tasks = _tasks(paths[1:], jobs)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_init_worker, initargs=(work,))
    with _deferred_interrupt() as interrupted:
        try:
            for done in _in_order(pool, tasks, jobs * IN_FLIGHT_PER_JOB, interrupted):
                if on_done:
                    on_done(done[0])
                yield _said(done)
        finally:   # interrupted or abandoned: queued reports are dropped, not extracted first
            pool.shutdown(wait=True, cancel_futures=True)


def _tasks(paths: list[str], jobs: int) -> list[list[str]]:
    """The paths cut into tasks of up to REPORTS_PER_TASK, smaller towards the end, down to one
    report each: a worker handed the last big task would keep the others waiting."""
    tasks, start = [], 0
    while start < len(paths):
        size = max(1, min(REPORTS_PER_TASK, (len(paths) - start) // (jobs * IN_FLIGHT_PER_JOB * 2)))
        tasks.append(paths[start:start + size])
        start += size
    return tasks


def _said(done: Done) -> Done:
    """The outcome, after a warning for each note on it (a report read only in part)."""
    for note in done[2]:
        warnings.warn(f"{printable(done[0])}: {note}", stacklevel=4)
    return done


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


def _in_order(pool, tasks: list[list[str]], window: int, interrupted: list | None = None) -> Iterator[Done]:
    """Like pool.map over the tasks, one report at a time, with at most `window` tasks queued
    and not yet consumed (memory stays flat)."""
    todo = iter(tasks)
    pending = deque(pool.submit(_work_on, task) for task in islice(todo, window))
    while pending:
        done = _result(pending.popleft(), interrupted)
        for task in islice(todo, 1):
            pending.append(pool.submit(_work_on, task))
        yield from done


def _result(future, interrupted: list | None) -> Outcome:
    """The future's outcome, waited for in short steps so that a noted Ctrl-C stops the run."""
    while True:
        if interrupted:
            raise _Interrupted()
        try:
            return future.result(timeout=0.1)
        except TimeoutError:   # concurrent.futures.TimeoutError since Python 3.11
            continue
