"""Plain data passed between the core and the CLI."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

# The output columns, in order (spec: shared/spec/indicators.md, then period, value_max and rule).
COLUMNS = ("place", "year", "indicator", "label", "value", "unit", "qualifier", "soft",
           "status", "raw", "quote", "start", "end", "file", "period", "value_max", "rule")


@dataclass(slots=True)
class Value:
    """One indicator value found in one report, with everything needed to check it by hand."""
    place: str | None
    year: int | None
    indicator: str        # catalogue id, e.g. hightech_firms_new
    label: str            # the indicator's Chinese name
    value: float | int    # in the indicator's base unit (20 means 20%)
    unit: str             # base unit: %, 家, 人, 平方米, 美元 ...
    qualifier: str        # = >= > <= < ~
    soft: bool            # hedged by 力争 / 争取 / 努力
    status: str           # target | achieved
    raw: str              # the number as written, e.g. 1.2万人以上
    quote: str            # the clause it came from, verbatim
    start: int            # text[start:end] == raw, offsets into the text as read
    end: int
    file: str | None
    period: str = "annual"   # annual | average (年均 over several years) | cumulative (五年来, 累计)
    value_max: float | int | None = None   # upper bound when the report gives a range
    rule: str = ""        # which pattern claimed the number: "<indicator>#<pattern index>"

    def as_dict(self) -> dict:
        return asdict(self)


assert tuple(f.name for f in fields(Value)) == COLUMNS
