"""Rebuild indicators/cities.tsv, the prefecture-level cities (地级市) polcmp knows by name.

    pip download --no-deps cpca==0.5.5 && unzip -o cpca-0.5.5-py3-none-any.whl 'cpca/resources/*'
    python bench/build_cities.py cpca/resources/adcodes.csv > indicators/cities.tsv

cpca (MIT) ships China's administrative codes; a prefecture-level unit has a 12-digit code
whose last 8 digits are 0 (a province's last 10). Only those named …市 are kept, without the
市, as report files name them (邵阳, 景德镇). Output is sorted: the same input gives the same bytes.
"""
from __future__ import annotations

import csv
import sys

HEADER = """# Prefecture-level cities (地级市) as report files name them, without 市. Built by
# bench/build_cities.py from the administrative codes cpca 0.5.5 ships (see there). places.py
# uses it for a head that says only 市 (我代表市人民政府, 市长 张三): the city the body names
# far more often than any other is the one speaking.
name
"""


def main(path: str) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = sorted({r["name"][:-1] for r in rows
                    if r["adcode"][4:] == "0" * 8 and r["adcode"][2:] != "0" * 10 and r["name"].endswith("市")
                    and r["name"] != "市辖区"})
    sys.stdout.write(HEADER + "".join(f"{n}\n" for n in names))


if __name__ == "__main__":
    main(sys.argv[1])
