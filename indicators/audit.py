"""An audit kit for coders: draw a stratified sample of extracted values, read the coded sheets
back, and say how often the values were right and how far the coders agree.

- `draw` takes values (indicators.models.Value) and draws n of them, stratified by indicator ×
  status: n is shared out as evenly as the strata allow, a stratum too small for its share
  gives all it has and the shortfall goes to the others in proportion to what they have left
  (`allocate`). The same values and seed always give the same sample.
- `sheet_rows` turns the draw into the rows of a coding sheet (the value, its quote and about
  150 characters of the report either side, the value marked 【】), with empty coder columns;
  `sheet_bytes` writes them as .xlsx (openpyxl) or .csv/.tsv.
- `read_sheet` reads a coded sheet back (.xlsx, .csv, .tsv) and checks it: a sheet that is not
  one, lacks a column or holds a verdict word polcmp does not know raises PolcmpError.
- `precision`, `agreement`, `wilson` and `cohen_kappa` are the statistics of `polcmp agree`;
  Krippendorff's alpha comes from the `krippendorff` package.

Nothing here knows about the terminal: the CLI (cli/audit.py) parses options and renders.
"""
from __future__ import annotations

import csv
import io
import math
import os
import random
import stat
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import PolcmpError, printable
from .models import Value

# ---------------------------------------------------------------- the sheet's columns

SAMPLE_COLUMNS = ("sample_id", "place", "year", "indicator", "label", "status", "value", "unit", "qualifier",
                  "raw", "quote", "context", "file", "start", "end", "rule")
CODER_COLUMNS = ("verdict", "correct_value", "coder", "note")
SHEET_COLUMNS = SAMPLE_COLUMNS + CODER_COLUMNS
# what `agree` needs of a sheet; file, start, end and raw, when there, check that two sheets code the same values
REQUIRED_COLUMNS = ("sample_id", "indicator", "verdict")
IDENTITY_COLUMNS = ("indicator", "file", "start", "end", "raw")

CONTEXT_CHARS = 150          # of the report either side of the value
MARK = ("【", "】")          # around the value in the context
LINE_BREAK = "¶"             # a line break of the report, shown in the one-line context

CORRECT, WRONG, UNSURE = "correct", "wrong", "unsure"
# every word a coder may write in `verdict` (case and spaces do not matter); empty: not coded yet
VERDICT_WORDS = {
    CORRECT: ("correct", "对", "正确"),
    WRONG: ("wrong", "错", "错误"),
    UNSURE: ("unsure", "不确定"),
}
VERDICTS = {word: verdict for verdict, words in VERDICT_WORDS.items() for word in words}
VERDICT_HELP = ", ".join(f"{v} ({'/'.join(w[1:])})" for v, w in VERDICT_WORDS.items())

SHEET_FORMATS = ("xlsx", "csv", "tsv")
MAX_SHEET_BYTES = 64 * 2**20          # a coding sheet of 100,000 rows is a few MB
MAX_UNPACKED_BYTES = 256 * 2**20      # an .xlsx is a zip: what it may unpack to (no zip bombs)
Z95 = 1.959963984540054               # the normal quantile of 0.975: 95% two-sided

Stratum = tuple[str, str]             # (indicator, status)


# ---------------------------------------------------------------- drawing the sample


def allocate(sizes: dict[Stratum, int], n: int, rng: random.Random) -> dict[Stratum, int]:
    """How many values to draw from each stratum, n in all (every value when there are no more).

    First an even share: n // k each, and the n % k left over one each to the largest strata
    (ties in an order drawn from `rng`). A stratum smaller than its share gives all it has;
    that shortfall is shared out among the strata with values left, in proportion to how many
    each has left (largest remainders first), so no stratum is asked for more than it holds."""
    keys = sorted(sizes)
    if n >= sum(sizes.values()):
        return dict(sizes)
    order = keys[:]
    rng.shuffle(order)
    order.sort(key=lambda k: -sizes[k])    # stable: the shuffle only breaks ties
    rank = {k: i for i, k in enumerate(order)}
    base, extra = divmod(n, len(keys))
    taken = {k: min(sizes[k], base + (rank[k] < extra)) for k in keys}
    left = n - sum(taken.values())
    while left > 0:
        room = {k: sizes[k] - taken[k] for k in keys if sizes[k] > taken[k]}
        total_room = sum(room.values())     # ≥ left, since n < the population
        quota = {k: left * r / total_room for k, r in room.items()}
        give = {k: math.floor(q) for k, q in quota.items()}
        by_remainder = sorted(room, key=lambda k: (give[k] - quota[k], rank[k]))
        for k in by_remainder[:left - sum(give.values())]:
            give[k] += 1
        for k in room:
            taken[k] += min(give[k], room[k])
        left = n - sum(taken.values())
    return taken


def _place_in_text(v: Value) -> tuple:
    """A fixed order of values, whatever order the reports were read in."""
    return (v.file or "", v.start, v.end, v.indicator, v.rule, v.raw)


@dataclass
class Draw:
    """A stratified sample: the values drawn (sorted by indicator, status, file, offset) and,
    per stratum, how many values there were and how many were drawn."""
    values: list[Value]
    seed: int
    asked: int
    population: dict[Stratum, int]
    drawn: dict[Stratum, int]


def draw(values: Iterable[Value], n: int, seed: int) -> Draw:
    """n values drawn at random from `values` (those with a number), stratified by indicator ×
    status (see `allocate`); the same values and seed always give the same sample."""
    strata: dict[Stratum, list[Value]] = defaultdict(list)
    for v in values:
        if v.value is not None:    # a target in words has nothing to check a number against
            strata[(v.indicator, v.status)].append(v)
    rng = random.Random(seed)
    sizes = {k: len(members) for k, members in strata.items()}
    counts = allocate(sizes, n, rng) if sizes else {}
    chosen: list[Value] = []
    for k in sorted(strata):
        chosen += rng.sample(sorted(strata[k], key=_place_in_text), counts[k])
    chosen.sort(key=lambda v: (v.indicator, v.status, *_place_in_text(v)))
    return Draw(chosen, seed, n, dict(sorted(sizes.items())), {k: counts[k] for k in sorted(sizes)})


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The report around text[start:end]: `width` characters either side, the value marked
    【…】, … where the text goes on, line breaks shown as ¶ (one line, the same characters)."""
    a, b = max(0, start - width), min(len(text), end + width)
    shown = (("…" if a else "") + text[a:start] + MARK[0] + text[start:end] + MARK[1] + text[end:b]
             + ("…" if b < len(text) else ""))
    return shown.replace("\r\n", LINE_BREAK).replace("\n", LINE_BREAK)


def sample_id(seed: int, number: int, total: int) -> str:
    """s14-007: the seed, then the row's number (ids are the same in every copy of a sheet)."""
    return f"s{seed}-{number:0{max(3, len(str(total)))}d}"


def sheet_rows(sample: Draw, text_of: Callable[[str], str]) -> list[dict]:
    """The rows of a coding sheet: SHEET_COLUMNS, the coder columns empty. `text_of(file)` gives
    a report's text as read, which the values' offsets point into."""
    rows = []
    for i, v in enumerate(sample.values, start=1):
        text = text_of(v.file)
        row = {c: getattr(v, c) for c in SAMPLE_COLUMNS if c not in ("sample_id", "context")}
        row["sample_id"] = sample_id(sample.seed, i, len(sample.values))
        row["context"] = context(text, v.start, v.end)
        rows.append({c: row.get(c) for c in SHEET_COLUMNS})
    return rows


# ---------------------------------------------------------------- writing the sheet

COLUMN_NOTES = {
    "sample_id": "the row's id: s<seed>-<number>; the same in every coder's copy",
    "value": "the number in the indicator's base unit (20 means 20%, 1.2万人 → 12000 人)",
    "qualifier": "= >= > <= < ~ (以上 → >=, 超过 → >, 以内 → <=, 左右 → ~)",
    "raw": "the number as the report writes it",
    "quote": "the clause the value came from, verbatim",
    "context": f"{CONTEXT_CHARS} characters of the report either side, the value marked 【】, "
               f"line breaks shown as {LINE_BREAK}",
    "start": "offset of raw in the report text as read (polcmp text FILE): text[start:end] == raw",
    "rule": "the catalogue pattern that claimed the number",
    "verdict": "to fill: " + VERDICT_HELP + "; empty: not coded yet",
    "correct_value": "when wrong: what the value, unit, status or indicator should be",
    "coder": "your name or initials",
    "note": "anything worth saying: why wrong, why unsure",
}
INSTRUCTIONS = (
    "Judge each row from its quote and context (or the report itself: polcmp text FILE, at start…end).",
    "verdict = correct (对 / 正确): the value, its unit, its status (target = a plan, achieved = a result) "
    "and its indicator are all right for this place and year.",
    "verdict = wrong (错 / 错误): any of them is wrong; write what is right in correct_value and why in note.",
    "verdict = unsure (不确定): the text does not let you tell; say why in note.",
    "Leave verdict empty for a row you have not coded: polcmp agree counts it as uncoded.",
    "Code your own copy of the sheet without looking at another coder's; polcmp agree sheet_a.xlsx sheet_b.xlsx "
    "gives precision per indicator (with 95% Wilson intervals) and the coders' agreement.",
)


def about_rows(sample: Draw, settings: dict[str, object]) -> list[list]:
    """The `about` sheet: how to code, how the sample was drawn, and every stratum's size."""
    rows: list[list] = [["how to code"], *[[line] for line in INSTRUCTIONS], [],
                        ["the sample"], ["seed", sample.seed], ["asked", sample.asked],
                        ["drawn", len(sample.values)], ["values to draw from", sum(sample.population.values())]]
    rows += [[k, v] for k, v in settings.items()]
    rows += [[], ["strata (indicator × status): values, drawn, weight = values / drawn"],
             ["indicator", "status", "values", "drawn", "weight"]]
    for k, size in sample.population.items():
        got = sample.drawn[k]
        rows.append([k[0], k[1], size, got, round(size / got, 4) if got else None])
    return rows


def _cell(value):
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def sheet_bytes(rows: list[dict], fmt: str, about: list[list] | None = None) -> bytes:
    """The coding sheet as a file's bytes: xlsx (a `sample` sheet and an `about` sheet) or
    csv / tsv (UTF-8 with a BOM, for Excel)."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(rows, buffer, about or [])
        return buffer.getvalue()
    if fmt not in ("csv", "tsv"):
        raise PolcmpError(f"a coding sheet is .xlsx, .csv or .tsv, not .{fmt}")
    from .writers import formula_safe
    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else formula_safe(_cell(row.get(c))) for c in SHEET_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(rows: list[dict], target, about: list[list]) -> None:
    """The sheet coders open: one frozen header row (each with its meaning as a comment), filters,
    widths that count a Chinese character as two, quote and context wrapped, the coder columns
    shaded, and a drop-down of the verdict words on `verdict` (anything else is refused)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .writers import display_width

    book = Workbook()
    sheet = book.active
    sheet.title = "sample"
    sheet.append(list(SHEET_COLUMNS))
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for cell, name in zip(sheet[1], SHEET_COLUMNS):
        cell.font = bold
        if name in COLUMN_NOTES:
            cell.comment = Comment(COLUMN_NOTES[name], "polcmp", width=320, height=110)
    wraps = {"quote", "context", "note"}
    widths = {"quote": 40, "context": 60, "note": 30, "verdict": 10, "correct_value": 14, "coder": 8}
    measured = [display_width(c) for c in SHEET_COLUMNS]
    for r, row in enumerate(rows, start=2):
        for i, name in enumerate(SHEET_COLUMNS, start=1):
            value = _cell(row.get(name))
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(row=r, column=i, value=value)
            if isinstance(value, str) and value.startswith("="):   # text, never a formula
                cell.data_type = "s"
            if name in wraps:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if name in CODER_COLUMNS:
                cell.fill = shade
            if value is not None:
                measured[i - 1] = max(measured[i - 1], display_width(str(value)[:120]))
    for i, name in enumerate(SHEET_COLUMNS, start=1):
        width = widths.get(name, min(measured[i - 1], 40))
        sheet.column_dimensions[get_column_letter(i)].width = max(width, display_width(name)) + 2
    last = max(len(rows) + 1, 2)
    verdict_column = get_column_letter(SHEET_COLUMNS.index("verdict") + 1)
    choices = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"', allow_blank=True,
                             showErrorMessage=True, errorTitle="verdict",
                             error="Write one of: " + VERDICT_HELP + "; or leave it empty.",
                             showInputMessage=True, promptTitle="verdict", prompt=VERDICT_HELP)
    sheet.add_data_validation(choices)
    choices.add(f"{verdict_column}2:{verdict_column}{last}")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(SHEET_COLUMNS))}{last}"
    notes = book.create_sheet("about")
    for line in about:
        notes.append([_cell(x) for x in line])
    for row in notes.iter_rows():
        if row and isinstance(row[0].value, str) and row[0].value in ("how to code", "the sample") \
                or row and isinstance(row[0].value, str) and row[0].value.startswith("strata ("):
            row[0].font = bold
    notes.column_dimensions["A"].width = 34
    notes.column_dimensions["B"].width = 14
    book.save(target)


# ---------------------------------------------------------------- reading coded sheets back


@dataclass
class CodedSheet:
    """One coder's sheet as read back: rows by sample_id, each with its verdict (correct, wrong,
    unsure, or None when not coded yet)."""
    path: str
    coder: str                      # the name in its coder column, else the file's name
    rows: list[dict] = field(default_factory=list)

    @property
    def uncoded(self) -> int:
        return sum(r["verdict"] is None for r in self.rows)


def _plain(cell) -> str:
    """A cell as text: 12.0 → 12, None → ''."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _check_file(path: Path) -> None:
    shown = printable(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise PolcmpError(f"{shown}: no such file") from None
    except OSError as e:
        raise PolcmpError(f"{shown}: cannot read: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise PolcmpError(f"{shown}: not a regular file, not a coding sheet")
    if st.st_size > MAX_SHEET_BYTES:
        raise PolcmpError(f"{shown}: too large for a coding sheet (over {MAX_SHEET_BYTES // 2**20} MB)")


def _xlsx_table(path: Path) -> list[list]:
    shown = printable(path)
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED_BYTES:
                raise PolcmpError(f"{shown}: unpacks to over {MAX_UNPACKED_BYTES // 2**20} MB; not a coding sheet")
    except (zipfile.BadZipFile, OSError):
        raise PolcmpError(f"{shown}: not an .xlsx workbook (make a coding sheet with polcmp sample)") from None
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise PolcmpError(f"{shown}: reading .xlsx needs openpyxl: pip install 'polcmp[xlsx]' "
                          f"(or save the sheet as CSV)") from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:   # openpyxl raises KeyError, InvalidFileException, ValueError … for a damaged file
        raise PolcmpError(f"{shown}: not a readable .xlsx workbook ({type(e).__name__})") from None
    try:
        sheet = book["sample"] if "sample" in book.sheetnames else book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _text_table(path: Path, delimiter: str) -> list[list]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PolcmpError(f"{printable(path)}: not a UTF-8 text sheet (save it as CSV UTF-8, or as .xlsx)") from None
    if "\x00" in text:
        raise PolcmpError(f"{printable(path)}: a binary file, not a coding sheet")
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as e:
        raise PolcmpError(f"{printable(path)}: not a readable CSV sheet ({e})") from None


def read_sheet(path: str | os.PathLike) -> CodedSheet:
    """A coded sheet (.xlsx, .csv, .tsv), checked: raises PolcmpError (one line) for a file that
    is not a sheet, a missing column, an empty or repeated sample_id, or a verdict word that is
    none of VERDICT_WORDS."""
    path = Path(path)
    shown = printable(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in SHEET_FORMATS:
        raise PolcmpError(f"{shown}: a coding sheet is .xlsx, .csv or .tsv")
    _check_file(path)
    table = _xlsx_table(path) if suffix == "xlsx" else _text_table(path, "," if suffix == "csv" else "\t")
    header_at = next((i for i, row in enumerate(table[:10]) if "sample_id" in [_plain(c) for c in row]), None)
    header = [_plain(c) for c in table[header_at]] if header_at is not None else []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise PolcmpError(f"{shown}: not a coding sheet: no column {', '.join(missing)} "
                          f"(make one with polcmp sample)")
    where = {name: header.index(name) for name in header if name}
    rows: list[dict] = []
    seen: dict[str, int] = {}
    unknown: list[str] = []
    for line, raw_row in enumerate(table[header_at + 1:], start=header_at + 2):
        cells = [_plain(c) for c in raw_row]
        if not any(cells):
            continue
        row = {name: cells[i] if i < len(cells) else "" for name, i in where.items()}
        sid = row["sample_id"]
        if not sid:
            raise PolcmpError(f"{shown}: row {line} has no sample_id")
        if sid in seen:
            raise PolcmpError(f"{shown}: sample_id {sid} twice (rows {seen[sid]} and {line})")
        seen[sid] = line
        word = row["verdict"].lower()
        if word and word not in VERDICTS:
            unknown.append(f"{row['verdict']!r} in row {line}")
        row["verdict"] = VERDICTS.get(word) if word else None
        row["line"] = line
        rows.append(row)
    if unknown:
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise PolcmpError(f"{shown}: unknown verdict {unknown[0]}{more}; write {VERDICT_HELP}, or leave it empty")
    names = sorted({r.get("coder", "") for r in rows} - {""})
    return CodedSheet(str(path), names[0] if len(names) == 1 else path.stem, rows)


def read_sheets(paths: Iterable[str | os.PathLike]) -> list[CodedSheet]:
    """read_sheet of each path; coders named alike (or not at all) are told apart by file name."""
    sheets = [read_sheet(p) for p in paths]
    names = [s.coder for s in sheets]
    for s in sheets:
        if names.count(s.coder) > 1:
            s.coder = f"{s.coder} ({Path(s.path).name})"
    return sheets


# ---------------------------------------------------------------- statistics


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion successes / n (95% by default); None for n = 0.
    Unlike p ± z·se it stays inside [0, 1] and keeps its coverage for small n and p near 0 or 1."""
    if n == 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # at 0 of n and n of n the bound is 0 or 1 exactly (rounding would leave 0.9999999999999999)
    return (0.0 if successes == 0 else max(0.0, centre - half)), (1.0 if successes == n else min(1.0, centre + half))


PRECISION_COLUMNS = ("measure", "coder", "indicator", "label", "n", "correct", "wrong", "unsure", "uncoded",
                     "value", "ci_low", "ci_high")
ALL = "all"


def _precision_row(coder: str, indicator: str, label: str, verdicts: list[str | None]) -> dict:
    counts = {v: sum(x == v for x in verdicts) for v in (CORRECT, WRONG, UNSURE)}
    n = counts[CORRECT] + counts[WRONG]
    interval = wilson(counts[CORRECT], n)
    return {"measure": "precision", "coder": coder, "indicator": indicator, "label": label, "n": n,
            **counts, "uncoded": sum(x is None for x in verdicts),
            "value": round(counts[CORRECT] / n, 4) if n else None,
            "ci_low": round(interval[0], 4) if interval else None,
            "ci_high": round(interval[1], 4) if interval else None}


def precision(sheet: CodedSheet) -> list[dict]:
    """Per indicator (in the sheet's order) and over all: correct / (correct + wrong) with its
    95% Wilson interval; unsure and uncoded values are counted and left out."""
    by: dict[str, list] = {}
    labels: dict[str, str] = {}
    for r in sheet.rows:
        by.setdefault(r["indicator"], []).append(r["verdict"])
        labels.setdefault(r["indicator"], r.get("label", ""))
    rows = [_precision_row(sheet.coder, ind, labels[ind], verdicts) for ind, verdicts in by.items()]
    rows.append(_precision_row(sheet.coder, ALL, "", [r["verdict"] for r in sheet.rows]))
    return rows


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa of two coders' labels of the same units: (p_o − p_e) / (1 − p_e). None when
    p_e = 1 (both gave one and the same label to every unit: chance explains it all)."""
    if len(a) != len(b):
        raise ValueError("two coders' labels of the same units")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    expected = sum((a.count(c) / n) * (b.count(c) / n) for c in set(a) | set(b))
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(matrix: list[list[str | None]]) -> float | None:
    """Krippendorff's alpha (nominal) of coders × units (None: not coded), by the `krippendorff`
    package. None when it is undefined: fewer than two codings of any unit, or one verdict only."""
    import numpy as np
    import krippendorff

    categories = sorted({x for row in matrix for x in row if x is not None})
    pairable = sum(sum(x is not None for x in unit) >= 2 for unit in zip(*matrix)) if matrix else 0
    if len(categories) < 2 or pairable == 0:
        return None
    code = {c: float(i) for i, c in enumerate(categories)}
    data = np.array([[np.nan if x is None else code[x] for x in row] for row in matrix], dtype=float)
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


AGREEMENT_MEASURES = ("percent_agreement", "cohen_kappa", "krippendorff_alpha")


def _same_value(a: dict, b: dict) -> bool:
    return all(a.get(c, "") == b.get(c, "") or not a.get(c) or not b.get(c) for c in IDENTITY_COLUMNS)


def agreement(sheets: list[CodedSheet]) -> list[dict]:
    """How far coders agree on the verdicts of the values they share (sample_id): percent
    agreement (agreeing pairs of codings / all pairs), Cohen's kappa (exactly two coders) and
    Krippendorff's alpha (nominal; any number of coders, missing codings allowed). Empty for
    one sheet. Raises PolcmpError when two sheets give one sample_id to different values."""
    if len(sheets) < 2:
        return []
    for i, a in enumerate(sheets):
        mine = {r["sample_id"]: r for r in a.rows}
        for b in sheets[i + 1:]:
            for r in b.rows:
                other = mine.get(r["sample_id"])
                if other is not None and not _same_value(other, r):
                    raise PolcmpError(f"{printable(a.path)} and {printable(b.path)} give {r['sample_id']} to "
                                      f"different values: they code different samples")
    units: list[str] = list(dict.fromkeys(r["sample_id"] for s in sheets for r in s.rows))
    verdicts = [{r["sample_id"]: r["verdict"] for r in s.rows} for s in sheets]
    matrix = [[v.get(u) for u in units] for v in verdicts]
    coders = ", ".join(s.coder for s in sheets)
    pairs = agreeing = 0
    shared = 0
    for unit in zip(*matrix):
        coded = [x for x in unit if x is not None]
        if len(coded) >= 2:
            shared += 1
            for i in range(len(coded)):
                for j in range(i + 1, len(coded)):
                    pairs += 1
                    agreeing += coded[i] == coded[j]
    kappa = None
    if len(sheets) == 2:
        both = [(x, y) for x, y in zip(*matrix) if x is not None and y is not None]
        kappa = cohen_kappa([x for x, _ in both], [y for _, y in both])
    values = {"percent_agreement": agreeing / pairs if pairs else None,
              "cohen_kappa": kappa,
              "krippendorff_alpha": krippendorff_alpha(matrix)}
    return [{"measure": m, "coder": coders, "indicator": ALL, "label": "", "n": shared,
             "correct": None, "wrong": None, "unsure": None, "uncoded": None,
             "value": None if values[m] is None else round(values[m], 4), "ci_low": None, "ci_high": None}
            for m in AGREEMENT_MEASURES if m != "cohen_kappa" or len(sheets) == 2]


def disagreements(sheets: list[CodedSheet]) -> list[tuple[str, list[str | None]]]:
    """(sample_id, each sheet's verdict) for every value two coders judged differently."""
    verdicts = [{r["sample_id"]: r["verdict"] for r in s.rows} for s in sheets]
    units = list(dict.fromkeys(r["sample_id"] for s in sheets for r in s.rows))
    out = []
    for u in units:
        given = [v.get(u) for v in verdicts]
        if len({x for x in given if x is not None}) > 1:
            out.append((u, given))
    return out
