"""Where a place belongs: its administrative code, level, province and parent.

The data is divisions.tsv (bench/build_divisions.py: the 2023 list of codes, units of the 2020
list that are gone marked former, and 全国 as 100000), loaded on first use.

`locate(name, hint)` takes a place as polcmp names it — a report file's stem, or the name
places.py reads from a head: 临海, 永嘉, 吉林省, 北京, 全国, 伊犁哈萨克自治州 — and answers a
Division, an Ambiguous (the candidates) or an Unknown; it never guesses.

How polcmp names places decides what a bare name means. Files drop 市/县/区 (临海市 → 临海,
朝阳区 → 朝阳) and keep every other ending (吉林省, 内蒙古自治区, 延边朝鲜族自治州, 阿克苏
地区): so 吉林 is 吉林市, never 吉林省, and 北京 is 北京市. A bare name can still stand for
several units: 朝阳 is 朝阳市, 朝阳县 (both in 辽宁), and the 朝阳区 of 北京 and of 长春.
Then the hint — what the report itself says in its head (title, congress line, speaker,
我代表…政府) — decides, if it names exactly one of them: 朝阳市第七届人民代表大会 names
朝阳市; 北京市朝阳区 names 北京's 朝阳区 (北京市 there only qualifies 朝阳区: a name directly
followed by one of its own units' names is a qualifier, not the place speaking). A head that
names no candidate may still give the level it speaks as (我代表市人民政府: 邵阳市, not 邵阳县). When the head
names none of them, the whole text may still tell where the place lies: it names the
province or prefecture of one candidate (浙江, 温州 for 龙港市) at least _DOMINANT times as
often as those of any other (辽宁, 葫芦岛 for 龙港区), counting only ancestors the candidates do
not share. That separates units of different provinces or prefectures, never a city from its
own county (朝阳市, 朝阳县). Otherwise the answer is Ambiguous. The file path is never a hint.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from . import compiled
from .errors import PolcmpError
from .reports import read_report
from .places import NATION, canonical_place, report_head, short_forms, stated_levels

NATION_CODE = "100000"
LEVELS = ("nation", "province", "prefecture", "county", "district")
CURRENT, FORMER = "current", "former"
_DOMINANT = 3     # the text names one candidate's surroundings this many times more than another's
_PROVINCE_ENDINGS = re.compile(r"(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$")


class Division(NamedTuple):     # a tuple: 3,300 of them are built when the table loads
    code: str                 # 6 digits: 331082
    name: str                 # full name: 临海市
    level: str                # nation | province | prefecture | county | district
    parent: str | None        # the parent's code (331000 台州市); None for the nation
    province: str | None      # the province-level unit's name (浙江省); None for the nation
    status: str = CURRENT     # former: in the 2020 list, gone by 2023
    formerly: str = ""        # an older name of this code (桥东区 for 襄都区)

    @property
    def province_code(self) -> str | None:
        return None if self.level == "nation" else self.code[:2] + "0000"


class Ambiguous(NamedTuple):
    """A name that stands for several divisions the hint does not tell apart."""
    name: str
    candidates: tuple[Division, ...]

    @property
    def reason(self) -> str:
        listed = ", ".join(f"{describe(d)}" for d in self.candidates)
        return f"{self.name!r} could be {listed}; the report's head does not say which"


class Unknown(NamedTuple):
    """A name no division has."""
    name: str

    @property
    def reason(self) -> str:
        return f"{self.name!r} is no administrative division polcmp knows (divisions.tsv)"


Located = Division | Ambiguous | Unknown


def describe(d: Division) -> str:
    """北京市朝阳区 (110105, district): the name under its ancestors, code and level."""
    chain = [a.name for a in reversed(ancestors(d)) if a.level != "nation"] + [d.name]
    former = ", former" if d.status == FORMER else ""
    return f"{''.join(chain)} ({d.code}, {d.level}{former})"


# ---------------------------------------------------------------- the table
class _Table(NamedTuple):
    """The TSV's rows by code, and codes by name; a Division is built only when asked for
    (every report looks up a name or two, not 3,300 units)."""
    rows: dict[str, list[str]]              # code → [code, name, level, parent, status, formerly]
    by_name: dict[str, list[str]]           # full names (临海市) and former names → codes
    by_short: dict[str, list[str]]          # file-stem forms (临海) → codes


@cache
def _table() -> _Table:
    """Built once per polcmp version and kept in the compiled cache (compiled.py): building it
    takes longer than extracting a small report."""
    return compiled.remembered(("divisions",), _build_table, dump=tuple, restore=lambda stored: _Table(*stored))


def _build_table() -> _Table:
    rows: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    by_short: dict[str, list[str]] = {}
    text = Path(__file__).with_name("divisions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith(("#", "code\t")) or not line:
            continue
        fields = line.split("\t")
        code = fields[0]
        rows[code] = fields
        for known in (fields[1], fields[5]) if fields[5] else (fields[1],):
            by_name.setdefault(known, []).append(code)
            by_short.setdefault(canonical_place(known), []).append(code)
    return _Table(rows, by_name, by_short)


@cache
def division(code: str) -> Division | None:
    """The division of a code (331082), or None."""
    rows = _table().rows
    fields = rows.get(code)
    if fields is None:
        return None
    _, name, level, parent, status, formerly = fields
    province = None if level == "nation" else rows[code[:2] + "0000"][1]
    return Division(code, name, level, parent or None, province, status, formerly)


def _divisions(codes) -> tuple[Division, ...]:
    return tuple(division(code) for code in codes)


@cache
def _children() -> dict[str, frozenset[str]]:
    """Parent code → its units' full names (only a head's qualifiers need them)."""
    children: dict[str, set[str]] = {}
    for code, name, _level, parent, *_ in _table().rows.values():
        if parent:
            children.setdefault(parent, set()).add(name)
    return {k: frozenset(v) for k, v in children.items()}


def parent_of(d: Division) -> Division | None:
    return division(d.parent) if d.parent else None


def ancestors(d: Division) -> list[Division]:
    """Parent first, the nation last."""
    chain, up = [], parent_of(d)
    while up:
        chain.append(up)
        up = parent_of(up)
    return chain


# ---------------------------------------------------------------- locating
def locate(name: str | None, hint: str | None = None, text: str | None = None) -> Located:
    """The division a place name (as polcmp names places) stands for; see the module docstring.
    `hint`: what the report says of itself (its head), to tell same-named units apart;
    `text`: the whole report, whose mentions of provinces and prefectures are the last resort."""
    name = (name or "").strip()
    if name == NATION:
        return division(NATION_CODE)
    candidates = _candidates(name)
    if not candidates:
        return Unknown(name)
    if len(candidates) > 1 and hint:
        candidates = _named_by(hint, candidates)
    if len(candidates) > 1 and text:
        candidates = _surroundings_named(text, candidates)
    return candidates[0] if len(candidates) == 1 else Ambiguous(name, candidates)


def locate_report(report) -> Located:
    """The division of a Report (reports.Report): its place, told apart by its own head."""
    if not report.place:
        return Unknown("")
    return locate(report.place, "".join(report_head(report.plain)), report.plain)


def locate_file(place: str | None, path: str) -> Located:
    """The division of a corpus entry: by its name alone when that is enough, else by the
    report's own words (read only then)."""
    found = locate(place)
    if isinstance(found, Ambiguous):
        try:
            return locate_report(read_report(path))
        except PolcmpError:
            return found
    return found


def _candidates(name: str) -> tuple[Division, ...]:
    """Units the name can stand for: the full name given (朝阳区, 吉林省), else every unit whose
    file-stem form it is (朝阳: 朝阳市, 朝阳县, 朝阳区 …), else a province's or 自治州's short
    form (新疆)."""
    table = _table()
    found = table.by_name.get(name) or table.by_short.get(canonical_place(name), ())
    if not found:
        for full, forms in short_forms().items():
            if name in forms:
                found = table.by_name.get(full) or table.by_short.get(full, ())
                break
    return _divisions(found)


def _named_by(hint: str, candidates: tuple[Division, ...]) -> tuple[Division, ...]:
    """The candidates the hint names (a qualifier such as 北京市 in 北京市朝阳区 names nothing);
    among several, the ones it names under an ancestor (北京市朝阳区). All of them when it names
    none: the hint then tells nothing."""
    children = _children()
    named, qualified = [], []
    for d in candidates:
        for m in re.finditer("|".join(re.escape(n) for n in (d.name, d.formerly) if n), hint):
            rest = hint[m.end():m.end() + 12]
            if any(rest.startswith(child) for child in children.get(d.code, ())):
                continue
            if d not in named:
                named.append(d)
            before = hint[max(0, m.start() - 12):m.start()]
            if d not in qualified and any(before.endswith(form) for a in ancestors(d) for form in _forms(a)):
                qualified.append(d)
    if len(named) > 1 and qualified:
        named = qualified
    if not named:    # 我代表市人民政府: the level it speaks as, when it names itself no further
        levels = stated_levels(hint)
        named = [d for d in candidates if d.name.endswith(tuple(levels))] if levels else []
    return tuple(named) or candidates


def _surroundings_named(text: str, candidates: tuple[Division, ...]) -> tuple[Division, ...]:
    """The one candidate whose own ancestors (those the others do not share, nor are
    candidates themselves) the text names far more often than any other's; else all."""
    lines = [{a.code: a for a in ancestors(d) if a.level != "nation"} for d in candidates]
    shared = set.intersection(*(set(line) for line in lines)) | {d.code for d in candidates}
    scores = []
    for line in lines:
        forms = sorted({f for code, a in line.items() if code not in shared for f in _forms(a)}, key=len, reverse=True)
        scores.append(len(re.findall("|".join(map(re.escape, forms)), text)) if forms else 0)
    ranked = sorted(scores, reverse=True) + [0]
    if ranked[0] == 0 or ranked[0] < _DOMINANT * ranked[1]:
        return candidates
    return (candidates[scores.index(ranked[0])],)


def _forms(d: Division) -> tuple[str, ...]:
    """How a text names an ancestor before its unit: 北京市 / 北京, 辽宁省 / 辽宁."""
    if d.level == "nation":
        return ()
    return tuple(dict.fromkeys((d.name, canonical_place(d.name), *short_forms().get(d.name, ()),
                                _PROVINCE_ENDINGS.sub("", d.name) if d.level == "province" else d.name)))


def find_province(name: str) -> Division | None:
    """A province-level unit by the name a user types: 山东, 山东省, 广西, 广西壮族自治区, 北京."""
    name = name.strip()
    for code, _name, level, *_ in _table().rows.values():
        if level == "province" and name and name in _forms(division(code)):
            return division(code)
    return None


def in_province(d: Located, province: Division) -> bool:
    return isinstance(d, Division) and d.province_code == province.code


def place_entries(entries) -> dict[str, Located]:
    """Each place of corpus entries (anything with .place and .path) → where it belongs: by its
    name, else by the first of its reports whose own words tell."""
    paths: dict[str, list[str]] = {}
    for e in entries:
        paths.setdefault(e.place, []).append(e.path)
    placed: dict[str, Located] = {}
    for place, files in paths.items():
        found = locate(place)
        for path in files if isinstance(found, Ambiguous) else ():
            found = locate_file(place, path)
            if isinstance(found, Division):
                break
        placed[place] = found
    return placed


def entries_in_province(entries, province: Division) -> tuple[list, dict[str, Located]]:
    """The entries of places in `province`, the province itself first, then by code (a
    prefecture before its counties); and the places that could not be placed, with why."""
    placed = place_entries(entries)
    inside = [e for e in entries if in_province(placed[e.place], province)]
    inside.sort(key=lambda e: (placed[e.place].code, e.year or 0, e.path))
    return inside, {p: d for p, d in placed.items() if not isinstance(d, Division)}


def province_selection(entries, name: str, where: object = "") -> tuple[list, dict[str, Located]]:
    """--province NAME / province=NAME: the entries of places in that province (the province
    first), and the places that could not be placed, with why. A PolcmpError when the name is
    no province or no entry lies in it."""
    province = find_province(name)
    if province is None:
        raise PolcmpError(f"--province {name}: no province, autonomous region or municipality of that name "
                          f"(try 山东 or 山东省, 广西, 北京)")
    inside, unplaced = entries_in_province(entries, province)
    if not inside:
        raise PolcmpError(f"no report of a place in {province.name}{f' in {where}' if where else ''} "
                          f"(polcmp places lists them)")
    return inside, unplaced
