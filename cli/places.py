"""polcmp places: what a corpus holds — each place with the years of its reports and how many
values polcmp reads there; --files for one row per report."""
from __future__ import annotations

from typing import Annotated

import typer

from indicators.batch import extract_many
from indicators.cache import open_cache
from indicators.catalogue import load_catalogue
from indicators.corpus import Corpus, describe_years, resolve_corpus_path
from indicators.errors import ReportError
from indicators.extract import Extractor

from .main import (BomOption, CorpusOption, ExtraRulesOption, FormatOption, JobsOption, NoCacheOption, OutputOption,
                   RulesOption, app, finish)
from .output import choose_format, open_output, progress, use_bom, write_records
from .status import ExitCode, error

PLACE_COLUMNS = ("place", "years", "reports", "values", "targets", "achieved")
FILE_COLUMNS = ("place", "year", "file", "values", "targets", "achieved")


@app.command()
def places(corpus: CorpusOption = None, fmt: FormatOption = None, output: OutputOption = None,
           bom: BomOption = None,
           files: Annotated[bool, typer.Option("--files", help="One row per report instead of per place.")] = False,
           jobs: JobsOption = 1,
           no_cache: NoCacheOption = False,
           rules: RulesOption = None, extra_rules: ExtraRulesOption = None) -> None:
    """List the places of a corpus (default: the bundled sample reports), the years of their
    reports and how many values polcmp reads there."""
    library = Corpus(resolve_corpus_path(corpus))
    for problem in library.unreadable:
        error(str(problem))
    catalogue = load_catalogue(rules, extra_rules or ())
    per_file = []
    with progress(len(library.entries), "reading") as on_done:
        for entry, (_path, outcome) in zip(library.entries, extract_many(
                [e.path for e in library.entries], Extractor(catalogue), jobs=jobs, on_done=on_done,
                cache=open_cache(catalogue, not no_cache))):
            values = [] if isinstance(outcome, ReportError) else outcome
            per_file.append({"place": entry.place, "year": entry.year, "file": entry.path, "values": len(values),
                             "targets": sum(v.status == "target" for v in values),
                             "achieved": sum(v.status == "achieved" for v in values)})
    rows = per_file if files else by_place(per_file)
    fmt = choose_format(fmt, output)
    with open_output(output, use_bom(bom, fmt, output)) as out:
        write_records(rows, FILE_COLUMNS if files else PLACE_COLUMNS, fmt, out)
    finish(ExitCode.PARTIAL if library.unreadable else ExitCode.OK)


def by_place(per_file: list[dict]) -> list[dict]:
    """One row per place: the years of its reports (2019-2024), their number and value counts."""
    rows: dict[str, dict] = {}
    years: dict[str, list] = {}
    for f in per_file:
        row = rows.setdefault(f["place"], {"place": f["place"], "reports": 0, "values": 0, "targets": 0, "achieved": 0})
        years.setdefault(f["place"], []).append(f["year"])
        row["reports"] += 1
        for key in ("values", "targets", "achieved"):
            row[key] += f[key]
    for place, row in rows.items():
        row["years"] = describe_years(years[place])
    return list(rows.values())
