"""The year a value is about (`refers_to`) and whether a result is an estimate.

A report of year t sets targets for t and reviews t-1, so the report's year alone misleads:
its results are last year's. `refers_to` says which year (or span of years) each value is
about, as text:

- a target for this year: the report's year (or the year its sentence names: 2024年全市…);
- a plan target: its horizon (到2025年, “十四五”末 → 2025), or the plan's span for an average
  (“十四五”时期年均增长6% → 2021-2025);
- a result: the previous year, or the year its sentence names (2022年全市生产总值…);
- a result over several years: its span (五年来 in a 2021 report → 2016-2020; 比2015年 →
  2016-2020; 2018年以来 → 2018-2020).
"""
from __future__ import annotations

from functools import lru_cache

from .lazy_regex import lazy_compile
from .models import ACHIEVED, AVERAGE, CUMULATIVE

# Five-year plans and their first years. A bare 十五 or 九五 is also a number (十五届), so it
# needs quotes or a plan word.
PLAN_FIRST_YEAR = {"九五": 1996, "十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021,
                   "十五五": 2026}
# 九五 is left out of spans: in the reports that name it (2000s) it is the base a figure is
# compared with (是“九五”的1.8倍, 由“九五”末期的…提高到), not the span the figure is about.
_PLAN = lazy_compile(r"“(十[一二三四五]?五)”|(十[一二三四五]五)(?!届)|(十五)(?=计划|规划|时期|期间|末|期末)")
_PLAN_END = lazy_compile(r"(?:“十|十)[一二三四五]?五”?(?:末|期末)")
_EXPLICIT_SPAN = lazy_compile(r"(20\d\d)\s*(?:年)?\s*(?:[-—–~至到])\s*(20\d\d)\s*年")
_YEARS_AGO = {"两": 2, "三": 3, "四": 4, "五": 5, "十": 10}
_LAST_YEARS = lazy_compile(r"过去(?:的)?([两三四五十])年|([两三四五十])年来|([两三四五十])年间|本届政府(?!的?收官)|届政府以来")
_NEXT_FIVE = lazy_compile(r"今后[五5]年|未来[五5]年")
_SINCE = lazy_compile(r"(20\d\d)年以来")
# Words spelled out and look-behinds after the first character in the patterns searched in every
# sentence (_ANY_SPAN, BASE_YEAR, _HORIZON, _NAMED_YEAR …): a pattern whose every match opens with a
# known character is skipped through in C to where one may start, any other is tried at each position.
_ANY_SPAN = lazy_compile(r"五|20\d\d|两年[来间]|三年[来间]|四年[来间]|十年[来间]|届政府")   # (五年来: 五)
# a base year: 比2015年 / 较2015年 / 与2004年相比
BASE_YEAR = lazy_compile(r"(?:比|较|与(?=20\d\d\s*年相比)|同(?=20\d\d\s*年相比))(20\d\d)\s*年")
_HORIZON = lazy_compile(r"(?:到|至|于|在)\s*(20\d\d)\s*年|(20\d\d)\s*年(?:底|末|前)")
# A year named in the sentence (2022年全市…); not a base year (比2015年) and not 2018年以来.
_NAMED_YEAR = lazy_compile(r"(20(?<![比较自从到至]20)\d\d)\s*年(?![底末以来前的]|相比)")   # not 为2016年的1.5倍
_LAST_YEAR = lazy_compile(r"去年|上年(?!度)|过去一年|过去的一年")
_ESTIMATE = lazy_compile(r"预计")

Span = tuple[int, int]


def without_spans(text: str) -> str:
    """The text with spans such as （2021—2035年） blanked: their end year is no year named."""
    return _EXPLICIT_SPAN.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=512)   # sections.classify and refers_to ask about the same sentence in turn
def span_in(text: str, report_year: int | None) -> Span | None:
    """The span of years a heading or sentence speaks of, the last one named: “十三五” →
    2016-2020, 2016-2020年, 五年来 / 三年来 / 本届政府 (the years before the report), 今后五年."""
    if not _ANY_SPAN.search(text):   # most sentences name no span: one search instead of five
        return None
    found: list[tuple[int, Span]] = []
    for m in _PLAN.finditer(text):
        first = PLAN_FIRST_YEAR[next(g for g in m.groups() if g)]
        found.append((m.start(), (first, first + 4)))
    for m in _EXPLICIT_SPAN.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b:
            found.append((m.start(), (a, b)))
    if report_year:
        for m in _LAST_YEARS.finditer(text):
            n = _YEARS_AGO[next((g for g in m.groups() if g), "五")]
            found.append((m.start(), (report_year - n, report_year - 1)))
        for m in _NEXT_FIVE.finditer(text):
            found.append((m.start(), (report_year, report_year + 4)))
        for m in _SINCE.finditer(text):
            if int(m.group(1)) < report_year:
                found.append((m.start(), (int(m.group(1)), report_year - 1)))
    return max(found)[1] if found else None


def horizon_in(sentence: str, report_year: int | None) -> int | None:
    """到2025年 / 2025年底 / “十四五”末: the year a plan target is to be reached by."""
    years = [int(y) for m in _HORIZON.finditer(sentence) for y in m.groups() if y]
    years = [y for y in years if not report_year or y >= report_year]
    if years:
        return years[-1]
    m = _PLAN_END.search(sentence)
    if m:
        span = span_in(m.group(), report_year)
        return span[1] if span else None
    return None


def _show(span: Span) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"


def refers_to(status: str, period: str, sentence: str, report_year: int | None,
              section_span: Span | None = None) -> str | None:
    """The year (`2023`) or span (`2016-2020`) a value is about; None when nothing tells.

    `sentence` runs from the sentence start to the number; `section_span` is the span the
    heading or paragraph opening above it names (a five-year review, a five-year plan)."""
    if period not in (AVERAGE, CUMULATIVE):   # one year, or part of one (一季度 …)
        named = [(m.start(), int(m.group(1))) for m in _NAMED_YEAR.finditer(without_spans(sentence))]
        if status == ACHIEVED:
            last_year = [(m.start(), report_year - 1) for m in _LAST_YEAR.finditer(sentence)] if report_year else []
            past = sorted([(at, y) for at, y in named if not report_year or y < report_year] + last_year)
            year = past[-1][1] if past else (report_year - 1 if report_year else None)
        else:
            coming = [y for _, y in named if not report_year or y >= report_year]
            year = coming[-1] if coming else report_year
        return str(year) if year else None
    span = span_in(sentence, report_year) or section_span
    if status != ACHIEVED and span and report_year and span[1] < report_year:
        span = None   # a plan stated under the heading of the five years just ended
    if status == ACHIEVED:
        base = BASE_YEAR.search(sentence)
        if base and report_year and int(base.group(1)) < report_year - 1:
            return _show((int(base.group(1)) + 1, report_year - 1))
        if span is None and report_year:
            span = (report_year - 5, report_year - 1)
        return _show(span) if span else None
    if period == AVERAGE and span is None and report_year and (report_year - 1) % 5 == 0:
        span = (report_year, report_year + 4)   # 年均 in the first year of a five-year plan: that plan
    if period == AVERAGE and span:
        return _show(span)
    horizon = horizon_in(sentence, report_year)
    if horizon:
        return str(horizon)
    return str(span[1]) if span else None


def is_estimate(status: str, sentence: str) -> bool:
    """A result the report gives as 预计 (an estimate made before the statistics were final)."""
    return status == ACHIEVED and bool(_ESTIMATE.search(sentence))

