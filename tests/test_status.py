"""Target or achieved, one year or several, on real reports (tests/corpus) and on real
paragraphs copied from ../shared/corpus (file named in each case)."""
from __future__ import annotations

import pytest

from polcmp.indicators.reports import read_report
from polcmp.indicators.sections import Sections

from conftest import TESTS


def rows(extractor, name):
    return extractor.extract(read_report(TESTS / "corpus" / name))


def pick(values, indicator, value):
    [v] = [v for v in values if v.indicator == indicator and v.value == value]
    return v.status, v.period


@pytest.mark.parametrize(("indicator", "value", "status", "period"), [
    ("hightech_firms_new", 282, "achieved", "annual"),        # 一、2020年工作和“十三五”发展回顾 / 一年来
    ("hightech_firms_new", 837, "achieved", "cumulative"),    # 五年来 …新增国家级高新技术企业837家
    ("hightech_industry_va_growth", 10.5, "achieved", "average"),   # 高新技术产业增加值年均增长10.5%
    ("rd_intensity", 3.3, "target", "cumulative"),            # 二、“十四五”时期目标任务: 到2025年…达到3.3%
    ("rd_intensity", 2.45, "target", "annual"),               # 建议今年…主要预期目标为
    ("gdp_growth", 7, "target", "annual"),
    ("hightech_firms_new", 300, "target", "annual"),
])
def test_review_five_year_review_plan_and_five_year_plan(extractor, indicator, value, status, period):
    assert pick(rows(extractor, "台州_2021.txt"), indicator, value) == (status, period)


def test_each_figure_once_for_last_year_and_once_for_this_year(extractor):
    values = rows(extractor, "萍乡_2021.txt")
    for indicator in ("gdp_growth", "fiscal_revenue_growth", "fixed_asset_investment_growth", "industrial_va_growth",
                      "retail_sales_growth", "urban_income_growth", "rural_income_growth"):
        statuses = sorted(v.status for v in values if v.indicator == indicator)
        assert statuses == ["achieved", "target"], indicator
    values = rows(extractor, "白山_2020.txt")
    assert pick(values, "gdp_growth", 4) == ("achieved", "annual")      # 预计全年地区生产总值增长4%以上
    assert pick(values, "gdp_growth", 5) == ("target", "annual")        # GDP增长5%-6%


# 中卫_2023: read on 2022年12月16日, so its 今年 is the year under review.
ZHONGWEI = ("——2022年12月16日在中卫市第五届人民代表大会第二次会议上\n\n**一、2022年工作回顾**\n\n"
            "今年是党和国家历史上具有里程碑意义的一年。\n"
            "——经济运行稳中有进。预计实现地区生产总值580亿元，增长7%左右。\n\n"
            "二、2023年主要目标和重点任务\n\n"
            "经济社会发展主要预期目标是：地区生产总值增长7%左右，固定资产投资增长15%左右。\n")


def test_report_read_in_december(extractor):
    values = extractor.extract_text(ZHONGWEI, place="中卫", year=2023)
    assert [(v.indicator, v.status) for v in values] == [
        ("gdp_growth", "achieved"), ("gdp_growth", "target"), ("fixed_asset_investment_growth", "target")]


@pytest.mark.parametrize(("text", "status", "period"), [
    # 攀枝花_2021, in its plan section: a sentence recalling last year
    ("三、2021年工作安排\n核算后，2019年我市地区生产总值为1010.13亿元。预计2020年全市地区生产总值为1040亿元，按可比价计算，同比增长4%。",
     "achieved", "annual"),
    # 广东省_2024, in its review: 争取 here means "secured", not "strive for"
    ("一、2023年工作回顾\n争取地方政府专项债券4633亿元、居全国第一，争取增发国债资金254.7亿元，全省固定资产投资增长2.5%。",
     "achieved", "annual"),
    # 宁夏回族自治区_2021: a five-year plan stated after the review
    ("一、“十三五”时期发展回顾\n今后5年，全区经济社会发展的主要预期目标是：地区生产总值年均增长6%左右。", "target", "average"),
    # no headings at all: the wording decides
    ("过去一年，全市地区生产总值增长5.1%。", "achieved", "annual"),
    ("今年主要预期目标是：地区生产总值增长6%左右。", "target", "annual"),
])
def test_sentence_wording_overrides_the_section(extractor, text, status, period):
    [v] = extractor.extract_text(text, year=2021 if "2021" in text or "十三五" in text else 2024)
    assert (v.status, v.period) == (status, period)


# ------------------------------------------------------------------ excerpts without a heading
# Pages users copy often start inside a section: the lead-in's own voice gives its status.
WUHAN_2023 = (TESTS.parent / "seeds" / "panel" / "武汉_2023.txt").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize(("lines", "status"), [
    ((12, 19), "achieved"),   # ——经济发展取得新成效。地区生产总值增长4%…  (the review, heading cut off)
    ((22, 27), "achieved"),   # 一是全力以赴稳定经济增长。…固定资产投资增长10.8%…
])
def test_an_excerpt_of_a_review_is_achieved(extractor, lines, status):
    excerpt = "\n".join(WUHAN_2023[slice(*lines)])
    values = extractor.extract_text(excerpt, year=2023)
    assert values and {v.status for v in values} == {status}


@pytest.mark.parametrize("excerpt", [
    # a plan section cut from its heading: modal words, round targets
    "（一）加快建设科技创新中心。力争新增高新技术企业1000家，全社会研发投入强度达到3.5%。"
    "确保规模以上工业增加值增长6%左右。",
    # a bare list of targets, no voice either way: a plan, as before
    "地区生产总值增长6%，一般公共预算收入增长5%。",
])
def test_an_excerpt_of_a_plan_stays_a_target(extractor, excerpt):
    values = extractor.extract_text(excerpt, year=2023)
    assert values and {v.status for v in values} == {"target"}


REVIEW_TEXT = "过去一年，全市地区生产总值增长5.2%，规模以上工业增加值增长6.1%，一般公共预算收入增长4%。"


@pytest.mark.parametrize(("heading", "state"), [
    # what was done is a review, though 做好…工作 / 重点工作 alone name a plan
    ("我们主要做好了以下六方面工作：", ("achieved", "annual")),
    ("具体做了以下重点工作。", ("achieved", "annual")),
    # a heading that ends by naming targets, or the next five years, announces a plan
    ("二、全面落实科学发展观，奋力实现跨越式发展新目标", ("target", "annual")),
    ("二、今后五年工作总体考虑", ("target", "cumulative")),
    # a task done is no plan: the review goes on
    ("（一）圆满完成峰会筹备和服务保障任务", ("achieved", "annual")),
    ("一、团结进取，全面完成2023年各项预期目标", ("achieved", "annual")),
])
def test_heading_after_a_review(heading, state):
    text = f"一、2023年工作回顾\n{REVIEW_TEXT}\n{heading}\n全市上下团结奋斗，各项事业取得新进展，人民群众获得感、幸福感、安全感持续增强。"
    assert Sections(text, 2024).state_at(len(text) - 1) == state


@pytest.mark.parametrize(("sentence", "state"), [
    ("这一年，全市经济运行回升向好，交出了一份鼓舞人心的成绩单。", ("achieved", "annual")),
    ("这一年，我们要重点做好以下七个方面工作，推动经济实现质的有效提升。", ("target", "annual")),
    # one task's two years is no term of office: the year under review goes on
    ("两年来，全省投入100多亿元援助灾区恢复重建，援建工作成果受到灾区群众好评。", ("achieved", "annual")),
])
def test_sentence_inside_a_paragraph(sentence, state):
    text = "二、2024年工作安排\n今年是关键之年。" if "要" in sentence else "一、2023年工作回顾\n" + REVIEW_TEXT
    text += sentence + "全市新增高新技术企业120家，技术合同成交额增长15%，科技创新能力不断增强。"
    assert Sections(text, 2024).state_at(len(text) - 1) == state


# ------------------------------------------------------------------ years a figure spans
@pytest.mark.parametrize(("text", "year", "expected"), [
    # 全国_2014: a paragraph that opens with 过去一年 speaks of that year, though it names the term
    ("一、2013年工作回顾\n过去一年是本届政府依法履职的第一年，任务艰巨而繁重。面对世界经济复苏艰难、国内经济下行压力加大的"
     "复杂形势，全国各族人民奋力攻坚克难。\n城镇新增就业1310万人，创历史新高。",
     2014, ("urban_jobs_new", "achieved", "annual", "2013")),
    # 河北省_2021: a count of years right before the change it spans, in a one-year paragraph
    ("一、2020年工作回顾\n过去一年，我们狠抓节能减排，单位GDP能耗五年下降21%。",
     2021, ("energy_intensity_change", "achieved", "cumulative", "2016-2020")),
    # 安徽省_2011
    ("一、2010年工作回顾\n一年来，就业持续扩大，五年城镇新增就业252.6万人。",
     2011, ("urban_jobs_new", "achieved", "cumulative", "2006-2010")),
])
def test_the_years_a_figure_spans(extractor, text, year, expected):
    [v] = extractor.extract_text(text, year=year)
    assert (v.indicator, v.status, v.period, v.refers_to) == expected


def test_two_years_of_average_growth_do_not_spread_over_the_clauses_after_them(extractor):
    # 长春_2022: 两年平均增长 dates only its own clause
    text = "一、2021年工作回顾\n过去一年，地区生产总值增长6.2%，两年平均增长4.8%，固定资产投资增长11.6%。"
    found = {(v.indicator, v.value): v.period for v in extractor.extract_text(text, year=2022)}
    assert found[("fixed_asset_investment_growth", 11.6)] == "annual"


def test_doubling_in_one_clause_leaves_the_next_clauses_one_year(extractor):
    # 海南省_2019: 翻一番 is the change of foreign investment alone, not a base for the list after it
    text = ("今年经济社会发展主要预期目标是：地区生产总值增长7%，外商直接投资翻一番，"
            "城镇新增就业9万人以上，城镇调查失业率控制在5.5%以内。")
    values = {v.indicator: v for v in extractor.extract_text(text, year=2019)}
    for indicator in ("urban_jobs_new", "unemployment_surveyed"):
        assert (values[indicator].period, values[indicator].refers_to) == ("annual", "2019")


def test_a_short_line_on_this_year_is_no_heading(extractor):
    # 南昌_2026: 今年是“十五五”开局起步之年。 alone on its line opens this year's plan, not the five years'
    text = ("三、2026年工作安排\n\n今年是“十五五”开局起步之年。\n\n**经济社会发展主要预期目标：**"
            "地区生产总值增长5.0%-5.5%，规模以上工业增加值增长7.3%以上。")
    values = extractor.extract_text(text, year=2026)
    assert values and {(v.status, v.period, v.refers_to) for v in values} == {("target", "annual", "2026")}
