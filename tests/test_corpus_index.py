"""The corpus index: a report not named `<place>_<year>` is read once for its place and year;
any change to it (edited, touched, added, removed, renamed) or to the engine is seen; a damaged
or unusable index only costs time; results are the same with it and without."""
from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from polcmp.indicators import corpus_index
from polcmp.indicators.corpus import Corpus

from conftest import TESTS
from test_cli import polcmp

HOUR = 3600


def head(place: str, year: int) -> str:
    """A small report whose text names its place and year (the title and the opening)."""
    return (f"{year}年{place}市政府工作报告\n\n各位代表：\n\n"
            f"现在，我代表{place}市人民政府，向大会报告工作，请予审议。\n\n"
            f"一、{year - 1}年工作回顾\n\n地区生产总值增长6%。\n")


def age(path, seconds_ago: int = HOUR) -> None:
    """Date a file back: one written this instant is not indexed yet (stamps.RACY_NS)."""
    then = time.time() - seconds_ago
    os.utime(path, (then, then))



@pytest.fixture
def folder(tmp_path):
    """Three reports named by their text only (one of them real), one that says nothing of its
    place, and one named <place>_<year>."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "report_1.txt").write_text(head("广安", 2021), encoding="utf-8")
    (root / "sub" / "report_2.txt").write_text(head("泉州", 2019), encoding="utf-8")
    shutil.copy(TESTS / "corpus" / "台州_2021.txt", root / "taizhou.txt")
    (root / "nameless.txt").write_text("各位代表：\n\n过去一年，地区生产总值增长5%左右。\n",
                                       encoding="utf-8")
    shutil.copy(TESTS / "corpus" / "白山_2020.txt", root / "白山_2020.txt")
    for path in root.rglob("*.txt"):
        age(path)
    return root


@pytest.fixture
def reads(monkeypatch):
    """The file names the corpus index really read, in this process."""
    seen: list[str] = []
    real = corpus_index.read_report

    def counting(path, encoding=None):
        seen.append(os.path.basename(path))
        return real(path, encoding)

    monkeypatch.setattr(corpus_index, "read_report", counting)
    return seen


def listing(corpus: Corpus) -> tuple[list, list[str]]:
    """What a Corpus found: its entries (place, year, path) and the problems it names."""
    return ([(e.place, e.year, e.path) for e in corpus.entries], [str(e) for e in corpus.unreadable])


def index_files(cache_root) -> list:
    return sorted((cache_root / corpus_index.SUBFOLDER).glob("*.json"))


def test_a_second_scan_reads_nothing_and_finds_the_same(cache_root, folder, reads):
    first = listing(Corpus(folder))
    assert sorted(reads) == ["nameless.txt", "report_1.txt", "report_2.txt", "taizhou.txt"]   # not 白山_2020
    reads.clear()
    assert listing(Corpus(folder)) == first
    assert reads == []
    assert listing(Corpus(folder, index=False)) == first   # read afresh: the same
    places = {(place, year) for place, year, _ in first[0]}
    assert places == {("广安", 2021), ("泉州", 2019), ("台州", 2021), ("白山", 2020)}
    assert len(first[1]) == 1 and "nameless.txt: cannot tell which place and year" in first[1][0]   # remembered too


def test_the_index_lives_in_the_cache_folder_not_in_the_corpus(cache_root, folder):
    before = sorted(folder.rglob("*"))
    Corpus(folder)
    assert sorted(folder.rglob("*")) == before
    [index] = index_files(cache_root)
    payload = json.loads(index.read_text(encoding="utf-8"))
    assert payload["root"] == os.path.realpath(folder)
    assert payload["files"]["sub/report_2.txt"][3:] == ["泉州", 2019]


def test_a_corpus_named_by_file_names_alone_has_no_index(cache_root, tmp_path, reads):
    root = tmp_path / "named"
    root.mkdir()
    shutil.copy(TESTS / "corpus" / "白山_2020.txt", root)
    Corpus(root)
    assert reads == [] and index_files(cache_root) == []


def test_an_edited_or_touched_report_is_read_again(cache_root, folder, reads):
    Corpus(folder)
    reads.clear()
    (folder / "report_1.txt").write_text(head("绵阳", 2020), encoding="utf-8")   # same size, new text
    age(folder / "report_1.txt", HOUR // 2)
    age(folder / "sub" / "report_2.txt", HOUR // 2)   # touched only
    entries = listing(Corpus(folder))[0]
    assert sorted(reads) == ["report_1.txt", "report_2.txt"]
    assert ("绵阳", 2020, str(folder / "report_1.txt")) in entries
    reads.clear()
    assert listing(Corpus(folder))[0] == entries and reads == []


def test_added_removed_and_renamed_reports(cache_root, folder, reads):
    Corpus(folder)
    reads.clear()
    (folder / "new.txt").write_text(head("绵阳", 2020), encoding="utf-8")
    age(folder / "new.txt")
    (folder / "sub" / "report_2.txt").unlink()
    (folder / "taizhou.txt").rename(folder / "sub" / "tz.txt")
    entries = listing(Corpus(folder))[0]
    assert sorted(reads) == ["new.txt", "tz.txt"]
    assert ("绵阳", 2020, str(folder / "new.txt")) in entries
    assert ("台州", 2021, str(folder / "sub" / "tz.txt")) in entries
    assert not any("report_2" in path or "taizhou" in path for _, _, path in entries)
    [index] = index_files(cache_root)
    assert set(json.loads(index.read_text(encoding="utf-8"))["files"]) == {
        "report_1.txt", "new.txt", "sub/tz.txt", "nameless.txt"}   # the removed and the old name are gone


def test_a_report_replaced_by_another_of_the_same_size_and_time_is_read_again(cache_root, folder, reads):
    """The inode tells a file moved over another (mv keeps the mtime) from the one indexed."""
    Corpus(folder)
    reads.clear()
    other = folder.parent / "other.txt"
    other.write_text(head("绵阳", 2021), encoding="utf-8")   # the size of 广安 2021's
    stat = os.stat(folder / "report_1.txt")
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(other, folder / "report_1.txt")
    assert ("绵阳", 2021, str(folder / "report_1.txt")) in listing(Corpus(folder))[0]
    assert reads == ["report_1.txt"]


def test_a_report_written_this_instant_is_not_indexed_yet(cache_root, folder, reads):
    """Changed again within the same clock tick, it would keep its size and mtime."""
    (folder / "report_1.txt").write_text(head("广安", 2021), encoding="utf-8")   # mtime: now
    Corpus(folder)
    reads.clear()
    Corpus(folder)
    assert reads == ["report_1.txt"]


def test_another_engine_does_not_use_the_index(cache_root, folder, reads, monkeypatch):
    Corpus(folder)
    reads.clear()
    monkeypatch.setattr(corpus_index, "engine_fingerprint", lambda: "changed place tables")
    Corpus(folder)
    assert len(reads) == 4


@pytest.mark.parametrize("damage", [
    b"", b"\x00\xff garbage", b"[1, 2, 3]", b'{"format": 1}',
    "entries of another shape",
])
def test_a_damaged_index_is_a_miss_and_is_rewritten(cache_root, folder, reads, damage):
    expected = listing(Corpus(folder))
    [index] = index_files(cache_root)
    if damage == "entries of another shape":
        payload = json.loads(index.read_text(encoding="utf-8"))
        payload["files"] = {name: ["x", *entry[1:]] for name, entry in payload["files"].items()}
        damage = json.dumps(payload).encode()
    index.write_bytes(damage)
    reads.clear()
    assert listing(Corpus(folder)) == expected
    assert len(reads) == 4
    reads.clear()
    Corpus(folder)
    assert reads == []   # written whole again


def test_an_unwritable_cache_folder_costs_time_only(tmp_path, folder, reads, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("POLCMP_CACHE", str(blocker))   # every write there fails, as read-only would
    monkeypatch.delenv("POLCMP_NO_CACHE", raising=False)
    expected = listing(Corpus(folder, index=False))
    assert listing(Corpus(folder)) == expected
    reads.clear()
    assert listing(Corpus(folder)) == expected
    assert len(reads) == 4
    assert blocker.read_text() == "not a folder"


def test_polcmp_no_cache_leaves_the_index_alone(cache_root, folder, reads, monkeypatch):
    monkeypatch.setenv("POLCMP_NO_CACHE", "1")
    Corpus(folder)
    Corpus(folder)
    assert len(reads) == 8
    assert not (cache_root / corpus_index.SUBFOLDER).exists()


def test_places_and_compare_say_the_same_with_and_without_the_index(cache_root, folder):
    """Both commands, run cold, warm and with POLCMP_NO_CACHE=1: byte for byte alike."""
    for args in (["places", "--files", "-f", "csv"], ["compare", "广安", "泉州", "-f", "csv"]):
        runs = [polcmp(*args, "--corpus", str(folder)) for _ in range(2)]
        runs.append(polcmp(*args, "--corpus", str(folder), env={"POLCMP_NO_CACHE": "1"}))
        assert runs[0] == runs[1] == runs[2], args
        assert "Traceback" not in runs[0][2]
    assert index_files(cache_root)


def test_a_damaged_index_is_no_error_on_the_command_line(cache_root, folder):
    expected = polcmp("places", "--corpus", str(folder), "-f", "csv")
    [index] = index_files(cache_root)
    index.write_bytes(b"{not json")
    assert polcmp("places", "--corpus", str(folder), "-f", "csv") == expected
