"""The words a pattern cannot match without (asides and word targets are looked for only
around them): they may only rule out texts the pattern cannot match."""
from __future__ import annotations

import re

import pytest

from polcmp.indicators.literals import required_literals


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


def test_the_words_never_rule_out_a_match():
    patterns = ["(?:地区|国内)?(?:生产总值|GDP)", "[城镇]+居民人均可支配收入", "(?:新增|新认定)高新技术企业"]
    for text in ("全市地区生产总值增长6%", "城镇居民人均可支配收入增长5%", "新认定高新技术企业40家", "其他内容"):
        for p in patterns:
            assert not re.search(p, text) or any(w in text for w in required_literals(p))
