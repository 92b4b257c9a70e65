"""Files researchers open: every -o format written by the CLI and read back by an independent
reader (openpyxl, pyarrow, pyreadstat, the csv and json modules), cell by cell against the CSV."""
from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pyreadstat
import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.codebook import FIELDS, describe
from polcmp.indicators.writers import FORMULA_START, STATA_STR_MAX, stata_names

from conftest import ROOT, SEEDS
from test_cli import polcmp

# A report with a range (5—6%), a soft target (力争), a clause longer than a Stata str# holds,
# and a name a spreadsheet would run as a formula.
CLAUSE = "围绕建设创新型城市和推进高水平科技自立自强的目标要求坚持把创新摆在现代化建设全局中的核心位置" * 20
REPORT = ("政府工作报告\n2024年主要预期目标是：地区生产总值增长5%—6%，研发投入强度力争达到3.2%。\n"
          f"{CLAUSE}新增高新技术企业40家。\n")


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    folder = tmp_path_factory.mktemp("writers")
    (folder / "=cmd_2024.txt").write_text(REPORT, encoding="utf-8")
    return folder


CASES = {
    "compare": lambda w: ["compare", "临海", "永嘉", "龙港"],
    "compare_long": lambda w: ["compare", "临海", "永嘉", "龙港", "--long"],
    "extract": lambda w: ["extract", str(SEEDS / "临海_2023.txt")],
    "extract_long_quote": lambda w: ["extract", str(w / "=cmd_2024.txt")],
    "compare_range": lambda w: ["compare", str(w / "=cmd_2024.txt"), "--all", "-i", "gdp_growth", "-i", "rd_intensity",
                                "-i", "hightech_firms_new"],
}


def write(work: Path, case: str, ext: str) -> Path:
    target = work / f"{case}.{ext}"
    if not target.exists():
        code, _, err = polcmp(*CASES[case](work), "-o", str(target), "--no-bom")
        assert code == ExitCode.OK, err
        assert err == "" or "polcmp: error" not in err
    return target


def csv_rows(path: Path, delimiter: str = ",") -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV/TSV file; the header as the data has it, without the apostrophe
    that keeps a spreadsheet from running a header cell (=cmd 目标 2024; test_output_safety.py
    checks it is there)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header = [h[1:] if h.startswith("'") and h[1:].startswith(FORMULA_START) else h for h in rows[0]]
    return header, rows[1:]


def same(text: str, cell) -> bool:
    """A CSV cell (text) and the same cell as another format read it."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return text == ""
    if isinstance(cell, bool):
        return text == ("true" if cell else "false")
    if isinstance(cell, (int, float)):
        if text in ("true", "false"):   # Stata stores a flag as 0/1
            return cell == (text == "true")
        return text != "" and math.isclose(float(text), cell)
    # the CSV neutralises text a spreadsheet would run with a leading apostrophe
    return text == cell or text == "'" + cell or (text == "" and cell == "")


def assert_same_table(reference: Path, header: list[str], rows: list[list]) -> None:
    want_header, want = csv_rows(reference)
    assert header == want_header
    assert len(rows) == len(want) > 0
    for got_row, want_row in zip(rows, want):
        for name, text, cell in zip(header, want_row, got_row):
            assert same(text, cell), (name, text, cell)


def read_xlsx(path: Path):
    book = openpyxl.load_workbook(path)
    sheet = book["data"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    return book, sheet, [str(v) for v in values[1]], values[2:]   # row 1: Chinese titles, row 2: names


@pytest.mark.parametrize("case", sorted(CASES))
def test_xlsx_reads_back_with_numbers_a_frozen_header_and_no_formulas(work, case):
    book, sheet, header, rows = read_xlsx(write(work, case, "xlsx"))
    assert_same_table(write(work, case, "csv"), header, rows)
    assert sheet.freeze_panes == "A3"   # both header rows stay in view
    titles = [c.value for c in sheet[1]]
    for name, title in zip(header, titles):
        if name in FIELDS:
            assert title == FIELDS[name][1]   # the Chinese header a reader sees
    numbers = [f.name for f in describe(header, place_columns=()) if f.type == "number"] or ["value"]
    for row in sheet.iter_rows(min_row=3):
        for name, cell in zip(header, row):
            assert cell.data_type != "f", (name, cell.value)          # never a formula
            if name in numbers and cell.value is not None:
                assert cell.data_type == "n" and isinstance(cell.value, (int, float)), (name, cell.value)
    # each header carries the codebook's Chinese title and meaning; a codebook sheet lists them
    if "value" in header:
        comment = sheet.cell(row=1, column=header.index("value") + 1).comment.text
        assert FIELDS["value"][2] in comment
    assert [c.value for c in book["codebook"][1]] == ["column", "title", "type", "description"]


def test_xlsx_columns_are_wide_enough_for_chinese(work):
    _book, sheet, header, _rows = read_xlsx(write(work, "extract", "xlsx"))
    label = sheet.column_dimensions[openpyxl.utils.get_column_letter(header.index("label") + 1)].width
    unit = sheet.column_dimensions[openpyxl.utils.get_column_letter(header.index("unit") + 1)].width
    assert label >= 2 * len("新增高新技术企业") > unit   # CJK counts double


def test_xlsx_keeps_a_formula_like_place_as_text(work):
    _book, sheet, header, rows = read_xlsx(write(work, "extract_long_quote", "xlsx"))
    places = {row[header.index("place")] for row in rows}
    assert places == {"=cmd"}
    assert sheet.cell(row=3, column=header.index("place") + 1).data_type == "s"


@pytest.mark.parametrize("case", sorted(CASES))
def test_parquet_has_typed_columns(work, case):
    path = write(work, case, "parquet")
    table = pq.read_table(path)
    assert_same_table(write(work, case, "csv"), table.column_names,
                      [list(r.values()) for r in table.to_pylist()])
    types = {field.name: field.type for field in table.schema}
    assert not all(t == pa.string() for t in types.values())
    if case.startswith("extract") or case == "compare_long":
        assert types["value"] == pa.float64() and types["year"] == pa.int64()
        assert types["soft"] == pa.bool_() and types["quote"] == pa.string()
    if case == "compare":
        assert types["临海 目标 2023"] == pa.float64() and types["临海 目标 2023 more"] == pa.int64()
        assert types["临海 目标 2023 soft"] == pa.bool_() and types["临海 目标 2023 qualifier"] == pa.string()


@pytest.mark.parametrize("case", sorted(CASES))
def test_stata_file_has_ascii_names_labels_and_whole_text(work, case):
    frame, meta = pyreadstat.read_dta(str(write(work, case, "dta")))
    header, _ = csv_rows(write(work, case, "csv"))
    names = stata_names(header)
    assert list(frame.columns) == [names[c] for c in header]
    assert all(n.isascii() and len(n) <= 32 for n in frame.columns)
    assert_same_table(write(work, case, "csv"), header, frame.astype(object).values.tolist())
    labels = meta.column_names_to_labels
    assert all(len(label) <= 80 for label in labels.values())
    for column in header:   # a renamed column keeps its original name as the label's start
        if names[column] != column:
            assert labels[names[column]].startswith(column)
    if "value" in header:
        assert labels["value"].startswith(FIELDS["value"][1])


def test_stata_keeps_a_long_quote_whole_and_chinese_intact(work):
    frame, _meta = pyreadstat.read_dta(str(write(work, "extract_long_quote", "dta")))
    quotes = list(frame["quote"])
    longest = max(quotes, key=len)
    assert CLAUSE in longest and len(longest.encode("utf-8")) > STATA_STR_MAX
    assert "研发投入强度" in set(frame["label"])


@pytest.mark.parametrize("ext", ["tsv", "json", "jsonl"])
@pytest.mark.parametrize("case", ["compare", "extract"])
def test_text_formats_follow_the_extension(work, case, ext):
    path = write(work, case, ext)
    text = path.read_text(encoding="utf-8")
    if ext == "tsv":
        header, rows = csv_rows(path, "\t")
    else:
        records = json.loads(text) if ext == "json" else [json.loads(line) for line in text.splitlines()]
        header, rows = list(records[0]), [list(r.values()) for r in records]
    assert_same_table(write(work, case, "csv"), header, rows)


def test_wide_comparison_keeps_range_soft_period_year_and_more(work):
    header, rows = csv_rows(write(work, "compare_range", "csv"))
    cells = {row[0]: dict(zip(header, row)) for row in rows}
    col = "=cmd 目标 2024"
    gdp, rd = cells["gdp_growth"], cells["rd_intensity"]
    assert (gdp[col], gdp[f"{col} value_max"], gdp[f"{col} soft"]) == ("5", "6", "false")
    assert (rd[col], rd[f"{col} soft"], rd[f"{col} period"], rd[f"{col} refers_to"]) == ("3.2", "true", "annual", "2024")
    assert gdp[f"{col} more"] == "0"


def test_unknown_extension_is_a_usage_error(work):
    code, out, err = polcmp("compare", "临海", "-o", str(work / "x.docx"))
    assert code == ExitCode.CANNOT_RUN and out == ""
    assert len(err.strip().splitlines()) == 1 and ".xlsx" in err and ".dta" in err and "-f" in err
    assert not (work / "x.docx").exists()
    code, _, err = polcmp("compare", "临海", "-o", str(work / "x.docx"), "-f", "csv")   # -f wins
    assert code == ExitCode.OK, err


def test_a_missing_writer_names_the_pip_command(work, tmp_path):
    for module in ("openpyxl", "pyarrow"):   # a stand-in package that cannot be imported
        (tmp_path / module).mkdir()
        (tmp_path / module / "__init__.py").write_text("raise ImportError('not here')\n")
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}"}
    for ext, extra in (("xlsx", "xlsx"), ("parquet", "parquet")):
        code, _, err = polcmp("extract", str(SEEDS / "临海_2023.txt"), "-o", str(tmp_path / f"x.{ext}"), env=env)
        assert code == ExitCode.CANNOT_RUN
        assert err.strip() == f"polcmp: error: writing .{ext} needs {'openpyxl' if ext == 'xlsx' else 'pyarrow'}: " \
                              f"pip install 'polcmp[{extra}]'"
        assert not (tmp_path / f"x.{ext}").exists()


def test_binary_format_into_a_pipe_is_the_file(work):
    """`polcmp rules list -f parquet > rules.parquet` (stdout is not a terminal)."""
    proc = subprocess.run([sys.executable, "-m", "polcmp", "rules", "list", "-f", "parquet"], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert proc.returncode == ExitCode.OK, proc.stderr
    table = pq.read_table(io.BytesIO(proc.stdout))
    assert table.column_names[:2] == ["id", "name"] and table.schema.field("patterns").type == pa.int64()
    assert table.num_rows > 10


@pytest.mark.parametrize("ext", ["csv", "xlsx", "dta"])
def test_codebook_describes_the_file_beside_it(tmp_path, ext):
    target = tmp_path / f"panel.{ext}"
    code, _, err = polcmp("compare", "临海", "永嘉", "--long", "-o", str(target), "--codebook")
    assert code == ExitCode.OK, err
    package = json.loads((tmp_path / "panel.datapackage.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    assert resource["path"] == target.name and resource["format"] == ext
    fields = resource["schema"]["fields"]
    if ext == "csv":
        columns = csv_rows(target)[0]
        assert resource["encoding"] == "utf-8-sig" and resource["dialect"]["delimiter"] == ","   # -o: a BOM
    elif ext == "xlsx":
        columns = read_xlsx(target)[2]
    else:
        columns = list(pyreadstat.read_dta(str(target), metadataonly=True)[0].columns)
    assert [f["name"] for f in fields] == columns
    assert all(f["type"] in ("string", "integer", "number", "boolean") for f in fields)
    by_name = {f.get("x-polcmp-column", f["name"]): f for f in fields}
    assert by_name["value"]["title"] == FIELDS["value"][1] and by_name["quote"]["description"] == FIELDS["quote"][2]


def test_codebook_needs_an_output_file():
    code, out, err = polcmp("track", "临海", "--codebook")
    assert code == ExitCode.CANNOT_RUN and out == "" and "-o FILE" in err


def test_stata_names_are_valid_unique_and_deterministic():
    columns = ["value", "end", "临海 目标 2023", "临海 目标 2023 qualifier", "永嘉 目标 2023 qualifier",
               "a" * 40, "a" * 40 + "b", "2023", "v3_2023"]
    names = stata_names(columns)
    assert names == stata_names(columns)
    assert names["value"] == "value" and names["end"] == "end_"   # end is reserved in Stata
    assert names["临海 目标 2023 qualifier"] == "v4_2023_qualifier" and names["2023"] == "v8_2023"
    assert len(set(names.values())) == len(columns)
    assert all(len(n) <= 32 and n.isascii() and not n[0].isdigit() for n in names.values())


def test_wide_place_columns_are_described_from_the_cell_fields():
    fields = {f.name: f for f in describe(["indicator", "临海 目标 2023", "临海 目标 2023 more",
                                           "临海 目标 2023 refers_to", "mystery"], place_columns=["临海 目标 2023"])}
    assert fields["临海 目标 2023"].type == "number" and fields["临海 目标 2023 more"].type == "integer"
    assert fields["临海 目标 2023 refers_to"].title == "临海 目标 2023 " + FIELDS["refers_to"][1]
    assert fields["indicator"].description == FIELDS["indicator"][2] and fields["mystery"].type == "string"
