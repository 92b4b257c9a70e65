"""The indicator catalogue: load rules.yaml, validate every part of it, compile its patterns.

A catalogue is data the users own (see rules.yaml's header for the format). Loading it
either returns a ready `Catalogue` or raises `CatalogueError` listing *every* problem,
each with its path (`indicators[3].patterns[0]: unknown fragment {PCT}`).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import warnings
from bisect import bisect_right
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from . import compiled
from .errors import CatalogueError, PolcmpError
from .paths import bundled, chosen
from .safe_regex import PatternCompiler, UnsafePattern
from .suggest import suggest

FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
ID = re.compile(r"[a-z][a-z0-9_]*")
QUALIFIERS = ("=", ">=", ">", "<=", "<", "~")
ENV_RULES = "POLCMP_RULES"
# The link of a catalogue that defines no LINK fragment: a few connector words.
DEFAULT_LINK = r"(?:\s|[“”\"()]|达到|达|为|至|超过|突破|约|共|新增|增长|以上|左右)*"


@dataclass(slots=True)
class Example:
    """A real sentence and what the indicator must read from it (value None: nothing)."""
    text: str
    value: float | None          # None for a counterexample
    qualifier: str | None = None
    value_max: float | None = None
    note: str = ""               # why a counterexample yields nothing
    source: str = ""             # the report it was taken from


@dataclass(slots=True)
class Indicator:
    """One compiled indicator. extract.subject_in finds pattern i followed by its link."""
    id: str
    name: str
    group: str
    unit: str
    patterns: list[str]                 # as written in the catalogue
    expanded: list[str]                 # the same with fragments substituted
    subjects: list[re.Pattern]          # the patterns, compiled
    after: list[re.Pattern]             # patterns that may follow the number instead (after: true)
    link: re.Pattern                    # what may stand between subject and number
    context: re.Pattern | None          # must occur in the clause before the number
    exclude: re.Pattern | None          # vetoes a match when it occurs in the lead
    plausible: tuple[float, float] | None   # one-year values outside are misreadings
    examples: list[Example] = field(default_factory=list)
    counterexamples: list[Example] = field(default_factory=list)
    description: str = ""
    whole: bool = False                 # a figure of the whole place: not of a PART of it (新区, 开发区 …)
    ceiling: bool = False               # lower is better: a target is at most its value (物价涨幅3%左右)


@dataclass(slots=True)
class Catalogue:
    source: str
    groups: dict[str, str]              # id → Chinese heading
    units: dict[str, dict[str, float]]  # base unit → {written unit: factor}
    coordinations: dict[str, list[str]]
    counted: frozenset[str]             # units of whole things (家, 人)
    fill: re.Pattern                    # FILL fragment, compiled: connector words
    indicators: list[Indicator]
    fragments: dict[str, str] = field(default_factory=dict)   # every fragment, references substituted
    fingerprint: str = ""               # hash of the source data: cached values are keyed by it
    compiler: PatternCompiler = field(default_factory=PatternCompiler)   # how its patterns are run

    def regex(self, src: str, derived_from: tuple[str, ...] = ()):
        """A pattern from this catalogue's parts, compiled as safely as they are trusted."""
        return self.compiler.compile(src, derived_from)

    def regex_union(self, sources: list[str]):
        """(?:a)|(?:b)|… of this catalogue's patterns."""
        return self.compiler.union(sources)

    def by_id(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def written_units(self) -> set[str]:
        return {w for forms in self.units.values() for w in forms}


# The columns of `polcmp rules list -f csv` and polcmp.catalogue().
CATALOGUE_COLUMNS = ("id", "name", "group", "unit", "patterns", "examples", "counterexamples", "description")


def catalogue_rows(catalogue: Catalogue) -> list[dict]:
    """One row per indicator: id, Chinese name, group, unit, how many patterns and examples."""
    return [{"id": i.id, "name": i.name, "group": i.group, "unit": i.unit, "patterns": len(i.patterns),
             "examples": len(i.examples), "counterexamples": len(i.counterexamples),
             "description": i.description} for i in catalogue.indicators]


def check_indicator_ids(catalogue: Catalogue, wanted: list[str]) -> None:
    """Unknown --indicator ids are a usage error that names the closest known ids."""
    known = [ind.id for ind in catalogue.indicators]
    for ind_id in wanted:
        if ind_id not in known:
            close = suggest(ind_id, known, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else " (polcmp rules list shows them)"
            raise PolcmpError(f"unknown indicator {ind_id!r}{hint}")


def check_selection(catalogue: Catalogue, indicators: list[str] | None, groups: list[str] | None) -> None:
    """--indicator and --group name things the catalogue has (a usage error otherwise)."""
    check_indicator_ids(catalogue, sorted(set(indicators or [])))
    for group in sorted(set(groups or []) - set(catalogue.groups)):
        close = suggest(group, catalogue.groups, n=2)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise PolcmpError(f"unknown group {group} ({hint}groups: {', '.join(catalogue.groups)})")


def resolve_rules_path(explicit: str | os.PathLike | None = None) -> Path:
    """--rules wins, then $POLCMP_RULES, then the built-in rules.yaml."""
    return chosen(explicit, ENV_RULES, bundled("rules.yaml"))


# A catalogue is a hand-written text file: the built-in one is about 100 KB. A bigger file, or
# one that is not a regular file (/dev/zero, a FIFO), is refused before it is read.
MAX_CATALOGUE_BYTES = 8 * 1024 * 1024


def read_catalogue_file(path: Path) -> tuple[dict, str]:
    """(parsed data, raw text) of one catalogue file. Raises CatalogueError if unreadable,
    too large, not a regular file, not YAML, or (a user's file) using YAML aliases, which can
    expand a few lines into gigabytes."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CatalogueError(str(path), ["not a regular file"], unreadable=True)
        if info.st_size > MAX_CATALOGUE_BYTES:
            raise CatalogueError(str(path), [f"{info.st_size:,} bytes: a catalogue may have at most "
                                             f"{MAX_CATALOGUE_BYTES // 2**20} MB"], unreadable=True)
        raw_text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogueError(str(path), ["no such file"], unreadable=True) from None
    except (OSError, UnicodeDecodeError) as e:
        raise CatalogueError(str(path), [f"cannot read: {e}"], unreadable=True) from None
    return parse_catalogue_text(raw_text, path), raw_text


def parse_catalogue_text(raw_text: str, path: Path):
    """The YAML of a catalogue file, parsed. What a text parses to is kept in the compiled cache
    by the text's hash (compiled.py): YAML takes longer to import and parse than a small run takes
    to extract a report, and a catalogue is read on every run but rarely edited. Text that is not
    valid YAML, or parses to something marshal cannot hold (a date), is parsed every time."""
    built_in = path.resolve() == bundled("rules.yaml").resolve()
    return compiled.remembered(("catalogue-yaml", built_in, hashlib.sha256(raw_text.encode("utf-8")).hexdigest()),
                               lambda: _parse_yaml(raw_text, path, check_aliases=not built_in))


def _parse_yaml(raw_text: str, path: Path, check_aliases: bool):
    import yaml   # here, not at the top: a run whose catalogue is remembered never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if check_aliases:
            _refuse_aliases(raw_text, path, yaml, loader)
        return yaml.load(raw_text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise CatalogueError(str(path), [f"not valid YAML ({getattr(e, 'problem', None) or e})"],
                             [mark.line + 1 if mark else None]) from None


def _refuse_aliases(raw_text: str, path: Path, yaml, loader) -> None:
    """A YAML alias (*name) is a CatalogueError at its line: a catalogue never needs one, and
    nested aliases are the 'billion laughs' of YAML. One pass over the parser's events."""
    for event in yaml.parse(raw_text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise CatalogueError(str(path), [f"YAML alias *{event.anchor}: aliases are not allowed in a catalogue "
                                             "(write the value out)"], [event.start_mark.line + 1])


def load_catalogue(path: str | os.PathLike | None = None, extra: list | tuple = ()) -> Catalogue:
    """Read, validate and compile a catalogue (--rules / $POLCMP_RULES / the built-in one),
    plus the indicators of any `extra` catalogue files. Raises CatalogueError."""
    p = resolve_rules_path(path)
    data, raw_text = read_catalogue_file(p)
    if not extra:
        built_in = p.resolve() == bundled("rules.yaml").resolve()
        try:
            return compile_catalogue(data, str(p), PatternCompiler() if built_in else None)
        except CatalogueError as e:
            raise e.with_lines(raw_text) from None
    merged = _merge_extra(data, p, [Path(x) for x in extra])
    return compile_catalogue(merged, " + ".join([str(p), *map(str, extra)]))


@lru_cache(maxsize=1)
def built_in_sources() -> frozenset[str]:
    """Every pattern the built-in catalogue compiles (fragments, subjects, links, contexts,
    excludes). They are tested and fast; any other pattern is a user's and runs checked."""
    data, _ = read_catalogue_file(bundled("rules.yaml"))
    catalogue = compile_catalogue(data, "rules.yaml", PatternCompiler())
    sources = set(catalogue.fragments.values()) | {catalogue.fill.pattern}
    for ind in catalogue.indicators:
        sources.update(ind.expanded)
        sources.update(rx.pattern for rx in (ind.link, ind.context, ind.exclude) if rx is not None)
    return frozenset(sources)


def _merge_extra(base: dict, base_path: Path, extras: list[Path]) -> dict:
    """The base catalogue with the indicators (and new fragments, units, groups) of each extra
    file appended. Every extra file is first validated on its own terms, with its own paths."""
    if not isinstance(base, dict):
        raise CatalogueError(str(base_path), ["top level must be a mapping with 'indicators'"])
    merged = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v) for k, v in base.items()}
    origin: dict[tuple[str, str], Path] = {}   # (section, name) an extra file added → that file
    known = {i["id"]: base_path for i in base.get("indicators") or [] if isinstance(i, dict) and isinstance(i.get("id"), str)}
    for path in extras:
        data, raw_text = read_catalogue_file(path)
        problems = []
        if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
            problems.append("indicators: must be a non-empty list")
            data = {}
        for section in ("fragments", "units", "groups", "coordinations"):
            for name, value in (data.get(section) or {}).items():
                if name not in (merged.get(section) or {}):
                    merged.setdefault(section, {})[name] = value
                    origin[section, name] = path
                elif merged[section][name] != value:
                    where = origin.get((section, name), base_path)
                    problems.append(f"{section}.{name}: already defined differently in {where}")
        for i, ind in enumerate(data.get("indicators") or []):
            if not isinstance(ind, dict) or not isinstance(ind.get("id"), str):
                continue   # compile_catalogue below names the problem with its path
            if ind["id"] in known:
                problems.append(f"indicators[{i}].id: {ind['id']} is already defined in {known[ind['id']]}")
            else:
                known[ind["id"]] = path
        if problems:
            raise CatalogueError(str(path), problems).with_lines(raw_text)
        try:   # its own problems, with its own paths and lines
            compile_catalogue({**merged, "indicators": data["indicators"]}, str(path))
        except CatalogueError as e:
            raise e.with_lines(raw_text) from None
        merged["indicators"] = list(merged.get("indicators") or []) + data["indicators"]
    return merged


def compile_catalogue(data, source: str = "<catalogue>", compiler: PatternCompiler | None = None) -> Catalogue:
    """Validate a parsed catalogue and compile it. Collects every problem before raising.
    Its patterns run checked (safe_regex.py) but for those of the built-in catalogue."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise CatalogueError(source, ["top level must be a mapping with 'indicators'"])
    compiler = compiler or PatternCompiler(built_in_sources())

    groups = _mapping(data, "groups", problems)
    units = _compile_units(data.get("units"), problems)
    coordinations = {str(k): [str(x) for x in v] for k, v in _mapping(data, "coordinations", problems).items()
                     if isinstance(v, list)}
    fragments = _mapping(data, "fragments", problems)
    expanded = _expand_fragments(fragments, problems)
    fill = _compile(compiler, expanded.get("FILL", r"\s"), "fragments.FILL", problems)

    indicators: list[Indicator] = []
    raw_list = data.get("indicators")
    if not isinstance(raw_list, list) or not raw_list:
        problems.append("indicators: must be a non-empty list")
        raw_list = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_list):
        ind = _compile_indicator(raw, f"indicators[{i}]", expanded, groups, units, seen, problems, compiler)
        if ind:
            indicators.append(ind)
    counted = data.get("counted") or []
    if not isinstance(counted, list):
        problems.append("counted: must be a list of units")
    if problems:
        raise CatalogueError(source, problems)
    return Catalogue(source, {str(k): str(v) for k, v in groups.items()}, units, coordinations,
                     frozenset(map(str, counted)), fill, indicators, expanded, data_fingerprint(data), compiler)


def data_fingerprint(data) -> str:
    """A stable hash of parsed catalogue data: equal content, equal hash, whatever the key order."""
    try:
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    except TypeError:   # keys of mixed types cannot be sorted; file order is stable enough
        text = repr(data)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _mapping(data: dict, key: str, problems: list[str]) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        problems.append(f"{key}: must be a mapping")
        return {}
    return value


def _compile_units(raw, problems: list[str]) -> dict[str, dict[str, float]]:
    if not isinstance(raw, dict) or not raw:
        problems.append("units: must be a mapping of base unit → written forms")
        return {}
    units: dict[str, dict[str, float]] = {}
    for base, forms in raw.items():
        if isinstance(forms, list):
            forms = {str(f): 1 for f in forms}
        if not isinstance(forms, dict) or not all(isinstance(v, (int, float)) for v in forms.values()):
            problems.append(f"units.{base}: must list written forms, or map them to a factor")
            continue
        units[str(base)] = {str(k): v for k, v in forms.items()}
    return units


def _expand_fragments(fragments: dict, problems: list[str]) -> dict[str, str]:
    """Resolve {NAME} references between fragments (in any order); report unknown names and cycles."""
    done: dict[str, str] = {}

    def expand(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name in stack:
            problems.append(f"fragments.{name}: refers to itself through {' → '.join(stack + (name,))}")
            return ""
        body = fragments[name]
        if isinstance(body, list) and body and all(isinstance(x, str) for x in body):
            body = "|".join(body)
        if not isinstance(body, str):
            problems.append(f"fragments.{name}: must be a regex or a list of regexes")
            return ""

        def sub(m: re.Match) -> str:
            ref = m.group(1)
            if ref not in fragments:
                problems.append(f"fragments.{name}: unknown fragment {{{ref}}}")
                return ""
            return "(?:" + expand(ref, stack + (name,)) + ")"
        done[name] = FRAGMENT.sub(sub, body)
        return done[name]

    for name in fragments:
        if not FRAGMENT.fullmatch("{" + str(name) + "}"):
            problems.append(f"fragments.{name}: names are UPPER_CASE")
            continue
        expand(name, ())
    return done


def _substitute(text: str, where: str, fragments: dict[str, str], problems: list[str]) -> str | None:
    missing = [m.group(1) for m in FRAGMENT.finditer(text) if m.group(1) not in fragments]
    for name in missing:
        problems.append(f"{where}: unknown fragment {{{name}}}")
    if missing:
        return None
    return FRAGMENT.sub(lambda m: "(?:" + fragments[m.group(1)] + ")", text)


def _compile(compiler: PatternCompiler, pattern: str, where: str, problems: list[str]):
    """The pattern compiled by `compiler`, or None with the reason added to `problems`."""
    try:
        return compiler.compile(pattern)
    except re.error as e:
        problems.append(f"{where}: regex does not compile ({e})")
    except UnsafePattern as e:
        problems.append(f"{where}: {e}")
    return None


def can_match_empty(pattern: str) -> bool:
    """True when the pattern's shortest match is empty: (?<=增长), (万人)?, x* — such a subject
    matches at every position. Read from the parsed pattern, so no text has to be tried."""
    try:
        from re import _parser as parser
    except ImportError:   # Python < 3.11
        import sre_parse as parser
    with warnings.catch_warnings():   # a user's odd character class is judged, not warned about
        warnings.simplefilter("ignore", FutureWarning)
        return parser.parse(pattern).getwidth()[0] == 0


# A subject names one indicator: the built-in ones occur in at most 4% of the sentences of the
# sample reports (seeds/). A user's subject found in more than half of them (., [一-龥] …) is refused.
MAX_SUBJECT_SHARE = 0.5


@lru_cache(maxsize=1)
def _sample_sentences() -> tuple[str, list[int]]:
    """The sample reports as one text, and where each of its sentences starts."""
    try:
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(bundled("seeds").glob("*.txt")))
    except OSError:
        text = ""
    starts = [0] + [m.end() for m in re.finditer(r"[。！？；!?;\n]+", text)]
    return text, starts


def sentence_share(subject) -> float:
    """The share of the sample reports' sentences in which `subject` matches (0 without samples)."""
    text, starts = _sample_sentences()
    if not text:
        return 0.0
    hits, pos = 0, 0
    while (m := subject.search(text, pos)) is not None:   # one search per sentence at most
        hits += 1
        following = bisect_right(starts, m.start())
        if following == len(starts):
            break
        pos = starts[following]
    return hits / len(starts)


def _compile_indicator(raw, where, fragments, groups, units, seen, problems, compiler) -> Indicator | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    n_before = len(problems)
    ind_id = raw.get("id")
    if not isinstance(ind_id, str) or not ID.fullmatch(ind_id):
        problems.append(f"{where}.id: must be snake_case text, got {ind_id!r}")
    elif ind_id in seen:
        problems.append(f"{where}.id: duplicate id {ind_id}")
    else:
        seen.add(ind_id)
    for key in ("name", "group", "unit"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            problems.append(f"{where}.{key}: required")
    if isinstance(raw.get("group"), str) and groups and raw["group"] not in groups:
        problems.append(f"{where}.group: unknown group {raw['group']} (known: {', '.join(groups)})")
    if isinstance(raw.get("unit"), str) and units and raw["unit"] not in units:
        problems.append(f"{where}.unit: unknown unit {raw['unit']} (known: {', '.join(units)})")
    unknown = set(raw) - {"id", "name", "group", "unit", "patterns", "link", "context", "exclude", "plausible", "after",
                          "whole", "ceiling", "examples", "counterexamples", "description"}
    for key in ("whole", "ceiling"):
        if key in raw and not isinstance(raw[key], bool):
            problems.append(f"{where}.{key}: must be true or false")
    if raw.get("whole") is True and "PART" not in fragments:
        problems.append(f"{where}.whole: needs a PART fragment (the words that name a part of the place)")
    plausible = raw.get("plausible")
    if plausible is not None and not (isinstance(plausible, list) and len(plausible) == 2
                                      and all(isinstance(x, (int, float)) for x in plausible)
                                      and plausible[0] < plausible[1]):
        problems.append(f"{where}.plausible: must be [low, high]")
    for key in sorted(unknown, key=str):
        problems.append(f"{where}.{key}: unknown key")

    default_link = "{LINK}" if "LINK" in fragments else DEFAULT_LINK
    link_src = _substitute(str(raw.get("link") or default_link), f"{where}.link", fragments, problems)
    link = _compile(compiler, link_src, f"{where}.link", problems) if link_src is not None else None
    subjects, expanded = [], []
    patterns = raw.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        problems.append(f"{where}.patterns: must be a non-empty list of regexes")
        patterns = []
    for j, pat in enumerate(patterns):
        pw = f"{where}.patterns[{j}]"
        if not isinstance(pat, str) or not pat:
            problems.append(f"{pw}: must be a non-empty string")
            continue
        src = _substitute(pat, pw, fragments, problems)
        if src is None or (subject := _compile(compiler, src, pw, problems)) is None:
            continue
        if not compiler.is_trusted(src) and can_match_empty(src):   # the built-in ones cannot
            problems.append(f"{pw}: can match the empty string (a bare lookaround, an optional whole), "
                            "so it would claim numbers anywhere; give it words it must contain")
            continue
        if not compiler.is_trusted(src) and (share := sentence_share(subject)) > MAX_SUBJECT_SHARE:
            problems.append(f"{pw}: occurs in {share:.0%} of the sentences of polcmp's sample reports, so it would "
                            "claim numbers that are not its indicator's; give it the words of one indicator")
            continue
        expanded.append(src)
        subjects.append(subject)
    optional = {}
    for key in ("context", "exclude"):
        if raw.get(key):
            src = _substitute(str(raw[key]), f"{where}.{key}", fragments, problems)
            optional[key] = _compile(compiler, src, f"{where}.{key}", problems) if src is not None else None
            if optional[key] is not None and not compiler.is_trusted(src) and can_match_empty(src):
                problems.append(f"{where}.{key}: can match the empty string, so it would hold for every sentence; "
                                "give it words it must contain")
    examples = _examples(raw.get("examples"), f"{where}.examples", problems, positive=True)
    counter = _examples(raw.get("counterexamples"), f"{where}.counterexamples", problems, positive=False)
    if len(problems) > n_before:
        return None
    return Indicator(ind_id, raw["name"], raw["group"], raw["unit"], list(patterns), expanded, subjects,
                     list(subjects) if raw.get("after") is True else [], link,
                     optional.get("context"), optional.get("exclude"),
                     tuple(plausible) if isinstance(plausible, list) else None, examples=examples, counterexamples=counter,
                     description=str(raw.get("description") or ""), whole=raw.get("whole") is True,
                     ceiling=raw.get("ceiling") is True)


def _examples(raw, where: str, problems: list[str], positive: bool) -> list[Example]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(f"{where}: must be a list")
        return []
    out = []
    for k, item in enumerate(raw):
        w = f"{where}[{k}]"
        if isinstance(item, str) and not positive:
            out.append(Example(item, None))
            continue
        unknown = set(item) - {"text", "value", "qualifier", "value_max", "why", "note", "source"} \
            if isinstance(item, dict) else set()
        for key in sorted(unknown, key=str):
            problems.append(f"{w}.{key}: unknown key")
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            problems.append(f"{w}: needs a text")
            continue
        if positive:
            if not isinstance(item.get("value"), (int, float)) or isinstance(item.get("value"), bool):
                problems.append(f"{w}.value: must be a number")
                continue
            if not isinstance(item.get("qualifier", "="), str) or item.get("qualifier", "=") not in QUALIFIERS:
                problems.append(f"{w}.qualifier: must be one of {' '.join(QUALIFIERS)}")
                continue
        out.append(Example(item["text"], item.get("value") if positive else None, item.get("qualifier"),
                           item.get("value_max"), str(item.get("why") or item.get("note") or ""),
                           str(item.get("source") or "")))
    return out
