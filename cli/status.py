"""Exit codes and the one-line error messages every command uses."""
from __future__ import annotations

import sys
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented in the README; asserted in tests."""
    OK = 0
    PARTIAL = 1        # some inputs failed, the rest were processed (or a check found problems)
    CANNOT_RUN = 2     # bad usage, unreadable catalogue, no readable input, unwritable output
    INTERNAL = 3       # a bug in polcmp: please report it (POLCMP_DEBUG=1 shows the traceback)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143   # SIGTERM (128 + 15), as a shell reports a killed process; files being written are removed


def error(message: str) -> None:
    """One line on stderr, prefixed so it stands out in a pipeline."""
    print(f"polcmp: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"polcmp: {message}", file=sys.stderr)
