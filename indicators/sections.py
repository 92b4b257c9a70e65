"""Target or achieved, one year or several: what part of a report a number is in.

Work reports review last year (过去一年 / 2023年工作回顾) and often the last five years
(五年来 / “十三五”时期), then set this year's targets (2024年工作安排 / 主要预期目标) and
sometimes those of a five-year plan (“十四五”时期主要目标). A heading, or a paragraph that
opens with such words, sets the status and period for what follows (`Sections`). The
sentence around a number can override both (`classify`): 去年 / 预计 / a past year speak of the
past, 力争 / 目标 / 今年 of the plan, 年均 of an average over several years.

The layout may be lost: mirror sites and reprints run a whole report into one paragraph
(…提出意见。一、2023年工作回顾过去一年，…。二、2024年工作安排 …). So headings and openings
are also looked for after a full stop inside a line, where a heading is told from an item of a
list by the heading word it ends with; a number comes out with the same status and period
either way (tests/test_flattened.py, bench/bench_flattened.py). The line naming where the report
is delivered (——2024年1月15日在…第三次会议上) opens nothing, wherever it stands.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .lazy_regex import lazy_compile
from .models import ACHIEVED, ANNUAL, AVERAGE, CUMULATIVE, TARGET  # noqa: F401  (re-exported)
from .years import BASE_YEAR, horizon_in, span_in, without_spans

_HEADING_PREFIX = lazy_compile(r"[#>*\s]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
# 本届政府的收官之年 names the last year of the term, not the five years
_FIVE_YEARS_PAST = lazy_compile(r"过去(?:的)?五年|[两三四五]年来|本届政府(?!的?收官)|届政府以来")
# A plan's period: reviewed when it ended before the report's year, planned when it starts in it
# (“十三五”时期… in a 2021 report, “十二五”时期是…关键时期 in a 2011 one); the one under way opens neither.
# It opens a sentence: 2005年是“十五”时期的最后一年 speaks of one year.
_PLAN_PERIOD = lazy_compile(r"(?:^|(?<=[。！!；;：:，,]))“?十[一二三四五六七]?五”?(?:时期|期间)")
_OPENS_LAST_YEAR = lazy_compile(r"(?:过去(?:的)?一年|一年来|刚刚过去的|这一年|今年以来)")
# a paragraph that names one year first speaks of that year, whatever follows (…本届政府…第一年)
_OPENS_ONE_YEAR = lazy_compile(r"(?:过去(?:的)?一年|一年来|刚刚过去的(?:一年|20\d\d年)|这一年|今年以来)")
_OPENS_THIS_YEAR = lazy_compile(r"(?:今年的主要预期目标|全年主要预期目标)")
# 主要预期目标是：… names the targets of the plan in hand: a five-year plan's inside one
# (…个约束性指标。主要预期目标是：…年均增长5.5%), else this year's. Sections resolves it.
_OPENS_PLAN_TARGETS = lazy_compile(r"主要预期目标")
_PLAN_IN_HAND = "plan in hand"
# 主要做了以下工作 / 我们主要做好了以下六方面工作: what was done (做好…工作 alone is a plan)
_REVIEW = lazy_compile(r"过去(?:的)?[一五]年|[一两三四五]年来|回顾|上年工作|去年工作|工作总结|发展成就|取得的成绩|本届政府"
                     r"|以来的?工作|成立以来|(?:做|抓|干)好?了")
_PLAN = lazy_compile(r"目标任务|(?<!超过|完成|实现|达到|超额)预期目标|主要目标|工作安排|重点工作|主要任务|重点任务|工作任务|总体要求|总体安排|工作思路|总体思路"
                   r"|今年|工作建议|奋斗目标|发展目标|远景目标|规划纲要|规划建议|做好.{0,6}工作|今后[五5]年|未来[五5]年")
# a heading that ends by naming targets announces a plan (二、…奋力实现跨越式发展新目标), unless they
# are done (一、…全面完成2003年各项预期目标); one ending with 任务 may be a task done (（一）圆满完成
# 峰会服务保障任务, （二）聚力落实国家重大战略任务)
_ENDS_WITH_TARGETS = lazy_compile(r"^(?!.*完成).*目标[*\s]*$")
_TARGETS_MET = lazy_compile(r"目标(?:任务)?[^，,。]{0,4}(?:实现|完成|超额|超过)")
_SEVERAL_YEARS = lazy_compile(r"[五两三四]年|(?<!\d)[2-5]年|十[二三四五]五|20\d\d\s*[-—至到~]\s*20\d\d|本届|时期|期间|远景")
_YEAR = lazy_compile(r"(20\d\d)年")
# Lines worth a look: short ones, numbered ones, and paragraphs that open with a time word. Each
# is found after a line break (the text is searched with one put in front): a pattern that opens
# with ^ is tried at each position of the report, one that opens with \n only at line breaks.
_CANDIDATE_LINE = lazy_compile(
    r"\n([^\S\n]*(?:[^\n]{1,40}$|(?:[#>*]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分|[(（][一二三四五六七八九十]+[)）]"
    r"|过去|刚刚过去|这一年|[一两三四五]年来|今年|主要预期目标|20\d\d年|“十|各位代表|本届政府)[^\n]*))", re.M)
_INNER_SENTENCE_END = lazy_compile(r"[。；;!！]")
# Sentence starts inside a line that may open a section: a page that lost its line breaks
# (…。一、2023年工作回顾 过去一年，…  …会议上 市长 某某各位代表：过去一年，…  （2025年1月12日在…
# 会议上）一、2024年工作回顾…), and a paragraph that turns to last year (…开局之年。过去一年，…).
# One set of characters first, so that the engine skips to them in C: the full stops, and the first
# characters of the vocative and of the end of the delivery line, which go on from there.
_NUMBERED = r"(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分|[(（][一二三四五六七八九十]+[)）])"
_MARKUP = r"[^\S\n]*(?:[#>*]+[^\S\n]*)?"
_OPENER_AHEAD = (_MARKUP + "(?=" + _NUMBERED + r"|过去|刚刚过去|这一年|[一两三四五]年来|今年|今后|未来|主要预期目标"
                 r"|20\d\d年|“十|各位代表|本届政府)")
_SENTENCE_START = lazy_compile(r"[。！!？?各会](?:(?<=各)位代表[：:，,！!]|(?<=会)议上[)）]?|(?<=[。！!？?]))" + _OPENER_AHEAD)
_NUMBERED_START = lazy_compile(_NUMBERED)
# Inside a line a heading has no line end to close it: it is a phrase that ends with a heading
# word, then a break (space, **, punctuation) or the opening of the paragraph it heads
# (…工作回顾2023年是…). A list item in running text has no such ending (一、加快产业转型，…), or
# goes on after a comma ((四)围绕转型发展主要目标，体制机制创新…: a lead-in, not a heading).
_HEADING_WORD = (r"回顾|工作总结|成就|以来的?工作|工作安排|重点工作|工作重点|主要工作|主要任务|重点任务|工作任务|目标任务|工作部署"
                 r"|预期目标|主要目标|工作目标|发展目标|奋斗目标|远景目标|总体要求|总体安排|工作思路|总体思路|工作建议"
                 r"|今后[五5]年|未来[五5]年|做好(?:20\d\d年|今年|明年)[^，,。]{0,4}工作")
_HEADING_PHRASE = lazy_compile(r"[^，,。；;：:！!？?\s*]{0,32}?(?:" + _HEADING_WORD + r")(?:$|[\s*：:。]"
                             r"|(?=20\d\d年|过去|今年|今后|未来|一年来|[两三四五]年来|刚刚|这一年|各位代表|“十|本届"
                             + _NUMBERED + r"))")
# 一、过去五年工作回顾市第十五届人大一次会议以来…: no visible end, but after a number a heading
# word this near makes a heading; list items in running text have none. Without a number such a
# phrase is a sentence (“十三五”规划目标任务基本完成).
_NUMBERED_HEADING = lazy_compile(r"[^，,。；;：:！!？?\s*]{0,32}?(?:" + _HEADING_WORD + ")(?![，,])")
# …。2021年重点工作任务历史已翻开新的一页: a year and a heading word, the year decides
_YEAR_HEADING = lazy_compile(r"20\d\d年[^，,。；;：:！!？?\s*]{0,8}?(?:" + _HEADING_WORD + ")(?![，,])")
# Inside a paragraph only these openings turn it; 今年1月，… or 2023年，全市… there is one sentence,
# and so are 两年来，全省投入…援助灾区 (one task's years, not a term of office), “十五”期间我市经济
# 年均增长13.9% (a plan period opens set off by a comma, or as what 是 describes) and 本届政府工作
# 开局良好 (本届政府 opens a paragraph only at a line start). The first ones
# also open a paragraph glued to a heading that has no heading word (三、奋力前行，只争朝夕开新局
# 今年是…); the others never stand glued to what precedes.
_GLUED_OPENINGS = (r"(?:过去(?:的)?一年|刚刚过去的(?:一年|20\d\d年)|一年来)(?:[,，]|[,，]?是)|(?:过去(?:的)?五年|[三四五]年来)[,，]"
                  r"|(?:20\d\d|今)年[,，]?是")
_GLUED_OPENING = lazy_compile(_GLUED_OPENINGS)
# after a number a year too (一、美好安徽建设迈出坚实步伐2013年，全省…), but not 到2025年，…
_GLUED_AFTER_NUMBER = lazy_compile(_GLUED_OPENINGS + r"|(?<![到至在于比较从自止是为和与及])20\d\d年[,，]")
_SENTENCE_OPENING = lazy_compile(_GLUED_OPENINGS + r"|这一年[,，](?![^，,。]{0,6}[要将])|“?十[一二三四五六七]?五”?(?:时期|期间)(?:[,，]|[,，]?是)"
                               r"|(?:20\d\d|今)年[^，,。]{0,12}?(?:预期目标|主要目标|总体要求)"
                               r"|主要预期目标")
_AFTER_PHRASE = "，,、；;：:"   # an opening glued to a heading follows no such mark
# 现在，我代表市人民政府向大会报告工作，请予审议…提出意见。 ends a paragraph: what follows on the
# same line (a page that lost its breaks) starts one, and may open with any opening (2023年，我们…).
_PREAMBLE_END = lazy_compile(r"向大会[^。\n]{0,12}?报告[^。\n]{0,60}?(?:审议|意见)[。.]" + _MARKUP)
_PREAMBLE_REACH = 1500
# Where the report is delivered (——2024年1月15日在XX市第十七届人民代表大会第三次会议上): a date
# line, never the opening of this year's plan, wherever it stands.
_DELIVERY = lazy_compile(r"在[^，,。；;！!\n]{0,30}?(?:人民代表大会|人大)(?:[^，,。；;！!\n]{0,12}?会议)?上")
_SENTENCE_END = lazy_compile(r"[。！!？?]")
_SENTENCE_PROBE = 80       # how much after a sentence start is read
_HEADING_MAX = 40          # longer lines are paragraphs, not headings
_OPENING_MAX = 12          # a paragraph opening with 过去一年 / 主要预期目标 switches too
_FIVE_YEARS_PROBE = 40     # 五年来 anywhere in a paragraph's first sentence or so
_VOCATIVE = lazy_compile(r"各位代表[,，!！:：]\s*")   # matched where a paragraph starts

# Sentence cues (searched in the sentence before the number). Their words are spelled out
# (一年来|两年来, not [一两]年来) and a look-behind comes after the first character, not before it:
# a pattern whose every match opens with a known character is skipped through in C to where one
# may start, any other is tried at each position of each sentence.
_PAST = lazy_compile(r"去年|上年(?!度)|过去一年|过去的一年|一年来|两年来|三年来|四年来|五年来|过去五年|预计(?!今年)"
                   r"|初步(?:统计|测算|核算)|据统计|超额完成|圆满完成"
                   r"|实现了|完成了|达到了|增长了|突破了|提高了|新增了|引进了|下降了")
# 争取 also means "secured" (争取专项债券64亿元): only the "strive to" sense plans anything.
_PLANNED = lazy_compile(r"预期(?=年均|增长|达到)|力争|争取(?![^,，;；。]{0,8}?(?:资金|债|政策|支持|项目|试点|指标))|确保|预期目标|目标是|目标为"
                      r"|主要目标|明年|力求|努力实现|今后[五5]年|未来[五5]年")
# 今年 is the plan year in a report read in January, the year under review in one read in December.
_THIS_YEAR = lazy_compile(r"今年(?!以来)|本年")
_DELIVERED = lazy_compile(r"(20\d\d)年\s*(?:1[0-2]|[1-9])\s*月\s*\d{1,2}\s*日")
_NAMED_YEAR = lazy_compile(r"(20(?<![比较自从]20)\d\d)年(?![底末以来]|相比)")
_ONE_YEAR = {ACHIEVED: lazy_compile(r"去年|上年|全年|预计|同比"), TARGET: lazy_compile(r"今年|年内|本年|全年")}
# Part of a year: the nearest such word before the number wins (前三季度增长7%，全年增长6.5%).
_PART_OF_YEAR = lazy_compile(r"(?P<q1_q3>前三季度|1\s*[-—–~至]\s*9\s*月)|(?P<h1>上半年|1\s*[-—–~至]\s*6\s*月)"
                           r"|(?P<q>(?:第)?[一二三四]季度)|(?P<months>(?:1\s*[-—–~至]\s*|前)(?:1[01]|[2-9])\s*个?月)"
                           r"|(?P<year>全年|年度|年末|年底)")
_QUARTER = {"一": "q1", "二": "q2", "三": "q3", "四": "q4"}
_PART_REACH = 40
_AVERAGE = lazy_compile(r"年均|年平均|平均每年|平均增长|平均增速")
_CUMULATIVE = lazy_compile(r"累计|五年来|过去五年|五年间|期间|比20\d\d年|较20\d\d年|比“?十[二三四]五”?末|较“?十[二三四]五”?末")
# 翻一番 is the change of its own clause's subject: in a list (外商直接投资翻一番，城镇居民收入增长8%)
# it says nothing of the numbers of the clauses after it
_DOUBLED = lazy_compile(r"翻[一两]?番")
# 能耗五年下降21%, 五年城镇新增就业652万人: a count of years right before the change it spans, in
# the number's own clause too (not 连续五年, 第五年, 两年平均增长, nor the end of 二〇一五年)
_YEARS_OF_CHANGE = lazy_compile(r"[两三四五六七八九十](?<![〇零一二三四五六七八九十两续第每].)年(?:累计|共|城镇)?"
                              r"(?:下降|增长|新增|减少|降低|提高)")
_CLAUSE_MARK = lazy_compile(r"[，,；;：:]")


class Sections:
    """(status, period) for any offset of a report, from its headings and paragraph openings."""

    def __init__(self, text: str, report_year: int | None):
        self.report_year = report_year
        delivered = _DELIVERED.search(text[:400])
        # A report for 2023 read in December 2022 calls 2022 "今年".
        self.this_year_is_past = bool(report_year and delivered and int(delivered.group(1)) < report_year)
        self.starts: list[int] = [0]
        self.states: list[tuple[str, str]] = [(TARGET, ANNUAL)]   # until the first heading: see _lead_in
        self.spans: list[tuple[int, int] | None] = [None]   # the years a section speaks of (years.py)
        # (position, state, span): headings and paragraph openings at line starts, then inside
        # lines: those of a page that lost its breaks, and the sentences that turn a paragraph
        # (…开局之年。过去一年，全市…)
        events = []
        # where a heading inside a line ends and the paragraph it heads begins: the number's
        # sentence starts there, not with the heading (…工作回顾过去五年，… is no five-year sentence)
        self.breaks: list[int] = []
        for m in _CANDIDATE_LINE.finditer("\n" + text):
            line = m.group(1)
            state = self._line_state(line, report_year)
            if state:
                events.append((m.start(1) - 1, state, span_in(line[:_FIVE_YEARS_PROBE], report_year)))
        # after the vocative 各位代表！ a paragraph starts, whatever opens it (本届政府任期的五年，…)
        sentence_starts = [(m.end(), m.group().startswith("各")) for m in _SENTENCE_START.finditer(text)]
        preamble = _PREAMBLE_END.search(text, 0, _PREAMBLE_REACH)
        if preamble and text[preamble.end():preamble.end() + 1] not in ("", "\n"):
            sentence_starts.append((preamble.end(), True))
        for at, paragraph in sentence_starts:
            sentence = text[at:at + _SENTENCE_PROBE].split("\n", 1)[0]
            for start, end, state in self._sentence_states(sentence, report_year, paragraph):
                events.append((at + start, state, span_in(sentence[start:end], report_year)))
                if start:
                    self.breaks.append(at + start)
        self.breaks.sort()
        events.sort(key=lambda e: e[0])
        # An excerpt that starts inside a review has no heading to say so: its own voice tells.
        self.states[0] = (_lead_in_status(text[:events[0][0] if events else len(text)]), ANNUAL)
        for start, state, span in events:
            if state[1] == _PLAN_IN_HAND:
                in_five_year_plan = self.states[-1] == (TARGET, CUMULATIVE)
                state = TARGET, CUMULATIVE if in_five_year_plan else ANNUAL
                span = self.spans[-1] if in_five_year_plan else span
            if (state, span) != (self.states[-1], self.spans[-1]):
                self.starts.append(start)
                self.states.append(state)
                self.spans.append(span)

    def _line_state(self, line: str, report_year: int | None) -> tuple[str, str] | None:
        s = line.strip().lstrip("#>* ")
        if not s:
            return None
        # a heading is one phrase: ──就业超过预期目标。城镇新增就业87万人 is a paragraph
        phrase = not _INNER_SENTENCE_END.search(s.rstrip("。；;!！"))
        # 今年是“十五五”开局之年。 opens a paragraph on this year, however short (a heading never
        # starts with 今年; read as one, the plan it names would make the year's targets five years')
        if (phrase and len(s) <= _HEADING_MAX or _HEADING_PREFIX.match(line)) and not _THIS_YEAR.match(s):
            state = _heading_state(s[:_HEADING_MAX], report_year)
        else:
            state = self._opening(s, report_year)
        if state and _names_delivery(s):
            return None   # 政府工作报告——2024年1月15日在…会议上: where, not what
        return state

    def _sentence_states(self, sentence: str, report_year: int | None, paragraph: bool = False
                         ) -> list[tuple[int, int, tuple[str, str]]]:
        """(start, end, state) of what a sentence inside a line opens: a heading (…。二、2024年工作安排
        …) and the paragraph glued to it (…工作安排2024年是…), or a paragraph's opening
        (…。过去一年，…). Nothing for other sentences (一、加快…, a list item; 2023年，全市…),
        unless the sentence is known to start a `paragraph`."""
        if _names_delivery(sentence):
            return []
        found = []
        numbered = _NUMBERED_START.match(sentence)
        start = numbered.end() if numbered else 0
        heading = _HEADING_PHRASE.match(sentence, start)
        closed = heading is not None    # the paragraph it heads starts right after it
        if numbered and not heading:
            heading = _NUMBERED_HEADING.match(sentence, start)
        elif not heading and not _SENTENCE_OPENING.match(sentence):   # 2024年主要预期目标是: an opening
            heading = _YEAR_HEADING.match(sentence)
        if heading:
            state = _heading_state(sentence[:heading.end()], report_year)
            if state:
                found.append((0, heading.end(), state))
            start = heading.end()
        while start < len(sentence) and sentence[start] in " *":
            start += 1
        vocative = _VOCATIVE.match(sentence, start)
        if closed or paragraph and not heading:
            opening = start
        else:   # an opening at the start, or glued to a heading with no heading word (…开新局今年是…)
            at = vocative.end() if vocative else start
            glued = _GLUED_AFTER_NUMBER if numbered else _GLUED_OPENING
            m = _SENTENCE_OPENING.match(sentence, at) or glued.search(sentence, at, start + _HEADING_MAX)
            opening = m.start() if m and (m.start() == at or sentence[m.start() - 1] not in _AFTER_PHRASE) else None
        if opening is not None:
            state = self._opening(sentence[opening:], report_year)
            if state:
                found.append((opening, opening + _FIVE_YEARS_PROBE, state))
        return found

    def _opening(self, paragraph: str, report_year: int | None) -> tuple[str, str] | None:
        """The state a paragraph opens with its first words (vocative 各位代表 skipped)."""
        vocative = _VOCATIVE.match(paragraph)
        probe = paragraph[vocative.end() if vocative else 0:][:_FIVE_YEARS_PROBE]
        if _THIS_YEAR.match(probe):
            return (ACHIEVED if self.this_year_is_past else TARGET), ANNUAL
        return _opening_state(probe, report_year)

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph glued to a heading inside a line begins, if `pos` is in one
        (…。一、2023年工作回顾过去一年，…); else 0."""
        i = bisect_right(self.breaks, pos)
        return self.breaks[i - 1] if i else 0

    def target_spans(self, end: int) -> list[tuple[int, int]]:
        """(start, end) of every stretch of text[:end] whose sections set targets."""
        spans: list[tuple[int, int]] = []
        bounds = self.starts[1:] + [end]
        for start, stop, (status, _period) in zip(self.starts, bounds, self.states):
            if status == TARGET and start < stop:
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], stop)
                else:
                    spans.append((start, stop))
        return spans

    def state_at(self, pos: int) -> tuple[str, str]:
        return self.states[bisect_right(self.starts, pos) - 1]

    def span_at(self, pos: int) -> tuple[int, int] | None:
        """The span of years the section around `pos` names (“十三五”时期 → 2016-2020), if any."""
        return self.spans[bisect_right(self.starts, pos) - 1]

    def classify(self, pos: int, sentence: str, link: str, rate: bool = False) -> tuple[str, str]:
        """Status and period of the number at `pos` (see `classify`)."""
        return classify(self.state_at(pos), sentence, link, self.report_year, self.this_year_is_past, rate)


# What a review says (取得, 获批, 建成 …, 比上年, a measured rate) and what a plan says (力争, 确保,
# 目标, 左右 …), in the sentences before the first heading: the voice of the lead-in, when there is
# no heading to tell.
_REVIEW_VOICE = lazy_compile(r"取得|获批|获评|荣获|入选|建成|成立|揭牌|出台|惠及|成为|同比|比上年|较上年|上年|去年"
                           r"|[实完]现了|完成了|增长了|提高了|突破了|达到了")
_PLAN_VOICE = lazy_compile(r"力争|确保|争取|预期|目标|左右|计划|努力|今年|明年|将要|拟")
# 增长7.8%: a rate as measured; targets are round (6%) or halves (6.5%)
_MEASURED_RATE = lazy_compile(r"\d\.\d*[1-46-9]%")
_SENTENCE = lazy_compile(r"[^。；;！!？?\n]+")
_VOICE_MARGIN = 2          # review sentences must outnumber plan ones this many times, and be two or more


def _lead_in_status(lead_in: str) -> str:
    """The status of what stands before the first heading or opening: a plan (as a report's
    preamble, or a page of targets), unless its sentences speak as a review does."""
    review = plan = 0
    for m in _SENTENCE.finditer(lead_in):
        sentence = m.group()
        said_review = bool(_REVIEW_VOICE.search(sentence) or _MEASURED_RATE.search(sentence))
        said_plan = bool(_PLAN_VOICE.search(sentence))
        review += said_review and not said_plan
        plan += said_plan and not said_review
    return ACHIEVED if review >= 2 and review >= _VOICE_MARGIN * plan else TARGET


def _names_delivery(line: str) -> bool:
    """Does the first sentence of `line` say where the report is delivered?"""
    end = _SENTENCE_END.search(line, 0, _SENTENCE_PROBE)
    return bool(_DELIVERY.search(line, 0, end.start() if end else _SENTENCE_PROBE))


def _heading_state(probe: str, report_year: int | None) -> tuple[str, str] | None:
    """一、2022年工作回顾 / 二、“十四五”时期主要目标任务 / 三、2023年工作安排 …"""
    several = CUMULATIVE if _SEVERAL_YEARS.search(probe) else ANNUAL
    years = [int(y) for y in _YEAR.findall(probe)]
    review, plan = bool(_REVIEW.search(probe)), bool(_PLAN.search(probe) or _ENDS_WITH_TARGETS.search(probe))
    if _TARGETS_MET.search(probe):   # （一）…，年度经济发展目标基本实现: a review of last year's targets
        review, plan = True, False
    if report_year and years and ("工作" in probe or review or plan):
        if max(years) < report_year:
            return ACHIEVED, CUMULATIVE if len(set(years)) > 1 else several
        if not review:
            return TARGET, CUMULATIVE if max(years) > report_year else several
    if review and not plan:
        return ACHIEVED, several
    if plan and not review:
        return TARGET, several
    return None


def _opening_state(probe: str, report_year: int | None) -> tuple[str, str] | None:
    """A paragraph that opens with 过去一年 / 五年来 / 主要预期目标 / 2022年，… (今年: see Sections)."""
    if _OPENS_ONE_YEAR.match(probe):
        return ACHIEVED, ANNUAL       # 过去一年是本届政府依法履职的第一年: the opening decides
    if _FIVE_YEARS_PAST.search(probe):      # 各位代表，2020年…收官。五年来，我们…
        return ACHIEVED, CUMULATIVE
    plan = _PLAN_PERIOD.search(probe)
    span = plan and report_year and span_in(plan.group(), report_year)
    if span and span[1] < report_year:
        return ACHIEVED, CUMULATIVE
    if span and span[0] >= report_year:
        return TARGET, CUMULATIVE
    probe = probe[:_OPENING_MAX]
    if _OPENS_LAST_YEAR.match(probe):
        return ACHIEVED, ANNUAL       # 刚刚过去的2021年，是本届政府的收官之年
    m = _YEAR.match(probe)
    if m and report_year and int(m.group(1)) == report_year - 1:
        return ACHIEVED, ANNUAL       # 2022年，我们… / 2022年是新一届政府履新之年
    if _OPENS_THIS_YEAR.match(probe) or (m and int(m.group(1)) == report_year):
        return TARGET, ANNUAL
    if _OPENS_PLAN_TARGETS.match(probe):
        return TARGET, _PLAN_IN_HAND
    return None


def classify(section: tuple[str, str], sentence: str, link: str, report_year: int | None,
             this_year_is_past: bool = False, rate: bool = False) -> tuple[str, str]:
    """Status and period of a number, from its section and the words of its sentence.

    `sentence` runs from the sentence start to the number; `link` is what stands between
    the number's subject and the number (年均 there makes an average)."""
    status = _status(section[0], sentence, report_year, this_year_is_past)
    return status, _period(section[1], status, sentence, link, report_year, rate)


def _status(status: str, sentence: str, report_year: int | None, this_year_is_past: bool) -> str:
    """The section's status, unless the sentence speaks only of the past or only of the plan."""
    past, planned = bool(_PAST.search(sentence)), bool(_PLANNED.search(sentence))
    if _THIS_YEAR.search(sentence):
        past, planned = past or this_year_is_past, planned or not this_year_is_past
    if report_year:   # 预计2020年全市… / 到2025年… / 2023年全市…; not 比2015年 (a base year)
        years = [int(y) for y in _NAMED_YEAR.findall(without_spans(sentence))]
        past = past or any(y < report_year for y in years)
        planned = planned or any(y >= report_year for y in years)
        span = span_in(sentence, report_year)   # “十四五”期间 in a 2021 report is to come
        past = past or bool(span and span[1] < report_year)
        planned = planned or bool(span and span[0] >= report_year)
        # 比2020年翻一番 in a 2021 report: growth from last year's level is yet to come
        planned = planned or any(int(y) >= report_year - 1 for y in BASE_YEAR.findall(sentence))
    if status == ACHIEVED and planned and not past:
        return TARGET      # a review paragraph that states this year's plan
    if status == TARGET and past and not planned:
        return ACHIEVED    # a plan paragraph that recalls last year
    return status


def _period(period: str, status: str, sentence: str, link: str, report_year: int | None, rate: bool) -> str:
    """The section's period, unless the sentence says otherwise. A `rate` (a growth or a
    share, in %) is one year's unless its sentence gives it a base: a growth over several
    years is always written with one (年均, 累计, 比2015年, 翻番), so a bare 增长6% inside a
    five-year review is last year's, while a count there (新增…837家) adds up the five years."""
    if report_year:   # 比2009年增长13% in a 2011 report is 2010 over 2009: one year, not several
        previous = str(report_year - 2 if status == ACHIEVED else report_year - 1)
        sentence = BASE_YEAR.sub(lambda m: "比上年" if m.group(1) == previous else m.group(), sentence)
    part = part_of_year(sentence)
    if part:
        return part
    if _AVERAGE.search(link) or _AVERAGE.search(sentence[-12:]):
        return AVERAGE
    one_year_end = _one_year_end(sentence, status, report_year)
    clause_start = _last_end(_CLAUSE_MARK, sentence)
    doubled = _DOUBLED.search(sentence, clause_start)
    if max(_last_end(_CUMULATIVE, sentence), doubled.end() if doubled else 0) > one_year_end:
        return CUMULATIVE   # 累计 / 比2015年, unless a one-year word follows (五年来…2012年达…，同比增长10.1%)
    if _YEARS_OF_CHANGE.search(sentence, clause_start):
        return CUMULATIVE
    if report_year and (horizon_in(sentence, report_year) or 0) > report_year:
        return CUMULATIVE   # 到2025年 in a 2021 report
    if period == CUMULATIVE and (rate and status == ACHIEVED or one_year_end):
        return ANNUAL       # one year's figure inside a five-year review or plan
    return period


def _last_end(pattern: re.Pattern, text: str) -> int:
    """Where the last match of `pattern` in `text` ends; 0 when there is none."""
    last = 0
    for m in pattern.finditer(text):
        last = m.end()
    return last


def _one_year_end(sentence: str, status: str, report_year: int | None) -> int:
    """Where the last word that speaks of one year ends (去年, 同比, 今年, or that year named)."""
    end = _last_end(_ONE_YEAR[status], sentence)
    if report_year:
        one_year = str(report_year - 1 if status == ACHIEVED else report_year)
        for m in _NAMED_YEAR.finditer(sentence):
            if m.group(1) == one_year:
                end = max(end, m.end())
    return end


def part_of_year(sentence: str) -> str | None:
    """q1 … q4, h1 (上半年), q1-q3 (前三季度), months (1-11月) when the time word nearest
    before the number names part of a year; None for a whole year (全年) or none."""
    start = max(0, len(sentence) - _PART_REACH)
    # each part of a year is written with 月, 季度 or 半年; most sentences have none of them, and
    # the pattern, with no one first character, would be tried at each of their positions
    if sentence.find("月", start) < 0 and sentence.find("季度", start) < 0 and sentence.find("半年", start) < 0:
        return None
    last = None
    for last in _PART_OF_YEAR.finditer(sentence, start):
        pass
    if last is None or last.lastgroup == "year":
        return None
    if last.lastgroup == "q":
        return _QUARTER[last.group()[-3]]
    return last.lastgroup.replace("_", "-")
