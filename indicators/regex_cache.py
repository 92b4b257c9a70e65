"""Compiled regular expressions kept on disk, so that a run does not compile them again.

Python compiles a pattern in Python code (re._parser, re._compiler), walking every code point
of a character class: a pattern over Chinese text takes about a millisecond, and extracting one
report uses some two hundred of them, most of a small run's time. What the compiler makes, the
instruction list that the C matcher _sre runs, depends only on the pattern, its flags and the
Python build. So the first run stores it per pattern (a compiled.Memo: keyed by sys.version and
the _sre format), and later runs build each pattern object from it directly, as
re._compiler.compile does after compiling, in a few microseconds.

This leans on two private parts of CPython: re._compiler's code generator and _sre.compile.
They have the same shape in every Python polcmp supports (3.11 on); _sre checks any code it is
given before it runs it (it refuses malformed code, it does not crash), and every failure here
falls back to compiling. Only polcmp's own patterns come through here (lazy_compile, and the
character tables of normalise.py), the built-in catalogue's among them; a user's catalogue
patterns run checked (safe_regex.py) and are not kept.
"""
from __future__ import annotations

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
_codes = compiled.Memo("regex", getattr(_sre, "MAGIC", None), _KIND)   # (pattern, flags) → what it compiles to


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the stored code when an earlier run compiled it."""
    if not _USABLE or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    question = (pattern, int(flags))   # int: a RegexFlag is not plain data
    try:
        return _build(pattern, _codes(question, lambda: _compile(*question)))
    except Exception:   # damaged or foreign: compile it as re does, and store that
        compiled_form = _compile(*question)
        _codes.put(question, compiled_form)
        return _build(pattern, compiled_form)


def _compile(pattern: str, flags: int) -> tuple:
    """(flags, code, groups, group index, index group): what re._compiler.compile hands _sre."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, array(_KIND, code).tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _build(pattern: str, compiled_form: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = compiled_form
    return _sre.compile(pattern, flags, array(_KIND, code).tolist(), groups, dict(groupindex), tuple(indexgroup))
