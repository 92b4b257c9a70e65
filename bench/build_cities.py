"""Rebuild indicators/cities.tsv, the cities (地级市 and 县级市) polcmp knows by name.

    pip download --no-deps cpca==0.5.5 && unzip -o cpca-0.5.5-py3-none-any.whl 'cpca/resources/*'
    python bench/build_cities.py cpca/resources/adcodes.csv > indicators/cities.tsv

cpca (MIT) ships China's administrative codes; a prefecture-level unit has a 12-digit code
whose last 8 digits are 0, a county-level one whose last 6 are (a province's last 10). Those
named …市 are kept, without the 市, as report files name them (邵阳, 临海). County-level cities
are listed too: their mayors also speak for a 市, and a 临海 report names 台州 often enough.
Names that are also common words of reports are left out: counted in a text they would count
the word (合作市 and 合作, cooperation). indicators/background.tsv.gz, polcmp's word counts of
300 reports, tells them: a city name comes up there at most a couple of hundred times.
Output is sorted: the same input gives the same bytes.
"""
from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

BACKGROUND = Path(__file__).resolve().parent.parent / "indicators" / "background.tsv.gz"
COMMON_WORD = 1000        # background count above which a name is a word of reports, not a place

HEADER = """# Cities (地级市, 县级市) as report files name them, without 市. Built by
# bench/build_cities.py from the administrative codes cpca 0.5.5 ships (see there). places.py
# uses it for a head that says only 市 (我代表市人民政府, 市长 张三): the city the body names
# far more often than any other is the one speaking.
name
"""


def background_counts() -> dict[str, int]:
    with gzip.open(BACKGROUND, "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return {row[0]: int(row[1]) for row in rows if len(row) == 2}


def main(path: str) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    common = background_counts()
    names = sorted({r["name"][:-1] for r in rows
                    if r["adcode"][6:] == "0" * 6 and r["adcode"][2:] != "0" * 10 and r["name"].endswith("市")
                    and common.get(r["name"][:-1], 0) <= COMMON_WORD})
    sys.stdout.write(HEADER + "".join(f"{n}\n" for n in names))


if __name__ == "__main__":
    main(sys.argv[1])
