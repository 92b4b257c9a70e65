"""polcmp report: one self-contained HTML page, every value shown where it stands in its report."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..indicators.batch import extract_many
from ..indicators.cache import open_cache
from ..indicators.catalogue import check_selection, load_catalogue
from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.errors import PolcmpError, ReportError
from ..indicators.extract import Extractor
from ..indicators.reports import read_report

from .files import atomic_output, protect
from .main import (CorpusOption, ExtraRulesOption, GroupOption, IndicatorOption, JobsOption, NoCacheOption,
                   OutputOption, RulesOption, Status, app, finish)
from .output import progress
from .status import ExitCode, error


@app.command()
def report(
    places: Annotated[list[str], typer.Argument(
        metavar="PLACE", help="Places (临海, 北京:2015-2024) or report files.")],
    output: OutputOption = None,
    status: Annotated[Status, typer.Option(metavar="target|achieved|all",
        help="Which values the page shows (default: all).")] = Status.all,
    indicator: IndicatorOption = None,
    group: GroupOption = None,
    corpus: CorpusOption = None,
    jobs: JobsOption = 1,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """One HTML page that works offline: the comparison, targets against results over the
    years, and each report's text with every value highlighted; click a value to see its source.
    Write it with -o report.html (stdout otherwise)."""
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    check_selection(catalogue, indicator, group)
    library = Corpus(resolve_corpus_path(corpus))
    protect(library.paths)
    entries = library.resolve_all(places)
    if not entries:
        raise PolcmpError(f"no reports for these places in {library.root}")
    protect([e.path for e in entries])
    wanted = set(indicator or []) | {i.id for i in catalogue.indicators if i.group in set(group or [])}
    statuses = ("target", "achieved") if status is Status.all else (status.value,)

    pages, failed = [], 0
    with progress(len(entries), "reading") as on_done:
        outcomes = extract_many([e.path for e in entries], Extractor(catalogue), jobs=jobs, on_done=on_done,
                                cache=open_cache(catalogue, not no_cache))
        for entry, (_path, outcome) in zip(entries, outcomes):
            if isinstance(outcome, ReportError):
                error(str(outcome))
                failed += 1
                continue
            values = [v for v in outcome if not wanted or v.indicator in wanted]
            pages.append((entry, values, read_report(entry.path).text))
    if not pages:
        finish(ExitCode.CANNOT_RUN)

    from ..indicators.html_report import ReportPage, build_html
    tracked = None
    pages = [ReportPage(*page) for page in pages]
    dated = [p for p in pages if p.entry.year is not None]
    if any(sum(q.entry.place == p.entry.place for q in dated) > 1 for p in dated):
        from ..indicators.track import track   # only when a place has several years
        tracked = track([(p.entry, p.values) for p in dated], catalogue, wanted or None).rows
    page = build_html(pages, catalogue, statuses, tracked)
    with atomic_output(output) as out:
        out.write(page)
    finish(ExitCode.PARTIAL if failed else ExitCode.OK)
