"""What every output column means: its type, a description and a Chinese title — in one place.

The same entries give the Frictionless `datapackage.json` written beside an output file
(`--codebook`), the Stata variable labels and the Excel header comments (writers.py), so a
column is described once. `describe()` also knows the wide comparison's place columns
(`临海 目标 2023`, `临海 目标 2023 qualifier` …) and infers a type for anything else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Field:
    name: str
    type: str            # Frictionless types: string, integer, number, boolean
    description: str
    title: str = ""      # the Chinese name, where the column has one


def _f(type_: str, title: str, description: str) -> tuple[str, str, str]:
    return type_, title, description


# Columns of extract (models.COLUMNS), compare --long, track, track --long, cascade, places,
# rules list, mentions, keywords and explain. Where one name means something else in one table,
# TABLE_FIELDS below says so.
FIELDS: dict[str, tuple[str, str, str]] = {
    "place": _f("string", "地方", "The place whose report it is (临海), from the file name or the report's title."),
    "year": _f("integer", "报告年份", "The year of the report (its 政府工作报告)."),
    "indicator": _f("string", "指标代码", "Catalogue id of the indicator (polcmp rules list)."),
    "label": _f("string", "指标", "The indicator's Chinese name."),
    "value": _f("number", "数值", "The number in the indicator's base unit (20 means 20%); empty for a target in words."),
    "unit": _f("string", "单位", "Base unit of value: %, 个百分点, 家, 人, 亿元 …"),
    "qualifier": _f("string", "限定", "How the number binds: = exact, >= 以上/不低于, > 超过, <= 以内/不超过, < 低于, ~ 左右."),
    "soft": _f("boolean", "力争", "Hedged by 力争 / 争取 / 努力 (a soft target)."),
    "status": _f("string", "类型", "target: the plan for the year; achieved: a result reported."),
    "raw": _f("string", "原文数字", "The number as written in the report (1.2万人以上)."),
    "quote": _f("string", "原文", "The clause the value came from, verbatim."),
    "start": _f("integer", "起始位置", "Offset of raw in the report text (polcmp text FILE prints it)."),
    "end": _f("integer", "结束位置", "Offset just after raw in the report text."),
    "file": _f("string", "文件", "The report file the value came from."),
    "period": _f("string", "时期", "annual, average (年均), cumulative (五年来, 到2025年) or part of a year (q1, h1, q1-q3)."),
    "refers_to": _f("string", "所指年份", "The year or span the value is about: 2023, 2016-2020."),
    "estimate": _f("boolean", "预计", "A result given as 预计, before the statistics were final."),
    "value_max": _f("number", "上限", "Upper bound when the report gives a range (5–6%: value 5, value_max 6)."),
    "rule": _f("string", "规则", "The catalogue pattern that claimed the number: <indicator>#<pattern index>."),
    "aim": _f("number", "力争值", "The higher aim beside a floor: 增长7%以上、力争8% has value 7 and aim 8."),
    "qualifier_text": _f("string", "文字目标", "The words of a target that are not a number (与经济增长同步)."),
    "place_code": _f("string", "行政区划代码", "Administrative division code (331082); empty when the place is unknown."),
    "place_level": _f("string", "行政级别", "nation, province, prefecture, county or district."),
    "province": _f("string", "省份", "The province-level unit the place lies in (浙江省)."),
    # compare --long
    "column": _f("string", "比较列", "The comparison column the value belongs to: place, side (目标/实绩) and year."),
    # track
    "target": _f("number", "目标值", "The target the report of the year sets for that year."),
    "target_qualifier": _f("string", "目标限定", "The target's qualifier (= >= > <= < ~)."),
    "target_max": _f("number", "目标上限", "Upper bound of a target range."),
    "target_soft": _f("boolean", "目标力争", "The target is hedged by 力争 / 争取."),
    "target_aspiration": _f("number", "目标力争值", "The higher aim beside the target (力争8%)."),
    "target_text": _f("string", "文字目标", "A target stated in words, with no number."),
    "target_raw": _f("string", "目标原文数字", "The target's number as written."),
    "target_quote": _f("string", "目标原文", "The clause of the target, verbatim."),
    "target_file": _f("string", "目标文件", "The report the target came from."),
    "target_start": _f("integer", "目标起始位置", "Offset of the target's raw text in its report."),
    "target_end": _f("integer", "目标结束位置", "Offset just after the target's raw text."),
    "result": _f("number", "实绩值", "The result the next year's report states for the year."),
    "result_qualifier": _f("string", "实绩限定", "The result's qualifier (= >= > <= < ~)."),
    "result_estimate": _f("boolean", "实绩预计", "The result is a 预计 estimate."),
    "result_raw": _f("string", "实绩原文数字", "The result's number as written."),
    "result_quote": _f("string", "实绩原文", "The clause of the result, verbatim."),
    "result_file": _f("string", "实绩文件", "The report the result came from."),
    "result_start": _f("integer", "实绩起始位置", "Offset of the result's raw text in its report."),
    "result_end": _f("integer", "实绩结束位置", "Offset just after the result's raw text."),
    "gap": _f("number", "差距", "result minus target."),
    "verdict": _f("string", "判定", "met, missed, no target, no result or no numeric target."),
    "side": _f("string", "类型", "target or result: which side of the track row the value is a candidate for."),
    "chosen": _f("boolean", "选用", "This candidate is the one the track row shows."),
    "report_year": _f("integer", "报告年份", "The year of the report the value came from."),
    # cascade
    "depth": _f("integer", "层级深度", "Depth in the tree: 0 nation, 1 province, 2 prefecture, 3 county."),
    "level": _f("string", "行政级别", "nation, province, prefecture, county or district."),
    "text": _f("string", "文字目标", "A target stated in words, with no number."),
    "parent": _f("string", "上级", "The level above whose target this one is compared with."),
    "parent_code": _f("string", "上级代码", "Administrative code of the parent."),
    "parent_value": _f("number", "上级目标", "The parent's target."),
    "difference": _f("number", "加码", "This target minus the parent's."),
    "difference_unit": _f("string", "加码单位", "Unit of difference (个百分点 for percentages)."),
    "sign": _f("string", "方向", "+ above the parent, - below, = the same."),
    # places, rules list, mentions, keywords, explain
    "years": _f("string", "年份", "The years of the place's reports (2019-2024)."),
    "reports": _f("integer", "报告数", "How many reports of the place the corpus holds."),
    "values": _f("integer", "数值数", "How many indicator values polcmp reads in them."),
    "targets": _f("integer", "目标数", "How many of them are targets."),
    "achieved": _f("integer", "实绩数", "How many of them are results."),
    "id": _f("string", "指标代码", "Catalogue id of the indicator."),
    "name": _f("string", "指标", "The indicator's Chinese name."),
    "group": _f("string", "类别", "The indicator's group: innovation, talent, digital, economy."),
    "patterns": _f("integer", "模式数", "How many patterns the indicator has."),
    "examples": _f("integer", "例句数", "How many example sentences test it."),
    "counterexamples": _f("integer", "反例数", "How many sentences must yield nothing for it."),
    "description": _f("string", "说明", "What the indicator measures."),
    "term": _f("string", "词语", "The word looked for or found."),
    "count": _f("integer", "次数", "How often the term occurs."),
    "per_10k": _f("number", "每万字次数", "Occurrences per 10,000 characters of the report."),
    "rank": _f("integer", "排名", "Rank of the term within its place."),
    "z": _f("number", "z值", "Weighted log-odds z-score against the other places (Monroe, Colaresi & Quinn 2008)."),
    "others": _f("integer", "其他地方次数", "How often the other places use the term."),
    "pattern": _f("string", "模式", "The catalogue pattern that claimed the number."),
    "why_not": _f("string", "未匹配原因", "Why no indicator claimed the number."),
}

# Names whose meaning differs in one table.
TABLE_FIELDS: dict[str, dict[str, tuple[str, str, str]]] = {
    "track": {"year": _f("integer", "年份", "The year the target and the result are about.")},
    "track_long": {"year": _f("integer", "年份", "The year the value is about (a target's report year; "
                                                  "a result's report year minus one).")},
    "cascade": {"year": _f("integer", "年份", "The year of the targets.")},
}

# Per place column of the wide comparison: `<column>` is the value, `<column> <field>` the rest.
CELL_FIELDS: dict[str, tuple[str, str, str]] = {
    "": _f("number", "数值", "The value the cell shows (a number before words, a one-year figure first)."),
    "qualifier": FIELDS["qualifier"],
    "value_max": FIELDS["value_max"],
    "soft": FIELDS["soft"],
    "aim": FIELDS["aim"],
    "text": _f("string", "文字目标", "A target stated in words, with no number (与经济增长同步)."),
    "period": FIELDS["period"],
    "refers_to": FIELDS["refers_to"],
    "more": _f("integer", "其他数值", "How many further values the report states for this cell (compare --long lists them)."),
}


def _inferred(frame, name: str) -> str:
    """A type for a column no entry describes, from its data."""
    if frame is None or name not in frame:
        return "string"
    kind = getattr(frame[name].dtype, "kind", "O")
    return {"b": "boolean", "i": "integer", "u": "integer", "f": "number"}.get(kind, "string")


def describe(columns, table: str | None = None, place_columns=(), frame=None) -> list[Field]:
    """A Field for each column. `table` picks meanings particular to one output (track, cascade);
    `place_columns` are the wide comparison's place columns (临海 目标 2023)."""
    overrides = TABLE_FIELDS.get(table or "", {})
    places = set(place_columns)
    fields = []
    for name in columns:
        entry = overrides.get(name) or FIELDS.get(name)
        if entry is None:
            place, _, suffix = name.rpartition(" ")
            if name in places:
                type_, title, text = CELL_FIELDS[""]
                entry = type_, name, f"{name}: {text}"
            elif place in places and suffix in CELL_FIELDS:
                type_, title, text = CELL_FIELDS[suffix]
                entry = type_, f"{place} {title}", f"{place}: {text}"
            else:
                entry = _inferred(frame, name), "", ""
        type_, title, text = entry
        fields.append(Field(name, type_, text, title))
    return fields


def datapackage(fields: list[Field], path: Path, fmt: str, bom: bool = False,
                names: dict[str, str] | None = None) -> dict:
    """A Frictionless data package describing the one file at `path` (its name, relative to the
    descriptor beside it). `names` renames fields as the file spells them (Stata's ASCII names);
    the original name is kept in `x-polcmp-column`."""
    path = Path(path)
    resource: dict = {"name": _resource_name(path), "path": path.name, "format": fmt, "profile": "tabular-data-resource"}
    if fmt in ("csv", "tsv", "json", "jsonl"):
        resource["encoding"] = "utf-8-sig" if bom and fmt in ("csv", "tsv") else "utf-8"
    if fmt in ("csv", "tsv"):
        resource["mediatype"] = "text/csv" if fmt == "csv" else "text/tab-separated-values"
        resource["dialect"] = {"delimiter": "," if fmt == "csv" else "\t", "header": True}
    schema_fields = []
    for f in fields:
        entry = {"name": (names or {}).get(f.name, f.name), "type": f.type}
        if f.title:
            entry["title"] = f.title
        if f.description:
            entry["description"] = f.description
        if names and names.get(f.name, f.name) != f.name:
            entry["x-polcmp-column"] = f.name
        schema_fields.append(entry)
    resource["schema"] = {"fields": schema_fields}
    return {"name": resource["name"], "profile": "tabular-data-package", "resources": [resource]}


def _resource_name(path: Path) -> str:
    """Frictionless names are lower-case ASCII letters, digits and - _ . ; anything else becomes -."""
    name = re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-")
    return name or "polcmp-output"
