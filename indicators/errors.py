"""Errors the core raises. The CLI turns each into one line on stderr and an exit code."""
from __future__ import annotations

# control characters and line separators → how Python writes them (\n, \x1b, \u2028); a table,
# not a regex: this module is imported by every run, and that class took 5 ms to compile
_ESCAPED = {cp: repr(chr(cp))[1:-1] for cp in (*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}


def printable(name) -> str:
    """A file name fit for a one-line message or a UTF-8 file: control characters escaped as
    Python writes them (\\n, \\x1b), undecodable bytes (surrogate escapes) as \\xff."""
    text = str(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:   # a lone surrogate that stands for no byte
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.translate(_ESCAPED)


class PolcmpError(Exception):
    """Base class: the message is meant for the user, one line."""


class ReportError(PolcmpError):
    """A report could not be read (missing, empty, binary, undecodable, unsupported)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{printable(path)}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):   # cross process boundaries intact (polcmp extract --jobs N)
        return ReportError, (self.path, self.reason)


class OutputError(PolcmpError):
    """An output path the user gave cannot be written: one line (the command's exit 2)."""


class CatalogueError(PolcmpError):
    """The indicator catalogue is unreadable or invalid. `problems` lists every problem found,
    each `path: message` (indicators[3].patterns[0]: unknown fragment {PCT}); `lines` gives
    the line of each in the file, where known."""

    def __init__(self, source: str, problems: list[str], lines: list[int | None] | None = None,
                 unreadable: bool = False):
        self.source = source
        self.problems = problems
        self.lines = lines or [None] * len(problems)
        self.unreadable = unreadable
        more = f" (and {len(problems) - 1} more; polcmp rules check lists them)" if len(problems) > 1 else ""
        super().__init__(f"{self.located()[0] if problems else source + ': invalid'}{more}")

    def located(self) -> list[str]:
        """Every problem as `file:line: path: message`, the way compilers report."""
        return [f"{self.source}:{line}: {p}" if line else f"{self.source}: {p}"
                for p, line in zip(self.problems, self.lines)]

    def with_lines(self, raw_text: str) -> "CatalogueError":
        """The same error with each problem's line looked up in the file's text."""
        from .yamllines import line_of
        return CatalogueError(self.source, self.problems,
                              [old or line_of(raw_text, p.split(": ", 1)[0]) for p, old in zip(self.problems, self.lines)])

    def __reduce__(self):
        return CatalogueError, (self.source, self.problems, self.lines, self.unreadable)
