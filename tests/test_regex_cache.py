"""The compiled cache (compiled.py) and the regular expressions kept in it (regex_cache.py):
a pattern built from stored code is the pattern re.compile makes; a later run compiles nothing;
damage costs a compile, never an error or a wrong match."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest

from polcmp.indicators import compiled, regex_cache
from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.lazy_regex import lazy_compile

from conftest import ROOT, SEEDS

LINHAI = SEEDS / "临海_2023.txt"
# Patterns of the shapes polcmp writes: classes of Chinese characters, named groups, look-arounds,
# conditionals, possessive and lazy repeats, verbose mode, flags inline and given.
SHAPES = [
    (r"(?P<year>20\d\d)年(?:全市)?(?P<what>[\u4e00-\u9fff]{2,8}?)增长(?P<pct>\d+(?:\.\d+)?)%", 0),
    (r"(?<![\d.])(?:(?P<cn>[一二三四五六七八九十百千万亿]+)|\d++)(?(cn)个|(?!\d))", 0),
    (r"""(?P<head>[\d翻])   # a numeral
         (?:\s*%)?""", re.VERBOSE),
    (r"^\s*[一二三四五六七八九十]+、.*$", re.M),
    (r"(?i)gdp|(?s:.)", 0),
    (r"[^，。；]{1,30}?(?=达到|为)", re.I | re.M),
]


@pytest.fixture
def fresh_store(monkeypatch, tmp_path):
    """An empty cache folder, and no store loaded yet in this process."""
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_codes", compiled.Memo(*regex_cache._codes.parts))
    return tmp_path


def same_pattern(a: re.Pattern, b: re.Pattern, text: str) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.span() + m.groups() for m in a.finditer(text)] == [m.span() + m.groups() for m in b.finditer(text)]


def catalogue_patterns() -> list[tuple[str, int]]:
    catalogue = load_catalogue()
    found = {(p, 0) for ind in catalogue.indicators for p in ind.expanded}
    found |= {(rx.pattern, 0) for ind in catalogue.indicators for rx in (ind.link, ind.context, ind.exclude) if rx}
    return sorted(found)


def test_stored_code_makes_the_pattern_re_compile_makes(fresh_store, monkeypatch):
    text = LINHAI.read_text(encoding="utf-8")[:20000]
    patterns = SHAPES + catalogue_patterns()
    first = [regex_cache.compile_cached(p, f) for p, f in patterns]
    regex_cache._codes.save()
    monkeypatch.setattr(regex_cache, "_codes", compiled.Memo(*regex_cache._codes.parts))

    def no_compiling(*args):
        raise AssertionError("compiled again")
    monkeypatch.setattr(regex_cache._parser, "parse", no_compiling)
    again = [regex_cache.compile_cached(p, f) for p, f in patterns]
    monkeypatch.undo()
    for (p, f), a, b in zip(patterns, first, again):
        same_pattern(b, re.compile(p, f), text)
        same_pattern(a, re.compile(p, f), text)


def test_errors_are_those_of_re(fresh_store):
    with pytest.raises(re.error):
        regex_cache.compile_cached(r"(unclosed")
    with pytest.raises(ValueError):
        regex_cache.compile_cached(r"\w", re.ASCII | re.UNICODE)


def test_damaged_code_is_compiled_afresh(fresh_store, monkeypatch):
    pattern = SHAPES[0][0]
    regex_cache.compile_cached(pattern)
    codes = regex_cache._codes
    flags, code, groups, groupindex, indexgroup = codes.known[pattern, 0]
    # code that _sre refuses (it checks what it is given): an unknown instruction
    codes.known[pattern, 0] = (flags, b"\xff\xff\xff\x7f" * (len(code) // 4), groups, groupindex, indexgroup)
    again = regex_cache.compile_cached(pattern)
    same_pattern(again, re.compile(pattern), "2023年全市地区生产总值增长6.5%")


def test_a_damaged_file_is_a_miss(fresh_store):
    regex_cache.compile_cached(SHAPES[1][0])
    regex_cache._codes.save()
    for f in (fresh_store / compiled.SUBFOLDER).iterdir():
        f.write_bytes(b"not marshal data")
    regex_cache._codes = compiled.Memo(*regex_cache._codes.parts)
    same_pattern(regex_cache.compile_cached(SHAPES[1][0]), re.compile(SHAPES[1][0]), "三个 12 十万个")


def test_lazy_patterns_come_from_the_store(fresh_store):
    lazy = lazy_compile(SHAPES[3][0], SHAPES[3][1])
    assert lazy.findall("一、回顾\n正文\n二、任务") == ["一、回顾", "二、任务"]
    assert (SHAPES[3][0], int(SHAPES[3][1])) in regex_cache._codes.new


def stored_patterns(cache: os.PathLike) -> set:
    found = set()
    for f in (cache / compiled.SUBFOLDER).iterdir():
        payload = marshal.loads(f.read_bytes())
        found |= {q for q in payload.get("answers", ()) if isinstance(q[1], int)}   # (pattern, flags)
    return found


def test_a_second_run_compiles_nothing_whatever_the_hash_seed(tmp_path):
    """The patterns polcmp builds (from sets of units, words …) are the same text in every process,
    so a run with another PYTHONHASHSEED finds every one of them stored."""
    def run(seed: str) -> set:
        env = {**os.environ, "POLCMP_CACHE": str(tmp_path), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "polcmp", "extract", str(LINHAI), "-f", "csv"], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        return stored_patterns(tmp_path)
    first = run("1")
    assert len(first) > 50
    assert run("2") == first


def test_a_cached_catalogue_needs_no_yaml(tmp_path):
    probe = ("import sys\nfrom polcmp.indicators.catalogue import load_catalogue\n"
             "n = len(load_catalogue().indicators)\nprint(n, 'yaml' in sys.modules)")
    env = {**os.environ, "POLCMP_CACHE": str(tmp_path)}
    outputs = [subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.split() for _ in range(2)]
    assert outputs[0][1] == "True" and outputs[1][1] == "False" and outputs[0][0] == outputs[1][0]


def test_remembered_builds_once_and_rebuilds_what_it_cannot_restore(monkeypatch, tmp_path):
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    built = []

    def build():
        built.append(1)
        return {"a": (1, 2.5, b"x", None, frozenset({3}))}
    assert compiled.remembered(("test", 1), build) == compiled.remembered(("test", 1), build) == build()
    assert len(built) == 2   # once by remembered, once by the comparison
    assert compiled.remembered(("test", 1), build, restore=lambda v: 1 / 0) == build()   # built again
    assert compiled.remembered(("test", 2), lambda: object()) is not None   # marshal cannot hold it: not kept
