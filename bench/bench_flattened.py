"""Does the layout change what polcmp finds? Agreement between each report and its flattened copies.

    python bench/bench_flattened.py [--corpus ../shared/corpus ../shared/panel] [--show 10]

Users copy reports from mirror sites and newspaper reprints that lose the line breaks. Each
report is flattened three ways (tests/flattening.py): `joined` (every line break dropped),
`spaced` (each line break made a space), `paragraphs` (heading lines kept, the lines between
them merged). Both are extracted; values found in both (same indicator, value and offset in
the report) are compared. Prints a Markdown table per corpus and way: values in the reports,
the share found in the copies too, and the share with the same status and the same period;
then the kinds of difference, and with --show the first differing values.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from flattening import WAYS, Agreement, agreement, differences_by_kind  # noqa: E402

from polcmp.indicators.catalogue import load_catalogue  # noqa: E402
from polcmp.indicators.extract import Extractor  # noqa: E402
from polcmp.indicators.reports import read_report  # noqa: E402


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}%" if whole else "–"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(ROOT.parent / "shared" / "corpus"),
                                                    str(ROOT.parent / "shared" / "panel")])
    ap.add_argument("--ways", nargs="+", default=list(WAYS), choices=WAYS)
    ap.add_argument("--show", type=int, default=0, help="list this many differing values per corpus and way")
    args = ap.parse_args()

    extractor = Extractor(load_catalogue())
    print("| corpus | reports | way | values | found in copy | same status | same period |")
    print("|---|---:|---|---:|---:|---:|---:|")
    details = []
    for corpus in args.corpus:
        files = sorted(Path(corpus).glob("*.txt"))
        if not files:
            sys.exit(f"no .txt reports in {corpus}")
        totals = {way: Agreement() for way in args.ways}
        started = time.perf_counter()
        for path in files:
            report = read_report(path)
            for way in args.ways:
                totals[way].add(agreement(extractor, report, way))
        seconds = time.perf_counter() - started
        for way, a in totals.items():
            print(f"| {Path(corpus).name} | {len(files)} | {way} | {a.values} | {percent(a.found, a.values)} "
                  f"| {percent(a.same_status, a.found)} | {percent(a.same_period, a.found)} |")
            details.append((Path(corpus).name, way, a))
        print(f"<!-- {Path(corpus).name}: {seconds:.0f} s -->", file=sys.stderr)
    print()
    for name, way, a in details:
        kinds = ", ".join(f"{kind} {n}" for kind, n in differences_by_kind(a.differences).most_common())
        print(f"- {name} / {way}: {kinds or 'no difference'}")
        for path, indicator, value, start, theirs, ours in a.differences[:args.show]:
            print(f"    {Path(path).name} {indicator} {value} @{start}: {'/'.join(theirs)} → {'/'.join(ours)}")


if __name__ == "__main__":
    main()
