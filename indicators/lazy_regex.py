"""Regular expressions compiled when first used, not when their module is imported.

Python's compiler walks every code point of a character class range in Python code, so a
pattern over Chinese text (a class like [\\u4e00-\\u9fff], a long alternation of words) takes a
millisecond or more to compile, and a module that defines forty of them pays for all forty at
import. Many runs use few of them: `polcmp extract` on a file named 临海_2023.txt never reads a
report's head for its place, and `polcmp compare` answered from the value cache reads no text
at all. `lazy_compile(pattern, flags)` stands for `re.compile(pattern, flags)` at module level.
"""
from __future__ import annotations

import re

from .regex_cache import compile_cached


class LazyPattern:
    """re.compile(pattern, flags), done on the first use of any attribute (search, finditer,
    pattern …). Each attribute, once fetched from the compiled pattern, is kept on this object:
    later calls cost what calls on the compiled pattern cost."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):   # copy, pickle and friends probing for hooks: not the pattern's
            raise AttributeError(name)
        value = getattr(compile_cached(*self._source), name)
        setattr(self, name, value)
        return value

    def __reduce__(self):   # sent to a --jobs worker as its source: the worker compiles it if it uses it
        return LazyPattern, self._source

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern compiled on first use; use it as the re.Pattern it stands for."""
    return LazyPattern(pattern, flags)   # type: ignore[return-value]
