"""Flattened copies of a report, and how far extraction on them agrees with the report.

Users copy reports from mirror sites and newspaper reprints that lose the line breaks: the
whole report in one paragraph, or headings kept and paragraphs merged. Whatever the layout,
a number must come out with the same status and period. `flatten` makes such copies (with
a map back to the report's offsets); `agreement` extracts from both and compares the values
found in both. Shared by tests/test_flattened.py and bench/bench_flattened.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from polcmp.indicators.reports import Report, report_from_text

# A line this short with no sentence end is a heading (一、2023年工作回顾, 过去五年工作回顾)
_HEADING_MAX = 40
_SENTENCE_END = re.compile(r"[。；;!！?？]")

WAYS = ("joined", "spaced", "paragraphs")


def _is_heading(line: str) -> bool:
    s = line.strip().strip("*#> ")
    return 0 < len(s) <= _HEADING_MAX and not _SENTENCE_END.search(s)


def flatten(text: str, way: str) -> tuple[str, list[int]]:
    """(flattened text, offset in `text` of each of its characters).

    joined: every line break dropped (a page that lost them); spaced: each line break made a
    space (a reprint that runs paragraphs on); paragraphs: heading lines kept on their own
    lines, the lines between them joined into one paragraph with nothing between."""
    if way not in WAYS:
        raise ValueError(f"unknown flattening {way!r}: one of {', '.join(WAYS)}")
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    after_heading = True   # nothing to join to at the start
    for i, line in enumerate(text.split("\n")):
        if i:   # the line break before this line: text[pos - 1]
            if way == "spaced":
                out.append(" ")
                origin.append(pos - 1)
            elif way == "paragraphs" and (after_heading or _is_heading(line)):
                out.append("\n")
                origin.append(pos - 1)
        if way == "paragraphs" and line.strip():
            after_heading = _is_heading(line)
        out.append(line)
        origin.extend(range(pos, pos + len(line)))
        pos += len(line) + 1
    return "".join(out), origin


@dataclass
class Agreement:
    """Values of a report and of its flattened copy, matched by indicator, value and offset."""
    values: int = 0          # values found in the report
    found: int = 0           # of those, found in the flattened copy too
    same_status: int = 0
    same_period: int = 0
    differences: list[tuple] = field(default_factory=list)   # (file, indicator, value, start, report's, copy's)

    def add(self, other: Agreement) -> None:
        self.values += other.values
        self.found += other.found
        self.same_status += other.same_status
        self.same_period += other.same_period
        self.differences += other.differences

    def share(self, count: int) -> float:
        return count / self.found if self.found else 1.0


def agreement(extractor, report: Report, way: str) -> Agreement:
    """Extract from `report` and from its `way`-flattened copy; compare status and period."""
    def keyed(values, origin=None):
        return {(v.indicator, v.value, origin[v.start] if origin else v.start): (v.status, v.period)
                for v in values}

    base = keyed(extractor.extract(report))
    flat, origin = flatten(report.text, way)
    copy = report_from_text(flat, report.path)
    copy.place, copy.year = report.place, report.year
    got = keyed(extractor.extract(copy), origin)
    result = Agreement(values=len(base))
    for key in base.keys() & got.keys():
        result.found += 1
        result.same_status += base[key][0] == got[key][0]
        result.same_period += base[key][1] == got[key][1]
        if base[key] != got[key]:
            result.differences.append((report.path, *key, base[key], got[key]))
    return result


def differences_by_kind(differences: list[tuple]) -> Counter:
    """How many differences of each kind: 'status achieved→target', 'period annual→cumulative' …"""
    kinds: Counter = Counter()
    for *_, (status, period), (status2, period2) in differences:
        if status != status2:
            kinds[f"status {status}→{status2}"] += 1
        if period != period2:
            kinds[f"period {period}→{period2}"] += 1
    return kinds
