"""``make slides``: each lesson as a reveal.js deck for teachers, offline.

The lesson is planned into pages that each fit 1280 x 720 (:mod:`htmlsite.slide_plan`: a slide
per ``#`` and ``##`` heading, sub-slides per ``###`` heading and wherever a section runs
longer than a page), given presenter notes (:mod:`htmlsite.slide_notes`), and exported by
nbconvert's slides exporter with ``templates/microavg-slides`` (its reveal template without CDN
scripts, without prompts, folded code left out), reveal.js 4.0.2 vendored from npm (the version
that template is written for), math typeset at build time, saved explorers drawn offline.
Run: ``python -m htmlsite.slides [--notebooks DIR] [--out DIR]`` (default ``build/slides``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter

from htmlsite import ROOT, TEMPLATES
from htmlsite.assets import (
    REQUIRE_JS_URL,
    copy_assets,
    copy_package_files,
    ensure_node_modules,
)
from htmlsite.lessons import executed, find_lessons, read_lesson, strip_navigation
from htmlsite.math import typeset
from htmlsite.slide_notes import add_notes
from htmlsite.slide_plan import SLIDE_HEIGHT, SLIDE_WIDTH, Page, deck_notebook, pieces, plan_pages
from htmlsite.widget_state import check_widget_modules, renderer_for, require_paths

REVEAL_URL = "assets/reveal.js"
# reveal.js's script, its notes plugin, its CSS and the one theme the decks use (whose font
# is vendored with it: the "simple" theme would fetch Google Fonts).
REVEAL_FILES = [
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro/*",
    "plugin/notes/notes.js",
]
REVEAL_THEME = "white"


def plan(nb: nbformat.NotebookNode) -> list[Page]:
    """The pages of the deck of ``nb`` (its navigation already stripped), with their notes."""
    pages = plan_pages(pieces(nb))
    add_notes(pages, nb)
    return pages


def slide_count(nb: nbformat.NotebookNode) -> int:
    """How many horizontal slides the deck of ``nb`` has: one per ``#`` or ``##`` heading or
    cell marked ``slideshow.slide_type`` "slide", and one more for what comes before the
    first of them, if anything; 0 when nothing starts a slide.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> slide_count(new_notebook(cells=[new_markdown_cell("# A\\n\\nText\\n\\n## B")]))
    2
    >>> slide_count(new_notebook(cells=[new_markdown_cell("intro"), new_markdown_cell("## A")]))
    2
    >>> slide_count(new_notebook(cells=[new_markdown_cell("No heading at all")]))
    0
    """
    found = pieces(nb)
    if not any(piece.starts == "slide" for piece in found):
        return 0
    return sum(page.new_slide for page in plan_pages(found))


def deck(nb: nbformat.NotebookNode, name: str, title: str = "") -> str:
    """The reveal.js deck of the executed lesson ``nb`` (``name``, for messages), its page
    titled ``title`` (the lesson's title) rather than nbconvert's "Notebook"."""
    check_widget_modules(nb, name)
    strip_navigation(nb)
    if title:
        nb.metadata["title"] = title
    if slide_count(nb) == 0:
        raise ValueError(
            f"{name}: nothing starts a slide (no '#' or '##' heading, and no cell whose "
            "metadata.slideshow.slide_type is 'slide')"
        )
    exporter = SlidesExporter(
        template_name="microavg-slides",
        extra_template_basedirs=[str(TEMPLATES)],
        reveal_url_prefix=REVEAL_URL,
        reveal_theme=REVEAL_THEME,
        reveal_width=str(SLIDE_WIDTH),
        reveal_height=str(SLIDE_HEIGHT),
        require_js_url=REQUIRE_JS_URL,
        widget_renderer_url=renderer_for(nb),
    )
    body, _ = exporter.from_notebook_node(
        deck_notebook(nb, plan(nb)), resources={"site": {"require_paths": require_paths()}}
    )
    return typeset(body, name)


def copy_reveal(node_modules: Path, out: Path) -> None:
    """reveal.js's files the decks load, into ``out/assets/reveal.js``."""
    for pattern in REVEAL_FILES:
        copy_package_files(node_modules / "reveal.js", pattern, out / REVEAL_URL)


def build_slides(notebooks: Path, out: Path) -> list[str]:
    """Every lesson's deck into ``out``; return the decks' file names."""
    node_modules = ensure_node_modules()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_assets(node_modules, out)
    copy_reveal(node_modules, out)
    names = []
    for path in find_lessons(notebooks):
        lesson = read_lesson(path)
        start = time.perf_counter()
        (out / lesson.slides).write_text(
            deck(executed(path), path.name, lesson.title), encoding="utf-8"
        )
        print(f"{lesson.slides}: {time.perf_counter() - start:.1f} s", flush=True)
        names.append(lesson.slides)
    return names


def main(argv: list[str] | None = None) -> int:
    """Build the decks."""
    parser = argparse.ArgumentParser(prog="python -m htmlsite.slides", description=__doc__)
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    args = parser.parse_args(argv)
    names = build_slides(args.notebooks.resolve(), args.out.resolve())
    print(f"built {args.out}: {len(names)} decks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
