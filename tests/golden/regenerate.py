"""Golden output of `polcmp compare` on the bundled seeds and of `polcmp track` on the bundled
multi-year sample (seeds/panel), one file per format.

    python tests/golden/regenerate.py        # rewrite the files after an intended change

tests/test_compare.py runs the same commands and compares; review the diff, never edit
these files by hand. Paths of the bundled seeds are written as <seeds>.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COMPARE = ["compare", "临海", "永嘉", "龙港"]
TRACK = ["track", "全国", "北京", "江苏省", "武汉"]
ECONOMY = ["-i", "gdp_growth", "-i", "general_budget_revenue_growth", "-i", "fixed_asset_investment_growth",
           "-i", "retail_sales_growth"]
CASES = {
    "compare.table.txt": [*COMPARE, "-f", "table"],
    "compare.chart.txt": [*COMPARE, "-f", "table", "--chart", "--group", "innovation"],
    "compare.csv": [*COMPARE, "-f", "csv"],
    "compare.tsv": [*COMPARE, "-f", "tsv"],
    "compare.json": [*COMPARE, "-f", "json"],
    "compare.jsonl": [*COMPARE, "-f", "jsonl"],
    "compare.long.csv": [*COMPARE, "-f", "csv", "--long"],
    "compare.all.csv": [*COMPARE, "-f", "csv", "--status", "all"],
    "track.table.txt": [*TRACK, *ECONOMY, "-f", "table"],
    "track.chart.txt": [*TRACK, "-i", "gdp_growth", "-f", "table", "--chart"],
    "track.csv": [*TRACK, *ECONOMY, "-f", "csv"],
    "track.tsv": [*TRACK, *ECONOMY, "-f", "tsv"],
    "track.json": [*TRACK, *ECONOMY, "-f", "json"],
    "track.jsonl": [*TRACK, *ECONOMY, "-f", "jsonl"],
    "track.long.csv": [*TRACK, *ECONOMY, "-f", "csv", "--long"],
}


def run(args: list[str]) -> str:
    """polcmp ARGS from a directory outside the checkout, as a user would."""
    env = {k: v for k, v in os.environ.items() if k not in ("POLCMP_CORPUS", "POLCMP_RULES")}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as elsewhere:
        proc = subprocess.run([sys.executable, "-m", "polcmp", *args], cwd=elsewhere,
                              env=env, capture_output=True, check=True)
    return proc.stdout.decode("utf-8").replace(str(ROOT / "seeds"), "<seeds>")


if __name__ == "__main__":
    for name, args in CASES.items():
        (HERE / name).write_text(run(args), encoding="utf-8")
        print("wrote", HERE / name)
