"""polcmp keywords: the terms each place uses markedly more than the others (and a background)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..indicators.batch import expand_inputs
from ..indicators.catalogue import load_catalogue
from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.errors import PolcmpError, ReportError
from ..indicators.reports import read_report

from .files import atomic_output, protect
from .main import CorpusOption, FormatOption, OutputOption, RulesOption, app, at_least_one, finish
from .output import (FILE_FORMATS, Format, choose_format, open_output, progress, render_table, save_records, use_bom,
                     write_records)
from .status import ExitCode, error, warn

COLUMNS = ("place", "rank", "term", "z", "count", "others", "per_10k")


@app.command()
def keywords(
    places: Annotated[Optional[list[str]], typer.Argument(
        metavar="PLACE", help="Places (临海, 临海:2023) or report files.")] = None,
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", callback=at_least_one, help="Terms per place.")] = 10,
    fmt: FormatOption = None,
    output: OutputOption = None,
    corpus: CorpusOption = None,
    background: Annotated[Optional[Path], typer.Option(
        metavar="FILE", dir_okay=False, help="Background counts (from --build-background; default: the shipped ones).")] = None,
    build_background: Annotated[Optional[Path], typer.Option(
        "--build-background", metavar="DIR", file_okay=False,
        help="Count the words of every report in DIR and write them to -o FILE (required) as a background.")] = None,
    rules: RulesOption = None,
) -> None:
    """Terms each place uses markedly more than the others: weighted log-odds ratio with an
    informative Dirichlet prior from a background corpus (Monroe, Colaresi & Quinn 2008)."""
    from ..indicators import words   # jieba is loaded inside, and only if a text is not cached yet

    protect([rules, background])
    vocab = words.vocabulary(load_catalogue(rules))
    if build_background:
        if output is None:   # the shipped background is never overwritten: it is part of polcmp
            raise PolcmpError("--build-background DIR needs -o FILE (then use it with --background FILE)")
        build(build_background, output, vocab)
        return
    if not places:
        raise PolcmpError("name at least one place (or --build-background DIR)")
    library = Corpus(resolve_corpus_path(corpus))
    protect(library.paths)
    counts: dict[str, Counter] = {}
    lengths: dict[str, int] = {}
    entries = library.resolve_all(places)
    protect([e.path for e in entries])
    with progress(len(entries), "reading") as on_done:
        for entry in entries:
            report = read_report(entry.path)
            counts[entry.column] = words.cached_counts(report.work, vocab)
            lengths[entry.column] = len(report.text)
            on_done(entry.path)
    prior = words.load_background(background)
    ranked = words.distinctive(counts, lengths, prior, top)
    rows = [{"place": place, "rank": i + 1, **vars(k)} for place, found in ranked.items() for i, k in enumerate(found)]
    common = [{"place": "(all places)", "rank": i + 1, **vars(k)}
              for i, k in enumerate(words.shared(counts, prior, top))]
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows + common, COLUMNS, fmt, output)
        finish(ExitCode.OK)
    with open_output(output, use_bom(None, fmt, output)) as out:
        if fmt is Format.table:
            render_table(rows, COLUMNS, out, title="distinctive terms (z: log-odds vs the other places)")
            if common:
                render_table(common, ("rank", "term", "z", "count"), out,
                             title="terms every place uses (z: vs the background)")
        else:
            write_records(rows + common, COLUMNS, fmt, out)
    finish(ExitCode.OK)


def build(directory: Path, output: Path, vocab) -> None:
    """--build-background: count every report of a folder into one background file."""
    from ..indicators import words

    paths, problems = expand_inputs([str(directory)])
    protect(paths)
    for problem in problems:
        error(str(problem))
    total, documents = Counter(), 0
    with progress(len(paths), "counting") as on_done:
        for path in paths:
            try:
                total.update(words.cached_counts(read_report(path).work, vocab))
                documents += 1
            except ReportError as e:
                error(str(e))
            on_done(path)
    if not documents:
        finish(ExitCode.CANNOT_RUN)   # nothing read (each problem said above): no empty background
    with atomic_output(output, binary=True) as out:
        words.save_background(total, out, documents)
    warn(f"background: {documents} reports, {len(total)} terms → {output}")
    finish(ExitCode.PARTIAL if problems or documents < len(paths) else ExitCode.OK)
