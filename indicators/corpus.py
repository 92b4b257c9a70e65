"""Finding reports by place: a corpus is a folder of reports, named `<place>_<year>.ext`
where possible (the fast path) and identified from their text otherwise (read once: the
corpus index remembers what each text said)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .batch import expand_inputs
from .corpus_index import CorpusIndex
from .errors import PolcmpError, ReportError
from .paths import bundled, chosen
from .reports import FILE_NAME, canonical_place, read_report
from .suggest import suggest

ENV_CORPUS = "POLCMP_CORPUS"
_PLACE_YEARS = re.compile(r"^(?P<place>.+?)[:：](?P<first>(?:19|20)\d\d)(?:\s*[-–—~]\s*(?P<last>(?:19|20)\d\d))?$")


class UnknownPlace(PolcmpError):
    """A place the corpus has no report for (the message names the closest ones)."""


@dataclass(frozen=True, slots=True)
class Entry:
    place: str
    year: int | None
    path: str

    @property
    def column(self) -> str:
        """How the place is headed in a comparison: 临海 2023."""
        return f"{self.place} {self.year}" if self.year else self.place


def resolve_corpus_path(explicit: str | os.PathLike | None = None) -> Path:
    """--corpus wins, then $POLCMP_CORPUS, then the bundled sample reports."""
    return chosen(explicit, ENV_CORPUS, bundled("seeds"))


def _named_entry(place: str | None, year: int | None, path: str) -> Entry:
    """The entry of a report named by its text; a ReportError when the text does not say which
    place it is for (never the file's stem: a made-up place). A year it does not say stays None."""
    if not place:
        raise ReportError(path, "cannot tell which place and year this report is for; "
                                "name it <place>_<year>.txt")
    return Entry(place, year, path)


class Corpus:
    """The reports below one folder, by place and year. index=False reads every report not
    named `<place>_<year>` again instead of using the corpus index (corpus_index.py)."""

    def __init__(self, root: str | os.PathLike, encoding: str | None = None, index: bool = True):
        self.root = Path(root)
        if not self.root.is_dir():
            raise PolcmpError(f"corpus {self.root}: not a directory")
        if self.root.resolve().parts[1:2] in (("proc",), ("sys",)):
            raise PolcmpError(f"corpus {self.root}: a system folder (/proc, /sys), not a folder of reports")
        paths, folder_problems = expand_inputs([str(self.root)])
        self.paths = paths   # every report below root, named or not
        self.entries: list[Entry] = []
        # folders that cannot be listed, and reports that do not say whose they are: named, not skipped
        self.unreadable: list[ReportError] = [e for e in folder_problems if "no reports in" not in e.reason]
        by_text = CorpusIndex(self.root, encoding, enabled=index)
        for path in paths:
            # the stem, by os.path: a third of pathlib's cost, paid for every file of every scan
            m = FILE_NAME.match(os.path.splitext(os.path.basename(path))[0])
            if m:
                self.entries.append(Entry(canonical_place(m.group("place")), int(m.group("year")), path))
                continue
            try:   # another name: the report says who and when (我代表XX人民政府, its date line)
                self.entries.append(_named_entry(*by_text.place_and_year(path), path))
            except ReportError as e:
                self.unreadable.append(e)
        by_text.save()
        self.entries.sort(key=lambda e: (e.place, e.year or 0, e.path))

    def places(self) -> list[str]:
        return sorted({e.place for e in self.entries})

    def resolve(self, spec: str) -> list[Entry]:
        """One argument of `compare` / `track`: a place (浙江省, 浙江) means all its reports; a
        place and a year (临海:2023) or a range of years (浙江省:2015-2024) some of them; a
        report's path that one report."""
        if Path(spec).is_file():
            report = read_report(spec)
            return [_named_entry(report.place, report.year, spec)]
        m = _PLACE_YEARS.match(spec)
        name = m.group("place") if m else spec
        matches = self._by_place(name)
        if not matches:
            raise UnknownPlace(self._unknown(name))
        if not m:
            return matches
        first, last = int(m.group("first")), int(m.group("last") or m.group("first"))
        chosen = [e for e in matches if e.year is not None and first <= e.year <= last]
        if not chosen:
            asked = str(first) if first == last else f"{first}-{last}"
            raise UnknownPlace(f"{matches[0].place} has no report of {asked} in {self.root} "
                               f"(it has {describe_years([e.year for e in matches])})")
        return chosen

    def resolve_all(self, specs: list[str]) -> list[Entry]:
        """Every argument resolved, in order; a report asked for twice counts once."""
        entries, seen = [], set()
        for spec in specs:
            for entry in self.resolve(spec):
                if entry.path not in seen:
                    seen.add(entry.path)
                    entries.append(entry)
        return entries

    def _by_place(self, name: str) -> list[Entry]:
        wanted = canonical_place(name)
        exact = [e for e in self.entries if e.place == wanted or canonical_place(e.place) == wanted]
        if exact:
            return exact
        # 延边 → 延边朝鲜族自治州, 云南 → 云南省: a unique place the name begins
        starts = {e.place for e in self.entries if e.place.startswith(wanted)}
        return [e for e in self.entries if e.place in starts] if len(starts) == 1 else []

    def _unknown(self, name: str) -> str:
        known = self.places()
        close = suggest(name, known, key=canonical_place)
        if close:
            hint = f"; did you mean {', '.join(close)}?"
        elif len(known) <= 8:   # a small corpus: all of it is the hint
            hint = f"; it has: {', '.join(known)}" if known else "; it holds no reports"
        else:
            hint = ""
        return f"no report for {name!r} in {self.root}{hint} (polcmp places lists them)"


def describe_years(years) -> str:
    """2003-2009, 2011-2026: the years of a place's reports, runs joined."""
    known = sorted({y for y in years if y is not None})
    runs: list[list[int]] = []
    for y in known:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return text + (", undated" if any(y is None for y in years) else "")
