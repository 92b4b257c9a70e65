"""Values of several reports → one comparison: indicators × places, as rows of plain dicts.

`wide` has one row per indicator (catalogue order) and, per place column, the primary value
with its qualifier, range end, soft flag, aim, words (a target in words has no value, only
`text`: 与经济增长同步), period, the year it is about, and how many more values the report states;
`long` has every value with every extract column (LONG_COLUMNS). The CLI only renders them;
the Python API (api.py) makes DataFrames of them, so a terminal table needs no pandas.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .corpus import Entry
from .models import COLUMNS, Value

STATUS_LABEL = {"target": "目标", "achieved": "实绩"}
# per place column, after the value: what a researcher needs to read it as the table shows it
CELL_FIELDS = ("qualifier", "value_max", "soft", "aim", "text", "period", "refers_to", "more")
LONG_COLUMNS = (*COLUMNS, "column")


@dataclass
class Comparison:
    columns: list[str]          # place columns in order: 临海 目标 2023 / 临海 实绩 2022
    wide: list[dict]            # indicator, label, unit, group, then per column: value + CELL_FIELDS
    long: list[dict]            # every value: LONG_COLUMNS, the extract columns plus `column`
    notes: list[str]            # what a user should be told (two reports of one place and year)


def place_fields(columns: list[str]) -> list[str]:
    """The wide frame's per place columns: `临海 目标 2023`, then `临海 目标 2023 <field>` for CELL_FIELDS."""
    return [f"{c}{f}" for c in columns for f in ("", *(f" {x}" for x in CELL_FIELDS))]


def wide_columns(result: Comparison) -> list[str]:
    """The wide output's columns (CSV, files, polcmp.compare()): indicator, label, unit, then
    per place column its value and CELL_FIELDS."""
    return ["indicator", "label", "unit"] + place_fields(result.columns)


def column_name(entry: Entry, status: str) -> str:
    """临海 目标 2023 / 临海 实绩 2022: the place, the side, and the year the values are about
    (a report's results are of the year before it)."""
    year = None if entry.year is None else entry.year - (status == "achieved")
    return " ".join(str(x) for x in (entry.place, STATUS_LABEL[status], year) if x is not None)


def primary_first(values: list[Value]) -> list[Value]:
    """The value a cell shows first: a number before words, a one-year figure before a multi-year
    one, then text order."""
    return sorted(values, key=lambda v: (v.value is None, v.period != "annual", v.start))


def compare(reports: list[tuple[Entry, list[Value]]], catalogue: Catalogue, statuses=("target",),
            indicators: set[str] | None = None, groups: set[str] | None = None,
            include_all: bool = False) -> Comparison:
    """Build the comparison of `reports` (each an entry and its values) for the given statuses.

    Rows: indicators that at least one column states (all of them with include_all),
    restricted to `indicators` / `groups` when given."""
    columns: list[str] = []
    notes: list[str] = []
    cells: dict[tuple[str, str], list[Value]] = {}
    long_rows = []
    for entry, values in reports:
        for status in statuses:
            column = column_name(entry, status)
            if column in columns:   # two reports of one place and year: both shown, told apart by file
                notes.append(f"{entry.place} {entry.year}: more than one report; columns are marked with file names")
                column = f"{column} ({Path(entry.path).name})"
            columns.append(column)
            for v in values:
                if v.status != status or (indicators and v.indicator not in indicators):
                    continue
                cells.setdefault((column, v.indicator), []).append(v)
                long_rows.append({**v.as_dict(), "column": column})

    rows = []
    for ind in catalogue.indicators:
        if (indicators and ind.id not in indicators) or (groups and ind.group not in groups):
            continue
        stated = [col for col in columns if (col, ind.id) in cells]
        if not stated and not include_all:
            continue
        row = {"indicator": ind.id, "label": ind.name, "unit": ind.unit, "group": ind.group}
        for col in columns:
            found = primary_first(cells.get((col, ind.id), []))
            first = found[0] if found else None
            row[col] = first.value if first else None
            row[f"{col} qualifier"] = first.qualifier if first else None
            row[f"{col} value_max"] = first.value_max if first else None
            row[f"{col} soft"] = first.soft if first else None
            row[f"{col} aim"] = first.aim if first else None
            row[f"{col} text"] = first.qualifier_text if first else None
            row[f"{col} period"] = first.period if first else None
            row[f"{col} refers_to"] = first.refers_to if first else None
            row[f"{col} more"] = len(found) - 1 if found else 0
        rows.append(row)
    if groups:
        shown = {row["indicator"] for row in rows}
        long_rows = [row for row in long_rows if row["indicator"] in shown]
    return Comparison(columns, rows, long_rows, sorted(set(notes)))
