"""polcmp explain: for one sentence, every number, how it was read, and what claimed it — or why nothing did."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..indicators.catalogue import load_catalogue
from ..indicators.errors import PolcmpError
from ..indicators.explain import EXPLAIN_COLUMNS, explain as explain_text, explain_rows
from ..indicators.extract import Extractor
from ..indicators.reports import read_report, report_from_text

from .files import protect
from .main import ExtraRulesOption, FormatOption, OutputOption, RulesOption, app, at_least_one, finish
from .output import FILE_FORMATS, Format, choose_format, format_value, open_output, save_records, use_bom, write_records
from .status import ExitCode


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(metavar="SENTENCE|-|FILE",
                                            help="A sentence, '-' for stdin, or a report file with --line.")],
    line: Annotated[Optional[int], typer.Option("--line", "-n", metavar="N", callback=at_least_one, help="Explain line N of FILE.")] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    rules: RulesOption = None,
    extra_rules: ExtraRulesOption = None,
) -> None:
    """Show each number of a sentence: its value (value_max for a range), unit, qualifier and
    soft flag as read — every number, also those no indicator wants and bare Chinese numerals,
    or no value where a numeral cannot be read whole — the indicator and pattern that claimed
    it, or why none did."""
    protect([rules, *(extra_rules or ())])
    catalogue = load_catalogue(rules, extra_rules or ())
    if line is not None:
        protect([sentence])
        report = read_report(sentence)
        starts = [0] + [i + 1 for i, ch in enumerate(report.text) if ch == "\n"]
        if line > len(starts):
            raise PolcmpError(f"{sentence}: has {len(starts)} lines, not {line}")
        span = (starts[line - 1], starts[line] if line < len(starts) else len(report.text))
    else:
        text = sys.stdin.read() if sentence == "-" else sentence
        report, span = report_from_text(text), None
    rows = explain_rows(explain_text(report, Extractor(catalogue), span), catalogue)
    fmt = choose_format(fmt, output)
    if fmt in FILE_FORMATS:
        save_records(rows, EXPLAIN_COLUMNS, fmt, output)
        finish(ExitCode.OK)
    with open_output(output, use_bom(None, fmt, output)) as out:
        if fmt is Format.table:
            for row in rows:
                shown = format_value(row["value"], row["unit"] or "", row["qualifier"] or "=", bool(row["soft"]),
                                     row["value_max"]) if row["value"] is not None else "—"
                if row["indicator"]:
                    out.write(f"«{row['raw']}»  {shown}  → {row['indicator']} {row['label']}  "
                              f"(pattern {row['rule'].rsplit('#', 1)[1]}: {row['pattern']}; {row['status']}, {row['period']}, "
                              f"about {row['refers_to'] or '?'})\n")
                else:
                    out.write(f"«{row['raw']}»  {shown}  → nothing: {row['why_not']}\n")
            if not rows:
                out.write("no numbers in this text\n")
        else:
            write_records(rows, EXPLAIN_COLUMNS, fmt, out)
    finish(ExitCode.OK)
