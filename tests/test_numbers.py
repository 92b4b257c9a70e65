"""The number reader on what reports write."""
from __future__ import annotations

import pytest

from indicators.numbers import NumberReader, chinese_to_number, qualifier_before

READER = NumberReader(["%", "个百分点", "家", "个", "人", "平方米", "美元", "元"])


def read(text):
    return [(q.value, q.value_max, q.unit, q.qualifier, text[q.start:q.end]) for q in READER.tokens(text)
            if q.value is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("大学生1.2万人以上", [(12000, None, "人", ">=", "1.2万人以上")]),
    ("实际利用外资2500万美元", [(25000000, None, "美元", "=", "2500万美元")]),
    ("实际使用外资6亿美元以上", [(600000000, None, "美元", ">=", "6亿美元以上")]),
    ("展会交易额突破千亿元", [(10**11, None, "元", "=", "千亿元")]),
    ("百亿元级产业集群", [(10**10, None, "元", "=", "百亿元")]),
    ("增长5%-6%", [(5, 6, "%", ">=", "5%-6%")]),
    ("增长6%至6.5%", [(6, 6.5, "%", ">=", "6%至6.5%")]),
    ("增长5.5%—6%", [(5.5, 6, "%", ">=", "5.5%—6%")]),
    ("增长6.5%左右", [(6.5, None, "%", "~", "6.5%左右")]),
    ("控制在3%以内", [(3, None, "%", "<=", "3%以内")]),
    ("保持两位数增长", [(10, None, "%", ">=", "两位数增长")]),
    ("实现翻一番", [(100, None, "%", "=", "翻一番")]),
    ("提高0.5个百分点", [(0.5, None, "个百分点", "=", "0.5个百分点")]),
    ("300余家", [(300, None, "家", ">", "300余家")]),
    ("3000多人", [(3000, None, "人", ">", "3000多人")]),
    ("新增三家", [(3, None, "家", "=", "三家")]),
    ("十二万三千四百五十六人", [(123456, None, "人", "=", "十二万三千四百五十六人")]),
    ("百分之五", [(5, None, "%", "=", "百分之五")]),
    ("1,200家", [(1200, None, "家", "=", "1,200家")]),
    ("2万亿元", [(2 * 10**12, None, "元", "=", "2万亿元")]),
])
def test_reads_numbers(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "“8+4”经济政策体系", "2+4+X主导产业", "聚焦3A主体评级目标", "居全省第二", "第2位", "PM2.5浓度",
    "三类500强", "一般", "统一个标准", "5G基站", "1861文化创意产业园", "超亿元企业", "万人技师学院",
])
def test_no_value_in_words_slogans_and_codes(text):
    assert read(text) == []


def test_chinese_numerals():
    assert chinese_to_number("二〇二三") == 2023
    assert chinese_to_number("一亿两千万") == 120_000_000
    assert chinese_to_number("一万亿") == 10**12
    assert chinese_to_number("十五") == 15
    assert chinese_to_number("两万") == 20000


def test_qualifier_before_the_number():
    assert qualifier_before("引进硕士以上人才超过") == ">"
    assert qualifier_before("不低于") == ">="
    assert qualifier_before("控制在") == "<="
    assert qualifier_before("达到") is None
