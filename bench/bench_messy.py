"""How much of a report polcmp still reads in the copies users bring (tests/messy.py).

    python bench/bench_messy.py [FILE|DIR ...] [--sample N] [--code TREE]

For every report and every transform (traditional, Hong Kong forms, hard wraps, spaces inside
numbers, footnote markers, pinyin glosses, all at once), the values of the copy are matched to
the values of the original by (indicator, value, status, period):
- recall: share of the original's values the copy gives too;
- precision: share of the copy's values that the original gives.
Neither is against hand-labelled truth: the original's values are the reference, so this
measures robustness alone (the seeds' gold measures correctness). --code runs another checkout
of polcmp (say, the commit before a change) for a before/after figure.

Then excerpts: four runs of 3-12 consecutive lines from each report, read alone (as users
paste a page that starts inside a section, heading cut off), against the values the whole
report gives for those lines; a status error is a value found with the other status.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [str(ROOT.parent / "shared" / "corpus"), str(ROOT.parent / "shared" / "panel")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=DEFAULT)
    parser.add_argument("--sample", type=int, default=200, help="reports drawn at random; 0: all")
    parser.add_argument("--seed", type=int, default=0, help="of the random sample and excerpts")
    parser.add_argument("--code", default=str(ROOT), help="the polcmp checkout to measure")
    args = parser.parse_args()
    sys.path[:0] = [args.code, str(ROOT / "tests")]
    import messy
    from polcmp.indicators.batch import expand_inputs
    from polcmp.indicators.catalogue import load_catalogue
    from polcmp.indicators.extract import Extractor
    from polcmp.indicators.reports import report_from_text

    paths, _ = expand_inputs(args.inputs)
    if args.sample:
        paths = sorted(random.Random(args.seed).sample(sorted(paths), min(args.sample, len(paths))))
    extractor = Extractor(load_catalogue())

    def values(text: str, name: str) -> Counter:
        report = report_from_text(text, name)
        return Counter((v.indicator, v.value, v.status, v.period) for v in extractor.extract(report))

    hits, got, ref = Counter(), Counter(), 0
    lost_by_indicator: dict[str, Counter] = {name: Counter() for name in messy.TRANSFORMS}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        original = values(text, path)
        ref += sum(original.values())
        for name, transform in messy.TRANSFORMS.items():
            copy = values(transform(text), path)
            hits[name] += sum((original & copy).values())
            got[name] += sum(copy.values())
            for key, n in (original - copy).items():
                lost_by_indicator[name][key[0]] += n
    excerpts = Counter()
    rng = random.Random(args.seed + 1)
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        whole = extractor.extract(report_from_text(text, path))
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for _ in range(4):
            first = rng.randrange(len(lines))
            lo, hi = starts[first], starts[min(len(lines), first + rng.randint(3, 12))]
            expected = Counter((v.indicator, v.value, v.status) for v in whole if lo <= v.start < hi)
            if expected:
                found = Counter(key[:3] for key in values(text[lo:hi], path).elements())
                excerpts["ref"] += sum(expected.values())
                excerpts["hits"] += sum((expected & found).values())
                excerpts["got"] += sum(found.values())
                other_status = Counter(k[:2] for k in (found - expected).elements())
                excerpts["status"] += sum((other_status & Counter(k[:2] for k in (expected - found).elements())).values())

    print(f"{len(paths)} reports, {ref} values in the originals ({args.code})")
    print(f"{'copy':<12} {'recall':>7} {'precision':>9}   most lost")
    for name in messy.TRANSFORMS:
        recall, precision = hits[name] / max(1, ref), hits[name] / max(1, got[name])
        worst = ", ".join(f"{k} {n}" for k, n in lost_by_indicator[name].most_common(3))
        print(f"{name:<12} {recall:7.3f} {precision:9.3f}   {worst}")
    print(f"{'excerpts':<12} {excerpts['hits'] / max(1, excerpts['ref']):7.3f} "
          f"{excerpts['hits'] / max(1, excerpts['got']):9.3f}   {excerpts['ref']} values, "
          f"{excerpts['status']} with the other status")


if __name__ == "__main__":
    main()
