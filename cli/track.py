"""polcmp track: the target each report sets for its year against the result the next report
states for that year, per place, year and indicator."""
from __future__ import annotations

import re
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
                   app, every_place, finish)
from .output import (FILE_FORMATS, MISSING, Format, choose_format, codebook_path, format_value, make_console,
                     open_output, part_title, progress, records, save_codebook, save_records, use_bom, write_records)
from .places import province_entries
from .status import ExitCode, error, warn

_YEARS = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:[-–—~]\s*((?:19|20)\d\d))?\s*$")
MARK = {"met": "✓", "missed": "✗"}
ESTIMATE_MARK = "†"


def parse_years(text: str | None) -> tuple[int, int] | None:
    """--years 2015-2024 (or one year) → (2015, 2024); a usage error otherwise."""
    if text is None:
        return None
    m = _YEARS.match(text)
    if not m or int(m.group(2) or m.group(1)) < int(m.group(1)):
        raise typer.BadParameter(f"{text!r} is not a year or a range of years such as 2015-2024", param_hint="--years")
    return int(m.group(1)), int(m.group(2) or m.group(1))


@app.command()
def track(
    ctx: typer.Context,
    places: Annotated[Optional[list[str]], typer.Argument(
        metavar="PLACE",
        help="Places (北京, 浙江省:2015-2024) or report files; none: every place of the corpus.")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
    long: Annotated[bool, typer.Option(
        "--long", help="Every candidate value, with which one each cell shows.")] = False,
    indicator: IndicatorOption = None,
    group: GroupOption = None,
    years: Annotated[Optional[str], typer.Option(
        "--years", metavar="A-B", help="Only these years (targets of A..B, results from reports up to B+1).")] = None,
    chart: Annotated[bool, typer.Option("--chart", help="Target and result bars over the years, under the table.")] = False,
    province: ProvinceOption = None,
    all_places: AllPlacesOption = False,
    corpus: CorpusOption = None,
    jobs: JobsOption = 1,
    no_cache: NoCacheOption = False,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    codebook: CodebookOption = False,
) -> None:
    """Targets against results: the target of year t (report t) beside the result for t (report t+1)."""
    if codebook:
        codebook_path(output)
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    check_selection(catalogue, indicator, group)
    span = parse_years(years)
    library = Corpus(resolve_corpus_path(corpus))
    protect(library.paths)
    for problem in library.unreadable:
        error(str(problem))
    every_place(ctx, places, province, all_places)   # none named, or --all-places: every place of the corpus
    entries = library.resolve_all(places) if places else [] if province and not all_places else list(library.entries)
    if province:
        entries += [e for e in province_entries(library, province) if e not in entries]
    undated = [e for e in entries if e.year is None]
    for e in undated:   # a year is what track joins on
        error(f"{e.path}: cannot tell which year this report is for; name it <place>_<year>.txt")
    entries = [e for e in entries if e.year is not None]
    if span:   # the report of B+1 holds the results of B
        entries = [e for e in entries if span[0] <= e.year <= span[1] + 1]
    if not entries:
        asked = f" of {years}" if years else ""
        raise PolcmpError(f"no dated reports{asked} for these places in {library.root}")

    protect([e.path for e in entries])   # a report named by its path may lie outside the corpus
    extractor = Extractor(catalogue)
    reports = []
    with progress(len(entries), "reading") as on_done:
        for entry, (_path, outcome) in zip(entries, extract_many([e.path for e in entries], extractor, jobs=jobs,
                                                                  on_done=on_done,
                                                                  cache=open_cache(catalogue, not no_cache))):
            if isinstance(outcome, ReportError):
                error(str(outcome))
                continue
            reports.append((entry, outcome))
    from ..indicators.codebook import describe
    from ..indicators.track import COLUMNS, LONG_COLUMNS, track as build

    result = build(reports, catalogue, set(indicator or []) or None, set(group or []) or None, span)
    for same in result.duplicates:
        warn(f"{same[0].place} {same[0].year}: {len(same)} reports ({', '.join(e.path for e in same)}); "
             f"using {same[0].path}")

    fmt = choose_format(fmt, output)
    rows, columns = (result.long, LONG_COLUMNS) if long else (result.rows, COLUMNS)
    fields = describe(columns, table="track_long" if long else "track")   # every column is a known one
    if fmt in FILE_FORMATS:
        save_records(records(rows), columns, fmt, output, fields)
    else:
        with open_output(output, use_bom(bom, fmt, output)) as out:
            if fmt is Format.table and not long:
                rows = records(result.rows)
                render_track(rows, out)
                if chart:
                    render_track_chart(rows, out)
            else:
                write_records(records(rows), columns, fmt, out)
    if codebook:
        save_codebook(output, fmt, fields, use_bom(bom, fmt, output))
    finish(ExitCode.PARTIAL if library.unreadable or undated or len(reports) < len(entries) else ExitCode.OK)


def track_cell(row: dict) -> str:
    """≥7% → 7.6 ✓ / ~6% → — / — → 5.2 ; † marks a 预计 estimate, * a 力争 target."""
    target = format_value(row["target"], row["unit"], row["target_qualifier"], bool(row["target_soft"]),
                          row["target_max"], row["target_aspiration"], row["target_text"])
    result = MISSING if row["result"] is None else format_value(row["result"], "", row["result_qualifier"])
    if row["result_estimate"]:
        result += ESTIMATE_MARK
    mark = MARK.get(row["verdict"], "")
    return f"{target} → {result} {mark}".rstrip()


def render_track(rows: list[dict], out) -> None:
    """One table per indicator: years down, places across."""
    from rich.table import Table

    from .fit import split, width_of

    console = make_console(out)
    if not rows:
        console.print("no targets or results for these places and years (try --indicator, or other places)")
        return
    for ind_id in dict.fromkeys(r["indicator"] for r in rows):
        mine = [r for r in rows if r["indicator"] == ind_id]
        places = list(dict.fromkeys(r["place"] for r in mine))
        cells = {(r["year"], r["place"]): track_cell(r) for r in mine}
        years = sorted({r["year"] for r in mine})
        widths = [max(width_of(p), *(width_of(cells.get((y, p), "")) for y in years)) for p in places]
        parts = split(4, widths, list(range(len(places))), console.width)   # places beyond the width: another part
        for n, part in enumerate(parts, 1):
            title = f"{mine[0]['label']} ({ind_id})"
            more = part_title(n, parts, places)
            table = Table(title=f"{title} — {more}" if more else title, title_justify="left", header_style="bold")
            table.add_column("year", justify="right", width=4)
            for i in part:
                table.add_column(places[i], justify="right", no_wrap=True, width=widths[i])
            for year in years:
                table.add_row(str(year), *[cells.get((year, places[i]), "") for i in part])
            console.print(table)
    console.print(f"target (report of the year) → result (report of the next year)   ✓ met  ✗ missed   "
                  f"{ESTIMATE_MARK} 预计 estimate   {MISSING} not stated", style="dim")
    console.print("≥ 以上  ~ 左右  ≤ 以内   * 力争   (8*) aim: 力争8%   「…」 target in words, no number", style="dim")


def render_track_chart(rows: list[dict], out, width: int = 30) -> None:
    """Per indicator and place, a target bar (░) and a result bar (█) for every year."""
    from rich.text import Text

    console = make_console(out)
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["indicator"], r["place"]), []).append(r)
    for (_ind, place), mine in groups.items():
        numbers = [abs(x) for r in mine for x in (r["target"], r["result"]) if x is not None]
        top = max(numbers, default=0) or 1
        console.print(Text(f"{mine[0]['label']} ({mine[0]['unit']}) — {place}", style="bold"))
        for r in sorted(mine, key=lambda r: r["year"]):
            for side, char, style in (("target", "░", "blue"), ("result", "█", "green")):
                value = r[side]
                line = Text(f"  {r['year'] if side == 'target' else '':>4} {side:<6} ")
                if value is None:
                    line.append(MISSING)
                else:
                    line.append(char * max(1, round(abs(value) / top * width)),
                                style="red" if side == "result" and r["verdict"] == "missed" else style)
                    line.append(f" {value:g}")
                    if side == "result":
                        line.append(f" {MARK.get(r['verdict'], '')}")
                console.print(line)
