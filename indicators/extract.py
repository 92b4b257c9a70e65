"""Text → indicator values.

How a number becomes a value (the catalogue's fields are in capitals):

1. `NumberReader` finds every quantity (number + unit + qualifier). Only quantities whose
   unit some indicator accepts are looked at further; the others still end list items.
   Asides on how a figure is compared (剔除留抵退税因素后, 按可比口径: ASIDE) read as blank.
2. The *lead* of a quantity is the text before it, back to the start of its clause or the
   end of the previous quantity: in 新增国家高新技术企业40家、省级研发机构6家 the lead of
   6家 is 、省级研发机构.
3. An indicator claims the quantity when one of its PATTERNS matches in the lead and what
   follows the match up to the number is its LINK (connector words: 达到, 增长, 以上 ...),
   its CONTEXT (if any) occurs in the sentence before the number (新增 at the head of a
   list covers every item), and its EXCLUDE does not occur in the lead. Of several claims
   the one nearest to the number wins, then the longest; a quoted kind right before a
   subject narrows it away (“新三样”出口), and examples before 等 beat the class after it
   (博士等青年人才: master's and doctoral graduates).
4. Lists spread values: 分别 zips a list of subjects with a series of numbers (15%、12%);
   均 / 各 / 都 give one number to every subject of the list.
5. List items bind as a reader binds them: a count may name its noun after it (新增55家国家
   高新技术企业; in 4家X、8家Y the X、 is 4家's, not a lead of 8家); an item that is only a
   level word counts its list's noun at that level (专精特新企业国家级12家、省级45家); a short
   item shares the first item's opening words (实际利用内资…、外资…).
6. A lead made only of connector words inherits the subject of the number before it in the
   sentence (生产总值完成2345亿元，增长5.6%; 比重从1.19%提高到2%), and a share with no subject
   is a share of the subject before it (研发投入120亿元，占GDP比重2.8%).
7. The value gets its status and period from sections.py, and is dropped when implausible,
   or when it is a review's restatement of the year's target (控制在4.5%的目标内).
8. A hedged number just after a target that goes further is its aim (增长7%以上、力争8%: aims.py);
   a target in words (与经济增长同步: WORD_TARGET) is a row with no value, and words beside a number
   target (在实际工作中争取更好结果: AIM_HEDGE) are its `qualifier_text` (word_targets.py).
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass
from functools import cached_property

from .aims import join_aims
from .catalogue import Catalogue, Indicator
from .divisions import Division, locate_report
from .keyword_scan import KeywordIndex
from .literals import edge_characters, required_literals
from .models import Value
from .numbers import SOFT_WORDS, NumberReader, Quantity, qualifier_before
from .parts import PlaceParts, blank_own_name
from .reports import Report, report_from_text
from .sections import ACHIEVED, ANNUAL, Sections
from .word_targets import hedges, words_in_targets
from .years import is_estimate, refers_to

CLAUSE_END = re.compile(r"[,;:!?。\n]")
SENTENCE_END = re.compile(r"[;!?。\n]")
SERIES_GAP = re.compile(r"\s*(?:、|和|与|及|以及|或|,)\s*")   # 15%、12% / 6.5%和7%
LIST_SPLIT = re.compile(r"、|以及|和|与|及")
# 均 / 各 / 都 close before the number (均增长6%, 各1家, 都稳定在4.3%以内), not 年均 / 人均 / 平均 /
# 各类, nor the 都 of 首都 / 成都
BROADCAST = re.compile(r"(?:(?<![年人平亩])[均各]|(?<![首成])都)(?!.*[均各都])(?=.{0,6}$)")
RATE = re.compile(r"\d\s*(?:%|个百分点)")
PART_YEAR = re.compile(r"季度|上半年|下半年|[\d一二三四五六七八九十]+月|月份")
PART_YEAR_REACH = 8   # 前三季度下降: a part-year word stands just before its rate
DECLINE = re.compile(r"下降|减少|下滑|回落|降低|削减")
# 失业率3.44%，控制在4.5%的目标内 / 低于3%左右的预期目标: in a review, a number directly followed
# by 目标 is the year's target restated beside its result, never a result
RESTATED_TARGET = re.compile(r"(?:左右|以内|以上|之内)?的?(?:年度|全年|调控|控制|预期|既定|计划)?(?:目标|任务)")
SOFT = re.compile("|".join(SOFT_WORDS))
MAX_LEAD = 200       # a subject stands near its number; also bounds the work of any user pattern
MAX_REACH = 60       # subject + link words: the longest real ones are about 30 characters
MAX_CONTEXT = 300    # how far back CONTEXT words are looked for
MAX_AFTER = 30       # how far a subject after its number may reach
MAX_TRAILING_LINK = 12   # 下降, 分别增长了: the verb a list of subjects ends with
MAX_SENTENCE = 1500  # how far back a sentence start is looked for: real ones are under 500 characters; a
                     # report of one endless line (no 。 or line end) must not cost its length per number
# The most numbers read from one report: the densest real report (corpus and panel) holds about
# 1,000. A document with more (5 MB of figures on one line) is read up to here, with a note,
# so that its cost stays bounded whatever its size.
MAX_NUMBERS = 20_000
MAX_BRIDGE = 90      # how far back an earlier clause's subject is taken: the longest real chains are ~70
SHORT_MODIFIER = 4   # 亚洲, 城镇: a list part this short is a modifier, not a subject
MAX_ITEMS = 6        # how many list items back a later item looks for its list's noun or verb
LEVEL_REACH = 12     # the longest level words: 国家级、省级、市级以上
SHORT_ITEM = 8       # 、外资 / 、强度达: a list item this short may share the words of the first item
SHARED_NOUN = 3      # 外资, 增加值: a bare word that needs the first item's words to name anything
# 培育4家国家级智能工厂、8家…: a lead that is a noun phrase directly after the previous number, ending
# in a list separator, is that number's noun (its items count first, name after)
NOUN_ITEM_END = re.compile(r"[^、,]*[、和与及]\s*")
NOT_A_NOUN = "的和与及或等以左上下次"   # 10家的, 5家和 …: no noun follows the count
AFTER_MODIFIER = 8   # 国家级标杆, 跨国公司: how many words may qualify a subject that follows its count
# where the noun phrase after a count ends: a separator, a bracket, a number
PHRASE_END = re.compile(r"[、,;:!?。\n(和与等\d]|及(?!以上)")
CLOSING_QUOTE = "”」』’》"
OPENING_QUOTE = "“「『‘《"
TAIL_SHARE_MAX = 8   # how much of the last list part may be a modifier before the shared tail
ASIDE_OPENING = 6    # (按可比口径: how far before its required word an aside may open


def is_cjk(ch: str) -> bool:
    # a plain comparison: a regex class of the CJK range costs ~10 ms to compile
    return "\u4e00" <= ch <= "\u9fff"


def noun_item(lead: str) -> bool:
    """新增30家高新技术企业、20家…: is the lead of 20家 (高新技术企业、) a noun ending in a separator?"""
    return bool(lead) and (is_cjk(lead[0]) or lead[0] in '“"(') and bool(NOUN_ITEM_END.fullmatch(lead))


def noun_follows(text: str, pos: int) -> bool:
    """新增4个国家先进制造业集群: does a word follow the count at `pos` (its own noun)?"""
    ch = text[pos:pos + 1]
    return ch == "“" or (is_cjk(ch) and ch not in NOT_A_NOUN) if ch else False


def _occurrences(text: str, words: tuple[str, ...]):
    """Where any of `words` starts in text. Searched by their last character: finding one
    character is several times faster than finding a word in a string of CJK text."""
    for last in {w[-1] for w in words}:
        ending = [w for w in words if w[-1] == last]
        at = text.find(last)
        while at >= 0:
            for w in ending:
                if at + 1 >= len(w) and text.startswith(w, at + 1 - len(w)):
                    yield at + 1 - len(w)
            at = text.find(last, at + 1)


class Asides:
    """Asides on how a figure is compared (the catalogue's ASIDE: 剔除留抵退税因素后, 按可比口径).
    `blank(work)` blanks them out, same length: 地方一般公共预算收入剔除留抵退税因素后增长8.1% reads as
    地方一般公共预算收入 … 增长8.1%, so the subject reaches its number, and the aside's own words
    (退税, 下降因素, 新增减税) are no subject, decline or verb of it. Several in a row (剔除…因素、
    同口径), one in brackets and the comma after one are one aside."""

    def __init__(self, aside: str, regex):
        run = rf"(?:{aside})(?:\s*[、,]?\s*(?:{aside}))*"
        # in brackets, or with its comma; `regex` is the catalogue's (safe_regex.py)
        self.pattern = regex(rf"\({run}\)|{run},?", derived_from=(aside,))
        # An aside opens at most ASIDE_OPENING characters before a word it cannot do without (剔除,
        # 口径): the text is searched for those words (str.find, far faster than a regex scan) and
        # the aside tried just before each.
        words = required_literals(aside)
        self.words = tuple(w for w in words if w) if words and all(words) else None

    def blank(self, work: str) -> str:
        if self.words is None:
            return self.pattern.sub(lambda m: " " * len(m.group()), work)
        hits = sorted(_occurrences(work, self.words))
        spans, done = [], 0
        for hit in hits:
            if hit < done:
                continue   # inside an aside already found
            for start in range(max(done, hit - ASIDE_OPENING), hit + 1):
                m = self.pattern.match(work, start)
                if m and m.end() > hit:
                    spans.append(m.span())
                    done = m.end()
                    break
        if not spans:
            return work
        parts, pos = [], 0
        for a, b in spans:
            parts += [work[pos:a], " " * (b - a)]
            pos = b
        return "".join(parts) + work[pos:]


def quoted_before(text: str, pos: int) -> int | None:
    """Where the quoted name that closes right before text[pos] opens (“三新”产品出口 → 0), or None."""
    if not pos:
        return None
    close = text[pos - 1]
    if close == '"':
        opening = text.rfind('"', 0, pos - 1)
        if opening < 0 or text.count('"', 0, opening) % 2:
            return None   # that quote opens a name rather than closing one
    elif close in CLOSING_QUOTE:
        opening = max(text.rfind(q, 0, pos - 1) for q in OPENING_QUOTE)
    else:
        return None
    return opening if 0 <= opening < pos - 2 else None


class Candidates:
    """The indicators that accept one written unit, and which of them can match in a text:
    those whose keywords (keyword_scan.py) occur in it. Only their patterns are run."""

    def __init__(self, items: list[tuple[Indicator, float]], union, extractor: Extractor):
        self.items = items
        self.union = union   # the catalogue's regex_union: trusted patterns in one `re` union
        self._extractor = extractor   # whose keyword index is loaded when a report is first read
        # subjects that may follow the number (新增55家国家高新技术企业), one cheap test first
        after = [rx.pattern for ind, _ in items for rx in ind.after]
        self.after = self.union(after) if after else None
        # what such a subject can end with (业, 才, 厂 …): a noun phrase ending otherwise holds none
        ends = [edge_characters(p, last=True) for p in after]
        self.after_ends = None if None in ends else frozenset().union(*ends)

    @property
    def keywords(self) -> KeywordIndex:
        return self._extractor.keywords

    @cached_property
    def gates(self) -> list[list[frozenset[int] | None]]:
        """Per item, per subject pattern: the ids of its keywords (None: no gate, always tried)."""
        return [[self.keywords.gates[src] for src in ind.expanded] for ind, _ in self.items]

    @cached_property
    def _by_keyword(self) -> tuple[list[int], dict[int, list[int]]]:
        """(the items with a pattern that has no gate, keyword id → the items it gates)."""
        always: list[int] = []
        by_keyword: dict[int, list[int]] = {}
        for k, gates in enumerate(self.gates):
            if any(g is None for g in gates):
                always.append(k)
            else:
                for word in set().union(*gates):
                    by_keyword.setdefault(word, []).append(k)
        return always, by_keyword

    @cached_property
    def link_only(self) -> re.Pattern:
        """Connector words only (增长, 提高到 …): a lead with nothing else inherits a subject.
        Compiled on first use: a run meets few of the written units (平米, ㎡, 公斤 …)."""
        return self.union(sorted({ind.link.pattern for ind, _ in self.items}, key=lambda p: f"(?:{p})"))

    def trying(self, present: set[int]) -> list[int]:
        """The items (indexes, in catalogue order) that can match where `present` keywords occur."""
        always, by_keyword = self._by_keyword
        if not present:
            return always
        found = set(always)
        for word in present:
            found.update(by_keyword.get(word, ()))
        return sorted(found)

    def any_subject(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Can any of these indicators' subjects occur in text[start:end]?"""
        return bool(self.trying(self.keywords.present(text[start:end])))


def subject_in(ind: Indicator, gates: list, present: set[int], text: str, start: int = 0) -> tuple[int, re.Match] | None:
    """(pattern index, match) of the subject in text[start:] that is followed only by the
    indicator's LINK up to the end of `text` (up to the number): the nearest, then the longest.
    A pattern whose keywords (`gates`) are not among those `present` in text[start:] is not run."""
    best = None
    for j, rx in enumerate(ind.subjects):
        gate = gates[j]
        if gate is not None and gate.isdisjoint(present):
            continue   # 生产总值 is not in the text: the pattern cannot match
        for m in rx.finditer(text, start):
            if (best is None or (m.end(), -m.start()) > (best[1].end(), -best[1].start())) \
                    and ind.link.fullmatch(text, m.end()):
                best = (j, m)
    return best


@dataclass(slots=True)
class Claim:
    indicator: Indicator
    factor: float
    rule: int          # index of the pattern that matched
    start: int         # span of the subject in the lead
    end: int


def trailing_link(region: str, link_only: re.Pattern) -> str:
    """The connector words that end `region` (…排放量下降 → 下降), empty if none."""
    for j in range(max(0, len(region) - MAX_TRAILING_LINK), len(region)):
        if link_only.fullmatch(region, j):
            return region[j:]
    return ""


class Extractor:
    """Applies one catalogue to any number of reports. Build once, reuse (patterns are compiled)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.reader = NumberReader(catalogue.written_units())

        # written unit → the indicators that accept it
        by_unit: dict[str, list[tuple[Indicator, float]]] = {}
        for ind in catalogue.indicators:
            for written, factor in catalogue.units.get(ind.unit, {}).items():
                by_unit.setdefault(written, []).append((ind, factor))
        # what each subject pattern cannot match without: sentences and patterns to try (keyword_scan.py)
        self.by_unit = {unit: Candidates(items, catalogue.regex_union, self) for unit, items in by_unit.items()}
        # written units of whole things (家, 个, 人, 名 …)
        self.counted = {w for base in catalogue.counted for w in catalogue.units.get(base, {})}

        # What ends the reach of an earlier clause's subject (`earlier_subject`): another subject
        # (of any indicator, any unit), a BRIDGE_BREAK word, a rate already given, or 分别.
        breaks = [src for ind in catalogue.indicators for src in ind.expanded]
        breaks += [catalogue.fragments.get("BRIDGE_BREAK") or "其中", "分别"]
        self.bridge_break = catalogue.regex_union(breaks)
        chain_start = catalogue.fragments.get("CHAIN_START")   # how such a subject goes on
        self.chain_start = catalogue.regex(chain_start) if chain_start else None
        self.parts = PlaceParts(catalogue.fragments, catalogue.regex)   # 滨海新区生产总值 is not the city's
        aside = catalogue.fragments.get("ASIDE")   # 剔除留抵退税因素后, 按可比口径: read past as blank
        self.asides = Asides(aside, catalogue.regex) if aside else None
        # LEVEL: 国家级, 省级以上 … before a noun; a list item may be a level word alone (省级45家)
        level = catalogue.fragments.get("LEVEL")
        self.level = catalogue.regex(level) if level else None
        self.level_first = edge_characters(level) if level else None   # 国, 省 …: where a level may start
        self.level_end = catalogue.regex(rf"(?:{level})\s*$", derived_from=(level,)) if level else None
        # targets in words (与经济增长同步) and hedges beside a number (争取更好结果): word_targets.py
        words, hedge = catalogue.fragments.get("WORD_TARGET"), catalogue.fragments.get("AIM_HEDGE")
        self.word_target = catalogue.regex(words) if words else None
        self.aim_hedge = catalogue.regex(hedge) if hedge else None

    @cached_property
    def all_candidates(self) -> Candidates:
        """Every indicator, whatever its unit: the subjects a target in words may have."""
        return Candidates([(ind, 1.0) for ind in self.catalogue.indicators], self.catalogue.regex_union, self)

    @cached_property
    def keywords(self) -> KeywordIndex:
        """What each subject pattern cannot match without: the sentences and patterns to try
        (keyword_scan.py). Loaded when a report is first read: a run answered from the value
        cache never needs it."""
        catalogue = self.catalogue
        return KeywordIndex.cached([src for ind in catalogue.indicators for src in ind.expanded],
                                   [rx.pattern for ind in catalogue.indicators for rx in ind.after],
                                   list(catalogue.coordinations), MAX_AFTER + LEVEL_REACH)

    @cached_property
    def full_reader(self) -> NumberReader:
        """A reader that reads every quantity whatever its unit, and standalone Chinese
        numerals (for `explain`); built only when asked, extraction never needs it."""
        return NumberReader(self.catalogue.written_units(), read_all=True)

    def extract_text(self, text: str, place=None, year=None, file=None) -> list[Value]:
        report = report_from_text(text, file)
        report.place = place or report.place
        report.year = year or report.year
        return self.extract(report)

    def extract(self, report: Report) -> list[Value]:
        """Every value the catalogue finds in one report, in text order, each with where its
        place belongs (divisions.py; None when the place is unknown or ambiguous)."""
        run = _Run(self, report)
        values = run.values()
        if run.cut_at is not None:
            values = Values(values, notes=(f"more than {MAX_NUMBERS:,} numbers: only those before character "
                                           f"{report.text_span(run.cut_at, run.cut_at)[0]:,} were read",))
        if values:
            place = locate_report(report)
            if isinstance(place, Division):
                for v in values:
                    v.place_code, v.place_level, v.province = place.code, place.level, place.province
        return values


class Values(list):
    """The values of a report that could be read only in part, with why (`notes`: one line each)."""

    def __init__(self, values, notes: tuple[str, ...] = ()):
        super().__init__(values)
        self.notes = notes


class _Run:
    """The state of extracting one report (kept off the Extractor so it can be shared).
    `read_everything`: read the numbers of every sentence, not only of those that name a
    subject (explain.py diagnoses every number; the test of keyword-first reading compares)."""

    def __init__(self, ex: Extractor, report: Report, read_everything: bool = False):
        self.ex = ex
        self.report = report
        self.read_everything = read_everything
        self.gaps: dict[int, tuple[int, int]] = {}   # token index → the unread text just before it
        self.work = blank_own_name(report.work, report.place)
        if ex.asides:
            self.work = ex.asides.blank(self.work)
        self.backwards = self.work[::-1]   # searching it forwards finds the previous boundary, in C
        self.sections = Sections(report.plain, report.year)
        self.out: list[Value] = []

    # -- positions: clauses end at , ; : ! ? 。 and line ends; sentences at ; ! ? 。 and line ends
    def _start(self, boundary: re.Pattern, pos: int) -> int:
        back = len(self.work) - pos
        m = boundary.search(self.backwards, back, back + MAX_SENTENCE)
        return len(self.work) - m.start() if m else max(0, pos - MAX_SENTENCE)

    def clause_start(self, pos: int) -> int:
        return self._start(CLAUSE_END, pos)

    def sentence_start(self, pos: int) -> int:
        return self._start(SENTENCE_END, pos)

    def clause_end(self, pos: int) -> int:
        m = CLAUSE_END.search(self.work, pos)
        return m.start() if m else len(self.work)

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentence_start(b) <= a

    # -- main loop -------------------------------------------------------------------
    def values(self) -> list[Value]:
        regions = None if self.read_everything else self.ex.keywords.regions(self.work)
        self.tokens = tokens = list(islice(self.quantities(regions or [(0, len(self.work))]), MAX_NUMBERS + 1))
        self.cut_at = tokens.pop().start if len(tokens) > MAX_NUMBERS else None
        lead_start = self.lead_start
        previous_zip = None   # (lead start, index of last token) of the last 分别 series
        by_unit = self.ex.by_unit
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            series = [tok]
            read = tok.value is not None   # a numeral that could not be read whole gives nothing
            while (i + len(series) < len(tokens) and tokens[i + len(series)].unit == tok.unit
                   and (tokens[i + len(series)].value is not None) == read
                   and SERIES_GAP.fullmatch(self.work, series[-1].end, tokens[i + len(series)].start)):
                series.append(tokens[i + len(series)])
            wanted = read and tok.unit in by_unit
            if len(series) == 1 and not wanted:
                i += 1
                continue
            start = lead_start(i)
            respectively = "分别" in self.work[start:tok.start]
            if respectively and read:
                run = self.mixed_run(i)
                if len(run) > len(series) and self.zip_mixed(run, start):
                    i += len(run)
                    continue
            if wanted:
                follows = previous_zip if previous_zip and previous_zip[1] == i - 1 \
                    and not self.numbers_unread_before(i) else None
                if len(series) == 1 or not self.zip(series, start, follows, i) and not respectively:
                    self.single(i, start)
                    series = series[:1]
            if len(series) > 1 and respectively:
                previous_zip = (start, i + len(series) - 1)
            i += len(series)
        self.out = [v for v in self.out if v.status != ACHIEVED or not RESTATED_TARGET.match(self.report.text, v.end)]
        self.out = join_aims(self.out, self.report.text)
        if self.ex.word_target:
            words_in_targets(self, self.ex.word_target, self.ex.all_candidates)
        if self.ex.aim_hedge:
            hedges(self, self.ex.aim_hedge)
        return self.out

    def quantities(self, regions: list[tuple[int, int]]):
        """The quantities of the regions of the text (keyword_scan.py), as a scan of the whole
        text finds them there; where text is left unread before a region, `gaps` says so."""
        read, scanned = self.ex.reader.tokens, 0
        count = 0
        for start, end in regions:
            if start > scanned:
                self.gaps[count] = (scanned, start)
            for q in read(self.work, max(start, scanned), end):
                count += 1
                scanned = q.end
                yield q
            scanned = max(scanned, end)

    def numbers_unread_before(self, i: int) -> bool:
        """Did the text left unread just before token i hold quantities? Read now, when asked
        (rarely): a 分别 series goes on only from the numbers right before it."""
        gap = self.gaps.get(i)
        return gap is not None and next(self.ex.reader.tokens(self.work, *gap), None) is not None

    def lead_start(self, i: int) -> int:
        """Where the lead of token i starts: back to its clause start or the previous quantity."""
        tok = self.tokens[i]
        return max(self.clause_start(tok.start), self.tokens[i - 1].end if i else 0, tok.start - MAX_LEAD)

    def single(self, i: int, lead_start: int) -> None:
        tok = self.tokens[i]
        prev = self.tokens[i - 1] if i else None
        lead = self.work[lead_start:tok.start]
        candidates = self.ex.by_unit[tok.unit]
        if self.broadcast(tok, lead_start, lead, candidates):
            return
        if prev is not None and lead_start == prev.end and noun_item(lead):
            # 新增30家高新技术企业、20家省级企业技术中心: 高新技术企业、 is the noun of 30家;
            # this number's noun can only follow it
            self.subject_after(tok, tok.start, "", candidates)
            return
        # 两位数增长 / 翻一番 say "grows by" themselves: read them as if 增长 stood before the number
        claim = self.best_claim(lead + "增长" if tok.growth else lead, candidates, tok, lead_start)
        if claim and claim.end <= len(lead):
            self.emit(claim, tok, lead_start, lead[claim.end:])
            return
        if self.subject_after(tok, lead_start, lead, candidates):
            return
        if "级" in lead and self.level_item(i, lead_start, lead, candidates):
            return
        # 地区生产总值完成2345亿元，增长5.6% / 比重从1.19%提高到2%: a lead that is only a
        # link inherits the subject of the previous number in the sentence.
        tail = lead.lstrip("、, ")
        if not tail:
            return
        if tail.startswith("占") and self.share_of_earlier(tok, tok.start - len(tail), tail, candidates):
            return
        if tok.unit in self.ex.counted and noun_follows(self.work, tok.end):
            return   # 新增4个国家先进制造业集群: the count's noun follows it; it borrows none
        if not candidates.link_only.fullmatch(tail):
            if lead.startswith("、") and self.shared_words(i, lead_start, lead, candidates):
                return
            # 生产总值再迈上两个大台阶、年均增长6%: the growth is a second predicate of an earlier subject
            if "、" in tail:
                tail = tail.rpartition("、")[2]
                if candidates.link_only.fullmatch(tail):
                    self.earlier_subject(tok, tok.start - len(tail), tail, candidates)
            return
        if prev is not None and self.same_sentence(prev.start, tok.start):
            prev_lead_start = self.lead_start(i - 1)   # computed only here: most numbers never need it
            head = self.work[prev_lead_start:prev.start].rstrip()
            head = head[:-1] if head.endswith(("从", "由")) else head
            claim = self.best_claim(head + tail, candidates, tok, prev_lead_start, context_end=prev.start)
            if claim and claim.end <= len(head):
                self.emit(claim, tok, prev_lead_start, head[claim.end:] + tail)
                return
            share = head.lstrip("、, ")   # 占地区生产总值比重由2.1%提高到3%: the share of an earlier subject
            share_start = prev_lead_start + len(head) - len(share)
            if share.startswith("占") and self.share_of_earlier(tok, share_start, share + tail, candidates):
                return
        self.earlier_subject(tok, lead_start, tail, candidates)

    def earlier_subject(self, tok: Quantity, lead_start: int, tail: str, candidates) -> bool:
        """A growth clause with no subject of its own (增长7.6%, 全年增长4.5%, 年均增长5.5%) takes
        the nearest subject of an earlier clause of its sentence:

            地区生产总值突破3000亿元，达到3060亿元，增长7.6%
            地区生产总值由330.3亿元增加到451.8亿元，年均增长5.5%
            地区生产总值增速逐季提高，全年增长4.5%

        A reader does so only while nothing between them starts another subject: any indicator's
        subject, a BRIDGE_BREAK word of the catalogue (其中, 人均, 增加值 …), or a rate (a % or
        percentage-point figure already said of that subject, or of another one; part-year rates
        before 全年 are the exception). The subject must go on as a subject does (CHAIN_START)."""
        begin = max(self.sentence_start(lead_start), lead_start - MAX_BRIDGE)
        if begin >= lead_start:
            return False
        present = candidates.keywords.present(self.work[begin:lead_start])
        best = None   # (indicator, factor, pattern index, match): the nearest subject, then the longest
        for k in candidates.trying(present):
            ind, factor = candidates.items[k]
            if not ind.link.fullmatch(tail):
                continue
            for j, rx in enumerate(ind.subjects):
                gate = candidates.gates[k][j]
                if gate is not None and gate.isdisjoint(present):
                    continue
                for m in rx.finditer(self.work, begin, lead_start):
                    if (best is None or (m.end(), -m.start()) > (best[3].end(), -best[3].start())) \
                            and not self.narrowed(ind, self.work, m, 0):
                        best = (ind, factor, j, m)
        if best is None:
            return False
        ind, factor, j, m = best
        if self.ex.chain_start and not self.ex.chain_start.match(self.work, m.end(), lead_start):
            return False
        clause = self.clause_start(m.start())   # the quote runs from the subject's clause to the number
        if self.ex.bridge_break.search(self.work, m.end(), lead_start) or not self.allowed(ind, clause, tok.start):
            return False
        # 由一季度下降10.3%到全年增长2.9%: only part-year rates may stand between when the clause
        # gives the whole year; any other rate was that subject's (or another's) already.
        whole_year = "全年" in tail
        for rate in RATE.finditer(self.work, m.end(), lead_start):
            if not (whole_year and PART_YEAR.search(self.work, max(m.end(), rate.start() - PART_YEAR_REACH), rate.start())):
                return False
        self.emit(Claim(ind, factor, j, m.start() - clause, m.end() - clause), tok, clause, tail)
        return True

    def subject_after(self, tok: Quantity, lead_start: int, lead: str, candidates) -> bool:
        """新增55家国家高新技术企业: the subject follows the number (indicators with `after: true`).

        It opens the words after the count, maybe after a level word (the longest such subject:
        5个国家级和省级企业技术中心), or it closes their noun phrase, a few words (AFTER_MODIFIER) after the count: 12家省级研发机构、, 500名地方级领军人才、,
        100名“高精尖”人才, 10家跨国公司研发机构. Words that go on after the subject make it no count
        of it (吸纳3名以上劳动者就业的高校毕业生给予补贴), and a quoted kind narrows it (“双一流”)."""
        if candidates.after is None:
            return False
        work = self.work
        end = min(len(work), tok.end + MAX_AFTER)
        best = None
        pos = tok.end
        if not candidates.after.match(work, pos, end):
            pos = self.past_level(pos, end)   # 5个国家级和省级企业技术中心
        if pos is not None and candidates.after.match(work, pos, end):
            for ind, factor in candidates.items:
                for j, rx in enumerate(ind.after):
                    m = rx.match(work, pos, end)
                    if m and (best is None or m.end() > best[3].end()) and self.allowed(ind, lead_start, tok.start):
                        best = (ind, factor, j, m)
        else:
            phrase = PHRASE_END.search(work, tok.end, end)
            stop = phrase.start() if phrase else end
            if stop - tok.end < 2 or (candidates.after_ends is not None and work[stop - 1] not in candidates.after_ends) \
                    or not candidates.after.search(work, tok.end, stop):
                return False
            for ind, factor in candidates.items:
                for j, rx in enumerate(ind.after):
                    for m in rx.finditer(work, tok.end, stop):
                        if m.end() == stop and m.start() - tok.end <= AFTER_MODIFIER \
                                and (best is None or m.start() < best[3].start()) \
                                and not self.narrowed(ind, work, m, 0) and self.allowed(ind, lead_start, tok.start):
                            best = (ind, factor, j, m)
        if best:
            self.emit(Claim(best[0], best[1], best[2], len(lead), len(lead)), tok, lead_start, lead)
            return True
        return False

    def past_level(self, pos: int, end: int) -> int | None:
        """Where the words after a count go on past a level word (省级, 国家级和省级), or None."""
        first = self.ex.level_first
        if self.ex.level is None or (first is not None and self.work[pos:pos + 1] not in first):
            return None
        level = self.ex.level.match(self.work, pos, end)
        return level.end() if level and level.end() > pos else None

    def level_item(self, i: int, lead_start: int, lead: str, candidates) -> bool:
        """A list item named by a level word counts its list's noun at that level:

            新增专精特新企业国家级12家、省级45家        (the level after the noun)
            新增国家级“专精特新”企业10家、省级80家以上   (the level alone: the noun of the item before)

        The noun's own level gives way to the item's (国家级专精特新企业 / 省级“专精特新”企业), and
        the indicator is what that reads as. Only a level word with 级 counts: 全市, 新区 end nouns."""
        if self.ex.level_end is None or "级" not in lead[-LEVEL_REACH:]:
            return False
        window = lead[-LEVEL_REACH:]
        m = self.ex.level_end.search(window)
        if not m or "级" not in m.group():
            return False
        level = m.group().strip()
        noun = lead[:len(lead) - len(window) + m.start()]
        if not noun.strip("、, "):
            noun = self.previous_noun(i)
            if noun is None:
                return False
        own = self.best_claim(noun, candidates, self.tokens[i], lead_start)
        if own is None:
            return False
        body = own.start
        if (opening := self.ex.level.match(noun, own.start)) and opening.end() > own.start:
            body = opening.end()   # 国家级“专精特新”企业: the subject opens with its level
        cut = own.start
        before = noun[max(0, own.start - LEVEL_REACH):own.start]
        if (closing := self.ex.level_end.search(before)) and closing.group().strip():
            cut = own.start - len(before) + closing.start()   # 国家级智能工厂: the level stands before it
        claim = self.best_claim(noun[:cut] + level + noun[body:own.end], candidates, self.tokens[i], lead_start)
        if claim is None:
            return False
        self.emit(Claim(claim.indicator, claim.factor, claim.rule, len(lead) - len(level), len(lead)),
                  self.tokens[i], lead_start, "")
        return True

    def previous_noun(self, i: int) -> str | None:
        """The lead of the nearest earlier item of token i's list that names a noun (新增国家级龙头企业1户、
        省级12户、市级30户 → 新增国家级龙头企业), without a level word after it (专精特新企业国家级12家)."""
        for j in range(i - 1, max(-1, i - 1 - MAX_ITEMS), -1):
            if self.lead_start(j + 1) != self.tokens[j].end:
                return None   # the list began in this clause: nothing of it stands before
            text = self.work[self.lead_start(j):self.tokens[j].start]
            m = self.ex.level_end.search(text[-LEVEL_REACH:])
            if m and "级" in m.group():
                text = text[:len(text) - len(text[-LEVEL_REACH:]) + m.start()]
            if text.strip("、, "):
                return text
        return None

    def shared_words(self, i: int, lead_start: int, lead: str, candidates) -> bool:
        """A list item with no subject of its own shares the opening words of its list's first item,
        in place of the rest of that item:

            实际利用内资2567亿元、外资41亿美元          → 实际利用外资 (the verb)
            规上工业产值增长15%、增加值增长10%以上      → 规上工业增加值
            研发经费投入增长19%以上、投入强度达到1.51%   → 研发经费投入强度

        A reader does so only where the item cannot stand alone: it is a bare word (外资, 增加值: at
        most SHARED_NOUN characters), or it turns the first item's own subject into another
        indicator's (研发经费投入 → 研发经费投入强度). A full noun is its own subject: 引进高层次人才
        174人、急需紧缺人才1064人 are no 高层次…急需紧缺人才."""
        item = lead.lstrip("、 ")
        if not item or len(item) > SHORT_ITEM or RATE.search(item):
            return False
        first = self.first_item(i)
        if first is None:
            return False
        first_start = self.lead_start(first)
        head = self.work[first_start:self.tokens[first].start].rstrip()
        own_candidates = self.ex.by_unit.get(self.tokens[first].unit)
        own = own_candidates and self.best_claim(head, own_candidates, self.tokens[first], first_start)
        # the shared words are head[:k]; head[k:] is the first item's rest: a part of its own subject,
        # or, for a bare word, at most a character longer than the item (内资 / 外资, 产值增长 / 增加值增长)
        cuts = set(range(own.start + 1, own.end + 1)) if own else set()
        if any(candidates.link_only.fullmatch(item, n) or n == len(item) for n in range(2, SHARED_NOUN + 1)):
            cuts.update(range(max(1, len(head) - len(item) - 1), len(head)))
        for k in sorted(cuts, reverse=True):
            subject = head[:k] + item
            claim = self.best_claim(subject, candidates, self.tokens[i], lead_start)
            if not claim or claim.start >= k or claim.end < k + 2:
                continue
            if own and own.start < k <= own.end:
                if claim.indicator is own.indicator:
                    continue   # a sibling of the first subject, not a part of it
            elif claim.end - k > SHARED_NOUN:
                continue
            # the subject opens in the first item: the quote starts there; 下降, 超过 are the item's own
            self.emit(claim, self.tokens[i], first_start, subject[claim.end:])
            return True
        return False

    def first_item(self, i: int) -> int | None:
        """The token of the first item of the list token i ends (A 2家、B 3家、C 4家 → 2家), or None
        when token i opens its clause."""
        j = i
        while j > 0 and i - j < MAX_ITEMS and self.lead_start(j) == self.tokens[j - 1].end \
                and self.work.startswith("、", self.tokens[j - 1].end):
            j -= 1
        return j if j < i else None

    def share_of_earlier(self, tok: Quantity, start: int, share: str, candidates) -> bool:
        """A share with no subject of its own (占GDP比重2.8%) is a share of what the clause before it
        spoke of: 全社会研发投入120亿元，占GDP比重2.8% reads 全社会研发投入占GDP比重 (R&D intensity).
        The nearest subject before it in the sentence is taken, unless another subject or a
        BRIDGE_BREAK word stands between (as for `earlier_subject`)."""
        begin = max(self.sentence_start(start), start - MAX_BRIDGE)
        if begin >= start:
            return False
        present = candidates.keywords.present(self.work[begin:start])
        best = None
        for k in candidates.trying(present):
            ind = candidates.items[k][0]
            for j, rx in enumerate(ind.subjects):
                gate = candidates.gates[k][j]
                if gate is None or not gate.isdisjoint(present):
                    for m in rx.finditer(self.work, begin, start):
                        if best is None or (m.end(), -m.start()) > (best.end(), -best.start()):
                            best = m
        if best is None or self.ex.bridge_break.search(self.work, best.end(), start):
            return False
        subject = best.group()
        clause = self.clause_start(best.start())
        claim = self.best_claim(subject + share, candidates, tok, clause)
        if claim is None or claim.start >= len(subject):
            return False
        self.emit(Claim(claim.indicator, claim.factor, claim.rule, best.start() - clause, best.end() - clause),
                  tok, clause, (subject + share)[claim.end:])
        return True

    def best_claim(self, lead: str, candidates, tok: Quantity, lead_start: int,
                   context_end: int | None = None) -> Claim | None:
        """The claim nearest to the number (then the longest) among all indicators."""
        reach = max(0, len(lead) - MAX_REACH)   # a subject and its link words stand close to the number
        present = candidates.keywords.present(lead[reach:])
        best = None
        for k in candidates.trying(present):
            ind, factor = candidates.items[k]
            found = subject_in(ind, candidates.gates[k], present, lead, reach)
            if found:
                j, m = found
                if (best is None or (m.end(), -m.start()) > (best.end, -best.start)) \
                        and not self.narrowed(ind, lead, m, lead_start) \
                        and self.allowed(ind, lead_start, context_end or tok.start):
                    best = Claim(ind, factor, j, m.start(), m.end())
        if best and best.start and lead[best.start - 1] == "等":
            return self.example_claim(lead, best, candidates, tok, lead_start, context_end) or best
        return best

    def example_claim(self, lead: str, best: Claim, candidates, tok: Quantity, lead_start: int,
                      context_end: int | None) -> Claim | None:
        """引进博士等青年人才300人: the examples before 等 say which kind is counted; a subject of another
        indicator there (博士: master's and doctoral graduates) beats the class after it (青年人才)."""
        examples = lead[:best.start - 1]
        present = candidates.keywords.present(examples)
        found = None
        for k in candidates.trying(present):
            ind, factor = candidates.items[k]
            hit = subject_in(ind, candidates.gates[k], present, examples) if ind is not best.indicator else None
            if hit and (found is None or (hit[1].end(), -hit[1].start()) > (found.end, -found.start)) \
                    and self.allowed(ind, lead_start, context_end or tok.start):
                found = Claim(ind, factor, hit[0], hit[1].start(), hit[1].end())
        return found

    def narrowed(self, ind: Indicator, text: str, m: re.Match, text_start: int | None) -> bool:
        """Does a quoted name right before the subject name a kind of it? “三新”产品出口, “双一流”高校
        毕业生: a kind of exports, of graduates, not all of them. Not when the indicator's own subject
        takes the name in (“两院”院士 is 两院院士), nor for a masked number (“十四五”: a period).
        `text_start`: where `text` stands in the working text, None if it was put together."""
        opening = quoted_before(text, m.start())
        if opening is None:
            return False
        name = text[opening + 1:m.start() - 1]
        if not name.strip("#"):
            return False
        if "#" in name and text_start is not None and (
                text is self.work or self.work.startswith(text[:m.start()], text_start)):
            # numerals in quoted names are masked (“#院”): the name as written
            name = self.report.plain[text_start + opening + 1:text_start + m.start() - 1]
        whole = name + m.group()
        return not any(found.start() < len(name) and found.end() == len(whole)
                       for rx in ind.subjects for found in rx.finditer(whole))

    def allowed(self, ind: Indicator, lead_start: int, number_start: int) -> bool:
        """CONTEXT must occur in the sentence before the number (the verb at the head of a
        list, or of the sentence, governs every item); EXCLUDE must not occur in the lead."""
        scope = max(self.sentence_start(lead_start), number_start - MAX_CONTEXT)
        if ind.context and not ind.context.search(self.work, scope, number_start):
            return False
        if ind.exclude and ind.exclude.search(self.work, lead_start, number_start):
            return False
        return True

    # -- lists -----------------------------------------------------------------------
    def parts(self, region: str, n: int | None) -> list[tuple[int, str]]:
        """Split the subject list of a lead (A、B和C) into (offset, text) parts."""
        for splitter in ((LIST_SPLIT,) if n is None else (re.compile("、"), LIST_SPLIT)):
            out, pos = [], 0
            for m in splitter.finditer(region):
                out.append((pos, region[pos:m.start()]))
                pos = m.end()
            out.append((pos, region[pos:]))
            if n is None or len(out) == n:
                return out
        return []

    def part_claims(self, text: str, candidates, link_text: str, own: int | None = None):
        """Indicators whose subject stands in this list part and reaches the number through its
        LINK (`text` + `link_text`, e.g. 农村居民人均可支配收入 + 分别增长). With `own`, the
        subject must start within the part's own first `own` characters."""
        found = []
        if not candidates.any_subject(text):
            return found
        whole = text + link_text
        present = candidates.keywords.present(whole)
        for k in candidates.trying(present):
            ind, factor = candidates.items[k]
            hit = subject_in(ind, candidates.gates[k], present, whole)
            if hit and hit[1].start() < (own if own is not None else len(text)) and hit[1].end() <= len(text) \
                    and not self.narrowed(ind, whole, hit[1], None):
                found.append((ind, factor, hit[0]))
        return found

    def list_claims(self, region: str, link_text: str, candidates, n: int | None):
        """Split a subject list (A、B和C) and find each part's claims, or None if it is no list
        of n subjects. A part may borrow the tail of the last part: in 城镇、农村常住居民人均可支配收入
        城镇 means 城镇常住居民人均可支配收入 (its subject must still start in 城镇 itself)."""
        parts = self.parts(region, n)
        if len(parts) < 2:   # 城乡居民人均可支配收入均增长6% / 分别增长6%、8%
            parts = self.expand_coordination(region, n)
        if len(parts) < 2:
            return None
        last = parts[-1][1]
        claims_per_part = []
        for _offset, text in parts:
            claims = self.part_claims(text, candidates, link_text)
            for cut in range(1, TAIL_SHARE_MAX + 1):
                if claims or text is last or cut >= len(last):
                    break
                claims = self.part_claims(text + last[cut:], candidates, link_text, own=len(text))
            claims_per_part.append(claims)
        if not any(claims_per_part[:-1]) and any(len(t.strip()) <= SHORT_MODIFIER for _, t in parts[:-1]):
            # 对亚洲、非洲、北美洲的出口分别增长40%、30%、68%: a list of modifiers of one subject
            return None
        return list(zip(parts, claims_per_part))

    def zip(self, series: list[Quantity], lead_start: int, previous: tuple[int, int] | None, index: int) -> bool:
        """A list of subjects with a series of numbers, paired in order:
        高新产业增加值、高新产业投资分别增长15%、12%以上 → one value per subject.

        A series right after a 分别 series may reuse its subjects: 城乡居民人均可支配收入分别
        达到48220元和18638元、增长6.5%和8.5% (`previous`: that series' lead start); a 分别 series
        with no subjects of its own pairs with the amounts before it (`subjects_of_amounts`)."""
        lead = self.work[lead_start:series[0].start]
        k = lead.rfind("分别")
        region, link_text = (lead[:k], lead[k:]) if k >= 0 else (lead, "")
        candidates = self.ex.by_unit[series[0].unit]
        if candidates.link_only.fullmatch(region.lstrip("、, ")):
            if previous:   # the lead is only connector words: no subject of its own
                lead_start = previous[0]
                region = self.work[lead_start:self.work.find("分别", lead_start)]
                link_text = "分别" + (lead[k + 2:] if k >= 0 else lead).lstrip("、, ")
            elif k >= 0:
                return self.subjects_of_amounts(series, index, region.lstrip("、, ") + link_text, candidates)
        pairs = self.list_claims(region, link_text, candidates, len(series))
        if not pairs:
            return False
        # the link words that close the list are every item's: 能耗和二氧化碳排放量下降2.6%、3.1%,
        # 投资和消费年均分别增长8%、9%
        link_text = trailing_link(region, candidates.link_only) + link_text
        emitted = False
        for ((offset, text), claims), tok in zip(pairs, series):
            for ind, factor, j in claims:
                if self.allowed(ind, lead_start, series[0].start):
                    self.emit(Claim(ind, factor, j, offset, offset + len(text)), tok, lead_start, link_text)
                    emitted = True
        return emitted

    def mixed_run(self, i: int) -> list[Quantity]:
        """The read quantities from token i on that stand as one list whatever their unit
        (6829.8亿元、85.7亿美元)."""
        run = [self.tokens[i]]
        while (i + len(run) < len(self.tokens) and self.tokens[i + len(run)].value is not None
               and SERIES_GAP.fullmatch(self.work, run[-1].end, self.tokens[i + len(run)].start)):
            run.append(self.tokens[i + len(run)])
        return run

    def zip_mixed(self, run: list[Quantity], lead_start: int) -> bool:
        """引进域外资金、实际利用外资分别达到6829.8亿元、85.7亿美元: a 分别 list whose numbers
        differ in unit pairs by position over all of them, not within one unit's numbers (the
        亿元 is the first subject's, not the nearest one's). False if the lead is no list of
        len(run) subjects: the numbers are then read one by one as before."""
        lead = self.work[lead_start:run[0].start]
        k = lead.rfind("分别")
        region, link_text = lead[:k], lead[k:]
        paired = False
        for unit in dict.fromkeys(t.unit for t in run):
            candidates = self.ex.by_unit.get(unit)
            pairs = self.list_claims(region, link_text, candidates, len(run)) if candidates else None
            if pairs is None:
                continue
            paired = True
            for ((offset, text), claims), tok in zip(pairs, run):
                if tok.unit != unit:
                    continue
                for ind, factor, j in claims:
                    if self.allowed(ind, lead_start, run[0].start):
                        self.emit(Claim(ind, factor, j, offset, offset + len(text)), tok, lead_start, link_text)
        return paired

    def subjects_of_amounts(self, series: list[Quantity], index: int, link_text: str, candidates) -> bool:
        """财政总收入236.8亿元，其中地方财政收入124.5亿元，分别增长1.6%和18.1%: the n numbers of a
        分别 series pair with the n amounts just before it in the sentence, each taking the
        subject that stands before its amount."""
        n = len(series)
        if index < n or not self.same_sentence(self.tokens[index - n].start, series[0].start):
            return False
        if any(self.tokens[back].unit == series[0].unit for back in range(index - n, index)):
            return False   # 均增长17%，…分别增长11%和10%: rates before it are no amounts
        emitted = False
        for back, tok in zip(range(index - n, index), series):
            amount = self.tokens[back]
            start = self.lead_start(back)
            for ind, factor, j in self.part_claims(self.work[start:amount.start], candidates, link_text):
                if self.allowed(ind, start, amount.start):
                    self.emit(Claim(ind, factor, j, 0, amount.start - start), tok, start, link_text)
                    emitted = True
        return emitted

    def expand_coordination(self, region: str, n: int | None) -> list[tuple[int, str]]:
        """城乡居民收入分别增长6%、8% → 城镇居民收入 / 农村居民收入 (catalogue: coordinations)."""
        for word, expansion in self.ex.catalogue.coordinations.items():
            k = region.find(word)
            if k >= 0 and len(expansion) == (n or len(expansion)):
                rest = region[k + len(word):]
                return [(k, region[:k] + e + rest) for e in expansion]
        return []

    def broadcast(self, tok: Quantity, lead_start: int, lead: str, candidates) -> bool:
        """均 / 各: 财政总收入和地方财政收入均增长6.5%以上 → the value for every subject."""
        # the word stands in the lead's last 8 characters (.{0,6}$, $ also before a final line end):
        # searched only there, not tried at every character of the lead
        m = BROADCAST.search(lead, max(0, len(lead) - 8))
        if not m:
            return False
        k = m.start()
        pairs = self.list_claims(lead[:k], lead[k:], candidates, None)
        emitted = False
        for (offset, text), claims in pairs or ():
            for ind, factor, j in claims:
                if self.allowed(ind, lead_start, tok.start):
                    self.emit(Claim(ind, factor, j, offset, offset + len(text)), tok, lead_start, lead[k:])
                    emitted = True
        return emitted

    # -- output ----------------------------------------------------------------------
    def plausible(self, ind: Indicator, value, period: str) -> bool:
        """0.5家 or a 300% one-year GDP growth is a misreading, not a value."""
        if ind.unit in self.ex.catalogue.counted and value != int(value):
            return False
        return period != ANNUAL or ind.plausible is None or ind.plausible[0] <= value <= ind.plausible[1]

    def emit(self, claim: Claim, tok: Quantity, lead_start: int, link_text: str) -> None:
        ind = claim.indicator
        if ind.whole and self.ex.parts.names_part(self, lead_start + claim.start):
            return
        value = tok.value * claim.factor if claim.factor != 1 else tok.value
        value_max = tok.value_max * claim.factor if tok.value_max is not None and claim.factor != 1 else tok.value_max
        if DECLINE.search(link_text):
            value, value_max = -value, (None if value_max is None else -value_max)
        qualifier = tok.qualifier
        if qualifier == "=":   # 超过550人; in 分别超过9%、9.5% the word covers every number
            qualifier = qualifier_before(link_text) or "="
        clause = self.clause_start(lead_start)
        sentence = max(self.sentence_start(clause), self.sections.paragraph_start(clause))
        # time words are read unmasked: “十四五” is a name polcmp masks as a slogan, but it dates the value
        # a doubling (实现翻番) is itself a change over several years: its words date it too
        doubling = tok.growth and self.report.plain.endswith("番", 0, tok.end)
        before = self.report.plain[sentence:tok.end if doubling else tok.start]
        status, period = self.sections.classify(tok.start, before, link_text, rate=ind.unit == "%")
        if not self.plausible(ind, value, period):
            return
        text, (start, end) = self.report.text, self.report.text_span(tok.start, tok.end)
        quote_start, quote_end = self.report.text_span(clause, self.clause_end(tok.end))
        self.out.append(Value(
            place=self.report.place, year=self.report.year, indicator=ind.id, label=ind.name,
            value=value, unit=ind.unit, qualifier=qualifier,
            # 力争培育…10个，新认定高新技术企业40家: a hedge opening the sentence covers all of it
            soft=bool(SOFT.search(self.work, sentence, tok.start)),
            status=status, raw=text[start:end], quote=text[quote_start:quote_end].strip(),
            start=start, end=end, file=self.report.path, period=period,
            refers_to=refers_to(status, period, before, self.report.year, self.sections.span_at(tok.start)),
            estimate=is_estimate(status, before),
            value_max=value_max, rule=f"{ind.id}#{claim.rule}"))
