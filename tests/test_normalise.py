"""The reading copy (normalise.py): what it undoes, and offsets that still point into the text as read."""
from __future__ import annotations

from collections import Counter

import pytest

from polcmp.indicators.normalise import OffsetMap, fold_width, reading_copy, to_simplified
from polcmp.indicators.reports import report_from_text

import messy
from conftest import ROOT, SEEDS


def values(extractor, text):
    return extractor.extract(report_from_text(text))


def found(extractor, text):
    return [(v.indicator, v.value, v.status) for v in values(extractor, text)]


# ------------------------------------------------------------------ the offset map
def test_offset_map_leads_back_over_deleted_spans():
    text = "研发[2]投入增长9 %以上"
    plain, offsets = reading_copy(text)
    assert plain == "研发投入增长9%以上"
    start = plain.index("投入")
    assert text[offsets.start(start):offsets.end(start + 2)] == "投入"
    assert text.__getitem__(slice(*offsets.span(plain.index("9"), len(plain)))) == "9 %以上"
    assert offsets.to_copy(text.index("[")) == 2 and offsets.to_copy(text.index("投")) == 2


def test_offset_map_without_deletions_is_the_identity():
    offsets = OffsetMap()
    assert [offsets.start(i) for i in range(5)] == list(range(5)) and offsets.end(3) == 3
    assert offsets.to_copy(7) == 7


# ------------------------------------------------------------------ what is undone
@pytest.mark.parametrize(("text", "expected"), [
    ("國內生產總值增長5.2%，新增國家高新技術企業120家", [("gdp_growth", 5.2), ("hightech_firms_new", 120)]),
    ("實際利用外資2.8 億美元", [("fdi_actual", 280_000_000)]),
    ("規模以上工業增加值增長9 %以上", [("industrial_va_growth", 9)]),
    ("全社會研發[2]投入強度達到2.5%", [("rd_intensity", 2.5)]),
    ("研發①經費投入強度2.5%", [("rd_intensity", 2.5)]),
    ("经济(jīng jì)总量即地区生产总值增长6%", [("gdp_growth", 6)]),
    ("实际使用外资96.5\u2009亿美元", [("fdi_actual", 9_650_000_000)]),
    ("地区生产总值增长5.\n2%", [("gdp_growth", 5.2)]),
    ("地区生产总值增长6.5\n%以上", [("gdp_growth", 6.5)]),
    (" ".join("地区生产总值增长5.2%，实际利用外资12.5亿美元"), [("gdp_growth", 5.2), ("fdi_actual", 1_250_000_000)]),
])
def test_messy_forms_read_like_clean_ones(extractor, text, expected):
    got = [(v.indicator, v.value) for v in values(extractor, "2023年主要预期目标：" + text)]
    assert got == expected
    for v in values(extractor, text):   # offsets point into the text as given
        assert text[v.start:v.end] == v.raw and v.raw in v.quote


@pytest.mark.parametrize("text", [
    "人均GDP(元)12345元",             # a Latin gloss without tones is no pinyin
    "序号[2023]5号文件",              # a document number is no footnote
    "2023 2024年",                    # two numbers apart stay apart
    "面积12 345平方米",               # an ordinary space is no thousands separator
    "一、2023年工作回顾 过去一年，全市上下 奋发有为",   # a few spaces do not make a spaced-out line
])
def test_what_is_not_undone(text):
    plain, _ = reading_copy(text)
    assert plain == fold_width(text)


def test_simplified_text_is_left_alone():
    # OpenCC's phrase rules would turn these into 沉阳 / 复盖 / 于: a simplified line is never converted
    text = "沈阳市覆盖率达到90%，乾隆年间，於是"
    assert to_simplified(text) == text


def test_a_traditional_line_inside_a_simplified_page():
    text = "网站首页\n國內生產總值增長5.2%。\n返回"
    assert to_simplified(text) == "网站首页\n国内生产总值增长5.2%。\n返回"


def test_character_table_matches_the_installed_opencc():
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from build_traditional import traditional_characters
    table = (ROOT / "indicators" / "traditional.txt").read_text(encoding="utf-8").splitlines()[1]
    assert table == traditional_characters(), "run: python bench/build_traditional.py > indicators/traditional.txt"


def test_hard_wraps_only_in_a_wrapped_text():
    ordinary = "一、工作回顾\n" + "地区生产总值增长5.2%，经济运行稳中向好，发展质量持续提升。\n" * 10
    assert reading_copy(ordinary)[0] == fold_width(ordinary)   # headings and short lines keep their breaks
    paragraph = "全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%，固定资产投资增长8%，社会消费品零售总额增长7%。" * 6
    wrapped = "一、工作回顾\n" + messy.wrapped(paragraph, 30)
    plain, _ = reading_copy(wrapped)
    assert plain == fold_width("一、工作回顾\n" + paragraph)


# ------------------------------------------------------------------ whole reports, as users copy them
SEED_REPORTS = sorted(SEEDS.glob("*.txt")) + sorted((SEEDS / "panel").glob("*.txt"))


@pytest.fixture(scope="module")
def clean_values(extractor):
    return {path: Counter(found(extractor, path.read_text(encoding="utf-8"))) for path in SEED_REPORTS}


@pytest.mark.parametrize("transform", sorted(messy.TRANSFORMS))
def test_a_copy_gives_the_values_of_the_original(extractor, clean_values, transform):
    """Every seed report, transformed: the same (indicator, value, status), none more, and every
    `raw` is the copy's own text at `start:end`."""
    missing, extra = Counter(), Counter()
    for path in SEED_REPORTS:
        copy = messy.TRANSFORMS[transform](path.read_text(encoding="utf-8"))
        got = values(extractor, copy)
        assert all(copy[v.start:v.end] == v.raw for v in got)
        counts = Counter((v.indicator, v.value, v.status) for v in got)
        missing += clean_values[path] - counts
        extra += counts - clean_values[path]
    assert not missing and not extra, (transform, list(missing.items())[:5], list(extra.items())[:5])
