"""polcmp compare: one table, indicators × places, every cell traceable with --long."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..indicators.batch import extract_many
from ..indicators.cache import open_cache
from ..indicators.catalogue import check_selection, load_catalogue
from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.errors import PolcmpError, ReportError
from ..indicators.extract import Extractor

from .files import protect
from .main import (AllPlacesOption, BomOption, CodebookOption, CorpusOption, ExtraRulesOption, FormatOption,
                   GroupOption, IndicatorOption, JobsOption, NoCacheOption, OutputOption, ProvinceOption, RulesOption,
                   Status, app, every_place, finish)
from .output import (FILE_FORMATS, Format, choose_format, codebook_path, open_output, progress, records, render_chart,
                     render_comparison, save_codebook, save_records, use_bom, write_records)
from .places import province_entries
from .status import ExitCode, warn


@app.command()
def compare(
    ctx: typer.Context,
    places: Annotated[Optional[list[str]], typer.Argument(
        metavar="PLACE",
        help="Places (临海, 临海市: all their reports; 临海:2023, 浙江省:2015-2024: those years) or report files.")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
    long: Annotated[bool, typer.Option("--long", help="One row per value, with every extract column.")] = False,
    status: Annotated[Status, typer.Option(metavar="target|achieved|all",
        help="target (default): this year's plans; achieved: results; all: both, side by side.")
    ] = Status.target,
    indicator: IndicatorOption = None,
    group: GroupOption = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every indicator, also those no place states.")] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Bars per indicator under the table.")] = False,
    province: ProvinceOption = None,
    all_places: AllPlacesOption = False,
    corpus: CorpusOption = None,
    jobs: JobsOption = 1,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    no_cache: NoCacheOption = False,
    codebook: CodebookOption = False,
) -> None:
    """Compare places: one row per indicator, one column per place (targets by default)."""
    if codebook:
        codebook_path(output)
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    check_selection(catalogue, indicator, group)
    library = Corpus(resolve_corpus_path(corpus))
    protect(library.paths)
    if every_place(ctx, places, province, all_places):
        entries = list(library.entries)
        if not entries:
            raise PolcmpError(f"no reports in {library.root}")
    elif not places and not province:
        raise typer.BadParameter("name places (临海 永嘉), or a province with --province, or --all-places",
                                 param_hint="PLACE")
    else:
        entries = library.resolve_all(places or [])
    if province:
        entries += [e for e in province_entries(library, province) if e not in entries]

    protect([e.path for e in entries])   # a report named by its path may lie outside the corpus
    extractor = Extractor(catalogue)
    reports = []
    with progress(len(entries), "reading") as on_done:
        outcomes = extract_many([e.path for e in entries], extractor, jobs=jobs, on_done=on_done,
                                cache=open_cache(catalogue, not no_cache))
        for entry, (_path, outcome) in zip(entries, outcomes):
            if isinstance(outcome, ReportError):
                raise outcome
            reports.append((entry, outcome))
    from ..indicators.codebook import describe
    from ..indicators.compare import LONG_COLUMNS, compare as build, wide_columns

    statuses = ("target", "achieved") if status is Status.all else (status.value,)
    result = build(reports, catalogue, statuses, set(indicator or []) or None, set(group or []) or None, show_all)
    for note in result.notes:
        warn(note)

    fmt = choose_format(fmt, output)
    # per place: the value, then everything the table shows about it (compare.CELL_FIELDS)
    rows = result.long if long else result.wide
    columns = list(LONG_COLUMNS) if long else wide_columns(result)
    fields = describe(columns, place_columns=result.columns)   # every column is a known one: no types to infer
    if fmt in FILE_FORMATS:
        save_records(records(rows), columns, fmt, output, fields)
    else:
        with open_output(output, use_bom(bom, fmt, output)) as out:
            if fmt is Format.table:
                render_comparison(result, catalogue, out, long)
                if chart:
                    render_chart(result, catalogue, out)
            else:
                write_records(records(rows), columns, fmt, out)
    if codebook:
        save_codebook(output, fmt, fields, use_bom(bom, fmt, output))
    finish(ExitCode.OK)
