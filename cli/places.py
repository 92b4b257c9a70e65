"""polcmp places: what a corpus holds — each place with the years of its reports and how many
values polcmp reads there; --files for one row per report."""
from __future__ import annotations

from typing import Annotated

import typer

from ..indicators.batch import extract_many
from ..indicators.cache import open_cache
from ..indicators.catalogue import load_catalogue
from ..indicators.corpus import Corpus, describe_years, resolve_corpus_path
from ..indicators.divisions import Division, Located, division, locate_file, province_selection
from ..indicators.errors import ReportError
from ..indicators.extract import Extractor
from ..indicators.models import ACHIEVED, TARGET

from .files import protect
from .main import (BomOption, CorpusOption, ExtraRulesOption, FormatOption, JobsOption, NoCacheOption, OutputOption,
                   RulesOption, app, finish)
from .output import FILE_FORMATS, choose_format, open_output, progress, save_records, use_bom, write_records
from .status import ExitCode, error, warn

DIVISION_COLUMNS = ("place_code", "place_level", "province")
PLACE_COLUMNS = ("place", "years", "reports", "values", "targets", "achieved", *DIVISION_COLUMNS)
FILE_COLUMNS = ("place", "year", "file", "values", "targets", "achieved", *DIVISION_COLUMNS)


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
    protect(library.paths)
    for problem in library.unreadable:
        error(str(problem))
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    per_file, failed = [], 0
    with progress(len(library.entries), "reading") as on_done:
        for entry, (_path, outcome) in zip(library.entries, extract_many(
                [e.path for e in library.entries], Extractor(catalogue), jobs=jobs, on_done=on_done,
                cache=open_cache(catalogue, not no_cache))):
            if isinstance(outcome, ReportError):   # binary, empty, undecodable: listed with 0 values, and said
                error(str(outcome))
                failed += 1
            values = [] if isinstance(outcome, ReportError) else outcome
            placed = placed_entry(entry, values)
            statuses = [v.status for v in values]   # counted in C: 68,000 values over 3,000 reports
            per_file.append({"place": entry.place, "year": entry.year, "file": entry.path, "values": len(values),
                             "targets": statuses.count(TARGET), "achieved": statuses.count(ACHIEVED),
                             **division_fields(placed), "located": placed})
    warn_unplaced(per_file)
    rows = per_file if files else by_place(per_file)
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows, FILE_COLUMNS if files else PLACE_COLUMNS, fmt, output)
    else:
        with open_output(output, use_bom(bom, fmt, output)) as out:
            write_records(rows, FILE_COLUMNS if files else PLACE_COLUMNS, fmt, out)
    finish(ExitCode.PARTIAL if library.unreadable or failed else ExitCode.OK)


def province_entries(library: Corpus, name: str) -> list:
    """--province: the corpus's reports of places in that province, the province's own first;
    places that cannot be placed are left out with a warning each."""
    inside, unplaced = province_selection(library.entries, name, library.root)
    for place, why in unplaced.items():
        warn(f"{place}: {why.reason}; left out of --province {name}")
    return inside


def placed_entry(entry, values) -> Located:
    """Where a report's place belongs: as extraction placed it, else from its name and text."""
    code = next((v.place_code for v in values if v.place_code), None)
    return division(code) if code else locate_file(entry.place, entry.path)


def division_fields(placed: Located) -> dict:
    if isinstance(placed, Division):
        return {"place_code": placed.code, "place_level": placed.level, "province": placed.province}
    return dict.fromkeys(DIVISION_COLUMNS)


def warn_unplaced(per_file: list[dict]) -> None:
    """One line per place none of whose reports could be placed: why, and that its columns stay empty."""
    placed = {f["place"] for f in per_file if isinstance(f["located"], Division)}
    told = set()
    for f in per_file:
        if f["place"] not in placed and f["place"] not in told:
            told.add(f["place"])
            warn(f"{f['place']}: {f['located'].reason}; place_code left empty")


def by_place(per_file: list[dict]) -> list[dict]:
    """One row per place: the years of its reports (2019-2024), their number and value counts."""
    rows: dict[str, dict] = {}
    years: dict[str, list] = {}
    for f in per_file:
        row = rows.setdefault(f["place"], {"place": f["place"], "reports": 0, "values": 0, "targets": 0, "achieved": 0,
                                           **dict.fromkeys(DIVISION_COLUMNS)})
        if row["place_code"] is None:
            row.update({key: f[key] for key in DIVISION_COLUMNS})
        years.setdefault(f["place"], []).append(f["year"])
        row["reports"] += 1
        for key in ("values", "targets", "achieved"):
            row[key] += f[key]
    for place, row in rows.items():
        row["years"] = describe_years(years[place])
    return list(rows.values())
