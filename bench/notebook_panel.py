"""A notebook's work with nothing but `import polcmp` (and pandas to read the files back):
the GDP target/result panel of a corpus, written as Excel, Parquet and Stata, read back, and
checked equal to the DataFrame.

    python bench/notebook_panel.py [--corpus ../shared/panel] [--out DIR]

Needs the file extras: pip install 'polcmp[xlsx,parquet]'. tests/test_notebook.py runs it on the
bundled seeds/panel; on ../shared/panel (the default) it is the whole 55-place panel.
"""
from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path

import pandas as pd

import polcmp

PANEL = Path(__file__).resolve().parents[2] / "shared" / "panel"


def comparable(frame: pd.DataFrame) -> list[tuple]:
    """The frame's cells as each file format can hold them: missing as None (Stata writes a
    missing string as ""), booleans as 0/1 (Stata has no boolean), numbers as floats."""
    def cell(x):
        if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) or x == "":
            return None
        if isinstance(x, (bool, int, float)) or hasattr(x, "item"):
            return float(x)
        return str(x)
    return [tuple(cell(x) for x in row) for row in frame.astype(object).itertuples(index=False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(PANEL))
    parser.add_argument("--out", default=None, help="folder for the files (default: a temporary one)")
    args = parser.parse_args()

    started = time.perf_counter()
    panel = polcmp.track(corpus=args.corpus, indicators=["gdp_growth"])
    print(f"{len(panel)} place-years, {panel['place'].nunique()} places, "
          f"{panel['year'].min()}–{panel['year'].max()} ({time.perf_counter() - started:.1f} s)")
    print(panel["verdict"].value_counts().to_string())

    out = Path(args.out or tempfile.mkdtemp(prefix="polcmp-panel-"))
    readers = {".xlsx": lambda f: pd.read_excel(f, header=1),   # row 1: the Chinese titles
               ".parquet": pd.read_parquet, ".dta": pd.read_stata}
    for suffix, read in readers.items():
        path = out / f"gdp_panel{suffix}"
        polcmp.write(panel, path)
        back = read(path)
        same = list(back.columns) == list(panel.columns) and comparable(back) == comparable(panel)
        print(f"{path.name}: {path.stat().st_size:,} bytes, read back {'equal' if same else 'DIFFERENT'}")
        if not same:
            raise SystemExit(f"{path}: read back differs from the DataFrame")


if __name__ == "__main__":
    main()
