"""polcmp extract end to end, through the real console script: formats, errors, exit codes."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from polcmp.cli.status import ExitCode

from conftest import ROOT, SEEDS

LINHAI = str(SEEDS / "临海_2023.txt")


def polcmp(*args, stdin: bytes | None = None, env: dict | None = None, cwd=None):
    """Run `python -m cli …` like a user would; returns (code, stdout, stderr)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("POLCMP_RULES", None) if env is None or "POLCMP_RULES" not in env else None
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], input=stdin, capture_output=True,
                          env=full_env, cwd=cwd or ROOT)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_piped_output_is_csv_with_the_spec_columns():
    code, out, err = polcmp("extract", LINHAI)
    assert code == ExitCode.OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:14] == ["place", "year", "indicator", "label", "value", "unit", "qualifier", "soft",
                                  "status", "raw", "quote", "start", "end", "file"]
    gdp = next(r for r in rows if r["indicator"] == "gdp_growth")
    assert (gdp["value"], gdp["qualifier"], gdp["raw"]) == ("6.5", ">=", "6.5%以上")
    firms = next(r for r in rows if r["indicator"] == "hightech_firms_new")
    assert firms["qualifier"] == "="      # a bare qualifier symbol is not a formula


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv", "table"])
def test_every_format(fmt):
    code, out, err = polcmp("extract", LINHAI, "-f", fmt)
    assert code == ExitCode.OK, err
    assert "高新技术企业" in out          # Chinese is never escaped
    if fmt == "json":
        rows = json.loads(out)
        assert {"indicator": "hightech_firms_new", "value": 40}.items() <= rows[9].items() or \
            any(r["indicator"] == "hightech_firms_new" and r["value"] == 40 for r in rows)
    if fmt == "jsonl":
        assert all(json.loads(line)["place"] == "临海" for line in out.splitlines())


def test_filters_and_stdin():
    code, out, _ = polcmp("extract", "-", "-f", "jsonl", "--indicator", "gdp_growth",
                          stdin=Path(LINHAI).read_bytes())
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["indicator"] for r in rows] == ["gdp_growth"] and rows[0]["file"] is None
    code, out, _ = polcmp("extract", LINHAI, "-f", "jsonl", "--status", "achieved")
    assert code == 0 and out == ""


def test_output_file_is_written_atomically_with_bom(tmp_path):
    target = tmp_path / "out.csv"
    code, out, _ = polcmp("extract", LINHAI, "-o", str(target), "--bom")
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert list(tmp_path.iterdir()) == [target]       # no temporary file left behind


def test_a_failed_run_redirected_to_a_file_writes_nothing(tmp_path):
    target = tmp_path / "out.csv"
    with open(target, "wb") as out:   # `polcmp extract missing.txt > out.csv`: stdout is a file
        proc = subprocess.run([sys.executable, "-m", "polcmp", "extract", str(tmp_path / "missing.txt")],
                              stdout=out, stderr=subprocess.PIPE, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == ExitCode.CANNOT_RUN and target.read_bytes() == b""
    with open(target, "wb") as out:   # a successful one gets the BOM Excel needs
        subprocess.run([sys.executable, "-m", "polcmp", "extract", LINHAI], stdout=out, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert target.read_bytes().startswith("\ufeffplace,year".encode("utf-8"))


def test_refuses_to_overwrite_an_input(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(Path(LINHAI).read_bytes())
    code, _, err = polcmp("extract", str(report), "-o", str(report))
    assert code == ExitCode.CANNOT_RUN and "refusing" in err
    assert report.read_bytes() == Path(LINHAI).read_bytes()


def test_formula_injection_is_neutralised(tmp_path):
    report = tmp_path / "=cmd_2023.txt"
    report.write_text("新增国家高新技术企业40家。", encoding="utf-8")
    code, out, _ = polcmp("extract", str(report))
    row = next(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["place"] == "'=cmd"


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "no reports in this directory"),
    (lambda d: (d / "empty.txt").write_bytes(b"") and d / "empty.txt" or d / "empty.txt", "empty report"),
    (lambda d: (d / "bin.txt").write_bytes(bytes(range(256)) * 8) and d / "bin.txt" or d / "bin.txt", "binary"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    code, out, err = polcmp("extract", str(path))
    assert code == ExitCode.CANNOT_RUN
    assert out == "" and err.count("\n") == 1 and message in err and "Traceback" not in err


def test_some_inputs_failing_is_exit_1_and_the_rest_is_output(tmp_path):
    code, out, err = polcmp("extract", str(tmp_path / "missing.txt"), LINHAI, "-f", "jsonl")
    assert code == ExitCode.PARTIAL and "no such file" in err and len(out.splitlines()) > 10


def test_gb18030_file_needs_no_flag(tmp_path):
    path = tmp_path / "临海_2023.txt"
    path.write_bytes(Path(LINHAI).read_text(encoding="utf-8").encode("gb18030"))
    _, utf8_out, _ = polcmp("extract", LINHAI, "-f", "jsonl")
    code, out, _ = polcmp("extract", str(path), "-f", "jsonl")
    strip = lambda s: [{k: v for k, v in json.loads(line).items() if k != "file"} for line in s.splitlines()]
    assert code == 0 and strip(out) == strip(utf8_out)


def test_invalid_catalogue_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("indicators: [\n", encoding="utf-8")
    for args, env in ((["--rules", str(bad)], None), ([], {"POLCMP_RULES": str(bad)})):
        code, out, err = polcmp("extract", LINHAI, *args, env=env)
        assert code == ExitCode.CANNOT_RUN and "not valid YAML" in err and err.count("\n") == 1


def test_unknown_indicator_suggests_the_closest():
    code, _, err = polcmp("extract", LINHAI, "--indicator", "gdp_grwoth")
    assert code == ExitCode.CANNOT_RUN and "did you mean gdp_growth" in err


def test_runs_from_any_directory(tmp_path):
    code, out, err = polcmp("extract", LINHAI, "-f", "jsonl", cwd=tmp_path)
    assert code == 0 and out, err


@pytest.mark.parametrize("command", ["extract", "compare", "places", "text", "explain", "rules list",
                                     "rules check", "rules test"])
def test_every_command_has_help_and_is_in_the_readme(command):
    code, out, _ = polcmp(*command.split(), "--help")
    assert code == 0 and "Usage" in out
    assert f"polcmp {command}" in (ROOT / "README.md").read_text(encoding="utf-8")
