"""The site's pages: each lesson exported by nbconvert, the contents page, the glossary and the
cheat-sheet. Every page gets the same chrome (search, colour-scheme toggle, navigation) and
its math typeset at build time (:mod:`htmlsite.math`)."""

from __future__ import annotations

import html
import re

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html

from htmlsite import TEMPLATES
from htmlsite.assets import (
    ANYWIDGET_HOST_URL,
    CODE_CSS_URL,
    REQUIRE_JS_URL,
    SITE_CSS_URL,
    SITE_JS_URL,
    WIDGET_RENDERER_URL,
)
from htmlsite.glossary import TERMS, link_terms
from htmlsite.lessons import Lesson, states_time_to_learn, strip_navigation
from htmlsite.links import binder_url, rewrite_links
from htmlsite.widget_state import check_widget_modules, renderer_for, require_paths, saved_views

TEMPLATE_NAME = "microavg"
TOC_MARK = "<!-- ma-toc -->"
_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.DOTALL)


def exporter(widget_renderer_url: str = WIDGET_RENDERER_URL) -> HTMLExporter:
    """nbconvert's HTML exporter, set up for our template and the vendored JavaScript; its
    saved widgets drawn by ``widget_renderer_url`` (see :func:`renderer_for`)."""
    return HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES)],
        require_js_url=REQUIRE_JS_URL,
        widget_renderer_url=widget_renderer_url,
    )


def _chrome(repository: str, notebook: str | None = None) -> dict[str, str]:
    return {
        "binder": binder_url(repository, notebook),
        "css": SITE_CSS_URL,
        "code_css": CODE_CSS_URL,
        "js": SITE_JS_URL,
    }


def contents_list(page: str) -> str:
    """The in-page contents list of a lesson page: its ``##`` and ``###`` headings.

    >>> print(contents_list('<h2 id="a">One<a class="anchor-link" href="#a">¶</a></h2>'
    ...                     '<h3 id="b">Two <code>x</code></h3>'))  # doctest: +NORMALIZE_WHITESPACE
    <details class="ma-toc"><summary>On this page</summary><nav aria-label="On this page"><ol>
    <li class="ma-toc-2"><a href="#a">One</a></li>
    <li class="ma-toc-3"><a href="#b">Two <code>x</code></a></li>
    </ol></nav></details>
    """
    items = []
    for level, anchor, inner in _HEADING.findall(page):
        text = _ANCHOR_LINK.sub("", inner).strip()
        text = re.sub(r"<(?!/?(?:code|em|strong)\b)[^>]+>", "", text)  # links and such go
        items.append(f'<li class="ma-toc-{level}"><a href="#{html.escape(anchor)}">{text}</a></li>')
    if not items:
        return ""
    return (
        '<details class="ma-toc"><summary>On this page</summary>'
        '<nav aria-label="On this page"><ol>\n' + "\n".join(items) + "\n</ol></nav></details>"
    )


def folded_cells(nb: nbformat.NotebookNode) -> int:
    """How many code cells are tagged ``hide-input`` (shown folded, behind "show code").

    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> folded_cells(new_notebook(cells=[new_code_cell("1", metadata={"tags": ["hide-input"]})]))
    1
    """
    return sum(
        cell.cell_type == "code" and "hide-input" in cell.metadata.get("tags", [])
        for cell in nb.cells
    )


def lesson_page(
    nb: nbformat.NotebookNode, index: int, lessons: list[Lesson], repository: str
) -> str:
    """The HTML page of ``lessons[index]`` from its executed notebook ``nb`` (math not yet
    typeset: :func:`htmlsite.math.typeset` does that to the whole page)."""
    lesson = lessons[index]
    check_widget_modules(nb, lesson.path.name)
    strip_navigation(nb)
    nb.metadata["title"] = f"{lesson.title} · microavg tutorial"
    site = _chrome(repository, lesson.path.name) | {
        "number": index + 1,
        "count": len(lessons),
        "title": lesson.title,
        "minutes": lesson.minutes,
        "minutes_in_prose": states_time_to_learn(nb),
        "prev": lessons[index - 1] if index > 0 else None,
        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        "source": f"https://github.com/{repository}/blob/HEAD/notebooks/{lesson.path.name}",
        "require_paths": require_paths(),
        "folded": folded_cells(nb),
    }
    body, _ = exporter(renderer_for(nb)).from_notebook_node(nb, resources={"site": site})
    body = link_terms(rewrite_links(body, lessons, repository))
    return body.replace(TOC_MARK, contents_list(body), 1)


def _render(template: str, slug: str, **context: object) -> str:
    # nbconvert's environment: it finds our templates (and its own).
    chrome = _chrome(slug)
    return exporter().environment.get_template(template).render(**chrome, **context)


def contents_page(lessons: list[Lesson], repository: str, decks: set[str] = frozenset()) -> str:
    """The contents page: what the tutorial teaches, its lessons in order with their time,
    and a link to each deck named in ``decks`` (file names, ``Lesson.slides``)."""
    entries = [
        {
            "page": lesson.page,
            "slides": lesson.slides if lesson.slides in decks else None,
            "title": lesson.title,
            "description": inline_markdown(lesson.description),
            "minutes": lesson.minutes,
        }
        for lesson in lessons
    ]
    state, (view,) = saved_views([explain_example()])
    return _render(
        "contents.html.j2",
        repository,
        lessons=entries,
        total_minutes=sum(lesson.minutes for lesson in lessons),
        repository=f"https://github.com/{repository}",
        explain_state=state,
        explain_view=view,
        host=ANYWIDGET_HOST_URL,
    )


def explain_example():
    """The contents page's explain-file explorer as it opens: lesson 04 §2's tokens as the CSV
    a reader would paste (``examples.ner_tokens_csv``), "O" left out, as lesson 04 §6 shows it."""
    from microavg import examples  # the package the lessons import
    from microavg.explorers import explain_file

    return explain_file(examples.ner_tokens_csv(), labels=["A", "B"])


def glossary_page(lessons: list[Lesson], pages: dict[str, str], repository: str) -> str:
    """The glossary, each term with the lessons whose page links it (``pages``: name → HTML)."""
    used_in = {
        term.id: [
            (number, lesson)
            for number, lesson in enumerate(lessons, 1)
            if f'href="glossary.html#{term.id}"' in pages.get(lesson.page, "")
        ]
        for term in TERMS
    }
    return _render("glossary.html.j2", repository, terms=TERMS, used_in=used_in)


def cheatsheet_page(repository: str) -> str:
    """The one-page cheat-sheet."""
    return _render("cheatsheet.html.j2", repository)


def inline_markdown(text: str) -> str:
    """One line of Markdown as inline HTML (no ``<p>`` around it).

    >>> inline_markdown("Uses `labels=` and *micro*.")
    'Uses <code>labels=</code> and <em>micro</em>.'
    """
    rendered = markdown2html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)
