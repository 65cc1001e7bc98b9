"""The widgets a lesson saved: which front-end modules they need and where RequireJS finds them."""

from __future__ import annotations

import json

import nbformat

from htmlsite.assets import ANYWIDGET_HOST_URL, WIDGET_RENDERER_URL

# Widget modules the HTML manager bundles; and modules of other packages, vendored by
# htmlsite.assets, with the address RequireJS loads each from (the manager would otherwise
# fetch them from a CDN).
BUNDLED_WIDGET_MODULES = {
    "@jupyter-widgets/base",
    "@jupyter-widgets/controls",
    "@jupyter-widgets/output",
}
VENDORED_WIDGET_MODULES = {"anywidget": "assets/anywidget/dist/index"}
STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"


def require_paths() -> dict[str, str]:
    """Where RequireJS finds each widget module, for the lesson template's ``require.config``.

    The HTML manager's bundle defines its modules itself but looks for its fonts beside each
    one's address, so those addresses point into its vendored folder, where the fonts are.

    >>> require_paths()["anywidget"]
    'assets/anywidget/dist/index'
    """
    folder = WIDGET_RENDERER_URL.rsplit("/", 1)[0]
    bundled = ["base", "base7", "controls", "controls7", "html-manager"]
    paths = {f"@jupyter-widgets/{name}": f"{folder}/{name}" for name in bundled}
    paths["@jupyter-widgets/html-manager/dist/libembed-amd"] = f"{folder}/libembed-amd"
    return paths | VENDORED_WIDGET_MODULES


def check_widget_modules(nb: nbformat.NotebookNode, name: str) -> None:
    """Refuse a lesson whose saved widgets need a module the site does not carry.

    >>> from nbformat.v4 import new_notebook
    >>> nb = new_notebook(metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {
    ...     "state": {"1": {"model_module": "ipyleaflet", "state": {}}}}}})
    >>> check_widget_modules(nb, "05-map.ipynb")
    Traceback (most recent call last):
    ...
    ValueError: 05-map.ipynb: its widgets need ipyleaflet, which the site does not vendor ...
    """
    saved = nb.metadata.get("widgets", {}).get(STATE_MIME, {})
    needed = set()
    for model in saved.get("state", {}).values():
        needed.add(model.get("model_module"))
        needed.add(model.get("state", {}).get("_view_module"))
    missing = needed - {None} - BUNDLED_WIDGET_MODULES - set(VENDORED_WIDGET_MODULES)
    if missing:
        raise ValueError(
            f"{name}: its widgets need {', '.join(sorted(missing))}, which the site does not "
            "vendor (add the npm package to package.json, htmlsite.assets.ASSETS and "
            "VENDORED_WIDGET_MODULES)"
        )


def renderer_for(nb: nbformat.NotebookNode) -> str:
    """The script that draws a lesson's saved widgets: the site's anywidget host when every
    view the lesson shows is an anywidget (the explorers are), else the widget manager.

    The host (``anywidget-host.js``, some 90 lines) runs each view's own module on its saved
    state; the manager (3.6 MB) can draw any widget, at the cost of loading it all.

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> view = new_output("display_data", {VIEW_MIME: {"model_id": "m1"}})
    >>> def lesson(module):
    ...     state = {"m1": {"model_module": module, "model_name": "AnyModel", "state": {}}}
    ...     return new_notebook(cells=[new_code_cell(outputs=[view])],
    ...                         metadata={"widgets": {STATE_MIME: {"state": state}}})
    >>> renderer_for(lesson("anywidget"))
    'assets/anywidget-host.js'
    >>> renderer_for(lesson("@jupyter-widgets/controls"))
    'assets/html-manager/dist/embed-amd.js'
    """
    saved = nb.metadata.get("widgets", {}).get(STATE_MIME, {}).get("state", {})
    viewed = [
        output["data"][VIEW_MIME]["model_id"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if VIEW_MIME in output.get("data", {})
    ]
    if all(saved.get(m, {}).get("model_module") == "anywidget" for m in viewed):
        return ANYWIDGET_HOST_URL
    return WIDGET_RENDERER_URL


def saved_views(widgets: list) -> tuple[str, list[str]]:
    """Anywidgets saved as nbconvert saves a lesson's: the page's widget-state script, and
    one view element per widget, for the site's anywidget host to draw with no kernel.

    >>> class Shown:  # anything with an anywidget's get_state()
    ...     def get_state(self):
    ...         return {"_esm": "export default {}", "value": "<b>"}
    >>> state, (view,) = saved_views([Shown()])
    >>> state.startswith('<script type="application/vnd.jupyter.widget-state+json">')
    True
    >>> "<b>" in state, view.count("widget-view+json")
    (False, 1)
    """
    state, views = {}, []
    for n, widget in enumerate(widgets):
        model_id = f"site-{n}"
        state[model_id] = {
            "model_module": "anywidget",
            "model_name": "AnyModel",
            "model_module_version": "*",
            # Its layout is a reference to a model of its own, which no page here draws (and
            # whose random id would change the page at every build): left out.
            "state": {k: v for k, v in widget.get_state().items() if k != "layout"},
        }
        view = json.dumps({"model_id": model_id, "version_major": 2, "version_minor": 0})
        views.append(f'<script type="{VIEW_MIME}">{_in_script(view)}</script>')
    saved = json.dumps({"version_major": 2, "version_minor": 0, "state": state})
    return f'<script type="{STATE_MIME}">{_in_script(saved)}</script>', views


def _in_script(text: str) -> str:
    # JSON inside <script>: no "</script>" or "<!--" may close or hide it early.
    return text.replace("<", "\\u003c")
