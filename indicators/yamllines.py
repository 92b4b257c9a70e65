"""Line numbers for catalogue problems: `indicators[3].patterns[0]` → the line it is on."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


@lru_cache(maxsize=8)
def _index(raw_text: str) -> dict[tuple, int]:
    """(path steps) → 1-based line, for every node of a YAML text."""
    try:
        root = yaml.compose(raw_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    lines: dict[tuple, int] = {}

    def walk(node, path: tuple) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, path + (str(key.value),))
                lines[path + (str(key.value),)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))
    if root is not None:
        walk(root, ())
    return lines


def line_of(raw_text: str, dotted: str) -> int | None:
    """The line of `indicators[3].patterns[0]` (or of its nearest existing parent)."""
    steps = tuple(int(m.group(1)) if m.group(1) else m.group(2) for m in _STEP.finditer(dotted))
    index = _index(raw_text)
    while steps:
        if steps in index:
            return index[steps]
        steps = steps[:-1]
    return None
