"""Targets against results, year by year: the target the report of year t sets for t, beside
the result the report of year t+1 states for t.

Only one-year values take part: a target whose `refers_to` is t (period annual) from the
report of t, and a result whose `refers_to` is t (period annual) from the report of t+1.
Part-year figures (前三季度), averages and plan horizons never fill a cell.

Which value a cell shows when a report states an indicator more than once for one year:
- target: the first firm (not 力争) number in text order, with its aim (增长7%以上、力争8% →
  7, aspiration 8: extraction joins them, aims.py); with no firm number, the first soft one;
  with no number at all, the target in words (与经济增长同步: `target_text`);
- result: the first value in text order (the opening review states the headline figures).
The long output keeps every candidate.

Verdict, with the result r and the target t (its lower bound for a range):
- `>=`, `~`, `=` or a range: met when r >= t; `>`: met when r > t;
- `<=`: met when r <= t; `<`: met when r < t;
- a decline (a negative target such as 下降3%以上) flips the direction: met when r <= t
  (for `<=` / `<`, when r >= t);
- an indicator whose target is a ceiling (`ceiling: true` in the catalogue: consumer prices,
  unemployment rates) reads `~` and `=` as `<=`, and a range by its upper bound: 居民消费价格涨幅
  3%左右 is met by 2.9, missed by 3.4;
- `no numeric target` when the target is in words only (与经济增长同步, 保持正增长);
- `no target` / `no result` when either side is missing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .corpus import Entry
from .models import ACHIEVED, ANNUAL, TARGET, Value

COLUMNS = ("place", "year", "indicator", "label", "unit",
           "target", "target_qualifier", "target_max", "target_soft", "target_aspiration", "target_text",
           "target_raw", "target_quote", "target_file", "target_start", "target_end",
           "result", "result_qualifier", "result_estimate",
           "result_raw", "result_quote", "result_file", "result_start", "result_end",
           "gap", "verdict")
LONG_COLUMNS = ("place", "year", "side", "chosen", "indicator", "label", "value", "unit", "qualifier",
                "soft", "estimate", "value_max", "aim", "qualifier_text", "raw", "quote", "file", "start", "end", "report_year")
MET, MISSED, NO_TARGET, NO_RESULT = "met", "missed", "no target", "no result"
NO_NUMBER = "no numeric target"


@dataclass
class Tracked:
    rows: list[dict]           # one row per place × year × indicator (COLUMNS)
    long: list[dict]           # every candidate value (LONG_COLUMNS), `chosen` marks the shown ones
    duplicates: list[list[Entry]]   # reports of one place and year; the first one is used


def verdict(target: Value | None, result: Value | None, ceiling: bool = False) -> str:
    """met / missed / no target / no result, by the rule in the module docstring."""
    if target is None:
        return NO_TARGET
    if target.value is None:
        return NO_NUMBER
    if result is None:
        return NO_RESULT
    t, r, q = target.value, result.value, target.qualifier
    if ceiling and (q in ("=", "~") or target.value_max is not None):
        t, q = (target.value_max if target.value_max is not None else t), "<="
    elif target.value_max is not None:
        q = ">="
    if t < 0:   # a decline: 下降3%以上 is met by -3.5
        t, r = -t, -r
    if q == ">":
        return MET if r > t else MISSED
    if q == "<=":
        return MET if r <= t else MISSED
    if q == "<":
        return MET if r < t else MISSED
    return MET if r >= t else MISSED


def pick_target(values: list[Value]) -> Value | None:
    """The target a cell shows (see the module docstring)."""
    numbers = sorted((v for v in values if v.value is not None), key=lambda v: v.start)
    if not numbers:
        return min(values, key=lambda v: v.start) if values else None
    firm = [v for v in numbers if not v.soft]
    return firm[0] if firm else numbers[0]


def pick_result(values: list[Value]) -> Value | None:
    return min(values, key=lambda v: v.start) if values else None


def _one_year(values: list[Value], status: str, year: int) -> dict[str, list[Value]]:
    by_indicator: dict[str, list[Value]] = {}
    for v in values:
        if v.status == status and v.period == ANNUAL and v.refers_to == str(year):
            by_indicator.setdefault(v.indicator, []).append(v)
    return by_indicator


def track(reports: list[tuple[Entry, list[Value]]], catalogue: Catalogue,
          indicators: set[str] | None = None, groups: set[str] | None = None,
          years: tuple[int, int] | None = None) -> Tracked:
    """Rows for every place and year that has a report of that year (targets) or of the next
    year (results), for the catalogue's indicators (restricted to `indicators` / `groups`)."""
    wanted = [ind for ind in catalogue.indicators
              if (not indicators or ind.id in indicators) and (not groups or ind.group in groups)]
    by_slot: dict[tuple[str, int], list[tuple[Entry, list[Value]]]] = {}
    for entry, values in reports:
        if entry.year is not None:
            by_slot.setdefault((entry.place, entry.year), []).append((entry, values))
    duplicates = [[e for e, _ in found] for found in by_slot.values() if len(found) > 1]
    report_of = {slot: found[0] for slot, found in by_slot.items()}

    slots = sorted({(p, y) for p, y in report_of} | {(p, y - 1) for p, y in report_of})
    rows, long_rows = [], []
    for place, year in slots:
        if years and not years[0] <= year <= years[1]:
            continue
        plan, review = report_of.get((place, year)), report_of.get((place, year + 1))
        targets = _one_year(plan[1], TARGET, year) if plan else {}
        results = _one_year(review[1], ACHIEVED, year) if review else {}
        for ind in wanted:
            t_values, r_values = targets.get(ind.id, []), results.get(ind.id, [])
            if not t_values and not r_values:
                continue
            target = pick_target(t_values)
            result = pick_result(r_values)
            rows.append(_row(place, year, ind, target, result))
            for side, found, chosen, report in (("target", t_values, target, plan), ("result", r_values, result, review)):
                for v in found:
                    long_rows.append(_long_row(place, year, side, v, v is chosen, report[0].year))
    return Tracked(rows, long_rows, duplicates)


def _row(place: str, year: int, ind, target: Value | None, result: Value | None) -> dict:
    row = {"place": place, "year": year, "indicator": ind.id, "label": ind.name, "unit": ind.unit}
    for prefix, v in (("target", target), ("result", result)):
        row[prefix] = v.value if v else None
        row[f"{prefix}_qualifier"] = v.qualifier if v else None
        row[f"{prefix}_raw"] = v.raw if v else None
        row[f"{prefix}_quote"] = v.quote if v else None
        row[f"{prefix}_file"] = v.file if v else None
        row[f"{prefix}_start"] = v.start if v else None
        row[f"{prefix}_end"] = v.end if v else None
    row["target_max"] = target.value_max if target else None
    row["target_soft"] = target.soft if target else None
    row["target_aspiration"] = target.aim if target else None
    row["target_text"] = target.qualifier_text if target else None
    row["result_estimate"] = result.estimate if result else None
    numeric = target is not None and target.value is not None
    row["gap"] = round(result.value - target.value, 6) if numeric and result else None
    row["verdict"] = verdict(target, result, ind.ceiling)
    return row


def _long_row(place: str, year: int, side: str, v: Value, chosen: bool, report_year: int | None) -> dict:
    return {"place": place, "year": year, "side": side, "chosen": chosen, "indicator": v.indicator,
            "label": v.label, "value": v.value, "unit": v.unit, "qualifier": v.qualifier, "soft": v.soft,
            "estimate": v.estimate, "value_max": v.value_max, "aim": v.aim,
            "qualifier_text": v.qualifier_text, "raw": v.raw, "quote": v.quote, "file": v.file,
            "start": v.start, "end": v.end, "report_year": report_year}
