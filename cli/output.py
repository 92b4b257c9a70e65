"""Rendering rows for people and programs: one --format switch for every data command.

table on a terminal, CSV when stdout is piped; csv / tsv / json / jsonl on request.
JSON keeps Chinese unescaped. CSV/TSV cells that a spreadsheet would run as a formula
are neutralised. `-o FILE` is written atomically: a temporary file beside it, renamed
into place only when complete, so an interrupted run never leaves half a file.
"""
from __future__ import annotations

import io
import json
import math
import os
import stat
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..indicators.errors import PolcmpError

from ..indicators.display import MISSING, QUALIFIER_MARK, WORDS_MARK, format_value  # noqa: F401  (re-exported)
from ..indicators.rows import Sink, TextRows, plain, utf8
from ..indicators.writers import TEXT_FORMATS
from .files import atomic_output, is_direct_sink, is_stdout, note_rows, stdout_stream, write_failures_said


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    xlsx = "xlsx"
    parquet = "parquet"
    dta = "dta"


# written whole by indicators/writers.py, never streamed through a text stream
FILE_FORMATS = frozenset((Format.xlsx, Format.parquet, Format.dta))


def choose_format(requested: Format | None, output: Path | None) -> Format:
    """An explicit --format wins; else the -o file's extension (an unknown one is a usage
    error); else a table on a terminal, CSV when piped."""
    if requested is not None:
        return requested
    if output is not None and str(output) != "-" and not is_direct_sink(output):   # -o - is stdout; /dev/null: CSV
        from ..indicators.writers import FORMATS, format_for_path
        known = format_for_path(output)
        if known is None:
            raise PolcmpError(f"--output {output}: unknown extension; use one of "
                              f"{' '.join('.' + f for f in FORMATS)}, or name the format with -f")
        return Format(known)
    if sys.stdout.isatty():
        return Format.table
    return Format.csv


PROGRESS_MIN_FILES = 20   # fewer files finish before a bar would help


def use_bom(bom: bool | None, fmt: Format, output: Path | None) -> bool:
    """--bom / --no-bom decide; by default CSV/TSV written to a file (-o, or stdout redirected
    to a file with >) starts with a BOM so Excel reads its Chinese right, and a pipe gets none."""
    if fmt not in (Format.csv, Format.tsv):
        return False
    if bom is not None:
        return bom
    if output is not None:
        return True
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def records(rows: Iterable[dict]) -> list[dict]:
    """Copies of the rows as the outputs show them: whole floats as ints (40, not 40.0), NaN as None."""
    out = []
    for row in map(dict, rows):
        for k, v in row.items():
            if isinstance(v, float):
                row[k] = None if math.isnan(v) else int(v) if v.is_integer() else v
        out.append(row)
    return out


@contextmanager
def progress(total: int, label: str) -> Iterator:
    """A progress bar on stderr when stderr is a terminal and the work is long; yields the
    callback to call once per finished file (a no-op otherwise)."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield lambda _path: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _path: bar.advance(task)


class _BomFirst:
    """stdout that starts with a BOM — written with the first output, so a run that fails
    before writing anything leaves stdout empty."""

    def __init__(self, stream):
        self.stream, self.started = stream, False

    def write(self, text: str) -> int:
        if not self.started:
            self.stream.write("\ufeff")
            self.started = True
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False


@contextmanager
def open_output(path: Path | None, bom: bool = False) -> Iterator[io.TextIOBase]:
    """stdout (no path, or `-`), or a file written atomically by files.atomic_output (temp file
    + rename, nothing left behind on error, the umask's or the old file's permissions)."""
    if is_stdout(path):
        stream = stdout_stream()
        out = _BomFirst(stream) if bom else stream
        with write_failures_said("standard output"):
            yield out
            out.flush()
        return
    with atomic_output(path) as out:
        if bom:
            out.write("\ufeff")
        yield out


def write_records(records: Iterable[dict], columns: Sequence[str], fmt: Format, out: io.TextIOBase,
                  title: str | None = None) -> int:
    """Write dict records in a machine format (or a rich table). Streams, except for the table.

    Nothing is written before the first record or the end of `records`, so a run whose
    input fails as a whole (the iterator raises) leaves no half-made header behind.
    """
    if fmt.value not in TEXT_FORMATS:
        rows = list(records)
        render_table(rows, columns, out, title)
        return len(rows)
    text_rows = TextRows(fmt.value, columns)
    sink = Sink(text_rows, out)
    for rec in records:
        sink.write(*text_rows.render([[rec.get(c) for c in columns]]))
    return finish_rows(sink)


def finish_rows(sink: Sink) -> int:
    """Close the rows of a text format and count them for "wrote N rows to FILE" (once -o is in place)."""
    n = sink.close()
    note_rows(sink.out, n)
    return n


def render_table(rows: list[dict], columns: Sequence[str], out, title: str | None = None) -> None:
    """A rich table that fits the console: text columns wrap, headers fold, the least-needed
    columns are left out (a footnote names them); wide enough for Chinese quotes in a file."""
    from rich.table import Table

    from .fit import TEXT_COLUMNS, allocate, choose, dropped_note, measure_all

    console = make_console(out)
    cells = {c: [str(plain(r.get(c))) for r in rows] for c in columns}
    laid = measure_all(columns, cells, console.width, TEXT_COLUMNS)
    shown, dropped = choose(laid, console.width)
    table = Table(title=title, header_style="bold")
    for c, width in zip(shown, allocate(shown, console.width)):
        table.add_column(c.header, overflow="fold", no_wrap=not c.wraps, width=width,
                         justify="right" if c.name == "value" else "left")
    for i in range(len(rows)):
        table.add_row(*[cells[c.name][i] for c in shown])
    console.print(table)
    if dropped:
        console.print(dropped_note(dropped, console.width), style="dim")


# ---------------------------------------------------------------- compare


def cell_text(row: dict, column: str, unit: str) -> str:
    """≥40家 / ~5%* / — ; with (+2) when the report states the indicator more than once."""
    value = row.get(column)   # rows come from records(): a missing value is None, never NaN
    text = format_value(value, unit, row[f"{column} qualifier"], bool(row[f"{column} soft"]),
                        row[f"{column} value_max"], row[f"{column} aim"], row[f"{column} text"])
    more = int(row[f"{column} more"] or 0)
    return f"{text} (+{more})" if more else text


def make_console(out):
    """A rich console on `out`, 160 columns wide when it is not a terminal (files, pipes)."""
    from rich.console import Console
    console = Console(file=out, soft_wrap=False)
    if not console.is_terminal:
        console.width = 160
    return console


def render_comparison(result, catalogue, out, long: bool = False) -> None:
    """Indicators × places, grouped under Chinese group headings, with a legend."""
    from rich.table import Table
    from rich.text import Text

    console = make_console(out)
    if long:
        rows = records(result.long)
        for r in rows:
            r["value"] = format_value(r["value"], r["unit"], r["qualifier"], r["soft"], r["value_max"], r["aim"],
                                      r["qualifier_text"])
        render_table(rows, ("column", "indicator", "label", "value", "status", "period", "raw", "quote"), out)
        return
    from .fit import measure, split, table_width, width_of

    rows = records(result.wide)
    if not rows:
        console.print("no indicator values for these places (try --status achieved, or --all)")
        return
    shown = [(group_id, heading, [r for r in rows if r["group"] == group_id])
             for group_id, heading in catalogue.groups.items()]
    shown = [(g, h, mine) for g, h, mine in shown if mine]
    cells = {c: [cell_text(r, c, r["unit"]) for _g, _h, mine in shown for r in mine] for c in result.columns}
    # 临海 目标 2023 over three lines: a column is as wide as its values, not its heading
    labels = [f"  {r['label']}" for _g, _h, mine in shown for r in mine] + [f"{h} ({g})" for g, h, _m in shown]
    key = max(map(width_of, labels))
    laid = [measure(c, cells[c], fold=False) for c in result.columns]
    groups = [hash(c.split(" ")[0]) for c in result.columns]   # a place's target and result stay together
    if table_width([key, *(c.natural for c in laid)]) > console.width:
        key = min(key, max(16, console.width * 3 // 8))
        laid = [measure(c, cells[c]) for c in result.columns]
        for c in laid:   # 临海 目标 2023 over three lines: a column is as wide as its values, not its heading
            c.header = c.header if width_of(c.header) <= c.natural else c.name.replace(" ", "\n")
            c.natural = c.floor = max(max(map(width_of, cells[c.name]), default=0), width_of(c.header))
    parts = split(key, [c.natural for c in laid], groups, console.width)
    for n, part in enumerate(parts, 1):
        title = part_title(n, parts, result.columns)
        table = Table(header_style="bold", show_lines=False, title=title, title_justify="left")
        table.add_column("指标 indicator", width=key, overflow="fold")
        for i in part:
            table.add_column(laid[i].header, justify="right", no_wrap=True, width=laid[i].natural)
        for group_id, heading, in_group in shown:
            table.add_row(Text(f"{heading} ({group_id})", style="bold cyan"), *[""] * len(part))
            for j, r in enumerate(in_group):
                table.add_row(f"  {r['label']}", *[cell_text(r, result.columns[i], r["unit"]) for i in part],
                              end_section=j == len(in_group) - 1)
        console.print(table)
    console.print(f"≥ 以上  > 超过  ≤ 以内  ~ 左右   * 力争/争取 (soft)   (8*) aim   「…」 target in words   "
                  f"(+N) more values: --long   {MISSING} not stated", style="dim")


def part_title(n: int, parts: list[list[int]], columns: list[str]) -> str | None:
    """`part 2 of 3 (columns 5-8 of 12)` above a table cut to fit the terminal; nothing when whole."""
    if len(parts) == 1:
        return None
    part = parts[n - 1]
    return f"part {n} of {len(parts)} (columns {part[0] + 1}-{part[-1] + 1} of {len(columns)})"


def render_chart(result, catalogue, out, width: int = 40) -> None:
    """Horizontal bars per numeric indicator across places, each indicator on its own scale."""
    from rich.text import Text

    console = make_console(out)
    name_width = max((len(c) for c in result.columns), default=4) * 2
    for r in records(result.wide):
        values = [(c, r[c]) for c in result.columns if r.get(c) is not None]
        if not values:
            continue
        top = max(abs(v) for _, v in values) or 1
        console.print(Text(f"{r['label']} ({r['unit']})", style="bold"))
        for column, value in values:
            bar = "█" * max(1, round(abs(value) / top * width))
            line = Text(f"  {column:<{name_width // 2}} ")
            line.append(bar, style="red" if value < 0 else "green")
            line.append(" " + cell_text(r, column, r["unit"]))
            console.print(line)


# ---------------------------------------------------------------- files researchers open


def save_records(rows: Iterable[dict], columns: Sequence[str], fmt: Format, output: Path | None,
                 fields=None) -> int:
    """Records as an Excel / Parquet / Stata file: -o FILE atomically, or the bytes to stdout when
    it is not a terminal. `fields` (codebook.describe) type and label the columns. Returns the row count."""
    import pandas as pd

    from ..indicators.codebook import describe
    from ..indicators.writers import require, to_bytes

    require(fmt.value)   # before the work of building the frame
    if is_stdout(output) and sys.stdout.isatty():
        raise PolcmpError(f"-f {fmt.value} is a binary file: write it with -o FILE.{fmt.value} or redirect stdout")
    frame = pd.DataFrame([{k: utf8(v) for k, v in row.items()} for row in rows], columns=list(columns))
    fields = fields or describe(list(columns), frame=frame)
    with atomic_output(output, binary=True) as out:   # stdout's bytes when there is no -o
        out.write(to_bytes(frame, fmt.value, fields))
        note_rows(out, len(frame))
    return len(frame)


def codebook_path(output: Path | None) -> Path:
    """Where --codebook writes: out.csv → out.datapackage.json; a usage error without -o FILE
    (call it before the work, so the mistake costs nothing)."""
    if output is None or str(output) == "-":
        raise PolcmpError("--codebook describes an output file: give one with -o FILE")
    return Path(output).with_name(Path(output).stem + ".datapackage.json")


def save_codebook(output: Path | None, fmt: Format, fields, bom: bool = False) -> Path:
    """--codebook: a Frictionless datapackage.json describing the -o file, beside it."""
    from ..indicators.codebook import datapackage
    from ..indicators.writers import stata_names

    target = codebook_path(output)
    names = stata_names([f.name for f in fields]) if fmt is Format.dta else None
    package = datapackage(fields, output, fmt.value, bom, names)
    with open_output(target) as out:
        out.write(json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    return target
