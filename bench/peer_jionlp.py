"""The peer for bench_speed.py: JioNLP's money extractor over the same reports.

Runs in the benchmark's own environment (bench/setup_peer.sh), never in polcmp's:
    bench/.peer-venv/bin/python bench/peer_jionlp.py CORPUS
Prints one JSON line when ready, then answers each line on stdin with one pass over the
corpus — read, decode, split into paragraphs, jio.ner.extract_money on each — as a JSON line
with the money expressions found. bench_speed.py times the passes, in turn with polcmp's.
"""
import json
import sys
from pathlib import Path

import jionlp as jio

files = sorted(Path(sys.argv[1]).glob("*.txt"))
jio.ner.extract_money("预热：实际使用外资6亿美元")   # load its tables before timing


def one_pass() -> int:
    texts = (f.read_bytes().decode("utf-8") for f in files)
    return sum(len(jio.ner.extract_money(p)) for t in texts for p in t.split("\n") if p.strip())


print(json.dumps({"engine": f"jionlp {jio.__version__}"}), flush=True)
for _ in sys.stdin:
    print(json.dumps({"found": one_pass()}), flush=True)
