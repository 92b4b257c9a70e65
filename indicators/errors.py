"""Errors the core raises. The CLI turns each into one line on stderr and an exit code."""
from __future__ import annotations


class PolcmpError(Exception):
    """Base class: the message is meant for the user, one line."""


class ReportError(PolcmpError):
    """A report could not be read (missing, empty, binary, undecodable, unsupported)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):   # cross process boundaries intact (polcmp extract --jobs N)
        return ReportError, (self.path, self.reason)


class CatalogueError(PolcmpError):
    """The indicator catalogue is unreadable or invalid. `problems` lists every problem found."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        first = problems[0] if problems else "invalid"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}")
