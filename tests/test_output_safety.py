"""Issue 13, nothing is lost: no -o writes over an input of the run, SIGTERM leaves no temporary
file, an unreadable folder is named, headers are no formulas, file names print on one line and
as UTF-8, and text in an encoding polcmp cannot tell is an error, not mojibake."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.batch import expand_inputs
from polcmp.indicators.errors import ReportError, printable
from polcmp.indicators.reports import decode, read_report

from conftest import ROOT, SEEDS
from test_cli import LINHAI

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args, cwd=None):
    """polcmp as a user runs it; arguments may be bytes (a file name that is not UTF-8)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("POLCMP_RULES", None)
    env.pop("POLCMP_CORPUS", None)
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], capture_output=True, env=env, cwd=cwd or ROOT)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(code: int, err: str, *inputs: Path, before: list[str]) -> None:
    assert code == ExitCode.CANNOT_RUN, err
    assert len(err.splitlines()) == 1, err
    assert "is an input of this run" in err, err
    assert [digest(p) for p in inputs] == before


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("临海_2023.txt", "永嘉_2024.txt"):
        shutil.copy(SEEDS / name, folder / name)
    return folder


# ---------------------------------------------------------------- 1. one guard for every input


def test_extract_refuses_a_report_by_name_hard_link_and_symbolic_link(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(LINHAI, report)
    before = [digest(report)]
    os.link(report, tmp_path / "hard.csv")
    os.symlink(report, tmp_path / "soft.csv")
    for target in ("r.txt", "hard.csv", "soft.csv"):
        code, _out, err = run("extract", "r.txt", "-f", "csv", "-o", target, cwd=tmp_path)
        refused(code, err, report, before=before)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", [["compare", "临海"], ["track", "临海"], ["places"], ["mentions", "临海", "创新"],
                                     ["keywords", "临海", "永嘉"]])
def test_a_corpus_report_is_never_an_output(corpus, command):
    report = corpus / "永嘉_2024.txt"
    before = [digest(report)]
    code, _out, err = run(*command, "--corpus", str(corpus), "-f", "csv", "-o", str(report))
    refused(code, err, report, before=before)


@pytest.mark.parametrize("option", ["--rules", "--extra-rules"])
def test_a_catalogue_is_never_an_output(tmp_path, option):
    rules = tmp_path / "mine.yaml"
    shutil.copy(ROOT / "rules.yaml", rules) if option == "--rules" else rules.write_text("indicators: []\n")
    before = [digest(rules)]
    code, _out, err = run("extract", LINHAI, option, str(rules), "-f", "csv", "-o", str(rules))
    refused(code, err, rules, before=before)
    code, _out, err = run("rules", "list", str(rules), "-f", "csv", "-o", str(rules))
    refused(code, err, rules, before=before)


def test_explain_refuses_its_file(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(LINHAI, report)
    before = [digest(report)]
    code, _out, err = run("explain", str(report), "--line", "3", "-f", "csv", "-o", str(report))
    refused(code, err, report, before=before)


def test_keywords_refuses_its_background_and_the_folder_it_counts(tmp_path, corpus):
    background = tmp_path / "bg.tsv.gz"
    shutil.copy(ROOT / "indicators" / "background.tsv.gz", background)
    before = [digest(background)]
    code, _out, err = run("keywords", "临海", "--corpus", str(corpus), "--background", str(background),
                          "-f", "csv", "-o", str(background))
    refused(code, err, background, before=before)
    report = corpus / "临海_2023.txt"
    before = [digest(report)]
    code, _out, err = run("keywords", "--build-background", str(corpus), "-o", str(report))
    refused(code, err, report, before=before)


def test_dev_null_and_stdout_are_written_into_other_devices_refused():
    code, out, err = run("extract", LINHAI, "-o", "/dev/null")
    assert code == ExitCode.OK, err
    assert out == b"" and os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    code, out, err = run("extract", LINHAI, "-f", "csv", "-o", "/dev/stdout")
    assert code == ExitCode.OK, err
    assert out.decode("utf-8-sig").startswith("place,year,indicator")
    if os.path.exists("/dev/zero"):
        code, out, err = run("extract", LINHAI, "-f", "csv", "-o", "/dev/zero")
        assert code == ExitCode.CANNOT_RUN and len(err.splitlines()) == 1 and "not a regular file" in err, err


# ---------------------------------------------------------------- 2. SIGTERM


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_removes_the_temporary_file_and_keeps_the_old_output(tmp_path, jobs):
    reports = tmp_path / "many"
    reports.mkdir()
    for i in range(200):
        shutil.copy(LINHAI, reports / f"临海{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{i // 10:02d}_2023.txt".replace("0", "〇"))
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "polcmp", "extract", str(reports), "-j", jobs, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.csv.*.tmp")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)   # a few reports into the run
    proc.send_signal(signal.SIGTERM)
    _stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.TERMINATED == 143, stderr
    assert stderr.decode().strip().splitlines()[-1] == "polcmp: error: terminated"
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many", "out.csv"]


# ---------------------------------------------------------------- 3. unreadable folders are named


def test_an_unreadable_folder_is_a_report_error(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "shut").mkdir()
    shutil.copy(LINHAI, tmp_path / "open" / "临海_2023.txt")
    shutil.copy(LINHAI, tmp_path / "shut" / "永嘉_2024.txt")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "shut":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    paths, problems = expand_inputs([str(tmp_path)])
    assert paths == [str(tmp_path / "open" / "临海_2023.txt")]
    assert len(problems) == 1 and isinstance(problems[0], ReportError)
    assert str(problems[0]) == f"{tmp_path / 'shut'}: cannot read this folder: Permission denied; its reports are skipped"


@pytest.mark.skipif(AS_ROOT, reason="root reads any folder")
def test_an_unreadable_folder_makes_the_run_partial(tmp_path):
    (tmp_path / "shut").mkdir()
    shutil.copy(LINHAI, tmp_path / "临海_2023.txt")
    shutil.copy(LINHAI, tmp_path / "shut" / "永嘉_2024.txt")
    os.chmod(tmp_path / "shut", 0)
    try:
        code, out, err = run("extract", str(tmp_path), "-f", "csv")
    finally:
        os.chmod(tmp_path / "shut", 0o755)
    assert code == ExitCode.PARTIAL, err
    assert err.splitlines() == [f"polcmp: error: {tmp_path / 'shut'}: cannot read this folder: Permission denied; "
                                f"its reports are skipped"]
    assert "gdp_growth" in out.decode("utf-8-sig")


# ---------------------------------------------------------------- 4. output safety


def test_csv_and_tsv_headers_are_no_formulas():
    from polcmp.cli.output import Format, write_records
    for fmt, sep in ((Format.csv, ","), (Format.tsv, "\t")):
        out = io.StringIO()
        write_records([{"=HYPERLINK(\"x\") 2023": 5, "indicator": "gdp"}], ["indicator", "=HYPERLINK(\"x\") 2023"], fmt, out)
        header = next(csv.reader(io.StringIO(out.getvalue()), delimiter=sep))
        assert header == ["indicator", "'=HYPERLINK(\"x\") 2023"]


def test_library_writers_neutralise_headers_too(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    from polcmp.indicators.writers import write_frame
    frame = pd.DataFrame({"indicator": ["gdp"], "=HYPERLINK(\"x\") 2023": [5]})
    write_frame(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text("utf-8-sig").splitlines()[0] == "indicator,\"'=HYPERLINK(\"\"x\"\") 2023\""
    write_frame(frame, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["data"]
    for row in (1, 2):
        cell = sheet.cell(row=row, column=2)
        assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_printable_escapes_controls_and_undecodable_bytes():
    assert printable("a\nb\x1b.txt") == "a\\nb\\x1b.txt"
    assert printable(os.fsdecode(b"r\xff.txt")) == "r\\xff.txt"
    assert printable("临海_2023.txt") == "临海_2023.txt"


def test_a_file_name_with_a_newline_is_one_line():
    code, _out, err = run("extract", "no\nsuch.txt")
    assert code == ExitCode.CANNOT_RUN
    assert err.splitlines() == ["polcmp: error: no\\nsuch.txt: no such file"]


def test_a_file_name_that_is_not_utf8_is_escaped_in_messages_and_json(tmp_path):
    name = os.fsencode(tmp_path) + b"/\xe4\xb8\xb4\xe6\xb5\xb7\xff_2023.txt"   # 临海 and a stray byte
    with open(name, "wb") as f:
        f.write(Path(LINHAI).read_bytes())
    code, out, err = run("extract", name, "-f", "json")
    assert code == ExitCode.OK, err
    rows = json.loads(out.decode("utf-8"))   # valid UTF-8 JSON
    assert rows and all(r["file"] == f"{tmp_path}/临海\\xff_2023.txt" for r in rows)
    code, _out, err = run("extract", b"/nowhere/\xff\n.txt")
    assert err.splitlines() == ["polcmp: error: /nowhere/\\xff\\n.txt: no such file"]


JAPANESE = ("令和5年度の市政方針について申し上げます。私たちのまちは、人口減少と少子高齢化という大きな課題に"
            "直面しています。経済成長率は2.5パーセントを目標とし、雇用の創出に努めます。\n") * 20


KOREAN = ("2023년 시정연설을 드리겠습니다. 우리 시는 인구 감소와 저출산 고령화라는 큰 과제에 직면해 있습니다. "
          "경제성장률 2.5퍼센트를 목표로 일자리 창출에 힘쓰겠습니다.\n") * 20


@pytest.mark.parametrize(("text", "encoding"), [(JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"), (KOREAN, "euc_kr")])
def test_text_in_an_encoding_polcmp_cannot_tell_is_an_error(tmp_path, text, encoding):
    """EUC-KR reads as GB18030 into common characters, but not in the proportions of Chinese."""
    japanese = tmp_path / "市政方針_2023.txt"
    japanese.write_bytes(text.encode(encoding))
    with pytest.raises(ReportError, match="cannot tell the text encoding"):
        read_report(japanese)
    code, _out, err = run("extract", str(japanese), LINHAI, "-f", "csv")
    assert code == ExitCode.PARTIAL
    assert err.splitlines() == [f"polcmp: error: {japanese}: cannot tell the text encoding: not UTF-8, UTF-16 or "
                                f"GB18030 text (try --encoding)"]
    code, _out, err = run("extract", str(japanese), "--encoding", encoding, "-f", "csv")
    assert code == ExitCode.OK, err


def test_chinese_in_every_encoding_polcmp_detects_still_decodes():
    text = Path(LINHAI).read_text("utf-8")
    traditional = "經濟增長率為百分之二點五，努力創造就業機會。我們的城市面臨人口減少和高齡化的重大課題。\n" * 10
    for sample in (text, traditional):
        for codec in ("gb18030", "utf-16-le", "utf-16-be"):
            assert decode(sample.encode(codec), "x") == sample
    with pytest.raises(ReportError, match="cannot tell the text encoding"):
        decode(traditional.encode("big5"), "x")   # Big5 read as GB18030 is mostly rare characters


def test_the_list_of_common_characters_is_as_its_script_builds_it(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    import build_common_han
    monkeypatch.setattr(build_common_han, "OUT", tmp_path / "common_han.txt")
    build_common_han.main()
    assert (tmp_path / "common_han.txt").read_text(encoding="utf-8") == \
        (ROOT / "indicators" / "common_han.txt").read_text(encoding="utf-8"), "run: python bench/build_common_han.py"


# ---------------------------------------------------------------- failed writes: exit 2, one line

def _polcmp_with(args, stdout=subprocess.PIPE, preexec=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    env.pop("POLCMP_RULES", None)
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], stdout=stdout, stderr=subprocess.PIPE, env=env,
                          cwd=ROOT, preexec_fn=preexec, timeout=120)
    return proc.returncode, proc.stderr.decode("utf-8")


@pytest.mark.parametrize("args", [["extract", "seeds", "-f", "csv"], ["compare", "临海", "永嘉", "-f", "json"],
                                  ["text", LINHAI], ["rules", "list"], ["track", "临海", "-f", "csv"]])
def test_a_full_disk_on_stdout_is_exit_2_in_one_line(args):
    with open("/dev/full", "w") as full:
        code, err = _polcmp_with(args, stdout=full)
    assert code == ExitCode.CANNOT_RUN and err == "polcmp: error: standard output: No space left on device\n"


def test_a_closed_stdout_is_exit_2_and_an_output_file_still_works(tmp_path):
    code, err = _polcmp_with(["extract", "seeds", "-f", "json"], preexec=lambda: os.close(1))
    assert code == ExitCode.CANNOT_RUN and len(err.splitlines()) == 1 and "standard output: closed" in err
    out = tmp_path / "out.csv"
    code, err = _polcmp_with(["extract", "seeds", "-o", str(out)], preexec=lambda: os.close(1))
    assert code == ExitCode.OK and out.stat().st_size > 1000


def test_a_write_that_fails_midway_keeps_the_old_file(tmp_path):
    """The file-size limit stands in for a full disk: EFBIG halfway through a 100 KB output."""
    import resource

    out = tmp_path / "values.csv"
    out.write_text("the old output\n", encoding="utf-8")

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    code, err = _polcmp_with(["extract", "seeds", "-o", str(out)], preexec=small_files)
    assert code == ExitCode.CANNOT_RUN and err == f"polcmp: error: --output {out}: File too large\n"
    assert out.read_text(encoding="utf-8") == "the old output\n"
    assert [p.name for p in tmp_path.iterdir()] == ["values.csv"]   # no temporary file left
