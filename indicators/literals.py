"""Words a regular expression cannot match without: a cheap test before running it.

The subject patterns of the catalogue open with look-behinds and optional place words
({WHOLE}), so Python's regex engine tries them at every position of a text. Every match of
`{WHOLE}(?:地区|国内)?(?:生产总值|GDP)` contains 生产总值 or GDP, though, and a plain
substring test for those (done in C) rules out almost every text first.
"""
from __future__ import annotations

from functools import lru_cache

try:   # Python 3.11+: the parser moved; both names are the standard library's own
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:   # pragma: no cover
    import sre_constants
    import sre_parse

_NO_CONTENT = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_MAX_ALTERNATIVES = 64


@lru_cache(maxsize=None)   # an indicator's gates and its unit's gate parse the same patterns
def required_literals(pattern: str) -> frozenset[str] | None:
    """A set of strings one of which every match of `pattern` contains, or None when no such
    set is known (a pattern that can match without any fixed text, or one too complex)."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:   # an invalid pattern is reported by the catalogue, not here
        return None
    if parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE:
        return None
    return _sequence(list(parsed))


def _sequence(items: list) -> frozenset[str] | None:
    """The best literal set of a sequence: a run of literal characters, or one required item."""
    best: frozenset[str] | None = None
    run = ""
    candidates = []
    for op, arg in items:
        if op is sre_constants.LITERAL:
            run += chr(arg)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op in _NO_CONTENT:
            continue
        found = _item(op, arg)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    for found in candidates:   # the set whose shortest word is longest: the fewest false hits
        if best is None or min(map(len, found)) > min(map(len, best)):
            best = found
    return best


def _item(op, arg) -> frozenset[str] | None:
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None   # one alternative needs no fixed text: neither does the whole
            union |= found
        return frozenset(union) if len(union) <= _MAX_ALTERNATIVES else None
    if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
        return frozenset(chr(ch) for _, ch in arg)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    return None


@lru_cache(maxsize=None)
def edge_characters(pattern: str, last: bool = False) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` can start with (or end with, `last`):
    国家级?|省级? starts with 国 or 省; 高新技术企业["”]? ends with 业 or ”. None when that is
    not known. A cheap test of one character before trying the pattern."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return None
    if parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE:
        return None
    found, _ = _edge(list(parsed), last)
    return found


def _edge(items: list, last: bool) -> tuple[frozenset[str] | None, bool]:
    """(edge characters of a sequence's non-empty matches, whether it can match empty)."""
    chars: set[str] = set()
    for op, arg in reversed(items) if last else items:
        if op in _NO_CONTENT:
            continue   # a look-around or anchor consumes nothing
        if op is sre_constants.LITERAL:
            return frozenset(chars | {chr(arg)}), False
        if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
            return frozenset(chars | {chr(ch) for _, ch in arg}), False
        if op is sre_constants.SUBPATTERN:
            sub, empty = _edge(list(arg[-1]), last)
        elif op is sre_constants.BRANCH:
            sub, empty = frozenset(), False
            for branch in arg[1]:
                found, can_be_empty = _edge(list(branch), last)
                if found is None:
                    return None, True
                sub, empty = sub | found, empty or can_be_empty
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            sub, empty = _edge(list(arg[2]), last)
            empty = empty or arg[0] == 0
        else:
            return None, True   # a class, a backreference …: any character may stand there
        if sub is None:
            return None, True
        chars |= sub
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


class LiteralGate:
    """`could_match(text, start, end)`: False only when none of the patterns can match there.
    Holds the union of their required literals; with any pattern lacking one, always True."""

    def __init__(self, patterns: list[str]):
        words: set[str] = set()
        for p in patterns:
            found = required_literals(p)
            if not found:
                self.words = None
                return
            words |= found
        # a word that contains another is implied by it: keep the shorter
        self.words = tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))

    def could_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        if self.words is None:
            return True
        window = text[start:end] if start or end is not None else text
        return any(w in window for w in self.words)
