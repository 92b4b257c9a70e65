"""Targets in words, words beside a number, and floors with a higher aim (word_targets.py, aims.py).

Sentences are from real reports (file names beside them); a target sheet is wrapped around them
where the test is about the sentence, not its section."""
from __future__ import annotations

import pytest

SHEET = "今年经济社会发展的主要预期目标是：{}。"


def found(extractor, text, year=2024):
    return [(v.indicator, v.value, v.qualifier, v.aim, v.qualifier_text)
            for v in extractor.extract_text(text, place="某地", year=year)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # 辽宁省_2020: 城乡 spreads to both incomes
    ("城乡居民收入增长与经济增长基本同步", [("urban_income_growth", None, None, None, "与经济增长基本同步"),
                                         ("rural_income_growth", None, None, None, "与经济增长基本同步")]),
    # 上海_2014: 经济 is what revenue keeps pace with, not a second subject
    ("地方财政收入与经济保持同步增长", [("general_budget_revenue_growth", None, None, None, "与经济保持同步增长")]),
    ("固定资产投资实现正增长", [("fixed_asset_investment_growth", None, None, None, "实现正增长")]),   # 天津_2024
    # words name no currency: the target holds for foreign capital counted in 美元 and in 元
    ("实际利用外资规模稳中有升", [("fdi_actual", None, None, None, "稳中有升"),
                                ("fdi_actual_yuan", None, None, None, "稳中有升")]),   # 福建省_2017
    ("实际使用外资保持稳定", [("fdi_actual", None, None, None, "保持稳定"),
                              ("fdi_actual_yuan", None, None, None, "保持稳定")]),   # 江苏省_2018
])
def test_a_target_in_words_is_a_row_without_a_value(extractor, sentence, expected):
    assert found(extractor, SHEET.format(sentence)) == expected


def test_words_after_a_number_qualify_it(extractor):
    # 内蒙古自治区_2023
    text = SHEET.format("地区生产总值增长6％左右，在实际工作中争取更好成绩")
    assert found(extractor, text) == [("gdp_growth", 6, "~", None, "在实际工作中争取更好成绩")]
    # the words of a clause with no subject of its own go to the number before them
    text = SHEET.format("城镇居民人均可支配收入增长6.5%，与经济增长基本同步")
    assert found(extractor, text) == [("urban_income_growth", 6.5, "=", None, "与经济增长基本同步")]


def test_words_go_to_no_other_subject(extractor):
    # 广东省_2021: 进出口 is not retail sales, so its words are nobody's here
    text = SHEET.format("社会消费品零售总额增长6%以上，进出口实现正增长")
    assert [(i, v, t) for i, v, _q, _a, t in found(extractor, text) if i == "retail_sales_growth"] == \
        [("retail_sales_growth", 6, None)]


def test_words_in_a_review_or_a_task_list_are_no_target(extractor):
    review = "一、2023年工作回顾\n过去一年，城乡居民收入增长与经济增长同步，固定资产投资实现正增长。\n"
    assert found(extractor, review) == []
    tasks = "二、2024年重点工作\n（一）扩大有效需求。推动外贸保持稳定，促进固定资产投资保持稳定。\n"
    assert found(extractor, tasks) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("地区生产总值增长6%左右，力争6.5%", ("gdp_growth", 6, "~", 6.5)),                       # 德州_2022
    ("净增高新技术企业900家、力争1000家", ("hightech_firms_new", 900, "=", 1000)),             # 南京_2019
    ("地区生产总值增长8%以上、力争实现两位数增长", ("gdp_growth", 8, ">=", 10)),               # 石家庄_2022
    ("全社会固定资产投资增长15%以上、力争达到20%", ("fixed_asset_investment_growth", 15, ">=", 20)),  # 西藏自治区_2025
])
def test_a_floor_with_a_higher_aim_is_one_target(extractor, sentence, expected):
    assert [v[:4] for v in found(extractor, SHEET.format(sentence))] == [expected]


@pytest.mark.parametrize("sentence", [
    "地区生产总值增长8%，力争7%",                     # not further: two values, as written
    "地区生产总值增长7%；规上工业增加值增长8%，力争9%",   # another subject between: its own aim only
    "地区生产总值增长7%。力争全年固定资产投资增长8%",     # another sentence
])
def test_no_aim_where_the_second_number_is_no_aim(extractor, sentence):
    rows = found(extractor, SHEET.format(sentence))
    assert all(aim is None for ind, _v, _q, aim, _t in rows if ind == "gdp_growth")


def test_extract_lists_words_only_when_asked(tmp_path):
    import json

    from test_cli import polcmp

    report = tmp_path / "某市_2024.txt"
    report.write_text(SHEET.format("地区生产总值增长6%左右、力争6.5%，城乡居民收入增长与经济增长同步"), encoding="utf-8")
    plain = json.loads(polcmp("extract", str(report), "-f", "json")[1])
    assert [(r["indicator"], r["value"], r["aim"]) for r in plain] == [("gdp_growth", 6, 6.5)]
    words = json.loads(polcmp("extract", str(report), "-f", "json", "--words")[1])
    assert [(r["indicator"], r["value"], r["qualifier_text"]) for r in words[1:]] == [
        ("urban_income_growth", None, "与经济增长同步"), ("rural_income_growth", None, "与经济增长同步")]
    table = polcmp("compare", str(report), "--corpus", str(tmp_path), "-f", "table")[1]
    assert "~6% (6.5*)" in table and "「与经济增长同步」" in table
