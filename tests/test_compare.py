"""polcmp compare and polcmp places: golden output on the seeds, finding places, errors."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from polcmp.cli.status import ExitCode

from conftest import SEEDS, TESTS
from golden.regenerate import CASES, HERE as GOLDEN, run
from test_cli import polcmp


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(name):
    """If this fails after an intended change: python tests/golden/regenerate.py, review the diff."""
    assert run(CASES[name]) == (GOLDEN / name).read_text(encoding="utf-8")


def wide(out: str) -> dict:
    return {r["indicator"]: r for r in csv.DictReader(io.StringIO(out))}


def test_the_numbers_users_came_for(tmp_path):
    code, out, err = polcmp("compare", "临海", "永嘉", "龙港", cwd=tmp_path)   # piped: CSV
    rows = wide(out)
    assert code == 0 and not out.startswith("\ufeff"), err
    firms = rows["hightech_firms_new"]
    assert (firms["临海 目标 2023"], firms["永嘉 目标 2024"], firms["龙港 目标 2023"]) == ("40", "40", "35")
    assert (rows["rd_intensity"]["临海 目标 2023"], rows["rd_intensity"]["临海 目标 2023 qualifier"]) == ("3.2", ">=")
    digital = rows["digital_core_va_growth"]
    assert (digital["临海 目标 2023"], digital["临海 目标 2023 qualifier"], digital["龙港 目标 2023"]) == ("10", ">=", "20")
    talent = rows["talent_intake"]
    assert (talent["永嘉 目标 2024"], talent["龙港 目标 2023"], talent["龙港 目标 2023 qualifier"]) == ("10000", "10000", ">=")


def test_table_cells():
    table = (GOLDEN / "compare.table.txt").read_text(encoding="utf-8")
    for cell in ("≥3.2%*", "40家", "35家", "≥10%", "≥20%*", "≥1万人", "7人 (+1)", "—", "科技创新 (innovation)"):
        assert cell in table


def test_names_years_and_files():
    code, out, err = polcmp("compare", "临海市", "永嘉:2024", str(SEEDS / "龙港_2023.txt"), "-i", "hightech_firms_new")
    row = wide(out)["hightech_firms_new"]
    assert code == 0 and (row["临海 目标 2023"], row["永嘉 目标 2024"], row["龙港 目标 2023"]) == ("40", "40", "35")


def test_a_place_means_all_its_reports(tmp_path):
    for year in (2022, 2023):
        shutil.copy(SEEDS / "临海_2023.txt", tmp_path / f"临海_{year}.txt")
    code, out, err = polcmp("compare", "临海", "--corpus", str(tmp_path))
    header = out.splitlines()[0]
    assert code == 0 and "临海 目标 2022" in header and "临海 目标 2023" in header
    code, out, _ = polcmp("compare", "临海:2022", "--corpus", str(tmp_path))
    assert code == 0 and "临海 目标 2022" in out.splitlines()[0] and "2023" not in out.splitlines()[0]


def test_corpus_by_flag_and_by_environment(tmp_path):
    shutil.copy(TESTS / "corpus" / "萍乡_2021.txt", tmp_path)
    (tmp_path / "report.txt").write_text(   # another name: identified from its text
        "——2021年1月20日在白山市第八届人民代表大会第五次会议上\n现在，我代表白山市人民政府，向大会报告政府工作。\n"
        "今年主要预期目标是：地区生产总值增长5%左右。\n", encoding="utf-8")
    code, out, _ = polcmp("compare", "萍乡", "白山市", "--corpus", str(tmp_path), "-i", "gdp_growth")
    assert code == 0 and wide(out)["gdp_growth"]["白山 目标 2021"] == "5"
    code, out, _ = polcmp("compare", "萍乡", "-i", "gdp_growth", env={"POLCMP_CORPUS": str(tmp_path)})
    assert code == 0 and wide(out)["gdp_growth"]["萍乡 目标 2021"] == "8.2"


@pytest.mark.parametrize(("args", "message"), [
    (["温州"], "no report for '温州'"),
    (["临海:2019"], "临海 has no report of 2019"),
    (["临海", "--group", "sports"], "unknown group sports"),
    (["临海", "-i", "gdp"], "unknown indicator 'gdp'"),
])
def test_errors_are_one_line_exit_2(args, message):
    code, out, err = polcmp("compare", *args)
    assert code == ExitCode.CANNOT_RUN and out == "" and message in err and err.count("\n") == 1


def test_closest_places_are_named():
    code, _, err = polcmp("compare", "台洲", "--corpus", str(TESTS / "corpus"))
    assert code == 2 and "did you mean 台州?" in err
    code, _, err = polcmp("compare", "临海", "--corpus", str(TESTS / "corpus"))
    assert code == 2 and "it has: 台州, 白山, 萍乡" in err


def test_status_all_and_groups():
    code, out, _ = polcmp("compare", "台州", "--corpus", str(TESTS / "corpus"), "--status", "all", "-g", "economy")
    header = out.splitlines()[0]
    assert code == 0 and "台州 目标 2021" in header and "台州 实绩 2020" in header
    assert set(wide(out)) <= {"gdp_growth", "industrial_va_growth", "fiscal_revenue_growth",
                              "general_budget_revenue_growth", "fixed_asset_investment_growth",
                              "retail_sales_growth", "exports_growth", "urban_income_growth",
                              "rural_income_growth", "fdi_actual"}


def test_a_file_gets_a_bom_a_pipe_does_not(tmp_path):
    target = tmp_path / "cmp.csv"
    code, _, _ = polcmp("compare", "临海", "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, _ = polcmp("compare", "临海", "-o", str(target), "--no-bom")
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_places_lists_the_corpus():
    code, out, _ = polcmp("places", "-f", "json")
    rows = json.loads(out)
    seeds = [r for r in rows if r["reports"] == 1]
    assert code == 0 and [r["place"] for r in seeds] == ["临海", "永嘉", "芝罘", "金华", "龙港"]
    assert all(r["values"] >= 4 and r["targets"] == r["values"] for r in seeds)
    code, out, _ = polcmp("places", "--files", "-f", "json")
    files = json.loads(out)
    assert code == 0 and len(files) == sum(r["reports"] for r in rows) and {"year", "file"} <= set(files[0])
