"""-o as users expect: stdout for -, the umask's or the old file's permissions, one-line errors
for paths that cannot be written, "wrote N rows", nothing written inside polcmp, a background
that rebuilds byte for byte, and one message for Ctrl-C under --jobs."""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from polcmp.cli.status import ExitCode
from polcmp.indicators.words import load_background, save_background

from conftest import ROOT, SEEDS
from test_cli import LINHAI, polcmp

SHIPPED_BACKGROUND = ROOT / "indicators" / "background.tsv.gz"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0   # root may write anywhere: no permission errors


def polcmp_umask(umask: int, *args):
    """polcmp run with this umask (set in the child before it starts)."""
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=lambda: os.umask(umask))
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(tmp_path, umask, expected):
    target = tmp_path / "out.csv"
    code, _, err = polcmp_umask(umask, "extract", LINHAI, "-o", str(target))
    assert code == ExitCode.OK, err
    assert mode(target) == expected
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("old_mode", [0o644, 0o664, 0o600])
def test_overwriting_keeps_the_files_mode(tmp_path, old_mode):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(old_mode)
    code, _, err = polcmp_umask(0o027, "extract", LINHAI, "-o", str(target))   # 0640 if it were new
    assert code == ExitCode.OK, err
    assert mode(target) == old_mode and target.read_text(encoding="utf-8-sig").startswith("place,year")


def test_writing_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, err = polcmp("extract", LINHAI, "-o", str(link))
    assert code == ExitCode.OK, err
    assert link.is_symlink() and real.read_text(encoding="utf-8-sig").startswith("place,year")


def test_a_failed_run_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("keep me\n")
    code, _, _ = polcmp("extract", str(tmp_path / "missing.txt"), "-o", str(target))
    assert code == ExitCode.CANNOT_RUN and target.read_text() == "keep me\n"
    assert list(tmp_path.iterdir()) == [target]


COMMANDS = {
    "extract": ["extract", LINHAI],
    "compare": ["compare", "临海"],
    "track": ["track", "临海"],
    "cascade": ["cascade", "gdp_growth"],
    "places": ["places"],
    "rules list": ["rules", "list"],
    "explain": ["explain", "生产总值增长6.5%以上"],
    "mentions": ["mentions", "人才"],
    "keywords": ["keywords", "临海", "永嘉"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_dash_is_stdout_for_every_command(tmp_path, command):
    env = {"POLCMP_CACHE": str(tmp_path / "cache")}
    code, plain_out, _ = polcmp(*command, "-f", "csv", env=env, cwd=tmp_path)
    assert code == ExitCode.OK and plain_out
    code, out, err = polcmp(*command, "-f", "csv", "-o", "-", env=env, cwd=tmp_path)
    assert code == ExitCode.OK, err
    assert out == plain_out and "wrote" not in err
    assert not (tmp_path / "-").exists()


def test_wrote_n_rows_to_file(tmp_path):
    target = tmp_path / "out.csv"
    code, out, err = polcmp("extract", LINHAI, "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert code == ExitCode.OK and out == "" and len(rows) > 1
    assert err == f"polcmp: wrote {len(rows)} rows to {target}\n"
    code, _, err = polcmp("rules", "list", "-f", "jsonl", "-o", str(tmp_path / "rules.jsonl"))
    assert err == f"polcmp: wrote {len((tmp_path / 'rules.jsonl').read_text().splitlines())} rows to " \
                  f"{tmp_path / 'rules.jsonl'}\n"


def test_no_rows_line_for_a_rendered_table(tmp_path):
    target = tmp_path / "table.txt"
    code, _, err = polcmp("compare", "临海", "-f", "table", "-o", str(target))
    assert code == ExitCode.OK and err == "" and "研发投入强度" in target.read_text()


def unwritable_cases():
    cases = [
        pytest.param(lambda d: d / "nonexistent" / "dir" / "x.csv", "no such directory", id="missing-folder"),
        pytest.param(lambda d: d, "is a directory", id="a-directory"),
        pytest.param(lambda d: (d / "file").write_text("x") and d / "file" / "x.csv", "is not a directory",
                     id="folder-is-a-file"),
        pytest.param(lambda d: ROOT / "indicators" / "x.csv", "part of polcmp itself", id="inside-polcmp"),
        pytest.param(lambda d: ROOT / "cli" / "sub" / "x.csv", "part of polcmp itself", id="inside-polcmp-deeper"),
        pytest.param(lambda d: ROOT / "rules.yaml", "part of polcmp itself", id="the-shipped-catalogue"),
    ]
    root_only = pytest.mark.skipif(AS_ROOT, reason="root is allowed to write anywhere")

    def locked_folder(d):
        (d / "locked").mkdir()
        (d / "locked").chmod(0o500)
        return d / "locked" / "x.csv"

    def read_only_file(d):
        (d / "ro.csv").write_text("keep\n")
        (d / "ro.csv").chmod(0o444)
        return d / "ro.csv"
    cases += [pytest.param(locked_folder, "permission denied", id="locked-folder", marks=root_only),
              pytest.param(read_only_file, "permission denied", id="read-only-file", marks=root_only)]
    return cases


@pytest.mark.parametrize(("make", "message"), unwritable_cases())
@pytest.mark.parametrize("command", [COMMANDS["extract"], COMMANDS["compare"]], ids=["extract", "compare"])
def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path, make, message, command):
    target = make(tmp_path)
    before = sorted(p.name for p in target.parent.iterdir()) if target.parent.is_dir() else None
    code, out, err = polcmp(*command, "-o", str(target))
    assert code == ExitCode.CANNOT_RUN, err
    assert out == "" and err.count("\n") == 1 and message in err and "Traceback" not in err
    if before is not None:
        assert sorted(p.name for p in target.parent.iterdir()) == before   # nothing made, nothing lost


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_background_needs_an_output_and_never_touches_the_shipped_one(tmp_path):
    shipped = digest(SHIPPED_BACKGROUND)
    code, out, err = polcmp("keywords", "--build-background", str(SEEDS), env={"POLCMP_CACHE": str(tmp_path)})
    assert code == ExitCode.CANNOT_RUN and out == "" and err.count("\n") == 1 and "needs -o FILE" in err
    code, _, err = polcmp("keywords", "--build-background", str(SEEDS), "-o", str(SHIPPED_BACKGROUND),
                          env={"POLCMP_CACHE": str(tmp_path)})
    assert code == ExitCode.CANNOT_RUN and "part of polcmp itself" in err
    assert digest(SHIPPED_BACKGROUND) == shipped


def test_build_background_is_byte_identical(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("临海_2023.txt", "永嘉_2024.txt", "龙港_2023.txt"):
        shutil.copy(SEEDS / name, corpus / name)
    built = []
    for run in ("a", "b"):
        target = tmp_path / f"{run}.tsv.gz"
        code, _, err = polcmp("keywords", "--build-background", str(corpus), "-o", str(target),
                              env={"POLCMP_CACHE": str(tmp_path / f"cache-{run}")})   # each segments afresh
        assert code == ExitCode.OK, err
        built.append(target.read_bytes())
        time.sleep(1.1)   # a gzip header with a time in it would now differ
    assert built[0] == built[1]
    assert built[0][3] == 0 and built[0][4:8] == b"\0\0\0\0"   # no file name, no time in the header
    counts = load_background(tmp_path / "a.tsv.gz")
    assert counts and all(n >= 3 for n in counts.values())


def test_save_background_does_not_depend_on_insertion_order(tmp_path):
    words = {"产业": 12, "企业": 12, "人才": 40, "泵阀": 3, "罕见": 2}
    outputs = []
    for order in (list(words), list(reversed(words))):
        buffer = io.BytesIO()
        save_background(Counter({w: words[w] for w in order}), buffer, documents=7)
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1]
    text = gzip.decompress(outputs[0]).decode("utf-8")
    assert text == "#documents\t7\n人才\t40\n产业\t12\n企业\t12\n泵阀\t3\n"


def test_the_shipped_background_was_written_by_the_deterministic_writer():
    data = SHIPPED_BACKGROUND.read_bytes()
    assert data[3] == 0 and data[4:8] == b"\0\0\0\0"
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert lines[0] == "#documents\t300"
    pairs = [(-int(n), term) for term, n in (line.split("\t") for line in lines[1:])]
    assert pairs == sorted(pairs)


def group_processes(pgid: int) -> list[str]:
    return subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout.split()


@pytest.mark.skipif(not shutil.which("pgrep"), reason="needs pgrep to see the worker processes")
def test_ctrl_c_under_jobs_is_one_message_and_exit_130(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        for name in ("临海_2023.txt", "永嘉_2024.txt", "金华_2023.txt", "芝罘_2023.txt", "龙港_2023.txt"):
            shutil.copy(SEEDS / name, folder / f"{name[:-4]}_{i}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "polcmp", "extract", str(folder), "--jobs", "2",
                             "-o", str(tmp_path / "out.csv")],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)   # its own group, like a terminal job
    deadline = time.monotonic() + 30
    while len(group_processes(proc.pid)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)   # until the parent and both workers run
    assert len(group_processes(proc.pid)) >= 3, "the workers never started"
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)   # what Ctrl-C does: every process of the group gets it
    _, err = proc.communicate(timeout=60)
    lines = err.decode("utf-8").splitlines()
    assert proc.returncode == ExitCode.INTERRUPTED, lines
    assert lines == ["polcmp: error: interrupted"]
    time.sleep(0.3)
    assert group_processes(proc.pid) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]   # no half-written output, no temp file
