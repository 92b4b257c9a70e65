"""The value cache: a second run extracts nothing; any change of content, catalogue or engine
is a miss; a damaged or unusable cache only costs time."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from polcmp.indicators import batch, cache, stamps
from polcmp.indicators.batch import extract_many
from polcmp.indicators.cache import SUBFOLDER, decode, encode, open_cache
from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.errors import ReportError
from polcmp.indicators.extract import Extractor

from conftest import ROOT, SEEDS, TESTS

ROADS = TESTS / "catalogues" / "roads.yaml"
HOUR = 3600


@pytest.fixture
def reports(tmp_path):
    """Copies of the seeds (tests may change them) and one corpus report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for source in [*sorted(SEEDS.glob("*.txt"))[:3], TESTS / "corpus" / "台州_2021.txt"]:
        shutil.copy(source, folder / source.name)
    return sorted(str(p) for p in folder.iterdir())


@pytest.fixture
def calls(monkeypatch):
    """Counts the reports really extracted in this process."""
    seen: list[str] = []
    real = batch._run_one

    def counting(extractor, path, encoding):
        seen.append(path)
        return real(extractor, path, encoding)

    monkeypatch.setattr(batch, "_run_one", counting)
    return seen


@pytest.fixture
def hashed(monkeypatch):
    """The reports whose bytes the cache read and hashed, in this process."""
    seen: list[str] = []
    real = cache.CachedReport._hash

    def counting(self):
        if self._content is None:
            seen.append(self.path)
        return real(self)

    monkeypatch.setattr(cache.CachedReport, "_hash", counting)
    return seen


def age(path, seconds_ago: int = HOUR) -> None:
    """Date a file back: the stamp of one written this instant is not kept (stamps.RACY_NS)."""
    then = time.time() - seconds_ago
    os.utime(path, (then, then))


def run(paths, catalogue, jobs=1, encoding=None):
    """Values (or errors) of every path, through the cache as the CLI uses it."""
    return [o for _, o in extract_many(paths, Extractor(catalogue), encoding, jobs, cache=open_cache(catalogue))]


def cached_files(root):
    """The values kept (not the compiled catalogue beside them: compiled.py)."""
    return sorted((root / SUBFOLDER).rglob("*.json"))


def test_second_run_reads_the_cache(cache_root, reports, catalogue, calls):
    first = run(reports, catalogue)
    assert len(calls) == len(reports) and len(cached_files(cache_root)) == len(reports)
    assert run(reports, catalogue) == first
    assert len(calls) == len(reports)          # nothing extracted the second time
    assert all(values for values in first)     # and there was something to remember


def test_workers_fill_the_cache(cache_root, reports, catalogue, calls):
    first = run(reports, catalogue, jobs=2)    # extracted and stored in worker processes, but the first
    assert len(cached_files(cache_root)) == len(reports) and calls == reports[:1]
    assert run(reports, catalogue) == first and calls == reports[:1]
    assert run(reports, catalogue, jobs=2) == first   # and read there (test_jobs: never hashed in the parent)


def test_hits_and_misses_mixed_keep_the_order(cache_root, reports, catalogue):
    expected = run(reports, catalogue, jobs=1)
    for f in cached_files(cache_root)[::2]:
        f.unlink()
    outcomes = list(extract_many(reports, Extractor(catalogue), jobs=2, cache=open_cache(catalogue)))
    assert [p for p, _ in outcomes] == reports and [o for _, o in outcomes] == expected
    assert len(cached_files(cache_root)) == len(reports)


def test_changed_content_is_a_miss(cache_root, reports, catalogue, calls):
    run(reports, catalogue)
    with open(reports[0], "a", encoding="utf-8") as f:
        f.write("\n今年全市生产总值增长7%左右。\n")
    run(reports, catalogue)
    assert calls[len(reports):] == [reports[0]]


def test_unchanged_reports_are_not_read_again(cache_root, reports, catalogue, calls, hashed):
    for path in reports:
        age(path)
    first = run(reports, catalogue)
    assert hashed == reports   # to be stored
    assert run(reports, catalogue) == first
    assert hashed == reports and calls == reports   # the second time, their stamps were enough


def test_reports_written_an_instant_ago_are_read_every_time(cache_root, reports, catalogue, calls, hashed,
                                                           monkeypatch):
    """A change made in the same tick of the file system's clock as the read would keep the stamp."""
    monkeypatch.setattr(stamps, "RACY_NS", 10 * HOUR * 10**9)   # all were written an instant ago, however slow the run
    first = run(reports, catalogue)
    assert all(json.loads(f.read_bytes())["stamp"] is None for f in cached_files(cache_root))
    assert run(reports, catalogue) == first
    assert hashed == 2 * reports and calls == reports   # read and hashed again, not extracted


def test_touched_or_copied_reports_are_hashed_once_then_trusted(cache_root, reports, catalogue, calls, hashed):
    for path in reports:
        age(path)
    first = run(reports, catalogue)
    age(reports[0], 2 * HOUR)   # touched
    replaced = reports[1] + ".new"   # copied over: another inode
    shutil.copy(reports[1], replaced)
    os.replace(replaced, reports[1])
    age(reports[1], HOUR)
    assert run(reports, catalogue) == first and calls == reports   # the same content: nothing extracted
    assert hashed[len(reports):] == reports[:2]
    assert run(reports, catalogue) == first and hashed[len(reports):] == reports[:2]   # their new stamps kept


@pytest.mark.parametrize("how", ["same size, other mtime", "same size and mtime, another inode"])
def test_a_changed_report_is_hashed_and_extracted_again(cache_root, reports, catalogue, calls, hashed, how):
    for path in reports:
        age(path)
    first = run(reports, catalogue)
    before = os.stat(reports[0])
    text = open(reports[0], encoding="utf-8").read()
    changed = text.replace("增长", "下降", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    if how == "same size, other mtime":
        with open(reports[0], "w", encoding="utf-8") as f:
            f.write(changed)
        age(reports[0], 2 * HOUR)
    else:
        with open(reports[0] + ".new", "w", encoding="utf-8") as f:
            f.write(changed)
        os.utime(reports[0] + ".new", ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(reports[0] + ".new", reports[0])
    assert os.stat(reports[0]).st_size == before.st_size
    again = run(reports, catalogue)
    assert hashed[len(reports):] == [reports[0]] and calls[len(reports):] == [reports[0]]
    assert again[1:] == first[1:] and again[0] != first[0]


def test_a_report_changed_while_extracted_is_not_kept(cache_root, reports, catalogue, calls, monkeypatch):
    real = batch._run_one

    def changing(extractor, path, encoding):
        outcome = real(extractor, path, encoding)
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n今年全市生产总值增长7%左右。\n")
        return outcome

    monkeypatch.setattr(batch, "_run_one", changing)
    run(reports[:1], catalogue)
    assert cached_files(cache_root) == []


def test_same_content_under_another_name_is_a_miss(cache_root, reports, catalogue, calls, tmp_path):
    """Place, year and file come from the name: they are not borrowed from another file."""
    run(reports[:1], catalogue)
    twin = tmp_path / "reports" / "别处_2020.txt"
    shutil.copy(reports[0], twin)
    [values] = run([str(twin)], catalogue)
    assert len(calls) == 2 and values[0].file == str(twin) and values[0].place == "别处"


def test_another_encoding_option_is_a_miss(cache_root, reports, catalogue, calls):
    run(reports[:1], catalogue)
    run(reports[:1], catalogue, encoding="utf-8")
    assert len(calls) == 2


def test_extra_rules_are_a_miss(cache_root, reports, catalogue, calls):
    run(reports, catalogue)
    wider = load_catalogue(ROOT / "rules.yaml", [ROADS])
    assert wider.fingerprint != catalogue.fingerprint
    values = run(reports, wider)
    assert len(calls) == 2 * len(reports)
    assert any(v.indicator == "rural_roads_new" for vs in values for v in vs)
    assert load_catalogue(ROOT / "rules.yaml", [ROADS]).fingerprint == wider.fingerprint   # stable


def test_another_engine_is_a_miss(cache_root, reports, catalogue, calls, monkeypatch):
    run(reports, catalogue)
    monkeypatch.setattr(cache, "engine_fingerprint", lambda: "polcmp 9.9 with other code")
    run(reports, catalogue)
    assert len(calls) == 2 * len(reports)


def test_engine_fingerprint_covers_the_code(monkeypatch):
    fp = cache.engine_fingerprint()
    assert fp == cache.engine_fingerprint() and len(fp) == 16
    real = cache.Path.read_bytes
    monkeypatch.setattr(cache.Path, "read_bytes", lambda p: real(p) + (b"#" if p.name == "extract.py" else b""))
    cache.engine_fingerprint.cache_clear()
    try:   # one changed source file changes it
        assert cache.engine_fingerprint() != fp
    finally:
        monkeypatch.undo()
        cache.engine_fingerprint.cache_clear()
    assert cache.engine_fingerprint() == fp


@pytest.mark.parametrize("damage", [b"", b"{not json", b"\xff\xfe", b'{"fields": ["x"], "rows": [[1]]}',
                                    b'{"fields": [], "rows": [[1]]}', b"[1, 2]", b'"text"'])
def test_damaged_cache_files_are_recomputed(cache_root, reports, catalogue, calls, damage):
    first = run(reports, catalogue)
    for f in cached_files(cache_root):
        f.write_bytes(damage)
    assert run(reports, catalogue) == first
    assert len(calls) == 2 * len(reports)
    assert run(reports, catalogue) == first and len(calls) == 2 * len(reports)   # and repaired


def test_damaged_values_under_a_kept_stamp_are_recomputed(cache_root, reports, catalogue, calls):
    for path in reports:
        age(path)
    first = run(reports, catalogue)
    for f in cached_files(cache_root):
        payload = json.loads(f.read_bytes())
        assert payload["stamp"] is not None
        f.write_bytes(json.dumps({**payload, "rows": [row[:-1] for row in payload["rows"]]}).encode())
    assert run(reports, catalogue) == first and len(calls) == 2 * len(reports)


def test_cache_folder_that_is_a_file_means_no_cache(tmp_path, monkeypatch, reports, catalogue, calls):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("POLCMP_CACHE", str(not_a_folder))
    assert open_cache(catalogue) is None
    assert run(reports, catalogue) == run(reports, catalogue)
    assert len(calls) == 2 * len(reports)


def test_unwritable_cache_still_works(cache_root, reports, catalogue, calls, monkeypatch):
    def refuse(self, data):
        raise PermissionError(13, "read-only", str(self))

    monkeypatch.setattr(cache.Path, "write_bytes", refuse)   # root ignores chmod; this does not
    first = run(reports, catalogue)
    assert run(reports, catalogue) == first and len(calls) == 2 * len(reports)
    assert cached_files(cache_root) == [] and list(cache_root.rglob("*.tmp")) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user whom chmod binds")
def test_read_only_cache_folder_still_works(cache_root, reports, catalogue, calls):
    cache_root.mkdir()
    cache_root.chmod(0o500)
    try:
        first = run(reports, catalogue)
        assert run(reports, catalogue) == first and len(calls) == 2 * len(reports)
    finally:
        cache_root.chmod(0o700)


def test_report_errors_are_not_cached(cache_root, tmp_path, catalogue, calls):
    empty = tmp_path / "空_2020.txt"
    empty.write_text("   \n", encoding="utf-8")
    missing = str(tmp_path / "无_2020.txt")
    for _ in range(2):
        outcomes = run([str(empty), missing], catalogue)
        assert all(isinstance(o, ReportError) for o in outcomes)
    assert len(calls) == 4 and cached_files(cache_root) == []


def test_switched_off(cache_root, catalogue, monkeypatch):
    assert open_cache(catalogue, enabled=False) is None
    monkeypatch.setenv("POLCMP_NO_CACHE", "1")
    assert open_cache(catalogue) is None
    monkeypatch.setenv("POLCMP_NO_CACHE", "0")
    assert open_cache(catalogue) is not None


def test_values_come_back_equal(extractor):
    from polcmp.indicators.reports import read_report

    for seed in sorted(SEEDS.glob("*.txt")):
        values = extractor.extract(read_report(seed))
        assert decode(encode(values)) == values


def test_values_json_cannot_carry_are_not_stored(cache_root, catalogue, extractor):
    from dataclasses import replace

    from polcmp.indicators.reports import read_report

    values = extractor.extract(read_report(SEEDS / "临海_2023.txt"))
    entry = open_cache(catalogue).entry(str(SEEDS / "临海_2023.txt"), None)
    entry.store([replace(values[0], value=float("nan"))])
    assert cached_files(cache_root) == []
    entry.store(values)
    assert len(cached_files(cache_root)) == 1


def test_values_of_an_older_field_order_come_back_by_name(extractor):
    from polcmp.indicators.reports import read_report

    values = extractor.extract(read_report(SEEDS / "临海_2023.txt"))
    payload = json.loads(encode(values))
    order = list(reversed(range(len(payload["fields"]))))
    older = {"fields": [payload["fields"][i] for i in order], "rows": [[row[i] for i in order] for row in payload["rows"]]}
    assert decode(json.dumps(older, ensure_ascii=False).encode()) == values
    short = {"fields": payload["fields"], "rows": [row[:-1] for row in payload["rows"]]}   # the defaults would fill it
    with pytest.raises(ValueError):
        decode(json.dumps(short, ensure_ascii=False).encode())


def polcmp(*args, env):
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_cli_places_and_compare_use_the_cache(tmp_path):
    env = {"POLCMP_CACHE": str(tmp_path / "c")}
    corpus = str(TESTS / "corpus")
    code, cold, err = polcmp("places", "--corpus", corpus, "-f", "csv", "--jobs", "2", env=env)
    assert code == 0 and err == ""
    assert len(list((tmp_path / "c" / cache.SUBFOLDER).rglob("*.json"))) == 3   # one per report
    assert polcmp("places", "--corpus", corpus, "-f", "csv", env=env)[1] == cold
    code, out, err = polcmp("compare", "台州", "--corpus", corpus, "-f", "csv", env=env)
    assert code == 0 and err == "" and "台州" in out


def test_cli_no_cache_keeps_no_values(tmp_path):
    """Off, the value cache keeps no values. What the catalogue compiles to (compiled.py) is kept
    all the same: no result, only compiled patterns, as __pycache__ keeps bytecode."""
    for args, env in [(["--no-cache"], {}), ([], {"POLCMP_NO_CACHE": "1"})]:
        folder = tmp_path / "off"
        code, _, err = polcmp("places", "-f", "csv", *args, env={"POLCMP_CACHE": str(folder), **env})
        assert code == 0 and err == ""
        assert not list((folder / "values").rglob("*.json"))


def test_cli_cache_path_that_is_a_file(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for command in (["places"], ["compare", "临海"]):
        code, out, err = polcmp(*command, "-f", "csv", env={"POLCMP_CACHE": str(not_a_folder)})
        assert code == 0 and err == "" and "临海" in out
