"""Start-up stays small: what a run imports, which command modules it loads, what it compiles
and looks up before its work (issue 15: start-up dominates small jobs)."""
from __future__ import annotations

import copy
import json
import os
import pickle
import re
import subprocess
import sys

import pytest

from polcmp.cli.main import COMMAND_MODULES, app, register_commands
from polcmp.indicators import cache
from polcmp.indicators.lazy_regex import LazyPattern, lazy_compile

from conftest import ROOT, SEEDS

LINHAI = str(SEEDS / "临海_2023.txt")
HEAVY = ("pydantic", "pandas", "numpy", "jieba", "rich")


def loaded_by(*args: str, env: dict | None = None) -> set[str]:
    """The modules a run of `polcmp ARGS` has imported when it ends (it must end well)."""
    probe = ("import sys\n"
             "from polcmp.cli.main import run\n"
             "sys.argv = ['polcmp'] + sys.argv[1:]\n"
             "try:\n    run()\nexcept SystemExit as e:\n    code = e.code\n"
             "print(code, *sorted(sys.modules), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})
    code, *modules = proc.stderr.splitlines()[-1].split()
    assert code == "0", proc.stderr
    return set(modules)


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("args", [["extract", LINHAI, "-f", "json"], ["extract", LINHAI],
                                  ["extract", LINHAI, "-f", "csv", "-o", "{tmp}/out.csv", "-j", "1", "-i", "gdp_growth"]])
def test_extract_imports_no_heavy_library(args, tmp_path):
    modules = loaded_by(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert top_level(modules) & set(HEAVY) == set()
    # only its own command module: the others are not imported for a run of extract
    assert {m for m in modules if m.startswith("polcmp.cli.")} <= {
        "polcmp.cli.main", "polcmp.cli.extract", "polcmp.cli.clickcompat", "polcmp.cli.coercion", "polcmp.cli.files",
        "polcmp.cli.helpformat", "polcmp.cli.output", "polcmp.cli.status"}


@pytest.mark.parametrize("args", [["compare", "临海", "永嘉", "龙港"], ["compare", "临海", "-f", "json", "--long"],
                                  ["track", "北京", "-f", "csv", "-i", "gdp_growth"]])
def test_compare_and_track_need_no_pandas(args):
    """The table, CSV and JSON of compare and track come from plain rows: no pandas (it is for
    the Python API and for .xlsx/.parquet/.dta), no pydantic, no jieba."""
    assert top_level(loaded_by(*args)) & {"pandas", "numpy", "pydantic", "jieba"} == set()


def test_the_second_run_looks_up_no_versions(tmp_path):
    """The versions in the engine fingerprint come from the note in the cache folder: the second
    run does not import importlib.metadata (slower to import than the rest of a small run)."""
    env = {"POLCMP_CACHE": str(tmp_path)}
    assert "importlib.metadata" in loaded_by("compare", "临海", env=env)
    assert "importlib.metadata" not in loaded_by("compare", "临海", env=env)


def test_a_changed_sys_path_looks_versions_up_again(tmp_path, monkeypatch):
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    looked_up = []
    import importlib.metadata
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda dist: looked_up.append(dist) or real(dist))
    first = cache._versions()
    assert looked_up and first.startswith("polcmp=") and cache._versions() == first
    assert len(looked_up) == 4   # the second call read the note
    monkeypatch.setattr(cache, "_modified", lambda path: 1)   # a package installed somewhere on sys.path
    assert cache._versions() == first and len(looked_up) == 8
    (tmp_path / cache.VERSIONS_NOTE).write_bytes(b'{"sys.path": 1}')   # damaged: looked up, never an error
    assert cache._versions() == first and len(looked_up) == 12
    note = json.loads((tmp_path / cache.VERSIONS_NOTE).read_bytes())
    assert list(note["by sys.path"].values()) == [first]


def test_versions_are_kept_for_each_sys_path(tmp_path, monkeypatch):
    """`polcmp` and `python -m polcmp`, or runs from two folders, differ in sys.path[0]: each keeps
    its answer, so alternating between them looks nothing up again."""
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    looked_up = []
    import importlib.metadata
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda dist: looked_up.append(dist) or real(dist))
    for first_entry in ("/a", "/b", "/a", "/b"):
        monkeypatch.setattr(sys, "path", [first_entry, *sys.path[1:]])
        cache._versions()
    assert len(looked_up) == 8   # /a and /b once each


def test_every_command_has_its_module():
    """COMMAND_MODULES names, for each command, the module that registers it (a run imports only that one)."""
    register_commands([])
    registered = {(c.name or c.callback.__name__).replace("_", "-"): c.callback.__module__
                  for c in app.registered_commands}
    registered.update({g.name: g.typer_instance.registered_commands[0].callback.__module__ for g in app.registered_groups})
    assert {name: f"polcmp.cli.{module}" for name, module in COMMAND_MODULES.items()} == registered


def test_lazy_pattern_compiles_on_first_use():
    pattern = lazy_compile(r"(\d+)年", re.M)
    assert vars(pattern) == {"_source": (r"(\d+)年", re.M)}   # nothing compiled yet
    assert pattern.search("今年是2023年").group(1) == "2023"
    assert pattern.findall("2022年\n2023年") == ["2022", "2023"] and pattern.flags & re.M
    for other in (pickle.loads(pickle.dumps(pattern)), copy.copy(pattern), copy.deepcopy(pattern)):
        assert isinstance(other, LazyPattern) and other.sub("X", "1年") == "X"
    with pytest.raises(AttributeError):
        pattern.no_such_method
