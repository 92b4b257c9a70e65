"""Targets stated in words, and the words beside a number target.

A plan often sets a target for an indicator without a number: 城乡居民收入增长与经济增长同步,
财政收入保持正增长, 单位生产总值能耗下降完成省下达目标. Left out, such a target looks like one never
stated. polcmp gives it a row with no value, its words in `qualifier_text` (catalogue fragment
WORD_TARGET says which words), for every indicator whose subject stands right before the words in
their clause (lists and 城乡 spread as for numbers).

Only in a plan's target sheet: the words must stand in a target section, in a paragraph that
states two or more number targets or says 目标 before them. A phrase such as 保持稳定 in a list of
tasks is no target.

Where the same sentence already gives the indicator a number (居民收入增长6%，与经济增长同步) the
words go to that value's `qualifier_text` instead of a row of their own; so do a hedge with no
number after a target (AIM_HEDGE: 6%左右，在实际工作中争取更好结果).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .literals import edge_characters, required_literals
from .models import TARGET, Value
from .years import refers_to

if TYPE_CHECKING:
    from .extract import Candidates, _Run

# 同步 / 正增长 / 稳中有升 speak of growth: a growth subject needs no growth word of its own before them
_IMPLIED_LINK = "增长"
_TARGET_WORD = re.compile(r"目标|指标")
_MIN_NUMBERS = 2     # number targets that make a paragraph a target sheet
_HEDGE_REACH = 30    # a hedge follows the number it qualifies within a few words
_MATCH_REACH = 60    # the longest words of a target or a hedge, on either side of their fixed word
# 并, 且, 力争: words before a phrase that give it no subject of its own
_BARE_LEAD = re.compile(r"(?:并且|并|且|也|力争|争取|努力|确保|保持|实现|基本)*")
_SENTENCE_END = re.compile(r"[。;；!！?？\n]")   # in the text as read: full-width marks too


def words_in_targets(run: _Run, pattern: re.Pattern, candidates: Candidates) -> None:
    """Add the target-in-words rows of one report to `run.out` (see the module docstring)."""
    work = run.work
    numbers = [v for v in run.out if v.status == TARGET]
    for m in _in_target_sections(run, pattern):
        clause = run.clause_start(m.start())
        lead = work[clause:m.start()]
        start, end = run.report.text_span(m.start(), m.end())
        claims = subjects_before(run, lead, candidates) if lead.strip() else []
        if not claims:   # 居民收入增长6%，与经济增长同步: no subject of its own, it qualifies the number
            if _BARE_LEAD.fullmatch(lead.strip()):
                qualify_previous(run, start, end)
            continue
        sentence = max(run.sentence_start(clause), run.sections.paragraph_start(clause))
        before = run.report.plain[sentence:m.start()]
        status, period = run.sections.classify(m.start(), before, lead)
        if status != TARGET or not in_target_sheet(run, m.start(), numbers):
            continue
        text = run.report.text
        quote_start, quote_end = run.report.text_span(clause, run.clause_end(m.end()))
        for ind, rule, offset in claims:
            if ind.whole and run.ex.parts.names_part(run, clause + offset):
                continue
            same = [v for v in numbers if v.indicator == ind.id and v.end <= start
                    and not _SENTENCE_END.search(text, v.end, start)]
            if same:   # 居民收入增长6%，与经济增长同步: the words qualify the number
                if same[-1].qualifier_text is None:
                    same[-1].qualifier_text = text[start:end]
                continue
            run.out.append(Value(
                place=run.report.place, year=run.report.year, indicator=ind.id, label=ind.name,
                value=None, unit=ind.unit, qualifier=None, soft=False, status=status,
                raw=text[start:end], quote=text[quote_start:quote_end].strip(), start=start, end=end,
                file=run.report.path, period=period,
                refers_to=refers_to(status, period, before, run.report.year, run.sections.span_at(m.start())),
                rule=f"{ind.id}#{rule}", qualifier_text=text[start:end]))
    run.out.sort(key=lambda v: v.start)


def subjects_before(run: _Run, lead: str, candidates: Candidates) -> list[tuple]:
    """(indicator, pattern index, offset in lead) of every subject the words follow: one, or each of
    a list (城镇和农村居民收入, 城乡居民收入) whose last item reaches the words through its LINK."""
    for link in ("", _IMPLIED_LINK):
        pairs = run.list_claims(lead, link, candidates, None)
        found = [(ind, j, offset) for (offset, _text), claims in (pairs or ()) for ind, _f, j in claims]
        if not found:
            found = [(ind, j, 0) for ind, _f, j in run.part_claims(lead, candidates, link)]
        if found:
            return found
    return []


def in_target_sheet(run: _Run, pos: int, numbers: list[Value]) -> bool:
    """Does the paragraph around `pos` set targets: 目标 before `pos`, or two number targets?"""
    work = run.work
    start = max(work.rfind("\n", 0, pos) + 1, run.sections.paragraph_start(pos))
    end = work.find("\n", pos)
    end = len(work) if end < 0 else end
    if _TARGET_WORD.search(work, start, pos):
        return True
    text_start, text_end = run.report.text_span(start, end)
    return sum(text_start <= v.start < text_end for v in numbers) >= _MIN_NUMBERS


def hedges(run: _Run, pattern: re.Pattern) -> None:
    """6%左右，在实际工作中争取更好结果: the hedge goes to the nearest number target before it in its
    sentence (no row of its own)."""
    for m in _in_target_sections(run, pattern):
        qualify_previous(run, *run.report.text_span(m.start(), m.end()))


def _in_target_sections(run: _Run, pattern: re.Pattern):
    """The matches of `pattern` in the sections that set targets: only there can words be a
    target. A regex tried at every position of a report costs more than the rest of this step,
    so it is tried only around the words every match contains (同步, 正增长 …: literals.py)."""
    literals = required_literals(pattern.pattern)
    starts = _match_starts(pattern.pattern)
    work = run.work
    for start, end in run.sections.target_spans(len(work)):
        if not literals:
            yield from pattern.finditer(work, start, end)
            continue
        hits = sorted({i for word in literals for i in _occurrences(work, word, start, end)})
        done = start
        for pos in hits:
            if pos < done:
                continue
            m = _covering(pattern, starts, work, pos, max(done, pos - _MATCH_REACH), min(end, pos + _MATCH_REACH))
            if m:
                yield m
                done = m.end()


def _covering(pattern: re.Pattern, starts: re.Pattern | None, work: str, pos: int, lo: int, hi: int):
    """The first of the matches of `pattern` in work[lo:hi], left to right as finditer finds them,
    that covers `pos`; None if none does. `starts` finds the characters a match can start with:
    the pattern is tried only there, and not past `pos` (a match starting later covers nothing),
    where finditer would try it at each position of the window."""
    if starts is None:
        return next((m for m in pattern.finditer(work, lo, hi) if m.start() <= pos < m.end()), None)
    at = lo
    while c := starts.search(work, at, pos + 1):
        m = pattern.match(work, c.start(), hi)
        if m is None:
            at = c.start() + 1
        elif m.end() > pos:
            return m
        else:
            at = m.end()   # finditer goes on after a match (never empty: each holds a literal)
    return None


@lru_cache(maxsize=None)
def _match_starts(pattern: str) -> re.Pattern | None:
    """A class of the characters a match of `pattern` can start with (literals.py); None when
    they are not known."""
    first = edge_characters(pattern)
    return re.compile("[" + "".join(map(re.escape, sorted(first))) + "]") if first else None


def _occurrences(text: str, word: str, start: int, end: int):
    i = text.find(word, start, end)
    while i >= 0:
        yield i
        i = text.find(word, i + 1, end)


def qualify_previous(run: _Run, start: int, end: int) -> None:
    """Give text[start:end] to the nearest number target just before it in its sentence."""
    text = run.report.text
    before = [v for v in run.out if v.status == TARGET and v.value is not None
              and v.end <= start and start - v.end <= _HEDGE_REACH]
    if before and before[-1].qualifier_text is None and not _SENTENCE_END.search(text, before[-1].end, start):
        before[-1].qualifier_text = text[start:end]
