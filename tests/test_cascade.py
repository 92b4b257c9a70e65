"""polcmp cascade: targets down the tree, what each level adds, outputs and errors — on small slices."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.cascade import COLUMNS, cascade, sign
from polcmp.indicators.corpus import Entry
from polcmp.indicators.divisions import locate

from conftest import SEEDS
from test_cli import polcmp

PANEL = SEEDS / "panel"   # real reports of 全国 and 江苏省, bundled


@pytest.fixture(scope="module")
def slices(tmp_path_factory):
    """Two folders, as --corpus twice: real 2023 reports of the nation and 江苏省 and a one-line
    南京 in one; in the other 临海 with its prefecture 台州 (a one-line report), and a name no head
    can place."""
    panel, corpus = tmp_path_factory.mktemp("panel"), tmp_path_factory.mktemp("corpus")
    for name in ("全国_2023.txt", "江苏省_2023.txt"):
        shutil.copy(PANEL / name, panel)
    (panel / "南京_2023.txt").write_text("今年主要预期目标是：地区生产总值增长5.5%左右。\n", encoding="utf-8")
    shutil.copy(SEEDS / "临海_2023.txt", corpus)
    (corpus / "台州_2023.txt").write_text("今年主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
    (corpus / "朝阳区_2023.txt").write_text("今年主要预期目标是：地区生产总值增长7%左右。\n", encoding="utf-8")
    return panel, corpus


def run(slices, *args):
    panel, corpus = slices
    return polcmp("cascade", "gdp_growth", "--year", "2023", "--corpus", str(panel), "--corpus", str(corpus), *args)


def test_rows_go_nation_provinces_cities_with_the_right_parents(slices):
    code, out, err = run(slices, "-f", "json")
    assert code == ExitCode.OK, err
    rows = json.loads(out)
    assert [(r["place"], r["level"], r["parent"]) for r in rows] == [
        ("全国", "nation", None), ("江苏省", "province", "全国"), ("南京市", "prefecture", "江苏省"),
        ("浙江省", "province", "全国"), ("台州市", "prefecture", "浙江省"), ("临海市", "county", "台州市")]
    by = {r["place"]: r for r in rows}
    assert (by["全国"]["value"], by["全国"]["qualifier"]) == (5, "~")
    assert (by["江苏省"]["difference"], by["江苏省"]["sign"]) == (0, "=")            # 5%左右 under 5%左右
    assert (by["临海市"]["parent_value"], by["临海市"]["difference"], by["临海市"]["sign"]) == (6, 0.5, "+")
    assert by["临海市"]["difference_unit"] == "个百分点"
    # 浙江省 has no report here: it heads its cities with no value, and they add nothing measurable over it
    assert by["浙江省"]["value"] is None and by["台州市"]["difference"] is None and by["台州市"]["sign"] is None


def test_a_place_that_cannot_be_placed_is_listed_apart(slices):
    code, out, err = run(slices, "-f", "csv")
    assert code == ExitCode.OK
    assert "朝阳" not in out
    told = [line for line in err.splitlines() if "朝阳" in line]   # files drop 区: the place is 朝阳
    assert len(told) == 1 and told[0].startswith("polcmp: 朝阳 (") and told[0].endswith("left out of the cascade")
    assert "北京市朝阳区" in err and "长春市朝阳区" in err and "辽宁省朝阳市 (" in err


def test_csv_and_table_shapes(slices):
    code, out, _ = run(slices, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and tuple(rows[0]) == COLUMNS and len(rows) == 6
    assert rows[0]["place_code"] == "100000" and rows[5]["sign"] == "+"
    code, out, _ = run(slices, "-f", "table", "--chart")
    assert code == 0 and out.index("全国") < out.index("江苏省") < out.index("南京市")
    assert "+0.5 个百分点" in out and "█" in out and "not placed: 朝阳" in out


def test_an_unknown_indicator_is_one_clear_line(slices):
    panel, _ = slices
    code, out, err = polcmp("cascade", "gdp_growh", "--corpus", str(panel))
    assert code == ExitCode.CANNOT_RUN and out == ""
    assert "unknown indicator 'gdp_growh'" in err and "gdp_growth" in err and len(err.strip().splitlines()) == 1


def test_a_year_without_reports_cannot_run(slices):
    panel, _ = slices
    code, _, err = polcmp("cascade", "gdp_growth", "--year", "1999", "--corpus", str(panel))
    assert code == ExitCode.CANNOT_RUN and "no report of 1999" in err


def test_the_first_firm_target_and_the_first_report_that_states_one(extractor):
    """Two reports of one place and year: the first that states a target counts; within a
    report the first firm value, not a later 力争 one."""
    silent = extractor.extract_text("今年要坚定信心。", place="南京", year=2023, file="a/南京_2023.txt")
    stated = extractor.extract_text("今年主要预期目标是：地区生产总值增长5.5%以上、力争6%。\n",
                                    place="南京", year=2023, file="b/南京_2023.txt")
    reports = [(Entry("南京", 2023, "a/南京_2023.txt"), locate("南京"), silent),
               (Entry("南京", 2023, "b/南京_2023.txt"), locate("南京"), stated)]
    result = cascade(reports, "gdp_growth", "地区生产总值增长", "%", 2023)
    nanjing = [r for r in result.rows if r["place"] == "南京市"]
    assert len(nanjing) == 1 and nanjing[0]["value"] == 5.5 and nanjing[0]["file"] == "b/南京_2023.txt"
    assert [r["place"] for r in result.rows] == ["江苏省", "南京市"]    # the province heads its city


def test_signs():
    assert (sign(0.5), sign(-1), sign(0), sign(None)) == ("+", "−", "=", None)


def test_a_target_in_words_is_shown_without_a_difference(extractor):
    words = extractor.extract_text("今年主要预期目标是：地区生产总值增长6%左右，单位生产总值能耗下降完成省下达目标。\n",
                                   place="南京", year=2023, file="南京_2023.txt")
    nation = extractor.extract_text("今年主要预期目标是：单位国内生产总值能耗降低2%左右。\n",
                                    place="全国", year=2023, file="全国_2023.txt")
    reports = [(Entry("全国", 2023, "全国_2023.txt"), locate("全国"), nation),
               (Entry("南京", 2023, "南京_2023.txt"), locate("南京"), words)]
    rows = {r["place"]: r for r in cascade(reports, "energy_intensity_change", "单位GDP能耗变化", "%", 2023).rows}
    assert (rows["全国"]["value"], rows["全国"]["qualifier"]) == (-2, "~")
    assert (rows["南京市"]["value"], rows["南京市"]["text"], rows["南京市"]["sign"]) == (None, "完成省下达目标", None)
