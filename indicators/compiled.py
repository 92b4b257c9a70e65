"""What a catalogue compiles to, kept on disk by content hash: a second run starts at once.

What a run would otherwise make afresh, each part longer to make than extracting a small report:
the parsed catalogue (catalogue.py: YAML parsing), the keyword index with its Hyperscan
databases (keyword_scan.py), the compiled regular expressions (regex_cache.py), the words and
edge characters of each pattern (literals.py) and the divisions table (divisions.py). Each
depends only on its inputs, polcmp's code, and the Python and Hyperscan builds, so it is stored
under a hash of those: a changed catalogue (a user's edit, a new version) gets its own entry,
and an unchanged one is never compiled twice. `remembered` keeps one built value; `Memo` keeps
the answers of a function, question by question, as a run asks them.

Where: `compiled/<key>.marshal` in the user's cache folder (paths.cache_dir). The format is
marshal, the format of the bytecode in __pycache__, and for the same reason: it holds only
plain data (no code is run when it is read, unlike pickle), it reads ten times faster than JSON,
and it is written and read by the same Python build (the key holds sys.version). Hyperscan
checks its databases' checksum and platform when loading them.

Like the value cache it only saves time: a missing, damaged, foreign or unwritable entry is
compiled afresh, never an error. Unlike the value cache it is not turned off by
POLCMP_NO_CACHE: it holds no results, only what the patterns compile to (as __pycache__ holds
bytecode), and extraction timed with the value cache off should not pay for compiling.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

from .atomic import write_quietly
from .paths import cache_dir

SUBFOLDER = "compiled"
SUFFIX = ".marshal"
FORMAT = "2"   # bump when a stored layout changes
KEEP = 40      # entries kept (the newest): a polcmp version adds five, an edited catalogue two


def key_of(*parts) -> str:
    """The content hash of what a compiled object is made from (JSON-able parts)."""
    from .cache import engine_fingerprint   # polcmp's code: a fix in the derivation recompiles

    ident = json.dumps([FORMAT, sys.version, sys.platform, os.uname().machine if hasattr(os, "uname") else "",
                        engine_fingerprint(), *parts], ensure_ascii=False)
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()


def remembered(parts: tuple, build: Callable[[], Any], dump: Callable[[Any], Any] | None = None,
               restore: Callable[[Any], Any] | None = None):
    """build(), or what it gave in an earlier run for the same parts (JSON-able, naming what is
    built and everything it is built from). dump turns the result into plain data for marshal,
    restore turns that back; a stored value restore cannot take is built afresh."""
    key = key_of(*parts)
    stored = load(key)
    if stored is not None and "value" in stored:
        try:
            return restore(stored["value"]) if restore else stored["value"]
        except Exception:   # damaged, or made by another build of a library (Hyperscan): build again
            pass
    value = build()
    store(key, {"value": dump(value) if dump else value})
    return value


class Memo:
    """The answers of a pure function of plain data, kept across runs: loaded at the first lookup;
    the answers found in a run are added to the stored ones when its process ends. (A --jobs
    worker is forked and never runs exit handlers: only the parent writes.)"""

    MAX = 5000   # answers kept; more (a long-lived process asking about made-up input): start over

    def __init__(self, *parts):
        self.parts = parts     # as for key_of: what the answers depend on besides their question
        self.known: dict | None = None
        self.new: dict = {}

    def __call__(self, question, answer: Callable[[], Any]):
        """The stored answer to question, else answer() (then stored)."""
        if self.known is None:
            self.known = self._stored()
        if question in self.known:
            return self.known[question]
        value = answer()
        self.put(question, value)
        return value

    def put(self, question, value) -> None:
        if self.known is None:
            self.known = self._stored()
        if not self.new:
            atexit.register(self.save)
        self.known[question] = self.new[question] = value

    def save(self) -> None:
        """Add this run's answers to those stored now (another process may have added some)."""
        if not self.new:
            return
        known = self._stored()
        if len(known) + len(self.new) > self.MAX:
            known = {}
        store(key_of(*self.parts), {"answers": {**known, **self.new}})
        self.new = {}

    def _stored(self) -> dict:
        stored = load(key_of(*self.parts)) or {}
        return stored["answers"] if isinstance(stored.get("answers"), dict) else {}


def load(key: str) -> dict | None:
    """The object stored under key, or None (absent, unreadable, damaged)."""
    try:
        payload = marshal.loads(_file(key).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return payload if isinstance(payload, dict) else None


def store(key: str, payload: dict) -> None:
    """Keep payload (plain data: dict, list, tuple, str, bytes, numbers, None) under key,
    atomically; silently skipped when that cannot be done."""
    try:
        data = marshal.dumps(payload)
    except ValueError:   # something marshal cannot hold
        return
    target = _file(key)
    write_quietly(target, data)
    try:
        _prune(target.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Remove all but the KEEP newest entries: old versions' entries are never read again."""
    entries = sorted((p for p in folder.iterdir() if p.suffix in (SUFFIX, ".json")),   # .json: FORMAT 1
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _file(key: str) -> Path:
    return cache_dir() / SUBFOLDER / f"{key}{SUFFIX}"
