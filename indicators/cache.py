"""Values of a report remembered on disk, so a second run over a corpus extracts nothing again.

Key: sha256 of (the path as given, the --encoding option, the catalogue's fingerprint, the
engine's fingerprint) names a report's file; in it, beside the values, the sha256 of the
report's bytes says which content they are of. The path is part of the key because place, year
and `file` come from the name; the engine fingerprint is polcmp's version plus a hash of
the source and data files of indicators/ (an editable install keeps its version while the code changes)
and of the versions of the optional HTML and PDF readers, which decide the text.

Whether a report is still what its values were read from: the report's stamp (size, mtime_ns,
inode: stamps.py) is kept too, and while it is unchanged the report is not read at all (a warm
run over 3,000 reports would otherwise read and hash 150 MB, a third of its time). A report
whose stamp changed (edited, touched, copied) is read and hashed: the values are used only when
the hash is the one kept, and the new stamp is kept then. A stamp is kept only when it can be
trusted (stamps.RACY_NS: not for a report modified an instant before it was read), and values
are not kept for a report that changed while it was extracted.

Where: `values/<2 hex>/<key>.json` in the user's cache folder (paths.cache_dir: $POLCMP_CACHE,
else ~/.cache/polcmp). Off with POLCMP_NO_CACHE=1 or a command's --no-cache.

Format: one small JSON file per report, `{"sha256": "…", "stamp": [size, mtime_ns, inode] or
null, "fields": [...], "rows": [[...], ...]}` — field names once, not once per value. One file
per report, not per corpus: a corpus that gains or changes one report rewrites one file,
parallel workers never write the same file, and a damaged file costs one report. Loading 3,000
of them (27 MB) takes a fraction of a second, far below extraction; JSON keeps them readable
and safe to load (pickle is neither). Values are written field by field as
dataclasses.fields(Value) lists them and rebuilt by position when the stored field names are
today's (twice as fast as by name), else by Value(**fields), so new Value fields need no change
here; values that would not come back equal (NaN, a tuple, a nested object) are simply not cached.

A cache only saves time: a folder that cannot be made or written, a file that is damaged or
of another shape, all count as a miss — never an error. Writes go to a temporary file that
is then renamed, so a reader never sees half a file. Report errors are not cached.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from . import stamps
from .atomic import write_quietly
from .catalogue import Catalogue
from .models import Value
from .paths import cache_dir

ENV_NO_CACHE = "POLCMP_NO_CACHE"
SUBFOLDER = "values"
FORMAT = "2"     # bump when the file layout changes
VERSIONS_NOTE = "versions.json"   # in the cache folder: see _versions()
VERSIONS_KEPT = 8
_READERS = ("trafilatura", "pdfminer.six", "opencc")   # their versions change the text read


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """polcmp's version and a hash of the extraction code and readers: once per process."""
    h = hashlib.sha256(FORMAT.encode())
    h.update(_versions().encode())
    here = Path(__file__).resolve().parent   # the code and its data files (place names …)
    for source in sorted(p for p in here.iterdir() if p.suffix in (".py", ".tsv", ".yaml", ".txt")):
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.hexdigest()[:16]


def _versions() -> str:
    """`polcmp=0.1.0;trafilatura=-;…`: the versions of polcmp and of the readers.

    importlib.metadata takes longer to import than the rest of a small run, so the answer is
    kept in the cache folder beside the modification times of the folders on sys.path: installing,
    upgrading or removing a package adds or removes a *.dist-info folder in one of them. A few
    such answers are kept, one per sys.path: its first entry is the folder of the script or the
    current one, which differ between `polcmp …`, `python -m polcmp …` and the folder run from."""
    stamp = json.dumps([[entry, _modified(entry)] for entry in sys.path], ensure_ascii=False)
    note = cache_dir() / VERSIONS_NOTE
    try:
        saved = json.loads(note.read_bytes())
        known = {k: v for k, v in saved["by sys.path"].items() if isinstance(v, str)}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        known = {}   # none yet, or damaged: look them up
    if stamp in known:
        return known[stamp]
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for dist in ("polcmp", *_READERS):
        try:
            found.append(f"{dist}={version(dist)};")
        except PackageNotFoundError:
            found.append(f"{dist}=-;")
    versions = "".join(found)
    kept = dict(list(known.items())[-(VERSIONS_KEPT - 1):])
    kept[stamp] = versions
    write_quietly(note, json.dumps({"by sys.path": kept}, ensure_ascii=False).encode("utf-8"))
    return versions


def _modified(path: str) -> int | None:
    """The modification time of a sys.path entry (folder or zip); None when there is none."""
    try:
        return os.stat(path or ".").st_mtime_ns
    except (OSError, ValueError):
        return None


def cache_disabled() -> bool:
    """POLCMP_NO_CACHE set to anything but empty, 0, no, false or off."""
    return os.environ.get(ENV_NO_CACHE, "").strip().lower() not in ("", "0", "no", "false", "off")


def open_cache(catalogue: Catalogue, enabled: bool = True) -> ValueCache | None:
    """The value cache for this catalogue, or None when it is switched off or has no folder."""
    if not enabled or cache_disabled():
        return None
    root = cache_dir() / SUBFOLDER
    try:
        root.mkdir(parents=True, exist_ok=True)
        return ValueCache(root, catalogue.fingerprint, engine_fingerprint())
    except OSError:
        return None   # e.g. POLCMP_CACHE names a file, or our own sources cannot be read: no cache


class ValueCache:
    """Lookups and stores of one catalogue and engine. Small and picklable: workers get a copy."""

    def __init__(self, root: Path, catalogue_fingerprint: str, engine: str):
        self.root = str(root)
        self.context = f"{catalogue_fingerprint}\0{engine}"

    def entry(self, path: str, encoding: str | None) -> CachedReport | None:
        """Where the values of a report file are kept; None when it cannot be looked at, is not a
        regular file, or is stdin."""
        if path == "-":
            return None
        looked_at = time.time_ns()   # before the stat: see stamps.keepable
        stamp = stamps.stamp(path)
        if stamp is None:
            return None   # the extractor says why, as a ReportError
        ident = json.dumps([str(path), encoding, self.context], ensure_ascii=False)
        key = hashlib.sha256(ident.encode("utf-8")).hexdigest()
        # os.path, not pathlib: a warm run looks up thousands of reports, and pathlib's parsing was a tenth of it
        return CachedReport(os.path.join(self.root, key[:2], f"{key}.json"), str(path), stamp, looked_at)


class CachedReport:
    """One report's file in the cache, as the report is now (its stamp, taken once)."""

    def __init__(self, file: str, path: str, stamp: stamps.Stamp, looked_at: int):
        self.file, self.path, self.stamp, self.looked_at = file, path, stamp, looked_at
        self._content: str | None = None

    def load(self) -> list[Value] | None:
        """The values kept for the report as it is now, or None (absent, unreadable, damaged,
        another shape, or of other content)."""
        try:
            with open(self.file, "rb", buffering=0) as f:   # read whole: a buffer would only be copied
                payload = json.loads(f.read())
            if payload["stamp"] == self.stamp:   # unchanged since its values were kept: not read again
                return _values(payload)
            if payload["sha256"] != self._hash():
                return None
            values = _values(payload)
        except (OSError, ValueError, TypeError, KeyError):
            return None
        # touched or copied, not changed: its new stamp is kept, so that next time it is not read either
        if self._keepable() and self._unchanged():
            write_quietly(Path(self.file), _dumps({**payload, "stamp": self.stamp}))
        return values

    def store(self, values: list[Value]) -> None:
        """Keep the values of the report, atomically; silently skipped when that cannot be done."""
        content = self._hash()
        if content is None or not self._unchanged():
            return   # changed while it was extracted: the values may be of either content
        try:
            data = encode(values, {"sha256": content, "stamp": self.stamp if self._keepable() else None})
            if decode(data) != values:
                return   # a field JSON cannot carry (NaN, a tuple …): recompute rather than drift
        except (ValueError, TypeError, KeyError):
            return
        write_quietly(Path(self.file), data)

    def _hash(self) -> str | None:
        """The sha256 of the report's bytes, read once; None when it cannot be read."""
        if self._content is None:
            try:
                with open(self.path, "rb") as f:
                    self._content = hashlib.sha256(f.read()).hexdigest()
            except OSError:
                return None
        return self._content

    def _keepable(self) -> bool:
        """Whether the stamp, taken before the report was read, will tell its next change."""
        return stamps.keepable(self.stamp, self.looked_at)

    def _unchanged(self) -> bool:
        """Whether the report still has the stamp it had before it was read (so what was read
        since is of one content)."""
        return stamps.stamp(self.path) == self.stamp


_FIELDS = tuple(f.name for f in fields(Value))
_FIELD_LIST = list(_FIELDS)   # as they come back from JSON


def encode(values: list[Value], header: dict | None = None) -> bytes:
    """Values as compact JSON after the header's keys: field names once, then one row per value.
    Raises TypeError or ValueError for a field JSON cannot hold."""
    # getattr over fields(), not asdict(): as generic, and ten times faster (asdict deep-copies)
    rows = [[getattr(v, name) for name in _FIELDS] for v in values]
    return _dumps({**(header or {}), "fields": _FIELDS, "rows": rows})


def decode(data: bytes) -> list[Value]:
    """The values encode() wrote. Raises ValueError, TypeError or KeyError if data is not that."""
    return _values(json.loads(data))


def _values(payload: dict) -> list[Value]:
    names, rows = payload["fields"], payload["rows"]
    if names == _FIELD_LIST:
        # By position: half the time of building a dict per value. The length is checked, as
        # zip(strict=True) does by name: a short row would otherwise be filled with defaults.
        if any(len(row) != len(names) for row in rows):
            raise ValueError("a row of another length than the field names")
        return [Value(*row) for row in rows]
    return [Value(**dict(zip(names, row, strict=True))) for row in rows]


def _dumps(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
