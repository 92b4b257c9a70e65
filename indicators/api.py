"""The public Python API, re-exported as `polcmp.extract`, `polcmp.compare`, … (see polcmp.py).

Each call returns a pandas DataFrame with the columns of the command's CSV output, so a
notebook and the command line agree cell for cell. Problems raise `PolcmpError` (its
subclasses: ReportError, CatalogueError, UnknownPlace) with the same one-line message the
command prints; what the command would only warn about goes through `warnings.warn`.
No typer or rich here: this is the library side.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Iterable, Literal

import pandas as pd

from .batch import expand_inputs, extract_many
from .cache import open_cache
from .catalogue import CATALOGUE_COLUMNS, Catalogue, catalogue_rows, check_selection, load_catalogue
from .corpus import Corpus, Entry, resolve_corpus_path
from .divisions import province_selection
from .errors import PolcmpError, ReportError
from .explain import EXPLAIN_COLUMNS, explain as explain_report, explain_rows
from .extract import Extractor
from .models import COLUMNS
from .numbers import read_quantities
from .reports import read_report, report_from_text

__all__ = ["extract", "compare", "track", "catalogue", "explain", "read_numbers", "write", "PolcmpError"]

PathLike = str | os.PathLike
Source = PathLike | Iterable[PathLike]
Status = Literal["target", "achieved", "all"]

# A string with one of these endings and no line break names a file, even if it is missing
# (a typo must be an error, not an empty table read from the name as text).
_REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


def extract(source: Source, *, status: Status = "all", indicators: Iterable[str] | None = None,
            words: bool = False, encoding: str | None = None, rules: PathLike | None = None,
            extra_rules: Iterable[PathLike] = (), jobs: int = 1, cache: bool = True,
            errors: Literal["raise", "warn"] = "raise") -> pd.DataFrame:
    """Every indicator value, one row each, with the columns of `polcmp extract -f csv`.

    `source` is a report's text, a file or folder path, or a list of paths (a folder means
    every report below it). `words=True` adds targets stated in words (value empty, the
    words in `qualifier_text`). A report that cannot be read raises ReportError, or with
    errors="warn" is skipped with a warning."""
    cat = _catalogue(rules, extra_rules)
    wanted, _ = _selection(cat, indicators, None)
    extractor = Extractor(cat)
    text = _as_text(source)
    if text is not None:
        outcomes = [(None, extractor.extract(report_from_text(text)))]
    else:
        paths, problems = expand_inputs([os.fspath(p) for p in _as_paths(source)])
        for problem in problems:
            _fail(problem, errors)
        outcomes = extract_many(paths, extractor, encoding, jobs, cache=open_cache(cat, cache))
    rows = []
    for _path, outcome in outcomes:
        if isinstance(outcome, ReportError):
            _fail(outcome, errors)
            continue
        rows += [v.as_dict() for v in outcome
                 if (not wanted or v.indicator in wanted) and status in ("all", v.status)
                 and (words or v.value is not None)]
    return _frame(rows, COLUMNS)


def compare(places: Iterable[str] | None = None, *, corpus: PathLike | None = None, province: str | None = None,
            status: Status = "target", indicators: Iterable[str] | None = None,
            groups: Iterable[str] | None = None, include_all: bool = False, long: bool = False,
            rules: PathLike | None = None, extra_rules: Iterable[PathLike] = (), jobs: int = 1,
            cache: bool = True) -> pd.DataFrame:
    """Indicators × places, as `polcmp compare -f csv` (long=True: one row per value, as
    `--long`). Places as on the command line (临海, 临海:2023, 浙江省:2015-2024) or report
    paths; `province` adds every place of the corpus in that province; no places and no
    province: every report of the corpus."""
    from .compare import LONG_COLUMNS, compare as build, wide_columns

    cat = _catalogue(rules, extra_rules)
    ids, group_set = _selection(cat, indicators, groups)
    library = Corpus(resolve_corpus_path(corpus))
    reports = _extracted(_entries(library, places, province), cat, jobs, cache)
    statuses = ("target", "achieved") if status == "all" else (status,)
    result = build(reports, cat, statuses, ids or None, group_set or None, include_all)
    for note in result.notes:
        warnings.warn(note, stacklevel=2)
    if long:
        return _tagged(_frame(result.long, LONG_COLUMNS))
    return _tagged(_frame(result.wide, wide_columns(result)), place_columns=result.columns)


def track(places: Iterable[str] | None = None, *, corpus: PathLike | None = None, province: str | None = None,
          years: int | tuple[int, int] | None = None, indicators: Iterable[str] | None = None,
          groups: Iterable[str] | None = None, long: bool = False, rules: PathLike | None = None,
          extra_rules: Iterable[PathLike] = (), jobs: int = 1, cache: bool = True) -> pd.DataFrame:
    """Targets against results, as `polcmp track -f csv`: one row per place, year and
    indicator, the target of year t (report t) beside the result for t (report t+1), the gap
    and the verdict. `years` is one year or (first, last). long=True: every candidate value,
    as `--long`. No places and no province: every place of the corpus."""
    from .track import COLUMNS as TRACK_COLUMNS, LONG_COLUMNS, track as build

    cat = _catalogue(rules, extra_rules)
    ids, group_set = _selection(cat, indicators, groups)
    span = (years, years) if isinstance(years, int) else tuple(years) if years else None
    library = Corpus(resolve_corpus_path(corpus))
    entries = [e for e in _entries(library, places, province) if e.year is not None]
    if span:   # the report of the last year + 1 holds that year's results
        entries = [e for e in entries if span[0] <= e.year <= span[1] + 1]
    if not entries:
        raise PolcmpError(f"no dated reports{f' of {years}' if years else ''} for these places in {library.root}")
    result = build(_extracted(entries, cat, jobs, cache), cat, ids or None, group_set or None, span)
    for same in result.duplicates:
        warnings.warn(f"{same[0].place} {same[0].year}: {len(same)} reports; using {same[0].path}", stacklevel=2)
    rows, columns = (result.long, LONG_COLUMNS) if long else (result.rows, TRACK_COLUMNS)
    return _tagged(_frame(rows, columns), table="track_long" if long else "track")


def catalogue(rules: PathLike | None = None, extra_rules: Iterable[PathLike] = ()) -> pd.DataFrame:
    """The indicators, as `polcmp rules list -f csv`: id, name, group, unit, counts, description."""
    return _frame(catalogue_rows(_catalogue(rules, extra_rules)), CATALOGUE_COLUMNS)


def explain(text_or_path: PathLike, *, line: int | None = None, rules: PathLike | None = None,
            extra_rules: Iterable[PathLike] = ()) -> pd.DataFrame:
    """Every number of a sentence, as `polcmp explain -f csv`: how it was read, which
    indicator and pattern claimed it, or why none did. With `line`, line N of a report file."""
    cat = _catalogue(rules, extra_rules)
    span = None
    if line is not None:
        report = read_report(text_or_path)
        starts = [0] + [i + 1 for i, ch in enumerate(report.text) if ch == "\n"]
        if not 1 <= line <= len(starts):
            raise PolcmpError(f"{text_or_path}: has {len(starts)} lines, not {line}")
        span = (starts[line - 1], starts[line] if line < len(starts) else len(report.text))
    else:
        report = report_from_text(os.fspath(text_or_path))
    return _frame(explain_rows(explain_report(report, Extractor(cat), span), cat), EXPLAIN_COLUMNS)


def read_numbers(text: str) -> pd.DataFrame:
    """Every quantity of a text, whatever its unit: raw, start, end, value, value_max, unit,
    qualifier (四万五千元 → 45000 元; 2万-6万元 → 20000–60000; a numeral that cannot be read
    whole has no value)."""
    rows = [{"raw": text[q.start:q.end], "start": q.start, "end": q.end, "value": q.value, "value_max": q.value_max,
             "unit": q.unit, "qualifier": q.qualifier} for q in read_quantities(text)]
    return _frame(rows, ("raw", "start", "end", "value", "value_max", "unit", "qualifier"))


def write(frame: pd.DataFrame, path: PathLike, *, fmt: str | None = None, codebook: bool = False) -> Path:
    """Write a frame of polcmp's (or any DataFrame) as the command's -o would: the format from
    the extension (.csv .tsv .json .jsonl .xlsx .parquet .dta) or `fmt`; Excel with Chinese
    titles over the column names (read back with pd.read_excel(path, header=1)), typed
    Parquet, Stata 118 with ASCII names and the meanings as variable labels. Atomically, the
    mode kept; codebook=True writes `<name>.datapackage.json` beside it. Returns the path."""
    from .atomic import write_bytes
    from .codebook import datapackage, describe
    from .writers import UnknownFormat, format_for_path, stata_names, to_bytes

    path = Path(path)
    fmt = fmt or format_for_path(path)
    if fmt is None:
        raise UnknownFormat(f"{path}: unknown extension; use .csv .tsv .json .jsonl .xlsx .parquet .dta, or fmt=")
    fields = describe(list(frame.columns), table=frame.attrs.get("polcmp_table"),
                      place_columns=frame.attrs.get("polcmp_place_columns", ()), frame=frame)
    written = write_bytes(path, to_bytes(frame, fmt, fields))
    if codebook:
        names = stata_names([f.name for f in fields]) if fmt == "dta" else None
        package = json.dumps(datapackage(fields, path, fmt, names=names), ensure_ascii=False, indent=2) + "\n"
        write_bytes(path.with_name(path.stem + ".datapackage.json"), package.encode("utf-8"))
    return written


# --- shared steps -------------------------------------------------------------------------

def _catalogue(rules, extra_rules) -> Catalogue:
    return load_catalogue(rules, list(extra_rules or ()))


def _selection(cat: Catalogue, indicators, groups) -> tuple[set[str], set[str]]:
    """The asked indicator ids and groups, every one known (a PolcmpError naming the closest
    otherwise); a lone string is one name."""
    ids = {indicators} if isinstance(indicators, str) else set(indicators or ())
    group_set = {groups} if isinstance(groups, str) else set(groups or ())
    check_selection(cat, sorted(ids), sorted(group_set))
    return ids, group_set


def _entries(library: Corpus, places, province: str | None) -> list[Entry]:
    """The corpus entries asked for: named places, a province's places, or (neither) all."""
    places = [places] if isinstance(places, str) else list(places or ())
    if not places and not province:
        return list(library.entries)
    entries = library.resolve_all(places)
    if province:
        inside, unplaced = province_selection(library.entries, province, library.root)
        for place, why in unplaced.items():
            warnings.warn(f"{place}: {why.reason}; left out of province {province}", stacklevel=3)
        entries += [e for e in inside if e not in entries]
    return entries


def _extracted(entries: list[Entry], cat: Catalogue, jobs: int, cache: bool) -> list:
    """(entry, values) per entry; a report that cannot be read raises its ReportError."""
    outcomes = extract_many([e.path for e in entries], Extractor(cat), jobs=jobs, cache=open_cache(cat, cache))
    reports = []
    for entry, (_path, outcome) in zip(entries, outcomes):
        if isinstance(outcome, ReportError):
            raise outcome
        reports.append((entry, outcome))
    return reports


def _as_text(source) -> str | None:
    """The source as report text, or None when it names files."""
    if not isinstance(source, str):
        return None
    if "\n" not in source and (Path(source).exists() or source.lower().endswith(_REPORT_SUFFIXES)):
        return None
    return source


def _as_paths(source) -> list:
    return [source] if isinstance(source, (str, os.PathLike)) else list(source)


def _fail(problem: ReportError, errors: str) -> None:
    if errors == "raise":
        raise problem
    warnings.warn(str(problem), stacklevel=3)


def _tagged(frame: pd.DataFrame, table: str | None = None, place_columns=()) -> pd.DataFrame:
    """Note in the frame which table it is, so write() describes its columns right (a track's
    `year` is the year the target is about; a comparison's place columns)."""
    if table:
        frame.attrs["polcmp_table"] = table
    if place_columns:
        frame.attrs["polcmp_place_columns"] = list(place_columns)
    return frame


def _frame(rows: list[dict], columns) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))
