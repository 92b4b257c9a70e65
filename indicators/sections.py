"""Target or achieved: which part of the report a position is in.

Work reports review last year (过去一年 / 2023年工作回顾 / 五年来) before they set this
year's targets (2024年目标任务 / 主要预期目标 / 今年工作安排). A heading, or a paragraph
that opens with such words, switches the status for what follows.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_HEADING_PREFIX = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+部分|[(（][一二三四五六七八九十]+[)）])")
_REVIEW = re.compile(r"过去(?:的)?[一五]年|[一五]年来|回顾|上年工作|去年工作|工作总结|主要工作|十[二三四]五.{0,4}(?:时期|期间)")
_PLAN = re.compile(r"目标任务|预期目标|主要目标|工作安排|重点工作|主要任务|工作任务|总体要求|工作思路|总体思路"
                   r"|今年|工作建议|奋斗目标|规划纲要|十[四五]五")
_YEAR = re.compile(r"(20\d\d)年")
_HEADING_MAX = 40          # longer lines are paragraphs, not headings
# Lines worth a look: short ones, numbered ones, and paragraphs that open with a time word.
_CANDIDATE_LINE = re.compile(
    r"^[^\S\n]*(?:[^\n]{1,40}$|(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+部分|[(（][一二三四五六七八九十]+[)）]"
    r"|过去|[一五]年来|今年|20\d\d年)[^\n]*)", re.M)
_OPENING_MAX = 8           # a paragraph opening with 过去一年 / 一年来 switches too


class Sections:
    """Status (target / achieved) for any offset of a report's normalised text."""

    def __init__(self, work: str, report_year: int | None):
        self.starts: list[int] = [0]
        self.status: list[str] = ["target"]
        for m in _CANDIDATE_LINE.finditer(work):
            status = self._line_status(m.group(), report_year)
            if status and status != self.status[-1]:
                self.starts.append(m.start())
                self.status.append(status)

    @staticmethod
    def _line_status(line: str, report_year: int | None) -> str | None:
        s = line.strip()
        if not s:
            return None
        heading = len(s) <= _HEADING_MAX or _HEADING_PREFIX.match(s)
        probe = s[:_HEADING_MAX] if heading else s[:_OPENING_MAX]
        years = [int(y) for y in _YEAR.findall(probe)]
        if report_year and years:
            if heading and max(years) < report_year and _REVIEW.search(probe) or \
                    (heading and max(years) < report_year and "工作" in probe and not _PLAN.search(probe)):
                return "achieved"
            if heading and max(years) >= report_year and (_PLAN.search(probe) or "工作" in probe):
                return "target"
        if _REVIEW.search(probe) and not _PLAN.search(probe):
            return "achieved"
        if heading and _PLAN.search(probe):
            return "target"
        return None

    def status_at(self, pos: int) -> str:
        return self.status[bisect_right(self.starts, pos) - 1]
