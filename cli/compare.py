"""polcmp compare: one table, indicators × places, every cell traceable with --long."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from indicators.batch import extract_many
from indicators.cache import open_cache
from indicators.catalogue import load_catalogue
from indicators.corpus import Corpus, resolve_corpus_path
from indicators.errors import PolcmpError, ReportError
from indicators.extract import Extractor

from .extract import check_indicator_ids
from .main import (BomOption, CorpusOption, ExtraRulesOption, FormatOption, NoCacheOption, OutputOption,
                   RulesOption, Status, app, finish)
from .output import (Format, choose_format, open_output, records, render_chart, render_comparison, use_bom,
                     write_records)
from .status import ExitCode, warn


@app.command()
def compare(
    places: Annotated[list[str], typer.Argument(
        metavar="PLACE...",
        help="Places (临海, 临海市: all their reports; 临海:2023, 浙江省:2015-2024: those years) or report files.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
    long: Annotated[bool, typer.Option("--long", help="One row per value, with every extract column.")] = False,
    status: Annotated[Status, typer.Option(
        help="target (default): this year's plans; achieved: results; all: both, side by side.")
    ] = Status.target,
    indicator: Annotated[Optional[list[str]], typer.Option(
        "--indicator", "-i", help="Only this indicator id (repeatable).")] = None,
    group: Annotated[Optional[list[str]], typer.Option(
        "--group", "-g", help="Only this group: innovation, talent, digital, economy (repeatable).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every indicator, also those no place states.")] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Bars per indicator under the table.")] = False,
    corpus: CorpusOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare places: one row per indicator, one column per place (targets by default)."""
    catalogue = load_catalogue(rules, extra_rules or ())
    check_indicator_ids(catalogue, sorted(set(indicator or [])))
    unknown_groups = sorted(set(group or []) - set(catalogue.groups))
    if unknown_groups:
        raise PolcmpError(f"unknown group {', '.join(unknown_groups)} (groups: {', '.join(catalogue.groups)})")
    library = Corpus(resolve_corpus_path(corpus))
    entries = library.resolve_all(places)

    extractor = Extractor(catalogue)
    reports = []
    outcomes = extract_many([e.path for e in entries], extractor, jobs=jobs, cache=open_cache(catalogue, not no_cache))
    for entry, (_path, outcome) in zip(entries, outcomes):
        if isinstance(outcome, ReportError):
            raise outcome
        reports.append((entry, outcome))
    from indicators.compare import compare as build   # pandas is imported here, not by extract

    statuses = ("target", "achieved") if status is Status.all else (status.value,)
    result = build(reports, catalogue, statuses, set(indicator or []) or None, set(group or []) or None, show_all)
    for note in result.notes:
        warn(note)

    fmt = choose_format(fmt, output)
    with open_output(output, use_bom(bom, fmt, output)) as out:
        if fmt is Format.table:
            render_comparison(result, catalogue, out, long)
            if chart:
                render_chart(result, catalogue, out)
        elif long:
            write_records(records(result.long), list(result.long.columns), fmt, out)
        else:
            columns = ["indicator", "label", "unit"] + [f"{c}{f}" for c in result.columns for f in ("", " qualifier")]
            write_records(records(result.wide), columns, fmt, out)
    finish(ExitCode.OK)
