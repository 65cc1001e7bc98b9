"""Page weight and time to settle of every page of the HTML tutorial, as ratios to the index.

Goal (printed, never asserted): no lesson takes more than 1.5x the median lesson's time to
settle. A page has settled when it has loaded, every saved widget is drawn and its fonts are
ready (math needs no time: the build typesets it). Each page is opened ``repeat`` times from
``file://`` in Debian's Chromium, 390 px wide, with every request off the site refused; the
time is the median. Page weight is the bytes of every file the page loaded (the HTML and the
assets it asked for). The baseline is the contents page, index.html, measured in the same run.

Builds ``build/html`` first when it is stale (``python -m htmlsite --if-stale``). Run with
``python benchmarks/bench_site.py`` (``make bench`` does).

First, the build itself: a cold build of every page into a temporary folder, then the same
build again with nothing changed (goal, printed: at most 15 s, and a small share of the cold
build), then after one lesson changed (only its page, its deck and the pages listing it).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "html"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tools")]

from browser import chromium, watched_page  # noqa: E402

GOAL = 1.5
WIDGETS_DRAWN = """() => [...document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]')]
  .every(s => s.parentElement.querySelector('.widget-subarea, .lm-Widget'))"""


def pages() -> list[str]:
    """The contents page first, then the site's other pages and the lessons in order."""
    lessons = sorted(p.name for p in SITE.glob("[0-9][0-9]-*.html"))
    return ["index.html", "glossary.html", "cheatsheet.html", *lessons]


def measure(browser: object, page: str) -> tuple[float, int]:
    """Seconds to settle and bytes loaded, for one opening of ``page``."""
    with watched_page(browser, width=390, height=844) as watched:
        start = time.perf_counter()
        watched.page.goto((SITE / page).as_uri(), wait_until="load")
        watched.page.wait_for_function(WIDGETS_DRAWN, timeout=60_000)
        watched.page.evaluate("() => document.fonts.ready.then(() => true)")
        seconds = time.perf_counter() - start
        files = {unquote(urlsplit(url).path) for url in watched.requests if url.startswith("file:")}
        if watched.blocked:
            raise RuntimeError(f"{page} asked the network for {watched.blocked}")
    return seconds, sum(Path(f).stat().st_size for f in files if Path(f).is_file())


def bench_build() -> None:
    """Seconds for a cold build, an unchanged one and one after a lesson changed."""
    import shutil
    import tempfile

    from htmlsite.build import build
    from htmlsite.links import repository_slug

    with tempfile.TemporaryDirectory() as folder:
        notebooks, out = Path(folder) / "notebooks", Path(folder) / "html"
        shutil.copytree(ROOT / "notebooks", notebooks)
        timed = []
        for step in ["cold", "unchanged", "one lesson changed"]:
            if step == "one lesson changed":
                lesson = sorted(notebooks.glob("[0-9][0-9]-*.ipynb"))[-1]
                lesson.write_text(lesson.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            start = time.perf_counter()
            rebuilt = build(notebooks, out, repository_slug())
            timed.append((step, time.perf_counter() - start, len(rebuilt)))
    cold = timed[0][1]
    for step, seconds, pages in timed:
        print(f"build, {step}: {seconds:.1f} s, {pages} pages rebuilt, {seconds / cold:.2f}x cold")
    unchanged = timed[1][1]
    verdict = "meets" if unchanged <= 15 else "MISSES"
    print(f"unchanged build {unchanged:.1f} s ({verdict} the goal of at most 15 s)")


def main(repeat: int = 5) -> None:
    bench_build()
    subprocess.run(
        [sys.executable, "-m", "htmlsite", "--if-stale"],
        cwd=ROOT / "tools",
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tools")},
    )
    results: dict[str, tuple[float, int]] = {}
    with chromium() as browser:
        for page in pages():
            measure(browser, page)  # warm up the disk cache and Chromium
            times, weight = [], 0
            for _ in range(repeat):
                seconds, weight = measure(browser, page)
                times.append(seconds)
            results[page] = (statistics.median(times), weight)
    base_time, base_weight = results["index.html"]
    print(f"baseline index.html: {base_time * 1e3:.0f} ms to settle, {base_weight / 1e3:.0f} kB")
    print(f"{'page':40} {'settle':>8} {'x index':>8} {'weight':>9} {'x index':>8}")
    for page, (seconds, weight) in results.items():
        print(
            f"{page:40} {seconds * 1e3:6.0f}ms {seconds / base_time:8.2f} "
            f"{weight / 1e3:7.0f}kB {weight / base_weight:8.2f}"
        )
    lessons = {p: t for p, (t, _) in results.items() if p[:2].isdigit()}
    median = statistics.median(lessons.values())
    worst = max(lessons, key=lessons.get)
    ratio = lessons[worst] / median
    verdict = "meets" if ratio <= GOAL else "MISSES"
    print(
        f"slowest lesson {worst}: {ratio:.2f}x the median lesson's time to settle "
        f"({verdict} the goal of at most {GOAL}x)"
    )


if __name__ == "__main__":
    main()
