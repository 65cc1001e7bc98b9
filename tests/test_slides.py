"""``make slides``: every lesson as a reveal.js deck that opens from ``file://`` with the network
off, and whose every slide and sub-slide fits 1280 x 720 with nothing clipped, its explorers
drawn from their saved state. The decks tested are the site's (``make html`` builds them beside
the lessons' pages, as ``make slides`` does into ``build/slides``); the screenshots are
``build/screenshots/slides-*.png`` (each deck's fullest page, and a page with an explorer)."""

from __future__ import annotations

import html
import re
import shutil

import nbformat
import pytest
from browser import SCREENSHOTS, watched_page
from html_site import NOTEBOOKS
from htmlsite import lessons as site_lessons
from htmlsite import slides
from htmlsite.slide_plan import SLIDE_HEIGHT, SLIDE_WIDTH, deck_notebook, is_folded

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSONS = [site_lessons.read_lesson(path) for path in site_lessons.find_lessons(NOTEBOOKS)]
TIMEOUT_MS = 30_000
SMALLEST_ZOOM = 0.5  # a figure or explorer drawn smaller than this to fit is a failure

# Walk every page (reveal.js's API, no transition), every <details> opened as a teacher would,
# and report what does not fit: the content's bottom past the page, any element outside the
# page's box, any box whose content overflows it (a scroll bar or a clip). MathJax's hidden
# copy for screen readers (mjx-assistive-mml) is clipped on purpose and is not looked at.
WALK = """async () => {
  const deck = window.microavgDeck;
  const H = deck.getConfig().height, W = deck.getConfig().width;
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  document.querySelectorAll('.reveal details').forEach((d) => { d.open = true; });
  const pages = [];
  for (const s of deck.getSlides()) {
    const i = deck.getIndices(s);
    deck.slide(i.h, i.v || 0);
    await frame(); await frame();
    const padding = parseFloat(getComputedStyle(s).paddingBottom);
    let bottom = 0;
    for (const child of s.children) bottom = Math.max(bottom, child.offsetTop + child.offsetHeight);
    const box = s.getBoundingClientRect();
    const problems = [];
    if (bottom + padding > H + 1) problems.push(`content ${Math.round(bottom + padding)} px tall`);
    if (s.scrollWidth > W + 1) problems.push(`content ${s.scrollWidth} px wide`);
    for (const el of s.querySelectorAll('*')) {
      if (el.closest('aside.notes, mjx-assistive-mml')) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const name = `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`;
      if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1) {
        problems.push(`${name} outside the page`);
        continue;
      }
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1 && /auto|scroll|hidden/.test(style.overflowX)) {
        problems.push(`${name} cut ${el.scrollWidth - el.clientWidth} px across`);
      }
      if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll|hidden/.test(style.overflowY)) {
        problems.push(`${name} cut ${el.scrollHeight - el.clientHeight} px down`);
      }
    }
    const zooms = [...s.querySelectorAll('.jp-RenderedImage img, .widget-subarea')]
      .map((el) => parseFloat(el.style.zoom) || 1);
    pages.push({h: i.h, v: i.v || 0, height: Math.round(bottom + padding), problems,
                zoom: Math.min(1, ...zooms), widgets: s.querySelectorAll('.widget-subarea').length,
                notes: [...s.querySelectorAll('aside.notes')].map((a) => a.textContent).join(' ')});
  }
  return pages;
}"""


@pytest.fixture(scope="module")
def decks(site):
    """The site's folder, and the decks in it."""
    return site, sorted(path.name for path in site.glob("*.slides.html"))


def _without_view_ids(deck) -> str:
    """The deck's text, but for the random id nbconvert gives each explorer's output box."""
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    return re.sub(uuid, "…", deck.read_text(encoding="utf-8"))


def test_make_slides_builds_the_deck_the_site_links(site, tmp_path):
    lesson = LESSONS[-1]  # the shortest to build
    (tmp_path / "notebooks").mkdir()
    shutil.copy(lesson.path, tmp_path / "notebooks" / lesson.path.name)
    out = tmp_path / "slides"
    assert slides.build_slides(tmp_path / "notebooks", out) == [lesson.slides]
    assert _without_view_ids(out / lesson.slides) == _without_view_ids(site / lesson.slides)
    assert (out / "assets" / "reveal.js" / "dist" / "reveal.js").is_file()


def _lesson(lesson) -> nbformat.NotebookNode:
    nb = nbformat.read(lesson.path, as_version=4)
    site_lessons.strip_navigation(nb)  # as the deck does
    return nb


def test_every_lesson_has_a_deck(decks):
    out, names = decks
    assert names == [lesson.slides for lesson in LESSONS]
    for name in names:
        page = (out / name).read_text(encoding="utf-8")
        assert "https://unpkg.com" not in page and "cdnjs" not in page
        assert "assets/reveal.js/dist/reveal.js" in page


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slides)
def test_deck_shows_no_prompts_and_no_folded_code(decks, lesson):
    out, _ = decks
    page = (out / lesson.slides).read_text(encoding="utf-8")
    shown_html = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.DOTALL)
    assert not re.search(r"(In|Out)(&nbsp;|\s)*\[", shown_html)
    assert not re.search(r'class="jp-(In|Out)putPrompt', shown_html)
    nb = _lesson(lesson)
    shown = [
        cell
        for cell in deck_notebook(nb, slides.plan(nb)).cells
        if cell.cell_type == "code" and cell.metadata["deck_input"]
    ]
    folded = {cell.source for cell in nb.cells if cell.cell_type == "code" and is_folded(cell)}
    assert shown and not any(cell.source in folded for cell in shown)
    assert page.count('class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"') == len(shown)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slides)
def test_every_slide_fits_1280_by_720_with_nothing_clipped(decks, chromium_browser, lesson):
    out, _ = decks
    nb = _lesson(lesson)
    with watched_page(chromium_browser, width=SLIDE_WIDTH, height=SLIDE_HEIGHT) as watched:
        page = watched.page
        page.goto((out / lesson.slides).as_uri(), wait_until="load")
        page.wait_for_function(
            "() => window.microavgDeck && window.microavgDeck.isReady()", timeout=TIMEOUT_MS
        )
        page.evaluate("() => microavgDeck.configure({transition: 'none'})")
        assert page.evaluate("() => microavgDeck.getHorizontalSlides().length") == (
            slides.slide_count(nb)
        )
        # Every saved explorer is drawn, offline, before anything is measured.
        views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        page.wait_for_function(
            f"() => document.querySelectorAll('.widget-subarea').length === {views}",
            timeout=TIMEOUT_MS,
        )
        assert page.locator(".widget-subarea > *").count() == views
        pages = page.evaluate(WALK)
        assert len(pages) == len(slides.plan(nb))
        bad = [(p["h"], p["v"], p["problems"][:3]) for p in pages if p["problems"]]
        assert bad == [], f"{lesson.slides}: pages that do not fit 1280 x 720: {bad}"
        small = [(p["h"], p["v"], p["zoom"]) for p in pages if p["zoom"] < SMALLEST_ZOOM]
        assert small == [], f"{lesson.slides}: figures or explorers shrunk too far: {small}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.evaluate(
            "() => document.querySelectorAll('.reveal details').forEach(d => d.open = false)"
        )
        fullest = max(pages, key=lambda p: p["height"])
        shown = [fullest, *[p for p in pages if p["widgets"]][:1]]
        for which, shot in zip(("fullest", "explorer"), shown, strict=False):
            page.evaluate(f"() => microavgDeck.slide({shot['h']}, {shot['v']})")
            page.wait_for_timeout(300)
            page.screenshot(path=str(SCREENSHOTS / f"slides-{lesson.path.stem}-{which}.png"))
        assert watched.blocked == [], "requests to the network (aborted)"
        assert watched.failed == [], "requests that failed"
        assert watched.console_errors == []
    print(f"{lesson.slides}: {len(pages)} pages, tallest {fullest['height']} px of {SLIDE_HEIGHT}")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slides)
def test_deck_has_presenter_notes_from_the_lesson(decks, lesson):
    out, _ = decks
    page = (out / lesson.slides).read_text(encoding="utf-8")
    notes = re.findall(r'<aside class="notes">(.*?)</aside>', page, re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", note)) for note in notes)
    text = " ".join(text.split())
    nb = _lesson(lesson)
    meta = nb.metadata.get("microavg", {})
    for question in meta.get("questions", []):
        assert " ".join(question.replace("`", "").split())[:40] in text  # `code` drawn as code
    states = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    exercises = [
        model["state"]
        for model in states.get("state", {}).values()
        if model["state"].get("_anywidget_id") == "microavg.explorers.exercises.Exercise"
    ]
    for state in exercises:
        assert f"{' '.join(state['prompt'].split())}: the answer is" in text
    assert notes, f"{lesson.slides}: no presenter notes at all"
