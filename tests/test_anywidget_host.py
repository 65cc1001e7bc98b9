"""The site's anywidget host keeps anywidget's front-end module contract, in Chromium.

A saved page's views are drawn by ``anywidget-host.js`` with no kernel. Like anywidget 0.11
it takes a default export that is an object or an (async) factory returning one, runs
``initialize`` once per model and ``render`` once per view, and calls the cleanup either
returns when the view leaves the page (and the model's when its last view does), with the
view's listeners removed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser import watched_page

HOST = (
    Path(__file__).resolve().parent.parent
    / "tools/htmlsite/templates/microavg/static/anywidget-host.js"
)

# A factory default export (async), with initialize and render each returning a cleanup;
# the log on window says what ran, in order.
FACTORY = """
const log = (window.hostLog ??= []);
export default async () => {
  let built = 0;
  return {
    initialize({ model }) {
      log.push("initialize " + model.get("name"));
      model.on("change:count", () => log.push("init saw " + model.get("count")));
      return () => log.push("initialize cleanup " + model.get("name"));
    },
    render({ model, el, signal }) {
      built += 1;
      const n = built;
      const draw = () => { el.textContent = model.get("name") + " " + model.get("count"); };
      model.on("change:count", draw);
      draw();
      el.id = model.get("name") + "-view-" + n;
      el.addEventListener("click", () => { model.set("count", model.get("count") + 1); });
      signal.addEventListener("abort", () => log.push("view " + n + " aborted"));
      return () => log.push("render cleanup " + n);
    },
  };
};
"""

# The object form, whose render returns nothing: no cleanup, and nothing breaks.
OBJECT = """
export default { render({ model, el }) { el.id = "plain"; el.textContent = model.get("name"); } };
"""


def page(tmp_path: Path) -> Path:
    models = {
        "f": {"name": "factory", "count": 0, "_esm": FACTORY},
        "o": {"name": "object", "count": 0, "_esm": OBJECT},
    }
    state = {
        "version_major": 2,
        "version_minor": 0,
        "state": {
            key: {"model_module": "anywidget", "model_name": "AnyModel", "state": value}
            for key, value in models.items()
        },
    }

    def view(key: str, n: int) -> str:
        script = json.dumps({"version_major": 2, "version_minor": 0, "model_id": key})
        return (
            f'<div class="cell" id="cell-{key}-{n}">'
            f'<script type="application/vnd.jupyter.widget-view+json">{script}</script></div>'
        )

    body = "".join([view("f", 1), view("f", 2), view("o", 1)])
    shutil.copyfile(HOST, tmp_path / "anywidget-host.js")
    state_json = json.dumps(state).replace("</", "<\\/")  # raw text inside <script>
    (tmp_path / "index.html").write_text(
        "<!doctype html><html><head><title>host</title></head><body>"
        f'<script type="application/vnd.jupyter.widget-state+json">{state_json}</script>'
        f'{body}<script src="anywidget-host.js"></script></body></html>',
        encoding="utf-8",
    )
    return tmp_path / "index.html"


@pytest.mark.browser
def test_a_factory_export_initializes_once_renders_each_view_and_cleans_up(
    tmp_path, chromium_browser
):
    index = page(tmp_path)
    with watched_page(chromium_browser) as watched:
        p = watched.page
        p.goto(index.as_uri())
        p.wait_for_function("document.querySelectorAll('.widget-subarea').length === 3")
        assert p.text_content("#plain") == "object"
        assert p.text_content("#factory-view-1") == "factory 0"
        p.click("#factory-view-1")  # both views of one model follow its change
        assert p.text_content("#factory-view-2") == "factory 1"
        assert p.evaluate("window.hostLog") == ["initialize factory", "init saw 1"]
        # The first view leaves the page: its cleanup runs, its listener goes.
        p.evaluate("document.getElementById('cell-f-1').remove()")
        p.wait_for_function("window.hostLog.includes('render cleanup 1')")
        p.click("#factory-view-2")
        assert p.text_content("#factory-view-2") == "factory 2"
        log = p.evaluate("window.hostLog")
        assert log[2:] == ["view 1 aborted", "render cleanup 1", "init saw 2"], log
        # The last view goes: its cleanup, then initialize's.
        p.evaluate("document.getElementById('cell-f-2').remove()")
        p.wait_for_function("window.hostLog.includes('initialize cleanup factory')")
        log = p.evaluate("window.hostLog")
        assert log[5:] == ["view 2 aborted", "render cleanup 2", "initialize cleanup factory"]
        p.evaluate("document.getElementById('cell-o-1').remove()")  # no cleanup: no error
        p.wait_for_timeout(100)
        watched.screenshot("anywidget-host-contract")
        assert watched.console_errors == [] and watched.blocked == []
