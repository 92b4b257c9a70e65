"""How many of the targets a main-targets paragraph states with a number polcmp extracts.

For each panel report PLACE_YEAR.txt of 2015 onwards, bench/target_sheet.py finds the paragraph
that lists the year's main expected targets (target_paragraph) and splits it into clauses
(clauses). "The paragraph states subject S with a number" means exactly what target_sheet.py
counts as "with a number": some clause of the paragraph matches S's regex (SUBJECTS) and holds a
number (NUMBER: a digit, or a Chinese numeral before 个百分点 / % / 万 / 亿 / 吨 / 斤).

For the subjects mapped to catalogue indicators below (INDICATORS), the report is read and
extracted as `polcmp extract` does (read_report, Extractor.extract, place and year from the
file name). polcmp "finds it" when one of the subject's indicators has a value with status
target, refers_to the report year, whose start lies inside the paragraph; a value with a number
and a row in words (value None, qualifier_text) are counted apart, and only a number counts
towards the share.

    python bench/target_coverage.py [PANEL_DIR] [--since 2015] [--misses N] [--subject NAME]

--misses N prints, for each subject, N reports polcmp misses (file and the clauses naming the
subject with a number), so the causes can be read. Deterministic (sorted files, one process).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # polcmp from this tree
sys.path.insert(0, str(Path(__file__).resolve().parent))       # target_sheet beside it

from target_sheet import NUMBER, PANEL, SUBJECT_RE, clauses, report_year, target_paragraph  # noqa: E402

from polcmp.indicators.catalogue import load_catalogue  # noqa: E402
from polcmp.indicators.extract import Extractor  # noqa: E402
from polcmp.indicators.models import TARGET  # noqa: E402
from polcmp.indicators.reports import read_report  # noqa: E402

# subject of target_sheet.SUBJECTS → the catalogue indicators that hold it (any one will do:
# 城乡居民收入 is urban and rural income at once, foreign capital is counted in 美元 or in 元)
INDICATORS: dict[str, tuple[str, ...]] = {
    "GDP 增长": ("gdp_growth",),
    "规上工业增加值": ("industrial_va_growth",),
    "固定资产投资": ("fixed_asset_investment_growth",),
    "社会消费品零售总额": ("retail_sales_growth",),
    "一般公共预算收入": ("general_budget_revenue_growth",),
    "财政总收入": ("fiscal_revenue_growth",),
    "进出口": ("trade_growth",),
    "出口（不含进出口）": ("exports_growth",),
    "实际利用外资": ("fdi_actual", "fdi_actual_yuan"),
    "居民消费价格": ("cpi_growth",),
    "城镇调查失业率": ("unemployment_surveyed",),
    "城镇登记失业率": ("unemployment_registered",),
    "城镇新增就业": ("urban_jobs_new",),
    "农村劳动力转移": ("rural_labour_transfer",),
    "居民人均可支配收入（全体/未分城乡）": ("income_growth",),
    "城镇/农村居民收入": ("urban_income_growth", "rural_income_growth"),
    "单位GDP能耗": ("energy_intensity_change",),
    "主要污染物排放": ("pollutant_emissions_change",),
    "粮食": ("grain_output",),
    "城镇化率": ("urbanisation_rate",),
    "税收": ("tax_revenue_growth",),
    "研发投入": ("rd_intensity", "rd_spending_growth"),
}


def paragraph_span(text: str, paragraph: str) -> tuple[int, int] | None:
    """Where target_paragraph's text lies in `text`, as offsets of `text`.

    target_paragraph drops '*' and may join the next paragraph after a '。'; the search runs on
    the text without '*' and maps back, the end found from the paragraph's last words."""
    kept = [i for i, c in enumerate(text) if c != "*"]
    bare = "".join(text[i] for i in kept)
    # a short paragraph joined to the next: its words straddle the join, so the longest piece
    # between full stops near each end is looked for, and the position put back by its offset
    def piece(window: str, at: int) -> tuple[str, int]:
        best = max(window.split("。"), key=len)
        return best, at + window.index(best)

    head, head_at = piece(paragraph[:60], 0)
    tail, tail_at = piece(paragraph[-60:], max(len(paragraph) - 60, 0))
    found = bare.find(head)
    if found < 0:
        return None
    start = max(found - head_at, 0)
    found_tail = bare.find(tail, found)
    end = found_tail - tail_at + len(paragraph) if found_tail >= 0 else start + len(paragraph)
    end = min(end, len(kept))
    return kept[start], kept[min(end, len(kept)) - 1] + 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("panel", nargs="?", type=Path, default=PANEL)
    ap.add_argument("--since", type=int, default=2015)
    ap.add_argument("--misses", type=int, default=0, help="print N missed reports per subject")
    ap.add_argument("--subject", action="append", help="only these subjects (repeatable)")
    args = ap.parse_args(argv)
    subjects = [s for s in INDICATORS if not args.subject or s in args.subject]

    extractor = Extractor(load_catalogue())
    files = sorted(p for p in args.panel.glob("*_*.txt") if (report_year(p) or 0) >= args.since)
    stating: dict[str, int] = defaultdict(int)
    found_number: dict[str, int] = defaultdict(int)
    found_words: dict[str, int] = defaultdict(int)
    misses: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    with_paragraph = 0
    for path in files:
        report = read_report(path)
        paragraph = target_paragraph(report.text)
        if paragraph is None:
            continue
        span = paragraph_span(report.text, paragraph)
        if span is None:
            print(f"{path.name}: paragraph not located in the text", file=sys.stderr)
            continue
        with_paragraph += 1
        numbered: dict[str, list[str]] = defaultdict(list)
        for clause in clauses(paragraph):
            if NUMBER.search(clause):
                for name in subjects:
                    if SUBJECT_RE[name].search(clause):
                        numbered[name].append(clause.strip())
        if not numbered:
            continue
        year = str(report_year(path))
        kinds: dict[str, set[bool]] = defaultdict(set)   # indicator → {has a number?}
        for v in extractor.extract(report):
            if v.status == TARGET and v.refers_to == year and span[0] <= v.start < span[1]:
                kinds[v.indicator].add(v.value is not None)
        for name, its_clauses in numbered.items():
            stating[name] += 1
            seen = set().union(*(kinds.get(ind, set()) for ind in INDICATORS[name]))
            if True in seen:
                found_number[name] += 1
            elif False in seen:
                found_words[name] += 1
            if True not in seen:
                misses[name].append((path.name, its_clauses))

    print(f"reports {args.since}+: {len(files)}; with a main-targets paragraph: {with_paragraph}")
    print("stating: the paragraph has a clause naming the subject with a number; polcmp: a target of "
          "the report year inside the paragraph, with a number / only in words")
    print()
    print("| subject | indicator | stating | polcmp finds | only in words | share |")
    print("|---|---|---:|---:|---:|---:|")
    for name in sorted(subjects, key=lambda s: (-stating[s], s)):
        n = stating[name]
        share = f"{found_number[name] / n:.0%}" if n else "–"
        print(f"| {name} | {', '.join(INDICATORS[name])} | {n} | {found_number[name]} | "
              f"{found_words[name]} | {share} |")
    if args.misses:
        for name in subjects:
            if not misses[name]:
                continue
            print(f"\n## {name} ({', '.join(INDICATORS[name])}): {len(misses[name])} missed")
            for file, its_clauses in misses[name][:args.misses]:
                print(f"- {file}: {' | '.join(its_clauses)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
