"""polcmp rules list / check / test, explain, and catalogues users write themselves."""
from __future__ import annotations

import json
import re
import shutil
import time

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.catalogue import load_catalogue

from conftest import ROOT, TESTS
from test_cli import polcmp

BROKEN = sorted((TESTS / "catalogues" / "broken").glob("*.yaml"))
ROADS = str(TESTS / "catalogues" / "roads.yaml")


def expectation(path):
    """The `# expect: [LINE: ]path: message` header of a broken catalogue."""
    header = path.read_text(encoding="utf-8").splitlines()[:2]
    extra = any(line.startswith("# extra") for line in header)
    expect = next(line for line in header if line.startswith("# expect: ")).removeprefix("# expect: ")
    return extra, expect


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_catalogue_reports_its_path_and_line(path):
    extra, expect = expectation(path)
    args = ["--extra-rules", str(path)] if extra else [str(path)]
    code, out, err = polcmp("rules", "check", *args)
    assert code == ExitCode.PARTIAL, err
    where = f"{path}:" if re.match(r"\d+: ", expect) else f"{path}: "
    assert any(line.startswith(where + expect) for line in out.splitlines()), out
    # the same catalogue stops extract with one line and exit 2, never a traceback
    code, out, err = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"),
                            *(["--extra-rules", str(path)] if extra else ["--rules", str(path)]))
    assert code == ExitCode.CANNOT_RUN and out == "" and err.count("\n") == 1 and "Traceback" not in err


def test_unreadable_catalogue_is_exit_2(tmp_path):
    code, _, err = polcmp("rules", "check", str(tmp_path / "missing.yaml"))
    assert code == ExitCode.CANNOT_RUN and "no such file" in err


def test_shipped_catalogue_checks_and_passes_its_examples():
    code, out, _ = polcmp("rules", "check")
    # every indicator of the shipped file, however many the catalogue grows to
    shipped = len(load_catalogue(ROOT / "rules.yaml").indicators)
    assert code == 0 and f"ok — {shipped} indicators" in out and shipped >= 27
    code, out, _ = polcmp("rules", "test")
    assert code == 0 and re.search(r"^\d+ passed, 0 failed$", out, re.M)


def test_rules_test_prints_each_failure(tmp_path):
    text = (ROOT / "rules.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "rules.yaml"
    wrong.write_text(text.replace('{text: "生产总值增长6.5%以上", value: 6.5', '{text: "生产总值增长6.5%以上", value: 7.5'),
                     encoding="utf-8")
    code, out, _ = polcmp("rules", "test", str(wrong), "--indicator", "gdp_growth")
    assert code == ExitCode.PARTIAL
    assert "gdp_growth | 生产总值增长6.5%以上 | >= 7.5 | >= 6.5" in out and re.search(r"\d+ passed, 1 failed", out)


def test_rules_list():
    code, out, _ = polcmp("rules", "list", "-f", "json", "--extra-rules", ROADS)
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and len(rows) == len(load_catalogue(ROOT / "rules.yaml").indicators) + 1
    assert rows["gdp_growth"]["group"] == "economy" and rows["rural_roads_new"]["examples"] == 3


def test_a_user_indicator_in_extract_and_compare():
    code, out, _ = polcmp("rules", "test", "--extra-rules", ROADS, "-i", "rural_roads_new")
    assert code == 0 and "4 passed, 0 failed" in out
    code, out, _ = polcmp("extract", str(TESTS / "corpus" / "台州_2021.txt"), "--extra-rules", ROADS,
                          "-i", "rural_roads_new", "-f", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {(r["value"], r["status"]) for r in rows} == {(1278, "achieved")}
    code, out, _ = polcmp("compare", "台州", "白山", "--corpus", str(TESTS / "corpus"), "--extra-rules", ROADS,
                          "-g", "infrastructure", "--status", "all", "-f", "json")
    [row] = json.loads(out)
    assert code == 0 and row["indicator"] == "rural_roads_new"
    assert (row["台州 实绩 2020"], row["白山 目标 2020"], row["白山 实绩 2019"]) == (1278, 135, 470)


def test_rules_replaces_the_catalogue(tmp_path):
    mine = tmp_path / "mine.yaml"
    shutil.copy(ROOT / "rules.yaml", mine)
    code, out, _ = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"), "--rules", str(mine), "-f", "jsonl")
    assert code == 0 and len(out.splitlines()) > 10


def explain(*args):
    code, out, err = polcmp("explain", *args, "-f", "json")
    assert code == 0, err
    return json.loads(out)


def test_explain_a_sentence_with_fenbie():
    rows = explain("城镇、农村常住居民人均可支配收入分别增长6.5%和7%以上")
    assert [(r["raw"], r["value"], r["qualifier"], r["indicator"]) for r in rows] == [
        ("6.5%", 6.5, "=", "urban_income_growth"), ("7%以上", 7, ">=", "rural_income_growth")]
    assert rows[0]["pattern"].startswith("{WHOLE}(?:城镇|城市)")
    rows = explain("高新产业增加值、高新产业投资分别增长15%、12%以上")
    assert rows[0]["indicator"] == "hightech_industry_va_growth"
    assert rows[1]["indicator"] is None and "分别" in rows[1]["why_not"]


def test_explain_a_sentence_with_slogan_numbers():
    rows = explain("紧密对接省“315”创新体系建设，聚焦“2+4+X”主导产业，新增国家高新技术企业40家，居全省第2位")
    by_raw = {r["raw"]: r for r in rows}
    assert "quoted name" in by_raw["315"]["why_not"] and by_raw["315"]["indicator"] is None
    assert by_raw["40家"]["indicator"] == "hightech_firms_new"
    assert "rank" in by_raw["2"]["why_not"]


def test_explain_says_why_a_subject_did_not_claim():
    [row] = explain("高新技术企业总数达到1200家")
    assert row["indicator"] is None and "hightech_firms_new: found «高新技术企业»" in row["why_not"]


def test_explain_shows_how_every_number_was_read():
    rows = explain("投资2万-6万元，全年收入四万五千元，零点零五元，三五家，一百二十三")
    assert [(r["raw"], r["value"], r["value_max"]) for r in rows] == [
        ("2万-6万元", 20000, 60000), ("四万五千元", 45000, None), ("零点零五元", 0.05, None),
        ("三五家", None, None), ("一百二十三", 123, None)]
    assert "cannot be read as one whole number" in rows[3]["why_not"]


def test_explain_a_line_of_a_file():
    rows = explain(str(ROOT / "seeds" / "临海_2023.txt"), "--line", "5")
    assert {r["indicator"] for r in rows} >= {"gdp_growth", "fiscal_revenue_growth", "rural_income_growth"}


# ------------------------------------------------------------------ catalogue loading bounded

ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"]
                       + [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefg", "bcdefgh")]
                       + ["indicators:", "  - id: bomb", "    name: *h"]) + "\n"


def test_a_yaml_alias_bomb_is_refused_at_its_line(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    started = time.monotonic()
    code, out, _ = polcmp("rules", "check", str(bomb))
    assert code == ExitCode.PARTIAL and f"{bomb}:2: YAML alias *a: aliases are not allowed" in out
    code, _, err = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"), "--extra-rules", str(bomb))
    assert code == ExitCode.CANNOT_RUN and len(err.strip().splitlines()) == 1 and "YAML alias" in err
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_catalogue_that_is_not_a_regular_file_is_refused(tmp_path, special):
    import os

    if special == "fifo":
        special = str(tmp_path / "rules.yaml")
        os.mkfifo(special)
    code, _, err = polcmp("rules", "check", special)
    assert code == ExitCode.CANNOT_RUN and err.strip() == f"polcmp: error: {special}: not a regular file"


def test_an_oversized_catalogue_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (9 * 2**20) + "\nindicators: []\n", encoding="utf-8")
    code, _, err = polcmp("rules", "check", str(big))
    assert code == ExitCode.CANNOT_RUN and "a catalogue may have at most 8 MB" in err


@pytest.mark.parametrize("bad_id", ["{a: 1}", "[a, b]", "12"])
def test_an_extra_catalogue_with_a_strange_id_is_a_problem_not_a_crash(tmp_path, bad_id):
    extra = tmp_path / "extra.yaml"
    extra.write_text(f"indicators:\n  - id: {bad_id}\n    name: x\n", encoding="utf-8")
    code, _, err = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"), "--extra-rules", str(extra))
    assert code == ExitCode.CANNOT_RUN and f"{extra}:2: indicators[0].id: must be snake_case text" in err
    assert "internal error" not in err


def test_a_clash_between_two_extra_catalogues_names_the_first(tmp_path):
    files = []
    for name in ("first", "second"):
        files.append(tmp_path / f"{name}.yaml")
        files[-1].write_text("fragments:\n  MINE: 我的\nindicators:\n  - {id: mine, name: 我的, group: economy, "
                             f"unit: '%', patterns: ['{{MINE}}指标{name}']}}\n", encoding="utf-8")
    code, _, err = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"),
                          "--extra-rules", str(files[0]), "--extra-rules", str(files[1]))
    assert code == ExitCode.CANNOT_RUN and err == (f"polcmp: error: {files[1]}:4: indicators[0].id: mine is already "
                                                   f"defined in {files[0]}\n")
    files[1].write_text(files[1].read_text(encoding="utf-8").replace("MINE: 我的", "MINE: 你的").replace("id: mine", "id: yours"),
                        encoding="utf-8")
    code, _, err = polcmp("extract", str(ROOT / "seeds" / "临海_2023.txt"),
                          "--extra-rules", str(files[0]), "--extra-rules", str(files[1]))
    assert code == ExitCode.CANNOT_RUN and f"fragments.MINE: already defined differently in {files[0]}" in err
