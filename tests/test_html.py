"""The HTML tutorial (``make html``): built from the lessons, self-contained, every lesson and
its deck in the site, the build's pieces on small made-up notebooks.

The session builds ``build/html`` once, with ``python -m htmlsite --if-stale`` (a no-op when
the lessons, package, templates and JS pins are unchanged since the last build). How each page
looks in a real browser with the network off is ``tests/test_site.py``'s.

``MICROAVG_HTML_NOTEBOOKS=DIR`` checks the pages built from another folder (see html_site.py).
"""

from __future__ import annotations

import doctest
import json
import pkgutil
import re
from importlib import import_module
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import htmlsite
import nbformat
import pytest
from browser import watched_page
from html_site import NOTEBOOKS, ROOT
from htmlsite import lessons as site_lessons
from htmlsite import links
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

MAX_SITE_BYTES = 15 * 1024 * 1024
LESSONS = [site_lessons.read_lesson(path) for path in site_lessons.find_lessons(NOTEBOOKS)]
SITE_PAGES = ["index.html", "glossary.html", "cheatsheet.html"]
PAGES = [*SITE_PAGES, *(lesson.page for lesson in LESSONS)]
REPOSITORY = links.repository_slug()
SITE_MODULES = sorted(
    f"htmlsite.{m.name}" for m in pkgutil.iter_modules(htmlsite.__path__) if m.name != "__main__"
)


# The modules whose examples run node on node_modules, which the site's build installs.
NODE_MODULES_NEEDED = {"htmlsite.math"}


# --- the build's pieces, on small made-up notebooks ------------------------------------------


@pytest.mark.parametrize(
    "name",
    [  # slow: these build the site (conftest cannot see a fixture asked for inside the test)
        pytest.param(name, marks=[pytest.mark.slow] if name in NODE_MODULES_NEEDED else [])
        for name in ["htmlsite", *SITE_MODULES]
    ],
)
def test_build_package_examples_hold(name, request):
    if name in NODE_MODULES_NEEDED:  # their examples run node on the pinned JavaScript
        request.getfixturevalue("site")
    result = doctest.testmod(import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_build_module_has_examples():
    attempted = sum(
        doctest.testmod(import_module(name), optionflags=doctest.ELLIPSIS).attempted
        for name in SITE_MODULES
    )
    assert attempted >= 10


def test_lessons_are_the_numbered_notebooks_in_order(tmp_path):
    for name in ["02-b.ipynb", "01-a.ipynb", "scratch.ipynb", "1-short.ipynb", "10-j.ipynb"]:
        (tmp_path / name).write_text("{}")
    assert [p.name for p in site_lessons.find_lessons(tmp_path)] == [
        "01-a.ipynb",
        "02-b.ipynb",
        "10-j.ipynb",
    ]


def test_title_is_the_first_level_one_heading_even_below_navigation():
    nb = new_notebook(
        cells=[
            new_markdown_cell("[Contents](../README.md) · [Next →](02-b.ipynb)"),
            new_markdown_cell("## Not this\n\n# The worked example\n\n# Nor this"),
        ]
    )
    assert site_lessons.lesson_title(nb) == "The worked example"


def test_a_lesson_without_a_title_is_refused_by_name():
    nb = new_notebook(cells=[new_markdown_cell("## Overview"), new_code_cell("1")])
    with pytest.raises(ValueError, match=r"nb: .*'# title'"):
        site_lessons.lesson_title(nb)


def test_description_is_the_metadata_field_and_required():
    nb = new_notebook(cells=[new_markdown_cell("# T\n\nWhy $P = R$ holds. Then more.")])
    with pytest.raises(ValueError, match=r"05-t.ipynb: metadata.description is missing"):
        site_lessons.lesson_description(nb, "05-t.ipynb")
    nb.metadata["description"] = "  Set by\nthe author.  "
    assert site_lessons.lesson_description(nb) == "Set by the author."


def test_time_to_learn_prefers_metadata_then_the_prerequisites_line():
    text = "## Prerequisites\n\n- **Time to learn**: 35 minutes\n"
    nb = new_notebook(cells=[new_markdown_cell(text)])
    assert site_lessons.time_to_learn(nb) == 35
    nb.metadata["time_to_learn"] = 12
    assert site_lessons.time_to_learn(nb) == 12
    for bad in [0, -5, 12.5, "12", True, 10_000]:
        nb.metadata["time_to_learn"] = bad
        with pytest.raises(ValueError, match=r"x.ipynb: metadata.time_to_learn must be"):
            site_lessons.time_to_learn(nb, "x.ipynb")
    with pytest.raises(ValueError, match=r"x.ipynb: no time to learn"):
        site_lessons.time_to_learn(new_notebook(), "x.ipynb")


def test_every_lesson_says_how_long_it_takes():
    assert all(lesson.minutes > 0 for lesson in LESSONS)


def test_navigation_lines_are_dropped_and_prose_links_kept():
    nb = new_notebook(
        cells=[
            new_markdown_cell("[← 01](01-a.ipynb) | [Contents](../README.md) | [03 →](03-c.ipynb)"),
            new_markdown_cell("# Title\n[Contents](../README.md) · [Next](03-c.ipynb)\n\nText."),
            new_markdown_cell("See [the proof](03-c.ipynb) and [docs](https://example.org)."),
            new_markdown_cell("A table:\n\n---\n\n---\n[Contents](../README.md)"),
            new_markdown_cell("---\n\n[← 01](01-a.ipynb) · [Contents](../README.md)"),
        ]
    )
    site_lessons.strip_navigation(nb)
    assert [cell.source for cell in nb.cells] == [
        "# Title\n\nText.",
        "See [the proof](03-c.ipynb) and [docs](https://example.org).",
        "A table:",
    ]


def test_links_in_a_page_point_into_the_site_or_at_the_repository():
    lessons = [site_lessons.Lesson(Path("notebooks/01-a.ipynb"), "A", "")]
    page = (
        '<a href="01-a.ipynb#sec">x</a> <a href="../README.md">c</a> '
        '<a href="../pyproject.toml">p</a> <a href="#Overview">o</a> '
        '<a class="anchor-link" href="https://example.org/?a=1&amp;b=2">e</a>'
    )
    assert links.rewrite_links(page, lessons, "o/r") == (
        '<a href="01-a.html#sec">x</a> <a href="index.html">c</a> '
        '<a href="https://github.com/o/r/blob/HEAD/pyproject.toml">p</a> <a href="#Overview">o</a> '
        '<a class="anchor-link" href="https://example.org/?a=1&amp;b=2">e</a>'
    )


def test_repository_slug_comes_from_pyproject_and_is_checked(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n')
    assert links.repository_slug(pyproject) == "microavg/microavg"
    pyproject.write_text('[tool.microavg]\nrepository = "someone/microavg"\n')
    assert links.repository_slug(pyproject) == "someone/microavg"
    pyproject.write_text('[tool.microavg]\nrepository = "https://github.com/a/b"\n')
    with pytest.raises(ValueError, match=r"\[tool.microavg\] repository: expected 'owner/name'"):
        links.repository_slug(pyproject)


def test_vendored_javascript_matches_what_ipywidgets_and_nbconvert_expect():
    import ipywidgets

    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    manager = locked["node_modules/@jupyter-widgets/html-manager"]["version"]
    wanted = ipywidgets._version.__html_manager_version__  # "^1.0.1" for ipywidgets 8.1
    major, minimum = re.fullmatch(r"\^((\d+)\.\d+\.\d+)", wanted).group(2, 1)
    assert manager.split(".")[0] == major
    assert tuple(map(int, manager.split("."))) >= tuple(map(int, minimum.split(".")))
    # Math is typeset at build time by MathJax 3; nbconvert's slides template wants reveal.js 4.
    assert locked["node_modules/mathjax-full"]["version"].startswith("3.")
    assert locked["node_modules/reveal.js"]["version"] == "4.0.2"
    assert locked["node_modules/axe-core"]["version"].startswith("4.")
    assert "requirejs" in json.loads((ROOT / "package.json").read_text())["dependencies"]
    # anywidget's front end must speak the same protocol as the Python package that saved state.
    assert locked["node_modules/anywidget"]["version"] == version("anywidget")


def _tiny_lesson(folder: Path, name: str, title: str, text: str) -> Path:
    cells = [new_markdown_cell(f"# {title}\n\n## A section\n\n{text}"), new_code_cell("1")]
    cells[1].execution_count = 1
    nb = new_notebook(cells=cells, metadata={"description": "Tiny.", "time_to_learn": 5})
    nbformat.write(nb, folder / name)
    return folder / name


def test_node_modules_as_locked_need_no_npm_ci_though_other_platforms_are_missing(tmp_path):
    from htmlsite.assets import ensure_node_modules

    lock = {
        "packages": {
            "": {"name": "x"},
            "node_modules/esbuild": {"version": "0.28.2"},
            "node_modules/@esbuild/darwin-arm64": {"version": "0.28.2", "optional": True},
        }
    }
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    (tmp_path / "node_modules").mkdir()
    installed = {"packages": {"node_modules/esbuild": {"version": "0.28.2"}}}
    (tmp_path / "node_modules" / ".package-lock.json").write_text(json.dumps(installed))
    assert ensure_node_modules(tmp_path) == tmp_path / "node_modules"  # no npm ci: none here


def test_build_rebuilds_only_the_pages_whose_inputs_changed(tmp_path, site):
    from htmlsite.build import build, is_current

    notebooks, out = tmp_path / "notebooks", tmp_path / "html"
    notebooks.mkdir()
    _tiny_lesson(notebooks, "01-a.ipynb", "Lesson A", "A residual.")
    second = _tiny_lesson(notebooks, "02-b.ipynb", "Lesson B", "Some text.")
    first = [page for page, _ in build(notebooks, out, "o/r")]
    # Each lesson's page and its deck (its headings start slides), then the site's own pages.
    decks = ["01-a.slides.html", "02-b.slides.html"]
    assert sorted(first) == sorted(["01-a.html", "02-b.html", *decks, *SITE_PAGES])
    assert is_current(notebooks, out, "o/r") and not is_current(notebooks, out, "o/other")
    assert build(notebooks, out, "o/r") == []
    _tiny_lesson(notebooks, second.name, "Lesson B", "Other text, with a residual.")
    assert not is_current(notebooks, out, "o/r")
    # The glossary lists where the residual is used, so it changes with lesson B (and B's deck).
    assert sorted(page for page, _ in build(notebooks, out, "o/r")) == [
        "02-b.html",
        "02-b.slides.html",
        "glossary.html",
    ]
    assert "Other text" in (out / "02-b.html").read_text(encoding="utf-8")
    assert "Other text" in (out / "assets" / "search-index.js").read_text(encoding="utf-8")
    second.unlink()
    build(notebooks, out, "o/r")
    assert not (out / "02-b.html").exists() and not (out / "02-b.slides.html").exists()


def test_a_lesson_never_executed_is_refused_by_name(tmp_path):
    lesson = _tiny_lesson(tmp_path, "01-a.ipynb", "A", "Text.")
    nb = nbformat.read(lesson, as_version=4)
    nb.cells[1].execution_count = None
    nbformat.write(nb, lesson)
    with pytest.raises(ValueError, match=r"01-a.ipynb: code cell 1 was never executed"):
        site_lessons.executed(lesson)


def _micro_row(y_true, y_pred, **options) -> str:
    """The name scikit-learn's classification_report gives its micro row."""
    from sklearn.metrics import classification_report

    names = [
        line.split()[0]
        for line in classification_report(y_true, y_pred, **options).splitlines()
        if line.strip()
    ]
    return "accuracy" if "accuracy" in names else "micro avg" if "micro" in names else "none"


def test_glossary_states_when_classification_report_prints_micro_avg_as_scikit_learn_does():
    import numpy as np
    from htmlsite.glossary import TERMS

    definition = " ".join({t.id: t for t in TERMS}["classification-report"].definition.split())
    assert "names every label that occurs in the true or predicted labels" in definition
    assert "leaves out a label that occurs, and for multi-label data" in definition
    y_true, y_pred = [0, 1, 2, 2, 1, 0, 1], [0, 2, 2, 1, 1, 0, 3]  # label 3 only predicted
    quiet = {"zero_division": 0}
    assert _micro_row(y_true, y_pred, **quiet) == "accuracy"
    assert _micro_row(y_true, y_pred, labels=[3, 2, 1, 0], **quiet) == "accuracy"  # reordered
    assert _micro_row(y_true, y_pred, labels=[0, 1, 2, 3, 9], **quiet) == "accuracy"  # 9 absent
    assert _micro_row(y_true, y_pred, labels=[0, 1, 2], **quiet) == "micro avg"  # 3 left out
    assert _micro_row(y_true, y_pred, labels=[0, 1, 3], **quiet) == "micro avg"  # 2 left out
    assert _micro_row([0, 1, 1, 0], [0, 1, 0, 0], **quiet) == "accuracy"  # binary
    assert _micro_row([0, 1, 1, 0], [0, 1, 0, 0], labels=[1], **quiet) == "micro avg"
    multi_true, multi_pred = np.array([[1, 0], [1, 1], [0, 1]]), np.array([[1, 0], [0, 1], [1, 1]])
    assert _micro_row(multi_true, multi_pred) == "micro avg"


def test_glossary_has_the_scores_themselves():
    from htmlsite.glossary import TERMS

    ids = {term.id for term in TERMS}
    assert {"precision", "recall", "f1", "top-k-accuracy", "classification-report"} <= ids


# --- the built site ----------------------------------------------------------------------------


def test_site_has_the_contents_page_and_one_page_per_lesson(site):
    pages = sorted(p.name for p in site.glob("*.html") if not p.name.endswith(".slides.html"))
    assert pages == sorted(PAGES)
    decks = sorted(p.name for p in site.glob("*.slides.html"))
    assert decks == sorted(lesson.slides for lesson in LESSONS)


def test_site_stays_under_15_mb(site):
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert size < MAX_SITE_BYTES, f"{size / 1e6:.1f} MB"


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_scripts_and_styles_only_from_the_site(site, page):
    source = (site / page).read_text(encoding="utf-8")
    loaded = re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', source)
    loaded += re.findall(r'<link\b[^>]*\bhref="([^"]+)"', source)
    loaded += re.findall(r"widgetRendererSrc = \'([^\']+)\'", source)
    assert loaded
    for url in loaded:
        if url == "data:,":  # the empty icon, so the browser asks for no favicon.ico
            continue
        assert not urlsplit(url).scheme and not url.startswith("/"), url
        assert (site / urlsplit(url).path).is_file(), url


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.page)
def test_each_lesson_page_offers_binder_for_that_lesson(site, lesson):
    binder = links.binder_url(REPOSITORY, lesson.path.name)
    assert binder.startswith(f"https://mybinder.org/v2/gh/{REPOSITORY}/HEAD?urlpath=lab/tree/")
    assert f'href="{binder}"' in (site / lesson.page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.page)
def test_each_lesson_page_says_its_time_to_learn_once(site, lesson):
    page = (site / lesson.page).read_text(encoding="utf-8")
    shown = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.DOTALL)
    text = " ".join(re.sub(r"<[^>]+>", " ", shown).split())
    assert text.count("Time to learn") == 1
    assert re.search(rf"Time to learn\s*:\s*{lesson.minutes} minutes", text)


def test_contents_page_explains_a_pasted_file_as_the_command_line_does(site, chromium_browser):
    from htmlsite.pages import explain_example

    expected = explain_example().said.split("\n\n")
    with watched_page(chromium_browser) as watched:
        watched.page.goto((site / "index.html").as_uri())
        watched.page.wait_for_selector("#explain ~ .ma-explain-file .ma-ef-output p")
        shown = watched.page.eval_on_selector_all(
            ".ma-explain-file .ma-ef-output p", "ps => ps.map(p => p.textContent)"
        )
        assert [" ".join(p.split()) for p in shown] == [" ".join(p.split()) for p in expected]
        assert "Left out: 'O'" in " ".join(shown)
        assert watched.blocked == [] and watched.console_errors == []


def test_contents_page_offers_binder(site):
    assert 'class="ma-binder" href="https://mybinder.org/v2/gh/' in (
        (site / "index.html").read_text(encoding="utf-8")
    )
