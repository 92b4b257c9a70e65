"""polcmp text: the text of a report exactly as polcmp reads it (offsets point into this)."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from indicators.reports import read_report

from .main import app


@app.command()
def text(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A report (.txt .md .html .docx .pdf); '-' reads stdin.")],
    encoding: Annotated[Optional[str], typer.Option(help="Force the text encoding.")] = None,
) -> None:
    """Print the text polcmp reads from a report: what `start`/`end` offsets point into
    (HTML without the site around it, PDF lines rejoined, any encoding as UTF-8)."""
    sys.stdout.write(read_report(file, encoding).text)
