"""The number reader on what reports write, and on the forms number libraries test:
every numeral is read whole, or gives no value — never a piece of it."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from polcmp.indicators.chinese_numerals import read_numeral
from polcmp.indicators.numbers import NumberReader, chinese_to_number, qualifier_before, read_quantities

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


# ---------------------------------------------------------------- numerals, whole or nothing

NUMERALS = {
    # grammar: groups of 亿 and 万, 千百十 in order, 零 for a gap, a leading 十
    "十五": 15, "一十一": 11, "二十": 20, "一百零一": 101, "一千零一十一": 1011, "一千一百零一": 1101,
    "一万零一百一十一": 10111, "十万零一": 100001, "一千零一万零一": 10010001, "十亿零一万零一": 1000010001,
    "一千零一亿一千零一万一千零一": 100110011001, "一千亿一千万一千零一": 100010001001, "一万亿": 10**12,
    "三千万亿": 3 * 10**15, "一亿两千万": 120_000_000, "两万": 20000, "两百": 200, "零": 0,
    # positional digits (years), 0 written for 〇
    "二〇二三": 2023, "二○二三": 2023, "二0一四": 2014, "一七二零": 1720,
    # colloquial elision: the digit takes the next position down
    "四万五": 45000, "三千二": 3200, "两百五": 250, "三亿五": 350_000_000, "一千二百五": 1250,
    "四万零五": 40005, "三千零二": 3002,
    # decimals after 点
    "三点五": 3.5, "零点零五": 0.05, "一百二十点五": 120.5, "三点五亿": 350_000_000, "一七二零点一三四": 1720.134,
    "零点零零零一": 0.0001,
    # financial capitals and traditional characters
    "壹佰贰拾叁": 123, "拾万零壹": 100001, "肆佰叁拾萬": 4_300_000, "壹億": 100_000_000, "兩萬": 20000,
    "貳拾萬": 200_000, "陆仟柒佰捌拾玖": 6789,
    # Arabic with multipliers, and mixed
    "1.2万": 12000, "3千万": 30_000_000, "2.8万亿": 2_800_000_000_000, "12345万": 123_450_000,
    "1万6千": 16000, "3万2千亿": 3_200_000_000_000, "1亿3千万": 130_000_000, "2万5000": 25000, "1,200": 1200,
}

MALFORMED = ["十十", "五五千", "一百零", "万万", "百", "两十", "一百两", "一万五百", "一亿五千", "十万五",
             "一千零一百", "零五", "三五", "一一", "点五", "三点", "1.5万5千", "30万一", "一百十五", "千四五",
             "伍亿柒仟万拾柒", "000"]


@pytest.mark.parametrize(("numeral", "value"), NUMERALS.items())
def test_reads_a_numeral(numeral, value):
    assert read_numeral(numeral) == Decimal(str(value))


@pytest.mark.parametrize("numeral", MALFORMED)
def test_a_malformed_numeral_has_no_value(numeral):
    assert read_numeral(numeral) is None
    assert chinese_to_number(numeral) is None


# ---------------------------------------------------------------- quantities in text

def read_all(text):
    return [(q.value, q.value_max, q.unit, q.qualifier, text[q.start:q.end]) for q in read_quantities(text)
            if q.value is not None]


@pytest.mark.parametrize(("text", "expected"), [
    # elision, decimals, signs
    ("全年收入四万五千元", [(45000, None, "元", "=", "四万五千元")]),
    ("四万五", [(45000, None, None, "=", "四万五")]),
    ("零点零五元", [(0.05, None, "元", "=", "零点零五元")]),
    ("负二十元", [(-20, None, "元", "=", "负二十元")]),
    ("增速为负2.5%", [(-2.5, None, "%", "=", "负2.5%")]),
    ("为企业减负730亿元", [(73_000_000_000, None, "元", "=", "730亿元")]),   # 减负 is a word, not a sign
    ("三点五亿元", [(350_000_000, None, "元", "=", "三点五亿元")]),
    ("一百二十三", [(123, None, None, "=", "一百二十三")]),
    # fractions
    ("百分之三点五", [(3.5, None, "%", "=", "百分之三点五")]),
    ("负百分之三", [(-3, None, "%", "=", "负百分之三")]),
    ("千分之五", [(5, None, "‰", "=", "千分之五")]),
    ("覆盖率达到百分之百", [(100, None, "%", "=", "百分之百")]),
    ("增长百分之五至百分之十", [(5, 10, "%", ">=", "百分之五至百分之十")]),
    # 大写 amounts and 角/分
    ("肆佰叁拾萬圆整", [(4_300_000, None, "元", "=", "肆佰叁拾萬圆整")]),
    ("壹万二千三百四十五元", [(12345, None, "元", "=", "壹万二千三百四十五元")]),
    ("三元五角", [(3.5, None, "元", "=", "三元五角")]),
    ("六十四万零一百四十三元一角七分", [(640143.17, None, "元", "=", "六十四万零一百四十三元一角七分")]),
    # ranges keep both bounds, each with its multiplier
    ("投资2万-6万元", [(20000, 60000, "元", ">=", "2万-6万元")]),
    ("2万元至6万元", [(20000, 60000, "元", ">=", "2万元至6万元")]),
    ("1万元--5万元", [(10000, 50000, "元", ">=", "1万元--5万元")]),
    ("5-6万元", [(50000, 60000, "元", ">=", "5-6万元")]),
    ("2——3万元", [(20000, 30000, "元", ">=", "2——3万元")]),
    ("两千到三千万元", [(20_000_000, 30_000_000, "元", ">=", "两千到三千万元")]),
    ("一百二十到一百五十万元", [(1_200_000, 1_500_000, "元", ">=", "一百二十到一百五十万元")]),
    ("两到三仟元", [(2000, 3000, "元", ">=", "两到三仟元")]),
    ("从6500到2万元", [(6500, 20000, "元", ">=", "6500到2万元")]),
    ("1万(含)-5万元", [(10000, 50000, "元", ">=", "1万(含)-5万元")]),
    ("下降12.4个百分点至59.6%", [(12.4, None, "个百分点", "=", "12.4个百分点"), (59.6, None, "%", "=", "59.6%")]),
    # (含)以上 and its kin
    ("奖励30万元(含)以上", [(300_000, None, "元", ">=", "30万元(含)以上")]),
    ("奖励30万元（含）以上", [(300_000, None, "元", ">=", "30万元（含）以上")]),
    ("50万元（含）以下", [(500_000, None, "元", "<=", "50万元（含）以下")]),
    ("30万元(不含)以上", [(300_000, None, "元", ">", "30万元(不含)以上")]),
    # approximations, mixed forms, traditional
    ("三千多万元", [(30_000_000, None, "元", ">", "三千多万元")]),
    ("1万6千多户", [(16000, None, "户", ">", "1万6千多户")]),
    ("突破3万2千亿元", [(3_200_000_000_000, None, "元", "=", "3万2千亿元")]),
    ("兩萬人", [(20000, None, "人", "=", "兩萬人")]),
    ("二0一四年", [(2014, None, "年", "=", "二0一四年")]),
    ("两个亿卢布", [(200_000_000, None, "卢布", "=", "两个亿卢布")]),
])
def test_reads_every_form_whole(text, expected):
    assert read_all(text) == expected


@pytest.mark.parametrize("text", [
    "三五家", "七八十人", "一两个", "唯一一家", "几十家", "数十亿元", "十几家", "上千人", "千百亿元产业",
    "四分之三", "4分之3", "万分之零点五", "百分之四百三十二万分之四", "五角", "十块三毛",
    "十四五规划", "一、坚持", "(二)加快", "队伍", "陆家嘴", "第一百家", "负责同志", "正负电子",
    "万万人", "十十个", "五五千元", "一百零元", "2 000亿元"[2:],   # a piece of a number cut by a space
    "460个亿元以上项目"[3:],
])
def test_no_value_rather_than_a_wrong_one(text):
    assert read_all(text) == []


def test_never_a_piece_of_a_numeral():
    # the scanner never starts inside a numeral: after 点, after a digit, after a unit it belongs to
    assert read_all("零点零五元") == [(0.05, None, "元", "=", "零点零五元")]
    assert read_all("三千二百家") == [(3200, None, "家", "=", "三千二百家")]
    assert read_all("五五千元") == []
    assert read_all("队伍21支") == [(21, None, "支", "=", "21支")]          # 伍 is part of 队伍, not a numeral
    assert read_all("9000亿三个台阶") == [(900_000_000_000, None, None, "=", "9000亿"), (3, None, "个", "=", "三个")]


def test_the_fast_path_reads_only_wanted_units():
    # extraction's reader: a unit nobody asks for is not parsed, a bare Chinese numeral is no quantity
    fast = NumberReader(["元"])
    tokens = list(fast.tokens("新增企业35家,投资2万-6万元,一百二十三"))
    assert [(t.value, t.value_max, t.unit) for t in tokens] == [(None, None, "家"), (20000, 60000, "元")]


# ---------------------------------------------------------------- properties

_DIGIT_CHARS = "零一二三四五六七八九"
_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _section(n: int, first: bool, short_ten: bool, liang: bool) -> str:
    """n (1..9999) in Chinese, written independently of the reader: 零 once for each gap."""
    out, gap, started = [], False, False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            gap = gap or started
            continue
        if gap:
            out.append("零")
            gap = False
        if place == 10 and d == 1 and first and not started and short_ten:
            out.append("十")   # 十五, not 一十五, at the head of a number
        else:
            out.append(("两" if liang and d == 2 and place >= 100 else _DIGIT_CHARS[d]) + unit)
        started = True
    return "".join(out)


def write_chinese(n: int, short_ten: bool = True, liang: bool = False) -> str:
    """0 ≤ n < 10**16 the way a careful writer does: 一亿零五百万, 十万零一, 三千万亿."""
    if n == 0:
        return "零"
    yi, rest = divmod(n, 10**8)
    wan, ones = divmod(rest, 10**4)
    out = write_chinese(yi, short_ten, liang) + "亿" if yi else ""
    skipped = False
    for value, unit in ((wan, "万"), (ones, "")):
        if not value:
            skipped = skipped or bool(out)
            continue
        if out and (value < 1000 or skipped):
            out += "零"
        out += _section(value, not out, short_ten, liang) + unit
        skipped = False
    return out


@given(st.integers(0, 10**16 - 1), st.booleans(), st.booleans(), st.booleans())
@example(100_110_011_001, True, False, False)
@example(1_000_010_001, True, False, False)
def test_chinese_numerals_read_back(n, short_ten, liang, capitals):
    written = write_chinese(n, short_ten, liang)
    if capitals:
        written = written.translate(_CAPITAL)
    assert read_numeral(written) == n, written


@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from([("千", 1000), ("百", 100), ("万", 10**4), ("亿", 10**8)]))
def test_elision_reads_the_next_position_down(a, b, unit):
    char, size = unit
    assert read_numeral(f"{_DIGIT_CHARS[a]}{char}{_DIGIT_CHARS[b]}") == a * size + b * size // 10


@given(st.decimals(min_value="0.01", max_value="99999", places=2),
       st.sampled_from(["万", "亿", "千万", "百万", "万亿", "千亿"]))
def test_arabic_with_multipliers_read_exactly(coefficient, multiplier):
    factor = {"万": 10**4, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万亿": 10**12, "千亿": 10**11}[multiplier]
    assume(coefficient * factor < 10**16)   # beyond: not read (test_numbers_no_report_can_hold_are_not_read)
    written = f"{coefficient.normalize():f}{multiplier}"
    [q] = read_quantities(f"投资{written}元")
    assert Decimal(str(q.value)) == coefficient * factor and q.unit == "元"


@given(st.integers(1, 10**12), st.sampled_from(["家", "人", "元", "%"]))
def test_a_chinese_quantity_in_a_sentence(n, unit):
    text = f"今年新增{write_chinese(n)}{unit},同比增长"
    [q] = read_quantities(text)
    assert (q.value, q.unit, text[q.start:q.end]) == (n, unit, write_chinese(n) + unit)


_ALPHABET = ("0123456789.,%-~ " + "零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟萬億兩" + "点负多余个分之角元圆整"
             + "家人年%‰(含)（）以上下左右至到第" + "增长为企业的和、。,;" + "\n")


@given(st.text(alphabet=_ALPHABET, max_size=60))
@settings(max_examples=300)
def test_random_text_never_breaks_the_reader(text):
    quantities = read_quantities(text)
    end = 0
    for q in quantities:
        assert end <= q.start < q.end <= len(text)   # in order, never overlapping
        end = q.end
        raw = text[q.start:q.end]
        if q.value is not None:
            # the span is the whole quantity: read on its own it says the same
            alone = [(r.value, r.value_max, r.unit) for r in read_quantities(raw)]
            assert alone == [(q.value, q.value_max, q.unit)], raw


@pytest.mark.parametrize("text", ["1" * 30 + "家", "9" * 17 + "元", "一万亿亿元", "2万亿亿-3万亿亿元"])
def test_numbers_no_report_can_hold_are_not_read(text):
    """10^16 and over: beyond every real figure and beyond what a float holds exactly."""
    assert all(q.value is None and q.value_max is None for q in read_quantities(text))


def test_the_largest_real_figures_are_still_read():
    assert [q.value for q in read_quantities("生产总值126万亿元，9999999999999999元")][0] == 126 * 10 ** 12
