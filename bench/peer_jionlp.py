"""The peer for bench_extract.py: JioNLP's money extractor over the same paragraphs.

Runs in the benchmark's own environment (bench/setup_peer.sh), never in polcmp's:
    bench/.peer-venv/bin/python bench/peer_jionlp.py CORPUS RUNS
Prints one JSON line: median seconds, MB of input, money expressions found.
"""
import json
import statistics
import sys
import time
from pathlib import Path

import jionlp as jio

corpus, runs = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(corpus.glob("*.txt"))
texts = [f.read_bytes().decode("utf-8") for f in files]
paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
jio.ner.extract_money("预热：实际使用外资6亿美元")   # load its tables before timing
times, found = [], 0
for _ in range(runs):
    t = time.perf_counter()
    found = sum(len(jio.ner.extract_money(p)) for p in paragraphs)
    times.append(time.perf_counter() - t)
size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
print(json.dumps({"seconds": statistics.median(times), "mb": size, "found": found}))
