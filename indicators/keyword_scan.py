"""Keyword-first reading: which parts of a report a catalogue's patterns can match at all.

Every match of `{WHOLE}(?:地区|国内)?(?:生产总值|GDP)` contains 生产总值 or GDP (literals.py
derives such words from any pattern, so a user's catalogue gets them too). One scan of a text
for all of them (Hyperscan: SIMD literal matching, ~10× faster here than an Aho-Corasick
automaton walked character by character) then tells

- which *sentences* can hold a value: only there are numbers read at all (a quarter of a
  report's text); `regions()`;
- which *indicators* can match in a lead: only their patterns are run; `present()` gives the
  keywords of any string, and each pattern's gate is the set of its keywords' ids.

A pattern with no such word (one that can match without any fixed text) has no gate: it is
tried everywhere, and every sentence is read. `polcmp rules check` names such patterns.

The extractor builds subject strings that are not slices of the text: list items sharing the
last item's tail (城镇、农村居民收入 → 城镇居民收入), a short item sharing the first item's
opening words (种植面积871.5万亩、总产达 → 粮食总产), 城乡 expanded to 城镇 / 农村. A keyword
can straddle such a join without standing in the text. `regions()` allows for that: a sentence
is also read when it holds a keyword's head right before a list separator, or a keyword's tail
right after 、 (or a space), and the rest of that keyword too; or a coordination word (城乡).

Hyperscan compiles its databases in a fraction of a second (the join pieces make ~10,000
literals); they are kept in the user's cache folder by content hash (`compiled.py`).
"""
from __future__ import annotations

import re

import hyperscan

from . import compiled
from .literals import required_words

# Sentence ends: leads, bridges and CONTEXT never reach across one (extract.py). A line end is
# no end where a list goes on across it (15%、\n12%): a separator stands next to it. The text is
# scanned as UTF-8 bytes; 。 is E3 80 82 there. Every alternative opens with one byte (no class):
# then `re` skips to the bytes that can open a match, instead of trying a match at every byte.
_HARD_END = re.compile(rb"\xe3\x80\x82|;|!|\?|\n")
_FULL_STOP = "。".encode()
_HARD_END_BACKWARDS = re.compile(rb"\x82\x80\xe3|;|!|\?|\n")   # the same in the reversed bytes
_LIST_SEPARATORS = "、,和与及或"
_JOIN_BEFORE = "、和与及"   # list_claims splits a subject list at 、|以及|和|与|及
_JOIN_AFTER = "、 "         # shared_words: the item after 、 (and spaces)
# A quantity may take a qualifier from the next line (100家\n以上, numbers.py _POST): a sentence
# that opens with one is read with the sentence before it.
_QUALIFIER_OPENING = re.compile(
    b"(?:(?:" + b"|".join(re.escape(w.encode()) for w in ("(不含)", "(含)", "（不含）", "（含）")) + b"))?"
    b"(?:" + b"|".join(re.escape(w.encode()) for w in ("及以上", "或以上", "以上", "之上", "以内", "之内",
                                                       "以下", "左右", "上下")) + b")")

_WHOLE, _HEAD, _TAIL = range(3)   # kinds of scanner entries: a word, a word's head + 、, 、 + its tail


class KeywordIndex:
    """The keywords of one catalogue and the scanners over them. Build once per Extractor
    (or load it: compiled.py)."""

    def __init__(self, subject_patterns: list[str], after_patterns: list[str], select_words: list[str],
                 after_reach: int):
        """subject_patterns / after_patterns: every pattern of the catalogue that names a subject
        before / after its number; select_words: words that also make a sentence worth reading
        (coordinations such as 城乡); after_reach: how far after a number a subject may start."""
        self.words: list[str] = []
        ids: dict[str, int] = {}
        self.gates: dict[str, frozenset[int] | None] = {}   # pattern → ids of its keywords (None: no gate)
        for src in subject_patterns + after_patterns:
            found = required_words(src)
            if found and all(found):
                self.gates[src] = frozenset(ids.setdefault(w, len(ids)) for w in sorted(found))
            else:
                self.gates[src] = None
        self.words = sorted(ids, key=ids.get)
        self.after_ids = frozenset(i for src in after_patterns if self.gates[src] for i in self.gates[src])
        self.after_reach = after_reach
        self.reads_everything = any(g is None for g in self.gates.values()) or not self.words
        # the whole-text scanner: every word, its pieces at a join, the coordination words
        entries: dict[str, list] = {}
        for i, w in enumerate(self.words + list(select_words)):
            entries.setdefault(w, []).append((_WHOLE, i, b""))
            for cut in range(1, len(w) if i < len(self.words) else 0):
                for sep in _JOIN_BEFORE:
                    entries.setdefault(w[:cut] + sep, []).append((_HEAD, i, w[cut:].encode()))
                for sep in _JOIN_AFTER:
                    entries.setdefault(sep + w[cut:], []).append((_TAIL, i, w[:cut].encode()))
        self.entries = [(len(w.encode()), tuple(e)) for w, e in entries.items()]
        self._scanner = _database(list(entries))
        self._words = _database(self.words)
        self._rest_lists: dict[int, list[bytes]] = {}

    @classmethod
    def cached(cls, subject_patterns: list[str], after_patterns: list[str], select_words: list[str],
               after_reach: int) -> KeywordIndex:
        """The index of these patterns, from the compiled cache when it holds it (compiled.py)."""
        return compiled.remembered(
            ("keywords", subject_patterns, after_patterns, select_words, after_reach, hyperscan.__version__),
            lambda: cls(subject_patterns, after_patterns, select_words, after_reach), cls._to_stored, cls._from_stored)

    def _to_stored(self) -> dict:
        """The index as plain data (compiled.py), made to be read back as it is, without rebuilding."""
        return {"words": self.words, "after_ids": frozenset(self.after_ids), "after_reach": self.after_reach,
                "reads_everything": self.reads_everything, "gates": self.gates, "entries": _shared(self.entries),
                "scanner": _dump(self._scanner), "words_db": _dump(self._words)}

    @classmethod
    def _from_stored(cls, stored: dict) -> KeywordIndex:
        index = cls.__new__(cls)
        index.words, index.after_reach = list(stored["words"]), int(stored["after_reach"])
        index.after_ids = frozenset(stored["after_ids"])
        index.reads_everything = bool(stored["reads_everything"])
        index.gates = dict(stored["gates"])
        index.entries = list(stored["entries"])
        index._scanner, index._words = _load(stored["scanner"]), _load(stored["words_db"])
        index._rest_lists = {}
        return index

    def present(self, text: str) -> set[int]:
        """The ids of the keywords that occur in text."""
        found: set[int] = set()
        if text and self._words is not None:
            self._words.scan(text.encode(), match_event_handler=lambda i, _a, _b, _f, _c: found.add(i))
        return found

    def regions(self, work: str) -> list[tuple[int, int]] | None:
        """The spans of `work` whose numbers can become values, in order and apart: the
        sentences that name a subject (or may, through a join). None: read everything."""
        if self.reads_everything:
            return None
        data = work.encode()
        hits: list[tuple[int, int]] = []
        self._scanner.scan(data, match_event_handler=lambda i, _a, end, _f, _c: hits.append((end, i)))
        hits.sort()
        units = _Units(data)
        whole = [hit for hit in hits if self.entries[hit[1]][1][0][0] == _WHOLE]
        spans = self._sentences(data, units, whole, [])
        # then the pieces of words at a join, in the sentences not taken yet
        taken = units.merged(spans)
        pieces = [hit for hit in hits if self.entries[hit[1]][1][0][0] != _WHOLE]
        return units.in_characters(units.merged(spans + self._sentences(data, units, pieces, taken)))

    def _sentences(self, data: bytes, units: _Units, hits: list[tuple[int, int]],
                   taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences (byte spans) that these scanner hits make worth reading, but for those
        already `taken`; for a subject that follows its number, the text before it too."""
        spans: list[tuple[int, int]] = []
        first = last = -1   # the sentence of the last hit: most hits stand beside others
        done = 0            # the end of the last sentence taken: hits before it need no look
        k = 0
        for end, i in hits:
            length, kinds = self.entries[i]
            start = end - length
            while k < len(taken) and taken[k][1] <= start:
                k += 1
            if end <= done or k < len(taken) and taken[k][0] <= start:
                continue
            if kinds[0][0] != _WHOLE and not self._rest_near(data, start, end, i):
                continue   # no other piece between the full stops around: not in the sentence either
            if not first <= start <= end <= last:
                first, last = units.around(start, end)
            for kind, ident, rest in kinds:
                if kind != _WHOLE and data.find(rest, first, last) < 0:
                    continue   # the other piece of the keyword is not in the sentence
                if kind == _WHOLE and ident in self.after_ids:   # 新增55家高新技术企业: the number stands before
                    spans.append(units.around(max(0, start - 4 * self.after_reach), start))   # ≤ 4 bytes a character
                spans.append((first, last))
                done = last
                break
        return spans

    def _rest_near(self, data: bytes, start: int, end: int, entry: int) -> bool:
        """Does the other piece of a word at a join stand between the full stops (。) around it?
        A sentence never runs past one, so this cheap test rules out most pieces first."""
        lo = data.rfind(_FULL_STOP, 0, start) + 1
        hi = data.find(_FULL_STOP, end)
        hi = len(data) if hi < 0 else hi
        for rest in self._rests(entry):
            if data.find(rest, lo, hi) >= 0:
                return True
        return False

    def _rests(self, entry: int) -> list[bytes]:
        """The other pieces of the words an entry is a piece of (listed when first hit)."""
        found = self._rest_lists.get(entry)
        if found is None:
            found = self._rest_lists[entry] = sorted({rest for _kind, _ident, rest in self.entries[entry][1]})
        return found


def patterns_without_keywords(catalogue) -> list[str]:
    """One line for each pattern of the catalogue that has no word every match contains: it is
    tried in every sentence, and every sentence of a report is read (`polcmp rules check`)."""
    lines = []
    for ind in catalogue.indicators:
        for j, (written, src) in enumerate(zip(ind.patterns, ind.expanded)):
            if not required_words(src):
                lines.append(f"{ind.id} pattern {j + 1} ({written}): no word every match contains")
        for rx in ind.after:
            if not required_words(rx.pattern):
                lines.append(f"{ind.id} subject after the number ({rx.pattern}): no word every match contains")
    return lines


class _Units:
    """Sentences of a text as UTF-8 bytes: from one hard end (。;!? or a line end no list
    crosses) to the next. Found on demand: most sentences hold no keyword and are never asked for."""

    def __init__(self, data: bytes):
        self.data = data
        self.backwards = data[::-1]

    def _hard(self, at: int) -> bool:
        """Is the end at byte `at` a hard one? A line end next to a list separator is not."""
        if self.data[at] != 0x0A:
            return True
        before, after = self._neighbour(at, -1), self._neighbour(at + 1, 1)
        return not (before and before in _LIST_SEPARATORS or after and after in _LIST_SEPARATORS + "以")

    def _neighbour(self, pos: int, step: int) -> str:
        """The nearest character that is no white space before (step -1) or from (step 1) pos."""
        width = 16
        while True:
            if step < 0:
                window = self.data[max(0, pos - width):pos].decode("utf-8", "ignore").rstrip()
                if window or pos - width <= 0:
                    return window[-1:]
            else:
                window = self.data[pos:pos + width].decode("utf-8", "ignore").lstrip()
                if window or pos + width >= len(self.data):
                    return window[:1]
            width *= 4

    def start(self, pos: int) -> int:
        """Where the sentence holding byte pos begins (after the previous hard end)."""
        size = len(self.data)
        back = size - pos
        while (m := _HARD_END_BACKWARDS.search(self.backwards, back)) is not None:
            if self._hard(size - m.end()):
                return size - m.start()
            back = m.end()
        return 0

    def end(self, pos: int) -> int:
        """Where the sentence holding byte pos ends (after its hard end)."""
        while (m := _HARD_END.search(self.data, pos)) is not None:
            if self._hard(m.start()):
                return m.end()
            pos = m.end()
        return len(self.data)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentences holding bytes start … end - 1: (where the first begins, where the last ends)."""
        first = self.start(start)
        while first and _QUALIFIER_OPENING.match(self.data, first):
            first = self.start(first - 1)   # 100家\n以上: that quantity begins in the sentence before
        return first, self.end(max(start, end - 1))

    @staticmethod
    def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[list[int]] = []
        for a, b in sorted(spans):
            if out and a <= out[-1][1]:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]

    def in_characters(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Byte spans (on character boundaries: sentence ends) as character offsets."""
        out, chars, at = [], 0, 0
        for a, b in spans:
            chars += len(self.data[at:a].decode("utf-8"))
            first = chars
            chars += len(self.data[a:b].decode("utf-8"))
            out.append((first, chars))
            at = b
        return out


def _database(words: list[str]):
    """A Hyperscan block-mode database of literal words (UTF-8); None for no words."""
    if not words:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[w.encode() for w in words], ids=list(range(len(words))), elements=len(words),
               flags=[0] * len(words), literal=True)
    return db


def _shared(entries: list) -> list:
    """entries with equal tuples and byte strings made one object: marshal then writes a reference
    for each repeat (the join pieces of one keyword repeat its rest many times), and reads a third
    of the bytes six times faster."""
    seen: dict = {}

    def one(x):
        if isinstance(x, tuple):
            x = tuple(one(part) for part in x)
        return seen.setdefault(x, x) if isinstance(x, (tuple, bytes)) else x
    return [one(entry) for entry in entries]


def _dump(db) -> bytes | None:
    return None if db is None else hyperscan.dumpb(db)


def _load(data: bytes | None):
    if data is None:
        return None
    db = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
    db.scratch = hyperscan.Scratch(db)   # a loaded database comes without the memory a scan needs
    return db
