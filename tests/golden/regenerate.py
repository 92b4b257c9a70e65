"""Golden output of `polcmp compare` on the bundled seeds, one file per format.

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
PLACES = ["临海", "永嘉", "龙港"]
CASES = {
    "compare.table.txt": ["-f", "table"],
    "compare.chart.txt": ["-f", "table", "--chart", "--group", "innovation"],
    "compare.csv": ["-f", "csv"],
    "compare.tsv": ["-f", "tsv"],
    "compare.json": ["-f", "json"],
    "compare.jsonl": ["-f", "jsonl"],
    "compare.long.csv": ["-f", "csv", "--long"],
    "compare.all.csv": ["-f", "csv", "--status", "all"],
}


def run(args: list[str]) -> str:
    """polcmp compare PLACES ARGS from a directory outside the checkout, as a user would."""
    env = {k: v for k, v in os.environ.items() if k not in ("POLCMP_CORPUS", "POLCMP_RULES")}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as elsewhere:
        proc = subprocess.run([sys.executable, "-m", "cli", "compare", *PLACES, *args], cwd=elsewhere,
                              env=env, capture_output=True, check=True)
    return proc.stdout.decode("utf-8").replace(str(ROOT / "seeds"), "<seeds>")


if __name__ == "__main__":
    for name, args in CASES.items():
        (HERE / name).write_text(run(args), encoding="utf-8")
        print("wrote", HERE / name)
