"""Words a regular expression cannot match without: a cheap test before running it.

The subject patterns of the catalogue open with look-behinds and optional place words
({WHOLE}), so Python's regex engine tries them at every position of a text. Every match of
`{WHOLE}(?:地区|国内)?(?:生产总值|GDP)` contains 生产总值 or GDP, though, and a plain
substring test for those (done in C) rules out almost every text first.

`required_literals` gives the single run of fixed text a pattern needs (asides, word targets);
`required_words` spells out whole stretches of few spellings (粮食(?:总产|产量) → 粮食总产,
粮食产量): rarer words, for the keyword-first reading of keyword_scan.py.
"""
from __future__ import annotations

from functools import lru_cache

from . import compiled

try:   # Python 3.11+: the parser moved; both names are the standard library's own
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:   # pragma: no cover
    import sre_constants
    import sre_parse

_NO_CONTENT = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_MAX_ALTERNATIVES = 64
# Parsing a pattern is most of the time the answers take, an Extractor asks about every
# catalogue pattern when it is made, and an indicator's gates and its unit's gate ask about the
# same ones: the answers are kept, in this run and across runs (compiled.Memo).
_answers = compiled.Memo("literals")


def required_literals(pattern: str) -> frozenset[str] | None:
    """A set of strings one of which every match of `pattern` contains, or None when no such
    set is known (a pattern that can match without any fixed text, or one too complex)."""
    def answer():
        items = _items(pattern)
        return None if items is None else _sequence(items)
    return _answers(("required_literals", pattern), answer)


def _items(pattern: str) -> list | None:
    """The parsed pattern's top-level items; None for an invalid pattern (the catalogue reports
    it, not here) or one that ignores case (its words may be written in any case)."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return None
    return None if parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE else list(parsed)


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
def required_words(pattern: str, most: int = 64) -> frozenset[str] | None:
    """Like required_literals, but longer words where a pattern spells them out: a run of parts
    each of which matches only a few strings (农村 (?:常住)? 居民 (?:可支配|纯)? 收入) is taken
    as all its spellings (农村居民收入, 农村常住居民纯收入 …, at most `most` of them). Every match
    contains one of them. Longer words are rarer in a text: fewer sentences and patterns are tried
    for nothing (keyword_scan.py)."""
    items = _items(pattern)
    return None if items is None else _words_of_sequence(items, most)


def _words_of_sequence(items: list, most: int) -> frozenset[str] | None:
    """The best word set of a sequence: the spellings of a stretch of few-spelling parts, or a
    word set one part requires."""
    candidates: list[frozenset[str]] = []
    run: list[set[str]] = []   # consecutive parts with few spellings
    for op, arg in items:
        if op in _NO_CONTENT:
            continue   # a look-around or anchor consumes nothing: the run goes on across it
        spellings = _spellings(op, arg, most)
        if spellings is not None:
            run.append(spellings)
            continue
        candidates += _best_stretch(run, most)
        run = []
        inner = _required_inside(op, arg, most)
        if inner:
            candidates.append(inner)
    candidates += _best_stretch(run, most)
    # the set whose shortest word is longest (the first of equals): the fewest false hits
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _best_stretch(parts: list[set[str]], most: int) -> list[frozenset[str]]:
    """Of the stretches parts[i:j], the one whose spellings (at most `most`) have the longest
    shortest word: 农村(?:常住)?居民(?:可支配|纯)?收入 → 农村居民收入 … (12 spellings)."""
    best, best_key = None, (0, 0)
    for i in range(len(parts)):
        words = {""}
        for j in range(i, len(parts)):
            if len(words) * len(parts[j]) > most:
                break
            words = {a + b for a in words for b in parts[j]}
            key = (min(map(len, words)), -len(words))   # then the fewest spellings
            if key > best_key:
                best, best_key = words, key
    return [frozenset(best)] if best else []


def _spellings(op, arg, most: int) -> set[str] | None:
    """Every string one part of a pattern can match, when they are few; else None."""
    if op is sre_constants.LITERAL:
        return {chr(arg)}
    if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
        return {chr(ch) for _, ch in arg} if len(arg) <= most else None
    if op is sre_constants.SUBPATTERN:
        return _spellings_of_sequence(list(arg[-1]), most)
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _spellings_of_sequence(list(branch), most)
            if found is None or len(union | found) > most:
                return None
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, high, body = arg
        one = _spellings_of_sequence(list(body), most)
        if one is None or high > 4:
            return None
        found, power = set(), {""}
        for count in range(high + 1):
            if count >= low:
                found |= power
            if count < high:
                power = {a + b for a in power for b in one}
            if len(found) + len(power) > most:
                return None
        return found
    return None


def _spellings_of_sequence(items: list, most: int) -> set[str] | None:
    found = {""}
    for op, arg in items:
        if op in _NO_CONTENT:
            continue
        part = _spellings(op, arg, most)
        if part is None or len(found) * len(part) > most:
            return None
        found = {a + b for a in found for b in part}
    return found


def _required_inside(op, arg, most: int) -> frozenset[str] | None:
    """The word set a part with many spellings still requires (a group, a branch, a repeat)."""
    if op is sre_constants.SUBPATTERN:
        return _words_of_sequence(list(arg[-1]), most)
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _words_of_sequence(list(branch), most)
            if not found:
                return None
            union |= found
        return frozenset(union) if len(union) <= most else None
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _words_of_sequence(list(body), most) if low >= 1 else None
    return None


def edge_characters(pattern: str, last: bool = False) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` can start with (or end with, `last`):
    国家级?|省级? starts with 国 or 省; 高新技术企业["”]? ends with 业 or ”. None when that is
    not known. A cheap test of one character before trying the pattern."""
    def answer():
        items = _items(pattern)
        return None if items is None else _edge(items, last)[0]
    return _answers(("edge_characters", pattern, last), answer)


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
