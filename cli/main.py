"""The polcmp command: the typer app, shared options, and the one place errors become exit codes."""
from __future__ import annotations

import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..indicators.errors import PolcmpError

from .output import Format
from .status import ExitCode, error

app = typer.Typer(
    name="polcmp",
    help="Compare Chinese local governments by the targets in their work reports (政府工作报告).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version
        print(version("polcmp"))
        raise typer.Exit()


@app.callback()
def polcmp(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False) -> None:
    """Compare Chinese local governments by the targets in their work reports (政府工作报告)."""


class Status(str, Enum):
    """--status choices: a plan, a result, or both."""
    target = "target"
    achieved = "achieved"
    all = "all"


# Options shared by every data command (one --format switch everywhere).
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="table on a terminal, csv when piped (default); or tsv, json, jsonl, "
                           "xlsx, parquet, dta. Default with -o: from the file's extension.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to FILE (atomically) instead of stdout; .csv .tsv .json .jsonl .xlsx "
                           ".parquet .dta choose the format.", dir_okay=False)]
CodebookOption = Annotated[bool, typer.Option(
    "--codebook", help="Also write FILE's codebook beside it (out.csv → out.datapackage.json, "
                       "Frictionless): every column's type, meaning and Chinese title.")]
BomOption = Annotated[Optional[bool], typer.Option(
    "--bom/--no-bom", help="Start CSV/TSV with a UTF-8 BOM, which Excel needs for Chinese. "
                           "Default: yes when writing to a file (-o or >), no into a pipe.")]
ExtraRulesOption = Annotated[Optional[list[Path]], typer.Option(
    "--extra-rules", dir_okay=False,
    help="A catalogue file whose indicators are added to the built-in ones (repeatable).")]
CorpusOption = Annotated[Optional[Path], typer.Option(
    "--corpus", envvar="POLCMP_CORPUS", show_envvar=True, file_okay=False,
    help="Folder of reports to find places in (default: the bundled sample reports).")]
IndicatorOption = Annotated[Optional[list[str]], typer.Option(
    "--indicator", "-i", help="Only this indicator id (repeatable).")]
GroupOption = Annotated[Optional[list[str]], typer.Option(
    "--group", "-g", help="Only this group: innovation, talent, digital, economy (repeatable).")]
ProvinceOption = Annotated[Optional[str], typer.Option(
    "--province", "--in", metavar="PROVINCE",
    help="Every place of the corpus in this province (山东, 山东省, 广西, 北京), the province itself first.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
RulesOption = Annotated[Optional[Path], typer.Option(
    "--rules", envvar="POLCMP_RULES", show_envvar=True,
    help="Indicator catalogue to use instead of the built-in rules.yaml.")]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache",
    help="Extract every report afresh, without the value cache in $POLCMP_CACHE (or set POLCMP_NO_CACHE=1).")]


def _interrupted(signum, frame):
    error("interrupted")
    raise SystemExit(ExitCode.INTERRUPTED)   # unwinds: half-written output files are removed


def finish(code: ExitCode) -> None:
    """End a command with a documented exit code."""
    raise typer.Exit(int(code))


def run() -> None:
    """Console-script entry point: run the app, map every failure to a documented exit code."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `polcmp … | head` ends quietly
    signal.signal(signal.SIGINT, _interrupted)
    from . import cascade, compare, explain, extract, keywords, mentions, places, rules, text, track  # noqa: F401  (registers commands)
    try:
        app()   # usage errors: typer prints them and exits 2
    except PolcmpError as e:
        error(str(e))
        sys.exit(ExitCode.CANNOT_RUN)
    except Exception as e:  # a bug: say so in one line, traceback only on request
        if os.environ.get("POLCMP_DEBUG"):
            raise
        error(f"internal error: {type(e).__name__}: {e} (POLCMP_DEBUG=1 shows the traceback)")
        sys.exit(ExitCode.INTERNAL)
