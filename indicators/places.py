"""Which place and year a report is for, read from its text the way a careful reader would.

A report names itself in its head: the title (2021年广安市政府工作报告), the line under it
(——2021年1月12日在广安市第五届人民代表大会第六次会议上), the speaker (广安市市长 张三) and the
opening (我代表广安市人民政府 / 我代表国务院 → 全国; the own five-year plan it submits). A head
that names only its level (我代表省人民政府, 省长 张三) is named from the body: a formal name of
that level (中共湖南省委, 《湖南省国民经济和社会发展…》), else the listed province, 自治州 or
city (place_names.tsv, cities.tsv) the body names far more often than any other. A report
with no head at all is named only by a local formal name (中共石家庄市委).

The year is the delivery date (a session in November or December sets the next year's
targets), else the title's year, else what the headings agree on (一、2021年工作回顾 → 2022,
三、2022年主要任务 → 2022, “十三五”时期回顾 → 2021), else the year the first numbered
heading reviews, plus one.

When the cues are missing or disagree the answer is None: a wrong name is worse than none.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from .lazy_regex import lazy_compile
from .years import PLAN_FIRST_YEAR

NATION = "全国"
# Files drop 市/县/区 (临海, 芝罘) but keep these endings whole.
_KEEP_SUFFIX = ("特别行政区", "自治区", "自治县", "地区", "新区", "林区", "特区", "矿区", "城区", "郊区")
_HEAD_MAX = 3000          # the title, date line, speaker and opening stand in the first lines
_HEAD_END = lazy_compile(r"各位代表")
_OPENING_MAX = 200
_CJK = "\u4e00-\u9fff"
# Level words a place name ends with, longest first so 自治州 is not read as 州.
_LEVELS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "州", "盟", "县", "区", "旗")
_LEVEL = "|".join(_LEVELS)
_NAME = rf"[{_CJK}]{{1,12}}?(?:{_LEVEL})"
# Characters no place name holds: they betray a phrase (省委省政府和, 市人大常委会).
_NOT_IN_NAME = lazy_compile(r"[委府我的了是届议在省、，,]|人民|人大|政协|代表|代理|完成|举办|关于|制定|共产党")
# 全省, 本市, 我州: a determiner before the level word, not a name.
_DETERMINED = lazy_compile(r"[全本我该各每两几]$")
_TITLES = {"省长": "省", "市长": "市", "州长": "州", "县长": "县", "区长": "区", "盟长": "盟", "旗长": "旗",
           "主席": "自治区", "专员": "地区"}
_NUMERAL = "〇零一二三四五六七八九十"

# Where a name in the head may start: at a line's start (after markup, brackets, dashes),
# or after 在 / 于 / a date's 日 — never inside a sentence (圆满完成市十四届人大…).
_START = rf"(?:^|(?<=[\s*#>(（—\-])|(?<=在)|(?<=于)|(?<=向)|(?<=[\d{_NUMERAL}]日))(?![在于向])"
_CONGRESS = lazy_compile(rf"{_START}(?:(?P<name>{_NAME})|(?P<level>{_LEVEL}))?\s*第\s*[{_NUMERAL}\d]+\s*届\s*"
                       rf"(?P<nation>全国)?\s*人民代表大会", re.M)
_CONGRESS_SHORT = lazy_compile(rf"{_START}(?P<name>{_NAME})(?:第\s*)?[{_NUMERAL}]+届人大", re.M)
_TERM = rf"(?:第?[{_NUMERAL}]+届)?"      # 我代表第九届省人民政府, 省九届人民政府
_ON_BEHALF = lazy_compile(rf"我代表{_TERM}(?:(?P<name>{_NAME})|(?P<level>{_LEVEL}))?{_TERM}(?:人民)?政府"
                        rf"|我代表(?P<nation>国务院)")
# The opening asks the congress to review the government's own five-year plan with the report
# (请连同《吉林省国民经济和社会发展第十一个五年规划纲要（草案）》一并审议).
_OWN_PLAN = lazy_compile(rf"(?:(?<=《)|(?<=作))(?P<name>{_NAME})国民经济和社会发展")
_SPEAKER = lazy_compile(
    rf"(?:^|(?<=[\s*>#]))(?:(?P<name>[{_CJK}]{{1,14}}?(?:{_LEVEL}))|(?P<level>{_LEVEL}))?(?:人民政府)?"
    rf"(?:代理|代|常务副)?(?P<title>{'|'.join(_TITLES)})|(?P<nation>国务院总理)", re.M)
_TITLE = lazy_compile(rf"^[\s*#>]*(?:(?:20|19)\d\d年)?(?P<name>{_NAME})(?:(?:20|19)\d\d年(?:度)?)?(?:人民)?政府工作报告", re.M)
# Formal names in the body, for a head that gives only the level: the party committee
# (中共湖南省委) and the plan (《湖南省国民经济和社会发展第十二个五年规划纲要》), whose left
# edge is fixed, so no phrase before the name can run into it.
_BODY_NAMES = (lazy_compile(rf"(?<=中共)(?P<name>{_NAME})委"),
               lazy_compile(rf"(?<=《)(?:中共|中国共产党)?(?P<name>{_NAME})(?:委.{{0,12}})?国民经济和社会发展"))
_LISTED_LEVELS = ("省", "自治区", "自治州")   # the levels place_names.tsv lists in full
# A city's report names its province's party committee (中共河北省委) but a province's never
# names a city's: in a report without a head, only a local formal name can be its own.
_LOCAL_LEVELS = ("市", "自治州", "县", "区")
_SPEECH = {"省": "省", "市": "市", "区": "自治区", "州": "自治州"}   # 全省, 我市, 全区, 我州
_MIN_MENTIONS = 5        # a place named a few times only is not the one speaking
_DOMINANT = 3             # the body's top name must be named this many times more than the next

_ZERO = "〇零0○ΟO"       # sites write the zero of 二〇二一 with a digit, a circle or a letter
_YEAR = rf"(?:(?:19|20)\d\d|二[{_ZERO}][{_ZERO}一二三四五六七八九]{{2}})"
_DATE = lazy_compile(rf"(?P<year>{_YEAR})\s*年\s*(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
                   rf"\s*(?:[0-3]?\d|[{_NUMERAL}]{{1,3}})\s*日")
_TITLE_YEAR = lazy_compile(rf"(?P<year>{_YEAR})\s*年(?:度)?\s*(?:[{_CJK}]{{0,12}}?)(?:人民)?政府工作报告")
_NUMBERED = lazy_compile(r"^[一二三四五六七八九十]+[、.．]\s*(?P<rest>.+)")
_HEADING_MAX = 40
_SHORT_LINE = 24
# “十三五” and its neighbours (years.PLAN_FIRST_YEAR: 十五 is 2001–2005).
# Only the plan as a whole (“十五”时期, 期间, 以来): “十四五”开局之年 reviews one year.
_FIVE_YEAR_PLAN = lazy_compile(r"(九|十[一二三四五]?)五[”\"]?(?=时期|期间|以来|的?工作回顾|回顾)")
_REVIEW = lazy_compile(r"回顾|工作总结|工作情况")
_PLAN = lazy_compile(r"工作安排|主要任务|重点工作|工作重点|工作任务|主要工作|目标任务|总体要求|目标|工作建议|各项工作"
                   r"|年(?:的|政府)?工作|做好")
_LONG_RANGE = lazy_compile(r"远景|时期|规划")   # 2035年远景目标: not this year's plan
_SINCE = lazy_compile(r"年以来")   # 一、2003年以来工作回顾 spans years
_LEAD_IN = lazy_compile(r"[:：,，;；。]$")   # 2012年的主要工作和成效是： opens a list, it heads nothing
_LATE_MONTHS = (11, 12)   # a session in November or December sets the targets of the next year
_ANY_YEAR = lazy_compile(rf"({_YEAR})\s*年")
_DWELLS = 6               # a year named this often is one the report is about (a base year
                          # of a five-year review, 比2007年, comes up four times or so)


def place_and_year(work: str, text: str | None = None) -> tuple[str | None, int | None]:
    """(place, year) of a report from its normalised text (and the text as read, whose quoted
    numerals are not masked); None for what it does not tell."""
    return report_place(work), report_year(work, text)


def canonical_place(name: str) -> str:
    """临海市 → 临海, 芝罘区 → 芝罘; 云南省, 延边朝鲜族自治州, 新区 names are kept whole."""
    name = name.strip()
    if len(name) >= 3 and name.endswith(("市", "县", "区")) and not name.endswith(_KEEP_SUFFIX):
        return name[:-1]
    return name


def report_head(work: str) -> tuple[str, str]:
    """(title lines, opening): the title, date line and speaker stand before the first
    各位代表, the 我代表… sentence just after it."""
    head = work[:_HEAD_MAX]
    m = _HEAD_END.search(head)
    return (head[:m.start()], head[m.end():m.end() + _OPENING_MAX]) if m else (head, head)


def report_place(work: str) -> str | None:
    """The place a report speaks for, in file-name form (临海, 云南省, 全国), or None."""
    names, levels = _head_cues(*report_head(work))
    if NATION in names:
        return NATION if set(names) == {NATION} else None
    prefecture = "自治州" in levels or "自治州" in work
    full = {_full_name(n, work, prefecture) for n in names}
    found = {canonical_place(n) for n in full if n}
    if len(found) > 1:
        found = _drop_short_forms(found)
    if len(found) == 1:
        return found.pop()
    if found or None in full or len(levels) > 1:
        return None     # cues that disagree
    if not levels:
        name = _headless_name(work)
    else:               # a formal name first (中共陕西省委), else the short form said most (陕西)
        level = levels.pop()
        name = _body_name(work, (level,))
        if not name and level in _LISTED_LEVELS:
            return _named_by_short_form(work, level)
        if not name and level == "市":
            return _most_named(_without_provinces(work), {city: (city,) for city in cities()} | _listed(level))
    name = name and _full_name(name, work, prefecture)
    return canonical_place(name) if name else None


def _head_cues(title_lines: str, opening: str) -> tuple[list[str], set[str]]:
    """Place names the head states, and the levels it states without a name (省, 市 …)."""
    names, levels = [], set()
    found = [(m, None) for pattern, text in ((_CONGRESS, title_lines), (_CONGRESS_SHORT, title_lines),
                                             (_TITLE, title_lines), (_ON_BEHALF, opening), (_OWN_PLAN, opening))
             for m in pattern.finditer(text)]
    found += [(m, m.group("title")) for m in _SPEAKER.finditer(title_lines)]
    for m, title in found:
        cue = m.groupdict()
        if cue.get("nation"):
            names.append(NATION)
            continue
        name = cue.get("name") or ""      # not 泉州市长: 赵克志省长 reads the same way
        level = cue.get("level") or (name if name in _LEVELS else None) or (not name and _TITLES.get(title))
        if _is_name(name):
            names.append(name)
        elif level:                         # 我代表省人民政府, 自治区主席, 州长
            levels.add(_level_of(level))
    return names, levels


def stated_levels(head: str) -> set[str]:
    """The levels a head states without a name: 我代表市人民政府, 县长 张三 → {市} / {县}."""
    return _head_cues(head, head)[1]


def _level_of(word: str) -> str:
    """The level a bare word names: 州 is a 自治州, the rest are themselves."""
    return "自治州" if word == "州" else word


def _is_name(name: str) -> bool:
    """A place name, not a phrase that ends in a level word (省委省政府和, 全省, 代理市)."""
    stem = next((name[:-len(level)] for level in _LEVELS if name.endswith(level)), name)
    return len(stem) >= 2 and not _NOT_IN_NAME.search(stem) and not _DETERMINED.search(stem)


def _full_name(name: str, work: str, prefecture: bool = True) -> str | None:
    """伊犁州 → 伊犁哈萨克自治州, as place_names.tsv or the report itself spells it out; None
    when it speaks as a 自治州 (州长, 州人民政府) but its full name is nowhere: files name
    自治州 in full."""
    if name.endswith("州") and not name.endswith("自治州"):
        for full, forms in short_forms().items():
            if full.endswith("自治州") and (name in forms or name[:-1] in forms):
                return full
        m = re.search(rf"{re.escape(name[:-1])}[{_CJK}]{{1,10}}?自治州", work)
        if m and _is_name(m.group()):
            return m.group()
        if prefecture:
            return None
    return name


def _drop_short_forms(found: set[str]) -> set[str]:
    """伊犁州 and 伊犁哈萨克自治州 are one place: keep the longer name."""
    return {n for n in found if not any(o != n and o.startswith(n.rstrip("州")) for o in found)}


def _body_name(work: str, levels: tuple[str, ...]) -> str | None:
    """The one place of these levels the body names formally, far more often than any other."""
    counts = Counter()
    for pattern in _BODY_NAMES:
        for m in pattern.finditer(work):
            name = m.group("name")
            if _is_name(name) and _level_of_name(name) in levels:
                counts[name] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < _DOMINANT * ranked[1][1]):
        return None
    return ranked[0][0]


@cache
def short_forms() -> dict[str, tuple[str, ...]]:
    """Provinces and 自治州 as files name them → the short forms bodies use (江西省 → 江西)."""
    lines = Path(__file__).with_name("place_names.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {name: tuple(forms.split(",")) for name, forms in rows[1:]}


def _headless_name(work: str) -> str | None:
    """A report without a head: a local formal name (中共石家庄市委; see _LOCAL_LEVELS), else
    the listed place it names most, if its own words (全市, 我省) give that place's level: a
    province's report names its capital more than itself, but says 全省."""
    name = _body_name(work, _LOCAL_LEVELS)
    if name:
        return name
    candidates = {city: (city,) for city in cities()} | dict(short_forms())
    name = _most_named(_without_provinces(work), candidates)
    return name if name and _level_of_name(name) == _speaks_as(work) else None


def _speaks_as(work: str) -> str | None:
    """The level a report's own words give: 全省 / 我省 more often than 全市 / 我市 … or None."""
    counts = Counter({level: work.count("全" + word) + work.count("我" + word) for word, level in _SPEECH.items()})
    (level, most), (_, next_most) = counts.most_common(2)
    return level if most > next_most else None


def _without_provinces(work: str) -> str:
    """The text with province names blanked: 吉林省 is no mention of the city of 吉林."""
    return re.sub("|".join(name for name in short_forms() if name.endswith("省")), "省", work)


@cache
def cities() -> tuple[str, ...]:
    """Prefecture-level cities as files name them (邵阳): cities.tsv, see bench/build_cities.py."""
    lines = Path(__file__).with_name("cities.tsv").read_text(encoding="utf-8").splitlines()
    return tuple([line for line in lines if line and not line.startswith("#")][1:])   # [0]: header


def _listed(level: str) -> dict[str, tuple[str, ...]]:
    return {name: forms for name, forms in short_forms().items() if _level_of_name(name) == level}


def _named_by_short_form(work: str, level: str) -> str | None:
    """The listed place of `level` (a province, a 自治州) its body names most (江西 …)."""
    return _most_named(work, _listed(level))


def _most_named(work: str, candidates: dict[str, tuple[str, ...]]) -> str | None:
    """The candidate the body names far more often than any other: a province's report says
    江西 dozens of times, its neighbours a few. Only for a head that gave the level: a
    province's report also names its capital far more often than other cities."""
    counts = Counter({name: sum(work.count(form) for form in forms) for name, forms in candidates.items()})
    ranked = counts.most_common(2) + [("", 0)]
    if ranked[0][1] < max(_MIN_MENTIONS, _DOMINANT * ranked[1][1]):
        return None
    return ranked[0][0]


def _level_of_name(name: str) -> str:
    """自治州 for 伊犁哈萨克自治州, 省 for 云南省; 市 for a city named without it (北京)."""
    return next((_level_of(level) for level in _LEVELS if name.endswith(level)), "市")


def report_year(work: str, text: str | None = None) -> int | None:
    """The year a report sets targets for: its delivery date (unless the text contradicts it),
    else its title's year, else its headings' (_heading_year). None when date and title
    disagree or no cue is there."""
    head = "".join(report_head(work))
    dated = titled = None
    if m := _DATE.search(head):
        dated = _year(m.group("year")) + (_month(m.group("month")) in _LATE_MONTHS)
        if not _looks_back_or_ahead(work, dated):
            dated = None
    if m := _TITLE_YEAR.search(head):
        titled = _year(m.group("year"))
    if dated and titled and dated != titled:
        return None
    return dated or titled or _heading_year(text or work)


def _looks_back_or_ahead(work: str, year: int) -> bool:
    """Whether the text bears a delivery date out. A report of Y reviews Y-1; one that never
    names Y-1 but dwells on a much older year is dated wrongly (a 2003 report, all about 2002,
    whose date line says 2010). Many reports say 去年, not the year: silence proves nothing."""
    named = Counter(_year(y) for y in _ANY_YEAR.findall(work))
    past = [(count, y) for y, count in named.items() if y < year]
    if not past or named[year - 1]:
        return True
    count, most_named = max(past)
    return count < _DWELLS or most_named >= year - 2


def _heading_year(text: str) -> int | None:
    """The year the headings point at, the one most of them agree on (None on a tie):
    一、2021年工作回顾 → 2022; 一、“十三五”时期回顾 → 2021; 二、全力做好2022年各项工作 → 2022.
    Without such headings, the first numbered one, which reviews last year in every report
    (一、2011年，全省上下齐心协力… → 2012). Read in `text`: `work` masks the numerals of “十三五”."""
    years, first = Counter(), None
    for heading, numbered in _headings(text):
        named = [_year(y) for y in _ANY_YEAR.findall(heading)]
        if numbered and first is None:
            first = max(named) + 1 if named and not _SINCE.search(heading) else 0
        if _REVIEW.search(heading):
            reviewed = named + [PLAN_FIRST_YEAR[p + "五"] + 4 for p in _FIVE_YEAR_PLAN.findall(heading)]
            if reviewed:
                years[max(reviewed) + 1] += 1
        elif named and _PLAN.search(heading) and not _LONG_RANGE.search(heading):
            years[min(named)] += 1
    ranked = years.most_common(2)
    if ranked:
        return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    return first or None


def _headings(text: str):
    """(heading, numbered?): numbered headings (一、…, up to their closing ** or first full
    stop) and short lines that are not a list's lead-in (2012年的主要工作和成效是：)."""
    for line in text.split("\n"):
        line = line.strip().strip("*#> ")
        m = _NUMBERED.match(line)
        if m:
            yield re.split(r"\*\*|。", m.group("rest"))[0][:_HEADING_MAX], True
        elif len(line) <= _SHORT_LINE and not _LEAD_IN.search(line):
            yield line, False


def _year(text: str) -> int:
    """2021 or 二〇二一 → 2021."""
    if text.isdigit():
        return int(text)
    return int("".join("0" if c in _ZERO else str("一二三四五六七八九".index(c) + 1) for c in text))


def _month(text: str) -> int:
    """1, 01, 十二, 三 → the month's number."""
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (("一二".index(text[1]) + 1) if len(text) > 1 else 0)
    return "一二三四五六七八九".index(text) + 1
