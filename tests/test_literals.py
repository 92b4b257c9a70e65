"""The substring test that runs before a subject pattern: it may only rule out texts the
pattern cannot match (the outputs on the whole corpus and panel are identical with it)."""
from __future__ import annotations

import re

import pytest

from polcmp.indicators.literals import LiteralGate, required_literals


@pytest.mark.parametrize(("pattern", "words"), [
    ("生产总值", {"生产总值"}),
    ("(?:地区|国内)?(?:生产总值|GDP)", {"生产总值", "GDP"}),
    ("(?<![\u4e00-\u9fff])(?:全市|全省)?固定资产投资", {"固定资产投资"}),
    ("高新技术企业(?:数)?", {"高新技术企业"}),
    ("[城镇]+居民", {"居民"}),
    ("(?:研发|R&D)(?:经费)?投入强度", {"投入强度"}),
])
def test_required_literals(pattern, words):
    assert required_literals(pattern) == words


@pytest.mark.parametrize("pattern", [
    "(?:生产总值)?", "(?i)gdp", "[^，]+", "(?:a|b*)", r"\d+",
])
def test_no_required_literal_means_no_gate(pattern):
    assert required_literals(pattern) is None
    assert LiteralGate([pattern, "生产总值"]).could_match("anything at all")


def test_the_gate_never_rules_out_a_match():
    patterns = ["(?:地区|国内)?(?:生产总值|GDP)", "[城镇]+居民人均可支配收入", "(?:新增|新认定)高新技术企业"]
    gate = LiteralGate(patterns)
    for text in ("全市地区生产总值增长6%", "城镇居民人均可支配收入增长5%", "新认定高新技术企业40家", "其他内容"):
        matches = any(re.search(p, text) for p in patterns)
        assert gate.could_match(text) or not matches
    assert not gate.could_match("规上工业增加值增长6%")
    assert gate.could_match("xx生产总值", 2) and not gate.could_match("生产总值xx", 2)
