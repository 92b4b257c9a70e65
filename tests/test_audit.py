"""The audit kit: polcmp sample (a stratified, seeded draw into a coding sheet) and polcmp agree
(precision with Wilson intervals, agreement between coders), from the library and the command."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.audit import (CODER_COLUMNS, SHEET_COLUMNS, VERDICTS, agreement, allocate, cohen_kappa, draw,
                                     krippendorff_alpha, precision, read_sheet, read_sheets, sheet_bytes,
                                     sheet_rows, wilson)
from polcmp.indicators.batch import expand_inputs
from polcmp.indicators.reports import read_report

from conftest import SEEDS
from test_cli import polcmp

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def seed_values(extractor):
    """Every value of the bundled reports (5 counties and the 23 reports of the panel)."""
    paths, _ = expand_inputs([str(SEEDS)])
    return [v for p in paths for v in extractor.extract(read_report(p))]


def text_of(file: str) -> str:
    return read_report(file).text


# ---------------------------------------------------------------- the draw


def test_allocation_is_even_and_fills_short_strata_in_proportion():
    rng = random.Random(0)
    assert allocate({("a", "t"): 100, ("b", "t"): 100, ("c", "t"): 100}, 30, rng) == \
        {("a", "t"): 10, ("b", "t"): 10, ("c", "t"): 10}
    # c has 2 of its 10: the 8 missing go to a and b in proportion to what they have left (90 : 40)
    got = allocate({("a", "t"): 100, ("b", "t"): 50, ("c", "t"): 2}, 30, rng)
    assert got == {("a", "t"): 16, ("b", "t"): 12, ("c", "t"): 2}
    # fewer values wanted than strata: one each from the largest
    got = allocate({("a", "t"): 5, ("b", "t"): 9, ("c", "t"): 7, ("d", "t"): 1}, 2, rng)
    assert got == {("a", "t"): 0, ("b", "t"): 1, ("c", "t"): 1, ("d", "t"): 0}
    # more wanted than there are: all of them
    assert allocate({("a", "t"): 3, ("b", "a"): 4}, 50, rng) == {("a", "t"): 3, ("b", "a"): 4}


@pytest.mark.parametrize("n", [1, 7, 30, 64, 100, 250, 437, 1000])
def test_allocation_sums_to_n_and_never_asks_too_much(n):
    sizes = {(f"i{k}", s): size for k, (s, size) in enumerate(
        [("target", 1), ("achieved", 2), ("target", 40), ("achieved", 3), ("target", 17), ("achieved", 300),
         ("target", 5), ("achieved", 69)])}
    got = allocate(sizes, n, random.Random(n))
    assert sum(got.values()) == min(n, sum(sizes.values()))
    assert all(0 <= got[k] <= sizes[k] for k in sizes)
    # every stratum gets its even share, or all it has when that is less
    assert all(got[k] >= min(sizes[k], n // len(sizes)) for k in sizes)


def test_the_same_seed_draws_the_same_sample_whatever_the_input_order(seed_values):
    first = draw(seed_values, 40, seed=14)
    shuffled = seed_values[:]
    random.Random(1).shuffle(shuffled)
    again = draw(shuffled, 40, seed=14)
    assert [(v.file, v.start, v.indicator) for v in first.values] == [(v.file, v.start, v.indicator) for v in again.values]
    other = draw(seed_values, 40, seed=15)
    assert [(v.file, v.start) for v in other.values] != [(v.file, v.start) for v in first.values]


def test_the_draw_is_stratified_by_indicator_and_status(seed_values):
    sample = draw(seed_values, 150, seed=3)
    assert len(sample.values) == 150
    counted = Counter((v.indicator, v.status) for v in sample.values)
    assert counted == +Counter(sample.drawn)
    numeric = Counter((v.indicator, v.status) for v in seed_values if v.value is not None)
    assert sample.population == dict(sorted(numeric.items()))
    # 150 over the strata: every stratum gets its share or all it has
    share = 150 // len(numeric)
    assert all(counted[k] >= min(size, share) for k, size in numeric.items())
    assert all(v.value is not None for v in sample.values)   # targets in words are never drawn


def test_sheet_rows_point_into_the_report(seed_values):
    rows = sheet_rows(draw(seed_values, 60, seed=5), text_of)
    assert len({r["sample_id"] for r in rows}) == 60 and rows[0]["sample_id"] == "s5-001"
    for row in rows:
        text = text_of(row["file"])
        assert text[row["start"]:row["end"]] == row["raw"]
        assert row["raw"] in row["quote"] and row["quote"] in text
        assert f"【{row['raw']}】" in row["context"]
        assert all(row[c] is None for c in CODER_COLUMNS)
        assert list(row) == list(SHEET_COLUMNS)


# ---------------------------------------------------------------- statistics against reference values


@pytest.mark.parametrize("x, n, low, high", [
    # Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson score, no correction)
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
    # 8 of 10: 0.490–0.943 (Agresti & Coull 1998 use the same score interval)
    (8, 10, 0.4902, 0.9433),
])
def test_wilson_interval_matches_published_values(x, n, low, high):
    got = wilson(x, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_edges():
    assert wilson(0, 0) is None
    low, high = wilson(30, 30)
    assert high == 1.0 and 0.88 < low < 0.89


def test_cohen_kappa_matches_the_textbook_example():
    # 50 proposals read by two readers: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o 0.7, p_e 0.5, κ 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(["c"] * 5, ["c"] * 5) is None   # one label only: undefined


def test_krippendorff_alpha_by_hand():
    # two coders, 10 units, one disagreement: n = 20 values (15 correct, 5 wrong);
    # alpha = 1 - (n - 1) · disagreeing pairs / expected = 1 - 19 · 2 / (2 · 15 · 5)
    a = ["correct"] * 8 + ["wrong"] * 2
    b = ["correct"] * 7 + ["wrong"] * 3
    assert krippendorff_alpha([a, b]) == pytest.approx(1 - 38 / 150)
    assert krippendorff_alpha([a, a[:]]) == pytest.approx(1.0)
    assert krippendorff_alpha([["correct"] * 3, ["correct"] * 3]) is None
    # a missing coding leaves that unit with one value: it drops out
    assert krippendorff_alpha([a + ["wrong"], b + [None]]) == pytest.approx(1 - 38 / 150)


# ---------------------------------------------------------------- sample → code → agree, end to end


def fill(sheet: Path, out: Path, verdicts: dict[int, str], coder: str, default: str = "correct") -> None:
    """A coder's copy: every row `default` except those numbered in `verdicts` ('' leaves one uncoded)."""
    book = openpyxl.load_workbook(sheet)
    rows = book["sample"]
    column = {c.value: c.column for c in rows[1]}
    for r in range(2, rows.max_row + 1):
        rows.cell(row=r, column=column["verdict"], value=verdicts.get(r - 1, default) or None)
        rows.cell(row=r, column=column["coder"], value=coder)
    book.save(out)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("audit") / "sheet.xlsx"
    code, _, err = polcmp("sample", str(SEEDS), "-n", "20", "--seed", "14", "-o", str(out))
    assert code == ExitCode.OK, err
    assert "drew 20 of" in err and "wrote 20 rows" in err
    return out


def test_sample_writes_a_coding_sheet(sheet, tmp_path):
    book = openpyxl.load_workbook(sheet)
    rows = book["sample"]
    assert [c.value for c in rows[1]] == list(SHEET_COLUMNS)
    assert rows.freeze_panes == "B2" and rows.max_row == 21
    check = rows.data_validations.dataValidation[0]
    assert str(check.sqref) == "Q2:Q21" and all(w in check.formula1 for w in ("correct", "对", "错", "不确定"))
    about = [r for r in book["about"].iter_rows(values_only=True)]
    assert ("seed", 14) == about[[r[0] for r in about].index("seed")][:2]
    read = read_sheet(sheet)
    for row in read.rows:
        text = text_of(row["file"])
        assert text[int(row["start"]):int(row["end"])] == row["raw"] and row["raw"] in row["quote"]
        assert row["verdict"] is None
    # the same command again: the same sample; CSV holds the same rows
    code, out, err = polcmp("sample", str(SEEDS), "-n", "20", "--seed", "14", "-o", str(tmp_path / "again.csv"))
    assert code == ExitCode.OK, err
    again = list(csv.DictReader(io.StringIO((tmp_path / "again.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["sample_id"], r["file"], r["start"], r["raw"]) for r in again] == \
        [(r["sample_id"], r["file"], r["start"], r["raw"]) for r in read.rows]


def test_filters_and_stdout(tmp_path):
    code, out, err = polcmp("sample", str(SEEDS / "panel"), "-n", "6", "--seed", "1", "-i", "gdp_growth",
                            "--status", "target")
    assert code == ExitCode.OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6 and {(r["indicator"], r["status"]) for r in rows} == {("gdp_growth", "target")}
    assert not out.startswith("\ufeff")
    code, out, err = polcmp("sample", str(SEEDS / "临海_2023.txt"), "-n", "500", "--seed", "1")
    assert code == ExitCode.OK and "all of them are in the sheet" in err


def test_round_trip_gives_the_expected_precision_and_agreement(sheet, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    # coder A: rows 3 and 7 wrong, row 9 unsure; coder B (in Chinese): row 3 wrong, row 7 correct,
    # row 9 unsure, row 12 not coded yet
    fill(sheet, a, {3: "wrong", 7: "wrong", 9: "unsure"}, "A")
    fill(sheet, b, {3: "错", 9: "不确定", 12: ""}, "B", default="对")
    code, out, err = polcmp("agree", str(a), str(b), "-f", "json")
    assert code == ExitCode.OK, err
    assert "b.xlsx: 1 of 20 values have no verdict yet" in err
    rows = json.loads(out)
    overall = {r["coder"]: r for r in rows if r["measure"] == "precision" and r["indicator"] == "all"}
    assert (overall["A"]["correct"], overall["A"]["wrong"], overall["A"]["unsure"], overall["A"]["uncoded"]) == (17, 2, 1, 0)
    assert overall["A"]["value"] == pytest.approx(17 / 19, abs=1e-4)
    assert (overall["A"]["ci_low"], overall["A"]["ci_high"]) == pytest.approx(wilson(17, 19), abs=1e-4)
    assert (overall["B"]["correct"], overall["B"]["wrong"], overall["B"]["uncoded"]) == (17, 1, 1)
    measures = {r["measure"]: r for r in rows if r["measure"] != "precision"}
    # 19 values coded by both; they differ on one (row 7): 18 of 19 agree
    assert measures["percent_agreement"]["n"] == 19
    assert measures["percent_agreement"]["value"] == pytest.approx(18 / 19, abs=1e-4)
    a_labels = ["correct"] * 16 + ["wrong"] * 2 + ["unsure"]
    b_labels = ["correct"] * 16 + ["wrong", "correct", "unsure"]
    assert measures["cohen_kappa"]["value"] == pytest.approx(cohen_kappa(a_labels, b_labels), abs=1e-4)
    # alpha by hand: n = 38 values (correct 33, wrong 3, unsure 2), one pair (wrong, correct) disagrees
    expected = 1 - 37 * 2 / (2 * (33 * 3 + 33 * 2 + 3 * 2))
    assert measures["krippendorff_alpha"]["value"] == pytest.approx(expected, abs=1e-4)
    # per indicator: the rows of each indicator add up to the overall counts
    per = [r for r in rows if r["measure"] == "precision" and r["coder"] == "A" and r["indicator"] != "all"]
    assert sum(r["correct"] for r in per) == 17 and sum(r["wrong"] for r in per) == 2
    # the table names what the coders judged differently
    code, out, err = polcmp("agree", str(a), str(b), "-f", "table")
    assert code == ExitCode.OK and "krippendorff_alpha" in out and "s14-007 (wrong / correct)" in out


def test_one_sheet_gives_precision_only(sheet, tmp_path):
    a = tmp_path / "a.csv"
    fill(sheet, tmp_path / "a.xlsx", {2: "WRONG"}, "A")
    read = read_sheet(tmp_path / "a.xlsx")
    a.write_bytes(sheet_bytes([{**r, "start": int(r["start"]), "end": int(r["end"])} for r in read.rows], "csv"))
    [single] = read_sheets([a])
    assert agreement([single]) == []
    overall = precision(single)[-1]
    assert (overall["correct"], overall["wrong"], overall["value"]) == (19, 1, 0.95)


# ---------------------------------------------------------------- bad input


def one_line_refusal(code: int, err: str, words: str) -> None:
    assert code == ExitCode.CANNOT_RUN, err
    assert len(err.strip().splitlines()) == 1 and words in err, err


def test_bad_sheets_are_one_line_exit_2(sheet, tmp_path):
    typo = tmp_path / "typo.xlsx"
    fill(sheet, typo, {4: "maybe", 6: "ok"}, "A")
    one_line_refusal(*polcmp("agree", str(typo))[::2], "unknown verdict 'maybe' in row 5 (and 1 more)")
    no_verdict = tmp_path / "no_verdict.csv"
    no_verdict.write_text("sample_id,indicator,value\ns1-001,gdp_growth,5\n", encoding="utf-8")
    one_line_refusal(*polcmp("agree", str(no_verdict))[::2], "not a coding sheet: no column verdict")
    fake = tmp_path / "report.xlsx"
    shutil.copy(SEEDS / "临海_2023.txt", fake)
    one_line_refusal(*polcmp("agree", str(fake))[::2], "not an .xlsx workbook")
    one_line_refusal(*polcmp("agree", str(SEEDS / "临海_2023.txt"))[::2], "a coding sheet is .xlsx, .csv or .tsv")
    one_line_refusal(*polcmp("agree", str(tmp_path / "missing.xlsx"))[::2], "no such file")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    one_line_refusal(*polcmp("agree", str(binary))[::2], "not a UTF-8 text sheet")


def test_sheets_of_different_samples_are_refused(sheet, tmp_path):
    other = tmp_path / "other.xlsx"
    code, _, err = polcmp("sample", str(SEEDS), "-n", "20", "--seed", "14", "-i", "gdp_growth", "-o", str(other))
    assert code == ExitCode.OK, err
    one_line_refusal(*polcmp("agree", str(sheet), str(other))[::2], "code different samples")


def test_sample_usage_errors(tmp_path):
    one_line_refusal(*polcmp("sample", str(SEEDS), "--seed", "1", "-o", str(tmp_path / "x.parquet"))[::2],
                     "a coding sheet is .xlsx, .csv or .tsv")
    code, _, err = polcmp("sample", str(SEEDS), "-n", "5")
    assert code == ExitCode.CANNOT_RUN and "--seed" in err
    one_line_refusal(*polcmp("sample", str(SEEDS), "--seed", "1", "-i", "gdp_grwoth")[::2], "did you mean gdp_growth")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_output_never_over_an_input(sheet, tmp_path):
    report = tmp_path / "临海_2023.csv"          # a report read as text, whatever its name
    shutil.copy(SEEDS / "临海_2023.txt", report)
    before = digest(report)
    one_line_refusal(*polcmp("sample", str(report), "--seed", "1", "-o", str(report))[::2], "is an input of this run")
    link = tmp_path / "sheet.csv"
    link.symlink_to(report)
    one_line_refusal(*polcmp("sample", str(report), "--seed", "1", "-o", str(link))[::2], "is an input of this run")
    assert digest(report) == before
    coded = tmp_path / "coded.csv"
    code, _, err = polcmp("sample", str(SEEDS / "临海_2023.txt"), "--seed", "1", "-o", str(coded))
    assert code == ExitCode.OK, err
    before = digest(coded)
    one_line_refusal(*polcmp("agree", str(coded), "-o", str(coded))[::2], "is an input of this run")
    assert digest(coded) == before


def test_verdict_words_are_documented():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Audit kit: sample, code, agree")[1].split("\n## ")[0]
    for word in VERDICTS:
        assert word in section
    for command in ("polcmp sample", "polcmp agree"):
        assert command in section


@pytest.mark.parametrize("command", ["sample", "agree"])
def test_help_fits_80_columns(command):
    from rich.cells import cell_len

    code, out, err = polcmp(command, "--help", env={"COLUMNS": "80"})
    assert code == ExitCode.OK and "Usage" in out, err
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    for noise in ("<bool>", "<str>", "<int", "<list", "<path>", "x>=", "<=x"):
        assert noise not in out
