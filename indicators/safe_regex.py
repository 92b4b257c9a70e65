"""Patterns from a user's catalogue, run so that no pattern can hang polcmp.

Python's `re` backtracks: (a|a)*, (a?){32}a{32} or (.*a){20} take exponential time on a line
of a few dozen characters. A user's pattern therefore runs on RE2 (google-re2), whose time is
linear in the text, whatever the pattern. The pattern is written in Python's syntax, as the
built-in catalogue is: it is parsed by Python's own parser and written out again for RE2, so
\\d, \\s and \\w keep Python's Unicode meaning.

RE2 has no lookarounds ((?<!的), (?=增长)), and the built-in catalogue's fragments ({WHOLE} …)
use them. A pattern RE2 cannot run is accepted on Python's engine only when a bound on its
backtracking can be read from it: no unbounded repeat (*, +, {n,}) and at most
MAX_BACKTRACKING steps from any one starting point, so a search stays linear in the text.
Backreferences and conditionals are refused: a catalogue never needs them.

The built-in catalogue is trusted: its patterns (and those of a copy of it) run on `re`, as
fast as ever. `PatternCompiler` decides per pattern.
"""
from __future__ import annotations

import math
import re
import warnings

try:
    from re import _constants as C, _parser as sre_parse
except ImportError:   # Python < 3.11
    import sre_constants as C
    import sre_parse

from .lazy_regex import lazy_compile

# Steps from one starting point beyond which a pattern with lookarounds is refused. The
# built-in catalogue's largest needs about 4,000 (bench: python -m polcmp.indicators.safe_regex).
MAX_BACKTRACKING = 100_000


class UnsafePattern(ValueError):
    """A pattern polcmp will not run: the message says why and what to write instead."""


# Python's \s for text: every character str.isspace() accepts (tests check the list is whole).
PY_SPACE = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_CLASS = "".join(f"\\x{{{ord(ch):x}}}" if ch != "-" else "-" for ch in PY_SPACE)
# Python's \d is Unicode Nd and \w is letters, numbers and _ (tests check both against `re`).
_CATEGORIES = {
    C.CATEGORY_DIGIT: ("\\p{Nd}", None), C.CATEGORY_NOT_DIGIT: ("\\P{Nd}", None),
    C.CATEGORY_WORD: ("\\p{L}\\p{N}_", None), C.CATEGORY_NOT_WORD: (None, "\\p{L}\\p{N}_"),
    C.CATEGORY_SPACE: (_SPACE_CLASS, None), C.CATEGORY_NOT_SPACE: (None, _SPACE_CLASS),
}
_ASCII_CATEGORIES = {
    C.CATEGORY_DIGIT: ("0-9", None), C.CATEGORY_NOT_DIGIT: (None, "0-9"),
    C.CATEGORY_WORD: ("a-zA-Z0-9_", None), C.CATEGORY_NOT_WORD: (None, "a-zA-Z0-9_"),
    C.CATEGORY_SPACE: ("\\t\\n\\x0b\\x0c\\r ", None), C.CATEGORY_NOT_SPACE: (None, "\\t\\n\\x0b\\x0c\\r "),
}


class _Unsupported(Exception):
    """A construct RE2 lacks; the text names it for the user."""


def parse(src: str):
    with warnings.catch_warnings():   # a user's odd character class is judged, not warned about
        warnings.simplefilter("ignore", FutureWarning)
        return sre_parse.parse(src)


def to_re2(src: str) -> str:
    """The same pattern in RE2's syntax. Raises _Unsupported naming what RE2 cannot do."""
    tree = parse(src)
    flags = tree.state.flags
    names = {index: name for name, index in tree.state.groupdict.items()}
    body = _write(tree, flags, names)
    prefix = "".join(letter for flag, letter in ((C.SRE_FLAG_IGNORECASE, "i"), (C.SRE_FLAG_DOTALL, "s"),
                                                 (C.SRE_FLAG_MULTILINE, "m")) if flags & flag)
    return f"(?{prefix}){body}" if prefix else body


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


def _write(items, flags: int, names: dict[int, str]) -> str:
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(_char(av))
        elif op is C.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is C.ANY:
            out.append(".")
        elif op is C.IN:
            out.append(_write_class(av, flags))
        elif op is C.BRANCH:
            out.append("(?:" + "|".join(_write(branch, flags, names) for branch in av[1]) + ")")
        elif op is C.SUBPATTERN:
            group, add, remove, sub = av
            inner_flags = (flags | add) & ~remove
            inner = _write(sub, inner_flags, names)
            on = "".join(l for f, l in ((C.SRE_FLAG_IGNORECASE, "i"), (C.SRE_FLAG_DOTALL, "s"),
                                         (C.SRE_FLAG_MULTILINE, "m")) if add & f)
            off = "".join(l for f, l in ((C.SRE_FLAG_IGNORECASE, "i"), (C.SRE_FLAG_DOTALL, "s"),
                                          (C.SRE_FLAG_MULTILINE, "m")) if remove & f)
            if on or off:
                inner = f"(?{on}{'-' + off if off else ''}:{inner})"
            if group is None:
                out.append(f"(?:{inner})")
            else:
                out.append(f"(?P<{names[group]}>{inner})" if group in names else f"({inner})")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            if high != C.MAXREPEAT and high > 1000:
                raise _Unsupported(f"a repeat of more than 1,000 ({{{low},{high}}})")
            count = f"{{{low},}}" if high == C.MAXREPEAT else f"{{{low},{high}}}"
            out.append(f"(?:{_write(sub, flags, names)}){count}{'?' if op is C.MIN_REPEAT else ''}")
        elif op is C.AT:
            out.append(_write_anchor(av, flags))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            raise _Unsupported("a lookaround ((?=…), (?!…), (?<=…), (?<!…))")
        elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
            raise _Unsupported("a backreference or conditional")
        else:   # ATOMIC_GROUP, POSSESSIVE_REPEAT and whatever a later Python adds
            raise _Unsupported(f"{str(op).lower().replace('_', ' ')} (an atomic group or possessive repeat)")
    return "".join(out)


def _write_anchor(code, flags: int) -> str:
    multiline = flags & C.SRE_FLAG_MULTILINE
    if code is C.AT_BEGINNING:
        return "(?m:^)" if multiline else "\\A"
    if code is C.AT_BEGINNING_STRING:
        return "\\A"
    if code is C.AT_END_STRING:
        return "\\z"
    if code is C.AT_END:
        # Python's $ also matches before a newline that ends the text; RE2 cannot say that.
        return "(?m:$)" if multiline else "\\z"
    raise _Unsupported("a word boundary (\\b, \\B), which RE2 reads in ASCII only")


def _write_class(items, flags: int) -> str:
    """[…] in RE2's syntax. A negated category inside a set ([\\S、]) becomes an alternation."""
    table = _ASCII_CATEGORIES if flags & C.SRE_FLAG_ASCII else _CATEGORIES
    negate, positive, negated = False, [], []
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            positive.append(_char(av))
        elif op is C.RANGE:
            positive.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY:
            inside, outside = table[av]
            if inside:
                positive.append(inside)
            else:
                negated.append(outside)
        else:
            raise _Unsupported(f"{op} in a character set")
    if not negated:
        return f"[{'^' if negate else ''}{''.join(positive)}]"   # Python allows no empty set
    if negate:   # [^\S…]: characters in none of the parts — rare enough to leave to Python
        raise _Unsupported("a negated category inside a negated set ([^\\S…])")
    parts = ([f"[{''.join(positive)}]"] if positive else []) + [f"[^{n}]" for n in negated]
    return "(?:" + "|".join(parts) + ")"


def backtracking_bound(src: str) -> float:
    """An upper bound on the steps Python's engine takes from one starting point (math.inf
    when a repeat is unbounded). A bounded pattern searches any text in linear time."""
    return _bound(parse(src))[0]


def _bound(items) -> tuple[float, float]:
    """(steps, ways): steps to explore every path through `items`, and how many ways it can
    end, each of which the rest of the pattern may be tried after."""
    steps, ways = 0.0, 1.0
    for op, av in items:   # a sequence: everything after a node is retried once per way it ends
        s, w = _bound_node(op, av)
        steps += ways * s
        ways *= w
        if steps > MAX_BACKTRACKING * 1e6:
            return math.inf, math.inf
    return steps, ways


def _bound_node(op, av) -> tuple[float, float]:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.AT, C.CATEGORY):
        return 1.0, 1.0
    if op is C.BRANCH:
        parts = [_bound(branch) for branch in av[1]]
        return 1.0 + sum(s for s, _ in parts), sum(w for _, w in parts)
    if op is C.SUBPATTERN:
        return _bound(av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op.name == "POSSESSIVE_REPEAT":
        low, high, sub = av
        if high == C.MAXREPEAT:
            return math.inf, math.inf
        s, w = _bound(sub)
        # k tries of the body: every way the first k-1 ended retries it
        steps = sum(w ** k for k in range(high)) * s + high + 1
        ways = 1.0 if op.name == "POSSESSIVE_REPEAT" else sum(w ** k for k in range(low, high + 1))
        return steps, ways
    if op in (C.ASSERT, C.ASSERT_NOT):
        return _bound(av[1])[0] + 1, 1.0
    if op.name == "ATOMIC_GROUP":
        return _bound(av)[0] + 1, 1.0
    return math.inf, math.inf   # backreferences, conditionals: not bounded here


_ANCHOR = None   # RE2's unanchored, start-anchored and both-anchored, set when RE2 is first used


class LinearPattern:
    """A pattern run by RE2, with the part of re.Pattern's interface polcmp uses:
    search, match, fullmatch, finditer, findall, sub, and .pattern (the Python source).
    One difference: after an empty match, `re` may match again at the same place (finditer
    of (a)*? in 'a'); this steps on. polcmp refuses subjects that can match empty."""

    __slots__ = ("pattern", "groups", "groupindex", "_regexp")

    def __init__(self, pattern: str, translated: str):
        from re2 import _re2
        options = _re2.RE2.Options()
        options.log_errors = False          # errors become UnsafePattern, not lines on stderr
        options.max_mem = 64 << 20          # a pattern's program is bounded; beyond is an error
        global _ANCHOR
        _ANCHOR = _ANCHOR or (_re2.RE2.Anchor.UNANCHORED, _re2.RE2.Anchor.ANCHOR_START, _re2.RE2.Anchor.ANCHOR_BOTH)
        regexp = _re2.RE2(translated.encode("utf-8"), options)
        if not regexp.ok():
            error = regexp.error()
            raise ValueError(error.decode("utf-8", "replace") if isinstance(error, bytes) else error)
        self.pattern = pattern
        self.groups = regexp.NumberOfCapturingGroups()
        self.groupindex = {name.decode("utf-8"): i for name, i in regexp.NamedCapturingGroups()}
        self._regexp = regexp

    def __reduce__(self):   # --jobs sends the catalogue to workers: compile again there
        return (_linear, (self.pattern,))

    def _matches(self, anchor: int, text: str, pos: int | None, endpos: int | None):
        """Matches in text[pos:endpos]. Only that window (and the character before it, which
        ^ looks at) is encoded, so a call costs time in proportion to the window."""
        pos = 0 if pos is None else max(0, min(pos, len(text)))
        endpos = len(text) if endpos is None else max(0, min(endpos, len(text)))
        if pos > endpos:
            return
        start = pos - 1 if pos else 0
        window = text[start:endpos].encode("utf-8")
        at = len(text[start:pos].encode("utf-8"))
        chars = _CharOffsets(window, start)
        while at <= len(window):
            spans = self._regexp.Match(anchor, window, at, len(window))
            if spans[0][0] < 0:
                return
            yield _Match(self, text, pos, endpos, [(-1, -1) if a < 0 else (chars(a), chars(b)) for a, b in spans])
            a, b = spans[0]
            at = b if b > a else b + chars.width_at(b)   # past an empty match by one character

    def search(self, text: str, pos: int | None = None, endpos: int | None = None):
        return next(self._matches(_ANCHOR[0], text, pos, endpos), None)

    def match(self, text: str, pos: int | None = None, endpos: int | None = None):
        return next(self._matches(_ANCHOR[1], text, pos, endpos), None)

    def fullmatch(self, text: str, pos: int | None = None, endpos: int | None = None):
        return next(self._matches(_ANCHOR[2], text, pos, endpos), None)

    def finditer(self, text: str, pos: int | None = None, endpos: int | None = None):
        return self._matches(_ANCHOR[0], text, pos, endpos)

    def findall(self, text: str, pos: int | None = None, endpos: int | None = None):
        return [m.group() if not self.groups else m.groups("")[0] if self.groups == 1 else m.groups("")
                for m in self.finditer(text, pos, endpos)]

    def sub(self, repl, text: str, count: int = 0) -> str:
        return _sub(self, repl, text, count)

    def __repr__(self) -> str:
        return f"LinearPattern({self.pattern!r})"


def _linear(pattern: str) -> LinearPattern:
    return LinearPattern(pattern, to_re2(pattern))


def _sub(pattern, repl, text: str, count: int) -> str:
    out, last = [], 0
    for n, m in enumerate(pattern.finditer(text), 1):
        out += [text[last:m.start()], repl(m) if callable(repl) else m.expand(repl)]
        last = m.end()
        if n == count:
            break
    return "".join(out) + text[last:]


class _CharOffsets:
    """Character offsets in the text of byte offsets in its UTF-8 window. Offsets come mostly
    in increasing order, so each is decoded from the one before: linear in the window."""

    def __init__(self, window: bytes, first_char: int):
        self.window, self.byte, self.char = window, 0, first_char
        self.first_char = first_char

    def __call__(self, byte_offset: int) -> int:
        if byte_offset < self.byte:
            self.byte, self.char = 0, self.first_char
        self.char += len(self.window[self.byte:byte_offset].decode("utf-8"))
        self.byte = byte_offset
        return self.char

    def width_at(self, byte_offset: int) -> int:
        """Bytes of the character at byte_offset (1 at the end, to step past it)."""
        lead = self.window[byte_offset] if byte_offset < len(self.window) else 0
        return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


class _Match:
    """The part of re.Match polcmp uses, over spans in characters."""

    __slots__ = ("re", "string", "pos", "endpos", "_spans")

    def __init__(self, pattern: LinearPattern, text: str, pos: int, endpos: int, spans):
        self.re, self.string, self.pos, self.endpos, self._spans = pattern, text, pos, endpos, spans

    def _index(self, group) -> int:
        if isinstance(group, str):
            if group not in self.re.groupindex:
                raise IndexError("no such group")
            return self.re.groupindex[group]
        if not 0 <= group < len(self._spans):
            raise IndexError("no such group")
        return group

    def span(self, group=0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group=0) -> int:
        return self.span(group)[0]

    def end(self, group=0) -> int:
        return self.span(group)[1]

    def group(self, *groups):
        if len(groups) > 1:
            return tuple(self.group(g) for g in groups)
        a, b = self.span(groups[0] if groups else 0)
        return None if a < 0 else self.string[a:b]

    __getitem__ = group

    def groups(self, default=None):
        return tuple(default if self._spans[i][0] < 0 else self.group(i) for i in range(1, len(self._spans)))

    def groupdict(self, default=None):
        return {name: (default if self._spans[i][0] < 0 else self.group(i)) for name, i in self.re.groupindex.items()}

    @property
    def lastindex(self):
        ends = [(b, i) for i, (a, b) in enumerate(self._spans[1:], 1) if a >= 0]
        return max(ends)[1] if ends else None

    def expand(self, template: str) -> str:
        return re.sub(r"\\(\d+)|\\g<(\w+)>", lambda t: self.group(int(t[1]) if t[1] else
                                                                  int(t[2]) if t[2].isdigit() else t[2]) or "",
                      template)

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<match span={self.span()} match={self.group()!r}>"


class Alternatives:
    """`(?:a)|(?:b)|…` over patterns compiled one by one, with Python's answers exactly: the
    leftmost match, and at one start the first alternative that matches there. Lets trusted
    and checked patterns share a union without the union itself having to be checked."""

    __slots__ = ("members", "pattern")

    def __init__(self, members: list):
        self.members = members
        self.pattern = "|".join(f"(?:{m.pattern})" for m in members)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        best = None
        for member in self.members:
            m = member.search(text, pos, len(text) if endpos is None else endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        return next((m for member in self.members if (m := member.match(text, pos, end)) is not None), None)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        return next((m for member in self.members if (m := member.fullmatch(text, pos, end)) is not None), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        while pos <= end:
            m = self.search(text, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def sub(self, repl, text: str, count: int = 0) -> str:
        return _sub(self, repl, text, count)


class PatternCompiler:
    """Compiles a catalogue's patterns: trusted sources (the built-in catalogue's) on `re`,
    every other one on RE2 or, with lookarounds, on `re` once its backtracking is bounded."""

    def __init__(self, trusted: frozenset[str] | None = None):
        self.trusted = trusted   # None: trust every source (the built-in catalogue itself)
        self._cache: dict[str, object] = {}

    def is_trusted(self, src: str) -> bool:
        return self.trusted is None or src in self.trusted

    def compile(self, src: str, derived_from: tuple[str, ...] = ()):
        """`src` compiled. A pattern the code builds around catalogue parts (`derived_from`)
        is as trusted as those parts. Raises re.error or UnsafePattern."""
        if src in self._cache:
            return self._cache[src]
        if self.is_trusted(src) or (derived_from and all(self.is_trusted(p) for p in derived_from)):
            compiled = lazy_compile(src)   # known to compile: only when a report needs it (lazy_regex.py)
        else:
            compiled = checked(src)
        self._cache[src] = compiled
        return compiled

    def union(self, sources: list[str]):
        """`(?:a)|(?:b)|…` of the sources. One `re` pattern when every source is trusted."""
        if all(self.is_trusted(s) for s in sources):
            return lazy_compile("|".join(f"(?:{s})" for s in sources))
        return Alternatives([self.compile(s) for s in dict.fromkeys(sources)])


def checked(src: str):
    """A user's pattern, compiled so that it cannot hang: RE2 when it can run it, else `re`
    when its backtracking is bounded. Raises re.error (bad syntax) or UnsafePattern."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        python = re.compile(src)   # Python's syntax first: its errors are the clearest
    try:
        return LinearPattern(src, to_re2(src))
    except _Unsupported as e:
        lacking = str(e)
    except ValueError as e:   # RE2 refused the translation: too large a program, say
        raise UnsafePattern(f"too large to run in linear time ({e}); split it into several patterns") from None
    if any(op in (C.GROUPREF, C.GROUPREF_EXISTS) for op, _ in _walk(parse(src))):
        raise UnsafePattern("uses a backreference or conditional ((\\1), (?P=name), (?(1)…)), "
                            "which can take exponential time; catalogue patterns cannot use them")
    bound = backtracking_bound(src)
    if bound == math.inf:
        raise UnsafePattern(f"uses {lacking} together with an unbounded repeat (*, +, {{n,}}); "
                            "polcmp runs such patterns only when their work is bounded: "
                            "write the repeat with a limit, like {0,20}")
    if bound > MAX_BACKTRACKING:
        raise UnsafePattern(f"uses {lacking} and could take {bound:,.0f} steps at each position "
                            f"(at most {MAX_BACKTRACKING:,}); make its repeats and options fewer or shorter")
    return python


def _walk(items):
    for op, av in items:
        yield op, av
        if op is C.BRANCH:
            for branch in av[1]:
                yield from _walk(branch)
        elif op is C.SUBPATTERN:
            yield from _walk(av[-1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op.name == "POSSESSIVE_REPEAT":
            yield from _walk(av[2])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            yield from _walk(av[1])
        elif op.name == "ATOMIC_GROUP":
            yield from _walk(av)
        elif op is C.GROUPREF_EXISTS:
            yield from _walk(av[1])
            if av[2]:
                yield from _walk(av[2])
