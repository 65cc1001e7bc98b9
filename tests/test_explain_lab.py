"""ma.explain in a real JupyterLab: its rich output shows labels as text, never as markup.

A notebook is put on the server (through its contents API) whose labels are ``<b>bold</b>``
and ``$x$``: the HTML output (what JupyterLab shows for the result) and the Markdown output
(shown with ``display(Markdown(...))``) must both show them as typed, with no bold element
and no typeset math. Screenshots of it in the light and the dark theme go to
``build/screenshots/explain-lab-*``.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from browser import allow_loopback, watched_page
from test_lab import _KERNEL_IDLE, use_theme
from test_lab import lab as lab  # the JupyterLab server fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME = "explain-escaping.ipynb"
CODE = [
    "import microavg as ma\n"
    "e = ma.explain(['<b>bold</b>', 'A', '$x$', 'A'], ['A', 'A', 'A', '$x$'], labels=['A'])\n"
    "e",
    "from IPython.display import Markdown, display\ndisplay(Markdown(e._repr_markdown_()))",
]

_RUN_DONE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  return cells.every(c => c.model.executionCount !== null)
    && panel.sessionContext.session.kernel.status === 'idle'
    && document.querySelectorAll('.jp-OutputArea-output').length >= 2;
}"""


def _put_notebook(lab) -> None:
    cells = [
        {"cell_type": "code", "metadata": {}, "source": src, "outputs": [], "execution_count": None}
        for src in CODE
    ]
    body = {
        "type": "notebook",
        "format": "json",
        "content": {
            "cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
    }
    request = urllib.request.Request(
        f"{lab.url}/api/contents/{NAME}?token={lab.token}",
        data=json.dumps(body).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status in (200, 201)


def test_explain_output_shows_labels_as_typed_in_jupyterlab(lab, chromium_browser):
    _put_notebook(lab)
    with watched_page(chromium_browser, allow_loopback(lab.port)) as watched:
        page = watched.page
        page.goto(f"{lab.url}/lab/tree/{NAME}?token={lab.token}", timeout=60_000)
        page.wait_for_function(_KERNEL_IDLE, timeout=60_000)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(_RUN_DONE, timeout=120_000)
        outputs = page.locator(".jp-OutputArea-output")
        html_out, markdown_out = outputs.nth(0), outputs.nth(1)
        html_out.locator(".microavg-explanation").wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # time for MathJax, were it to typeset anything
        for out in (html_out, markdown_out):
            text = out.inner_text()
            assert "'<b>bold</b>'" in text and "'$x$'" in text, text
            assert out.locator("b").count() == 0
            assert out.locator("mjx-container, .MathJax").count() == 0
            assert "ΣFP − ΣFN" in text
        assert html_out.locator("caption").inner_text() == "Micro scores and accuracy"
        markdown_out.scroll_into_view_if_needed()
        # The same output in each theme, to look at (build/screenshots/explain-lab-*.png).
        for theme in ("JupyterLab Light", "JupyterLab Dark"):
            use_theme(page, theme)
            watched.screenshot(f"explain-lab-{theme.split()[-1].lower()}")
        assert not watched.blocked, watched.blocked
