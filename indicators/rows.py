"""Rows as CSV, TSV, JSON and JSON Lines text, made in pieces that join into one file.

`TextRows.render` turns some rows into text anywhere — under `extract --jobs`, in the worker
that extracted the report — and a `Sink` writes the pieces in order, adding what a file has
once (CSV's header, JSON's brackets), so pieces made in several processes give the same bytes
as one process writing row by row. The command line's write_records uses the same two for
every data command, so there is one way to write a row.

`ExtractRows` is what `polcmp extract` makes of one report's values: the selected values
(`Selection`) rendered as text, or as records for the formats written whole (table, xlsx …).

Cells: JSON keeps Chinese unescaped; CSV/TSV cells a spreadsheet would run as a formula are
neutralised (writers.formula_safe), numbers are written as a person writes them (40, not 40.0),
and a file name's undecodable bytes become \\xff, which UTF-8 can carry.
"""
from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Sequence

from .display import format_value
from .errors import printable
from .models import Value
from .writers import TEXT_FORMATS, formula_safe

JSON_SEPARATOR = ",\n  "   # before every JSON row; the first one's becomes the opening bracket


def utf8(value):
    """Text that UTF-8 can carry: a file name's undecodable bytes (surrogate escapes) become \\xff."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return printable(value)
    return value


def plain(value):
    """Numbers as a person writes them: 40 not 40.0; None as an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class TextRows:
    """How rows (cells in column order) are written in one text format. Small and picklable."""

    def __init__(self, fmt: str, columns: Sequence[str]):
        if fmt not in TEXT_FORMATS:
            raise ValueError(f"not a text format: {fmt}")
        self.fmt, self.columns = fmt, tuple(columns)
        self.delimiter = "\t" if fmt == "tsv" else ","
        self._keys = [utf8(c) for c in self.columns]

    def header(self) -> str:
        """The CSV/TSV header line; nothing for JSON."""
        if self.fmt not in ("csv", "tsv"):
            return ""
        # headers too: a place named =HYPERLINK(…) heads a column of compare's wide table
        return self._csv([[formula_safe(utf8(c)) for c in self.columns]])

    def render(self, rows: Iterable[Sequence]) -> tuple[str, int]:
        """(the text of these rows, how many). A JSON row starts with JSON_SEPARATOR; Sink turns
        the first one into the opening bracket."""
        rows = list(rows)
        if self.fmt in ("csv", "tsv"):
            return self._csv([formula_safe(utf8(plain(cell))) for cell in row] for row in rows), len(rows)
        lead = JSON_SEPARATOR if self.fmt == "json" else ""
        end = "" if self.fmt == "json" else "\n"
        return "".join(lead + json.dumps(dict(zip(self._keys, map(utf8, row))), ensure_ascii=False) + end
                       for row in rows), len(rows)

    def _csv(self, rows) -> str:
        text = io.StringIO()
        csv.writer(text, delimiter=self.delimiter, lineterminator="\n").writerows(rows)
        return text.getvalue()


class Sink:
    """Rendered rows written to `out` in the order given, with the header or brackets once.

    Nothing is written before the first row or close(), so a run whose input fails as a whole
    leaves no half-made header behind."""

    def __init__(self, rows: TextRows, out):
        self.rows, self.out, self.count = rows, out, 0

    def write(self, text: str, n: int) -> None:
        """Write n rows rendered by TextRows.render."""
        if not n:
            return
        if self.count == 0:
            if self.rows.fmt == "json":
                text = "[\n  " + text[len(JSON_SEPARATOR):]
            else:
                text = self.rows.header() + text
        self.out.write(text)
        self.count += n

    def close(self) -> int:
        """Finish the file (a header alone when there were no rows; JSON's closing bracket);
        returns the number of rows written."""
        if self.rows.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        elif self.count == 0:
            self.out.write(self.rows.header())
        return self.count


@dataclass(frozen=True)
class Selection:
    """Which values become rows: these indicator ids (none: all), this status (or all), and
    targets in words (no number) only when asked: a spreadsheet or a scorer expects a value in each."""
    indicators: frozenset[str] = frozenset()
    status: str = "all"
    words: bool = False

    def keeps(self, v: Value) -> bool:
        return ((not self.indicators or v.indicator in self.indicators) and self.status in ("all", v.status)
                and (self.words or v.value is not None))


@dataclass(frozen=True)
class ExtractRows:
    """polcmp extract's rows of one report: the selected values rendered as text (`rows` given:
    (text, count) for a Sink), else as records of `columns` ({column: cell}; in a table the
    value is written as a person writes it, ≥6.5% with * for 力争). Picklable: it runs where
    the report was extracted."""
    selection: Selection
    columns: tuple[str, ...]
    rows: TextRows | None = None
    table: bool = False

    def __call__(self, values: list[Value]) -> tuple[str, int] | list[dict]:
        cells = attrgetter(*self.columns)   # a tuple of fields in one C call: dataclasses.asdict deep-copies
        kept = [v for v in values if self.selection.keeps(v)]
        if self.rows is not None:
            return self.rows.render(map(cells, kept))
        records = [dict(zip(self.columns, cells(v))) for v in kept]
        if self.table and "value" in self.columns:
            for record, v in zip(records, kept):
                record["value"] = format_value(v.value, v.unit, v.qualifier, v.soft, v.value_max, v.aim,
                                               v.qualifier_text)
        return records
