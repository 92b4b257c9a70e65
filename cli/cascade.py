"""polcmp cascade: one indicator's targets of one year from the nation down to the cities, and
how much each level adds over the one above (层层加码). The rules: indicators/cascade.py."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..indicators.batch import extract_many
from ..indicators.cache import open_cache
from ..indicators.catalogue import check_indicator_ids, load_catalogue
from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.errors import PolcmpError, ReportError
from ..indicators.extract import Extractor

from .files import protect
from .main import (BomOption, ExtraRulesOption, FormatOption, JobsOption, NoCacheOption, OutputOption, RulesOption,
                   a_year, app, finish)
from .output import (FILE_FORMATS, MISSING, Format, choose_format, format_value, make_console, open_output, progress,
                     save_records, use_bom, write_records)
from .places import placed_entry
from .status import ExitCode, error, warn

LEVEL_LABEL = {"nation": "全国", "province": "省级", "prefecture": "地级", "county": "县级", "district": "市辖区"}


@app.command()
def cascade(
    indicator: Annotated[str, typer.Argument(metavar="INDICATOR", help="An indicator id (polcmp rules list): gdp_growth.")],
    year: Annotated[Optional[int], typer.Option(
        "--year", "-y", metavar="YEAR", callback=a_year, help="The targets of this year (default: the latest year of the reports).")
    ] = None,
    corpus: Annotated[Optional[list[Path]], typer.Option(
        "--corpus", metavar="DIR", file_okay=False,
        help="Folder of reports (repeatable: --corpus panel --corpus corpus). "
             "Default: $POLCMP_CORPUS, else the bundled sample reports.")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
    chart: Annotated[bool, typer.Option("--chart", help="A bar per place under the table.")] = False,
    jobs: JobsOption = 1,
    no_cache: NoCacheOption = False,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
) -> None:
    """Targets down the tree: the nation's, each province's, each city's, and what each level adds (层层加码)."""
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    check_indicator_ids(catalogue, [indicator])
    wanted = next(ind for ind in catalogue.indicators if ind.id == indicator)
    libraries = [Corpus(resolve_corpus_path(c)) for c in (corpus or [None])]
    for library in libraries:
        protect(library.paths)
    unreadable = [problem for library in libraries for problem in library.unreadable]
    for problem in unreadable:
        error(str(problem))
    entries = [e for library in libraries for e in library.entries]
    if year is None:
        year = max((e.year for e in entries if e.year is not None), default=None)
    entries = [e for e in entries if e.year == year]
    if not entries:
        where = ", ".join(str(library.root) for library in libraries)
        raise PolcmpError(f"no report of {year} in {where} (polcmp places lists the years)")

    reports, failed = [], 0
    with progress(len(entries), "reading") as on_done:
        for entry, (_path, outcome) in zip(entries, extract_many(
                [e.path for e in entries], Extractor(catalogue), jobs=jobs, on_done=on_done,
                cache=open_cache(catalogue, not no_cache))):
            if isinstance(outcome, ReportError):
                error(str(outcome))
                failed += 1
                continue
            reports.append((entry, placed_entry(entry, outcome), outcome))
    from ..indicators.cascade import COLUMNS, cascade as build   # pandas (via track) only here

    result = build(reports, wanted.id, wanted.name, wanted.unit, year)
    for place in result.unplaced:
        warn(f"{place['place']} ({place['file']}): {place['why']}; left out of the cascade")

    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        from ..indicators.codebook import describe
        save_records(result.rows, COLUMNS, fmt, output, describe(COLUMNS, table="cascade"))
    else:
        with open_output(output, use_bom(bom, fmt, output)) as out:
            if fmt is Format.table:
                render_cascade(result, out)
                if chart:
                    render_cascade_chart(result, out)
            else:
                write_records(result.rows, COLUMNS, fmt, out)
    finish(ExitCode.PARTIAL if unreadable or failed else ExitCode.OK)


def added(row: dict) -> str:
    """+1 个百分点 / −0.5 个百分点 / = : what a level adds over its parent."""
    if row["difference"] is None:
        return ""
    if row["sign"] == "=":
        return "="
    return f"{row['sign']}{format_value(abs(row['difference']), '', '=')} {row['difference_unit']}".rstrip()


def target_text(row: dict) -> str:
    return format_value(row["value"], row["unit"], row["qualifier"], bool(row["soft"]), row["value_max"],
                        row["aim"], row["text"])


def render_cascade(result, out) -> None:
    """The tree as a table: places indented by level, target, parent, what the level adds."""
    from rich.table import Table

    from .fit import choose, dropped_note, measure_all

    console = make_console(out)
    if not result.rows:
        console.print(f"no {result.indicator} target of {result.year} in these reports")
    else:
        columns = (("地方 place", "left"), ("级别 level", "left"), ("代码 code", "left"),
                   ("目标 target", "right"), ("上级 parent", "left"), ("加码 added", "right"))
        cells = [["  " * row["depth"] + row["place"], LEVEL_LABEL[row["level"]], row["place_code"] or "",
                  target_text(row), row["parent"] or "", added(row)] for row in result.rows]
        names = [name for name, _justify in columns]
        laid = measure_all(names, {name: [r[i] for r in cells] for i, name in enumerate(names)}, console.width)
        # a narrow terminal loses the code first, then the parent's name, then the level
        shown, dropped = choose(laid, console.width, ("代码 code", "上级 parent", "级别 level"))
        keep = [i for i, c in enumerate(laid) if c in shown]
        table = Table(title=f"{result.label} ({result.indicator}) {result.year}年目标 — 层层加码",
                      title_justify="left", header_style="bold")
        for i in keep:
            table.add_column(laid[i].header, justify=columns[i][1], no_wrap=True, width=laid[i].natural)
        for row, cell in zip(result.rows, cells):
            table.add_row(*[cell[i] for i in keep], style="bold" if row["depth"] <= 1 else None)
        console.print(table)
        if dropped:
            console.print(dropped_note(dropped, console.width), style="dim")
        console.print(f"added: the target minus the parent's (+ above, − below, = the same)   ≥ 以上  ~ 左右  "
                      f"≤ 以内   * 力争   (8*) aim   「…」 in words   {MISSING} no target stated", style="dim")
    if result.without_target:
        console.print(f"reports of {result.year} with no {result.indicator} target: {len(result.without_target)} "
                      f"({', '.join(result.without_target[:12])}{' …' if len(result.without_target) > 12 else ''})",
                      style="dim")
    for place in result.unplaced:
        console.print(f"not placed: {place['place']} — {place['why']}", style="yellow")


def render_cascade_chart(result, out, width: int = 30) -> None:
    """A bar per place on one scale, indented like the table; red where a level adds to its parent."""
    from rich.text import Text

    console = make_console(out)
    shown = [r for r in result.rows if r["value"] is not None]
    top = max((abs(r["value"]) for r in shown), default=0) or 1
    name_width = max((2 * r["depth"] + 2 * len(r["place"]) for r in shown), default=4)
    console.print(Text(f"{result.label} ({result.unit}) {result.year}", style="bold"))
    for r in shown:
        name = "  " * r["depth"] + r["place"]
        line = Text(f"  {name}{' ' * max(0, name_width - 2 * r['depth'] - 2 * len(r['place']))} ")
        line.append("█" * max(1, round(abs(r["value"]) / top * width)), style="red" if r["sign"] == "+" else "green")
        line.append(f" {target_text(r)} {added(r)}".rstrip())
        console.print(line)
