"""The corpus index: the place and year the text of each report gives, remembered per corpus
folder, so that a corpus whose files are not named `<place>_<year>` is read once, not on
every `compare`, `track`, `places`, `report` or `cascade`.

Only reports named by their text are indexed: a file named `<place>_<year>.ext` is placed by
its name alone, which costs nothing to redo, and a corpus of such files has no index at all.

Where: `corpus/<key>.json` in the user's cache folder (paths.cache_dir: $POLCMP_CACHE, else
~/.cache/polcmp), key a hash of the corpus folder's real path and the --encoding option.
Off with POLCMP_NO_CACHE=1. Nothing is ever written inside the corpus. One file per corpus,
not per report as the value cache: an entry is a few dozen bytes, and one read of one file
(about 120 KB for 1,500 reports) is far cheaper than opening a file per report.

Format: `{"format", "engine", "root", "encoding", "files": {path below root: [size,
mtime_ns, inode, place, year]}}`, place and year as the text gives them, null where it does
not tell. An entry is believed only while the file's size, mtime and inode are what they
were (stamps.py; stat, not trust: an edited, replaced or renamed report is read again), and the whole
index only while `engine` is the value cache's engine fingerprint: polcmp's version and a
hash of every source and data file of indicators/. Place and year depend on more than
places.py and its tables (the reading copy of normalise.py, the HTML and PDF readers), and a
narrower list would go stale unseen; the price is one cold scan after an upgrade. Reports
that cannot be read are not indexed: a permission fixed by chmod leaves the mtime alone.

Like the value cache, it only saves time: a missing, damaged or foreign index is a miss, an
unwritable folder a run without one, never an error; it is written whole (temporary file,
renamed), and only when something changed.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from . import stamps
from .atomic import write_quietly
from .cache import cache_disabled, engine_fingerprint
from .paths import cache_dir
from .reports import read_report

SUBFOLDER = "corpus"
FORMAT = 1   # bump when the layout of the file changes

PlaceYear = tuple[str | None, int | None]


class CorpusIndex:
    """Place and year of the reports below one folder, by their text, read once."""

    def __init__(self, root: Path, encoding: str | None = None, enabled: bool = True):
        self.root = str(root)
        self.encoding = encoding
        self.enabled = enabled
        self.file: Path | None = None          # found at the first lookup (_open)
        self._stored: dict[str, list] | None = None   # as loaded
        self._kept: dict[str, list] = {}       # as it should be saved: the files looked up this run
        self._below = os.path.join(self.root, "")
        self._started = time.time_ns()

    def place_and_year(self, path: str) -> PlaceYear:
        """What the report at path says of its place and year, from the index while the file is
        unchanged, else read (and indexed). Raises ReportError when it cannot be read."""
        if self._stored is None:
            self._open()
        stamp = stamps.stamp(path) if self.file else None   # None: off, neither looked up nor kept
        name = path[len(self._below):] if path.startswith(self._below) else os.path.relpath(path, self.root)
        known = self._stored.get(name)
        if stamp and known and known[:3] == stamp:
            self._kept[name] = known
            return known[3], known[4]
        report = read_report(path, self.encoding)
        if stamp and stamps.keepable(stamp, self._started):   # not a file touched this instant: see stamps.py
            self._kept[name] = [*stamp, report.place, report.year]
        return report.place, report.year

    def _open(self) -> None:
        """Find and load the index file; only at the first lookup, so a corpus whose files are
        all named `<place>_<year>` costs nothing (not even the engine's fingerprint)."""
        self._stored = {}
        if not self.enabled or cache_disabled():
            return
        try:
            real = os.path.realpath(self.root)
            self._header = {"format": FORMAT, "engine": engine_fingerprint(), "root": real, "encoding": self.encoding}
        except OSError:
            return   # our own sources cannot be read for the fingerprint: no index, as no value cache
        key = hashlib.sha256(json.dumps([real, self.encoding], ensure_ascii=False).encode()).hexdigest()[:24]
        self.file = cache_dir() / SUBFOLDER / f"{key}.json"
        self._stored = self._load()

    def save(self) -> None:
        """Write the index when a file was added, changed or removed since it was loaded; files
        not looked up this run are dropped."""
        if self.file is None or self._kept == self._stored:
            return
        payload = {**self._header, "files": dict(sorted(self._kept.items()))}
        write_quietly(self.file, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _load(self) -> dict[str, list]:
        """The entries of the index file, if it is this corpus's under this engine; entries of
        another shape are left out (read again)."""
        try:
            payload = json.loads(self.file.read_bytes())
            if {key: payload.get(key) for key in self._header} != self._header:
                return {}
            return {name: entry for name, entry in payload["files"].items() if _well_formed(entry)}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}


def _well_formed(entry) -> bool:
    return (isinstance(entry, list) and len(entry) == 5 and all(type(n) is int for n in entry[:3])
            and (entry[3] is None or isinstance(entry[3], str)) and (entry[4] is None or type(entry[4]) is int))
