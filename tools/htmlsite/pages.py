"""The site's pages: each lesson exported by nbconvert, and the contents page."""

from __future__ import annotations

import re

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html

from htmlsite import TEMPLATES
from htmlsite.assets import (
    MATHJAX_URL,
    REQUIRE_JS_URL,
    SITE_CSS_URL,
    WIDGET_RENDERER_URL,
)
from htmlsite.lessons import Lesson, strip_navigation
from htmlsite.links import binder_url, rewrite_links
from htmlsite.widget_state import check_widget_modules, require_paths

TEMPLATE_NAME = "microavg"


def exporter() -> HTMLExporter:
    """nbconvert's HTML exporter, set up for our template and the vendored JavaScript."""
    return HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES)],
        require_js_url=REQUIRE_JS_URL,
        widget_renderer_url=WIDGET_RENDERER_URL,
        mathjax_url=MATHJAX_URL,
    )


def lesson_page(
    nb: nbformat.NotebookNode, index: int, lessons: list[Lesson], repository: str
) -> str:
    """The HTML page of ``lessons[index]`` from its executed notebook ``nb``."""
    lesson = lessons[index]
    check_widget_modules(nb, lesson.path.name)
    strip_navigation(nb)
    nb.metadata["title"] = f"{lesson.title} · microavg tutorial"
    site = {
        "number": index + 1,
        "count": len(lessons),
        "title": lesson.title,
        "prev": lessons[index - 1] if index > 0 else None,
        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        "binder": binder_url(repository, lesson.path.name),
        "source": f"https://github.com/{repository}/blob/HEAD/notebooks/{lesson.path.name}",
        "css": SITE_CSS_URL,
        "require_paths": require_paths(),
    }
    body, _ = exporter().from_notebook_node(nb, resources={"site": site})
    return rewrite_links(body, lessons, repository)


def contents_page(lessons: list[Lesson], repository: str) -> str:
    """The contents page: what the tutorial teaches and its lessons in order."""
    entries = [
        {
            "page": lesson.page,
            "title": lesson.title,
            "description": inline_markdown(lesson.description),
            "minutes": lesson.minutes,
        }
        for lesson in lessons
    ]
    # nbconvert's environment: it finds our templates and its own (the MathJax macro).
    template = exporter().environment.get_template("contents.html.j2")
    return template.render(
        lessons=entries,
        binder=binder_url(repository, lessons[0].path.name if lessons else None),
        repository=f"https://github.com/{repository}",
        css=SITE_CSS_URL,
        mathjax_url=MATHJAX_URL,
    )


def inline_markdown(text: str) -> str:
    """One line of Markdown as inline HTML (no ``<p>`` around it).

    >>> inline_markdown("Uses `labels=` and *micro*.")
    'Uses <code>labels=</code> and <em>micro</em>.'
    """
    rendered = markdown2html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)
