"""Whose figure is it: the place the report speaks for, or a part of it.

A report states figures of its new areas, zones, parks and counties beside its own
(滨海新区实现生产总值970亿元; 县域…分别增长…; 兵团综合实力显著增强，生产总值增长6.9%). An
indicator marked `whole: true` takes only the place's own figures. The words that name a part
are the catalogue's PART fragment, PART_OBJECT marks a part that is an object rather than the
topic (举办四期开发区项目建设), and WHOLE_PLACE (全市, 全省 …) before a subject speaks for the
whole place whatever the sentence spoke of before.
"""
from __future__ import annotations

import re

PART_NAME = 8        # 洋浦经济开发区: the name before a PART word opening a clause
TIME_OPENING = r"20\d\d年|去年|上年|全年|其中|同时"   # may stand before that name
_REGION_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|省$")


def blank_own_name(work: str, place: str | None) -> str:
    """The working text with the report's own name (北京市, 广西, 山东省) blanked out, same length.

    Before a subject the place's own name means the whole place (北京市生产总值达到4283.3亿元 is
    全市生产总值), while any other name there is a part of it or somewhere else (阜新市固定资产投资
    in a provincial report) and keeps the subject from matching. A province blanks 省 forms only:
    吉林市 in 吉林省's report is one of its cities."""
    if not place or place == "全国":
        return work
    stem = _REGION_SUFFIX.sub("", place)
    if len(stem) < 2:
        return work
    forms = {place, stem, stem + ("省" if stem != place else "市")}
    if stem != place and place.endswith("自治区"):
        forms.add(stem + "自治区")
    for name in sorted(forms, key=len, reverse=True):   # 北京市 before 北京
        work = work.replace(name, " " * len(name))
    return work


class PlaceParts:
    """The part-of-place test of one catalogue (its PART, PART_OBJECT and WHOLE_PLACE fragments);
    a catalogue without PART has none, and every figure is the place's."""

    def __init__(self, fragments: dict[str, str], regex):
        """`regex` compiles as the catalogue does (Catalogue.regex, safe_regex.py)."""
        part = fragments.get("PART")
        self.part = regex(part) if part else None
        self.opening = regex(rf"[\s*#>]*(?:{TIME_OPENING})?(?P<name>[^,;:!?。\n]{{0,{PART_NAME}}}?)(?:{part})",
                             derived_from=(part,)) if part else None
        not_topic = fragments.get("PART_OBJECT")
        self.part_object = regex(not_topic) if not_topic else None
        whole = fragments.get("WHOLE_PLACE")
        self.whole_place = regex(whole) if whole else None

    def names_part(self, run, pos: int) -> bool:
        """Is the subject at `pos` a figure of a part of the place? `run` gives the text (`work`)
        and its clause and sentence boundaries (extract._Run).

        A part stands before the subject in its clause, or opens the sentence's first clause or
        the clause just before (滇中新区发展提速，路网…，地区生产总值增长13.1%)."""
        if self.part is None:
            return False
        work = run.work
        sentence = run.sentence_start(pos)
        if not self.part.search(work, sentence, pos):
            return False   # most sentences name no part at all
        clause = run.clause_start(pos)
        if self.part.search(work, clause, pos):
            return True
        if self.whole_place and self.whole_place.search(work, max(clause, pos - 6), pos + 3):
            return False   # 全市生产总值: the whole place, whatever the sentence spoke of before
        return sentence < clause and (self._opens_with_part(run, sentence)
                                      or self._opens_with_part(run, run.clause_start(clause - 1)))

    def _opens_with_part(self, run, start: int) -> bool:
        """The clause at `start` opens with a part of the place as its topic (兰州新区全年实施…)."""
        m = self.opening.match(run.work, start, run.clause_end(start))
        return bool(m) and not (self.part_object and self.part_object.search(m.group("name")))
