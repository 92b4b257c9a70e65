"""Whether a file is still what it was, without reading it: its stamp (size, mtime_ns, inode),
compared with the stamp it had, as git's index does. The corpus index and the value cache keep
stamps so that a second run reads no report that has not changed.

A stamp is worth keeping only when the file was last modified well before it was read: a change
made within the same tick of the file system's clock as that read keeps the mtime (Linux stamps
files with a coarse clock, FAT to 2 s), so the stamp of a file modified within RACY_NS of the
read is not kept, and the file is read again next time.
"""
from __future__ import annotations

import os
import stat

RACY_NS = 2_000_000_000

Stamp = list[int]   # [size, mtime_ns, inode]: a list, as it comes back from JSON


def stamp(path: str) -> Stamp | None:
    """The stamp of a file as it is now; None when it cannot be looked at or is not a regular
    file (a FIFO or a device has no content to remember, and reading one may never end)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):   # ValueError: a path with a NUL in it
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino] if stat.S_ISREG(st.st_mode) else None


def keepable(stamp: Stamp, read_at_ns: int) -> bool:
    """Whether a stamp taken before a read at read_at_ns (time.time_ns()) will tell a later change
    of the file: it was modified long enough before."""
    return stamp[1] < read_at_ns - RACY_NS
