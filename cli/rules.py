"""polcmp rules list / check / test: the catalogue is the users' to grow."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..indicators.catalogue import CATALOGUE_COLUMNS, catalogue_rows, check_indicator_ids, load_catalogue, resolve_rules_path
from ..indicators.errors import CatalogueError
from ..indicators.keyword_scan import patterns_without_keywords
from ..indicators.selftest import run_examples

from .files import protect
from .main import ExtraRulesOption, FormatOption, OutputOption, app, finish
from .output import FILE_FORMATS, choose_format, open_output, save_records, use_bom, write_records
from .status import ExitCode, error

rules_app = typer.Typer(help="List, check and test an indicator catalogue (rules.yaml or your own).",
                        no_args_is_help=True)
app.add_typer(rules_app, name="rules")

CatalogueArgument = Annotated[Optional[Path], typer.Argument(
    metavar="FILE", help="Catalogue file (default: --rules / POLCMP_RULES / the built-in rules.yaml).",
    dir_okay=False)]


@rules_app.command("list")
def list_rules(file: CatalogueArgument = None, extra_rules: ExtraRulesOption = None, fmt: FormatOption = None,
               output: OutputOption = None) -> None:
    """Every indicator: id, Chinese name, group, unit, how many patterns and examples, what it measures."""
    protect([resolve_rules_path(file), *(extra_rules or ())])
    catalogue = load_catalogue(file, extra_rules or ())
    rows = catalogue_rows(catalogue)
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows, CATALOGUE_COLUMNS, fmt, output)
    else:
        with open_output(output, use_bom(None, fmt, output)) as out:
            write_records(rows, CATALOGUE_COLUMNS, fmt, out)
    finish(ExitCode.OK)


@rules_app.command("check")
def check(file: CatalogueArgument = None, extra_rules: ExtraRulesOption = None) -> None:
    """Validate a catalogue: every problem with its file, line and path. Exit 0 clean,
    1 problems found, 2 unreadable file."""
    try:
        catalogue = load_catalogue(file, extra_rules or ())
    except CatalogueError as e:
        if e.unreadable:
            error(str(e))
            finish(ExitCode.CANNOT_RUN)
        for line in e.located():
            print(line)
        print(f"{len(e.problems)} problem{'s' if len(e.problems) > 1 else ''} found")
        finish(ExitCode.PARTIAL)
    n_patterns = sum(len(i.patterns) for i in catalogue.indicators)
    n_examples = sum(len(i.examples) + len(i.counterexamples) for i in catalogue.indicators)
    print(f"{catalogue.source}: ok — {len(catalogue.indicators)} indicators, {n_patterns} patterns, "
          f"{n_examples} examples")
    slow = patterns_without_keywords(catalogue)
    if slow:   # correct, but every sentence of every report is then read: say which and why
        print(f"note: {len(slow)} pattern{'s' if len(slow) > 1 else ''} without a keyword "
              f"(tried everywhere, so extraction reads every sentence; a fixed word makes it faster):")
        for line in slow:
            print(f"  {line}")
    finish(ExitCode.OK)


@rules_app.command("test")
def test(file: CatalogueArgument = None, extra_rules: ExtraRulesOption = None,
         indicator: Annotated[Optional[list[str]], typer.Option(
             "--indicator", "-i", metavar="ID", help="Only this indicator's examples (repeatable).")] = None) -> None:
    """Run every indicator's examples and counterexamples; print each failure as
    `id | sentence | expected | got`. Exit 0 all pass, 1 some fail."""
    catalogue = load_catalogue(file, extra_rules or ())
    check_indicator_ids(catalogue, sorted(set(indicator or [])))
    checked, failures = run_examples(catalogue, set(indicator or []) or None)
    for f in failures:
        print(f"{f.indicator} | {f.sentence} | {f.expected} | {f.got}")
    print(f"{checked - len(failures)} passed, {len(failures)} failed")
    finish(ExitCode.PARTIAL if failures else ExitCode.OK)


