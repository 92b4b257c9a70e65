"""`polcmp report`: generation time, file size and time to first render in Chromium.

    python bench/bench_report.py [--runs 3] [--chromium /usr/bin/chromium]

Three pages: the first 10 and the first 50 places of ../shared/corpus (one report each), and 3 places × 10
years of ../shared/panel (2015–2024: the track table and charts too). Generation is the
whole command (`polcmp report … -o FILE`, no cache); opening is Chromium headless loading the
file: the load event (the page's own performance entry) and the time until the page was
drawn after it (two animation frames, timed from outside).
Medians of --runs runs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


def generate(places: list[str], corpus: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "polcmp", "report", *places, "--corpus", str(corpus), "-o", str(out)],
                   env=env, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def open_times(browser, page_file: Path) -> tuple[float, float]:
    """(seconds from navigation to the load event, by the page's clock; seconds from the
    command to navigate until two frames after load were drawn, by ours: the page on screen)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    started = time.perf_counter()
    page.goto(page_file.as_uri(), wait_until="load")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    shown = time.perf_counter() - started
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    return load / 1000, shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--screenshot", metavar="PNG", help="also save the page of 临海 永嘉 龙港 (seeds), a value clicked")
    args = ap.parse_args()
    corpus_places = sorted(p.stem.rsplit("_", 1)[0] for p in (SHARED / "corpus").glob("*_*.txt"))
    panel_places = ["北京:2015-2024", "广东省:2015-2024", "武汉:2015-2024"]
    cases = [("10 corpus places", corpus_places[:10], SHARED / "corpus"),
             ("50 corpus places", corpus_places[:50], SHARED / "corpus"),
             ("3 panel places × 10 years", panel_places, SHARED / "panel")]
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
        print("| page | reports | size | generate | load event | drawn |")
        print("|---|---|---|---|---|---|")
        for name, places, corpus in cases:
            out = Path(tmp) / "report.html"
            made = [generate(places, corpus, out) for _ in range(args.runs)]
            opened = [open_times(browser, out) for _ in range(args.runs)]
            reports = out.read_text(encoding="utf-8").count("<article class=reader")
            print(f"| {name} | {reports} | {out.stat().st_size / 2**20:.1f} MB | {statistics.median(made):.2f} s "
                  f"| {statistics.median(t[0] for t in opened):.2f} s | {statistics.median(t[1] for t in opened):.2f} s |")
        if args.screenshot:
            out = Path(tmp) / "seeds.html"
            generate(["临海", "永嘉", "龙港"], ROOT / "seeds", out)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(out.as_uri())
            page.locator("table.compare tr[data-indicator=hightech_firms_new] a.v").nth(1).click()
            page.screenshot(path=args.screenshot)
        browser.close()


if __name__ == "__main__":
    main()
