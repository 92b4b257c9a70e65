"""层层加码: one indicator's target of one year down the administrative tree — the nation's,
each province's, each city's — and how much each level adds over the one above it.

Which values: targets only (status target, period annual, refers_to the year), from the
reports of that year. A report that states the indicator several times gives the one `track`
shows (track.pick_target): the first firm (not 力争) value in text order — the headline figure of
the 主要预期目标 paragraph, before any part of the place or later repetition — else the first
soft one. Two reports of one place and year (a corpus and a panel that both hold it): the first
that states a target, in the order the reports were given.

Where each stands (divisions.py): the nation first; then each province (省, 自治区, 直辖市), each
followed by its cities — prefecture-level ones and county-level ones (counties, county-level
cities, districts) in code order, so a county comes right after its prefecture. A city's parent
is its prefecture when that states a target of the year, else its province; a province's parent is
the nation. A province none of whose reports is there still heads its cities (with no value).

What a level adds: the difference between its value and its parent's (percentage points for %
indicators; for a range, its lower bound), and a sign: + above the parent, − below, = the same;
none when either has no number. A target in words (完成省下达的目标任务) is shown with its words
(text) and no difference; the parent of a city is always a level with a number. Places that
cannot be placed (unknown or ambiguous names) are listed apart with why, never put under a parent.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .divisions import Division, Located, ancestors, division
from .models import ANNUAL, TARGET, Value
from .track import pick_target

COLUMNS = ("depth", "level", "place", "place_code", "province", "value", "qualifier", "value_max", "aim", "text",
           "soft", "unit",
           "parent", "parent_code", "parent_value", "difference", "difference_unit", "sign", "raw", "quote", "file")
UNPLACED_COLUMNS = ("place", "file", "why")
_DEPTH = {"nation": 0, "province": 1, "prefecture": 2, "county": 3, "district": 3}
PERCENTAGE_POINTS = "个百分点"


@dataclass
class Cascade:
    indicator: str
    label: str
    unit: str
    year: int
    rows: list[dict]                       # COLUMNS, in tree order
    unplaced: list[dict] = field(default_factory=list)    # UNPLACED_COLUMNS
    without_target: list[str] = field(default_factory=list)   # places with a report of the year but no target


def target_of(values: list[Value], indicator: str, year: int) -> Value | None:
    """The target a report sets for `indicator` in `year` (see the module docstring)."""
    found = [v for v in values if v.indicator == indicator and v.status == TARGET and v.period == ANNUAL
             and v.refers_to == str(year)]
    return pick_target(found)


def sign(difference: float | None) -> str | None:
    if difference is None:
        return None
    return "+" if difference > 0 else "−" if difference < 0 else "="


def cascade(reports: list[tuple[object, Located, list[Value]]], indicator: str, label: str, unit: str,
            year: int) -> Cascade:
    """`reports`: (entry with .place, .year and .path; where it belongs; its values) in the order
    given. Only the reports of `year` take part."""
    targets: dict[str, tuple[Division, Value | None]] = {}   # code → its division and target
    unplaced, without = [], []
    for entry, placed, values in reports:
        if entry.year != year:
            continue
        if not isinstance(placed, Division):
            unplaced.append({"place": entry.place, "file": entry.path, "why": getattr(placed, "reason", "not placed")})
            continue
        target = target_of(values, indicator, year)
        known = targets.get(placed.code)
        if known is None or (known[1] is None and target is not None):
            targets[placed.code] = (placed, target)
    without = sorted({d.name for d, t in targets.values() if t is None})
    stated = {code: pair for code, pair in targets.items() if pair[1] is not None}
    numeric = {code: pair for code, pair in stated.items() if pair[1].value is not None}

    shown = dict(stated)   # provinces head their cities even without a report of their own
    for d, _ in stated.values():
        if d.level not in ("nation", "province"):
            shown.setdefault(d.province_code, (division(d.province_code), targets.get(d.province_code, (None, None))[1]))
    rows = []
    for code in sorted(shown, key=lambda c: (c != "100000", c)):
        d, target = shown[code]
        parent = _parent(d, numeric)
        parent_target = targets.get(parent.code, (None, None))[1] if parent else None
        rows.append(_row(d, target, parent, parent_target, unit))
    return Cascade(indicator, label, unit, year, rows, unplaced, without)


def _parent(d: Division, present: dict[str, tuple]) -> Division | None:
    """The level above: the prefecture when it states a numeric target, else the province; the
    nation above a province."""
    if d.level == "nation":
        return None
    if d.level == "province":
        return division("100000")
    for up in ancestors(d):
        if up.level == "prefecture" and up.code in present:
            return up
        if up.level == "province":
            return up
    return None


def _row(d: Division, target: Value | None, parent: Division | None, parent_target: Value | None, unit: str) -> dict:
    difference = (round(target.value - parent_target.value, 6)
                  if target is not None and parent_target is not None
                  and target.value is not None and parent_target.value is not None else None)
    return {"depth": _DEPTH[d.level], "level": d.level, "place": d.name, "place_code": d.code, "province": d.province,
            "value": target.value if target else None, "qualifier": target.qualifier if target else None,
            "value_max": target.value_max if target else None, "aim": target.aim if target else None,
            "text": target.qualifier_text if target else None, "soft": target.soft if target else None,
            "unit": unit, "parent": parent.name if parent else None, "parent_code": parent.code if parent else None,
            "parent_value": parent_target.value if parent_target else None, "difference": difference,
            "difference_unit": (PERCENTAGE_POINTS if unit == "%" else unit) if difference is not None else None,
            "sign": sign(difference), "raw": target.raw if target else None, "quote": target.quote if target else None,
            "file": target.file if target else None}
