"""polcmp places: what a corpus holds — place, year, file, how many values polcmp reads there."""
from __future__ import annotations

from typing import Annotated

import typer

from indicators.batch import extract_many
from indicators.cache import open_cache
from indicators.catalogue import load_catalogue
from indicators.corpus import Corpus, resolve_corpus_path
from indicators.errors import ReportError
from indicators.extract import Extractor

from .main import (BomOption, CorpusOption, ExtraRulesOption, FormatOption, NoCacheOption, OutputOption,
                   RulesOption, app, finish)
from .output import choose_format, open_output, use_bom, write_records
from .status import ExitCode, error

COLUMNS = ("place", "year", "file", "values", "targets", "achieved")


@app.command()
def places(corpus: CorpusOption = None, fmt: FormatOption = None, output: OutputOption = None,
           bom: BomOption = None, rules: RulesOption = None, extra_rules: ExtraRulesOption = None,
           jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
           no_cache: NoCacheOption = False) -> None:
    """List the reports of a corpus (default: the bundled sample reports) with their value counts."""
    library = Corpus(resolve_corpus_path(corpus))
    for problem in library.unreadable:
        error(str(problem))
    catalogue = load_catalogue(rules, extra_rules or ())
    outcomes = extract_many([e.path for e in library.entries], Extractor(catalogue), jobs=jobs,
                            cache=open_cache(catalogue, not no_cache))
    rows = []
    for entry, (_path, outcome) in zip(library.entries, outcomes):
        values = [] if isinstance(outcome, ReportError) else outcome
        rows.append({"place": entry.place, "year": entry.year, "file": entry.path, "values": len(values),
                     "targets": sum(v.status == "target" for v in values),
                     "achieved": sum(v.status == "achieved" for v in values)})
    fmt = choose_format(fmt, output)
    with open_output(output, use_bom(bom, fmt, output)) as out:
        write_records(rows, COLUMNS, fmt, out)
    finish(ExitCode.PARTIAL if library.unreadable else ExitCode.OK)
