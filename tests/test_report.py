"""polcmp report without a browser: the page is self-contained, escapes what it shows, and the
command fails as every command does."""
from __future__ import annotations

import re

from polcmp.cli.status import ExitCode
from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.corpus import Entry
from polcmp.indicators.extract import Extractor
from polcmp.indicators.html_report import ReportPage, build_html
from polcmp.indicators.reports import report_from_text

from conftest import ROOT
from test_hostile_inputs import digest, polcmp

HOSTILE = "<script>alert(1)</script>"


def page_of(text: str, place: str = "临海") -> str:
    catalogue = load_catalogue()
    report = report_from_text(text, f"{place}_2023.txt")
    values = Extractor(catalogue).extract(report)
    return build_html([ReportPage(Entry(place, 2023, f"{place}_2023.txt"), values, report.text)], catalogue)


def test_the_page_needs_nothing_from_outside():
    html = page_of((ROOT / "seeds" / "临海_2023.txt").read_text(encoding="utf-8"))
    assert "default-src 'none'" in html   # the browser itself refuses any request
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", html)
    assert "<mark id=" in html and "table class=compare" in html


def test_report_text_and_names_are_escaped():
    html = page_of(f"{HOSTILE}全市地区生产总值增长6.5%。\n", place=HOSTILE)
    assert HOSTILE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_every_value_is_marked_where_it_stands():
    text = (ROOT / "seeds" / "永嘉_2024.txt").read_text(encoding="utf-8")
    html = page_of(text, "永嘉")
    marks = re.findall(r'<mark id="m0-\d+" class="st-\w+" title="[^"]*" [^>]*data-raw="([^"]*)"[^>]*>([^<]*)</mark>', html)
    assert marks and all(raw == shown for raw, shown in marks)


def test_unknown_place_and_output_over_an_input_are_one_line(tmp_path):
    code, _, err, _ = polcmp("report", "不存在的地方", "--corpus", str(ROOT / "seeds"))
    assert code == ExitCode.CANNOT_RUN and len(err.strip().splitlines()) == 1
    report = tmp_path / "临海_2023.txt"
    report.write_bytes((ROOT / "seeds" / "临海_2023.txt").read_bytes())
    before = digest(report)
    code, _, err, _ = polcmp("report", str(report), "-o", str(report))
    assert code == ExitCode.CANNOT_RUN and "input" in err and digest(report) == before
