"""A pandas DataFrame → the file a researcher opens: CSV, TSV, JSON, JSON Lines, Excel, Parquet, Stata.

The format follows the file's extension (`format_for_path`) unless named. Columns are typed
from the codebook (codebook.describe): numbers stay numbers in Excel, Parquet gets float64 /
Int64 / bool / string columns, Stata gets ASCII variable names with the original name and the
Chinese title as variable labels, and quotes longer than a Stata str# (2045 bytes) as strL.
Excel and Parquet need optional libraries; a missing one raises MissingWriter naming the
pip command. Writes go straight to `path` (the CLI renames a temporary file into place).
"""
from __future__ import annotations

import io
import math
import re
import unicodedata
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # pandas is imported where a frame is built: choosing a format from a
    import pandas as pd   # file name (extract -o out.csv) must not pay for it

from .codebook import Field, describe
from .errors import PolcmpError

TEXT_FORMATS = ("csv", "tsv", "json", "jsonl")
FILE_FORMATS = ("xlsx", "parquet", "dta")      # binary: written whole, never streamed
FORMATS = TEXT_FORMATS + FILE_FORMATS
# format → (module it needs, the polcmp extra that installs it)
NEEDS = {"xlsx": ("openpyxl", "xlsx"), "parquet": ("pyarrow", "parquet")}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUALIFIERS = frozenset(("=", ">=", ">", "<=", "<", "~", "+"))
STATA_STR_MAX = 2045          # bytes in a Stata str#; longer text must be a strL
STATA_NAME_MAX = 32
STATA_LABEL_MAX = 80
# Stata's reserved words and Mata's (which pandas also refuses): such a column gets a trailing _
STATA_RESERVED = frozenset("""_all _b byte _coef _cons double float if in int long _n _N _pi _pred _rc _skip
    str strL using with aggregate array boolean break case catch class colvector complex const continue
    default delegate delete do else eltypedef end enum explicit export external for friend function
    global goto inline local NULL pragma protected quad rowvector short typedef typename virtual
    _se _merge matrix pointer scalar string struct transmorphic vector version void""".split())
EXCEL_WIDTH_MAX = 60          # characters; a long quote wraps in the cell instead of a wall-wide column


class MissingWriter(PolcmpError):
    """The optional library a format needs is not installed."""


class UnknownFormat(PolcmpError):
    """A file extension (or format name) polcmp cannot write."""


def format_for_path(path) -> str | None:
    """csv / tsv / json / jsonl / xlsx / parquet / dta from the file's extension; None if unknown."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def require(fmt: str) -> None:
    """Raise MissingWriter, naming the pip command, when the library `fmt` needs is missing."""
    if fmt in NEEDS:
        module, extra = NEEDS[fmt]
        try:
            __import__(module)
        except ImportError:
            raise MissingWriter(f"writing .{fmt} needs {module}: pip install 'polcmp[{extra}]'") from None


def typed(frame: pd.DataFrame, fields: list[Field]) -> pd.DataFrame:
    """Each column as its codebook type: number → float64, integer → Int64, boolean → boolean,
    string → string (missing values stay missing)."""
    import pandas as pd

    out = {}
    for f in fields:
        column = frame[f.name]
        if f.type == "number":
            out[f.name] = pd.to_numeric(column, errors="coerce").astype("float64")
        elif f.type == "integer":
            out[f.name] = pd.to_numeric(column, errors="coerce").astype("Int64")
        elif f.type == "boolean":
            out[f.name] = column.astype("object").where(column.notna(), None).map(
                lambda x: None if x is None else bool(x)).astype("boolean")
        else:
            out[f.name] = column.astype("object").where(column.notna(), None).map(
                lambda x: None if x is None else str(x)).astype("string")
    return pd.DataFrame(out, columns=[f.name for f in fields], index=frame.index)


def write_frame(frame: pd.DataFrame, path, fmt: str | None = None, fields: list[Field] | None = None,
                bom: bool = False) -> None:
    """Write `frame` to `path` (a path or a binary file object) as `fmt` (default: from the
    extension). `fields` describe the columns (default: codebook.describe of its columns)."""
    fmt = fmt or format_for_path(path)
    if fmt not in FORMATS:
        raise UnknownFormat(f"cannot tell the format of {path}: use one of "
                            + " ".join(f".{f}" for f in FORMATS))
    require(fmt)
    fields = fields or describe(list(frame.columns), frame=frame)
    data = typed(frame, fields)
    if fmt in TEXT_FORMATS:
        _write_text(data, path, fmt, bom)
    elif fmt == "xlsx":
        write_xlsx(data, path, fields)
    elif fmt == "parquet":
        write_parquet(data, path, fields)
    else:
        write_dta(data, path, fields)


def formula_safe(cell):
    """A CSV cell a spreadsheet would run (=cmd|…, @SUM) gets a leading apostrophe; a bare
    qualifier (=, >=) or sign (+) cannot run anything and stays."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START) and cell not in QUALIFIERS:
        return "'" + cell
    return cell


def _write_text(data: pd.DataFrame, path, fmt: str, bom: bool) -> None:
    if fmt in ("csv", "tsv"):
        data = data.map(formula_safe).rename(columns=formula_safe)   # headers too: a place named =HYPERLINK(…)
        text = data.to_csv(index=False, sep="," if fmt == "csv" else "\t", lineterminator="\n")
        text = ("\ufeff" if bom else "") + text
    else:
        text = data.to_json(orient="records", lines=fmt == "jsonl", force_ascii=False, indent=None if fmt == "jsonl" else 2)
        text += "" if text.endswith("\n") else "\n"
    payload = text.encode("utf-8")
    if hasattr(path, "write"):
        path.write(payload)
    else:
        Path(path).write_bytes(payload)


# ---------------------------------------------------------------- Excel


def display_width(text: str) -> int:
    """Columns a text takes on screen: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _excel_value(value):
    import pandas as pd
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):   # numpy scalars → Python numbers
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def write_xlsx(data: pd.DataFrame, path, fields: list[Field]) -> None:
    """One sheet of data and a `codebook` sheet. Two header rows, both frozen: the Chinese
    titles a reader sees first, then the column names scripts use (pandas: read_excel(f,
    header=1)), with filters; numbers as numbers, text never a formula; each title cell carries
    the column's meaning as a comment."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    bold = Font(bold=True)
    sheet.append([f.title or f.name for f in fields])
    sheet.append([f.name for f in fields])
    for cell in (*sheet[1], *sheet[2]):
        if isinstance(cell.value, str) and cell.value.startswith("="):   # a header, never a formula
            cell.data_type = "s"
    for cell, f in zip(sheet[1], fields):
        cell.font = bold
        if f.description:
            cell.comment = Comment(f.description, "polcmp", width=300, height=120)
    widths = [max(display_width(f.name), display_width(f.title or "")) for f in fields]
    for row_number, row in enumerate(data.itertuples(index=False, name=None), start=3):
        values = [_excel_value(v) for v in row]
        values = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]
        sheet.append(values)
        for i, v in enumerate(values):
            if isinstance(v, str):
                # openpyxl reads a string that starts with = as a formula: keep it text
                if v.startswith("="):
                    sheet.cell(row=row_number, column=i + 1).data_type = "s"
                widths[i] = max(widths[i], display_width(v[:EXCEL_WIDTH_MAX * 2]))
            elif v is not None:
                widths[i] = max(widths[i], len(str(v)))
    for i, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(width, EXCEL_WIDTH_MAX) + 2
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(fields))}{sheet.max_row}"
    codebook = book.create_sheet("codebook")
    codebook.append(["column", "title", "type", "description"])
    for cell in codebook[1]:
        cell.font = bold
    for f in fields:
        codebook.append([f.name, f.title, f.type, f.description])
    for letter, width in zip("ABCD", (30, 24, 10, 80)):
        codebook.column_dimensions[letter].width = width
    codebook.freeze_panes = "A2"
    book.save(path)


# ---------------------------------------------------------------- Parquet


def write_parquet(data: pd.DataFrame, path, fields: list[Field]) -> None:
    """Typed columns (value float64, years int64, flags bool, text string), each field's title
    and description kept as its Parquet field metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_type = {"number": pa.float64(), "integer": pa.int64(), "boolean": pa.bool_(), "string": pa.string()}
    schema = pa.schema([pa.field(f.name, arrow_type[f.type], nullable=True,
                                 metadata={"title": f.title, "description": f.description}) for f in fields])
    table = pa.Table.from_pandas(data, schema=schema, preserve_index=False)
    pq.write_table(table, path)


# ---------------------------------------------------------------- Stata


def stata_names(columns) -> dict[str, str]:
    """Column name → a valid, unique Stata variable name (ASCII, ≤32 characters), deterministic.

    A name that already is one stays (value, place_code); a reserved word gets a trailing _ (end_).
    Any other becomes v<position>_ and its ASCII letters, digits and underscores:
    临海 目标 2023 qualifier (5th column) → v5_2023_qualifier."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for position, column in enumerate(columns, start=1):
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,30}", column):
            name = column + "_" if column in STATA_RESERVED else column
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{31}", column) and column not in STATA_RESERVED:
            name = column
        else:
            ascii_part = re.sub(r"[^A-Za-z0-9_]+", "_", column).strip("_")
            name = f"v{position}_{ascii_part}".rstrip("_")[:STATA_NAME_MAX]
        unique, n = name, 2
        while unique in taken:
            unique = f"{name[:STATA_NAME_MAX - len(str(n)) - 1]}_{n}"
            n += 1
        taken.add(unique)
        names[column] = unique
    return names


def stata_label(field: Field, name: str) -> str:
    """The variable label: the original column name where Stata's differs, the Chinese title and
    the description, cut to Stata's 80 characters."""
    parts = [field.name] if name != field.name else []
    parts += [x for x in (field.title, field.description) if x]
    label = " | ".join(parts)
    return label if len(label) <= STATA_LABEL_MAX else label[:STATA_LABEL_MAX - 1] + "…"


def write_dta(data: pd.DataFrame, path, fields: list[Field]) -> None:
    """Stata 14+ (format 118: UTF-8, so Chinese text stays); long text as strL, kept whole."""
    names = stata_names([f.name for f in fields])
    data = data.rename(columns=names)
    for f in fields:
        column = names[f.name]
        if f.type == "string":   # Stata has no missing string: empty, as Stata itself writes it
            data[column] = data[column].astype("object").where(data[column].notna(), "")
        elif f.type == "boolean":   # 0/1 with Stata's missing, the way Stata stores a flag
            data[column] = data[column].astype("Int8")
    too_long = [names[f.name] for f in fields if f.type == "string"
                and max(data[names[f.name]].map(lambda s: len(s.encode("utf-8"))), default=0) > STATA_STR_MAX]
    labels = {names[f.name]: stata_label(f, names[f.name]) for f in fields}
    data.to_stata(path, write_index=False, version=118, convert_strl=too_long, variable_labels=labels)


def to_bytes(frame: pd.DataFrame, fmt: str, fields: list[Field] | None = None) -> bytes:
    """The file's bytes, for writing to stdout."""
    buffer = io.BytesIO()
    write_frame(frame, buffer, fmt, fields)
    return buffer.getvalue()
