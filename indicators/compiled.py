"""What a catalogue compiles to, kept on disk by content hash: a second run starts at once.

Deriving the keywords of ~110 patterns and compiling the Hyperscan databases of keyword_scan.py
takes longer than extracting a report. The result depends only on the pattern texts, polcmp's
code and the Hyperscan build, so it is stored under a hash of those: a changed catalogue (a
user's edit, a new version) gets its own entry, and an unchanged one is never compiled twice.

Where: `compiled/<key>.json` in the user's cache folder (paths.cache_dir). JSON, with the
databases base64-encoded (Hyperscan checks their checksum and platform when loading them): safe
to read, unlike pickle. Like the value cache it only saves time: a missing, damaged, foreign or
unwritable entry is compiled afresh, never an error. Unlike the value cache it is not turned off
by POLCMP_NO_CACHE: it holds no results, only what the patterns compile to (as __pycache__
holds bytecode), and extraction timed with the value cache off should not pay for compiling.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
from pathlib import Path

from .paths import cache_dir

SUBFOLDER = "compiled"
FORMAT = "1"   # bump when a stored layout changes
KEEP = 16      # entries kept (the newest): each polcmp version or edited catalogue adds one of ~2 MB


def key_of(*parts) -> str:
    """The content hash of what a compiled object is made from (JSON-able parts)."""
    from .cache import engine_fingerprint   # polcmp's code: a fix in the derivation recompiles

    ident = json.dumps([FORMAT, platform.machine(), engine_fingerprint(), *parts], ensure_ascii=False)
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()


def load(key: str) -> dict | None:
    """The JSON object stored under key, or None (absent, unreadable, damaged)."""
    try:
        payload = json.loads(_file(key).read_bytes())
    except (OSError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None


def store(key: str, payload: dict) -> None:
    """Keep payload under key, atomically; silently skipped when that cannot be done."""
    target = _file(key)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        os.replace(tmp, target)
        _prune(target.parent)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _prune(folder: Path) -> None:
    """Remove all but the KEEP newest entries: old versions' entries are never read again."""
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _file(key: str) -> Path:
    return cache_dir() / SUBFOLDER / f"{key}.json"
