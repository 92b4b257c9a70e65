"""polcmp sample and polcmp agree: the audit kit. `sample` draws values for coders to judge
into a sheet; `agree` reads the coded sheets back and reports precision and agreement."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..indicators.audit import (PRECISION_COLUMNS, SHEET_FORMATS, VERDICT_HELP, about_rows, agreement,
                                disagreements, draw, precision, read_sheets, sheet_bytes, sheet_rows)
from ..indicators.batch import expand_inputs, extract_many
from ..indicators.cache import open_cache
from ..indicators.catalogue import check_indicator_ids, load_catalogue
from ..indicators.corpus import Corpus, resolve_corpus_path
from ..indicators.errors import PolcmpError, ReportError, printable
from ..indicators.extract import Extractor
from ..indicators.reports import read_report

from .files import atomic_output, note_rows, output_option, protect
from .main import (BomOption, CorpusOption, ExtraRulesOption, FormatOption, IndicatorOption, JobsOption,
                   NoCacheOption, OutputOption, RulesOption, Status, app, at_least_one, finish)
from .output import (FILE_FORMATS, Format, choose_format, make_console, open_output, progress, render_table,
                     save_records, use_bom, write_records)
from .status import ExitCode, error, warn

SheetOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", callback=output_option,
    help="The coding sheet: .xlsx (drop-down of verdicts, an about sheet with the strata), .csv or .tsv "
         "(written atomically). Without it: CSV on stdout.")]


def _at_least_zero(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is less than 0")
    return value


@app.command()
def sample(
    ctx: typer.Context,
    seed: Annotated[int, typer.Option(
        "--seed", metavar="S", callback=_at_least_zero,
        help="Random seed (0 or more): the same reports, catalogue and seed draw the same sample.")],
    inputs: Annotated[Optional[list[str]], typer.Argument(
        metavar="FILE_OR_DIR", help="Reports, or folders of reports (default: every report of --corpus).")] = None,
    corpus: CorpusOption = None,
    size: Annotated[int, typer.Option("-n", "--size", metavar="N", callback=at_least_one,
                                      help="How many values to draw.")] = 100,
    indicator: IndicatorOption = None,
    status: Annotated[Status, typer.Option(metavar="target|achieved|all",
        help="Draw from targets, achieved values, or both.")] = Status.all,
    output: SheetOption = None,
    jobs: JobsOption = 1,
    encoding: Annotated[Optional[str], typer.Option(
        metavar="NAME", help="Force the text encoding (default: detect UTF-8 / UTF-16 / GB18030).")] = None,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Draw a random sample of extracted values, stratified by indicator × status, into a sheet
    for coders to judge (verdict: correct / wrong / unsure, or 对 / 错 / 不确定)."""
    fmt = "csv" if output is None else Path(output).suffix.lower().lstrip(".")
    if fmt not in SHEET_FORMATS:
        raise PolcmpError(f"--output {printable(output)}: a coding sheet is .xlsx, .csv or .tsv")
    if fmt == "xlsx":
        from ..indicators.writers import require
        require("xlsx")
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    wanted = set(indicator or [])
    check_indicator_ids(catalogue, sorted(wanted))
    if inputs and corpus is not None and ctx.get_parameter_source("corpus").name == "COMMANDLINE":
        raise typer.BadParameter("give reports or --corpus, not both", param_hint="--corpus")
    if "-" in (inputs or []):
        raise typer.BadParameter("a sample quotes the report around each value: give files, not stdin",
                                 param_hint="FILE_OR_DIR")
    if inputs:
        paths, problems = expand_inputs(inputs)
    else:
        paths, problems = Corpus(resolve_corpus_path(corpus)).paths, []
    protect(paths)
    for problem in problems:
        error(str(problem))
    failed = len(problems)
    values = []
    with progress(len(paths), "extracting") as on_done:
        for _path, outcome in extract_many(paths, Extractor(catalogue), encoding, jobs, on_done,
                                           cache=open_cache(catalogue, not no_cache)):
            if isinstance(outcome, ReportError):
                error(str(outcome))
                failed += 1
                continue
            values += [v for v in outcome if (not wanted or v.indicator in wanted)
                       and status in (Status.all, v.status)]
    if failed and failed == len(paths) + len(problems):
        finish(ExitCode.CANNOT_RUN)
    drawn = draw(values, size, seed)
    if not drawn.values:
        raise PolcmpError("no values to draw from (other reports, --indicator or --status?)")
    population = sum(drawn.population.values())
    read = len(paths) - (failed - len(problems))
    warn(f"drew {len(drawn.values)} of {population} values of {read} report{'s' * (read != 1)}, "
         f"from {len(drawn.population)} strata (indicator × status), seed {seed}")
    if population < size:
        warn(f"only {population} values to draw from: all of them are in the sheet")
    texts: dict[str, str] = {}

    def text_of(file: str) -> str:
        if file not in texts:
            texts[file] = read_report(file, encoding).text
        return texts[file]

    rows = sheet_rows(drawn, text_of)
    settings = {"status": status.value, "indicators": " ".join(sorted(wanted)) or "all",
                "reports": read, "catalogue": catalogue.source}
    data = sheet_bytes(rows, fmt, about_rows(drawn, settings))
    if output is None and fmt == "csv":
        data = data.removeprefix("\ufeff".encode("utf-8"))   # a pipe gets no BOM
    with atomic_output(output, binary=True) as out:
        out.write(data)
        note_rows(out, len(rows))
    finish(ExitCode.PARTIAL if failed else ExitCode.OK)


@app.command()
def agree(
    sheets: Annotated[list[Path], typer.Argument(
        metavar="SHEET", help="Coded sheets from polcmp sample (.xlsx .csv .tsv), one per coder.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
) -> None:
    """Precision per indicator and overall, correct / (correct + wrong) with 95% Wilson intervals,
    from coded sheets; with two or more coders of the same values, their agreement (percent,
    Cohen's kappa for two, Krippendorff's alpha)."""
    protect(sheets)
    coded = read_sheets(sheets)
    rows = [r for s in coded for r in precision(s)]
    rows += agreement(coded)
    for s in coded:
        if s.uncoded:
            warn(f"{printable(s.path)}: {s.uncoded} of {len(s.rows)} values have no verdict yet "
                 f"(uncoded: counted, left out)")
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows, PRECISION_COLUMNS, fmt, output)
    else:
        with open_output(output, use_bom(bom, fmt, output)) as out:
            if fmt is Format.table:
                render_agreement(rows, coded, out)
            else:
                write_records(rows, PRECISION_COLUMNS, fmt, out)
    finish(ExitCode.OK)


def _share(x) -> str:
    return "" if x is None else f"{x:.3f}"


def render_agreement(rows: list[dict], coded, out) -> None:
    """Two tables: precision per coder and indicator, then the coders' agreement; then the values
    coders judged differently."""
    shown = []
    for r in rows:
        if r["measure"] != "precision":
            continue
        shown.append({**r, "indicator": r["indicator"] if r["indicator"] != "all" else "all (overall)",
                      "precision": _share(r["value"]),
                      "95% CI": f"{_share(r['ci_low'])}–{_share(r['ci_high'])}" if r["ci_low"] is not None else ""})
    render_table(shown, ("coder", "indicator", "label", "correct", "wrong", "unsure", "uncoded", "precision",
                         "95% CI"), out, title="precision = correct / (correct + wrong), 95% Wilson interval")
    agreeing = [{"measure": r["measure"], "coders": r["coder"], "values coded by 2+": r["n"],
                 "value": "undefined" if r["value"] is None else _share(r["value"])}
                for r in rows if r["measure"] != "precision"]
    console = make_console(out)
    if agreeing:
        render_table(agreeing, ("measure", "coders", "values coded by 2+", "value"), out,
                     title="agreement between coders (verdicts as nominal categories)")
        if any(r["value"] == "undefined" for r in agreeing):
            console.print("undefined: every coder gave one and the same verdict (or no value was coded twice), "
                          "so chance agreement explains all of it", style="dim")
        differ = disagreements(coded)
        if differ:
            console.print("judged differently: " + "; ".join(
                f"{u} ({' / '.join(v or '—' for v in given)})" for u, given in differ))
    console.print(f"verdicts: {VERDICT_HELP}", style="dim")
