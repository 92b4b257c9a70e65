"""--jobs N: the same bytes as one process, whatever N, for every format; errors in the middle
said once each, in input order; cache hits served by the workers, never looked up in the parent;
values and their notes cross from the workers intact."""
from __future__ import annotations

import io
import multiprocessing
import os
import shutil

import pytest

from polcmp.indicators import batch, cache
from polcmp.indicators.batch import extract_many, render_many
from polcmp.indicators.cache import open_cache
from polcmp.indicators.errors import ReportError
from polcmp.indicators.extract import Extractor, Values
from polcmp.indicators.models import COLUMNS
from polcmp.indicators.reports import read_report
from polcmp.indicators.rows import ExtractRows, Selection, Sink, TextRows

from conftest import SEEDS, TESTS
from test_cli import polcmp

TEXT = ("csv", "tsv", "json", "jsonl")
fork_only = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="the test's stand-ins reach the workers only through fork")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Seeds and corpus reports, with a report that yields no row first (JSON's bracket must
    still open right), an empty one and a missing one in the middle, and enough copies that
    tasks outnumber the reports in flight."""
    folder = tmp_path_factory.mktemp("reports")
    (folder / "无_2023.txt").write_text("今天天气很好。\n", encoding="utf-8")
    (folder / "空_2023.txt").write_text("  \n", encoding="utf-8")
    reports = [*sorted(SEEDS.glob("*.txt")), *sorted((TESTS / "corpus").glob("*.txt"))]
    for n in range(4):
        for report in reports:
            shutil.copy(report, folder / f"{report.stem.split('_')[0]}{n}_{report.stem.split('_')[1]}.txt")
    copies = sorted(str(p) for p in folder.glob("*[0-9]_*.txt"))
    return [str(folder / "无_2023.txt"), *copies[:20], str(folder / "空_2023.txt"), str(folder / "缺_2023.txt"),
            *copies[20:]]


@pytest.mark.parametrize("fmt", [*TEXT, "table"])
def test_every_format_is_byte_identical_whatever_the_jobs(inputs, fmt):
    env = {"POLCMP_NO_CACHE": "1", "COLUMNS": "200"}
    runs = {jobs: polcmp("extract", *inputs, "-f", fmt, "--jobs", jobs, env=env) for jobs in ("1", "2", "3")}
    code, out, err = runs["1"]
    assert code == 1 and len(out) > 1000
    errors = err.splitlines()   # one line each, in input order
    assert len(errors) == 2 and "空_2023" in errors[0] and "缺_2023" in errors[1], err
    assert all(run == runs["1"] for run in runs.values())


def test_all_inputs_failing_under_jobs_write_nothing(tmp_path):
    for name in ("空_2023.txt", "零_2023.txt"):
        (tmp_path / name).write_text(" \n", encoding="utf-8")
    code, out, err = polcmp("extract", str(tmp_path), "-f", "json", "--jobs", "2")
    assert code == 2 and out == "" and len(err.splitlines()) == 2 and "Traceback" not in err


def test_selection_and_words_under_jobs(inputs):
    args = ("extract", *inputs[:12], "-f", "csv", "--status", "target", "-i", "gdp_growth", "--words")
    one, two = polcmp(*args), polcmp(*args, "--jobs", "2")
    assert one == two and one[1].count("\n") > 2 and "achieved" not in one[1]


@pytest.mark.parametrize("fmt", TEXT)
def test_pieces_join_into_what_one_piece_gives(extractor, fmt):
    """Rows rendered report by report (in any process) and joined by a Sink are the rows
    rendered at once; no rows at all is a header alone, or []."""
    rows = TextRows(fmt, COLUMNS)
    make = ExtractRows(Selection(), COLUMNS, rows)
    reports = [[], *(extractor.extract(read_report(p)) for p in sorted(SEEDS.glob("*.txt"))), []]
    pieces, whole = io.StringIO(), io.StringIO()
    sink = Sink(rows, pieces)
    for values in reports:
        sink.write(*make(values))
    Sink(rows, whole).write(*make([v for values in reports for v in values]))
    assert sink.close() == sum(map(len, reports)) > 0
    assert pieces.getvalue() == whole.getvalue() + ("\n]\n" if fmt == "json" else "")
    empty = io.StringIO()
    assert Sink(rows, empty).close() == 0 and empty.getvalue() == {"json": "[]\n", "jsonl": ""}.get(fmt, rows.header())


def test_values_cross_from_the_workers_intact(extractor, inputs):
    one = list(extract_many(inputs, extractor, jobs=1))
    two = list(extract_many(inputs, extractor, jobs=2))
    assert [p for p, _ in two] == inputs
    assert [(p, str(o) if isinstance(o, ReportError) else o) for p, o in one] == \
           [(p, str(o) if isinstance(o, ReportError) else o) for p, o in two]


@fork_only
def test_notes_cross_from_the_workers_as_warnings(extractor, inputs, monkeypatch):
    real = batch._run_one

    def read_in_part(extractor, path, encoding):
        path, values = real(extractor, path, encoding)
        return path, (Values(values, notes=("read in part",)) if "临海" in path else values)

    monkeypatch.setattr(batch, "_run_one", read_in_part)
    with pytest.warns(UserWarning, match="临海.*: read in part") as said:
        outcomes = list(extract_many(inputs, extractor, jobs=2))
    assert len(said) == sum("临海" in p for p in inputs)
    assert all(o.notes == ("read in part",) for p, o in outcomes if "临海" in p)


@fork_only
def test_cache_hits_are_served_by_the_workers(cache_root, catalogue, inputs, monkeypatch):
    """Warm: nothing is extracted again, and the parent looks up no report but the first (workers do)."""
    readable = [p for p in inputs if os.path.exists(p) and "空" not in p]
    first = list(extract_many(readable, Extractor(catalogue), jobs=2, cache=open_cache(catalogue)))
    assert len(list((cache_root / cache.SUBFOLDER).rglob("*.json"))) == len(readable)   # the report with no value too

    parent, real_entry = os.getpid(), cache.ValueCache.entry

    def entry(self, path, encoding):
        assert os.getpid() != parent or path == readable[0], "the parent looked a report up"
        return real_entry(self, path, encoding)

    def no_extraction(extractor, path, encoding):
        return path, ReportError(path, "extracted again")

    monkeypatch.setattr(cache.ValueCache, "entry", entry)
    monkeypatch.setattr(batch, "_run_one", no_extraction)
    again = list(extract_many(readable, Extractor(catalogue), jobs=2, cache=open_cache(catalogue)))
    assert again == first
    as_csv = ExtractRows(Selection(words=True), COLUMNS, TextRows("csv", COLUMNS))
    rendered = list(render_many(readable, Extractor(catalogue), as_csv, jobs=2, cache=open_cache(catalogue)))
    assert [p for p, _ in rendered] == readable
    assert [n for _, (_, n) in rendered] == [len(values) for _, values in first]


def test_tasks_cover_every_path_once_in_order():
    for n, jobs in ((2, 2), (7, 3), (300, 2), (1218, 4)):
        paths = [str(i) for i in range(n)]
        tasks = batch._tasks(paths, jobs)
        assert [p for task in tasks for p in task] == paths
        assert max(map(len, tasks)) <= batch.REPORTS_PER_TASK and len(tasks) >= min(n, 2 * jobs)
