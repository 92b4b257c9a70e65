"""polcmp extract: every indicator value in the given reports, each with its source."""
from __future__ import annotations

from typing import Annotated, Iterator, Optional

import typer

from ..indicators.catalogue import check_indicator_ids, load_catalogue
from ..indicators.errors import ReportError
from ..indicators.batch import expand_inputs, render_many
from ..indicators.extract import Extractor
from ..indicators.models import COLUMNS
from ..indicators.rows import ExtractRows, Selection, Sink, TextRows
from ..indicators.writers import TEXT_FORMATS

from .files import protect
from .main import (BomOption, CodebookOption, ExtraRulesOption, FormatOption, OutputOption, RulesOption, Status, app,
                   at_least_one, finish)
from .output import (FILE_FORMATS, Format, choose_format, codebook_path, finish_rows, open_output, progress,
                     render_table, save_codebook, save_records, use_bom)
from .status import ExitCode, error

TABLE_COLUMNS = ("place", "year", "indicator", "label", "value", "status", "raw", "quote")


class NoReadableInput(Exception):
    """Every input failed (each already reported): write nothing, exit 2."""


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        metavar="FILE_OR_DIR",
        help="Reports (.txt .md .html .docx .pdf, any common text encoding); a directory means every "
             "report below it; '-' reads stdin.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = None,
    indicator: Annotated[Optional[list[str]], typer.Option(
        "--indicator", "-i", metavar="ID", help="Only this indicator id (repeatable).")] = None,
    status: Annotated[Status, typer.Option(metavar="target|achieved|all",
        help="target: this year's plan; achieved: results reported; all: both.")] = Status.all,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", callback=at_least_one, help="Worker processes for many reports.")] = 1,
    words: Annotated[bool, typer.Option(
        "--words", help="Also targets stated in words, with no number (与经济增长同步): rows with an empty "
                        "value and the words in qualifier_text.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        metavar="NAME", help="Force the text encoding (default: detect UTF-8 / UTF-16 / GB18030).")] = None,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
    codebook: CodebookOption = False,
) -> None:
    """Every indicator value in each report, with the raw text, the clause and offsets it came from."""
    if codebook:
        codebook_path(output)
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    wanted = set(indicator or [])
    check_indicator_ids(catalogue, sorted(wanted))
    paths, problems = expand_inputs(inputs)
    protect(paths)
    extractor = Extractor(catalogue)
    fmt = choose_format(fmt, output)
    for problem in problems:
        error(str(problem))
    failed = len(problems)

    columns = TABLE_COLUMNS if fmt is Format.table else COLUMNS
    text = TextRows(fmt.value, columns) if fmt.value in TEXT_FORMATS else None
    # made in the workers under --jobs: rows as text, ready to write (records for a table or a binary file)
    make_rows = ExtractRows(Selection(frozenset(wanted), status.value, words), columns, text, fmt is Format.table)

    def results(on_done) -> Iterator:
        """Each readable report's rows, in input order; each failed one said in one line."""
        nonlocal failed
        for _path, outcome in render_many(paths, extractor, make_rows, encoding, jobs, on_done):
            if isinstance(outcome, ReportError):
                error(str(outcome))
                failed += 1
            else:
                yield outcome
        if failed == len(paths) + len(problems):
            raise NoReadableInput()

    try:
        with progress(len(paths), "extracting") as on_done:
            if fmt in FILE_FORMATS:
                save_records((r for records in results(on_done) for r in records), columns, fmt, output)
            else:
                with open_output(output, use_bom(bom, fmt, output)) as out:
                    if text is None:
                        render_table([r for records in results(on_done) for r in records], columns, out)
                    else:
                        sink = Sink(text, out)
                        for rendered in results(on_done):
                            sink.write(*rendered)
                        finish_rows(sink)
    except NoReadableInput:
        finish(ExitCode.CANNOT_RUN)
    if codebook:
        from ..indicators.codebook import describe
        save_codebook(output, fmt, describe(columns), use_bom(bom, fmt, output))
    finish(ExitCode.PARTIAL if failed else ExitCode.OK)
