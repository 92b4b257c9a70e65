"""polcmp's speed, with its baselines measured in the same run: Markdown tables for the README.

    python bench/bench_speed.py [--runs 5] [--corpus ../shared/corpus] [--panel ../shared/panel]
                                [--against REV] [--peer PYTHON] [--only SECTION]... [--quick]

Sections (--only picks some; all by default):
  extract  read + extract in one process, MB/s over the corpus, beside a bare `re` scan for
           numbers (read + decode + scan) and the peer, JioNLP's extract_money (read + decode +
           split into paragraphs + extract), in the environment bench/setup_peer.sh makes
           (bench/.peer-venv, else --peer; skipped with a note if absent). --against REV adds
           REV's engine, checked out into a temporary git worktree. Every engine is a process
           of its own that loads once and then runs one pass over the corpus when asked; the
           passes are taken in turn, round by round, so both revisions meet the same machine.
  stages   where the time of read + extract goes: each stage of the engine timed on its own, in
           this process, over the corpus (the per-number work is the rest of extract's time).
  jobs     `polcmp extract CORPUS -f jsonl --jobs N` for N = 1, 2, 4, value cache off.
  startup  each command on the bundled seeds beside `python -c pass`, value cache off and warm.
  places   `polcmp places --corpus` over 3,000 copies of corpus and panel reports, about half
           under names that do not say the place (doc_00001.txt: read from the text), cold
           (an empty cache folder) and warm (the same folder again).

Medians of --runs rounds; ratios are medians of the ratios within a round. Commands run as
users run them (the `polcmp` script beside this Python). --quick: 2 rounds, 30 corpus reports,
200 copies for places — a smoke test, not figures. Noisy machines: read the ratios.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import ratio, rounds, run

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCRIPT = Path(sys.executable).with_name("polcmp")
POLCMP = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "polcmp"]
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# One engine in a process of its own: argv = checkout, corpus. It loads the catalogue, makes a
# warm-up pass (patterns compile on first use), then per line on stdin makes one pass: "read"
# reads and extracts every report, "memory" extracts the texts it read at the start.
WORKER = r'''
import json, sys
from pathlib import Path
checkout, corpus = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
sys.path.insert(0, str(checkout))
if (checkout / "polcmp.py").exists():
    from polcmp.indicators import catalogue, extract, reports
else:   # before polcmp was one import name (b1d8d42)
    from indicators import catalogue, extract, reports
if not Path(extract.__file__).resolve().is_relative_to(checkout):
    sys.exit(f"imported {extract.__file__}, not the engine of {checkout}")
files = sorted(corpus.glob("*.txt"))
extractor = extract.Extractor(catalogue.load_catalogue())
texts = [reports.read_report(f) for f in files]
print(json.dumps({"found": sum(len(extractor.extract(t)) for t in texts)}), flush=True)
for line in sys.stdin:
    if line.strip() == "memory":
        found = sum(len(extractor.extract(t)) for t in texts)
    else:
        found = sum(len(extractor.extract(reports.read_report(f))) for f in files)
    print(json.dumps({"found": found}), flush=True)
'''


class Engine:
    """A process that answers each request with one pass over the corpus: {"found": n}."""

    def __init__(self, args: list[str], tmp: Path):
        self.args, self.err = args, tempfile.TemporaryFile(dir=tmp)
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err,
                                     text=True, env=environment(), cwd=ROOT)
        self.ready = self._answer()

    def __call__(self, what: str = "read") -> int:
        self.proc.stdin.write(what + "\n")
        self.proc.stdin.flush()
        return self._answer()["found"]

    def _answer(self) -> dict:
        while line := self.proc.stdout.readline():
            if line.startswith("{"):   # libraries print their own greetings
                return json.loads(line)
        self.err.seek(0)
        raise RuntimeError(f"{self.args[0]} stopped: {self.err.read().decode(errors='replace')[-2000:]}")

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()
        self.err.close()


def environment(**settings: str) -> dict[str, str]:
    """This environment without the user's polcmp settings, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLCMP_")}
    return {**env, **settings}


def machine() -> str:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or platform.machine()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rev = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()
    return (f"{cpu}, {usable} cores ({os.cpu_count()} in the machine), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, {datetime.datetime.now():%Y-%m-%d %H:%M}; "
            f"polcmp at {rev}; command `{' '.join(Path(a).name for a in POLCMP)}`")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def mb_of(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.glob("*.txt")) / 1e6


def med(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s"


def bare_scan(files: list[Path]) -> int:
    """The baseline: read, decode and find every number, nothing else."""
    return sum(1 for f in files for _ in BARE_NUMBER.finditer(f.read_bytes().decode("utf-8")))


def section_extract(args, corpus: Path, tmp: Path) -> None:
    files, mb = sorted(corpus.glob("*.txt")), mb_of(corpus)

    labels = {"ours": "polcmp, this checkout: read + extract",
              "memory": "polcmp, this checkout: extract only (texts in memory)",
              "theirs": f"polcmp {args.against}: read + extract",
              "peer": "peer: JioNLP `extract_money`: read + extract",
              "bare": "baseline: bare `re` scan for numbers: read + scan"}
    worktree, engines = tmp / "against", {}
    try:
        engines["ours"] = Engine([sys.executable, "-c", WORKER, str(ROOT), str(corpus)], tmp)
        if args.against:
            added = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.against],
                                   capture_output=True, text=True)
            if added.returncode:
                sys.exit(f"git worktree add {args.against}: {added.stderr.strip()}")
            engines["theirs"] = Engine([sys.executable, "-c", WORKER, str(worktree), str(corpus)], tmp)
        if args.peer:
            engines["peer"] = Engine([args.peer, str(ROOT / "bench" / "peer_jionlp.py"), str(corpus)], tmp)
        seconds, found = rounds({**engines, "memory": lambda: engines["ours"]("memory"),
                                  "bare": lambda: bare_scan(files)}, args.runs)
    finally:
        for engine in engines.values():
            engine.close()
        if worktree.exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], capture_output=True)

    print(f"\n### Extraction in one process\n\n{len(files)} reports, {mb:.1f} MB ({corpus}); "
          f"median of {args.runs} rounds, the engines in turn\n")
    print("| measure | time | throughput | found |\n|---|---|---|---|")
    for key in labels:
        if key in seconds:
            print(f"| {labels[key]} | {med(seconds[key])} | {mb / statistics.median(seconds[key]):.1f} MB/s "
                  f"| {found[key][-1]:,} |")
    if not args.peer:
        print(f"\nPeer skipped: no {args.peer_default} (`bash bench/setup_peer.sh` makes it; or pass --peer).")
    print("\n| speed of this checkout's read + extract | ratio (median of per-round ratios) |\n|---|---|")
    for key in ("theirs", "peer", "bare"):
        if key in seconds:
            print(f"| ÷ {labels[key].split(':')[0]} | {ratio(seconds[key], seconds['ours']):.2f}× |")


# Each stage of read + extract on its own (stages), in a process of its own: argv = checkout,
# corpus, rounds. It prints {stage: [seconds of each round]}. The engine's own steps (_Run's
# included) are timed over texts and copies made beforehand: a benchmark may look inside.
STAGES = r'''
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from polcmp.indicators import catalogue, extract, reports
files, runs_wanted = sorted(Path(sys.argv[2]).glob("*.txt")), int(sys.argv[3])
extractor = extract.Extractor(catalogue.load_catalogue())
texts = [reports.read_report(f) for f in files]
for text in texts:   # patterns compile on first use
    extractor.extract(text)
runs = [extract._Run(extractor, text) for text in texts]
regions = [extractor.keywords.regions(r.work) for r in runs]
bare = re.compile(r"\d+(?:\.\d+)?")
stages = {
    "bare": lambda: [sum(1 for _ in bare.finditer(f.read_bytes().decode("utf-8"))) for f in files],
    "reading": lambda: [reports.read_report(f) for f in files],
    "run": lambda: [extract._Run(extractor, t) for t in texts],
    "regions": lambda: [extractor.keywords.regions(r.work) for r in runs],
    "numbers": lambda: [list(r.quantities(g or [(0, len(r.work))])) for r, g in zip(runs, regions)],
    "extract": lambda: [extractor.extract(t) for t in texts],
}
seconds = {name: [] for name in stages}
for _ in range(runs_wanted):   # the stages in turn, round by round
    for name, fn in stages.items():
        started = time.perf_counter()
        fn()
        seconds[name].append(time.perf_counter() - started)
print(json.dumps(seconds))
'''
STAGE_LABELS = {"bare": "baseline: bare `re` scan for numbers (read + scan)",
                "reading": "reading: decode, reading copy, masks (`read_report`)",
                "run": "a report's sections, and blanking its own name (`_Run`)",
                "regions": "the sentences worth reading (`keyword_scan.py`)",
                "numbers": "the numbers in those sentences",
                "extract": "extract, all stages but reading"}


def section_stages(args, corpus: Path, tmp: Path) -> None:
    """Where the time of read + extract goes. The work per number (subjects, status, period,
    lists, targets in words) is what extract takes beyond the three stages before it. Measured
    in a child process: one that held the corpus here would lend its size to the peak memory
    of every command this script runs later (Linux keeps it across fork and exec)."""
    out = subprocess.run([sys.executable, "-c", STAGES, str(ROOT), str(corpus), str(args.runs)], env=environment(),
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"stages: {out.stderr.strip()[-2000:]}")
    median = {name: statistics.median(times) for name, times in json.loads(out.stdout.splitlines()[-1]).items()}
    per_number = median["extract"] - median["run"] - median["regions"] - median["numbers"]
    print(f"\n### Where the time goes\n\n{sum(1 for _ in corpus.glob('*.txt'))} reports, {mb_of(corpus):.1f} MB; "
          f"each stage on its own in one process, median of {args.runs} rounds, the stages in turn\n")
    print("| stage | time |\n|---|---|")
    for name, label in STAGE_LABELS.items():
        print(f"| {label} | {median[name]:.2f} s |")
    print(f"| the work per number (extract less the three stages above it) | {per_number:.2f} s |")


def section_jobs(args, corpus: Path, tmp: Path) -> None:
    env = environment(POLCMP_NO_CACHE="1", POLCMP_CACHE=str(tmp / "jobs-cache"))
    jobs = (1, 2, 4)
    seconds, peak = rounds({n: lambda n=n: run(POLCMP + ["extract", str(corpus), "-f", "jsonl", "--jobs", str(n)],
                                               env, ROOT) for n in jobs}, args.runs)
    mb = mb_of(corpus)
    print(f"\n### `polcmp extract CORPUS -f jsonl --jobs N`\n\n{mb:.1f} MB, value cache off (POLCMP_NO_CACHE=1); "
          f"{len(os.sched_getaffinity(0))} cores; wall time, median of {args.runs} rounds\n")
    print("| --jobs | wall | throughput | speed-up vs --jobs 1 (per round) | peak memory of one process |\n|---|---|---|---|---|")
    for n in jobs:
        print(f"| {n} | {med(seconds[n])} | {mb / statistics.median(seconds[n]):.1f} MB/s | "
              f"{ratio(seconds[1], seconds[n]):.2f}× | {max(peak[n]):.0f} MB |")


def section_startup(args, corpus: Path, tmp: Path) -> None:
    cache = str(tmp / "startup-cache")
    modes = {"off": environment(POLCMP_NO_CACHE="1", POLCMP_CACHE=cache), "warm": environment(POLCMP_CACHE=cache)}
    commands = {"`python -c pass`": [sys.executable, "-c", "pass"],
                "`polcmp --version`": POLCMP + ["--version"],
                "`polcmp extract seeds/临海_2023.txt -f json`": POLCMP + ["extract", "seeds/临海_2023.txt", "-f", "json"],
                "`polcmp compare 临海 永嘉 龙港`": POLCMP + ["compare", "临海", "永嘉", "龙港"],
                "`polcmp track 北京`": POLCMP + ["track", "北京"],
                "`polcmp report 临海`": POLCMP + ["report", "临海"],
                "`polcmp places`": POLCMP + ["places"],
                "`polcmp rules check`": POLCMP + ["rules", "check"]}
    for argv in commands.values():   # fill the cache
        run(argv, modes["warm"], ROOT)
    seconds, peak = rounds({(name, mode): lambda a=argv, e=env: run(a, e, ROOT)
                            for name, argv in commands.items() for mode, env in modes.items()}, args.runs)
    seeds = sum(1 for f in (ROOT / "seeds").rglob("*.txt"))
    print(f"\n### Start-up: one command on the bundled seeds ({seeds} reports)\n\nWall time, median of {args.runs} rounds; "
          f"value cache off (POLCMP_NO_CACHE=1) and warm (filled by a run before)\n")
    print("| command | cache off | cache warm | peak memory (cache off) |\n|---|---|---|---|")
    for name in commands:
        print(f"| {name} | {med(seconds[name, 'off'])} | {med(seconds[name, 'warm'])} | {max(peak[name, 'off']):.0f} MB |")


def copies(sources: list[Path], count: int, folder: Path) -> int:
    """`count` reports cycled from `sources`, every other one named doc_NNNNN.txt (5 digits, so
    never read as a year) when its text says its place, as polcmp reads it; each later copy of a
    source ends in one more newline, so no two files are the same bytes. Returns how many doc_."""
    from polcmp.indicators.reports import read_report

    folder.mkdir()
    for i in range(count):
        source = sources[i % len(sources)]
        path = folder / f"doc_{i:05d}.txt"
        path.write_bytes(source.read_bytes() + b"\n" * (i // len(sources)))
        if not (i % 2 and read_report(path).place):
            path.rename(folder / f"{source.stem}_{i:05d}.txt")
    return sum(1 for _ in folder.glob("doc_*"))


def section_places(args, corpus: Path, tmp: Path) -> None:
    big = tmp / "places-corpus"
    unnamed = copies(sorted(corpus.glob("*.txt")) + sorted(args.panel.glob("*.txt")), args.copies, big)
    command, caches, fresh = POLCMP + ["places", "--corpus", str(big)], [], []

    def cold() -> float:
        caches.append(tmp / f"places-cache-{len(caches)}")
        return run(command, environment(POLCMP_CACHE=str(caches[-1])), ROOT)

    def warm() -> float:   # a warm run that writes values extracted afresh was not warm: say so
        before = sum(1 for _ in caches[-1].glob("values/*/*.json"))
        peak = run(command, environment(POLCMP_CACHE=str(caches[-1])), ROOT)
        fresh.append(sum(1 for _ in caches[-1].glob("values/*/*.json")) - before)
        shutil.rmtree(caches[-1])
        return peak

    seconds, peak = rounds({"cold (empty cache folder)": cold, "warm (the same folder again)": warm}, args.runs)
    warm_times = [t for t, n in zip(seconds["warm (the same folder again)"], fresh) if not n]
    seconds["warm (the same folder again)"] = warm_times or [float("nan")]   # the truly warm runs only
    mb = mb_of(big)
    print(f"\n### `polcmp places --corpus` over {args.copies:,} reports ({mb:.0f} MB)\n\nCopies of {corpus.name} and "
          f"{args.panel.name} reports, {unnamed:,} of them named doc_NNNNN.txt (place and year read from the text); "
          f"wall time, median of {args.runs} rounds, one process\n")
    print("| run | wall | throughput | peak memory |\n|---|---|---|---|")
    for name, times in seconds.items():
        print(f"| {name} | {med(times)} | {mb / statistics.median(times):.1f} MB/s | {max(peak[name]):.0f} MB |")
    print(f"\nReports extracted afresh in the warm runs (new value-cache files): {', '.join(map(str, fresh))}"
          + ("" if not any(fresh) else f"; the warm row counts the {len(warm_times)} runs with none (polcmp's "
                                       "sources changed between a cold run and its warm one: the cache key holds their hash)"))


SECTIONS = {"extract": section_extract, "stages": section_stages, "jobs": section_jobs, "startup": section_startup,
            "places": section_places}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, help="rounds of each measure (default 5; 2 with --quick)")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--panel", type=Path, default=SHARED / "panel", help="more reports for the places corpus")
    ap.add_argument("--against", metavar="REV", help="also extract with this git revision's engine")
    ap.add_argument("--peer", metavar="PYTHON", help="python of JioNLP's environment (default: bench/.peer-venv)")
    ap.add_argument("--only", action="append", choices=SECTIONS, help="this section only (repeatable)")
    ap.add_argument("--quick", action="store_true", help="a smoke test: 2 rounds, small corpora")
    args = ap.parse_args()
    args.runs = args.runs or (2 if args.quick else 5)
    args.copies = 200 if args.quick else 3000
    args.peer_default = ROOT / "bench" / ".peer-venv" / "bin" / "python"
    if args.peer and not Path(args.peer).exists():
        ap.error(f"--peer {args.peer}: no such file")
    args.peer = args.peer or (str(args.peer_default) if args.peer_default.exists() else None)
    if not sorted(args.corpus.glob("*.txt")):
        ap.error(f"no .txt reports in {args.corpus}")

    print(f"## polcmp speed\n\n{machine()}; load average {load()} at the start")
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as name:
        tmp, corpus = Path(name), args.corpus.resolve()
        if args.quick:   # the first 30 reports
            corpus = tmp / "quick-corpus"
            corpus.mkdir()
            for f in sorted(args.corpus.glob("*.txt"))[:30]:
                (corpus / f.name).symlink_to(f.resolve())
        for section in args.only or SECTIONS:
            SECTIONS[section](args, corpus, tmp)
            sys.stdout.flush()
    print(f"\nLoad average {load()} at the end.")


if __name__ == "__main__":
    main()
