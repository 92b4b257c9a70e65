"""The year a value is about, targets against results (polcmp track), many years of a place.
Sentences are real ones (or trimmed from real ones) of ../shared/corpus and ../shared/panel."""
from __future__ import annotations

import csv
import io
import shutil

import pytest

from polcmp.indicators.corpus import Entry
from polcmp.indicators.models import Value
from polcmp.indicators.track import pick_target, track, verdict

from conftest import SEEDS
from test_cli import polcmp

PANEL = SEEDS / "panel"


def one(extractor, text, year, indicator="gdp_growth", value=None):
    """(status, period, refers_to) of the one value of `indicator` (equal to `value`, if given)."""
    [v] = [v for v in extractor.extract_text(text, place="某市", year=year)
           if v.indicator == indicator and value in (None, v.value)]
    return v.status, v.period, v.refers_to


@pytest.mark.parametrize(("text", "year", "expected", "which"), [
    # this year's target: the report's year
    ("今年主要预期目标是：地区生产总值增长6%左右。", 2024, ("target", "annual", "2024"), ()),
    # last year's result: the year before the report, or the year the sentence names
    ("过去一年，全市地区生产总值增长5.1%。", 2024, ("achieved", "annual", "2023"), ()),
    ("一、2023年工作回顾\n核算后，2021年我市地区生产总值增长3%。", 2024, ("achieved", "annual", "2021"), ()),
    # a five-year review: the five years before the report
    ("一、“十三五”时期发展回顾\n五年来，全市地区生产总值年均增长6.5%。", 2021, ("achieved", "average", "2016-2020"), ()),
    ("一、过去五年工作回顾\n地区生产总值累计增长41.6%。", 2021, ("achieved", "cumulative", "2016-2020"), ()),
    ("预计2021年地区生产总值比2016年增长30.3%。", 2022, ("achieved", "cumulative", "2017-2021"), ()),
    ("三年来GDP年均增长9.2%。", 2021, ("achieved", "average", "2018-2020"), ()),
    # a one-year growth inside the five-year review is that year's
    ("一、过去五年和2021年工作回顾\n（一）保持经济平稳发展。地区生产总值增长8.3%，规上工业增加值增长12.6%。", 2022,
     ("achieved", "annual", "2021"), ()),
    ("一、过去五年工作回顾\n刚刚过去的2021年，是本届政府的收官之年。地区生产总值增长7%。", 2022,
     ("achieved", "annual", "2021"), ()),
    # 江苏省_2013: a one-year word after 五年来 makes the figure that year's
    ("五年来，全省地区生产总值连跨三个万亿元台阶，2012年达5.4万亿元，同比增长10.1%。", 2013,
     ("achieved", "annual", "2012"), ()),
    # 山西省_2011: growth over the year before last year is last year's growth
    ("一、2010年工作回顾\n预计2010年全省生产总值达到8700亿元、比2009年增长13%。", 2011, ("achieved", "annual", "2010"), ()),
    # 呼和浩特_2015: a heading that says the targets were met reviews them
    ("一、2014年工作回顾\n（一）坚持稳中求进，年度经济发展目标基本实现\n预计全年地区生产总值完成2950亿元，增长8%；"
     "固定资产投资完成1736亿元，增长16%。", 2015, ("achieved", "annual", "2014"), ("fixed_asset_investment_growth", 16)),
    # 江苏省_2005: a short line with a full stop inside is a paragraph, not a heading
    ("一、2004年工作回顾\n──就业超过预期目标。城镇新增就业87万人。\n──经济较快增长。全省生产总值增长14.5%。", 2005,
     ("achieved", "annual", "2004"), ()),
    # 海口_2012: 全年 in a plan paragraph under a five-year plan is this year
    ("未来五年的主要目标是：生产总值年均增长12%。\n全年经济社会发展的主要预期目标是：全社会固定资产投资增长28%左右。", 2012,
     ("target", "annual", "2012"), ("fixed_asset_investment_growth", None)),
    # 全国_2011: a plan paragraph whose later sentence turns to last year
    ("三、2011年的主要任务\n2011年是“十二五”开局之年，做好今年的工作至关重要。过去一年，我们的各项工作取得了很大成绩。"
     "国内生产总值增长10.3%。", 2011, ("achieved", "annual", "2010"), ()),
    # plan targets: the horizon year, or the plan's span for an average
    ("到2025年，全社会研发经费投入占地区生产总值比重达到3%。", 2021, ("target", "cumulative", "2025"), ("rd_intensity", None)),
    ("“十四五”期间全市生产总值年均增长6.5%。", 2021, ("target", "average", "2021-2025"), ()),
])
def test_refers_to(extractor, text, year, expected, which):
    assert one(extractor, text, year, *which) == expected


@pytest.mark.parametrize(("text", "period"), [
    ("前三季度，全市生产总值增长2.1%，较上半年回升。", "q1-q3"),
    ("一季度GDP增长6%、居全省第5位。", "q1"),
    ("上半年地区生产总值增长4.5%。", "h1"),
    ("1-11月，全市地区生产总值增长3.2%。", "months"),
    ("前三季度增长7%，全年地区生产总值增长6.5%。", "annual"),   # the nearest time word wins
])
def test_part_of_a_year_has_its_own_period(extractor, text, period):
    status, got, refers = one(extractor, "一、2022年工作回顾\n" + text, 2023)
    assert (status, got, refers) == ("achieved", period, "2022")


def test_estimates_say_so(extractor):
    [v] = extractor.extract_text("过去一年，预计地区生产总值增长7.8%左右。", year=2020)
    assert v.estimate and v.refers_to == "2019"


def value(v, qualifier="=", value_max=None, soft=False, start=0):
    return Value(place="某市", year=2023, indicator="gdp_growth", label="", value=v, unit="%", qualifier=qualifier,
                 soft=soft, status="target", raw="", quote="", start=start, end=start + 3, file=None,
                 value_max=value_max)


@pytest.mark.parametrize(("target", "result", "expected"), [
    (value(6, ">="), value(6), "met"),
    (value(6, ">="), value(5.9), "missed"),
    (value(6, "~"), value(6.1), "met"),
    (value(6, "~"), value(5.8), "missed"),
    (value(6, "="), value(6), "met"),
    (value(6, ">"), value(6), "missed"),
    (value(6, ">", value_max=6.5), value(6), "met"),   # a range: at or above its lower bound
    (value(3, "<="), value(3), "met"),                   # a ceiling (居民消费价格涨幅3%以内)
    (value(3, "<="), value(3.2), "missed"),
    (value(3, "<"), value(3), "missed"),
    (value(-3, ">="), value(-3.4), "met"),               # a decline: 下降3%以上
    (value(-3, ">="), value(-2), "missed"),
    (None, value(5), "no target"),
    (value(5), None, "no result"),
])
def test_verdict_rule(target, result, expected):
    assert verdict(target, result) == expected


@pytest.mark.parametrize(("target", "result", "expected"), [
    (value(3, "~"), value(2.9), "met"),         # 居民消费价格涨幅3%左右: at most about 3
    (value(3, "~"), value(3.4), "missed"),
    (value(5.5, "="), value(5.5), "met"),        # 城镇调查失业率5.5%
    (value(3, "<="), value(3.2), "missed"),
    (value(2, ">=", value_max=3), value(2.8), "met"),   # a range: by its upper bound
    (value(2, ">=", value_max=3), value(3.1), "missed"),
])
def test_a_ceiling_is_met_from_below(target, result, expected):
    assert verdict(target, result, ceiling=True) == expected


def test_consumer_prices_and_unemployment_are_ceilings():
    from polcmp.indicators.catalogue import load_catalogue
    from conftest import ROOT
    ceilings = {ind.id for ind in load_catalogue(ROOT / "rules.yaml").indicators if ind.ceiling}
    assert ceilings == {"cpi_growth", "unemployment_surveyed", "unemployment_registered"}


def test_the_firm_number_is_the_target():
    floor, soft = value(7, ">="), value(8, soft=True, start=500)
    assert pick_target([soft, floor]) is floor
    assert pick_target([soft]) is soft


def test_a_target_in_words_only_has_no_numeric_verdict():
    words = value(None)
    words.qualifier_text = "与经济增长同步"
    assert pick_target([words]) is words
    assert verdict(words, value(6)) == "no numeric target"
    number = value(6.5, start=500)
    assert pick_target([words, number]) is number   # a number beats words


def rows_of(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


def test_track_on_the_shipped_sample_joins_report_t_and_t_plus_1():
    code, out, _ = polcmp("track", "全国", "-i", "gdp_growth", "-f", "csv")
    rows = {int(r["year"]): r for r in rows_of(out)}
    assert code == 0
    # 2019: target of the 2019 report, result stated in the 2020 report
    assert rows[2019]["target"] == "6" and rows[2019]["target_max"] == "6.5"
    assert rows[2019]["target_file"].endswith("全国_2019.txt") and rows[2019]["result_file"].endswith("全国_2020.txt")
    assert rows[2019]["result"] == "6.1" and rows[2019]["verdict"] == "met"
    assert rows[2020]["target"] == "" and rows[2020]["verdict"] == "no target"   # 2020: no GDP target was set
    assert rows[2024]["verdict"] == "no result"                                   # no 2025 report in the sample


def test_a_missing_year_leaves_its_cells_empty(tmp_path):
    for year in (2019, 2021):   # no 2020 report: no target for 2020, no result for 2019
        shutil.copy(PANEL / f"全国_{year}.txt", tmp_path)
    code, out, _ = polcmp("track", "-i", "gdp_growth", "--corpus", str(tmp_path), "-f", "csv")
    rows = {int(r["year"]): r for r in rows_of(out)}
    assert code == 0 and sorted(rows) == [2018, 2019, 2020, 2021]
    assert rows[2019]["verdict"] == "no result" and rows[2020]["verdict"] == "no target"
    assert rows[2020]["result"] == "2.3"


def test_two_reports_of_one_place_and_year_are_named_not_merged(tmp_path):
    shutil.copy(PANEL / "北京_2023.txt", tmp_path / "北京_2023.txt")
    shutil.copy(PANEL / "北京_2023.txt", tmp_path / "北京_2023_copy.txt")
    code, out, err = polcmp("track", "-i", "gdp_growth", "--corpus", str(tmp_path), "-f", "csv")
    assert code == 0 and "北京 2023: 2 reports" in err and "北京_2023_copy.txt" in err
    code, out, err = polcmp("compare", "北京", "-i", "gdp_growth", "--corpus", str(tmp_path), "-f", "csv")
    header = out.splitlines()[0]
    assert "北京 目标 2023 (北京_2023_copy.txt)" in header and "more than one report" in err


def test_a_place_means_all_its_years_and_a_range_some(tmp_path):
    code, out, _ = polcmp("compare", "北京", "-i", "gdp_growth", "-f", "csv")
    assert code == 0 and [f"北京 目标 {y}" in out.splitlines()[0] for y in range(2019, 2025)] == [True] * 6
    code, out, _ = polcmp("compare", "北京:2020-2021", "-i", "gdp_growth", "--status", "all", "-f", "csv")
    header = out.splitlines()[0]
    assert "北京 目标 2020" in header and "北京 实绩 2020" in header and "北京 目标 2019" not in header
    code, _, err = polcmp("compare", "北京:2030-2031")
    assert code == 2 and "it has 2019-2024" in err


def test_years_option(tmp_path):
    code, out, _ = polcmp("track", "江苏省", "--years", "2021-2022", "-i", "gdp_growth", "-f", "csv")
    assert code == 0 and sorted({r["year"] for r in rows_of(out)}) == ["2021", "2022"]
    code, _, err = polcmp("track", "--years", "2022-2021")
    assert code == 2 and "--years" in err


def test_places_shows_the_years_of_each_place():
    code, out, _ = polcmp("places", "-f", "csv")
    years = {r["place"]: r["years"] for r in rows_of(out)}
    assert code == 0 and years["武汉"] == "2020-2024" and years["临海"] == "2023"


def test_track_core_uses_entries_not_value_places(catalogue):
    """The place and year of a row come from the corpus entry (file name or the report's own words)."""
    v = value(6, ">=")
    v.refers_to, v.period = "2023", "annual"
    result = track([(Entry("某市", 2023, "a.txt"), [v])], catalogue, {"gdp_growth"})
    assert [result.rows[0][k] for k in ("place", "year", "verdict")] == ["某市", 2023, "no result"]


def test_floor_and_aspiration_from_a_real_sentence(extractor, catalogue):
    # 海南省_2012-style wording: 生产总值增长10%以上，力争达到11%
    text = "2012年主要预期目标是：生产总值增长10%以上，力争达到11%；全社会固定资产投资增长17%以上。"
    values = extractor.extract_text(text, place="某省", year=2012)
    result = track([(Entry("某省", 2012, "a.txt"), values)], catalogue, {"gdp_growth"})
    row = result.rows[0]
    assert (row["target"], row["target_qualifier"], row["target_aspiration"]) == (10, ">=", 11)
    assert [r["chosen"] for r in result.long] == [True]   # one target: floor 10, aim 11
    assert "力争达到11%" in row["target_quote"]
