"""Help text laid out in terminal cells: a Chinese character takes two, and a line may break
between two Chinese characters but never inside an English word.

click wraps help by counting characters, so a help line with Chinese runs past the edge of
an 80-column terminal and the terminal breaks it wherever it likes. `HelpFormatter` here
wraps definition lists and paragraphs by cells; main.py installs it for every command.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..indicators.lazy_regex import lazy_compile

from .clickcompat import formatting

_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# a wide character with the closing punctuation that must stay on its line, or a run of others
_PIECE = lazy_compile(rf"[（「『(\[]*[{_WIDE}][，。、；：）」』,.;:)\]]*|[^{_WIDE}]+")


def cell_len(text: str) -> int:
    """Terminal cells of text, as rich counts them (imported here: a run that shows no help needs no rich)."""
    from rich.cells import cell_len as cells
    return cells(text)


def wrap_cells(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells: breaks at spaces and between Chinese characters; a word
    longer than the line stays whole on a line of its own."""
    lines, line, space = [], "", False
    for token in re.findall(r"\S+|\s+", text):
        if token.isspace():
            space = True
            continue
        for i, piece in enumerate(_PIECE.findall(token)):
            sep = " " if i == 0 and space and line else ""
            if not line or cell_len(line + sep + piece) <= width:
                line += sep + piece
            else:
                lines.append(line)
                line = piece
        space = False
    if line:
        lines.append(line)
    return lines


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each joined into one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


class HelpFormatter(formatting.HelpFormatter):
    """click's help layout, measured in cells."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for n, paragraph in enumerate(paragraphs(text)):
            if n:
                self.write("\n")
            for line in wrap_cells(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((cell_len(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        text_width = max(self.width - first_col - self.current_indent, 20)
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = [line for p in paragraphs(second) for line in wrap_cells(p, text_width)] or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{' ' * (first_col + self.current_indent)}{line}\n")
