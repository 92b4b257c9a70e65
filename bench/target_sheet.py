"""Which targets the panel's reports of 2015 onwards state in their main-targets paragraph.

For each report PLACE_YEAR.txt (year >= 2015) of the panel, find the paragraph that lists the
year's main expected targets (主要预期目标是：…), split it into clauses, name each clause's
subjects with a small table of regexes, and print how many reports state each subject.
Clauses no subject names are counted too (--unnamed shows the most frequent), so the table
can be extended by reading them.

    python bench/target_sheet.py [PANEL_DIR] [--since 2015] [--unnamed 40]

Deterministic (sorted files, no randomness) and fast (plain regexes, no polcmp engine).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

PANEL = Path(__file__).resolve().parents[2] / "shared" / "panel"   # ../shared/panel beside the repository

# The sentence that opens the year's target list: 主要预期目标是： / 预期目标： / 主要目标为 / 主要指标是.
TRIGGER = re.compile(r"(?:主要预期性?(?:目标|指标)|预期性?(?:目标|指标)(?:主要)?|主要(?:经济)?(?:目标|指标))"
                     r"(?:建议)?(?:安排|确定)?(?:是|为|：|:)")
# A paragraph of a five-year plan (今后五年的主要目标是) lists other targets.
PLAN = re.compile(r"今后[五5]年|十[一二三四五六]五.{0,4}(?:时期|期间)的?主要目标|到20\d\d年")
TARGET_FIGURE = re.compile(r"\d%(?:左右|以上|以内)")
CLAUSE = re.compile(r"[，,；;。！!]")
NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万亿]+(?:个百分点|%|万|亿|吨|斤)")

# subject → regex over one clause. 出口 must not be 进出口; 居民 income is all residents
# unless 城镇/农村 says otherwise; energy is per unit of GDP, not of industry.
SUBJECTS: dict[str, str] = {
    "GDP 增长": r"生产总值|GDP|经济增长|经济增速",
    "规上工业增加值": r"(?:规上|规模以上|规模)工业",
    "固定资产投资": r"固定资产投资|(?<!工业)(?<!技改)(?<!民间)投资增长",
    "社会消费品零售总额": r"消费品零售",
    "一般公共预算收入": r"一般(?:公共)?(?:财政)?预算收入|地方级?(?:财政)?收入|公共财政(?:预算)?收入",
    # the total: 财政总收入, Fujian's 一般公共预算总收入, a bare 财政收入
    "财政总收入": r"财政总收入|全口径财政收入|预算总收入|(?<!地方)(?<!级)(?<!公共)财政收入",
    "进出口": r"进出口|外贸(?!出口)|对外贸易",
    "出口（不含进出口）": r"(?<!进)出口",
    "实际利用外资": r"外资|外商",
    "居民消费价格": r"消费价格|CPI|物价|价格总水平",
    "城镇调查失业率": r"调查失业率",
    "城镇登记失业率": r"登记失业率",
    "失业率（未言调查/登记）": r"(?<!调查)(?<!登记)失业率",
    "城镇新增就业": r"新增就业|新增城镇就业|就业\d|就业人数",
    "农村劳动力转移": r"劳动力转移|转移(?:农村)?劳动力|转移就业",
    # 城镇常住居民 / 城乡居民 / 城镇和农村常住居民: the character before 居民 (or 常住) tells
    "居民人均可支配收入（全体/未分城乡）": r"(?<![镇村乡市住区、和])(?:全体|常住)?居民(?:人均)?(?:可支配)?收入",
    "城镇/农村居民收入": r"(?:城镇|城市|农村|城乡)[^，,；;]{0,14}收入|农(?:牧)?民(?:人均)?(?:纯)?收入",
    "单位GDP能耗": r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)(?:能耗|能源消耗|能源)|能耗强度|单位生产总值.{0,12}能耗|能源消耗总量|能耗",
    "单位GDP二氧化碳排放": r"二氧化碳|碳排放|碳强度",
    "主要污染物排放": r"主要污染物|污染物排放|化学需氧量|二氧化硫|氨氮|氮氧化物|节能减排",
    "PM2.5 / 空气质量": r"PM2\.?5|细颗粒物|空气质量|优良天数|蓝天",
    "水质 / 地表水": r"地表水|水质|水环境|国控断面|省控断面",
    "粮食": r"粮食",
    "城镇化率": r"城镇化",
    "研发投入": r"研发|R&D|研究与试验发展|研究与开发",
    "服务业增加值": r"服务业增加值|第三产业增加值|服务业",
    "税收": r"税收",
    "人口自然增长率": r"人口自然增长|人口增长",
    "国际收支": r"国际收支",
    "环境质量 / 生态": r"环境质量|生态环境|森林覆盖|绿化",
    "用水量": r"用水",
    "居民收入与经济同步": r"同步",
    "赤字 / 债务": r"赤字|债务",
    "货币 / M2 / 社会融资": r"M2|货币供应|社会融资",
    "工业增加值（不言规上）": r"(?<!规上)(?<!规模以上)(?<!规模)工业增加值",
    "三次产业增加值": r"第[一二三]产业增加值|[一二三]产增加值|建筑业增加值",
    "农业总产值": r"农林牧渔业?总产值|农业总产值|农业增加值",
    "劳动生产率": r"劳动生产率",
    "贫困人口": r"贫困人口|脱贫",
}
SUBJECT_RE = {name: re.compile(rx) for name, rx in SUBJECTS.items()}


def report_year(path: Path) -> int | None:
    m = re.fullmatch(r".+_(\d{4})", path.stem)
    return int(m.group(1)) if m else None


def target_paragraph(text: str) -> str | None:
    """The text after the trigger of the year's target list, or None.

    Among paragraphs with a trigger (not a five-year plan's), the one whose text after the
    trigger holds the most percentages; a trigger that ends its paragraph takes the next one."""
    paragraphs = [p.replace("*", "").strip() for p in text.splitlines() if p.strip()]
    best, best_score = None, 0
    for i, para in enumerate(paragraphs):
        for m in TRIGGER.finditer(para):
            if PLAN.search(para[:m.start()]):
                continue
            body = para[m.end():]
            if len(body) < 60 and i + 1 < len(paragraphs):
                body += "。" + paragraphs[i + 1]
            score = body.count("%") + body.count("％") + 2 * ("预期" in m.group(0))
            if score > best_score:
                best, best_score = body, score
    if best is None:
        # no trigger words (今年全省地区生产总值增长7%左右，…): the paragraph with the most
        # target-shaped figures (左右 / 以上 / 以内 after a number), from the sentence of the first
        best_count = 2
        for para in paragraphs:
            found = list(TARGET_FIGURE.finditer(para))
            if len(found) > best_count and not PLAN.search(para) and re.search("今年|预期|综合考虑", para):
                sentence = max(para.rfind("。", 0, found[0].start()), 0)
                best, best_count = para[sentence:], len(found)
    return best


def clauses(paragraph: str) -> list[str]:
    # the list ends where the paragraph turns to reasons or tasks (实现上述目标 / 重点抓好)
    end = re.search(r"(?:实现|完成|提出|确定)(?:上述|这些)|重点(?:抓好|做好)|主要考虑", paragraph)
    if end:
        paragraph = paragraph[:end.start()]
    return [c for c in CLAUSE.split(paragraph) if c.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("panel", nargs="?", type=Path, default=PANEL)
    ap.add_argument("--since", type=int, default=2015)
    ap.add_argument("--unnamed", type=int, default=0, help="show the N most frequent unnamed clauses")
    args = ap.parse_args(argv)

    files = sorted(p for p in args.panel.glob("*_*.txt") if (report_year(p) or 0) >= args.since)
    stating: Counter[str] = Counter()
    with_number: Counter[str] = Counter()   # reports whose clause on it holds a number
    unnamed: Counter[str] = Counter()
    with_paragraph = 0
    for path in files:
        paragraph = target_paragraph(path.read_text(encoding="utf-8"))
        if paragraph is None:
            continue
        with_paragraph += 1
        named: set[str] = set()
        numbered: set[str] = set()
        for clause in clauses(paragraph):
            hits = {name for name, rx in SUBJECT_RE.items() if rx.search(clause)}
            named |= hits
            if NUMBER.search(clause):
                numbered |= hits
            if not hits:
                unnamed[re.sub(r"[\d.]+", "#", clause.strip())[:30]] += 1
        stating.update(named)
        with_number.update(numbered)

    print(f"reports {args.since}+: {len(files)}; with a main-targets paragraph: {with_paragraph}")
    print("share: of the reports with a paragraph; with a number: the clause on it holds one")
    print(f"| subject | reports | share | with a number | share |")
    print("|---|---:|---:|---:|---:|")
    for name, n in sorted(stating.items(), key=lambda kv: (-kv[1], kv[0])):
        k = with_number[name]
        print(f"| {name} | {n} | {n / with_paragraph:.0%} | {k} | {k / with_paragraph:.0%} |")
    if args.unnamed:
        print(f"\nmost frequent unnamed clauses ({sum(unnamed.values())} in all):", file=sys.stderr)
        for clause, n in unnamed.most_common(args.unnamed):
            print(f"{n:>4}  {clause}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
