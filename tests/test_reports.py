"""Reading reports: encodings, bad files, normalisation, place and year."""
from __future__ import annotations


import pytest

from polcmp.indicators.errors import ReportError
from polcmp.indicators.reports import canonical_place, read_report, report_from_text

TEXT = "现在，我代表临海市人民政府向大会报告政府工作。新增国家高新技术企业40家。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_report(path).text == TEXT


def test_forced_encoding(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_report(path, encoding="gb18030").text == TEXT
    with pytest.raises(ReportError, match="cannot decode as utf-8"):
        read_report(path, encoding="utf-8")


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty report"),
    (b"  \n\n ", "empty report"),
    (bytes(range(256)) * 20, "binary file"),
    (b"%PDF-1.7\n...", "cannot read this PDF"),
    (b"PK\x03\x04rest", "not a valid .docx file"),
    (b"\x89PNG\r\n\x1a\n....", "PNG image"),
])
def test_bad_files(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError, match=reason):
        read_report(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(ReportError, match="is a directory"):
        read_report(tmp_path)


def test_normalise_keeps_offsets_and_masks_slogans():
    text = "生产总值增长６．５％；省“315”创新体系、\"2+4+X\"产业\n221381\n微信扫码领取福利\n"
    work = report_from_text(text).work
    assert len(work) == len(text)
    assert "6.5%;" in work and "“###”" in work and "\"#+#+X\"" in work
    assert "221381" not in work and "扫码" not in work


def test_ascii_quotes_pair_left_to_right():
    text = '新增省级"专精特新"企业200家、优质"小升规"企业500家、"510"平台'
    work = report_from_text(text).work
    assert "企业200家" in work and "企业500家" in work and '"###"' in work


def test_newlines_and_bom():
    report = report_from_text("\ufeff第一行\r\n第二行\r第三行")
    assert report.text == "第一行\n第二行\n第三行"


def test_place_and_year_from_file_name_or_text(tmp_path):
    path = tmp_path / "临海市_2023.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert (read_report(path).place, read_report(path).year) == ("临海", 2023)
    other = tmp_path / "report.txt"
    other.write_text("政府工作报告\n——2023年1月5日在临海市第十七届人民代表大会第二次会议上\n" + TEXT, encoding="utf-8")
    assert (read_report(other).place, read_report(other).year) == ("临海", 2023)


@pytest.mark.parametrize(("name", "place"), [("临海市", "临海"), ("芝罘区", "芝罘"), ("永嘉县", "永嘉"),
                                             ("云南省", "云南省"), ("延边朝鲜族自治州", "延边朝鲜族自治州"),
                                             ("宁夏回族自治区", "宁夏回族自治区"), ("浦东新区", "浦东新区")])
def test_canonical_place(name, place):
    assert canonical_place(name) == place


def test_real_reports_extract_cleanly(extractor):
    from conftest import TESTS
    for path in sorted((TESTS / "corpus").glob("*.txt")):
        report = read_report(path)
        rows = extractor.extract(report)
        assert rows, path
        assert {r.status for r in rows} == {"target", "achieved"}, path
        for r in rows:
            assert report.text[r.start:r.end] == r.raw
