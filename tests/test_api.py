"""The Python API as a notebook uses it: only `import polcmp` and its public names, checked
against the command line's CSV output, and the wheel's one import name."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import polcmp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LINHAI = SEEDS / "临海_2023.txt"


def cli_csv(*args: str) -> list[dict]:
    """The command's CSV output, as rows of strings."""
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args, "-f", "csv"], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return list(csv.DictReader(io.StringIO(proc.stdout)))


def as_text(frame: pd.DataFrame) -> list[dict]:
    """The frame as the CSV writer shows it: empty for missing, 6.5 not 6.50, true/false."""
    def cell(x):
        if x is None or (isinstance(x, float) and pd.isna(x)):
            return ""
        if isinstance(x, bool):
            return str(x).lower()
        if isinstance(x, float) and x.is_integer():
            return str(int(x))
        return str(x)
    return [{k: cell(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def test_public_names():
    assert set(polcmp.__all__) == {"extract", "compare", "track", "catalogue", "explain", "read_numbers",
                                   "write", "PolcmpError"}
    for name in polcmp.__all__:
        assert getattr(polcmp, name).__doc__, name


def test_the_api_never_imports_the_command_line():
    probe = ("import sys, polcmp\n"
             "polcmp.extract(sys.argv[1]); polcmp.compare(['临海']); polcmp.catalogue()\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click'}),"
             " sorted(m for m in sys.modules if m.startswith('polcmp.cli')))\n")
    proc = subprocess.run([sys.executable, "-c", probe, str(LINHAI)], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[] []"


def test_extract_a_file_matches_the_command():
    frame = polcmp.extract(LINHAI)
    assert list(frame.columns) == list(cli_csv("extract", str(LINHAI))[0])
    assert as_text(frame) == cli_csv("extract", str(LINHAI))


def test_extract_text_folder_and_list():
    frame = polcmp.extract("今年地区生产总值增长6.5%以上，居民消费价格涨幅3%左右。")
    assert frame[["indicator", "value", "qualifier"]].values.tolist() == [["gdp_growth", 6.5, ">="],
                                                                          ["cpi_growth", 3, "~"]]
    folder = polcmp.extract(SEEDS, indicators=["gdp_growth"], status="target")
    assert set(folder["indicator"]) == {"gdp_growth"} and set(folder["status"]) == {"target"}
    listed = polcmp.extract([LINHAI, SEEDS / "永嘉_2024.txt"])
    assert set(listed["place"]) == {"临海", "永嘉"}


def test_words_only_when_asked():
    text = "主要预期目标是：地区生产总值增长6%左右，城乡居民收入增长与经济增长同步。"
    assert polcmp.extract(text)["value"].notna().all()
    words = polcmp.extract(text, words=True)
    assert "与经济增长同步" in set(words["qualifier_text"].dropna())


def test_errors_raise_or_warn(tmp_path):
    with pytest.raises(polcmp.PolcmpError, match="no such file"):
        polcmp.extract("missing_2023.txt")
    (tmp_path / "empty_2023.txt").write_text("")
    with pytest.raises(polcmp.PolcmpError, match="empty report"):
        polcmp.extract([tmp_path / "empty_2023.txt"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = polcmp.extract([tmp_path / "empty_2023.txt", LINHAI], errors="warn")
    assert "empty report" in str(caught[0].message) and set(frame["place"]) == {"临海"}
    with pytest.raises(polcmp.PolcmpError, match="did you mean gdp_growth"):
        polcmp.extract(LINHAI, indicators=["gdp"])
    with pytest.raises(polcmp.PolcmpError, match="no report for '杭州'"):
        polcmp.compare(["杭州"])


@pytest.mark.parametrize("long", [False, True])
def test_compare_matches_the_command(long):
    frame = polcmp.compare(["临海", "永嘉", "龙港"], long=long)
    expected = cli_csv("compare", "临海", "永嘉", "龙港", *(["--long"] if long else []))
    assert list(frame.columns) == list(expected[0]) and as_text(frame) == expected


def test_compare_status_all_and_groups():
    frame = polcmp.compare(["临海"], status="all", groups=["economy"])
    assert {"临海 目标 2023", "临海 实绩 2022"} <= set(frame.columns)
    assert set(frame["indicator"]) == {r["indicator"] for r in cli_csv("compare", "临海", "--status", "all",
                                                                          "--group", "economy")}


def test_track_matches_the_command():
    frame = polcmp.track(["全国", "北京"], indicators=["gdp_growth"], years=(2019, 2023))
    expected = cli_csv("track", "全国", "北京", "-i", "gdp_growth", "--years", "2019-2023")
    assert as_text(frame) == expected
    assert set(frame["verdict"]) <= {"met", "missed", "no target", "no result", "no numeric target"}


def test_catalogue_explain_numbers():
    cat = polcmp.catalogue()
    assert as_text(cat) == cli_csv("rules", "list")
    readings = polcmp.explain("城镇调查失业率控制在5.5%以内")
    assert readings[["indicator", "value", "qualifier"]].values.tolist() == [["unemployment_surveyed", 5.5, "<="]]
    numbers = polcmp.read_numbers("四万五千元和2万-6万元")
    assert numbers[["raw", "value", "value_max"]].fillna(0).values.tolist() == [["四万五千元", 45000, 0],
                                                                                  ["2万-6万元", 20000, 60000]]


def test_the_wheel_installs_one_import_name(tmp_path):
    """Built as a user's pip would, the wheel holds `polcmp` (with cli, indicators, rules.yaml
    and the seeds inside) and its metadata, nothing else at the top; and it runs from there."""
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip().splitlines()[-1:]}")
    wheel = next(tmp_path.glob("polcmp-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        z.extractall(tmp_path / "site")
    assert {n.split("/")[0] for n in names} == {"polcmp", wheel.name.split("-py")[0] + ".dist-info"}
    for inside in ("polcmp/__init__.py", "polcmp/__main__.py", "polcmp/cli/main.py", "polcmp/indicators/api.py",
                   "polcmp/indicators/rules.yaml", "polcmp/indicators/seeds/临海_2023.txt"):
        assert inside in names
    probe = "import polcmp; print(polcmp.__file__); print(len(polcmp.compare(['临海'])))"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    where, rows = proc.stdout.split()
    assert where.startswith(str(tmp_path / "site")) and int(rows) > 10


def test_write_each_format_and_its_codebook(tmp_path):
    import json

    panel = polcmp.track(["全国", "北京"], indicators=["gdp_growth"])
    readers = {"csv": pd.read_csv, "parquet": pd.read_parquet, "dta": pd.read_stata,
               "xlsx": lambda p: pd.read_excel(p, header=1)}
    for fmt, read in readers.items():
        path = polcmp.write(panel, tmp_path / f"panel.{fmt}", codebook=True)
        back = read(path)
        assert list(back.columns) == list(panel.columns) and len(back) == len(panel)
        assert back["target"].astype(float).fillna(-1).tolist() == panel["target"].astype(float).fillna(-1).tolist()
        package = json.loads((tmp_path / "panel.datapackage.json").read_text(encoding="utf-8"))
        fields = package["resources"][0]["schema"]["fields"]
        assert [f["name"] for f in fields] == list(panel.columns) and package["resources"][0]["format"] == fmt
        year = next(f for f in fields if f["name"] == "year")
        assert "about" in year["description"]   # a track's year is the year the target is about
    with pytest.raises(polcmp.PolcmpError, match="unknown extension"):
        polcmp.write(panel, tmp_path / "panel.docx")


def test_write_refuses_folders_and_devices_and_says_why_a_write_failed(tmp_path):
    frame = polcmp.extract(str(ROOT / "seeds" / "临海_2023.txt"))
    for target in (tmp_path, "/dev/null"):   # never replaced by a regular file
        with pytest.raises(polcmp.PolcmpError, match="not a regular file"):
            polcmp.write(frame, target, fmt="csv")
    assert Path("/dev/null").is_char_device() and tmp_path.is_dir()
    with pytest.raises(polcmp.PolcmpError, match="No such file or directory"):
        polcmp.write(frame, tmp_path / "missing" / "out.csv")
