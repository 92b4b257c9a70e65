"""`did you mean …?`: the known names a mistyped one most likely meant, or none.

A name that contains what was typed, or that what was typed contains (gdp → gdp_growth,
杭州市 → 杭州), comes first; then names that begin the same way for half the shorter name or more (金化 → 金华;
longer common starts first);
then names a few edits away, few relative to the length (gdp_grwoth → gdp_growth). Two names
that merely end alike are not close: 杭州 suggests neither 随州 nor 锦州 (one edit in two
characters is half the name). When nothing qualifies, nothing is suggested.
"""
from __future__ import annotations

from typing import Callable, Iterable

MAX_EDIT_SHARE = 1 / 3   # at most one edit per three characters of the longer name


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbours counting as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


def common_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def suggest(typed: str, known: Iterable[str], n: int = 4, key: Callable[[str], str] = lambda s: s) -> list[str]:
    """Up to n of `known` that `typed` most likely meant, best first; [] when none is close.
    `key` compares names in a normal form (杭州市 and 杭州 as 杭州)."""
    wanted = key(typed).lower()
    if not wanted:
        return []
    ranked = []
    for name in dict.fromkeys(known):
        form = key(name).lower()
        if not form or form == wanted:
            continue
        if wanted in form or form in wanted:
            ranked.append(((0, abs(len(form) - len(wanted)), 0), name))
            continue
        start = common_start(form, wanted)
        # a shared start counts when it is half the shorter name or more (金化 → 金华, gdp_grow → gdp_growth)
        if start and start * 2 >= min(len(form), len(wanted)):
            ranked.append(((1, -start, edit_distance(form, wanted)), name))
            continue
        distance = edit_distance(form, wanted)
        if distance <= MAX_EDIT_SHARE * max(len(form), len(wanted)):
            ranked.append(((2, distance, 0), name))
    return [name for _rank, name in sorted(ranked, key=lambda r: r[0])[:n]]
