"""``make slides``: every lesson as a reveal.js deck that opens from ``file://`` with the network
off and pages forward. The decks are built once per session into a temporary folder; the
screenshots are ``build/screenshots/slides-*.png``."""

from __future__ import annotations

import nbformat
import pytest
from browser import SCREENSHOTS, watched_page
from html_site import NOTEBOOKS
from htmlsite import lessons as site_lessons
from htmlsite import slides

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSONS = [site_lessons.read_lesson(path) for path in site_lessons.find_lessons(NOTEBOOKS)]
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    names = slides.build_slides(NOTEBOOKS, out)
    return out, names


def test_every_lesson_has_a_deck(decks):
    out, names = decks
    assert names == [lesson.slides for lesson in LESSONS]
    for name in names:
        page = (out / name).read_text(encoding="utf-8")
        assert "https://unpkg.com" not in page and "cdnjs" not in page
        assert "assets/reveal.js/dist/reveal.js" in page


def test_a_lesson_without_slides_is_refused_by_name():
    from nbformat.v4 import new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# Title")])
    with pytest.raises(ValueError, match=r"05-x.ipynb: no cell is marked as a slide"):
        slides.deck(nb, "05-x.ipynb")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slides)
def test_deck_opens_offline_and_pages_forward(decks, chromium_browser, lesson):
    out, _ = decks
    nb = nbformat.read(lesson.path, as_version=4)
    site_lessons.strip_navigation(nb)  # as the deck does
    with watched_page(chromium_browser, width=1280, height=800) as watched:
        page = watched.page
        page.goto((out / lesson.slides).as_uri(), wait_until="load")
        page.wait_for_function(
            "() => window.microavgDeck && window.microavgDeck.isReady()", timeout=TIMEOUT_MS
        )
        total = page.evaluate("() => microavgDeck.getHorizontalSlides().length")
        assert total == slides.slide_count(nb)
        assert page.evaluate("() => microavgDeck.getIndices().h") == 0
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => microavgDeck.getIndices().h === 1", timeout=TIMEOUT_MS)
        assert page.locator(".reveal section.present").first.inner_text().strip()
        page.wait_for_timeout(1000)  # the slide transition, before the screenshot
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"slides-{lesson.path.stem}.png"))
        assert watched.blocked == [], "requests to the network (aborted)"
        assert watched.failed == [], "requests that failed"
        assert watched.console_errors == []


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slides)
def test_deck_draws_every_saved_widget_offline(decks, chromium_browser, lesson):
    out, _ = decks
    with watched_page(chromium_browser, width=1280, height=800) as watched:
        page = watched.page
        page.goto((out / lesson.slides).as_uri(), wait_until="load")
        views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        page.wait_for_function(
            f"() => document.querySelectorAll('.widget-subarea').length === {views}",
            timeout=TIMEOUT_MS,
        )
        assert page.locator(".widget-subarea > *").count() == views
        assert watched.blocked == [] and watched.failed == []
        assert watched.console_errors == []
