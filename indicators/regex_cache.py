"""Compiled regular expressions kept on disk, so that a run does not compile them again.

Python compiles a pattern in Python code (re._parser, re._compiler), walking every code point
of a character class: a pattern over Chinese text takes about a millisecond, and extracting one
report uses some two hundred of them, most of a small run's time. What the compiler makes, the
instruction list that the C matcher _sre runs, depends only on the pattern, its flags and the
Python build. So the first run stores it per pattern (compiled.py: keyed by sys.version and the
_sre format), and later runs build each pattern object from it directly, as
re._compiler.compile does after compiling, in a few microseconds.

This leans on two private parts of CPython: re._compiler's code generator and _sre.compile.
They have the same shape in every Python polcmp supports (3.11 on); _sre checks any code it is
given before it runs it (it refuses malformed code, it does not crash), and every failure here
falls back to re.compile. Only lazy_compile patterns (lazy_regex.py) come through here: the
built-in catalogue's and polcmp's own.
"""
from __future__ import annotations

import atexit
import re
from array import array

try:
    import _sre
    from re import _compiler, _parser
except ImportError:   # another Python implementation: no cache, re.compile as usual
    _sre = None

from . import compiled

_KIND = "I"   # _sre's code units are unsigned ints of _sre.CODESIZE bytes
_USABLE = _sre is not None and array(_KIND).itemsize == getattr(_sre, "CODESIZE", None)
MAX_STORED = 5000   # patterns kept; more (a long-lived process compiling made-up patterns): start over


class _Store:
    """The patterns compiled in earlier runs, loaded at the first compile; those compiled in this
    one are added to the stored entry when the process ends."""

    def __init__(self):
        self.key = compiled.key_of("regex", getattr(_sre, "MAGIC", None), _KIND)
        stored = compiled.load(self.key) or {}
        self.known: dict = stored.get("patterns") if isinstance(stored.get("patterns"), dict) else {}
        self.new: dict = {}

    def compile(self, pattern: str, flags: int) -> re.Pattern:
        entry = self.known.get((pattern, flags))
        if entry is not None:
            try:
                final_flags, code, groups, groupindex, indexgroup = entry
                return _sre.compile(pattern, final_flags, array(_KIND, code).tolist(), groups,
                                    dict(groupindex), tuple(indexgroup))
            except Exception:   # damaged or foreign: compile it as re does (and store it afresh)
                pass
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (flags | parsed.state.flags, array(_KIND, code).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))
        if not self.new:
            atexit.register(self.save)
        self.new[pattern, flags] = entry
        return _sre.compile(pattern, entry[0], code, entry[2], groupindex, entry[4])

    def save(self) -> None:
        """Add this run's patterns to the stored ones (as they are on disk now: another process
        may have added some since this one loaded them)."""
        on_disk = compiled.load(self.key) or {}
        known = on_disk.get("patterns") if isinstance(on_disk.get("patterns"), dict) else {}
        if len(known) + len(self.new) > MAX_STORED:
            known = {}
        compiled.store(self.key, {"patterns": {**known, **self.new}})
        self.new = {}


_store: _Store | None = None


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the stored code when an earlier run compiled it."""
    global _store
    if not _USABLE or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    if _store is None:
        _store = _Store()
    return _store.compile(pattern, int(flags))   # int: a RegexFlag is not plain data
