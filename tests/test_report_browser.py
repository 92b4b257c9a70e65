"""polcmp report in a real browser (Chromium driven by Playwright) on generated reports: the page
loads offline with no console error and no request, a click on a cell scrolls to its value and
highlights the clause it was read from, filters hide and show the right rows, and Chinese text
renders with real glyphs (checked on the rendered pixels, not in the DOM).

Without Chromium these tests are skipped with the reason; .ci/run installs it and sets
POLCMP_REQUIRE_BROWSER=1, which turns a missing browser into a failure."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]

# Two places, two years each: sentences whose values are known, in separate clauses.
REPORT = """{place}市{year}年政府工作报告

一、{last}年工作回顾
过去一年，全市地区生产总值增长{gdp_done}%。一般公共预算收入增长{fiscal_done}%。全年新增高新技术企业{firms_done}家。
城镇新增就业{jobs_done}人。

二、{year}年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长{gdp}%左右；一般公共预算收入增长{fiscal}%；
新增高新技术企业{firms}家以上；居民消费价格涨幅控制在3%左右；城镇新增就业{jobs}人。
"""


def _browser_or_skip() -> str:
    path = os.environ.get("POLCMP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path:
        return path
    if os.environ.get("POLCMP_REQUIRE_BROWSER"):
        pytest.fail("POLCMP_REQUIRE_BROWSER is set, but Chromium or Playwright is missing")
    pytest.skip("browser tests need Chromium (Debian: apt-get install chromium fonts-noto-cjk) and "
                "Playwright (the test extra); .ci/run installs both")


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for n, place in enumerate(("青山", "绿水")):
        for year in (2022, 2023):
            numbers = dict(gdp=6 + n, fiscal=5 + n, firms=40 + 10 * n + year % 10, jobs=12000 + 1000 * n,
                           gdp_done=5.5 + n, fiscal_done=4.5 + n, firms_done=30 + year % 10, jobs_done=11000 + n)
            (corpus / f"{place}_{year}.txt").write_text(
                REPORT.format(place=place, year=year, last=year - 1, **numbers), encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "report.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLCMP_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "polcmp", "report", "青山", "绿水", "--corpus", str(corpus),
                           "-o", str(out)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    executable = _browser_or_skip()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, report_page):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.console_messages, page.requests = [], []
    page.on("console", lambda m: page.console_messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: page.console_messages.append(f"pageerror: {e}"))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(report_page.as_uri())
    yield page
    context.close()


def test_the_page_loads_offline_without_errors(page, report_page):
    assert page.console_messages == []
    assert page.requests == [report_page.as_uri()]   # the page itself, nothing else
    assert page.locator("table.compare tbody tr").count() >= 4
    assert page.locator("article.reader").count() == 4
    assert page.locator("table.track tbody tr").count() >= 2   # two years per place


def test_clicking_a_cell_shows_its_sentence(page):
    links = page.locator("table.compare a.v")
    assert links.count() >= 8
    for i in range(links.count()):
        link = links.nth(i)
        raw, quote = link.get_attribute("data-raw"), link.get_attribute("data-quote")
        link.click()
        active_mark = page.locator("mark.active")
        assert active_mark.count() == 1 and active_mark.inner_text() == raw
        assert page.locator("span.q.active").inner_text() == quote
        box = active_mark.bounding_box()
        assert box and 0 <= box["y"] <= 800 - box["height"]   # scrolled into view
        assert page.locator("#detail").is_visible() and raw in page.locator("#detail").inner_text()
    assert page.console_messages == []


def test_track_cells_point_into_the_reports(page):
    links = page.locator("table.track a.v")
    assert links.count() >= 4
    for i in range(links.count()):
        links.nth(i).click()
        assert page.locator("mark.active").inner_text() == links.nth(i).get_attribute("data-raw")


def test_filters_hide_and_show_rows(page):
    rows = page.locator("table.compare tbody tr")
    groups = set(rows.evaluate_all("rs => rs.map(r => r.dataset.group)"))
    assert len(groups) >= 2
    group = sorted(groups)[0]
    page.select_option("#group-filter", group)
    shown = rows.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.group)")
    assert shown and set(shown) == {group}
    page.select_option("#group-filter", "")
    page.select_option("#indicator-filter", "gdp_growth")
    assert rows.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.indicator)") == ["gdp_growth"]
    page.select_option("#indicator-filter", "")
    assert rows.evaluate_all("rs => rs.filter(r => r.hidden).length") == 0
    target_cell = page.locator("table.compare div.st-target").first
    assert target_cell.is_visible()
    page.uncheck("input.status-filter[value=target]")
    assert not target_cell.is_visible() and page.locator("table.compare div.st-achieved").first.is_visible()
    page.check("input.status-filter[value=target]")
    assert target_cell.is_visible()


GLYPH_CHECK = """(text) => {
  // Each character drawn in the page's font against a character no font has (a private-use
  // code point): the same pixels mean a missing-glyph box.
  const font = getComputedStyle(document.querySelector('.reader .text')).font;
  const canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 40;
  const g = canvas.getContext('2d');
  function pixels(ch) {
    g.clearRect(0, 0, 40, 40); g.font = font.replace(/\\d+px/, '28px'); g.fillText(ch, 4, 32);
    return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
  }
  const missing = pixels('\\u{10FFFD}');
  return Array.from(new Set(text)).filter(ch => /[\\u4e00-\\u9fff]/.test(ch) && pixels(ch) === missing);
}"""


def test_a_screenshot_shows_chinese_glyphs(page, tmp_path):
    shot = tmp_path / "report.png"
    page.locator("table.compare a.v").first.click()
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000   # a page with text, not a blank
    shown = page.locator("article.reader .text").first.inner_text()
    assert page.evaluate(GLYPH_CHECK, shown[:400]) == []   # no character drawn as a box
