"""Tables that fit the terminal: which columns to show, how wide, and in how many parts.

rich squeezes a table that is too wide until its cells read `…`. Here the layout is decided
before rich sees the table, from the width every cell needs:

- headers fold first (临海 目标 2023 over three lines, place_code over two);
- text columns (description, quote, label) wrap, down to a floor;
- the least-needed columns are left out, and a footnote names them;
- a comparison with more places than fit is cut into parts of whole places, each part
  repeating the row labels (`split`).

A cell is never cut: whatever a table shows, it shows whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.cells import cell_len

EDGE = 1         # a box table's closing border
PER_COLUMN = 3   # "│ " before and " " after each cell (rich's default padding)

# columns a generic table leaves out first when it is too wide, in this order
LEAST_NEEDED = ("counterexamples", "patterns", "examples", "place_level", "province", "place_code", "file",
                "start", "end", "others", "per_10k", "count", "achieved", "targets", "reports", "raw", "status",
                "unit", "group", "period", "column")
# columns of running text: they wrap instead of widening the table, down to this many cells
TEXT_COLUMNS = {"description": 24, "quote": 24, "label": 12, "name": 10, "term": 8, "years": 9}


def width_of(text: str) -> int:
    """Terminal cells of the widest line (a Chinese character takes two)."""
    return max((cell_len(line) for line in str(text).split("\n")), default=0)


def table_width(widths: Sequence[int]) -> int:
    """The width of a box table whose columns are this wide."""
    return sum(widths) + PER_COLUMN * len(widths) + EDGE


def fold_header(header: str, widest_cell: int) -> str:
    """A header wider than its column's cells, folded at spaces and underscores (place_code →
    place_ / code); a header that cannot fold stays whole."""
    if cell_len(header) <= widest_cell:
        return header
    words, lines = header.replace("_", "_ ").split(" "), []
    for word in words:
        if lines and cell_len(lines[-1] + (" " if not lines[-1].endswith("_") else "") + word) <= widest_cell:
            lines[-1] += ("" if lines[-1].endswith("_") else " ") + word
        else:
            lines.append(word)
    return "\n".join(lines)


@dataclass
class Column:
    """One column as laid out: its (folded) header, the cells' widest line, its floor."""
    name: str
    header: str
    natural: int     # widest cell or header line, unwrapped
    floor: int       # the narrowest it may get (== natural unless it wraps)

    @property
    def wraps(self) -> bool:
        return self.floor < self.natural


def measure(name: str, cells: Sequence[str], wrap_floor: int | None = None, fold: bool = True) -> Column:
    widest = max((width_of(c) for c in cells), default=0)
    header = fold_header(name, max(widest, wrap_floor or 0)) if fold else name
    natural = max(widest, width_of(header))
    floor = natural if wrap_floor is None else min(natural, max(wrap_floor, width_of(header)))
    return Column(name, header, natural, floor)


def measure_all(names: Sequence[str], cells: dict[str, Sequence[str]], available: int,
                wrap_floors: dict[str, int] | None = None) -> list[Column]:
    """The columns as they are when the table fits whole; with folded headers when it does not."""
    floors = wrap_floors or {}
    whole = [measure(c, cells[c], floors.get(c), fold=False) for c in names]
    if table_width([c.natural for c in whole]) <= available:
        return whole
    return [measure(c, cells[c], floors.get(c)) for c in names]


def choose(columns: list[Column], available: int, least_needed: Sequence[str] = LEAST_NEEDED
           ) -> tuple[list[Column], list[str]]:
    """The columns to show at this width: the least needed are left out, one by one, until
    the rest fit at their floors (the first column always stays)."""
    kept, dropped = list(columns), []
    for name in least_needed:
        if table_width([c.floor for c in kept]) <= available:
            break
        for c in kept[1:]:
            if c.name == name:
                kept.remove(c)
                dropped.append(name)
    # still too wide: drop from the right, never the first column
    while len(kept) > 1 and table_width([c.floor for c in kept]) > available:
        dropped.append(kept.pop().name)
    return kept, dropped


def allocate(columns: list[Column], available: int) -> list[int]:
    """Widths for columns that fit at their floors: each starts at its floor, and the room
    left goes to the wrapping columns, the narrowest first, up to what they need."""
    widths = [c.floor for c in columns]
    room = available - table_width(widths)
    for i in sorted(range(len(columns)), key=lambda i: columns[i].natural - columns[i].floor):
        share = min(room, columns[i].natural - widths[i])
        if share > 0:
            widths[i] += share
            room -= share
    return widths


def split(key_width: int, widths: Sequence[int], groups: Sequence[int], available: int) -> list[list[int]]:
    """Value columns cut into parts that fit beside the row labels, never splitting a group
    (a place's target and result columns stay together). `groups[i]` is column i's group.
    A group wider than the terminal on its own still gets a part of its own."""
    parts: list[list[int]] = []
    current: list[int] = []
    by_group: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    for members in by_group.values():
        trial = current + members
        if current and table_width([key_width, *(widths[i] for i in trial)]) > available:
            parts.append(current)
            current = list(members)
        else:
            current = trial
    if current:
        parts.append(current)
    return parts


def dropped_note(dropped: Sequence[str], width: int) -> str:
    """The footnote under a table some of whose columns did not fit."""
    return f"not shown at {width} columns: {', '.join(dropped)} (-f csv shows every column)"
