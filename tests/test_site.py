"""The HTML tutorial as a site (``make html``): readable on a phone and in the dark, accessible,
searchable, printable; every page from ``file://`` in Chromium with the network off.

Each page is opened once at 1280 and once at 390 px wide, with the system in the light and in
the dark scheme (``looked``), and every reading is taken from that load (the lessons' tablet
check opens them at 768 px). In each view: nothing scrolls the page sideways and nothing is cut
off outside a box that scrolls; nothing is requested from the network, no request fails and
nothing is logged as an error; axe-core (vendored from npm, pinned in package-lock.json,
injected from ``node_modules``) finds no serious or critical violation. At 1280 px, light: the
math was typeset at build time, every figure is an image of readable size with a real text
alternative, every explorer is drawn from its saved state, links resolve, and each lesson links
the one before and after it. Screenshots (first screen, phone and dark) go to
``build/screenshots/site-*.png``; ``site-settle-seconds.json`` beside them records how long each
page took to settle.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from browser import SCREENSHOTS, watched_page
from html_site import NOTEBOOKS, ROOT
from htmlsite import glossary, links
from htmlsite import lessons as site_lessons
from htmlsite.assets import copy_assets, ensure_node_modules
from htmlsite.math import typeset
from htmlsite.pages import lesson_page
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]

LESSONS = [site_lessons.read_lesson(path) for path in site_lessons.find_lessons(NOTEBOOKS)]
PAGES = ["index.html", "glossary.html", "cheatsheet.html", *(lesson.page for lesson in LESSONS)]
WIDTHS = [1280, 390]
SCHEMES = ["light", "dark"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 30_000
PLACEHOLDER_ALTS = {"", "figure", "image", "no description has been provided for this image"}
MIN_FIGURE_WIDTH = 300  # CSS pixels: a plot narrower than this is too small to read
# TeX the build's MathJax should have replaced: $$, $\displaystyle (sympy), commands, $inline$.
RAW_TEX = re.compile(
    r"\$\$|\$\\displaystyle|\\(?:frac|sum|begin|left|right|mathrm)\b"
    r"|(?<![\w$])\$[^\s$][^$\n]*\$(?![\w$])"
)
REPOSITORY = links.repository_slug()

_WIDGETS_DRAWN = """() => [...document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]')]
  .every(s => s.parentElement.querySelector('.widget-subarea, .lm-Widget'))"""

# Elements that stick out of the viewport with no box between them and the page that scrolls
# and itself fits: what a reader cannot reach. The page's own sideways scroll is reported too.
_CUT_OFF = """() => {
  const vw = document.documentElement.clientWidth;
  const reachable = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) {
        const r = p.getBoundingClientRect();
        if (r.left >= -1 && r.right <= vw + 1) return true;
      }
    }
    return false;
  };
  const cut = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;
    if (e.closest('.ma-visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
    if ((r.right > vw + 1 || r.left < -1) && !reachable(e)) {
      cut.push(`${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')}` +
               ` [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
  }
  return {page_width: document.documentElement.scrollWidth, viewport: vw, cut: cut.slice(0, 10),
          cut_count: cut.length};
}"""

# Serious and critical violations, split by where they are: inside the output of a widget
# drawn from saved state (the kernel explorers), or anywhere else (the site and the lessons).
_AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const inWidget = (n) => { const e = document.querySelector(n.target[0]);
    return !!(e && e.closest('.jupyter-widgets.jp-OutputArea-output')); };
  const found = {site: [], widgets: []};
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const where of ['site', 'widgets']) {
      const nodes = v.nodes.filter(n => inWidget(n) === (where === 'widgets'));
      if (nodes.length) found[where].push({id: v.id, impact: v.impact, nodes: nodes.length,
        first: nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' +
                                          n.failureSummary.slice(0, 200))});
    }
  }
  return found;
}"""

_IMAGES = """() => [...document.querySelectorAll('img')].map(i => ({
  alt: i.getAttribute('alt'), src: i.getAttribute('src').slice(0, 40),
  widget: !!i.closest('.jupyter-widgets.jp-OutputArea-output')}))"""

# The contents list: how many, whether open, where its links go (and whether each target is
# on the page), and how it is placed.
_CONTENTS = """() => {
  const [toc] = document.querySelectorAll('details.ma-toc');
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const hrefs = toc ? [...toc.querySelectorAll('a')].map(a => a.getAttribute('href')) : [];
  return {count: document.querySelectorAll('details.ma-toc').length, open: toc ? toc.open : null,
          hrefs, missing: hrefs.filter(h => !ids.has(h.slice(1))),
          position: toc ? getComputedStyle(toc).position : null};
}"""

# Lines each <pre> of an output takes on screen, against the lines of its text.
_PRE_LINES = """() => [...document.querySelectorAll('.jp-OutputArea-output pre')].map(pre => {
  const range = document.createRange();
  range.selectNodeContents(pre);
  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
    .map(r => Math.round(r.top)));
  return {text: pre.innerText.slice(0, 60), lines: pre.innerText.replace(/\\n$/, '')
    .split('\\n').length, shown: tops.size, white_space: getComputedStyle(pre).whiteSpace};
})"""

# How many boxes (lines) the word "f1-score" of each classification_report is drawn in.
_F1_SCORE_BOXES = """() => [...document.querySelectorAll('.jp-OutputArea-output pre')]
  .filter(pre => pre.textContent.includes('f1-score')).map(pre => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue.indexOf('f1-score');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'f1-score'.length);
      return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }
    return 0;
  })"""

# The figures: those cut at the column's edge, and the scale each is shown at.
_FIGURES = """() => ({
  cut: [...document.querySelectorAll('.jp-RenderedImage')]
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .map(box => box.querySelector('img').alt.slice(0, 50)),
  scales: [...document.querySelectorAll('.jp-RenderedImage img')].map(i =>
    i.getBoundingClientRect().width / (Number(i.getAttribute('width')) || i.naturalWidth))})"""

# What the page is made of once drawn: its prose and math, images, explorers and their saved
# models, output on stderr, links, and the lesson pager.
_FACTS = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
  const state = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
  const models = state ? JSON.parse(state.textContent).state : {};
  return {
    prose: document.querySelector('.ma-lesson') ?
      [...document.querySelectorAll('.jp-MarkdownCell, .jp-RenderedLatex, .jp-RenderedMarkdown')]
        .map(e => e.innerText).join('\\n') :
      document.querySelector('main').innerText,
    math: [...document.querySelectorAll('mjx-container')].map(m => ({
      tex: (m.querySelector('mjx-assistive-mml') || m).textContent,
      size: box(m.querySelector('svg') || m)})),
    mathjax_loaded: !!window.MathJax || !!document.querySelector('script[src*="MathJax"]'),
    latex_outputs: [...document.querySelectorAll('.jp-RenderedLatex')]
      .map(e => e.querySelectorAll('mjx-container').length),
    math_errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    images: [...document.querySelectorAll('.jp-RenderedImage img, .jp-RenderedSVG svg, main img')]
      .map(i => ({natural: [i.naturalWidth ?? 1, i.naturalHeight ?? 1], size: box(i),
                  output: !!i.closest('.jp-RenderedImage, .jp-RenderedSVG')})),
    views: [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
      .map(s => {
        const drawn = s.parentElement.querySelector('.widget-subarea > *');
        return {model: JSON.parse(s.textContent).model_id, size: drawn ? box(drawn) : [0, 0]};
      }),
    models: Object.fromEntries(Object.entries(models).map(([k, v]) => [k, v.model_name])),
    sliders: [...document.querySelectorAll('.widget-slider')].map(box),
    widget_error: /Error (displaying|rendering) widget/.test(document.body.innerText),
    stderr: [...document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')]
      .filter(e => !e.closest('.celltag_raises-exception')).map(e => e.innerText.slice(0, 500)),
    links: [...document.querySelectorAll('a[href]')].map(a => ({
      href: a.href, raw: a.getAttribute('href'),
      anchor_ok: !a.hash || a.pathname !== location.pathname ||
        !!(document.getElementById(a.hash.slice(1)) ||
           document.getElementById(decodeURIComponent(a.hash.slice(1))))})),
    pager: Object.fromEntries(['prev', 'contents', 'next'].map(k => {
      const a = document.querySelector(`.ma-pager-top a.ma-${k}`);
      return [k, a ? a.getAttribute('href') : null];
    })),
    pager_bottom: !!document.querySelector('.ma-pager-bottom a.ma-contents'),
    lessons: [...document.querySelectorAll('ol.ma-lessons > li > a')]
      .map(a => a.getAttribute('href')),
    binder: [...document.querySelectorAll('a.ma-binder')].map(a => a.href),
  };
}"""


def _open(browser, width: int, scheme: str):
    """A policed page ``width`` px wide (a phone's 844 px high), the system in ``scheme``."""
    return watched_page(browser, width=width, height=844, color_scheme=scheme)


def _settle(watched, site: Path, page: str) -> float:
    start = time.perf_counter()
    watched.page.goto((site / page).as_uri(), wait_until="load")
    try:
        watched.page.wait_for_function(_WIDGETS_DRAWN, timeout=TIMEOUT_MS)
    except PlaywrightTimeout:  # test_html says which views are missing
        pass
    watched.page.evaluate("() => document.fonts.ready.then(() => true)")
    # site.js marks the boxes that scroll once the widgets have drawn and the content is still.
    watched.page.locator("html[data-ma-scrollers=marked]").wait_for(state="attached")
    return time.perf_counter() - start


@pytest.fixture(scope="module")
def looked(site, chromium_browser):
    """``looked(page, width, scheme)``: what the page showed, measured once per module."""
    cache: dict[tuple[str, int, str], dict] = {}

    def look(page: str, width: int, scheme: str) -> dict:
        key = (page, width, scheme)
        if key not in cache:
            with _open(chromium_browser, width, scheme) as watched:
                seconds = _settle(watched, site, page)
                # What the page itself asked for and logged, before axe-core (which reads the
                # stylesheets, and logs that file:// refuses it) is added.
                blocked, errors = list(watched.blocked), list(watched.console_errors)
                failed = list(watched.failed)
                watched.page.add_script_tag(path=str(AXE))
                cache[key] = {
                    "seconds": seconds,
                    "theme": watched.page.evaluate("() => document.documentElement.dataset.theme"),
                    "layout": watched.page.evaluate(_CUT_OFF),
                    "contents": watched.page.evaluate(_CONTENTS),
                    "pre_lines": watched.page.evaluate(_PRE_LINES),
                    "f1_boxes": watched.page.evaluate(_F1_SCORE_BOXES),
                    "figures": watched.page.evaluate(_FIGURES),
                    "facts": watched.page.evaluate(_FACTS),
                    "axe": watched.page.evaluate(_AXE_RUN),
                    "images": watched.page.evaluate(_IMAGES),
                    "blocked": blocked,
                    "failed": failed,
                    "errors": errors,
                }
                if width < 1000 or scheme == "dark":
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    name = f"site-{Path(page).stem}-{width}-{scheme}.png"
                    watched.page.screenshot(path=str(SCREENSHOTS / name))
        return cache[key]

    yield look
    settle = {f"{p} {w} {s}": round(r["seconds"], 2) for (p, w, s), r in cache.items()}
    if settle:
        (SCREENSHOTS / "site-settle-seconds.json").write_text(json.dumps(settle, indent=1) + "\n")


views = pytest.mark.parametrize(
    ("page", "width", "scheme"),
    [(p, w, s) for p in PAGES for w in WIDTHS for s in SCHEMES],
    ids=lambda v: str(v),
)


@views
def test_page_follows_the_system_scheme(looked, page, width, scheme):
    assert looked(page, width, scheme)["theme"] == scheme


@views
def test_nothing_scrolls_the_page_sideways_or_is_cut_off(looked, page, width, scheme):
    layout = looked(page, width, scheme)["layout"]
    assert layout["page_width"] <= layout["viewport"], "the page scrolls sideways"
    assert layout["cut"] == [], f"{layout['cut_count']} elements cut off"


@views
def test_axe_finds_no_serious_or_critical_violation(looked, page, width, scheme):
    assert looked(page, width, scheme)["axe"]["site"] == []


@views
def test_axe_finds_no_serious_or_critical_violation_in_widgets(looked, page, width, scheme):
    assert looked(page, width, scheme)["axe"]["widgets"] == []


@views
def test_page_loads_nothing_from_the_network_and_logs_no_error(looked, page, width, scheme):
    shown = looked(page, width, scheme)
    assert shown["blocked"] == [], "requests to the network (aborted)"
    assert shown["failed"] == [], "requests that failed"
    assert shown["errors"] == []


def _check_alts(images: list[dict]) -> None:
    for image in images:
        alt = (image["alt"] or "").strip()
        assert alt.lower() not in PLACEHOLDER_ALTS, f"{image['src']}: alt {alt!r}"
        assert len(alt) >= 30, f"{image['src']}: alt too short to describe a figure: {alt!r}"


@pytest.mark.parametrize("page", PAGES)
def test_every_image_has_a_real_text_alternative(looked, page):
    _check_alts([i for i in looked(page, 1280, "light")["images"] if not i["widget"]])


@pytest.mark.parametrize("page", PAGES)
def test_every_image_in_a_widget_has_a_real_text_alternative(looked, page):
    _check_alts([i for i in looked(page, 1280, "light")["images"] if i["widget"]])


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.page)
def test_lessons_fit_a_tablet(site, chromium_browser, lesson):
    with _open(chromium_browser, 768, "light") as watched:
        _settle(watched, site, lesson.page)
        layout = watched.page.evaluate(_CUT_OFF)
    assert layout["page_width"] <= 768 and layout["cut"] == []


def test_figures_keep_readable_text_on_a_phone(looked):
    """No figure is shown at less than 3/4 of its drawn size (wide ones scroll instead)."""
    scales = looked(LESSONS[0].page, 390, "light")["figures"]["scales"]
    assert scales and min(scales) >= 0.74


# --- what each page is made of (at 1280 px, light) ---------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_math_is_typeset_at_build_time_and_no_raw_tex_shows(looked, page):
    facts = looked(page, 1280, "light")["facts"]
    assert not facts["mathjax_loaded"], "the page typesets in the browser"
    assert facts["math_errors"] == 0
    unrendered = [m["tex"] for m in facts["math"] if not (m["size"][0] > 0 and m["size"][1] > 0)]
    assert unrendered == []
    assert all(count > 0 for count in facts["latex_outputs"]), "a text/latex output not typeset"
    assert RAW_TEX.findall(facts["prose"]) == [], "TeX left as text"


@pytest.mark.parametrize("page", PAGES)
def test_every_plot_is_an_image_of_readable_size(looked, page):
    for image in looked(page, 1280, "light")["facts"]["images"]:
        (natural_w, natural_h), (width, height) = image["natural"], image["size"]
        assert natural_w > 0 and natural_h > 0, "image did not load"
        assert width > 0 and height > 0, "image not displayed"
        if image["output"]:
            assert width >= MIN_FIGURE_WIDTH, f"figure only {width:.0f}px wide"


@pytest.mark.parametrize("page", PAGES)
def test_every_widget_is_drawn_from_its_saved_state(looked, page):
    facts = looked(page, 1280, "light")["facts"]
    assert not facts["widget_error"]
    for view in facts["views"]:
        assert view["model"] in facts["models"], "widget view without saved state"
        assert view["size"][0] > 0 and view["size"][1] > 0, f"widget {view['model']} not drawn"
    if any(name.endswith("SliderModel") for name in facts["models"].values()):
        assert facts["sliders"] and all(w > 0 and h > 0 for w, h in facts["sliders"])


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_no_warning_or_traceback_except_where_tagged_raises_exception(looked, page):
    assert looked(page, 1280, "light")["facts"]["stderr"] == []


@pytest.mark.parametrize("page", PAGES)
def test_links_within_the_site_resolve(looked, page):
    for link in looked(page, 1280, "light")["facts"]["links"]:
        parts = urlsplit(link["href"])
        if parts.scheme == "file":
            assert Path(unquote(parts.path)).is_file(), f"broken link {link['raw']}"
        else:
            assert parts.scheme in {"http", "https", "mailto"}, link["raw"]
        assert link["anchor_ok"], f"no such anchor: {link['raw']}"


@pytest.mark.parametrize("index", range(len(LESSONS)), ids=[lesson.page for lesson in LESSONS])
def test_lesson_pages_link_prev_contents_and_next_in_order(looked, index):
    facts = looked(LESSONS[index].page, 1280, "light")["facts"]
    assert facts["pager"] == {
        "prev": LESSONS[index - 1].page if index > 0 else None,
        "contents": "index.html",
        "next": LESSONS[index + 1].page if index + 1 < len(LESSONS) else None,
    }
    assert facts["pager_bottom"]
    assert facts["binder"] == [links.binder_url(REPOSITORY, LESSONS[index].path.name)]


def test_contents_page_lists_every_lesson_in_order(looked):
    facts = looked("index.html", 1280, "light")["facts"]
    assert facts["lessons"] == [lesson.page for lesson in LESSONS]
    assert len(facts["binder"]) == 1


# --- finding one's way ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "where", "start"),
    [
        ("zero_division", "zero_division", "index.html"),
        ("residual", "residual", LESSONS[-1].page),  # a lesson page, which has RequireJS
        ("balanced", "balanced", "glossary.html"),
    ],
)
def test_search_finds_and_opens_the_section(site, chromium_browser, term, where, start):
    with _open(chromium_browser, 390, "light") as watched:
        page = watched.page
        _settle(watched, site, start)
        page.fill("#ma-search-input", term)
        page.wait_for_selector("#ma-search-results a.ma-search-hit", timeout=TIMEOUT_MS)
        first = page.locator("#ma-search-results a.ma-search-hit").first
        href = first.get_attribute("href")
        first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(href), (page.url, href)
        anchor = href.split("#", 1)[1]
        # The section the result opened: its heading and the text up to the next heading.
        text = page.evaluate(
            """(id) => {
              const start = document.getElementById(decodeURIComponent(id));
              if (!start) return null;
              const level = /^H[1-6]$/.test(start.tagName) ? Number(start.tagName[1]) : 9;
              let text = start.textContent;
              const all = [...document.querySelectorAll('main *')];
              let on = false;
              for (const e of all) {
                if (e === start) { on = true; continue; }
                if (!on) continue;
                if (/^H[1-6]$/.test(e.tagName) && Number(e.tagName[1]) <= level) break;
                if (start.tagName === 'DT' && e.tagName === 'DT') break;
                if (!e.children.length) text += ' ' + e.textContent;
              }
              const top = start.getBoundingClientRect().top;
              return {text, top};
            }""",
            anchor,
        )
    assert text is not None, f"no section {anchor}"
    assert where.lower() in text["text"].lower()
    assert -5 <= text["top"] <= 844, "the section is not on screen"


def test_search_says_when_nothing_is_found(site, chromium_browser):
    with _open(chromium_browser, 1280, "light") as watched:
        _settle(watched, site, LESSONS[0].page)
        watched.page.fill("#ma-search-input", "qqqzzzxx")
        watched.page.wait_for_selector(".ma-search-none", timeout=TIMEOUT_MS)
        assert "Nothing found for “qqqzzzxx”" in watched.page.inner_text("#ma-search-results")
        # Markup typed into the box is shown as text, never made into elements.
        watched.page.fill("#ma-search-input", '<b id="typed">qqqzzzxx</b>$')
        watched.page.wait_for_timeout(300)
        assert watched.page.locator("#typed").count() == 0
        assert watched.console_errors == []


def test_dark_choice_is_remembered_across_pages(site, chromium_browser):
    with _open(chromium_browser, 1280, "light") as watched:
        page = watched.page
        _settle(watched, site, "index.html")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "light"
        toggle = page.locator(".ma-theme-toggle")
        assert toggle.inner_text().endswith("Dark")  # what it switches to
        assert toggle.get_attribute("aria-label") == "Switch to the dark scheme"
        page.click(".ma-theme-toggle")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        assert toggle.inner_text().endswith("Light")
        assert toggle.get_attribute("aria-label") == "Switch to the light scheme"
        page.goto((site / LESSONS[0].page).as_uri(), wait_until="load")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        page.reload(wait_until="load")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        page.click(".ma-theme-toggle")
        page.goto((site / "glossary.html").as_uri(), wait_until="load")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "light"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.page)
def test_contents_list_is_open_beside_the_text_on_wide_and_folded_on_phones(looked, lesson):
    for width, wanted in [(1280, True), (390, False)]:
        contents = looked(lesson.page, width, "light")["contents"]
        assert contents["count"] == 1 and contents["open"] is wanted, (width, contents)
        assert len(contents["hrefs"]) >= 3 and contents["missing"] == [], contents
    assert looked(lesson.page, 1280, "light")["contents"]["position"] == "sticky"


def test_contents_page_gives_time_to_learn_per_lesson_and_in_total(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f"Time to learn: {lesson.minutes} minutes" in text
    total = sum(lesson.minutes for lesson in LESSONS)
    assert f"about {total} minutes in all" in text


def test_each_glossary_term_has_an_entry_and_lessons_link_their_first_use(site):
    page = (site / "glossary.html").read_text(encoding="utf-8")
    for term in glossary.TERMS:
        assert f'<dt id="{term.id}">' in page
    linked = set()
    for lesson in LESSONS:
        source = (site / lesson.page).read_text(encoding="utf-8")
        ids = re.findall(r'class="ma-term" href="glossary\.html#([\w-]+)"', source)
        assert ids, f"{lesson.page} links no glossary term"
        assert len(ids) == len(set(ids)), "a term linked more than once on a page"
        assert set(ids) <= {term.id for term in glossary.TERMS}
        linked |= set(ids)
    for wanted in ["tp", "fp", "fn", "micro", "macro", "residual", "zero-division", "labels"]:
        assert wanted in linked


# --- code folding ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folded_site(tmp_path_factory):
    """A one-lesson site of our own: a cell tagged hide-input, and one not tagged."""
    out = tmp_path_factory.mktemp("folded")
    copy_assets(ensure_node_modules(), out)
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Folded code\n\n## A section\n\nText with $x^2$."),
            new_code_cell(
                "hidden_value = 6 * 7\nhidden_value",
                metadata={"tags": ["hide-input"]},
                execution_count=1,
                outputs=[new_output("execute_result", {"text/plain": "42"}, execution_count=1)],
            ),
            new_code_cell(
                "shown_value = 1",
                execution_count=2,
                outputs=[],
            ),
            new_markdown_cell("## Another\n\nMore.\n\n### Deeper\n\nEnd."),
        ],
        metadata={"description": "A lesson with folded code.", "time_to_learn": 5},
    )
    lesson = site_lessons.Lesson(out / "01-folded.ipynb", "Folded code", "folded", 5)
    page = typeset(lesson_page(nb, 0, [lesson], "o/r"), lesson.page)
    (out / lesson.page).write_text(page, encoding="utf-8")
    return out / lesson.page


def test_hide_input_cell_shows_a_toggle_instead_of_its_code(chromium_browser, folded_site):
    with watched_page(chromium_browser, width=390, height=844) as watched:
        page = watched.page
        page.goto(folded_site.as_uri(), wait_until="load")
        hidden = page.get_by_text("hidden_value = 6 * 7")
        expect(hidden).to_be_hidden()
        expect(page.get_by_text("shown_value = 1")).to_be_visible()
        expect(page.locator(".jp-OutputArea-output").get_by_text("42")).to_be_visible()
        toggle = page.locator("details.ma-code-fold > summary")
        expect(toggle).to_have_text("show code")
        toggle.click()
        expect(hidden).to_be_visible()
        expect(toggle).to_have_text("hide code")
        toggle.click()
        expect(hidden).to_be_hidden()
        expect(toggle).to_have_text("show code")
        page.check(".ma-show-all-code")
        expect(hidden).to_be_visible()
        page.uncheck(".ma-show-all-code")
        expect(hidden).to_be_hidden()
        assert watched.blocked == [] and watched.console_errors == []


def test_lessons_without_hide_input_show_all_their_code_and_no_switch(site):
    for lesson in LESSONS:
        nb = nbformat.read(lesson.path, as_version=4)
        tagged = any("hide-input" in c.metadata.get("tags", []) for c in nb.cells)
        source = (site / lesson.page).read_text(encoding="utf-8")
        assert ("ma-show-all-code" in source) is tagged
        assert ("ma-code-fold" in source) is tagged


# --- print ---------------------------------------------------------------------------------


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_cheat_sheet_prints_on_one_a4_page(site, chromium_browser):
    with watched_page(chromium_browser) as watched:
        watched.page.goto((site / "cheatsheet.html").as_uri(), wait_until="load")
        pdf = watched.page.pdf(format="A4", print_background=True)
    (SCREENSHOTS / "site-cheatsheet.pdf").write_bytes(pdf)
    assert _pdf_pages(pdf) == 1


def test_print_leaves_out_the_site_around_the_text(site, chromium_browser):
    with watched_page(chromium_browser, color_scheme="dark") as watched:
        page = watched.page
        page.goto((site / LESSONS[0].page).as_uri(), wait_until="load")
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => ['.ma-masthead', '.ma-pager', '.ma-toc', '.ma-footer']
                 .map(s => getComputedStyle(document.querySelector(s)).display)"""
        )
        assert hidden == ["none"] * 4
        colours = page.evaluate(
            "() => [getComputedStyle(document.body).color, getComputedStyle(document.body)"
            ".backgroundColor]"
        )
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
        wrap = page.evaluate(
            "() => getComputedStyle(document.querySelector('.jp-InputArea-editor pre')).whiteSpace"
        )
        assert wrap == "pre-wrap"
        pdf = page.pdf(format="A4")
    assert _pdf_pages(pdf) >= 1


# --- the reader's findings (issue 20) ---------------------------------------------------------


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.page)
def test_preformatted_output_scrolls_in_its_box_and_never_wraps_on_a_phone(looked, lesson):
    for pre in looked(lesson.page, 390, "light")["pre_lines"]:
        assert pre["white_space"] == "pre", pre
        assert pre["shown"] <= pre["lines"], f"wrapped: {pre}"


def test_classification_report_keeps_its_header_on_one_line_on_a_phone(looked):
    boxes = [n for lesson in LESSONS for n in looked(lesson.page, 390, "light")["f1_boxes"]]
    assert boxes, "no classification_report output in the lessons"
    assert boxes == [1] * len(boxes), "'f1-score' broken over lines"


def _indexed_texts(site: Path) -> list[str]:
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    return [doc["title"] + " " + doc["text"] for doc in data["docs"].values()]


def test_search_indexes_prose_and_headings_never_code_or_its_output(site):
    texts = " ".join(_indexed_texts(site))
    code_lines = {
        " ".join(line.split())
        for lesson in LESSONS
        for cell in nbformat.read(lesson.path, as_version=4).cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if len(line.strip()) > 24 and re.search(r"[(=]", line) and not line.strip().startswith("#")
    }
    assert code_lines, "the lessons have no code"
    assert [line for line in code_lines if line in texts] == []
    assert "<details" not in texts and "say(" not in texts


def test_search_marks_the_words_where_the_reader_lands(site, chromium_browser):
    with _open(chromium_browser, 1280, "light") as watched:
        page = watched.page
        _settle(watched, site, "index.html")
        page.fill("#ma-search-input", "abstain")
        page.wait_for_selector("#ma-search-results a.ma-search-hit", timeout=TIMEOUT_MS)
        assert "say(" not in page.inner_text("#ma-search-results")
        page.locator("#ma-search-results a.ma-search-hit").first.click()
        page.wait_for_load_state("load")
        mark = page.locator("mark.ma-search-mark")
        expect(mark).to_have_count(1)
        assert mark.inner_text().lower().startswith("abstain")
        assert watched.console_errors == []


def _luminance(png: bytes) -> float:
    from io import BytesIO

    from PIL import Image, ImageStat

    return ImageStat.Stat(Image.open(BytesIO(png)).convert("L")).mean[0]


def test_dark_scheme_keeps_the_grid_shading_and_tables_on_the_dark_page(site, chromium_browser):
    explorer = next(lesson for lesson in LESSONS if lesson.page.startswith("03-"))
    with _open(chromium_browser, 1280, "dark") as watched:
        page = watched.page
        _settle(watched, site, explorer.page)
        cells = page.locator(".microavg-matrix-explorer input.ma-cell")
        values = [int(v) for v in cells.evaluate_all("cs => cs.map(c => c.value || '0')")]
        zero, largest = values.index(0), values.index(max(values))
        cells.nth(zero).scroll_into_view_if_needed()
        dark_zero = _luminance(cells.nth(zero).screenshot())
        light_largest = _luminance(cells.nth(largest).screenshot())
        assert dark_zero < light_largest, "a 0 is brighter than the largest count in the dark"
    with _open(chromium_browser, 1280, "dark") as watched:
        _settle(watched, site, LESSONS[0].page)
        backgrounds = watched.page.evaluate(
            """() => [...document.querySelectorAll('.jp-RenderedHTML.jp-OutputArea-output')]
                 .map(e => getComputedStyle(e).backgroundColor)"""
        )
    assert backgrounds
    assert "rgb(255, 255, 255)" not in backgrounds


def test_wide_figures_fit_the_column_on_a_laptop(looked):
    for lesson in LESSONS:
        cut = looked(lesson.page, 1280, "light")["figures"]["cut"]
        assert cut == [], f"{lesson.page}: figures cut at the column's edge: {cut}"


@pytest.mark.parametrize("page", PAGES)
def test_page_asks_for_no_favicon_file(site, page):
    source = (site / page).read_text(encoding="utf-8")
    icons = re.findall(r"<link\b[^>]*\brel=\"icon\"[^>]*>", source)
    assert len(icons) == 1 and 'href="data:,"' in icons[0]


def test_cheat_sheet_says_a_zero_residual_need_not_give_the_accuracy(site):
    text = " ".join((site / "cheatsheet.html").read_text(encoding="utf-8").split())
    assert "but not accuracy" not in text
    assert "need not be the accuracy" in text


def test_contents_page_links_each_lesson_deck_titled_with_its_lesson(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f'href="{lesson.slides}"' in index
        deck = (site / lesson.slides).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", deck, re.DOTALL).group(1).strip()
        assert title == f"{lesson.title} slides"
        assert "Notebook slides" not in deck


def test_code_colours_come_from_accessible_pygments_in_both_schemes(site):
    from htmlsite.highlight import code_css

    css = (site / "assets" / "code-colours.css").read_text(encoding="utf-8")
    assert css == code_css()
    for scheme in SCHEMES:
        assert f'html[data-theme="{scheme}"] .highlight .k' in css
    hand_typed = (site / "assets" / "microavg.css").read_text(encoding="utf-8")
    assert ".highlight .k" not in hand_typed


def test_a_box_drawn_after_load_is_marked_as_one_that_scrolls(site, chromium_browser):
    # As a widget drawing late on a slow phone: marked once the content is still, by no timer.
    with _open(chromium_browser, 390, "light") as watched:
        _settle(watched, site, LESSONS[0].page)
        watched.page.evaluate(
            """() => { const box = document.createElement('div');
                 box.className = 'ma-table-scroll'; box.id = 'late';
                 box.innerHTML = '<div style="width: 2000px">wide</div>';
                 document.querySelector('main').appendChild(box); }"""
        )
        watched.page.locator("html[data-ma-scrollers=marked]").wait_for(state="attached")
        assert watched.page.get_attribute("#late", "tabindex") == "0"
        assert "ma-scrolls" in watched.page.get_attribute("#late", "class")
