"""Where `-o` output goes, the way a user expects it to.

- `-o -` is stdout, as if no -o were given.
- A path that cannot be written (a missing or unwritable folder, a directory, a read-only
  file, anything inside polcmp's own folder) is refused before any work, in one line (exit 2).
- A file is written atomically: a temporary file beside it, renamed into place only when
  complete, so an interrupted or failed run never leaves half a file and keeps the old one.
- A new file gets the permissions the umask gives (0644 under umask 022), an overwritten one
  keeps its own; writing through a symbolic link replaces the file it points to, not the link.
- No -o ever writes over an input of the run (a report, a corpus's files, a catalogue, a
  background): each command names its inputs with protect() as it learns them; the output is
  compared with them by real path and by inode, at once and again just before the rename.
- /dev/null, /dev/stdout, /dev/stderr and /dev/fd/N are written directly (no temporary file);
  any other existing path that is not a regular file (a device, a pipe, a socket) is refused.
- After the rename, one line on stderr says how many records went where (`wrote 12 rows to
  out.csv`) when the records were counted (write_records calls note_rows; rendered tables
  and charts are not).
"""
from __future__ import annotations

import errno
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from ..indicators.atomic import mode_for
from ..indicators.errors import OutputError, PolcmpError, printable

STDOUT = "-"


def is_stdout(path: str | os.PathLike | None) -> bool:
    """No -o, or `-o -`."""
    return path is None or str(path) == STDOUT


def own_folders() -> list[Path]:
    """polcmp's own files and folders, never written into: the installed package (a wheel puts
    `polcmp/__init__.py` beside cli/ and indicators/), else what a checkout ships in the wheel
    (an editable install runs from it): cli/, indicators/, seeds/, rules.yaml and polcmp.py."""
    package = Path(__file__).resolve().parent.parent
    if (package / "__init__.py").is_file():
        return [package]
    return [package / name for name in ("cli", "indicators", "seeds", "rules.yaml", "polcmp.py")]


_named: list = []                          # inputs named by protect(), not yet looked up
_inputs: dict[str, Path] = {}              # real path → the input as the user named it
_input_ids: dict[tuple[int, int], Path] = {}   # (device, inode) → the same
_output: list[Path] = []                   # the -o path of this run, once its option is parsed


def reset() -> None:
    """Forget the inputs and output of a previous run (the command line runs once per process;
    tests and notebooks may run it more often)."""
    _named.clear()
    _inputs.clear()
    _input_ids.clear()
    _output.clear()


def protect(paths) -> None:
    """Name files as inputs of this run: no -o may write over them. Raises OutputError at once
    when this run's -o is one of them. They are looked up (real path, inode) only when an output
    is checked: a run that writes to stdout never needs to, and a corpus has thousands of files."""
    _named.extend(p for p in paths if p is not None and str(p) != STDOUT)
    for out in _output:
        _refuse_inputs(out)


def _look_up_named() -> None:
    named = list(_named)
    _named.clear()
    for p in map(Path, named):
        _inputs[os.path.realpath(p)] = p
        try:
            st = os.stat(p)
        except OSError:
            continue
        _input_ids[(st.st_dev, st.st_ino)] = p


def _refuse_inputs(path: Path) -> None:
    _look_up_named()
    hit = _inputs.get(os.path.realpath(path))
    if hit is None and _input_ids:
        try:
            st = os.stat(path)
            hit = _input_ids.get((st.st_dev, st.st_ino))
        except OSError:
            pass
    if hit is not None:
        raise OutputError(f"--output {printable(path)} is an input of this run ({printable(hit)}); "
                          f"refusing to overwrite it")


DIRECT_SINKS = ("/dev/null", "/dev/stdout", "/dev/stderr")


def is_direct_sink(path: str | os.PathLike) -> bool:
    """A sink a user means to write into, not to replace: /dev/null, /dev/stdout, /dev/stderr, /dev/fd/N."""
    name = str(path)
    return name in DIRECT_SINKS or name.startswith("/dev/fd/") or os.path.realpath(name) == "/dev/null"


def check_output(path: str | os.PathLike | None) -> None:
    """Refuse, in one line, an output path that cannot or must not be written (OutputError)."""
    if is_stdout(path):
        return
    if is_direct_sink(path):   # never replaced, so never an input overwritten (extract /dev/null -o /dev/null)
        return
    _refuse_inputs(Path(path))
    path = Path(path)
    shown = printable(path)
    target = path.resolve()
    for folder in own_folders():
        if target == folder or folder in target.parents:
            raise OutputError(f"--output {shown} is part of polcmp itself ({folder}); write somewhere else")
    if path.is_dir():
        raise OutputError(f"--output {shown} is a directory; give a file name")
    if path.exists() and not path.is_file():
        raise OutputError(f"--output {shown} is not a regular file (a device, pipe or socket); "
                          f"give a file name (or /dev/null, /dev/stdout)")
    folder = target.parent
    if not folder.exists():
        raise OutputError(f"--output {shown}: no such directory {folder}")
    if not folder.is_dir():
        raise OutputError(f"--output {shown}: {folder} is not a directory")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"--output {shown}: permission denied (cannot create files in {folder})")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"--output {shown}: permission denied (the file is read-only)")


def output_option(value: Path | None) -> Path | None:
    """The --output option's callback: checked at once, before any work; `-` becomes None (stdout)."""
    reset()
    if is_stdout(value):
        return None
    check_output(value)
    _output.append(Path(value))
    return value


_rows: dict[int, int | None] = {}   # id(stream) → records written to it, for streams atomic_output has open


def note_rows(stream, n: int) -> None:
    """Count n records written to a stream that atomic_output opened (ignored for any other)."""
    if id(stream) in _rows:
        _rows[id(stream)] = (_rows[id(stream)] or 0) + n


# What a failed write raises: the disk or quota is full, the file too large, the device or
# filesystem failing or read-only, stdout closed. The user's to fix: exit 2, one line.
WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EBADF})


@contextmanager
def write_failures_said(name: str) -> Iterator[None]:
    """A failed write inside the block becomes an OutputError naming `name`."""
    try:
        yield
    except OSError as e:
        if e.errno in WRITE_FAILURES:
            raise OutputError(f"{name}: {e.strerror}") from None
        raise


def stdout_stream(binary: bool = False) -> IO:
    """sys.stdout, or its buffer for binary output."""
    return sys.stdout.buffer if binary else sys.stdout


class ClosedStdout:
    """Stands in for a closed stdout (`polcmp … >&-`): any write fails as a closed descriptor
    does, so a command that writes there says so in one line; -o FILE still works."""

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def write(self, _text) -> int:
        raise OSError(errno.EBADF, "closed, nothing could be written (use -o FILE)")

    def flush(self) -> None:
        pass

    @property
    def buffer(self) -> "ClosedStdout":
        return self


@contextmanager
def atomic_output(path: str | os.PathLike | None, binary: bool = False) -> Iterator[IO]:
    """stdout (no path, or `-`), else a new file at `path` written atomically, with the
    permissions described in the module docstring. Text is UTF-8 with newlines as written.
    A write that fails (a full disk) is an OutputError; the old file is left as it was."""
    if is_stdout(path):
        stream = stdout_stream(binary)
        with write_failures_said("standard output"):
            yield stream
            stream.flush()
        return
    check_output(path)
    if is_direct_sink(path):   # /dev/null, /dev/stdout: written into, never replaced by a regular file
        with write_failures_said(f"--output {printable(path)}"), \
                open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as out:
            yield out
        return
    target = Path(os.path.realpath(path))   # through a symlink: the file it points to
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"--output {printable(path)}: {e.strerror}") from None
    out = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
    _rows[id(out)] = None
    try:
        try:
            os.fchmod(out.fileno(), mode_for(target))
            with write_failures_said(f"--output {printable(path)}"):
                yield out
        finally:
            rows = _rows.pop(id(out), None)
        try:
            out.close()   # a full disk shows here, when the last buffer is flushed
            os.replace(tmp, target)
        except OSError as e:
            raise OutputError(f"--output {printable(path)}: {e.strerror}") from None
    except BaseException:
        try:
            out.close()
        except OSError:
            pass
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if rows is not None:
        print(f"polcmp: wrote {rows} row{'' if rows == 1 else 's'} to {printable(path)}", file=sys.stderr)
