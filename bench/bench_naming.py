"""Can polcmp tell a report's place and year from its text alone?

    python bench/bench_naming.py [--n 100] [--seed 1] [--all] [--corpus DIR] [--panel DIR]

Copies N random reports (half from the corpus, half from the panel; fixed --seed) to a temp
folder as report_1.txt … report_N.txt, names each from its text as `polcmp` does for a file
without a `<place>_<year>` name, and compares with the original file name. --all reads every
report of both folders in place (the name is ignored) instead of a sample.

Each report is right, unnamed (None: polcmp asks the user to rename it) or wrong (a place or
year that is not the file's). Every miss is printed with its original name. The few panel
files whose own name is wrong (naming_truth_fixes.tsv, with the text's evidence) are judged by
what their text is, and listed as such.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from polcmp.indicators.reports import FILE_NAME, canonical_place, read_report  # noqa: E402


FIXES = Path(__file__).with_name("naming_truth_fixes.tsv")


def truth_fixes() -> dict[str, tuple[str, int]]:
    """folder/file → (place, year) for files whose name is not what their text is."""
    rows = [line.split("\t") for line in FIXES.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    return {file: (place, int(year)) for file, place, year, _evidence in rows}


def expected(path: Path) -> tuple[str, int]:
    """The place and year a report is for: its file name, unless naming_truth_fixes.tsv says otherwise."""
    fixed = truth_fixes().get(f"{path.parent.name}/{path.name}")
    if fixed:
        return fixed
    m = FILE_NAME.match(path.stem)
    return canonical_place(m.group("place")), int(m.group("year"))


def sample(corpus: Path, panel: Path, n: int, seed: int) -> list[Path]:
    """n reports, half from each folder (sorted first: the same seed gives the same files)."""
    rng = random.Random(seed)
    picked = []
    for folder, k in ((corpus, n // 2), (panel, n - n // 2)):
        files = sorted(folder.glob("*_*.txt"))
        picked += rng.sample(files, min(k, len(files)))
    return picked


def judge(originals: list[Path], copies: list[Path]) -> tuple[int, list[str], list[str], list[str]]:
    """(right, unnamed, wrong, right though misnamed): each copy named from its text against
    its original; the last three as printable lines."""
    right, unnamed, wrong, misnamed = 0, [], [], []
    for original, copy in zip(originals, copies):
        report = read_report(copy)
        want, got = expected(original), (report.place, report.year)
        line = f"{original.parent.name}/{original.name}: got {got[0]} {got[1]}"
        if got == want:
            right += 1
            if f"{original.parent.name}/{original.name}" in truth_fixes():
                misnamed.append(line)
        elif all(g is None or g == w for g, w in zip(got, want)):
            unnamed.append(line)
        else:
            wrong.append(line)
    return right, unnamed, wrong, misnamed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--panel", type=Path, default=ROOT.parent / "shared" / "panel")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--all", action="store_true", help="every report of both folders, not a sample")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.all:   # one at a time, each under a name that says nothing
            originals = sorted(args.corpus.glob("*_*.txt")) + sorted(args.panel.glob("*_*.txt"))
            right, unnamed, wrong, misnamed = 0, [], [], []
            for original in originals:
                copy = Path(tmp) / "report.txt"
                shutil.copy(original, copy)
                r, u, w, m = judge([original], [copy])
                right, unnamed, wrong, misnamed = right + r, unnamed + u, wrong + w, misnamed + m
        else:
            originals = sample(args.corpus, args.panel, args.n, args.seed)
            copies = [Path(tmp) / f"report_{i}.txt" for i in range(1, len(originals) + 1)]
            for original, copy in zip(originals, copies):
                shutil.copy(original, copy)
            right, unnamed, wrong, misnamed = judge(originals, copies)
    what = "all reports" if args.all else f"seed {args.seed}"
    print(f"{what}: {right}/{len(originals)} right, {len(unnamed)} unnamed (None), {len(wrong)} wrong")
    for title, lines in (("wrong", wrong), ("unnamed", unnamed),
                         ("right, its file name wrong (naming_truth_fixes.tsv)", misnamed)):
        for line in lines:
            print(f"  {title}: {line}")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:   # `… | head` ends quietly
        sys.stderr.close()
