"""`polcmp report`: one self-contained HTML page where every number stands in its source.

The page has a comparison table (indicators × reports), a track of targets against results
with inline SVG charts for places with several years, and a reader pane per report with
every extracted value highlighted by status and the numbers near catalogue words that no
indicator took ("unclaimed", for auditing recall). Clicking a cell scrolls to its value in
the text, highlights the clause it was read from and shows its indicator, status, period and
rule. Filters by group, indicator and status work offline: the script, the styles and the
data are inline, and a Content-Security-Policy forbids every request (no fonts, no images).
"""
from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import groupby

from .catalogue import Catalogue
from .compare import primary_first
from .corpus import Entry
from .display import MISSING, format_value
from .literals import required_literals
from .models import Value
from .numbers import read_quantities

STATUS_NAMES = {"target": "目标 target", "achieved": "完成 achieved"}
# Fonts a stock machine has for Chinese (Linux: Noto CJK / WenQuanYi; macOS: PingFang; Windows: YaHei)
FONTS = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", '
         '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Droid Sans Fallback", sans-serif')
NEAR_KEYWORD = 30   # an unclaimed number is listed when a catalogue word stands this close before it
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


@dataclass
class ReportPage:
    """One report as the page shows it: its entry, values and text as read."""
    entry: Entry
    values: list[Value]
    text: str


def build_html(pages: list[ReportPage], catalogue: Catalogue, statuses: tuple[str, ...] = ("target", "achieved"),
               tracked=None) -> str:
    """The whole page. `tracked` is indicators.track.track(...)'s rows or None."""
    groups = {ind.id: ind.group for ind in catalogue.indicators}
    order = {ind.id: i for i, ind in enumerate(catalogue.indicators)}
    anchors = {}   # (file, start, end) → id of the mark in a reader pane
    readers = [_reader(r, page, statuses, catalogue, anchors) for r, page in enumerate(pages)]
    shown = sorted({v.indicator for p in pages for v in p.values if v.status in statuses}, key=order.get)
    labels = {ind.id: ind.name for ind in catalogue.indicators}
    body = [
        f"<header><h1>polcmp report</h1><p>{len(pages)} report{'s' if len(pages) != 1 else ''}: "
        f"{html.escape('、'.join(p.entry.column for p in pages))}. Click a value to see it in its report.</p>",
        _filters(catalogue, shown, labels, statuses), "</header>",
        "<main><section id=compare><h2>Comparison 对比</h2>", _compare_table(pages, shown, labels, groups, statuses, anchors),
        "</section>",
    ]
    if tracked is not None and len(tracked):
        body += ["<section id=track><h2>Targets against results 目标与完成</h2>",
                 _track(tracked, groups, anchors), "</section>"]
    body += ["<section id=readers><h2>Reports 报告原文</h2>", *readers, "</section></main>",
             "<aside id=detail hidden><button id=close title=close>×</button><dl></dl></aside>"]
    return PAGE.format(fonts=FONTS, style=STYLE, script=SCRIPT, body="\n".join(body))


# ---------------------------------------------------------------- filters and tables

def _filters(catalogue: Catalogue, shown: list[str], labels: dict, statuses) -> str:
    used_groups = [g for g in catalogue.groups if any(ind.group == g and ind.id in shown for ind in catalogue.indicators)]
    group_options = "".join(f'<option value="{html.escape(g)}">{html.escape(catalogue.groups[g])} {html.escape(g)}</option>'
                            for g in used_groups)
    indicator_options = "".join(f'<option value="{i}">{html.escape(labels[i])} {i}</option>' for i in shown)
    boxes = "".join(f'<label><input type=checkbox class=status-filter value="{s}" checked> {STATUS_NAMES[s]}</label>'
                    for s in statuses)
    return (f'<form id=filters><label>group <select id=group-filter><option value="">all</option>{group_options}'
            f'</select></label> <label>indicator <select id=indicator-filter><option value="">all</option>'
            f'{indicator_options}</select></label> {boxes}</form>')


def _data(v: Value) -> dict:
    """What the detail box shows of a value (data-* attributes of its links and its mark)."""
    return {"indicator": f"{v.label} ({v.indicator})", "status": v.status, "period": v.period,
            "refers_to": v.refers_to or "", "rule": v.rule, "raw": v.raw, "quote": v.quote,
            "place": f"{v.place or ''} {v.year or ''}"}


def _cell_link(v: Value, anchors: dict) -> str:
    shown = format_value(v.value, v.unit, v.qualifier or "=", v.soft, v.value_max, v.aim, v.qualifier_text)
    mark = anchors.get((v.file, v.start, v.end), "")
    attrs = " ".join(f'data-{k}="{html.escape(str(val))}"' for k, val in _data(v).items())
    return f'<a class="v st-{v.status}" href="#{mark}" data-mark="{mark}" {attrs}>{html.escape(shown)}</a>'


def _compare_table(pages, shown, labels, groups, statuses, anchors) -> str:
    head = "".join(f"<th>{html.escape(p.entry.column)}</th>" for p in pages)
    rows = []
    for ind_id in shown:
        cells = []
        for page in pages:
            parts = []
            for status in statuses:
                found = primary_first([v for v in page.values if v.indicator == ind_id and v.status == status])
                if found:
                    more = f'<span class=more title="more values in the report"> +{len(found) - 1}</span>' \
                        if len(found) > 1 else ""
                    parts.append(f'<div class="st-{status}">{_cell_link(found[0], anchors)}{more}</div>')
            cells.append(f"<td>{''.join(parts) or MISSING}</td>")
        rows.append(f'<tr data-group="{html.escape(groups[ind_id])}" data-indicator="{ind_id}"><th>'
                    f'{html.escape(labels[ind_id])}<small>{ind_id}</small></th>{"".join(cells)}</tr>')
    return f"<table class=compare><thead><tr><th>indicator</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _track(rows, groups: dict, anchors: dict) -> str:
    """Per place and indicator with two or more years: a row of target → result cells and a chart."""
    out = []
    for (place, ind_id), items in groupby(sorted(rows, key=lambda r: (r["place"], r["indicator"], r["year"])),
                                          key=lambda r: (r["place"], r["indicator"])):
        items = list(items)
        if len(items) < 2:
            continue
        cells = "".join(f"<td><b>{r['year']}</b> {_track_side(r, 'target', anchors)} → "
                        f"{_track_side(r, 'result', anchors)} {dict(met='✓', missed='✗').get(r['verdict'], '')}</td>"
                        for r in items)
        out.append(f'<tr data-group="{html.escape(groups.get(ind_id, ""))}" data-indicator="{ind_id}"><th>'
                   f'{html.escape(place)} · {html.escape(items[0]["label"])}<small>{ind_id}</small></th>'
                   f'<td class=chart>{_chart(items)}</td>{cells}</tr>')
    return f"<table class=track><tbody>{''.join(out)}</tbody></table>" if out else "<p>No place has two years.</p>"


def _track_side(row: dict, side: str, anchors: dict) -> str:
    if row[side] is None and not (side == "target" and row.get("target_text")):
        return MISSING
    status = "target" if side == "target" else "achieved"
    mark = anchors.get((row[f"{side}_file"], row[f"{side}_start"], row[f"{side}_end"]), "")
    shown = (format_value(row["target"], row["unit"], row["target_qualifier"] or "=", bool(row["target_soft"]),
                          row["target_max"], row["target_aspiration"], row["target_text"])
             if side == "target" else format_value(row["result"], row["unit"], row["result_qualifier"] or "="))
    data = {"indicator": f"{row['label']} ({row['indicator']})", "status": status, "raw": row[f"{side}_raw"] or "",
            "quote": row[f"{side}_quote"] or "", "place": f"{row['place']} {row['year']}", "period": "", "rule": "",
            "refers_to": str(row["year"])}
    attrs = " ".join(f'data-{k}="{html.escape(str(val))}"' for k, val in data.items())
    return f'<a class="v st-{status}" href="#{mark}" data-mark="{mark}" {attrs}>{html.escape(shown)}</a>'


def _chart(items: list[dict]) -> str:
    """Targets (hollow, dashed) and results (filled) over the years, as inline SVG."""
    points = [(r["year"], r["target"], r["result"]) for r in items]
    values = [v for _, t, res in points for v in (t, res) if v is not None]
    if not values:
        return ""
    width, height, pad = 220, 90, 14
    years = [y for y, _, _ in points]
    low, high = min(values + [0]), max(values)
    span_y, span_x = (high - low) or 1, (max(years) - min(years)) or 1

    def xy(year, value):
        return (pad + (year - min(years)) / span_x * (width - 2 * pad),
                height - pad - (value - low) / span_y * (height - 2 * pad))
    parts = []
    for key, style in ((1, 'fill="none" stroke="#c60" stroke-dasharray="3 2"'), (2, 'fill="none" stroke="#06c"')):
        line = [xy(p[0], p[key]) for p in points if p[key] is not None]
        if len(line) > 1:
            parts.append(f'<polyline {style} points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in line)}"/>')
        dot = 'fill="#fff" stroke="#c60"' if key == 1 else 'fill="#06c"'
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" {dot}/>' for x, y in line]
    labels = f'<text x="{pad}" y="{height - 2}">{min(years)}</text><text x="{width - pad - 24}" y="{height - 2}">{max(years)}</text>'
    return (f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'<title>目标 (虚线) 与完成 (实线)</title>{"".join(parts)}{labels}</svg>')


# ---------------------------------------------------------------- reader panes

def _reader(r: int, page: ReportPage, statuses, catalogue: Catalogue, anchors: dict) -> str:
    """The report's text with its values (and unclaimed numbers) marked, each clause a span."""
    text = page.text
    values = [v for v in page.values if v.status in statuses and 0 <= v.start <= v.end <= len(text)]
    marks: list[tuple[int, int, str, Value | None]] = []   # start, end, kind, value
    for v in sorted(values, key=lambda v: (v.start, v.end)):
        if marks and v.start < marks[-1][1]:   # the same number claimed twice: one mark
            anchors[(v.file, v.start, v.end)] = f"m{r}-{len(marks) - 1}"
            continue
        anchors[(v.file, v.start, v.end)] = f"m{r}-{len(marks)}"
        marks.append((v.start, v.end, f"st-{v.status}", v))
    unclaimed = _unclaimed(text, marks, _keywords(catalogue))
    marks = sorted(marks + [(a, b, "unclaimed", None) for a, b in unclaimed], key=lambda m: m[0])
    quotes = _quote_spans(text, values)
    opening = []
    for i, (a, b, kind, v) in enumerate(marks):
        mark_id = anchors.get((v.file, v.start, v.end)) if v else f"u{r}-{i}"
        title = f"{v.label} · {v.status} · {v.rule}" if v else "unclaimed: no indicator took this number"
        data = "" if v is None else " ".join(f'data-{k}="{html.escape(str(val))}"' for k, val in _data(v).items())
        opening.append((f'<mark id="{mark_id}" class="{kind}" title="{html.escape(title)}" {data}>',
                        f'<mark class="{kind}">'))   # the second: its rest after a clause boundary
    out = _nest(text, quotes, [(a, b) for a, b, _, _ in marks], opening)
    listed = "".join(f'<li><a href="#u{r}-{i}">{html.escape(text[max(0, a - 20):a])}<b>{html.escape(text[a:b])}</b>'
                     f'{html.escape(text[b:b + 8])}</a></li>'
                     for i, (a, b, kind, _) in enumerate(marks) if kind == "unclaimed")
    return (f'<article class=reader id="r{r}"><h3>{html.escape(page.entry.column)} '
            f'<small>{html.escape(page.entry.path)} · {len(values)} values</small></h3>'
            f'<details><summary>Unclaimed numbers near catalogue words ({len(unclaimed)})</summary><ol>{listed}</ol>'
            f'</details><div class=text>{out}</div></article>')


def _quote_spans(text: str, values: list[Value]) -> list[tuple[int, int]]:
    """Where each value's quote stands (around its number), without overlaps, in text order."""
    spans = []
    for v in values:
        if not v.quote:
            continue
        at = text.find(v.quote, max(0, v.end - len(v.quote)), v.start + len(v.quote))
        if at >= 0 and at <= v.start and at + len(v.quote) >= v.end:
            spans.append((at, at + len(v.quote)))
    kept = []
    for a, b in sorted(set(spans)):
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    return kept


def _nest(text: str, quotes: list[tuple[int, int]], marks: list[tuple[int, int]], opening: list[tuple[str, str]]) -> str:
    """text, escaped, with each clause in <span class=q> and each mark inside its clause. Both
    lists are sorted and without overlaps; a mark that crosses a clause boundary is split."""
    cuts = sorted({0, len(text), *(x for span in quotes + marks for x in span)})
    quote_starts, mark_starts = [a for a, _ in quotes], [a for a, _ in marks]
    out, open_quote, open_mark, started = [], None, None, set()

    def covering(spans, starts, pos):
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and spans[i][0] <= pos < spans[i][1] else None
    for a, b in zip(cuts, cuts[1:]):
        q, m = covering(quotes, quote_starts, a), covering(marks, mark_starts, a)
        if q != open_quote:
            if open_mark is not None:
                out.append("</mark>")
                open_mark = None
            if open_quote is not None:
                out.append("</span>")
            if q is not None:
                out.append("<span class=q>")
            open_quote = q
        if m != open_mark:
            if open_mark is not None:
                out.append("</mark>")
            if m is not None:
                out.append(opening[m][m in started])
                started.add(m)
            open_mark = m
        out.append(html.escape(text[a:b]))
    out.append("</mark>" if open_mark is not None else "")
    out.append("</span>" if open_quote is not None else "")
    return "".join(out)


def _keywords(catalogue: Catalogue) -> tuple[str, ...]:
    words = set()
    for ind in catalogue.indicators:
        for src in ind.expanded:
            found = required_literals(src) or ()
            words.update(w for w in found if len(w) >= 2)
    return tuple(sorted(words))


def _unclaimed(text: str, marks, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
    """Numbers with a unit that no value claims, with a catalogue word shortly before them in
    their sentence: where a reader auditing recall should look."""
    claimed = [(a, b) for a, b, _, _ in marks]
    out = []
    for q in read_quantities(text):
        if q.value is None or q.unit is None or any(a < q.end and q.start < b for a, b in claimed):
            continue
        window = text[max(0, q.start - NEAR_KEYWORD):q.start]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if any(w in window[cut:] for w in keywords):
            out.append((q.start, q.end))
    return out


# ---------------------------------------------------------------- the page

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>polcmp report</title>
<style>body {{ font-family: {fonts}; }} {style}</style></head>
<body>
{body}
<script>{script}</script>
</body></html>
"""

STYLE = """
body { margin: 0; color: #222; background: #fafafa; font-size: 14px; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: 6px 16px; z-index: 2; }
header h1 { font-size: 18px; margin: 0; display: inline; } header p { display: inline; margin-left: 12px; color: #555; }
#filters { margin-top: 4px; } #filters label { margin-right: 14px; }
main { padding: 8px 16px; }
table { border-collapse: collapse; background: #fff; margin-bottom: 16px; }
th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
th small { display: block; color: #888; font-weight: normal; }
a.v { text-decoration: none; padding: 0 2px; border-radius: 2px; }
.st-target a.v, a.v.st-target { color: #a04000; } .st-achieved a.v, a.v.st-achieved { color: #004a99; }
.more { color: #999; font-size: 12px; }
.reader { background: #fff; border: 1px solid #ddd; margin-bottom: 16px; padding: 8px 12px; }
.reader .text { white-space: pre-wrap; line-height: 1.8; max-height: 70vh; overflow-y: auto; }
mark { background: none; border-bottom: 2px solid; padding: 0 1px; }
mark.st-target { border-color: #e07000; background: #fff1e0; } mark.st-achieved { border-color: #0060c0; background: #e6f0ff; }
mark.unclaimed { border-color: #999; border-bottom-style: dotted; background: #f2f2f2; }
span.q.active { background: #fff6a8; } mark.active { outline: 2px solid #d00; }
body.hide-target .st-target, body.hide-achieved .st-achieved { display: none; }
body.hide-target mark.st-target, body.hide-achieved mark.st-achieved { display: inline; background: none; border: none; }
#detail { position: fixed; right: 12px; bottom: 12px; width: 360px; background: #fff; border: 1px solid #888;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); padding: 8px 12px; z-index: 3; }
#detail dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; } #detail dt { color: #666; }
#close { float: right; border: none; background: none; font-size: 18px; cursor: pointer; }
svg text { font-size: 9px; fill: #666; }
"""

SCRIPT = r"""
(function () {
  const detail = document.getElementById('detail');
  function show(el) {
    const fields = ['place', 'indicator', 'status', 'period', 'refers_to', 'rule', 'raw', 'quote'];
    const dl = detail.querySelector('dl');
    dl.textContent = '';
    for (const f of fields) {
      if (!el.dataset[f]) continue;
      const dt = document.createElement('dt'); dt.textContent = f;
      const dd = document.createElement('dd'); dd.textContent = el.dataset[f];
      dl.append(dt, dd);
    }
    detail.hidden = false;
  }
  function goTo(markId) {
    document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
    const mark = document.getElementById(markId);
    if (!mark) return null;
    mark.classList.add('active');
    const quote = mark.closest('span.q');
    if (quote) quote.classList.add('active');
    mark.scrollIntoView({block: 'center'});
    return mark;
  }
  document.addEventListener('click', function (event) {
    const link = event.target.closest('a.v');
    if (link) {
      event.preventDefault();
      goTo(link.dataset.mark);
      show(link);
      return;
    }
    const mark = event.target.closest('mark[data-indicator]');
    if (mark) { goTo(mark.id); show(mark); }
  });
  document.getElementById('close').addEventListener('click', () => { detail.hidden = true; });
  function filter() {
    const group = document.getElementById('group-filter').value;
    const indicator = document.getElementById('indicator-filter').value;
    document.querySelectorAll('tr[data-indicator]').forEach(function (row) {
      row.hidden = (group && row.dataset.group !== group) || (indicator && row.dataset.indicator !== indicator);
    });
    document.querySelectorAll('.status-filter').forEach(function (box) {
      document.body.classList.toggle('hide-' + box.value, !box.checked);
    });
  }
  document.getElementById('filters').addEventListener('change', filter);
})();
"""
