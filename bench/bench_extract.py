"""Extraction speed, measured against baselines taken in the same run.

    python bench/bench_extract.py [--corpus ../shared/corpus] [--runs 5] [--peer bench/.peer-venv/bin/python]

Prints a Markdown table (paste it into the README):
- polcmp in-process: read + decode + normalise + extract every report, MB/s of input;
- the same with the reports already in memory (extraction alone);
- baseline: a bare Python regex scan for numbers over the same files (read + decode + scan);
- `polcmp extract CORPUS -f jsonl` as a command, one process and --jobs 2 (wall time);
- peer (with --peer, after bench/setup_peer.sh): JioNLP's jio.ner.extract_money over the
  same text split into paragraphs, in its own environment (it finds money only);
- wall time of `polcmp extract seeds/临海_2023.txt -f json`, beside `python -c pass`.

Medians of --runs runs; these machines are noisy, so compare ratios more than seconds.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from polcmp.indicators.catalogue import load_catalogue  # noqa: E402
from polcmp.indicators.extract import Extractor  # noqa: E402
from polcmp.indicators.reports import read_report  # noqa: E402
from timing import median_time, wall  # noqa: E402

BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer", help="python of the peer's environment (bench/setup_peer.sh makes one)")
    args = ap.parse_args()

    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        sys.exit(f"no .txt reports in {args.corpus}")
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    extractor = Extractor(load_catalogue())
    reports = [read_report(f) for f in files]

    def polcmp_full():
        for f in files:
            extractor.extract(read_report(f))

    def polcmp_extract_only():
        for r in reports:
            extractor.extract(r)

    def bare_scan():
        for f in files:
            sum(1 for _ in BARE_NUMBER.finditer(f.read_bytes().decode("utf-8")))

    full = median_time(polcmp_full, args.runs)
    only = median_time(polcmp_extract_only, args.runs)
    bare = median_time(bare_scan, args.runs)

    polcmp = [sys.executable, "-m", "polcmp"]
    cli_one = wall(polcmp + ["extract", args.corpus, "-f", "jsonl"], args.runs, ROOT)
    cli_two = wall(polcmp + ["extract", args.corpus, "-f", "jsonl", "--jobs", "2"], args.runs, ROOT)
    cli_wall = wall(polcmp + ["extract", str(ROOT / "seeds" / "临海_2023.txt"), "-f", "json"], args.runs, ROOT)
    py_wall = wall([sys.executable, "-c", "pass"], args.runs)
    peer = None
    if args.peer:
        out = subprocess.run([args.peer, str(ROOT / "bench" / "peer_jionlp.py"), args.corpus, str(args.runs)],
                             capture_output=True, text=True, check=True).stdout
        peer = json.loads(out.strip().splitlines()[-1])

    n_values = sum(len(extractor.extract(r)) for r in reports)
    print(f"corpus: {len(files)} reports, {size_mb:.1f} MB, {n_values} values; median of {args.runs} runs\n")
    print("| measure | time | throughput | vs. bare regex scan |")
    print("|---|---|---|---|")
    print(f"| polcmp: read + extract, one process | {full:.2f} s | {size_mb / full:.1f} MB/s | {bare / full:.2f}× |")
    print(f"| polcmp: extract only (texts in memory) | {only:.2f} s | {size_mb / only:.1f} MB/s | {bare / only:.2f}× |")
    print(f"| baseline: bare regex scan for numbers | {bare:.2f} s | {size_mb / bare:.1f} MB/s | 1× |")
    print(f"| `polcmp extract CORPUS -f jsonl` (command) | {cli_one:.2f} s wall | {size_mb / cli_one:.1f} MB/s | |")
    print(f"| `polcmp extract CORPUS -f jsonl --jobs 2` | {cli_two:.2f} s wall | {size_mb / cli_two:.1f} MB/s "
          f"| {cli_one / cli_two:.2f}× the one-process command |")
    if peer:
        print(f"| peer: JioNLP `extract_money`, same paragraphs | {peer['seconds']:.2f} s | "
              f"{peer['mb'] / peer['seconds']:.1f} MB/s | polcmp in-process is {peer['seconds'] / full:.1f}× faster |")
    print(f"| `polcmp extract seeds/临海_2023.txt -f json` | {cli_wall:.2f} s wall | | |")
    print(f"| baseline: `python -c pass` | {py_wall:.2f} s wall | | |")


if __name__ == "__main__":
    main()
