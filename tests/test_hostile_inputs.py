"""Issue 13, nothing hangs: hostile or odd inputs end in one line on stderr and a documented
exit code, quickly, and leave the input files as they were."""
from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from polcmp.cli.status import ExitCode
from polcmp.indicators.errors import ReportError
from polcmp.indicators.formats import docx_to_text

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20   # seconds: generous; each of these takes one or two


def polcmp(*args, timeout: float = LIMIT):
    """Run the command; (code, stdout, stderr, seconds)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    env.pop("POLCMP_RULES", None)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "polcmp", *args], capture_output=True, env=env,
                          cwd=ROOT, timeout=timeout + 10)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), time.monotonic() - started


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path, *args, code=ExitCode.CANNOT_RUN, says: str = "") -> str:
    """Assert polcmp extract PATH (its only input: exit 2) fails in one line, in time, and leaves PATH unchanged."""
    before = digest(path)
    got, _, err, seconds = polcmp("extract", str(path), *args)
    assert got == code, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    assert says in err
    assert seconds < LIMIT
    assert digest(path) == before
    return err


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(path: Path, xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return path


def body(inner: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{inner}</w:body></w:document>'.encode()


def test_billion_laughs_docx_is_refused(tmp_path):
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i-1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}><w:body><w:p><w:r>'
           f'<w:t>&a9;</w:t></w:r></w:p></w:body></w:document>').encode()
    refused(docx(tmp_path / "laughs.docx", xml), says="DOCTYPE")


def test_external_entity_docx_is_refused(tmp_path):
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    refused(docx(tmp_path / "xxe.docx", xml), says="DOCTYPE")


def test_zip_bomb_docx_is_refused_past_the_cap(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("word/document.xml", "w") as f:
        f.write(body("<w:p><w:r><w:t>"))
        for _ in range(80):   # 80 MB of spaces, about 80 KB zipped
            f.write(b" " * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 2_000_000
    refused(path, says="too large when decompressed")


def test_deeply_nested_docx_neither_hangs_nor_recurses(tmp_path):
    depth = 50_000
    xml = body("<w:p>" * depth + "<w:r><w:t>增长6%</w:t></w:r>" + "</w:p>" * depth)
    refused(docx(tmp_path / "deep.docx", xml), says="nested")
    deep_runs = body("<w:p>" + "<w:r>" * depth + "<w:t>地区生产总值增长6%。</w:t>" + "</w:r>" * depth + "</w:p>")
    path = docx(tmp_path / "deep_runs.docx", deep_runs)
    assert "地区生产总值增长6%" in docx_to_text(path.read_bytes(), str(path))


def test_nested_paragraphs_keep_document_order():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("word/document.xml", body("<w:p><w:r><w:t>外</w:t></w:r><w:p><w:r><w:t>内</w:t>"
                                             "</w:r></w:p></w:p><w:p><w:r><w:t>后</w:t></w:r></w:p>"))
    assert docx_to_text(data.getvalue(), "x").split("\n") == ["外内", "内", "后"]


def test_docx_that_is_not_a_zip_or_not_xml(tmp_path):
    not_zip = tmp_path / "broken.docx"
    not_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    refused(not_zip, says="not a valid .docx")
    refused(docx(tmp_path / "notxml.docx", b"<w:document <<<"), says="not valid XML")
    with pytest.raises(ReportError):
        docx_to_text(b"hello", "x")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_before_reading(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    code, _, err, seconds = polcmp("extract", device)
    assert code == ExitCode.CANNOT_RUN and len(err.strip().splitlines()) == 1, err   # the only input failed
    assert "not a regular file" in err and seconds < LIMIT


def test_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)   # opening it to read would wait for a writer for ever
    code, _, err, seconds = polcmp("extract", str(fifo))
    assert code == ExitCode.CANNOT_RUN and len(err.strip().splitlines()) == 1, err
    assert "not a regular file" in err and seconds < LIMIT


def test_a_bad_file_among_good_ones_is_exit_1(tmp_path):
    good = tmp_path / "临海_2021.txt"
    good.write_text("2021年地区生产总值增长6.5%。\n", encoding="utf-8")
    code, out, err, _ = polcmp("extract", str(good), "/dev/zero", "-f", "csv")
    assert code == ExitCode.PARTIAL and "/dev/zero" in err and len(err.strip().splitlines()) == 1, err
    assert "gdp" in out


def test_proc_file_is_refused():
    code, _, err, seconds = polcmp("extract", "/proc/self/status")
    assert code == ExitCode.CANNOT_RUN and "not a regular file" in err, err
    assert len(err.strip().splitlines()) == 1 and seconds < LIMIT


def test_corpus_proc_is_exit_2():
    code, _, err, seconds = polcmp("places", "--corpus", "/proc")
    assert code == ExitCode.CANNOT_RUN, err
    assert len(err.strip().splitlines()) == 1 and "internal error" not in err and seconds < LIMIT


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",          # truncated
    b"%PDF-1.4\n" + b"\x00\xff" * 500,                                        # garbage after the magic
    b"%PDF-1.5\ntrailer << /Encrypt << /Filter /Standard /V 5 /R 6 >> /Root 1 0 R >>\n%%EOF\n",
])
def test_unreadable_pdfs_are_one_line(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    refused(path)


def test_not_a_pdf_despite_the_name(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    refused(path)


def test_a_one_line_report_costs_its_length_not_its_square(tmp_path):
    """5 MB with no line end: the sentence window is bounded, so time grows with the length."""
    clause = "地区生产总值增长6.5%，"
    times = {}
    for kb in (100, 400):
        path = tmp_path / f"line{kb}.txt"
        path.write_text(clause * (kb * 1024 // len(clause.encode())), encoding="utf-8")
        code, out, err, times[kb] = polcmp("extract", str(path), "-f", "jsonl", timeout=60)
        assert code == ExitCode.OK, err
        assert out.count("\n") > kb * 1024 // len(clause.encode()) // 2
    assert times[400] < 4 * times[100] + 3, times   # quadratic would be 16 times


@pytest.mark.parametrize("number", ["9" * 600, "1" + "0" * 600 + ".5", "一" * 600, "十" * 600, "万" * 600,
                                    "一千" * 300, "一万亿" * 200])
def test_absurd_numbers_are_read_or_refused_quickly(tmp_path, number):
    path = tmp_path / "临海_2021.txt"
    path.write_text(f"2021年地区生产总值增长{number}%，新增企业{number}家。\n", encoding="utf-8")
    before = digest(path)
    for args in (("extract", str(path), "-f", "csv"), ("explain", f"地区生产总值增长{number}%")):
        code, _, err, seconds = polcmp(*args)
        assert code in (ExitCode.OK, ExitCode.PARTIAL, ExitCode.CANNOT_RUN), err
        assert "Traceback" not in err and "internal error" not in err, err
        assert len(err.strip().splitlines()) <= 1 and seconds < LIMIT
    assert digest(path) == before


def test_a_report_with_more_numbers_than_any_real_one_is_read_in_part(tmp_path):
    """25,000 numbers (the densest real report has about 1,000): read up to the cap, said in one line."""
    path = tmp_path / "临海_2021.txt"
    path.write_text("2021年地区生产总值增长6.5%，" + "新增企业12家，" * 25_000 + "\n", encoding="utf-8")
    before = digest(path)
    code, out, err, seconds = polcmp("extract", str(path), "-f", "jsonl")
    assert code == ExitCode.OK and seconds < LIMIT
    line, = err.strip().splitlines()
    cut = re.fullmatch(rf"polcmp: {re.escape(str(path))}: more than 20,000 numbers: only those before character "
                       r"([\d,]+) were read", line)
    assert cut and 19_990 * 8 < int(cut[1].replace(",", "")) < 20_010 * 8, line
    assert '"gdp_growth"' in out and digest(path) == before


# Random bytes, and random text made of what reports are made of, never crash polcmp: reading
# either works or raises ReportError, and extraction of what was read returns values.
REPORT_ALPHABET = "0123456789.%，。、；：（）()\n 年月日万亿元家人个项以上左右增长下降达到力争确保全市生产总值目标预期一二三四五六七八九十百千零两半分之"


@pytest.fixture(scope="module")
def extractor():
    from polcmp.indicators.catalogue import load_catalogue
    from polcmp.indicators.extract import Extractor
    return Extractor(load_catalogue())


def _read_and_extract(tmp_path, data: bytes, extractor, name="临海_2023.txt"):
    from polcmp.indicators.reports import read_report
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    try:
        values = extractor.extract(read_report(path))
    except ReportError as e:
        assert "\n" not in str(e)
        values = []
    assert time.monotonic() - started < 5
    return values


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_or_hang(tmp_path, extractor, data):
    _read_and_extract(tmp_path, data, extractor)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=REPORT_ALPHABET, max_size=3000), st.sampled_from(["utf-8", "gb18030", "utf-16"]),
       st.sampled_from(["临海_2023.txt", "x.md", "x.html"]))
def test_random_report_text_never_crashes_or_hangs(tmp_path, extractor, text, encoding, name):
    for v in _read_and_extract(tmp_path, text.encode(encoding), extractor, name):
        assert v.quote and (v.value is None or v.value == v.value)   # no NaN


def test_workers_end_when_a_pipe_reader_stops_reading(tmp_path):
    """`polcmp extract --jobs 2 … | head -1`: SIGPIPE ends the parent, and its workers end with it."""
    corpus = tmp_path / "many_reports"
    corpus.mkdir()
    for n in range(60):
        for seed in (ROOT / "seeds").glob("*.txt"):
            (corpus / f"{seed.stem.split('_')[0]}{n}_2023.txt").write_bytes(seed.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    subprocess.run(f"'{sys.executable}' -m polcmp extract '{corpus}' --jobs 2 -f csv | head -1 > /dev/null",
                   shell=True, env=env, cwd=ROOT, timeout=60, check=False)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = subprocess.run(["pgrep", "-f", str(corpus)], capture_output=True, text=True).stdout.split()
        if not left:
            break
        time.sleep(0.2)
    assert not left, "workers left running"
