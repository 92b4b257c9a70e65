"""polcmp text: the text of a report exactly as polcmp reads it (offsets point into this)."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..indicators.reports import read_report

from .files import write_failures_said
from .main import app


@app.command()
def text(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A report (.txt .md .html .docx .pdf); '-' reads stdin.")],
    encoding: Annotated[Optional[str], typer.Option(metavar="NAME", help="Force the text encoding.")] = None,
    normalised: Annotated[bool, typer.Option(
        "--normalised", help="Print the copy rules are matched against instead: traditional characters "
                             "simplified, full-width forms ASCII, glosses, footnote marks, spaces inside "
                             "numbers and hard line wraps removed (offsets do not point into it).")] = False,
) -> None:
    """Print the text polcmp reads from a report: what `start`/`end` offsets point into
    (HTML without the site around it, PDF lines rejoined, any encoding as UTF-8)."""
    report = read_report(file, encoding)
    with write_failures_said("standard output"):
        sys.stdout.write(report.plain if normalised else report.text)
        sys.stdout.flush()
