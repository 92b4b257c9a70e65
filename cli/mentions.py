"""polcmp mentions: how often places use a term, and every sentence that does (keyword in context)."""
from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.normalise import fold_width, to_simplified
from ..indicators.reports import read_report

from .files import protect
from .main import CorpusOption, FormatOption, OutputOption, app, finish
from .output import (FILE_FORMATS, Format, choose_format, make_console, open_output, progress, save_records, use_bom,
                     write_records)
from .status import ExitCode

COLUMNS = ("place", "year", "term", "count", "per_10k", "quote", "start", "end", "file")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@app.command()
def mentions(
    terms: Annotated[list[str], typer.Argument(metavar="TERM", help="Words to look for (数字经济 人才).")],
    places: Annotated[Optional[list[str]], typer.Option(
        "--places", "-p", metavar="PLACE", help="Only these places (repeatable; default: every report of the corpus).")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    corpus: CorpusOption = None,
) -> None:
    """Per place, how often each term occurs per 10,000 characters, and every sentence with it."""
    if any(not term.strip() for term in terms):   # the empty string occurs between every two characters
        raise typer.BadParameter("a term must have at least one character that is not a space", param_hint="TERM")
    library = Corpus(resolve_corpus_path(corpus))
    protect(library.paths)
    if places:
        entries = library.resolve_all(places)
        protect([e.path for e in entries])
    else:   # every place, its latest report
        entries = [library.resolve(place)[-1] for place in library.places()]
    rows = []
    with progress(len(entries), "reading") as on_done:
        for entry in entries:
            rows += mention_rows(entry, terms)
            on_done(entry.path)
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows, COLUMNS, fmt, output)
        finish(ExitCode.OK)
    with open_output(output, use_bom(None, fmt, output)) as out:
        if fmt is Format.table:
            render_mentions(rows, terms, out)
        else:
            write_records(rows, COLUMNS, fmt, out)
    finish(ExitCode.OK)


def mention_rows(entry, terms: list[str]) -> list[dict]:
    """A report's rows: per term its count, and each sentence with it quoted verbatim from the
    report as given (full-width ＡＩ, traditional 數字經濟 stay as written), with where the term
    stands in that quote (`marks`, for the table's highlight)."""
    report = read_report(entry.path)
    text = report.plain   # full-width letters match their ASCII forms, traditional ones simplified
    rows = []
    for term in terms:
        needle = to_simplified(fold_width(term))
        count = text.count(needle)
        base = {"place": entry.place, "year": entry.year, "term": term, "count": count,
                "per_10k": round(count / max(1, len(text)) * 10_000, 2), "file": entry.path}
        sentences = [m for m in _SENTENCE.finditer(text) if needle in m.group()]
        for m in sentences:
            start, end = report.text_span(*m.span())
            quote = report.text[start:end]
            start += len(quote) - len(quote.lstrip())
            quote = quote.strip()
            marks = []
            for hit in re.finditer(re.escape(needle), m.group()):
                a, b = report.text_span(m.start() + hit.start(), m.start() + hit.end())
                marks.append((a - start, b - start))
            rows.append({**base, "quote": quote, "start": start, "end": start + len(quote), "marks": marks})
        if not sentences:
            rows.append({**base, "quote": None, "start": None, "end": None, "marks": []})
    return rows


def render_mentions(rows: list[dict], terms: list[str], out) -> None:
    """A count table per place and term, then every sentence with the term highlighted."""
    from rich.table import Table
    from rich.text import Text

    console = make_console(out)
    table = Table(header_style="bold")
    table.add_column("place")
    for term in terms:
        table.add_column(f"{term} (count, per 10k chars)", justify="right")
    summary: dict[str, dict[str, dict]] = {}
    for r in rows:
        summary.setdefault(f"{r['place']} {r['year'] or ''}".strip(), {})[r["term"]] = r
    for place, by_term in summary.items():
        table.add_row(place, *[f"{by_term[t]['count']}  ({by_term[t]['per_10k']:g})" for t in terms])
    console.print(table)
    for r in rows:
        if r["quote"]:
            quote = Text(r["quote"])
            for a, b in r["marks"]:
                quote.stylize("bold yellow", a, b)
            console.print(Text.assemble((f"{r['place']} · {r['term']} · {r['start']}: ", "dim"), quote))
