"""The polcmp command: the typer app, shared options, and the one place errors become exit codes."""
from __future__ import annotations

import os
import signal
import sys
import warnings
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperArgument

from ..indicators.errors import PolcmpError

from .clickcompat import core as click_core, exceptions as click_exceptions
from .coercion import install as install_plain_coercion
from .files import ClosedStdout, output_option, reset
from .helpformat import HelpFormatter
from .output import Format
from .status import ExitCode, error, warn

# typer's help prints an argument's Python type after its name (PLACE <list[str]>); the metavar
# and the help text already say what to give.
TyperArgument.display_type_rich = lambda self, ctx: None
# click wraps help by characters; ours wraps by terminal cells (Chinese takes two), never inside a word
click_core.Context.formatter_class = HelpFormatter
# typer converts option values through pydantic, whose import costs more than a small run (cli/coercion.py)
install_plain_coercion()

app = typer.Typer(
    name="polcmp",
    help="Compare Chinese local governments by the targets in their work reports (政府工作报告).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    "--format", "-f", metavar="FORMAT",
    help="table on a terminal, csv when piped (default); or tsv, json, jsonl, xlsx, parquet, dta. "
         "Default with -o: from the file's extension.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", callback=output_option,
    help="Write to FILE (atomically; - is stdout) instead of stdout; .csv .tsv .json .jsonl .xlsx .parquet .dta "
         "choose the format.")]
CodebookOption = Annotated[bool, typer.Option(
    "--codebook", help="Also write FILE's codebook beside it (out.csv → out.datapackage.json, "
                       "Frictionless): every column's type, meaning and Chinese title.")]
BomOption = Annotated[Optional[bool], typer.Option(
    "--bom/--no-bom", help="Start CSV/TSV with a UTF-8 BOM, which Excel needs for Chinese. "
                           "Default: yes when writing to a file (-o or >), no into a pipe.")]
ExtraRulesOption = Annotated[Optional[list[Path]], typer.Option(
    "--extra-rules", metavar="FILE", dir_okay=False,
    help="A catalogue file whose indicators are added to the built-in ones (repeatable).")]
CorpusOption = Annotated[Optional[Path], typer.Option(
    "--corpus", metavar="DIR", envvar="POLCMP_CORPUS", show_envvar=True, file_okay=False,
    help="Folder of reports to find places in (default: the bundled sample reports).")]
IndicatorOption = Annotated[Optional[list[str]], typer.Option(
    "--indicator", "-i", metavar="ID", help="Only this indicator id (repeatable).")]
GroupOption = Annotated[Optional[list[str]], typer.Option(
    "--group", "-g", metavar="GROUP",
    help="Only this group: innovation, talent, digital, economy, livelihood, green (repeatable).")]
ProvinceOption = Annotated[Optional[str], typer.Option(
    "--province", "--in", metavar="PROVINCE",
    help="Every place of the corpus in this province (山东, 山东省, 广西, 北京), the province itself first.")]
def at_least_one(value: int | None) -> int | None:
    """-j N / -n N: a count of 1 or more (a callback, not min=1, so help shows no `[x>=1]`)."""
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is less than 1")
    return value


def a_year(value: int | None) -> int | None:
    """--year YEAR: 1949..2100 (a callback, so help shows no `[1949<=x<=2100]`)."""
    if value is not None and not 1949 <= value <= 2100:
        raise typer.BadParameter(f"{value} is not a year of a work report (1949-2100)")
    return value


AllPlacesOption = Annotated[bool, typer.Option(
    "--all-places", help="Every place of the corpus (also: no PLACE with an explicit --corpus DIR).")]


def every_place(ctx: typer.Context, places, province, all_places: bool) -> bool:
    """No place named, but --all-places, or --corpus DIR given on the command line: take them all."""
    if places and all_places:
        raise typer.BadParameter("name places or give --all-places, not both", param_hint="--all-places")
    return all_places or (not places and not province
                          and ctx.get_parameter_source("corpus") is click_core.ParameterSource.COMMANDLINE)


JobsOption = Annotated[int, typer.Option("--jobs", "-j", metavar="N", callback=at_least_one,
                                         help="Worker processes.")]
RulesOption = Annotated[Optional[Path], typer.Option(
    "--rules", metavar="FILE", envvar="POLCMP_RULES", show_envvar=True,
    help="Indicator catalogue to use instead of the built-in rules.yaml.")]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache",
    help="Extract every report afresh, without the value cache in $POLCMP_CACHE (or set POLCMP_NO_CACHE=1).")]


_MAIN_PID = os.getpid()


def _interrupted(signum, frame):
    if os.getpid() != _MAIN_PID:   # a --jobs worker forked before its initializer ignored SIGINT:
        return                     # the parent alone speaks and cleans up
    error("interrupted")
    raise SystemExit(ExitCode.INTERRUPTED)   # unwinds: half-written output files are removed


def _terminated(signum, frame):
    if os.getpid() != _MAIN_PID:   # a --jobs worker: end as SIGTERM ends a process, the parent cleans up
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    signal.signal(signal.SIGTERM, signal.SIG_IGN)   # a second SIGTERM must not cut the clean-up short
    error("terminated")
    raise SystemExit(ExitCode.TERMINATED)   # unwinds like Ctrl-C: temporary files are removed


def finish(code: ExitCode) -> None:
    """End a command with a documented exit code."""
    raise typer.Exit(int(code))


def usage_error(e, argv: list[str]) -> None:
    """A usage error as one line, `polcmp compare: error: …`, as csvkit and argparse do: no box,
    no usage block (`polcmp compare -h` shows that)."""
    if e.ctx is not None:
        where = e.ctx.command_path
    else:   # raised from a command's body, after click has left its context
        words = [a for a in argv if not a.startswith("-")][:2]
        where = " ".join(["polcmp", *words[:1 if not words or words[0] != "rules" else 2]])
    message = " ".join(e.format_message().split())
    print(f"{where}: error: {message}", file=sys.stderr)


# The module that registers each command. A run imports only its own command's module: a small
# job should not pay for the other eleven. Help, a mistyped name or none need them all (in this order,
# which is the order `polcmp -h` lists them in).
COMMAND_MODULES = {"cascade": "cascade", "compare": "compare", "explain": "explain", "extract": "extract",
                   "keywords": "keywords", "mentions": "mentions", "places": "places", "report": "report",
                   "rules": "rules", "text": "text", "track": "track", "sample": "audit", "agree": "audit"}


def register_commands(argv: list[str]) -> None:
    """Import the module of the command argv names, or every command module when it names none
    (but for `polcmp --version`, which needs none)."""
    if argv == ["--version"]:
        return
    known = COMMAND_MODULES.get(argv[0]) if argv else None
    for module in [known] if known else dict.fromkeys(COMMAND_MODULES.values()):
        import_module(f"{__package__}.{module}")


def run() -> None:
    """Console-script entry point: run the app, map every failure to a documented exit code."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `polcmp … | head` ends quietly
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _terminated)
    reset()   # no inputs or output of an earlier run in this process
    if sys.stdout is None:   # started with stdout closed
        sys.stdout = ClosedStdout()
    # the library's warnings (a report read only in part …) are one line each, like polcmp's own
    warnings.showwarning = lambda message, *_args, **_kwargs: warn(str(message))

    register_commands(sys.argv[1:])
    try:
        code = app(standalone_mode=False, prog_name="polcmp")   # --help and finish() return their code
    except click_exceptions.NoArgsIsHelpError as e:   # `polcmp` or `polcmp rules` alone: the help, as a usage error
        e.show()
        sys.exit(ExitCode.CANNOT_RUN)
    except click_exceptions.UsageError as e:
        usage_error(e, sys.argv[1:])
        sys.exit(ExitCode.CANNOT_RUN)
    except typer.Abort:
        error("aborted")
        sys.exit(ExitCode.INTERRUPTED)
    except PolcmpError as e:
        error(str(e))
        sys.exit(ExitCode.CANNOT_RUN)
    except Exception as e:  # a bug: say so in one line, traceback only on request
        if os.environ.get("POLCMP_DEBUG"):
            raise
        error(f"internal error: {type(e).__name__}: {e} (POLCMP_DEBUG=1 shows the traceback)")
        sys.exit(ExitCode.INTERNAL)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
