"""Why each number of a sentence became a value — or did not. How users debug a new rule."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .catalogue import Catalogue, Indicator
from .extract import Extractor, _Run
from .models import Value
from .reports import Report

# The columns of `polcmp explain -f csv` and polcmp.explain(): one row per number and claim.
EXPLAIN_COLUMNS = ("raw", "start", "value", "value_max", "unit", "qualifier", "soft", "indicator", "label", "rule",
                   "pattern", "status", "period", "refers_to", "why_not")

_ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MASKED = re.compile(r"#+")


@dataclass
class Reading:
    """One number of the text: how it was read and what claimed it."""
    raw: str
    start: int
    end: int
    value: float | int | None = None
    value_max: float | int | None = None   # upper bound of a range (2万-6万元)
    unit: str | None = None
    qualifier: str | None = None
    claims: list[Value] = field(default_factory=list)
    why_not: str = ""


def explain(report: Report, extractor: Extractor, span: tuple[int, int] | None = None) -> list[Reading]:
    """Every number in `report` (or in `span` of it, offsets of the text as read), in text
    order, each with how it was read (also numbers no indicator asks for, and standalone
    Chinese numerals) and the values it gave or the reason it gave none."""
    run = _Run(extractor, report, read_everything=True)   # every number is diagnosed
    values = run.values()
    lo, hi = (report.offsets.to_copy(span[0]), report.offsets.to_copy(span[1])) if span else (0, len(report.plain))
    claimed: dict[int, list[Value]] = {}
    for v in values:
        claimed.setdefault(v.start, []).append(v)
    extracted = run.tokens   # what extraction saw: its leads decide why a number was not taken
    index_of = {tok.start: i for i, tok in enumerate(extracted)}
    tokens = list(extractor.full_reader.tokens(report.work))
    readings = []
    for tok in tokens:
        if not lo <= tok.start < hi:
            continue
        start, end = report.text_span(tok.start, tok.end)
        r = Reading(report.text[start:end], start, end, tok.value, tok.value_max, tok.unit, tok.qualifier,
                    claimed.get(start, []))
        if not r.claims:
            i = index_of.get(tok.start)
            r.why_not = _unread(run, tok) or _diagnose(run, extracted, i)
        readings.append(r)
    covered = [(t.start, t.end) for t in tokens]
    for m in _ANY_NUMBER.finditer(report.plain, lo, hi):   # numbers the reader passed over
        if not any(a <= m.start() < b for a, b in covered):
            start, end = report.text_span(*m.span())
            readings.append(Reading(report.text[start:end], start, end, why_not=_skipped(report, *m.span())))
    return sorted(readings, key=lambda r: r.start)


def _unread(run: _Run, tok) -> str:
    """Why a quantity is no candidate at all ('' when it is one: then the leads tell)."""
    if tok.value is None:
        return (f"«{run.work[tok.start:tok.end]}» cannot be read as one whole number "
                "(a rough figure such as 三五家, not well-formed, or 10^16 and over, which no report's "
                "figure reaches): no value rather than a guess")
    if tok.unit is None:
        return "no unit after the number (1861文化创意产业园): a name or code, not a quantity"
    if tok.unit not in run.ex.by_unit:
        return f"unit {tok.unit}: no indicator counts in {tok.unit}"
    return ""


def _skipped(report: Report, start: int, end: int) -> str:
    if _MASKED.fullmatch(report.work, start, end):
        return "inside a quoted name (“315”, “8+4”): a slogan, not a value"
    before, after = report.work[start - 1:start], report.work[end:end + 1]
    if before == "第":
        return "a rank (第2), not a value"
    if "+" in (before, after):
        return "part of a slogan such as 8+4 or 2+4+X, not a value"
    return "a code or part of a name (PM2.5, 5G, 3A), not a quantity"


def _diagnose(run: _Run, tokens, i: int | None) -> str:
    if i is None:
        return "read differently when extracting (a range or a sign around it): see the numbers beside it"
    tok = tokens[i]
    candidates = run.ex.by_unit[tok.unit]
    start = max(run.clause_start(tok.start), tokens[i - 1].end if i else 0)
    lead = run.work[start:tok.start]
    if not lead.strip("、, ") and "分别" in run.work[run.sentence_start(tok.start):tok.start]:
        return "paired by 分别 with a part of the list before it that names no indicator"
    reasons = []
    for ind, _factor in candidates.items:
        reason = _why_not(run, ind, lead, start, tok)
        if reason:
            reasons.append(f"{ind.id}: {reason}")
    if not reasons:
        return f"no indicator counting in {tok.unit} names its subject in «{lead.strip()}»"
    return "; ".join(reasons)


def _why_not(run: _Run, ind: Indicator, lead: str, lead_start: int, tok) -> str:
    """Why an indicator whose subject occurs in the lead did not take the number ('' if absent)."""
    for j, subject in enumerate(ind.subjects):   # compiled as the catalogue runs them (safe_regex.py)
        matches = list(subject.finditer(lead))
        if not matches:
            continue
        m = matches[-1]   # the occurrence nearest the number
        between = lead[m.end():]
        if not ind.link.fullmatch(between):
            return f"found «{m.group()}» (pattern {j}), but «{between}» may not stand between it and the number"
        if not run.allowed(ind, lead_start, tok.start):
            return (f"found «{m.group()}», but the sentence lacks its context ({ind.context.pattern[:40]}…)"
                    if ind.context and not ind.context.search(run.work, run.sentence_start(lead_start), tok.start)
                    else f"found «{m.group()}», but its exclude words occur in «{lead}»")
        return f"found «{m.group()}», but {tok.value}{ind.unit} is not plausible for it (or the list did not pair up)"
    return ""


def explain_rows(readings: list[Reading], catalogue: Catalogue) -> list[dict]:
    """The readings as rows of EXPLAIN_COLUMNS: one per claim (a number two indicators claim
    gives two rows), one with why_not for a number nothing claimed."""
    rows = []
    for r in readings:
        base = {"raw": r.raw, "start": r.start, "unit": r.unit, "qualifier": r.qualifier, "why_not": r.why_not or None}
        if not r.claims:
            rows.append({**base, "value": r.value, "value_max": r.value_max, "soft": None, "indicator": None,
                         "label": None, "rule": None, "pattern": None, "status": None, "period": None,
                         "refers_to": None})
        for v in r.claims:
            pattern = catalogue.by_id(v.indicator).patterns[int(v.rule.rsplit("#", 1)[1])]
            rows.append({**base, "value": v.value, "value_max": v.value_max, "soft": v.soft, "indicator": v.indicator,
                         "label": v.label, "rule": v.rule, "pattern": pattern, "status": v.status,
                         "period": v.period, "refers_to": v.refers_to})
    return rows
