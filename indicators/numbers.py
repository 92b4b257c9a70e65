"""Reading numbers the way work reports write them.

`NumberReader.tokens(text)` finds every quantity in a (normalised) text: Arabic or
Chinese numerals, 万/亿 multipliers, ranges, percentages and percentage points, the
unit word after the number and a qualifier on either side. It knows nothing about
indicators; `extract.py` decides what each quantity is a value *of*.

The reader only ever parses the span it matched, never a whole sentence, so words
that merely contain numeral characters (一般, 统一, 万家灯火) are left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
MULTIPLIER = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
              "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3, "百": 100}

# Written units the reader recognises after a number. Longest first, so 人次 wins over 人.
# Units a catalogue declares are added to these; the rest only delimit quantities.
UNIT_WORDS = """个百分点 百分点 平方公里 平方千米 平方米 万平方米 平米 ㎡ 立方米 千瓦时 千瓦 兆瓦 公里 千米 米
美元 欧元 日元 港元 元 人次 人 名 位 户 家 个 座 所 项 件 处 套 台 辆 条 亩 吨 标箱 张 株 棵 头 只 批 次 场 期
年 月 日 天 倍 岁 例 篇 部 支 间 栋 艘 架 列 对 颗 片 幅 门 类 种 款 届 轮 级 星 宗 笔 份 本 册 GW MW kW km""".split()

QUALIFIER_AFTER = {"以上": ">=", "及以上": ">=", "或以上": ">=", "之上": ">=",
                   "以内": "<=", "之内": "<=", "以下": "<=", "左右": "~", "上下": "~"}
QUALIFIER_BEFORE = {"超过": ">", "超出": ">", "突破": ">", "超": ">", "逾": ">", "多于": ">",
                    "高于": ">", "大于": ">", "不低于": ">=", "不少于": ">=", "至少": ">=",
                    "约": "~", "大约": "~", "近": "~", "接近": "~", "控制在": "<=",
                    "不超过": "<=", "不高于": "<=", "低于": "<", "少于": "<", "不到": "<", "不足": "<"}
SOFT_WORDS = ("力争", "争取", "努力", "力求")

_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_MULT = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米瓦克])|百(?!分)"
_POST = r"及以上|或以上|以上|之上|以内|之内|以下|左右|上下"


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(slots=True)   # not frozen: frozen dataclasses are several times slower to create
class Quantity:
    """One number as written: where it is, what it says, and how it was read."""
    start: int            # offset of the first character of the number
    end: int              # offset after the unit / qualifier
    value: float | int | None   # None: a unit no indicator asks for (not parsed)
    value_max: float | int | None   # upper bound of a range (5%-6%), else None
    unit: str | None      # unit word as written after the number (%, 家, 人, 美元 ...)
    qualifier: str        # = >= > <= < ~ (from the words after the number only)
    growth: bool = False  # the span itself says "grows by" (两位数增长, 翻一番)


def chinese_to_number(s: str) -> int:
    """二〇二三 → 2023, 一千二百 → 1200, 十五 → 15, 两万 → 20000."""
    if not any(ch in CN_SMALL or ch in CN_BIG for ch in s):
        return int("".join(str(CN_DIGIT[ch]) for ch in s))   # positional: 二〇二三
    total = section = digit = 0   # total: whole 亿 groups; section: below them
    for ch in s:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_SMALL:
            section += (digit or 1) * CN_SMALL[ch]
            digit = 0
        elif ch == "万":
            section = (section + digit or 1) * 10_000
            digit = 0
        else:  # 亿
            total = (total + section + digit or 1) * 100_000_000
            section = digit = 0
    return total + section + digit


def _clean(x: Decimal) -> float | int:
    """Exact decimal arithmetic, returned as int when whole (1.2万 → 12000, not 12000.000000000002)."""
    return int(x) if x == x.to_integral_value() else float(x)


def parse_number(s: str) -> Decimal:
    """One numeral span (Arabic with optional thousands commas, or Chinese) → Decimal."""
    if s[0].isdigit():
        return Decimal(s.replace(",", ""))
    return Decimal(chinese_to_number(s))


class NumberReader:
    """Finds quantities in normalised text. Build once per catalogue; reuse for every text.

    One scan: the regex opens with a character class (a digit or a Chinese numeral), so
    the engine skips quickly through text without numbers. Arabic numbers may carry
    万/亿 and ranges; Chinese numerals count only when a unit follows (三家, 十二万人) or
    in fixed phrases (百分之五, 两位数增长, 翻一番, 千亿元).
    """

    def __init__(self, units_of_interest=()):
        self.units_of_interest = frozenset(units_of_interest)
        units = _alternation(list(UNIT_WORDS) + list(units_of_interest) + ["%", "‰"])
        num = rf"(?:{_ARABIC}|{_CN})"
        self._pattern = re.compile(rf"""
            (?P<head>[\d两翻百千万零〇一二三四五六七八九十])(?:
                (?<=\d)(?P<digits>\d*(?:,\d{{3}}(?!\d))*(?:\.\d+)?)(?P<u1>%|个百分点)?
                (?:(?P<sep>[-~—–至到])(?P<n2>{_ARABIC}|{_CN}))?
                (?P<approx1>余|多)?(?P<mult>{_MULT})?(?P<approx2>余|多)?
                (?P<unit>{units})?
              | (?<=两)位数(?P<double_digit>以上)?增长
              | (?<=翻)(?P<times>一|两|三)?番
              | (?<=百)分之(?P<pct>{num})
              | (?<=[千百万])亿(?P<bare_unit>元|美元)
              | (?<=[零〇一二两三四五六七八九十])(?P<rest>[零〇一二两三四五六七八九十百千万亿]*)
                (?P<cn_approx>余|多)?(?P<cn_unit>{units}))""", re.VERBOSE)
        self._post = re.compile(rf"\s?(?:{_POST})")

    def tokens(self, text: str):
        """Every quantity in `text`, left to right. Quantities whose unit is not of interest
        come with value None: they still end list items (新增A 2项、B 3家)."""
        for m in self._pattern.finditer(text):
            if m.group("digits") is not None:
                q = self._arabic_quantity(text, m)
            else:
                q = self._chinese_quantity(text, m)
            if q is not None:
                yield q

    def _arabic_quantity(self, text: str, m: re.Match) -> Quantity | None:
        start, end = m.span()
        u1, unit, n2 = m.group("u1", "unit", "n2")
        if u1 and unit and n2 is None:
            unit, end = u1, m.start("unit")   # "5%项目": the unit group took the next word
        unit = unit or u1
        if unit not in self.units_of_interest:
            # only ends list items: no need to read it (most numbers of a report are these)
            if unit == "年" and end - start == 5 and _YEAR_NUMBER.match(text, start):
                return None   # a date (比2016年增长, 2023年全市…) ends nothing
            return Quantity(start, end, None, None, unit, "=")
        before = text[start - 1] if start else ""
        if before in _NOT_BEFORE_NUMBER or (before.isascii() and before.isalpha()):
            return None   # PM2.5, 第2位, 2+4+X, masked slogan numbers
        after = text[end:end + 1]
        if after == "+":
            return None   # slogans: 8+4
        head, digits, mult, approx1, approx2 = m.group("head", "digits", "mult", "approx1", "approx2")
        factor = Decimal(MULTIPLIER[mult]) if mult else 1
        value = parse_number(head + digits) * factor
        if before == "-" and _MINUS_AFTER.search(text, max(0, start - 4), start - 1):
            value, start = -value, start - 1   # 增长-2.6%: a decline written with a minus sign
        value_max = parse_number(n2) * factor if n2 else None
        if value_max is not None and value_max <= value:
            value_max = None   # not a usable range (2021-2025 are years, 3-2 is nothing)
        qualifier, end = self._qualifier_after(text, end)
        if value_max is not None:
            qualifier = ">="
        elif qualifier == "=" and (approx1 or approx2):
            qualifier = ">"   # 300余家, 3000多人
        return Quantity(start, end, _clean(value), None if value_max is None else _clean(value_max), unit, qualifier)

    def _chinese_quantity(self, text: str, m: re.Match) -> Quantity | None:
        start, end = m.span()
        if m.group("double_digit") is not None or text.startswith("两位数", start):
            return Quantity(start, end, 10, None, "%", ">=", growth=True)   # 两位数增长
        if text[start] == "翻":   # 翻N番 multiplies by 2**N: +100% for 翻一番
            times = {None: 1, "一": 1, "两": 2, "三": 3}[m.group("times")]
            return Quantity(start, end, (2 ** times - 1) * 100, None, "%", "=", growth=True)
        if m.group("pct"):
            value, unit = parse_number(m.group("pct")), "%"
        elif m.group("bare_unit"):
            value, unit = Decimal(MULTIPLIER[text[start:start + 2]]), m.group("bare_unit")   # 千亿元
        else:
            numeral = m.group("head") + m.group("rest")
            if start and text[start - 1] == "第" or not _chinese_standalone(text, start, numeral):
                return None
            unit = m.group("cn_unit")
            if unit not in self.units_of_interest:
                return Quantity(start, end, None, None, unit, "=")
            value = parse_number(numeral)
        qualifier, end = self._qualifier_after(text, end)
        if qualifier == "=" and m.group("cn_approx"):
            qualifier = ">"
        return Quantity(start, end, _clean(value), None, unit, qualifier)

    def _qualifier_after(self, text: str, end: int) -> tuple[str, int]:
        pm = self._post.match(text, end)
        if pm:
            return QUALIFIER_AFTER[pm.group().strip()], pm.end()
        return "=", end


_NOT_BEFORE_NUMBER = frozenset(".+#第")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d年")
_MINUS_AFTER = re.compile(r"(?:增长|增速|增幅|为|达|到)$")


def _chinese_standalone(text: str, start: int, numeral: str) -> bool:
    """一 / 两 / 二 after another character is usually part of a word (统一, 每一个, 其中一家)."""
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
