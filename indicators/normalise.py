"""The copy of a report the engine reads, and the way back to the text as read.

Users bring pages copied from mirror sites, reprints and OCR'd scans: traditional
characters, pinyin glosses, footnote markers, spaces inside numbers, lines wrapped at a fixed
width. `reading_copy(text)` gives

- `plain`: full-width forms made ASCII, traditional characters simplified (OpenCC, only on
  lines written in them), and some spans deleted: pinyin glosses (经济(jīng jì)), footnote
  markers (R&D[2], ①), spaces inside a quantity (96.5 亿元) and the line breaks of a
  hard-wrapped text; the engine finds everything in it;
- an `OffsetMap` from positions in `plain` back to the text as read, so every `start`, `end`
  and quote polcmp prints points into what the user gave (`polcmp text` shows it).

`mask(plain)` then blanks web-page noise lines and numbers inside quoted names, keeping the
length: that is `work`, where rules match.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .lazy_regex import lazy_compile
from .regex_cache import compile_cached


# -- full width → ASCII: one character to one character ----------------------------------------
_FOLD = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({"\u3000": " ", "\ufe6a": "%", "\u2015": "—", "\u2500": "—", "\u2212": "-", "\u301c": "~",
              "\u00a0": " "})
_TO_FOLD = lazy_compile("[" + "".join(re.escape(ch) for ch in _FOLD) + "]")


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (same length, same offsets)."""
    # A few distinct characters, each replaced everywhere in C as soon as it is first found; the
    # next search starts there (all before it are folded), so the text is scanned once, with no
    # list of every comma of the report to make.
    m = _TO_FOLD.search(text)
    while m:
        ch = m.group()
        text = text.replace(ch, _FOLD[ch])
        m = _TO_FOLD.search(text, m.end())
    return text


# -- traditional → simplified ---------------------------------------------------------------------
# A line is converted when at least one in _TRADITIONAL_SHARE of its Chinese characters is
# traditional (traditional.txt: OpenCC would change it, and GB2312 lacks it). A simplified line is
# never converted: OpenCC's phrase rules would spoil it (沈阳 → 沉阳, 覆盖 → 复盖).
_TRADITIONAL_SHARE = 20
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """A pattern compiled on first use: a class of Chinese characters takes milliseconds to
    compile, and most texts never need these ones."""
    return compile_cached(pattern)


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    lines = Path(__file__).with_name("traditional.txt").read_text(encoding="utf-8").splitlines()
    chars = "".join(line for line in lines if not line.startswith("#"))
    return compile_cached(f"[{chars}]")   # 2,500 characters: 20 ms to compile


@lru_cache(maxsize=1)
def _converter():
    import opencc   # only for text that needs it: the import costs more than reading a report
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Lines written in traditional characters, simplified; the same length as `text`."""
    traditional = _traditional()
    if not traditional.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        found = len(traditional.findall(line))
        if found and found * _TRADITIONAL_SHARE >= len(_compiled(_CJK).findall(line)):
            converted = _converter().convert(line)
            if len(converted) != len(line):   # a phrase rule changed the length: character by character
                converted = "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in line)
            lines[i] = converted
    return "\n".join(lines)


# -- spans deleted from the reading copy --------------------------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = rf"(?:(?=[^)\n]*[{_TONED}])[a-zA-Zü{_TONED}' ·\-]{{1,60}}|(?:[a-zü]{{1,6}}[1-5][ ]?){{1,12}})\)"
_SPACE = "[ \t\u2009\u202f]"
_HAN = "[^\\x00-\u33ff]"   # Chinese characters and what follows them in Unicode (quick to compile)
_SUPERSCRIPTS = "[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]"
_UNIT_AFTER_SPACE = r"[万亿千百%‰元家户人个项年月日天倍吨亩辆台所座件次名位]|个百分点|美元|平方|公里|千米|千瓦"
# Marks and spaces deleted inside lines, in one scan. The pattern opens with one character class
# (the first character of every kind of mark), so the scan skips through text in C; each
# alternative then checks, looking behind, which character that was.
_INLINE_MARKS = lazy_compile(f"[ \t\u2009\u202f(\\[\u2460-\u2487{_SUPERSCRIPTS[1:-1]}](?:" + "|".join([
    # 经济(jīng jì), 经济 (jing1 ji4): a pinyin gloss after a Chinese character
    rf"(?<={_HAN}\(){_GLOSS}", rf"(?<={_HAN} )\({_GLOSS}",
    # R&D[2]投入, 研发①投入, 增长²: footnote markers ([2023] and (2) are other things; km² is a unit)
    r"(?<=\[)\d{1,2}\]", "(?<=[\u2460-\u2487])", f"(?<={_HAN}{_SUPERSCRIPTS}){_SUPERSCRIPTS}*",
    # 96.5 亿元, 9 %以上, 2.8 万亿元; 5. 2%; 12 345 with a thin space: spaces inside a quantity
    rf"(?<=\d{_SPACE}){_SPACE}*(?={_UNIT_AFTER_SPACE}|\.\d)", rf"(?<=\d\.{_SPACE}){_SPACE}*(?=\d)",
    r"(?<=\d[\u2009\u202f])(?=\d{3}(?!\d))",
]) + ")")
# 增长6.5\n%以上, 增长5.\n2%: a line broken inside a quantity, wherever it stands
_QUANTITY_BREAK = lazy_compile(rf"\n(?<=\d\n)[ \t]*(?={_UNIT_AFTER_SPACE}|\.\d)|\n(?<=\d\.\n)[ \t]*(?=\d)")
_SENTENCE_END = "。！？!?；;：:"
# 地 区 生 产 总 值 增 长 5 . 2 %: a line an OCR pass spaced out, character by character. Its
# single spaces go; a longer run was a space before (2 0 2 3   2 0 2 4) and stays one.
_SPACED_OUT_SHARE = 0.5     # of the line's pairs of Chinese characters, at least this many are spaced
_CJK_PAIRS = r"[\u4e00-\u9fff](?= ?[\u4e00-\u9fff])"
_CJK_SPACED_PAIRS = r"[\u4e00-\u9fff](?= [\u4e00-\u9fff])"
_SPACES = lazy_compile(r" +")
_WIDE = r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"


def _wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks of a text hard-wrapped at a fixed width, with the spaces around them.

    A wrapped text has most of its lines filled to one width (in characters or in display
    columns, as `fold` counts); a break after such a full line that ends inside a sentence
    is a wrap. Headings and paragraph ends are shorter lines, and stay."""
    lines = text.split("\n")
    body = [line.rstrip() for line in lines if len(line.strip()) >= 16]
    if len(body) < 8 or sum(not line.endswith(tuple(_SENTENCE_END)) for line in body) * 2 < len(body):
        return []   # most long lines end a sentence: an ordinary text (the common case, decided cheaply)
    width = None
    for measure in (len, lambda line: len(line) + len(_compiled(_WIDE).findall(line))):
        sizes = [measure(line) for line in body]
        # the width: the widest size one line in ten has (a trailing space or mark makes some
        # full lines a character shorter, so the most common size can fall short of it)
        top = max((size for size, n in Counter(sizes).items() if n * 10 >= len(body)), default=max(sizes))
        if sum(top - 3 <= n <= top for n in sizes) * 2 >= len(body):
            width = (measure, top)
            break
    if width is None:
        return []
    measure, top = width
    breaks, pos = [], 0
    for line, following in zip(lines, lines[1:]):
        end = pos + len(line)
        stripped = line.rstrip()
        if (following.strip() and stripped and not stripped.endswith(tuple(_SENTENCE_END))
                and top - 3 <= measure(stripped) <= top):
            breaks.append((pos + len(stripped), end + 1 + len(following) - len(following.lstrip())))
        pos = end + 1
    return breaks


# -- positions ------------------------------------------------------------------------------------
class OffsetMap:
    """Positions in a copy of a text with some spans deleted → positions in the text."""

    __slots__ = ("_points", "_shifts", "_text_points")

    def __init__(self, deletions: list[tuple[int, int]] = ()):
        """`deletions`: sorted, non-overlapping (start, end) spans of the text."""
        self._points, self._shifts, self._text_points = [0], [0], [0]
        removed = 0
        for start, end in deletions:
            self._points.append(start - removed)   # where the deletion falls in the copy
            removed += end - start
            self._shifts.append(removed)
            self._text_points.append(end)

    def start(self, pos: int) -> int:
        """The text position of the copy's character at `pos` (a span's start)."""
        return pos + self._shifts[bisect_right(self._points, pos) - 1]

    def end(self, pos: int) -> int:
        """The text position just after the copy's character before `pos` (a span's end)."""
        return self.start(pos - 1) + 1 if pos > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end) if end > start else self.start(start)

    def to_copy(self, pos: int) -> int:
        """The copy's position of text position `pos` (inside a deleted span: where it was)."""
        i = bisect_right(self._text_points, pos) - 1
        copy = pos - self._shifts[i]
        return min(copy, self._points[i + 1]) if i + 1 < len(self._points) else copy


def reading_copy(text: str) -> tuple[str, OffsetMap]:
    """(plain, offsets): the text the engine reads and the map back to `text`."""
    plain = to_simplified(fold_width(text))
    deleted: list[tuple[int, int]] = []   # spans of `text`
    # Lines are joined first: a mark or space that a wrap split off (增长9\n. 2%) is then inside.
    for spans_of in (_line_joins, _inline_marks):
        spans = spans_of(plain)
        if spans:
            plain, deleted = _delete(plain, spans, deleted)
    return plain, OffsetMap(deleted)


def _line_joins(plain: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUANTITY_BREAK.finditer(plain)] + _wrapped_line_breaks(plain)


def _inline_marks(plain: str) -> list[tuple[int, int]]:
    return [m.span() for m in _INLINE_MARKS.finditer(plain)] + _spaced_out(plain)


def _spaced_out(plain: str) -> list[tuple[int, int]]:
    """The single spaces of lines spaced out character by character."""
    if plain.count(" ") < 4:
        return []
    spans, pos = [], 0
    for line in plain.split("\n"):
        if line.count(" ") * 3 >= len(line) >= 8:   # cheap: a spaced-out line is a third spaces
            spaced = len(_compiled(_CJK_SPACED_PAIRS).findall(line))
            if spaced >= 4 and spaced >= _SPACED_OUT_SHARE * len(_compiled(_CJK_PAIRS).findall(line)):
                spans += [(pos + m.start(), pos + m.end() - (m.end() - m.start() > 1)) for m in _SPACES.finditer(line)]
        pos += len(line) + 1
    return spans


def _delete(copy: str, spans: list[tuple[int, int]], deleted: list[tuple[int, int]]
            ) -> tuple[str, list[tuple[int, int]]]:
    """`copy` without `spans` (its own positions), and the deleted spans of the text (its
    positions, through `deleted`, what made `copy` from the text), merged."""
    offsets, merged = OffsetMap(deleted), _union(spans)
    kept, pos = [], 0
    for start, end in merged:
        kept.append(copy[pos:start])
        pos = end
    kept.append(copy[pos:])
    # a new span encloses the earlier ones inside it
    return "".join(kept), _union(deleted + [offsets.span(start, end) for start, end in merged])


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans covering `spans` (touching ones joined)."""
    union: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if union and start <= union[-1][1]:
            union[-1] = (union[-1][0], max(end, union[-1][1]))
        else:
            union.append((start, end))
    return union


# -- masking: same length --------------------------------------------------------------------------
# Lines a web page wraps around a report: banners, share buttons, counters, page links.
# Only short lines: a paragraph that mentions 扫码 is report text.
_NOISE_MAX = 80
_NOISE_LINE = lazy_compile(
    r"扫码|领取福利|加入收藏|阅读时长|分享到|打印本页|关闭窗口|责任编辑|版权所有|ICP备|上一篇|下一篇|字号[:：]"
    r"|浏览次数|点击[数量率]|https?://|www\.|\.com\b|\.cn\b|第\s*\d+\s*/\s*\d+\s*页|^\s*来源[:：]"
    r"|^(?=.*\d)[\s\d,.:/|#*\-]+$")   # a bare counter: 221381
# Short quoted names (“315”创新体系, "2+4+X"主导产业, 《2023年…》): numbers inside are names, not values.
_NUMERALS = r"\d零〇一二两三四五六七八九十百千万亿%."
# Quotes are paired left to right, every pair consumed (else 省级"专精特新"企业200家、优质"小升规"
# would pair the wrong quotes and hide 200); only pairs with a numeral inside are masked.
_QUOTED = lazy_compile(r"“[^“”\n]{1,24}”|\"[^\"\n]{1,24}\"|‘[^‘’\n]{1,24}’|「[^」\n]{1,24}」|《[^《》\n]{1,40}》")
_NUMERAL_IN_NAME = lazy_compile(f"[{_NUMERALS}]")


def mask(plain: str) -> str:
    """`work`: `plain` with noise lines blanked and numbers inside quoted names masked (#)."""
    lines = plain.split("\n")
    noisy = [i for i, line in enumerate(lines) if len(line) <= _NOISE_MAX and _NOISE_LINE.search(line)]
    if noisy:
        for i in noisy:
            lines[i] = " " * len(lines[i])
        plain = "\n".join(lines)
    return _QUOTED.sub(_mask_numerals, plain)


def _mask_numerals(m: re.Match) -> str:
    name = m.group()
    return _NUMERAL_IN_NAME.sub("#", name) if _NUMERAL_IN_NAME.search(name) else name
