"""Plain data passed between the core and the CLI."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

# status: this year's plan, or a result reported
TARGET, ACHIEVED = "target", "achieved"
# period: one year, an average over several (年均), a total or level over several (五年来, 到2025年),
# or part of a year, which never fills an annual cell: q1 … q4 (一季度), h1 (上半年), q1-q3 (前三季度),
# months (1-11月) — sections.part_of_year
ANNUAL, AVERAGE, CUMULATIVE = "annual", "average", "cumulative"

# The output columns, in order (spec: shared/spec/indicators.md, then period, refers_to, estimate,
# value_max, rule, aim and qualifier_text; last, where the place belongs: divisions.py).
COLUMNS = ("place", "year", "indicator", "label", "value", "unit", "qualifier", "soft",
           "status", "raw", "quote", "start", "end", "file", "period", "refers_to", "estimate",
           "value_max", "rule", "aim", "qualifier_text", "place_code", "place_level", "province")


@dataclass(slots=True)
class Value:
    """One indicator value found in one report, with everything needed to check it by hand."""
    place: str | None
    year: int | None
    indicator: str        # catalogue id, e.g. hightech_firms_new
    label: str            # the indicator's Chinese name
    value: float | int | None   # in the indicator's base unit (20 means 20%); None: a target in words
    unit: str             # base unit: %, 家, 人, 平方米, 美元 ...
    qualifier: str | None   # = >= > <= < ~ ; None for a target in words
    soft: bool            # hedged by 力争 / 争取 / 努力
    status: str           # target | achieved
    raw: str              # the number as written, e.g. 1.2万人以上
    quote: str            # the clause it came from, verbatim
    start: int            # text[start:end] == raw, offsets into the text as read
    end: int
    file: str | None
    period: str = ANNUAL     # ANNUAL | AVERAGE | CUMULATIVE | a part of a year (q1, h1, q1-q3 …)
    refers_to: str | None = None   # the year or span the value is about: 2023, 2016-2020 (years.py)
    estimate: bool = False   # a result given as 预计, before the statistics were final
    value_max: float | int | None = None   # upper bound when the report gives a range
    rule: str = ""        # which pattern claimed the number: "<indicator>#<pattern index>"
    # 增长7%以上、力争8%: one target, floor 7 (value) and the higher aim 8
    aim: float | int | None = None
    # the words of a target that are not a number: 与经济增长同步 (a target in words, value None),
    # 在实际工作中争取更好结果 (a hedge beside a number)
    qualifier_text: str | None = None
    place_code: str | None = None    # administrative code (331082); None when the place is unknown or ambiguous
    place_level: str | None = None   # nation | province | prefecture | county | district
    province: str | None = None      # the province-level unit it lies in (浙江省; a province: itself)

    def as_dict(self) -> dict:
        return asdict(self)


assert tuple(f.name for f in fields(Value)) == COLUMNS
