"""The terminal as a person sees it: tables at 80 and 160 columns show every place and every
value the CSV of the same command holds, whole; one-line usage errors; help without noise;
hints; progress only on a terminal."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from polcmp.cli.status import ExitCode
from polcmp.indicators.compare import CELL_FIELDS
from polcmp.indicators.suggest import edit_distance, suggest

from conftest import ROOT, SEEDS
from test_cli import polcmp

PANEL = str(SEEDS / "panel")
SIX = ["临海", "永嘉", "龙港", "金华", "芝罘", "北京:2023"]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CUT_CELL = re.compile(r"…\s*[│┃]")   # a cell rich cut short ends in … before its border


def seen(width: int, *args) -> str:
    """The command's table as a terminal of this width shows it (colours stripped)."""
    code, out, err = polcmp(*args, "-f", "table", env={"COLUMNS": str(width), "TTY_COMPATIBLE": "1",
                                                      "NO_COLOR": "1"})
    assert code in (ExitCode.OK, ExitCode.PARTIAL), err
    text = ANSI.sub("", out)
    for line in text.splitlines():
        assert cell_len(line) <= width, line
    assert not CUT_CELL.search(text), text
    return text


def as_csv(*args) -> list[dict]:
    code, out, err = polcmp(*args, "-f", "csv")
    assert code in (ExitCode.OK, ExitCode.PARTIAL), err
    return list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))


def number(value: str) -> str:
    """A CSV number as a table writes it: 80000 → 8万, 6.5 → 6.5."""
    x = float(value)
    for size, word in ((10**8, "亿"), (10**4, "万")):
        if abs(x) >= size and x / size == round(x / size, 2):
            return f"{x / size:g}{word}"
    return f"{x:g}"


def cells_of(text: str, label: str) -> list[str]:
    """Every cell of every table row whose first cell is this label."""
    found = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if cells and cells[0] == label:
            found += cells[1:]
    return found


def shows(cells: list[str], value: str) -> bool:
    num = re.escape(number(value))
    return any(re.search(rf"(?<![\d.]){num}(?![\d.])", c) for c in cells)


@pytest.mark.parametrize("width", [80, 160])
def test_compare_six_places_all_statuses_shows_every_place_and_value(width):
    text = seen(width, "compare", *SIX, "--corpus", str(SEEDS), "--status", "all")
    rows = as_csv("compare", *SIX, "--corpus", str(SEEDS), "--status", "all")
    columns = [c for c in rows[0] if c not in ("indicator", "label", "unit") and " " in c
               and not c.endswith(tuple(f" {field}" for field in CELL_FIELDS))]
    for column in columns:
        assert column.split(" ")[0] in text
    checked = 0
    for row in rows:
        cells = cells_of(text, row["label"])
        assert cells, row["label"]
        for column in columns:
            if row[column]:
                assert shows(cells, row[column]), (row["label"], column, row[column])
                checked += 1
    assert checked > 30
    if width == 80:
        assert "part 1 of" in text   # six places with targets and results: in parts


@pytest.mark.parametrize("width", [80, 160])
def test_track_shows_every_place_and_value(width):
    text = seen(width, "track", "--corpus", PANEL, "-i", "gdp_growth")
    rows = as_csv("track", "--corpus", PANEL, "-i", "gdp_growth")
    for place in {r["place"] for r in rows}:
        assert place in text
    for r in rows:
        cells = cells_of(text, r["year"])
        for side in ("target", "result"):
            if r[side]:
                assert shows(cells, r[side]), (r["place"], r["year"], side, r[side])


@pytest.mark.parametrize("width", [80, 160])
def test_places_shows_every_place_whole(width):
    text = seen(width, "places")
    rows = as_csv("places")
    for r in rows:
        cells = cells_of(text, r["place"])
        assert r["values"] in cells and r["years"] in cells, (r, cells)
    assert ("not shown at 80 columns" in text) == (width == 80)


@pytest.mark.parametrize("width", [80, 160])
def test_rules_list_columns_never_collapse(width):
    text = seen(width, "rules", "list")
    rows = as_csv("rules", "list")
    for r in rows:
        assert re.search(rf"│ {re.escape(r['id'])}\s+│", text), r["id"]
    if width == 160:
        for header in ("group", "unit", "patterns", "examples", "counterexamples", "description"):
            assert header in text
        assert "R&D spending of the whole society" in text


def test_cascade_at_80_columns_leaves_out_the_code_and_says_so():
    text = seen(80, "cascade", "gdp_growth", "--corpus", PANEL, "--year", "2023")
    assert "全国" in text and "北京" in text
    wide = seen(200, "cascade", "gdp_growth", "--corpus", PANEL, "--year", "2023")
    assert "110000" in wide and "not shown" not in wide
    assert "代码 code" in wide and "目标 target" in wide   # a table that fits keeps its headers whole


# ------------------------------------------------------------------ usage errors and help


@pytest.mark.parametrize("args, words", [
    (["compare"], "name places"),
    (["compare", "临海", "--bogus"], "No such option: --bogus"),
    (["compare", "临海", "--status", "maybe"], "'maybe'"),
    (["compare", "临海", "-j", "0"], "0 is less than 1"),
    (["rules", "list", "--nope"], "No such option"),
    (["mentions"], "Missing argument"),
])
def test_usage_errors_are_one_line_and_exit_2(args, words):
    code, out, err = polcmp(*args)
    assert code == ExitCode.CANNOT_RUN and out == ""
    assert len(err.splitlines()) == 1, err
    where = " ".join(["polcmp", *args[:2 if args[0] == "rules" else 1]])
    assert err.startswith(f"{where}: error: ") and words in err, err


COMMANDS = [["extract"], ["compare"], ["track"], ["cascade"], ["places"], ["keywords"], ["mentions"],
            ["explain"], ["text"], ["rules", "list"], ["rules", "check"], ["rules", "test"]]


def _source_words() -> set[str]:
    """Every ASCII word the help can print: help texts, names, metavars, click's own words."""
    import typer

    from polcmp.cli import main
    from polcmp.cli import (cascade, compare, explain, extract, keywords, mentions, places, rules, text,  # noqa: F401
                            track)

    words = set("Usage OPTIONS COMMAND ARGS Options Arguments Commands Show this message and exit default "
                "env var required h help".split()) | {s.value for s in main.Status} | {f.value for f in main.Format}
    stack = [typer.main.get_command(main.app)]
    while stack:
        command = stack.pop()
        stack += list(getattr(command, "commands", {}).values())
        for piece in [command.help or "", command.name or ""] + [
                f"{p.help or ''} {' '.join(p.opts)} {' '.join(p.secondary_opts)} {p.metavar or ''} {p.envvar or ''}"
                for p in command.params]:
            words |= set(re.findall(r"[A-Za-z]+", piece))
    return words


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_clean_metavars_and_no_broken_words(command):
    code, out, err = polcmp(*command, "--help", env={"COLUMNS": "80"})
    assert code == ExitCode.OK, err
    for noise in ("<bool>", "<str>", "<int", "<list", "<file>", "<dir>", "<path>", "x>=", "<=x"):
        assert noise not in out
    for line in out.splitlines():
        assert cell_len(line) <= 80, line
    assert set(re.findall(r"[A-Za-z]+", out)) <= _source_words(), \
        set(re.findall(r"[A-Za-z]+", out)) - _source_words()


def test_help_shows_the_metavars_users_type():
    _, out, _ = polcmp("compare", "--help", env={"COLUMNS": "80"})
    for shown in ("--corpus DIR", "-i, --indicator ID", "-j, --jobs N", "-o, --output FILE", "--all-places"):
        assert shown in out
    assert re.search(r"--long\s{2,}One row", out)   # a flag shows no value


# ------------------------------------------------------------------ hints


def test_suggestions_prefer_names_that_contain_or_begin_alike():
    places = ["随州", "锦州", "温州", "金华", "金昌", "杭州市", "临海"]
    assert suggest("杭州", ["随州", "锦州", "温州"]) == []        # sharing 州 is not closeness
    assert suggest("杭州", places)[0] == "杭州市"
    assert suggest("金化", places) == ["金华", "金昌"]
    assert suggest("gdp", ["gdp_growth", "cpi", "gross_output"]) == ["gdp_growth"]
    assert suggest("gdp_grwoth", ["gdp_growth", "exports_growth"]) == ["gdp_growth"]
    assert suggest("xyz", ["gdp_growth", "cpi"]) == []
    assert edit_distance("kitten", "sitting") == 3 and edit_distance("ab", "ba") == 1


def test_unknown_indicator_group_and_place_suggest_what_exists():
    code, _, err = polcmp("compare", "临海", "-i", "gdp")
    assert code == ExitCode.CANNOT_RUN and "did you mean gdp_growth?" in err
    code, _, err = polcmp("compare", "临海", "-g", "ecnomy")
    assert code == ExitCode.CANNOT_RUN and "unknown group ecnomy (did you mean economy?" in err
    code, _, err = polcmp("compare", "金化")
    assert code == ExitCode.CANNOT_RUN and "did you mean 金华?" in err and len(err.splitlines()) == 1
    code, _, err = polcmp("compare", "杭州", "--corpus", PANEL)
    assert code == ExitCode.CANNOT_RUN and "did you mean" not in err and "州" not in err.split("'杭州'")[1]


# ------------------------------------------------------------------ every place, progress, places, mentions


def test_all_places_and_an_explicit_corpus_take_every_place():
    for args in (["--all-places", "--corpus", PANEL], ["--corpus", PANEL]):
        rows = as_csv("compare", *args, "-i", "gdp_growth")
        header = " ".join(rows[0])
        assert all(p in header for p in ("全国", "北京", "武汉", "江苏省"))
    code, _, err = polcmp("compare", "临海", "--all-places")
    assert code == ExitCode.CANNOT_RUN and "not both" in err


def test_progress_only_when_stderr_is_a_terminal():
    args = [sys.executable, "-m", "polcmp", "track", "--corpus", PANEL, "-i", "gdp_growth", "-f", "csv"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    piped = subprocess.run(args, capture_output=True, env=env, cwd=ROOT)
    assert piped.returncode == 0 and b"reading" not in piped.stderr
    import pty
    leader, follower = pty.openpty()
    on_tty = subprocess.run(args, stdout=subprocess.PIPE, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    seen_err = b""
    try:
        while chunk := os.read(leader, 65536):
            seen_err += chunk
    except OSError:
        pass
    os.close(leader)
    assert on_tty.returncode == 0 and b"reading" in seen_err
    assert on_tty.stdout == piped.stdout   # the data is the same either way


def test_places_reports_binary_and_empty_files(tmp_path):
    (tmp_path / "临海_2023.txt").write_bytes((SEEDS / "临海_2023.txt").read_bytes())
    (tmp_path / "空_2023.txt").write_bytes(b"")
    (tmp_path / "二进制_2023.txt").write_bytes(bytes(range(256)) * 8)
    code, out, err = polcmp("places", "--corpus", str(tmp_path), "-f", "csv")
    assert code == ExitCode.PARTIAL
    assert "空_2023.txt: empty report" in err and "二进制_2023.txt: binary file" in err
    assert "临海,2023,1,19" in out


def test_mentions_quote_verbatim(tmp_path):
    text = "２０２３年政府工作报告\n我们要发展ＡＩ产业，推动數字經濟发展。\n"
    (tmp_path / "测试_2023.txt").write_text(text, encoding="utf-8")
    rows = as_csv("mentions", "数字经济", "AI", "--corpus", str(tmp_path))
    for r in rows:
        assert r["quote"] == "我们要发展ＡＩ产业，推动數字經濟发展。"
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
