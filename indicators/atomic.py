"""Files written whole or not at all, with the permissions a user expects.

A temporary file beside the target, renamed into place when complete: an interrupted or
failed write never leaves half a file and keeps the old one. A new file gets 0666 less the
umask (as a shell's `>` would), an overwritten one keeps its own mode; through a symbolic
link the file it points to is replaced. The command line's -o (cli/files.py) and the API's
polcmp.write use it; the cache folder's files use write_quietly, which never raises.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError, printable


def current_umask() -> int:
    """The process's umask (read by setting it and setting it back; polcmp creates no files
    in other threads meanwhile)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def mode_for(target: Path) -> int:
    """An existing file keeps its permission bits; a new one gets 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` atomically; returns the path written (a symlink's target).
    Raises OutputError, the old file intact, when the path is a folder or a device (never
    replaced by a regular file) or the write fails (no such folder, a full disk)."""
    target = Path(os.path.realpath(path))
    try:
        kind = os.stat(target).st_mode
    except OSError:
        kind = None
    if kind is not None and not stat.S_ISREG(kind):
        raise OutputError(f"{printable(path)}: not a regular file (a folder or a device); name a file to write")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{printable(path)}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), mode_for(target))
            out.write(data)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"{printable(path)}: {e.strerror}") from None
        raise
    return target


def write_quietly(target: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a temporary file renamed into place, so a reader
    never sees half of one); when that cannot be done, nothing is left and nothing is raised.
    For files that only save time (the caches): a user's output goes through write_bytes."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")   # one per process: no two writers share it
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError:
        _remove(tmp)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
