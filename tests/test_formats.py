"""Reports as users have them: Markdown, HTML pages, DOCX, PDF, GB18030, whole directories."""
from __future__ import annotations

import builtins
import json
import zipfile

import pytest

from polcmp.indicators.errors import ReportError
from polcmp.indicators.reports import read_report

from conftest import TESTS
from test_cli import polcmp

REVIEW_AND_PLAN = ("一、2022年工作回顾\n过去一年，全市地区生产总值增长3.5%，新增国家高新技术企业60家。\n"
                   "二、2023年目标任务\n建议2023年经济社会发展的主要预期指标为：生产总值增长6.5%以上；"
                   "新增国家高新技术企业40家；实际使用外资2500万美元。\n")
EXPECTED = [("gdp_growth", 3.5, "achieved"), ("hightech_firms_new", 60, "achieved"), ("gdp_growth", 6.5, "target"),
            ("hightech_firms_new", 40, "target"), ("fdi_actual", 25000000, "target")]


def found(extractor, path):
    report = read_report(path)
    rows = extractor.extract(report)
    for r in rows:
        assert report.text[r.start:r.end] == r.raw
    return [(r.indicator, r.value, r.status) for r in rows]


def test_markdown(tmp_path, extractor):
    path = tmp_path / "临海_2023.md"
    path.write_text(REVIEW_AND_PLAN.replace("一、", "## 一、").replace("二、", "## 二、"), encoding="utf-8")
    assert found(extractor, path) == EXPECTED


def test_html_page_from_a_government_site(tmp_path, extractor):
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>临海市人民政府</title></head><body>
    <div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/xxgk">2023年信息公开目录</a></div>
    <div class="content"><h1>政府工作报告</h1>
    {''.join(f'<p>{line}</p>' for line in REVIEW_AND_PLAN.splitlines())}</div>
    <div class="footer">版权所有：临海市人民政府办公室 浙ICP备12345678号 访问量：221381 <a href="#">网站地图</a></div>
    </body></html>"""
    path = tmp_path / "临海_2023.html"
    path.write_bytes(page.encode("gb18030"))
    assert found(extractor, path) == EXPECTED
    text = read_report(path).text
    assert "政务公开" not in text and "ICP" not in text


def make_docx(path, paragraphs):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:p><w:r><w:t>{p[:5]}</w:t></w:r><w:r><w:t>{p[5:]}</w:t></w:r></w:p>' for p in paragraphs)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
                   f'<w:body>{body}</w:body></w:document>')


def test_docx(tmp_path, extractor):
    path = tmp_path / "临海_2023.docx"
    make_docx(path, REVIEW_AND_PLAN.splitlines())
    assert found(extractor, path) == EXPECTED


def test_pdf_lines_are_rejoined(extractor):
    # tests/fixtures/report.pdf breaks lines inside 3.|5% and 高新技|术企业 (see make_pdf.py)
    assert found(extractor, TESTS / "fixtures" / "report.pdf") == EXPECTED


def test_gb18030_and_utf16_text(tmp_path, extractor):
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"临海_2023.{encoding}.txt"
        path.write_bytes(REVIEW_AND_PLAN.encode(encoding))
        assert found(extractor, path) == EXPECTED


def test_missing_optional_library_says_how_to_install(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>新增国家高新技术企业40家</p></body></html>", encoding="utf-8")
    with pytest.raises(ReportError, match=r"pip install 'polcmp\[html\]'"):
        read_report(path)


def test_directory_argument_and_jobs(tmp_path):
    (tmp_path / "临海_2023.txt").write_text(REVIEW_AND_PLAN, encoding="utf-8")
    make_docx(tmp_path / "永嘉_2024.docx", ["新增高新技术企业40家、省科技型中小企业100家。"])
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff not a report")       # not a report suffix: skipped
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 broken")                # a report that fails
    code, out, err = polcmp("extract", str(tmp_path), "-f", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and "broken.pdf" in err and err.count("\n") == 1
    assert [(r["place"], r["indicator"]) for r in rows][-2:] == [("永嘉", "hightech_firms_new"), ("永嘉", "tech_smes_new")]
    code2, out2, _ = polcmp("extract", str(tmp_path), "-f", "jsonl", "--jobs", "2")
    assert code2 == 1 and out2 == out


def test_jobs_keep_the_order(tmp_path):
    corpus = TESTS / "corpus"
    _, one, _ = polcmp("extract", str(corpus), "-f", "jsonl")
    code, two, _ = polcmp("extract", str(corpus), "-f", "jsonl", "--jobs", "2")
    assert code == 0 and one == two and len(one.splitlines()) >= 50


def test_text_command_prints_what_offsets_point_into():
    pdf = TESTS / "fixtures" / "report.pdf"
    code, text, _ = polcmp("text", str(pdf))
    _, out, _ = polcmp("extract", str(pdf), "-f", "jsonl")
    assert code == 0
    for row in map(json.loads, out.splitlines()):
        assert text[row["start"]:row["end"]] == row["raw"]
