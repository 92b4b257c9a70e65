"""Reports as users copy them from mirror sites and newspaper reprints — the whole report in
one paragraph, or headings kept and paragraphs merged — give every value the status and period
of the report itself (tests/flattening.py flattens; bench/bench_flattened.py measures the
corpus). Headings then stand inside a line (…。一、2023年工作回顾 过去一年，…), and the line
naming where the report is delivered never opens this year's plan, wherever it stands."""
from __future__ import annotations

import pytest

from polcmp.indicators.reports import read_report
from polcmp.indicators.sections import ACHIEVED, ANNUAL, CUMULATIVE, TARGET, Sections

from conftest import SEEDS, TESTS
from flattening import WAYS, agreement, flatten

SEED_REPORTS = sorted(SEEDS.glob("*.txt")) + sorted((SEEDS / "panel").glob("*.txt"))


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.stem)
def test_flattened_seed_report_keeps_every_status_and_period(extractor, path, way):
    # No tolerance: on every seed report each value found in the report is found in the
    # flattened copy too, with the same status and period.
    result = agreement(extractor, read_report(path), way)
    assert result.found == result.values
    assert result.differences == []


def test_flatten_keeps_a_map_to_the_report():
    text = "一、2023年工作回顾\n\n过去一年，全市地区生产总值增长5%。\n增长很快。"
    for way in WAYS:
        flat, origin = flatten(text, way)
        assert len(flat) == len(origin)
        assert all(text[o] == ch for ch, o in zip(flat, origin) if ch not in " \n")
    assert flatten(text, "joined")[0] == "一、2023年工作回顾过去一年，全市地区生产总值增长5%。增长很快。"
    assert flatten(text, "paragraphs")[0] == "一、2023年工作回顾\n\n过去一年，全市地区生产总值增长5%。增长很快。"


def test_real_mirror_copy_in_one_paragraph(extractor):
    # 太原_2019 as a mirror site has it (../shared/panel): title lines, then the whole report in
    # one line, headings in bold inside it. Last year's figures first, then this year's targets.
    values = extractor.extract(read_report(TESTS / "fixtures" / "flattened" / "太原_2019.txt"))
    status = {(v.indicator, v.value): v.status for v in values}
    assert status["gdp_growth", 9.2] == status["retail_sales_growth", 8.1] == ACHIEVED   # 一、2018年工作回顾
    assert status["high_level_talent", 10] == ACHIEVED
    assert status["gdp_growth", 8] == status["retail_sales_growth", 7.5] == TARGET       # 二、2019年工作安排
    assert {v.period for v in values} == {ANNUAL}


REVIEW_AND_PLAN = ("各位代表：现在，我代表市人民政府向大会报告工作，请予审议。{sep}一、2023年工作回顾{sep}"
                   "2023年是极不平凡的一年。全市地区生产总值增长5.2%。{sep}二、2024年工作安排{sep}"
                   "2024年是关键之年。全市地区生产总值增长6%左右。")


@pytest.mark.parametrize("sep", ["\n\n", " ", "", "**", "\n"])
def test_headings_inside_a_line(extractor, sep):
    values = extractor.extract_text(REVIEW_AND_PLAN.format(sep=sep), place="某市", year=2024)
    assert [(v.value, v.status) for v in values] == [(5.2, ACHIEVED), (6, TARGET)]


@pytest.mark.parametrize(("text", "status", "period"), [
    # a numbered heading ends with its heading word, the paragraph it heads glued on
    ("…一年。一、过去五年工作回顾市第十五届人大一次会议以来的五年，全市生产总值年均增长6%。", ACHIEVED, "average"),
    ("…一年。一、2023年和过去五年工作回顾过去一年，全市地区生产总值增长5.2%。", ACHIEVED, ANNUAL),
    ("…重要一年。二、“十四五”时期主要目标任务“十四五”时期，全市生产总值年均增长6%。", TARGET, "average"),
    # a heading with no heading word: the opening glued to it counts
    ("…的五年。三、奋力前行，只争朝夕开新局今年是关键之年。全市地区生产总值增长6%左右。", TARGET, ANNUAL),
    # a sentence of the paragraph is no opening: 2023年，全市… stays in this year's plan
    ("二、2024年工作安排\n今年是关键之年。2023年，全市地区生产总值增长5.2%。全市地区生产总值增长6%左右。", TARGET, ANNUAL),
])
def test_what_opens_inside_a_line(extractor, text, status, period):
    *_, v = extractor.extract_text(text, place="某市", year=2024)
    assert (v.status, v.period) == (status, period)


def test_list_item_in_running_text_is_no_heading():
    # in a review, numbered items of a list carry no heading word: nothing turns to the plan
    text = ("一、2023年工作回顾\n过去一年，我们主要做了以下工作：一、加快产业转型，做好招商工作。"
            "二、深化改革开放，今年目标任务全面完成。全市地区生产总值增长5.2%。")
    sections = Sections(text, 2024)
    assert sections.state_at(len(text) - 1) == (ACHIEVED, ANNUAL)


DELIVERY_LINES = [
    "——2024年1月15日在某市第十七届人民代表大会第三次会议上",
    "政府工作报告——2024年1月15日在某市第十七届人民代表大会第三次会议上",
    "2024年1月15日在某市第十七届人民代表大会第三次会议上 市长 某某",
    "——在某市第十七届人民代表大会第三次会议上",
]


@pytest.mark.parametrize("delivery", DELIVERY_LINES)
@pytest.mark.parametrize("sep", ["\n\n", "", " "])
def test_delivery_line_never_opens_this_year(delivery, sep):
    # a page that repeats the title block after the review has begun (or runs it into the text)
    text = f"一、2023年工作回顾{sep}过去一年，全市地区生产总值增长5.2%。{sep}{delivery}{sep}规模以上工业增加值增长6.1%。"
    sections = Sections(text, 2024)
    assert sections.state_at(text.index("6.1%")) == (ACHIEVED, ANNUAL)


@pytest.mark.parametrize("sep", ["\n\n", ""])
def test_delivery_line_at_the_top_opens_nothing(sep):
    text = f"{DELIVERY_LINES[2]}{sep}各位代表：{sep}过去一年，全市地区生产总值增长5.2%。"
    sections = Sections(text, 2024)
    assert sections.starts[1:] and sections.states[1] == (ACHIEVED, ANNUAL)
    assert sections.state_at(text.index("会议上")) == (TARGET, ANNUAL)   # where the report starts


@pytest.mark.parametrize(("text", "state"), [
    # a plan's period opens by when it runs: reviewed once ended, planned when to come
    ("“十三五”时期，我们攻坚克难、砥砺前行，全市生产总值年均增长7%，城乡居民收入年均增长8%。", (ACHIEVED, CUMULATIVE)),
    ("“十四五”时期，是开启全面建设社会主义现代化新征程的第一个五年，全市生产总值年均增长6%。", (TARGET, CUMULATIVE)),
    # a year's opening speaks of that year, whatever plan it goes on to name
    ("2020年是“十三五”规划收官之年，全市上下团结奋斗，为“十四五”开局奠定了坚实基础。", (ACHIEVED, ANNUAL)),
])
@pytest.mark.parametrize("sep", ["\n", ""])
def test_plan_period_openings(text, state, sep):
    text = "各位代表：" + sep + text
    assert Sections(text, 2021).state_at(len(text) - 1) == state


def test_plan_targets_inside_a_five_year_plan_keep_its_period():
    # 主要预期目标是：… names the targets of the plan in hand
    targets = "主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长3%，固定资产投资增长5%。"
    text = "二、“十五五”时期主要目标任务\n" + targets
    assert Sections(text, 2026).state_at(len(text) - 1) == (TARGET, CUMULATIVE)
    text = "一、2025年工作回顾\n" + targets   # this year's, after last year's review
    assert Sections(text, 2026).state_at(len(text) - 1) == (TARGET, ANNUAL)
