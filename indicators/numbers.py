"""Reading numbers the way work reports write them.

`NumberReader.tokens(text)` finds every quantity in a (normalised) text: Arabic or
Chinese numerals, 万/亿 multipliers, ranges, percentages and percentage points, the
unit word after the number and a qualifier on either side. It knows nothing about
indicators; `extract.py` decides what each quantity is a value *of*.

A quantity is read whole or not at all. The scanner takes the whole run of numeral
characters (零点零五, 1万6千, 两千到三千万元) and never starts inside one; a run the grammar
of `chinese_numerals.py` cannot read gives a quantity with no value, never a part of it.
Words that merely contain numeral characters (一般, 统一, 万家灯火) are left alone: a
Chinese numeral counts only with a unit after it, in fixed phrases (百分之五, 两位数增长,
翻一番) or, for a reader that reads everything (`read_all`), standing on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .chinese_numerals import canonical, multiplier_splits, read_numeral
from .lazy_regex import lazy_compile

MULTIPLIER = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
              "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3, "百": 100}

# Written units the reader recognises after a number. Longest first, so 人次 wins over 人.
# Units a catalogue declares are added to these; the rest only delimit quantities.
UNIT_WORDS = """个百分点 百分点 平方公里 平方千米 平方米 万平方米 平米 ㎡ 立方米 千瓦时 千瓦 兆瓦 公里 千米 米
美元 欧元 日元 港元 英镑 韩元 澳元 新台币 卢布 泰铢 港币 人民币 元 圆
人次 人 名 位 户 家 个 座 所 项 件 处 套 台 辆 条 亩 吨 标箱 张 株 棵 头 只 批 次 场 期
年 月 日 天 倍 岁 例 篇 部 支 间 栋 艘 架 列 对 颗 片 幅 门 类 种 款 届 轮 级 星 宗 笔 份 本 册 GW MW kW km""".split()
SAME_UNIT = {"圆": "元"}   # 大写 amounts write 圆 for 元

QUALIFIER_AFTER = {"以上": ">=", "及以上": ">=", "或以上": ">=", "之上": ">=",
                   "以内": "<=", "之内": "<=", "以下": "<=", "左右": "~", "上下": "~"}
EXCLUSIVE = {">=": ">", "<=": "<"}   # 30万元(不含)以上
QUALIFIER_BEFORE = {"超过": ">", "超出": ">", "突破": ">", "超": ">", "逾": ">", "多于": ">",
                    "高于": ">", "大于": ">", "不低于": ">=", "不少于": ">=", "至少": ">=",
                    "约": "~", "大约": "~", "近": "~", "接近": "~", "控制在": "<=",
                    "不超过": "<=", "不高于": "<=", "低于": "<", "少于": "<", "不到": "<", "不足": "<"}
SOFT_WORDS = ("力争", "争取", "努力", "力求")

# Numeral characters: digits (with financial capitals and traditional forms), then units.
_ZEROS, _ORDINARY, _CAPITAL = "零〇○", "一二两三四五六七八九兩", "壹贰貳叁參肆伍陆陸柒捌玖"
_DIGITS = _ZEROS + _ORDINARY + _CAPITAL
_TEN, _HUNDRED, _THOUSAND, _BIG = "十拾", "百佰", "千仟", "万萬亿億"
_UNITS = _TEN + _HUNDRED + _THOUSAND + _BIG
_NUMERAL = _DIGITS + _UNITS
_DIGIT_SET, _UNIT_SET, _NUMERAL_SET = frozenset(_DIGITS), frozenset(_UNITS), frozenset(_NUMERAL)
_MAY_CONTINUE = _NUMERAL_SET | frozenset("0123456789点几数OΟО")   # what a numeral may go on from
_CAPITALS = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")   # one alone is a word (陆家嘴), not an amount
# One piece of a numeral run. Arabic and Chinese digits meet only through a unit (1万6千,
# 3万一千), never side by side (队伍21支, 2023一季度 are two things), and a Chinese digit
# after 1万 must lead a unit of its own (30万一线职工); nor do capitals and plain digits
# (队伍四项, 大陆二十五). 千 before 米/瓦/克… and 百 before 分点 begin a unit instead; 点 is a
# decimal point only before a digit (三点五, not 三点半). A year may write 0 or O for 〇 (二0一四).
_ZERO_LETTER = "0OΟО"
_ATOM = (rf"(?<=[{_DIGITS}])[{_ZERO_LETTER}]++(?=[{_DIGITS}])"
         rf"|(?<![{_DIGITS}])\d++(?:,\d{{3}}(?!\d))*+(?:\.\d+)?+"
         rf"|(?:(?<!\d)|(?<=[{_DIGITS}][{_ZERO_LETTER}])|(?<=[{_DIGITS}][{_ZERO_LETTER}]{{2}}))(?<!\d[{_UNITS}])"
         rf"(?:[{_ZEROS}]|(?<![{_CAPITAL}])[{_ORDINARY}]|(?<![{_ORDINARY}])[{_CAPITAL}])"
         rf"|(?<=\d[{_UNITS}])[{_DIGITS}](?=[{_UNITS}])"
         rf"|[{_TEN}{_BIG}]|[{_THOUSAND}](?![米瓦克伏兆帕])|[{_HUNDRED}](?!分点)|点(?=[{_DIGITS}])")
_MULT = rf"[{_THOUSAND}{_HUNDRED}{_TEN}万萬]?[亿億万萬]"        # after 多/余: 三千多万, 10多亿
# Between the bounds of a range: 5%-6%, 2万元至6万元, 1万(含)-5万元, 2——3万
_RANGE_SEP = re.compile(r"(?:[(（]不?含[)）])?(?:--?|——?|–|~|至|到)")
_RANGE_START = frozenset("-—–~至到(（")
_POST = re.compile(r"\s?(?P<incl>[(（]不?含[)）])?(?P<word>及以上|或以上|以上|之上|以内|之内|以下|左右|上下)")
# 负 is a minus sign after punctuation or a link word (增速为负2%), not inside words (减负, 税负, 正负)
_SIGN_AFTER = frozenset("为是至到达长速幅率值约近和或及与从由比")
_NOT_BEFORE_NUMBER = frozenset(".+#第")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d年")
_ENUMERATION = frozenset("、.)）:")   # 一、 (二) : list numbers, not quantities
# What a quantity starts with: the first character of NumberReader's pattern (`tokens`).
_HEAD = rf"[\d翻{_NUMERAL}]"
_QUANTITY_HEAD = lazy_compile(_HEAD)


def _alternation(words) -> str:
    """Longest first, so 万元 wins over 万; ties in text order, so the pattern is the same in every
    process (a set's order is not), and its compiled form is found in regex_cache.py."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(slots=True)   # not frozen: frozen dataclasses are several times slower to create
class Quantity:
    """One number as written: where it is, what it says, and how it was read."""
    start: int            # offset of the first character of the number (or of its sign)
    end: int              # offset after the unit / qualifier
    value: float | int | None   # None: unreadable, or a unit no indicator asks for (not parsed)
    value_max: float | int | None   # upper bound of a range (5%-6%), else None
    unit: str | None      # unit word as written after the number (%, 家, 人, 美元 ...)
    qualifier: str        # = >= > <= < ~ (from the words after the number only)
    growth: bool = False  # the span itself says "grows by" (两位数增长, 翻一番)


def chinese_to_number(s: str) -> int | float | None:
    """二〇二三 → 2023, 一千二百 → 1200, 十五 → 15, 两万 → 20000, 四万五 → 45000;
    None for anything that is not one well-formed numeral (十十, 五五千)."""
    value = read_numeral(s)
    return None if value is None else _clean(value)


def parse_number(s: str) -> Decimal | None:
    """One numeral span (Arabic with optional thousands commas and multipliers, or Chinese) → Decimal."""
    return read_numeral(s)


def _clean(x: Decimal | int) -> float | int:
    """Exact decimal arithmetic, returned as int when whole (1.2万 → 12000, not 12000.000000000002)."""
    if type(x) is int:
        return x
    return int(x) if x == x.to_integral_value() else float(x)


class NumberReader:
    """Finds quantities in normalised text. Build once per catalogue; reuse for every text.

    One scan: the regex opens with a character class (a digit or a Chinese numeral), so
    the engine skips quickly through text without numbers. By default only quantities whose
    unit is of interest are parsed, and a Chinese numeral needs a unit (三家, 十二万人) or a
    fixed phrase; `read_all=True` parses every quantity and reads standalone numerals too
    (for `explain` and `read_quantities`).
    """

    def __init__(self, units_of_interest=(), read_all: bool = False):
        self.units_of_interest = frozenset(units_of_interest)
        self.read_all = read_all
        words = list(UNIT_WORDS) + list(units_of_interest) + ["%", "‰"]
        # the first characters of all units first: most numbers are followed by none of them
        units = f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])(?:{_alternation(words)})"
        # Fast path: a Chinese numeral is a quantity only with a unit, as a fraction, or as
        # the lower bound of a range (两千到三千万元).
        need_unit = "" if read_all else rf"(?(cn)(?(unit)|(?(fnum)|(?={_RANGE_SEP.pattern}))))"
        # A match starts at any numeral character; whether it starts inside a numeral (零点零五's
        # second 零) is checked on the match (`_inside`), not by look-behinds at every character.
        # compiled on first use: an Extractor built for a run answered from the value cache reads nothing
        self._pattern = lazy_compile(rf"""
            (?P<head>{_HEAD})
            (?:
                (?<=翻)(?P<times>一|两|三)?番
              | (?<=两)位数(?:以上)?(?:增长)?
              | (?:(?<=\d)
                 | (?<=[{_DIGITS}{_TEN}])(?P<cn>)
                 | (?<=[{_HUNDRED}{_THOUSAND}万萬])(?=[亿億](?:元|美元)|分之)(?P<bare>))   # 千亿元, 百分之
                (?P<cont>(?:(?<=\d)\d*+(?:,\d{{3}}(?!\d))*+(?:\.\d+)?+)?+(?:(?=[\d{_NUMERAL}点{_ZERO_LETTER}])(?:{_ATOM}))*+)
                (?:
                    分之(?P<fneg>负)?(?P<fnum>(?:{_ATOM})++)                  # 百分之五, 三分之一
                  | (?:(?P<approx>余|多)|(?(cn)个(?=[亿億](?![元吨级美]))|(?!)))?   # 两个亿, not 10个亿元以上项目
                    (?P<mult>{_MULT})?(?P<unit>{units})?
                    (?:(?<=[元圆])(?:(?P<jiao>[{_DIGITS}\d])角)?(?:零?(?P<fen>[{_DIGITS}\d])分(?=钱|[,.;:!?)、。\s]|$))?
                       (?:整(?=[,.;:!?)、。\s]|$))?)?                            # 三元五角, 壹佰圆整
                )
                {need_unit}
            )""", re.VERBOSE)

    def tokens(self, text: str, start: int = 0, end: int | None = None):
        """Every quantity in `text`, left to right. Unless `read_all`, quantities whose unit is
        not of interest come with value None: they still end list items (新增A 2项、B 3家).

        With start / end: those that begin in text[start:end], read as in the whole text (the
        words around the span are seen). From the start of a sentence this gives the same
        quantities as a scan of the whole text: none runs into a sentence from the one before,
        but for a qualifier on the next line (100家\n以上, which keyword_scan.py allows for)."""
        match, read, head = self._pattern.match, self._read, _QUANTITY_HEAD.search
        stop = len(text) if end is None else end
        pos = start
        # Where a quantity can start, the pattern is tried, and nowhere else: a search by the
        # pattern would find the same matches, but after the last one it would go on past `stop`
        # through text no one reads (most of a report: keyword_scan.py) to the next number.
        while (h := head(text, pos, stop)) is not None:
            m = match(text, h.start())
            if m is None:
                pos = h.start() + 1
                continue
            q, pos = read(text, m)
            if q is not None:
                yield q

    # -- one match -> one quantity (or none), and where scanning goes on ------------------------
    def _read(self, text: str, m: re.Match) -> tuple[Quantity | None, int]:
        cont, cn, bare, unit = m.group("cont", "cn", "bare", "unit")
        start, end = m.start(), m.end()
        if cont is None:
            return self._phrase(text, m), end
        if start and text[start - 1] in _MAY_CONTINUE and _inside(text, start):
            return None, end   # the numeral began earlier and could not be read there
        arabic = cn is None and bare is None
        if not arabic:
            before = text[start - 1] if start else ""
            if before == "第":
                return None, end   # a rank: 第一百
            if m.end("cont") == start + 1 and not _chinese_standalone(text, start, text[start], unit):
                return None, start + 1   # part of a word (统一, 陆家嘴): what follows may be a number
        if m.group("fnum") is not None:
            return self._fraction(text, m, text[start:m.end("cont")])

        upper = None   # a range: 5-6%, 2万元至6万元, 两千到三千万元; not 5%至2025年
        if text[end:end + 1] in _RANGE_START and (sep := _RANGE_SEP.match(text, end)):
            m2 = self._pattern.match(text, sep.end())
            if m2 is not None and m2.group("cont") is not None and m2.group("fnum") is None \
                    and unit in (None, m2.group("unit")):
                upper, unit = m2, m2.group("unit")
        span_end = upper.end() if upper else end
        if not self.read_all and unit not in self.units_of_interest:
            # only ends list items: no need to read it (most numbers of a report are these)
            if not arabic:
                return (None if unit is None else Quantity(start, span_end, None, None, unit, "=")), span_end
            if unit == "年" and span_end - start == 5 and _YEAR_NUMBER.match(text, start):
                return None, span_end   # a date (比2016年增长, 2023年全市…) ends nothing
            return Quantity(start, span_end, None, None, unit, "="), span_end
        run = text[start:m.end("cont")]
        before = text[start - 1] if start else ""
        if arabic and (before in _NOT_BEFORE_NUMBER or (before.isascii() and before.isalpha())
                       or text.startswith("+", span_end)):
            return None, span_end   # PM2.5, 第2位, 2+4+X, 8+4, masked slogan numbers
        if unit is None and not arabic and not upper and not self._standalone(text, start, end, run):
            return None, end
        if self.read_all and unit is None and arabic and not upper and text[end:end + 1].isascii() \
                and text[end:end + 1].isalpha():
            return Quantity(start, end, None, None, None, "="), end   # a code: 5G, 3A

        mult, jiao, fen, approx = m.group("mult", "jiao", "fen", "approx")
        value = _value(run, mult)
        if value is not None and (jiao or fen):
            value = _with_jiao_fen(value, jiao, fen)
        if before == "负" or before == "-":
            start, value = _signed(text, start, value, arabic)
        value_max = None
        if upper is not None:
            value, value_max = _range(value, run, mult, text[upper.start():upper.end("cont")], upper.group("mult"))
            if value_max is None and value is not None:
                unit = m.group("unit")   # not a range after all (3-2, 2023-06): the first number alone
                if unit is None and not arabic and not self._standalone(text, start, end, run):
                    return None, end
            else:
                end = upper.end()
                approx = approx or upper.group("approx")
        qualifier, end = _qualifier_after(text, end)
        if value_max is not None:
            qualifier = ">="
            value_max = _clean(value_max)
        elif qualifier == "=" and approx:
            qualifier = ">"   # 300余家, 3000多人
        if value is not None and abs(value) >= MAX_VALUE or value_max is not None and abs(value_max) >= MAX_VALUE:
            value = value_max = None   # 10^16 and beyond: a misreading (or a hostile file), not a figure
        return Quantity(start, end, None if value is None else _clean(value), value_max,
                        SAME_UNIT.get(unit, unit), qualifier), end

    def _phrase(self, text: str, m: re.Match) -> Quantity:
        """两位数增长 (>= 10%) and 翻N番 (multiplies by 2**N: +100% for 翻一番)."""
        start, end = m.span()
        if text[start] == "两":
            return Quantity(start, end, 10, None, "%", ">=", growth=True)
        times = {None: 1, "一": 1, "两": 2, "三": 3}[m.group("times")]
        return Quantity(start, end, (2 ** times - 1) * 100, None, "%", "=", growth=True)

    def _fraction(self, text: str, m: re.Match, denominator: str) -> tuple[Quantity | None, int]:
        """百分之X → X %, 千分之X → X ‰; any other N分之M is consumed but has no value."""
        start, end = m.start(), m.end()
        unit = {"百": "%", "千": "‰"}.get(canonical(denominator))
        if unit is None:
            return (Quantity(start, end, None, None, None, "=") if self.read_all else None), end
        if not self.read_all and unit not in self.units_of_interest:
            return Quantity(start, end, None, None, unit, "="), end
        numerator = m.group("fnum")
        if text.startswith("分之", end):
            value = None   # 百分之四百三十二万分之四: which 万 is whose cannot be told
        else:
            value = Decimal(100) if numerator == denominator else read_numeral(numerator)   # 百分之百
        if value is not None and m.group("fneg"):
            value = -value
        start, value = _signed(text, start, value, False)
        value_max = None
        if text[end:end + 1] in _RANGE_START and (sep := _RANGE_SEP.match(text, end)):
            m2 = self._pattern.match(text, sep.end())   # 百分之五至百分之十
            if m2 is not None and m2.group("fnum") and canonical(text[m2.start():m2.end("cont")]) == canonical(denominator):
                end = m2.end()
                value_max = read_numeral(m2.group("fnum"))
                if value is None or value_max is None or value_max <= value:
                    value = value_max = None
        qualifier, end = _qualifier_after(text, end)
        if value_max is not None:
            qualifier = ">="
        return Quantity(start, end, _clean_or_none(value), _clean_or_none(value_max), unit, qualifier), end

    def _standalone(self, text: str, start: int, end: int, run: str) -> bool:
        """A bare Chinese numeral (no unit) is a quantity only in read_all mode and only on its
        own: not inside a word (统一, 一流, 十四五规划), not a list number (一、, (二))."""
        if not self.read_all:
            return False
        sign = start > 0 and text[start - 1] == "负" and _is_sign(text, start - 1)
        first = start - 1 if sign else start
        before = text[first - 1] if first else ""
        after = text[end:end + 1]
        if before and (_is_cjk(before) or before in "(（") or after and (_is_cjk(after) or after in _ENUMERATION):
            return False
        # one character is a list number or a word (一、) unless it is all the text says
        return sign or len(run) > 1 or not text[:first].strip() and not text[end:].strip()


def _inside(text: str, start: int) -> bool:
    """Does a match at `start` begin inside a numeral that started earlier? (零点零五 at its
    second 零, 三千二 at 二, 几十家 at 十); 队伍21支 and 1万 一线 begin anew."""
    prev, head = text[start - 1], text[start]
    if head.isdigit():
        return prev in _UNIT_SET
    if prev == "点" or prev in _ZERO_LETTER:   # 零点零五, 二O一八
        return start >= 2 and (text[start - 2] in _DIGIT_SET or prev == "点" and text[start - 2] in "十拾")
    if head in _UNIT_SET:
        return prev in _NUMERAL_SET or prev.isdigit() or prev in "几数"
    if prev in _DIGIT_SET:
        return (prev in _CAPITAL) == (head in _CAPITAL) or prev in _ZEROS or head in _ZEROS   # not 队伍四项
    if prev in _UNIT_SET and start >= 2:
        before = text[start - 2]
        if before.isdigit():
            return text[start + 1:start + 2] in _UNIT_SET   # 3万一千, not 30万一线
        return before in _NUMERAL_SET
    return False


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# No figure of a report reaches 10^16 (the nation's GDP is about 1.3 × 10^14 yuan), and a float
# holds integers exactly only below 2^53 (about 9 × 10^15): larger numbers are not read.
MAX_VALUE = 10 ** 16


def _value(run: str, mult: str | None) -> Decimal | int | None:
    """The run with a multiplier written after 多/余 (三千多万 reads as 三千万)."""
    if run[0] == "0" and run[1:2].isdigit():
        return None   # 000亿元: a piece of 2 000亿元, not a number
    if mult is None and run.isascii():   # the pattern took one Arabic number (35, 1,200.5)
        return int(run) if run.isdigit() else Decimal(run.replace(",", ""))
    number = run.rstrip("十百千万亿")
    if mult is None and number[-1:].isdigit() and number.isascii() and run[len(number):] in MULTIPLIER:
        return Decimal(number.replace(",", "")) * MULTIPLIER[run[len(number):]]   # 1.2万, 2500万
    if mult is None and len(run) == 2 and run[1] in "亿億" and run[0] in "百佰千仟万萬":
        return Decimal(MULTIPLIER[canonical(run)])   # 千亿元, 百亿元: a bare round amount
    return read_numeral(run + mult if mult else run)


def _range(lower: Decimal | None, run: str, mult: str | None, upper_run: str, upper_mult: str | None):
    """(lower, upper) of a range, or (lower, None) when it is not one. A lower bound without
    a multiplier of its own shares the upper's when it is smaller than the upper's coefficient:
    5-6万 = 5万–6万, 两千到三千万 = 2千万–3千万, but 从6500到2万 = 6500–20000."""
    upper_text = upper_run + upper_mult if upper_mult else upper_run
    upper = read_numeral(upper_text)
    if lower is None or upper is None:
        return None, None
    own_multiplier = mult or any(ch in _BIG for ch in run)
    if not own_multiplier and lower >= 0:
        for coefficient, factor in multiplier_splits(upper_text):
            if lower < coefficient:
                lower = lower * factor
                break
    return (lower, upper) if upper > lower else (lower, None)


def _with_jiao_fen(value: Decimal, jiao: str | None, fen: str | None) -> Decimal | None:
    """三元五角 = 3.5元, 一角七分: only after a whole number of 元."""
    value = Decimal(value)
    if value != value.to_integral_value():
        return None
    for digit, place in ((jiao, Decimal("0.1")), (fen, Decimal("0.01"))):
        if digit:
            d = read_numeral(digit)
            if d is None:
                return None
            value += d * place
    return value


def _signed(text: str, start: int, value: Decimal | None, arabic: bool) -> tuple[int, Decimal | None]:
    """负二十, 增长-2.6%: the sign belongs to the number (and to its span)."""
    if start == 0 or value is None:
        return start, value
    before = text[start - 1]
    if (before == "负" or before == "-" and arabic) and _is_sign(text, start - 1):
        return start - 1, -value
    return start, value


def _is_sign(text: str, at: int) -> bool:
    """Is the 负 or - at `at` a minus sign? At the start, after a space or punctuation, or after
    a link word (增速为负2%, 增长-2.6%); not inside words (减负, 税负) or codes (G-20, 2023-06)."""
    before = text[at - 1] if at else ""
    return not before or before in _SIGN_AFTER or not before.isalnum() and before not in "%‰"


def _clean_or_none(x: Decimal | None) -> float | int | None:
    return None if x is None else _clean(x)


def _qualifier_after(text: str, end: int) -> tuple[str, int]:
    pm = _POST.match(text, end)
    if pm:
        qualifier = QUALIFIER_AFTER[pm.group("word")]
        if pm.group("incl") and "不" in pm.group("incl"):
            qualifier = EXCLUSIVE.get(qualifier, qualifier)
        return qualifier, pm.end()
    return "=", end


def _chinese_standalone(text: str, start: int, numeral: str, unit: str | None) -> bool:
    """一 / 两 / 二 after another character is usually part of a word (统一, 每一个, 其中一家);
    one financial capital alone is a word too (陆家嘴), unless it counts 元."""
    if numeral in _CAPITALS:
        return unit in ("元", "圆")
    if numeral in ("一", "两", "二") and start and "\u4e00" <= text[start - 1] <= "\u9fff":
        return text[start - 1] in "增建成达到为共计约近超逾引育"
    return True


def qualifier_before(lead: str) -> str | None:
    """The qualifier a lead ends with (超过550人: '>'), or None."""
    tail = lead.rstrip()[-3:]
    for n in (3, 2, 1):
        q = QUALIFIER_BEFORE.get(tail[-n:])
        if q:
            return q
    return None


@lru_cache(maxsize=1)
def _everything_reader() -> NumberReader:
    return NumberReader(read_all=True)


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity of a text with its value, whatever its unit (or none): 四万五千元,
    百分之三点五, 2万-6万元, 负2.5%, 一百二十三. Offsets point into `text`; full-width
    digits and brackets are read as ASCII. A numeral that cannot be read whole has value None."""
    from .normalise import fold_width   # same length: offsets stay those of `text`
    return list(_everything_reader().tokens(fold_width(text)))
