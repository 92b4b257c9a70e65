"""Chinese numerals, read whole or not at all.

`read_numeral(s)` turns one numeral as written into a Decimal: Chinese (一千零一十五,
十五, 二〇二三, 三点五), financial capitals (壹仟贰佰, 拾万零壹), traditional forms (兩萬,
億), Arabic with multipliers (1.2万, 3千万, 2.8万亿, 1万6千) and colloquial elision
(四万五 = 45000, 三千二 = 3200, 两百五 = 250, 三亿五 = 3.5亿). A string that does not
follow the grammar (十十, 五五千, 一百零, 万万, 三五 …) gives None: a wrong number is
worse than none, so the reader never guesses.

Grammar, after every character is mapped to its plain simplified form:

    number   := [coef 亿 [tail_亿]] | [coef 万 [tail_万]] | section
    coef     := number without 亿 (for 亿) or a section (for 万); decimals only when no tail
    tail_U   := 零 number below U/10 | number of the next position down (千 for 万, 千万 for 亿)
              | one digit when U follows a digit (elision: 四万五, 三亿五)
    section  := digits with 千 百 十 in decreasing order, 零 for a skipped position,
                a leading 十 (十五), elision (三千二), positional digits (二〇二三),
                a decimal part after 点, or one Arabic number
"""
from __future__ import annotations

from decimal import Decimal

# Financial capitals and traditional characters → the plain simplified numeral.
CANONICAL = str.maketrans({
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四", "伍": "五",
    "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百",
    "仟": "千", "萬": "万", "億": "亿", "兩": "两", "○": "〇", "O": "〇", "Ο": "〇", "О": "〇",
})
DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
         "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
BIG_UNIT = {"亿": 10**8, "万": 10**4}
ZERO = "零〇"


def read_numeral(s: str) -> Decimal | None:
    """One numeral, exactly as it stands, or None when it is not one well-formed number."""
    return _number(canonical(s)) if s else None


def canonical(s: str) -> str:
    """Capitals and traditional characters as plain simplified numerals (same length)."""
    return s.translate(CANONICAL)


def multiplier_splits(s: str):
    """The ways an upper bound ends in a multiplier, longest multiplier first, as
    (coefficient, multiplier): 三千万 → (3, 10**7), (3000, 10**4); 6万 → (6, 10**4).
    A range's lower bound without a multiplier shares one of these (两千到三千万元)."""
    s = canonical(s)
    k = len(s)
    while k > 0 and (s[k - 1] in SMALL_UNIT or s[k - 1] in BIG_UNIT):
        k -= 1
    for cut in range(k, len(s)):
        suffix = s[cut:]
        if suffix == "十":
            continue   # 5-6十 is no way to write a range
        factor = _number("一" + suffix)
        coefficient = _number(s[:cut], elision=False)
        if factor is not None and coefficient is not None:
            yield coefficient, factor


def _number(s: str, elision: bool = True) -> Decimal | None:
    for unit, factor in BIG_UNIT.items():
        k = s.rfind(unit)
        if k < 0:
            continue
        head, tail = s[:k], s[k + 1:]
        if not head:
            return None   # a bare 万 / 亿
        coefficient = _number(head, elision=False) if unit == "亿" else _section(head, elision=False)
        if not coefficient:
            return None
        if not tail:
            return coefficient * factor
        if coefficient != coefficient.to_integral_value():
            return None   # 1.5万5千: a decimal coefficient takes no tail
        rest = _tail(tail, head[-1] in DIGIT, factor, elision)
        return None if rest is None else coefficient * factor + rest
    return _section(s, elision)


def _tail(tail: str, after_digit: bool, factor: int, elision: bool) -> Decimal | None:
    """What follows 万 or 亿: it must fill the positions below the unit without leaving a gap
    unmarked (一万零五 = 10005, 一万五千 = 15000, 一万五百 is malformed)."""
    next_position = factor // 10
    if tail[0] in ZERO:
        rest = _number(tail[1:], elision) if len(tail) > 1 else None
        return rest if rest is not None and 0 < rest < next_position and rest == int(rest) else None
    if len(tail) == 1 and tail in DIGIT and tail != "两":
        # elision: 四万五 = 四万五千, only straight after a digit (十万五 says nothing clear)
        return Decimal(DIGIT[tail] * next_position) if elision and after_digit else None
    rest = _number(tail, elision)
    if rest is None or rest != int(rest) or not next_position <= rest < factor:
        return None
    return rest


def _section(s: str, elision: bool = True) -> Decimal | None:
    """A number below 万: 一千零二十, 十五, 三千二, 二〇二三, 三点五, 1.2, 3千."""
    if not s:
        return None
    if s[0].isdigit():
        return _arabic_section(s)
    if "点" in s:
        whole, _, fraction = s.partition("点")
        if not whole or not fraction or any(ch not in DIGIT or ch == "两" for ch in fraction):
            return None
        number = _section(whole, elision=False)
        return None if number is None else number + Decimal("0." + "".join(str(DIGIT[ch]) for ch in fraction))
    if all(ch in DIGIT or ch == "0" for ch in s):
        return _positional(s)
    value, last, zero, i = 0, 10_000, False, 0   # last: the position of the last unit read
    while i < len(s):
        ch = s[i]
        if ch in ZERO:
            if zero or i == 0:
                return None   # 零零 / a leading 零
            zero, i = True, i + 1
            continue
        if ch == "十" and i == 0:   # 十五: a leading 十 stands for 一十
            value, last, i = 10, 10, 1
            continue
        if ch not in DIGIT:
            return None   # 十十, 一百十, a bare 百 or 千
        digit = DIGIT[ch]
        unit = SMALL_UNIT.get(s[i + 1]) if i + 1 < len(s) else None
        if unit is not None:
            if unit >= last or (zero and unit * 10 >= last) or (not zero and last < 10_000 and unit * 10 != last):
                return None   # positions out of order, a 零 with no gap, a gap with no 零
            if ch == "两" and unit == 10:
                return None   # 两十
            value, last, zero, i = value + digit * unit, unit, False, i + 2
            continue
        if i + 1 < len(s) or ch == "两" and last < 10_000:
            return None   # 五五千, 一百两
        if zero or last in (10, 10_000):
            return Decimal(value + digit) if not (zero and last == 10) else None
        # elision: 三千二 = 3200, 两百五 = 250, only when the unit had a digit of its own
        if not elision or s[i - 1] not in SMALL_UNIT or i < 2 or s[i - 2] not in DIGIT:
            return None
        return Decimal(value + digit * last // 10)
    return None if zero else Decimal(value)


def _positional(s: str) -> Decimal | None:
    """Digits read one by one (二〇二三 = 2023, 二0一四 = 2014). Two digits without a zero are a rough
    figure (三五家, 七八十), not a number; 两 is never positional."""
    if len(s) == 1:
        return Decimal(DIGIT[s])
    if "两" in s or s[0] in "零〇0" or (len(s) == 2 and not any(ch in "零〇0" for ch in s)):
        return None
    return Decimal("".join(str(DIGIT.get(ch, 0)) for ch in s))   # 二0一四: a 0 for 〇


def _arabic_section(s: str) -> Decimal | None:
    """1,200 / 3.5 alone, or an Arabic coefficient before one unit (3千, 1.5千)."""
    k = 0
    while k < len(s) and (s[k].isdigit() or s[k] in ",."):
        k += 1
    number = _arabic(s[:k])
    if number is None:
        return None
    rest = s[k:]
    if not rest:
        return number
    if rest in SMALL_UNIT:
        return number * SMALL_UNIT[rest]
    if len(rest) >= 2 and rest[0] in SMALL_UNIT and number == int(number) and 0 < number < 10:
        # 3千2百: an Arabic digit in a Chinese section
        return _section("一二三四五六七八九"[int(number) - 1] + rest, elision=False)
    return None


def _arabic(s: str) -> Decimal | None:
    digits = s.replace(",", "")
    if digits[:1] == "0" and digits[1:2].isdigit():
        return None   # 05, 000: a leading zero is no way to write a number
    if not digits or digits.count(".") > 1 or digits.startswith(".") or digits.endswith("."):
        return None
    if "," in s:
        whole = s.partition(".")[0].split(",")
        if not 1 <= len(whole[0]) <= 3 or any(len(group) != 3 for group in whole[1:]):
            return None
    try:
        return Decimal(digits)
    except ArithmeticError:
        return None
