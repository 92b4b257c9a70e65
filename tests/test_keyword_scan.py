"""Keyword-first reading (indicators/keyword_scan.py) must change no value: every report read
only in the sentences that name a subject gives what reading every sentence gives."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from polcmp.indicators import compiled, keyword_scan
from polcmp.indicators.catalogue import load_catalogue
from polcmp.indicators.extract import Extractor, _Run
from polcmp.indicators.keyword_scan import KeywordIndex
from polcmp.indicators.literals import required_words
from polcmp.indicators.reports import read_report, report_from_text

from conftest import ROOT
from test_safe_regex import polcmp

SLICE = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt")) \
    + sorted((ROOT / "tests" / "fixtures" / "flattened").glob("*.txt"))


def both_ways(extractor: Extractor, report) -> tuple[list[dict], list[dict]]:
    """(values read keyword-first, values read from every sentence), as plain dicts."""
    fast = _Run(extractor, report).values()
    slow = _Run(extractor, report, read_everything=True).values()
    return [dataclasses.asdict(v) for v in fast], [dataclasses.asdict(v) for v in slow]


@pytest.mark.parametrize("path", SLICE, ids=lambda p: p.name)
def test_keyword_first_reads_what_reading_everything_reads(extractor, path):
    fast, slow = both_ways(extractor, read_report(path))
    assert fast == slow and slow


def test_a_user_catalogue_reads_the_same_both_ways():
    extractor = Extractor(load_catalogue(None, [ROOT / "tests" / "catalogues" / "roads.yaml"]))
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        fast, slow = both_ways(extractor, read_report(path))
        assert fast == slow


def own_catalogue(tmp_path: Path, indicator: dict) -> Extractor:
    """An extractor of a catalogue with one indicator (on the built-in fragments and units)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(json.dumps({"indicators": [{"name": "我的", "group": "economy", **indicator}]},
                               ensure_ascii=False), encoding="utf-8")
    catalogue = load_catalogue(None, [mine])
    catalogue.indicators = [i for i in catalogue.indicators if i.id == indicator["id"]]
    return Extractor(catalogue)


def test_a_keyword_made_only_by_sharing_words_is_read(extractor):
    """The item after 、 shares the first item's words: 粮食 + 总产. No keyword of the catalogue
    stands in the sentence: it is read for the pieces of 粮食总产 on either side of 、."""
    text = "各位代表：\n去年，完成粮食种植面积871.5万亩、总产达65.9亿斤。\n"
    report = report_from_text(text, "x_2023.txt")
    assert not extractor.keywords.present(report.work)
    fast, slow = both_ways(extractor, report)
    assert fast == slow and [(v["indicator"], v["value"]) for v in fast] == [("grain_output", 3295000)]


def test_a_keyword_made_only_by_a_shared_tail_is_read(tmp_path):
    """城镇、农村居民收入: 城镇 borrows the last item's tail; 城镇居民收入 is nowhere in the text."""
    extractor = own_catalogue(tmp_path, {"id": "mine", "unit": "%", "patterns": ["城镇居民收入"], "link": "{GROWTH}"})
    report = report_from_text("各位代表：\n去年，城镇、农村居民收入分别增长6%和8%。\n", "x_2023.txt")
    assert not extractor.keywords.present(report.work)
    fast, slow = both_ways(extractor, report)
    assert fast == slow and [v["value"] for v in fast] == [6]


@pytest.mark.parametrize("text", [
    "全年新增企业技术中心12家\n以上新增高新技术企业30家。",       # a qualifier on the next line
    "研发投入增长12%,高新技术企业数增长15%、\n16%。",              # a list that goes on across a line end
    "城乡居民人均可支配收入分别增长6%和7%。",                     # 城乡 expanded to 城镇 / 农村
    "新增100家国家高新技术企业。新增国家高新技术企业\n50家。",
])
def test_sentences_that_reach_across_a_line_read_the_same(extractor, text):
    report = report_from_text(f"各位代表：\n今年的主要目标是：{text}\n去年，{text}\n", "x_2023.txt")
    fast, slow = both_ways(extractor, report)
    assert fast == slow


def test_only_sentences_with_a_keyword_are_read(extractor):
    report = report_from_text("各位代表：\n粮食总产量达到60万吨。全年接待游客2000万人次。\n", "x_2023.txt")
    regions = extractor.keywords.regions(report.work)
    assert [report.work[a:b] for a, b in regions] == ["粮食总产量达到60万吨。"]


def test_a_pattern_without_a_keyword_makes_every_sentence_read(tmp_path):
    extractor = own_catalogue(tmp_path, {"id": "mine", "unit": "%", "patterns": ["[x-z]{2}"], "link": "{GROWTH}"})
    assert extractor.keywords.reads_everything and extractor.keywords.regions("xy增长5%。") is None
    fast, slow = both_ways(extractor, report_from_text("各位代表：\nxy增长5%。\n", "x_2023.txt"))
    assert fast == slow and [v["value"] for v in fast] == [5]


def test_rules_check_names_the_patterns_without_a_keyword(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(json.dumps({"indicators": [{"id": "mine", "name": "我的", "group": "economy", "unit": "%",
                                                "patterns": ["[x-z]{2}"]}]}, ensure_ascii=False), encoding="utf-8")
    code, out, err, _ = polcmp("rules", "check", "--extra-rules", str(mine))
    assert code == 0 and "mine pattern 1 ([x-z]{2}): no word every match contains" in out, (out, err)
    code, out, _, _ = polcmp("rules", "check")
    assert code == 0 and "without a keyword" not in out


@pytest.mark.parametrize(("pattern", "words"), [
    ("生产总值", {"生产总值"}),
    ("(?:地区|国内)?(?:生产总值|GDP)", {"生产总值", "GDP"}),
    ("粮食(?:年)?(?:总产量|总产|产量)", {"粮食总产量", "粮食总产", "粮食产量", "粮食年总产量", "粮食年总产", "粮食年产量"}),
    ("(?<!的)(?:全市)?税收(?:收入)?", {"税收"}),
    ("(?:高层次|高端)[^,]{0,6}?人才", {"高层次", "高端"}),   # the first of equally long sets
    ("[城镇]+居民", {"居民"}),
])
def test_required_words_are_the_longest_every_match_contains(pattern, words):
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", ["(?:生产总值)?", "(?i)gdp", "[^,]+", "(?:a|b*)", r"\d+"])
def test_no_required_word_means_no_gate(pattern):
    assert required_words(pattern) is None


def test_the_compiled_index_is_kept_by_content_and_rebuilt_when_damaged(monkeypatch, tmp_path):
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    args = (["地区生产总值", "固定资产投资"], [], ["城乡"], 42)
    first = KeywordIndex.cached(*args)
    stored = list((tmp_path / compiled.SUBFOLDER).glob(f"*{compiled.SUFFIX}"))
    assert len(stored) == 1

    def no_compiling(words):
        raise AssertionError("compiled again")
    monkeypatch.setattr(keyword_scan, "_database", no_compiling)
    again = KeywordIndex.cached(*args)
    text = "全年地区生产总值增长6%。游客增长8%。固定资产投资增长5%。"
    assert again.regions(text) == first.regions(text) == [(0, 13), (20, 31)]
    assert again.present("固定资产投资增长") == first.present("固定资产投资增长") != set()

    monkeypatch.undo()
    monkeypatch.setenv("POLCMP_CACHE", str(tmp_path))
    stored[0].write_text('{"words": 1}', encoding="utf-8")   # damaged: compiled afresh, no error
    assert KeywordIndex.cached(*args).regions(text) == first.regions(text)
