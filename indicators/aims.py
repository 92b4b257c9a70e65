"""Floors with a higher aim: 增长7%以上、力争8% is one target, floor 7 and aim 8, not two.

A number target followed closely in its sentence by a hedged (力争, 争取 …) number of the same
indicator that goes further (higher; lower for a decline) is that target's aim: the first
value keeps its qualifier and gets `aim`, the second row goes, and the quote covers both.
"""
from __future__ import annotations

from .lazy_regex import lazy_compile
from .models import TARGET, Value
from .numbers import SOFT_WORDS

_GAP = lazy_compile(rf"[^\d。;；!！?？\n]{{0,16}}")   # 、力争 / ，力争达到 / ，努力实现: a few words, no number
_SOFT = lazy_compile("|".join(SOFT_WORDS))


def join_aims(values: list[Value], text: str) -> list[Value]:
    """`values` (in text order) with each floor's aim joined into it."""
    out: list[Value] = []
    for v in values:
        floor = out[-1] if out else None
        if floor is not None and is_aim(floor, v, text):
            floor.aim = v.value
            floor.quote = _joined_quote(floor, v, text)
            continue
        out.append(v)
    return out


def is_aim(floor: Value, v: Value, text: str) -> bool:
    if not (floor.indicator == v.indicator and floor.status == v.status == TARGET and floor.period == v.period
            and floor.value is not None and v.value is not None and floor.aim is None and floor.value_max is None):
        return False
    further = v.value > floor.value if floor.value >= 0 else v.value < floor.value
    gap = text[floor.end:v.start]
    return further and bool(_GAP.fullmatch(gap)) and bool(_SOFT.search(gap))


def _joined_quote(floor: Value, aim: Value, text: str) -> str:
    """The clause of the floor through the clause of the aim."""
    if floor.quote == aim.quote:
        return floor.quote
    first = text.find(floor.quote, max(0, floor.end - len(floor.quote)))
    last = text.find(aim.quote, max(0, aim.end - len(aim.quote)))
    if first < 0 or last < 0:
        return floor.quote
    return text[first:last + len(aim.quote)].strip()
