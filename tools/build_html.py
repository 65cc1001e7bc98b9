"""Build the HTML tutorial: one page per lesson, executed fresh, plus a contents page.

Usage: ``python tools/build_html.py [--notebooks DIR] [--out DIR] [--if-stale]``
(``make html`` runs it with the defaults: ``notebooks/`` into ``build/html/``).

Every ``notebooks/NN-name.ipynb`` is a lesson, in the order of its number. Each is executed
in a fresh kernel with its widget state stored, exported with nbconvert's ``lab`` template
extended by ``tools/html/templates/microavg``, and given prev · contents · next navigation
and a "run this lesson on Binder" link. The pages load RequireJS, the Jupyter widgets HTML
manager and MathJax 2 (what the lab template configures) from ``assets/``, copied out of
``node_modules`` (pinned in package.json / package-lock.json, installed with ``npm ci`` when
missing), so the site renders from ``file://`` with no network.

The repository ("owner/name" on GitHub) that the Binder and source links point at is
``--repository``, else ``[tool.microavg] repository`` in pyproject.toml, else
``microavg/microavg``.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html
from nbconvert.preprocessors import ExecutePreprocessor

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "tools" / "html" / "templates"
TEMPLATE_NAME = "microavg"
DEFAULT_REPOSITORY = "microavg/microavg"
LESSON_GLOB = "[0-9][0-9]-*.ipynb"
STAMP_NAME = ".build-inputs"
KERNEL_TIMEOUT = 600

# What the pages load, copied from node_modules into assets/<name>/ keeping each package's
# layout: (package, glob inside it, name). MathJax 2 fetches its config, extensions, jax and
# fonts on demand, so its subset is the CommonHTML output with the TeX fonts, the TeX input and
# the extensions that output may pull in. The widget manager's CSS asks for Font Awesome beside
# its modules' addresses (the lesson template tells RequireJS where those are); browsers take
# the woff2 and look no further.
ASSETS: list[tuple[str, str, str]] = [
    ("requirejs", "require.js", "requirejs"),
    ("@jupyter-widgets/html-manager", "dist/embed-amd.js", "html-manager"),
    ("@jupyter-widgets/html-manager", "dist/*.woff2", "html-manager"),
    ("anywidget", "dist/index.js", "anywidget"),
    ("mathjax", "MathJax.js", "mathjax"),
    ("mathjax", "config/TeX-AMS_CHTML-full.js", "mathjax"),
    ("mathjax", "config/Safe.js", "mathjax"),
    ("mathjax", "extensions/*.js", "mathjax"),
    ("mathjax", "extensions/TeX/*.js", "mathjax"),
    ("mathjax", "jax/input/TeX/*.js", "mathjax"),
    ("mathjax", "jax/element/mml/**/*.js", "mathjax"),
    ("mathjax", "jax/output/CommonHTML/**/*.js", "mathjax"),
    ("mathjax", "fonts/HTML-CSS/TeX/woff/*.woff", "mathjax"),
]
REQUIRE_JS_URL = "assets/requirejs/require.js"
WIDGET_RENDERER_URL = "assets/html-manager/dist/embed-amd.js"
# Widget modules the HTML manager bundles; and modules of other packages, vendored above, with
# the address RequireJS loads each from (the manager would otherwise fetch them from a CDN).
BUNDLED_WIDGET_MODULES = {
    "@jupyter-widgets/base",
    "@jupyter-widgets/controls",
    "@jupyter-widgets/output",
}
VENDORED_WIDGET_MODULES = {"anywidget": "assets/anywidget/dist/index"}
# Widget modules whose models compute in the page itself; a view of any other model is a saved
# snapshot of what Python drew, and its page says so.
LIVE_WIDGET_MODULES = {"anywidget"}
MATHJAX_URL = "assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
SITE_CSS = "microavg.css"


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook and what the site says about it."""

    path: Path
    title: str
    description: str

    @property
    def page(self) -> str:
        """The lesson's page in the site, e.g. ``01-worked-example.html``."""
        return self.path.with_suffix(".html").name


# --- reading lessons -------------------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_NAV_LEFTOVER = re.compile(r"^[\s·•|/<>←→«»‹›⟵⟶\-–—*_:]*$")  # noqa: RUF001  (arrows and dashes)


_RULE_OR_BLANK = re.compile(r"\s*(?:[-*_]\s*){3,}|\s*")


def find_lessons(notebooks: Path) -> list[Path]:
    """The lesson notebooks in ``notebooks``, in the order of their number.

    >>> find_lessons(Path("/nonexistent"))
    []
    """
    return sorted(notebooks.glob(LESSON_GLOB))


def is_navigation_line(line: str) -> bool:
    """Whether a Markdown line is only links between lessons (prev · contents · next).

    >>> is_navigation_line("[← 01](01-a.ipynb) · [Contents](../README.md) · [02 →](02-b.ipynb)")
    True
    >>> is_navigation_line("See [lesson 2](02-b.ipynb) for the proof.")
    False
    """
    targets = [target for _, target in _LINK.findall(line)]
    if not any(_is_lesson_or_readme(target) for target in targets):
        return False
    return bool(_NAV_LEFTOVER.match(_LINK.sub("", line)))


def _is_lesson_or_readme(target: str) -> bool:
    path = urlsplit(target).path
    return path.endswith(".ipynb") or Path(path).name == "README.md"


def strip_navigation(nb: nbformat.NotebookNode) -> None:
    """Drop the lesson's own navigation lines; the page template draws the site's instead."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        kept = [line for line in lines if not is_navigation_line(line)]
        if len(kept) != len(lines):
            # A rule that set the navigation off from the lesson goes with it.
            while kept and _RULE_OR_BLANK.fullmatch(kept[0]):
                kept.pop(0)
            while kept and _RULE_OR_BLANK.fullmatch(kept[-1]):
                kept.pop()
            cell.source = "\n".join(kept)
    nb.cells = [c for c in nb.cells if c.cell_type != "markdown" or c.source.strip()]


def _markdown_blocks(nb: nbformat.NotebookNode) -> list[str]:
    """The Markdown cells' paragraphs, headings and lists, one string each, in order."""
    blocks: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if not block:
                continue
            # A heading is its own block even with text right under it.
            lines = block.splitlines()
            while lines and lines[0].lstrip().startswith("#"):
                blocks.append(lines.pop(0).strip())
            if lines:
                blocks.append("\n".join(lines))
    return blocks


def lesson_title(nb: nbformat.NotebookNode) -> str:
    """The text of the notebook's first ``#`` heading.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> lesson_title(new_notebook(cells=[new_markdown_cell("# Micro equals accuracy\\nText")]))
    'Micro equals accuracy'
    """
    for block in _markdown_blocks(nb):
        match = re.match(r"#\s+(.+?)\s*#*$", block)
        if match:
            return match.group(1)
    raise ValueError("nb: the lesson has no '# title' heading in its Markdown cells")


def lesson_description(nb: nbformat.NotebookNode) -> str:
    """One line saying what the lesson does, as Markdown without links.

    ``metadata.description`` when the notebook sets it; else, from the first paragraph of
    prose after the title, the first sentence that says what "this lesson" does, or failing
    that its first sentence (a long one cut at its colon); else the first learning goal under
    "Overview".

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> text = "# T\\n\\n## Overview\\n\\n1. count each\\n   error twice;\\n2. sum."
    >>> nb = new_notebook(cells=[new_markdown_cell(text)])
    >>> lesson_description(nb)
    'Count each error twice.'
    >>> nb.cells.insert(0, new_markdown_cell("# T\\n\\nNine rows show it. More text."))
    >>> lesson_description(nb)
    'Nine rows show it.'
    >>> nb.cells[0].source = "# T\\n\\n[Lesson 1](01-a.ipynb) counted. This lesson proves it."
    >>> lesson_description(nb)
    'This lesson proves it.'
    """
    described = nb.metadata.get("description")
    if described:
        return " ".join(str(described).split())
    blocks = _markdown_blocks(nb)
    after_title = blocks[next(i for i, b in enumerate(blocks) if re.match(r"#\s", b)) + 1 :]
    for block in after_title:
        if block.startswith("#"):
            if re.match(r"##\s+overview", block, re.IGNORECASE):
                continue
            break
        if _is_prose(block):
            sentences = _sentences(block)
            about = [s for s in sentences if re.search(r"\bthis lesson\b", s, re.IGNORECASE)]
            return _shortened((about or sentences)[0])
    for block in after_title:
        items = re.split(r"^\s*(?:[-*+]|\d+[.)])\s+", block, flags=re.MULTILINE)
        if len(items) > 1:
            goal = _sentences(items[1])[0].rstrip(";,:")
            return goal[:1].upper() + goal[1:] + ("" if goal.endswith((".", "?", "!")) else ".")
    return ""


def _is_prose(block: str) -> bool:
    first = block.lstrip()
    return not (
        re.match(r"([-*+>|<!]|\d+[.)]\s|```|\$\$)", first) or is_navigation_line(block.strip())
    )


def _shortened(sentence: str, limit: int = 200) -> str:
    """A long sentence cut at its first colon, where it usually turns to detail."""
    head, colon, _ = sentence.partition(": ")
    if len(sentence) <= limit or not colon or head.count("$") % 2:
        return sentence
    return head + "."


def _sentences(text: str) -> list[str]:
    """The sentences of a Markdown paragraph, on one line each, links reduced to their text."""
    text = " ".join(_LINK.sub(lambda link: link.group(1), text).split())
    sentences, start, math = [], 0, False
    for i, char in enumerate(text):
        if char == "$":
            math = not math
        elif char in ".!?" and not math and re.match(r"\s+[A-Z(]", text[i + 1 :]):
            sentences.append(text[start : i + 1].strip())
            start = i + 1
    return [*sentences, text[start:].strip()] if text[start:].strip() else sentences


def read_lesson(path: Path) -> Lesson:
    """Title and description of the lesson at ``path``."""
    nb = nbformat.read(path, as_version=4)
    return Lesson(path=path, title=lesson_title(nb), description=lesson_description(nb))


# --- links ---------------------------------------------------------------------------------


def binder_url(repository: str, notebook: str | None = None) -> str:
    """The Binder address that opens ``notebook`` (a file in notebooks/) in JupyterLab.

    >>> binder_url("owner/repo", "01-a.ipynb")
    'https://mybinder.org/v2/gh/owner/repo/HEAD?urlpath=lab/tree/notebooks/01-a.ipynb'
    >>> binder_url("owner/repo")
    'https://mybinder.org/v2/gh/owner/repo/HEAD?urlpath=lab/tree/notebooks'
    """
    tree = "notebooks" + (f"/{quote(notebook)}" if notebook else "")
    return f"https://mybinder.org/v2/gh/{repository}/HEAD?urlpath=lab/tree/{tree}"


def rewrite_href(href: str, lessons: list[Lesson], repository: str, root: Path = ROOT) -> str:
    """Where a link in a lesson should point in the site.

    A sibling notebook becomes its page, README.md the contents page, another file of the
    repository its page on GitHub; anchors and absolute addresses stay as they are.

    >>> lessons = [Lesson(Path("notebooks/02-b.ipynb"), "B", "")]
    >>> rewrite_href("02-b.ipynb#proof", lessons, "o/r")
    '02-b.html#proof'
    >>> rewrite_href("../README.md", lessons, "o/r")
    'index.html'
    >>> rewrite_href("../helpers/microavg/counts.py", lessons, "o/r")
    'https://github.com/o/r/blob/HEAD/helpers/microavg/counts.py'
    >>> rewrite_href("https://scikit-learn.org/", lessons, "o/r")
    'https://scikit-learn.org/'
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return href
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    pages = {lesson.path.name: lesson.page for lesson in lessons}
    name = Path(parts.path).name
    if parts.path.endswith(".ipynb") and name in pages:
        return pages[name] + fragment
    if name == "README.md":
        return "index.html" + fragment
    target = (root / "notebooks" / parts.path).resolve()
    if target.is_relative_to(root) and target.exists():
        relative = target.relative_to(root).as_posix()
        return f"https://github.com/{repository}/blob/HEAD/{relative}{fragment}"
    return href


_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')


def rewrite_links(page: str, lessons: list[Lesson], repository: str) -> str:
    """Apply :func:`rewrite_href` to every ``<a href>`` of a rendered lesson body."""

    def replace(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        new = rewrite_href(href, lessons, repository)
        if new == href:
            return match.group(0)
        return match.group(1) + html.escape(new, quote=True) + match.group(3)

    return _HREF.sub(replace, page)


# --- building ------------------------------------------------------------------------------


def repository_slug(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """``[tool.microavg] repository`` from pyproject.toml, else the default slug."""
    if pyproject.exists():
        config = tomllib.loads(pyproject.read_text()).get("tool", {}).get("microavg", {})
        slug = config.get("repository", DEFAULT_REPOSITORY)
        if not re.fullmatch(r"[\w.-]+/[\w.-]+", slug):
            raise ValueError(f"[tool.microavg] repository: expected 'owner/name', got {slug!r}")
        return slug
    return DEFAULT_REPOSITORY


def inputs_digest(lessons: list[Path]) -> str:
    """A hash of everything the site is built from: lessons, the package (with the JavaScript
    and CSS its widgets ship), templates, JS pins."""
    files = [
        *lessons,
        *sorted((ROOT / "helpers").rglob("*")),
        *sorted((ROOT / "tools").rglob("*")),
        ROOT / "package-lock.json",
        ROOT / "pyproject.toml",
    ]
    digest = hashlib.sha256()
    for path in files:
        generated = any(part == "__pycache__" or part.endswith(".egg-info") for part in path.parts)
        if path.is_file() and not generated:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def ensure_node_modules() -> Path:
    """``node_modules`` as package-lock.json pins it, running ``npm ci`` when it is not."""
    node_modules = ROOT / "node_modules"
    installed = node_modules / ".package-lock.json"
    wanted = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    wanted = {name: meta.get("version") for name, meta in wanted.items() if name}
    if installed.exists():
        have = json.loads(installed.read_text()).get("packages", {})
        if {name: meta.get("version") for name, meta in have.items()} == wanted:
            return node_modules
    print("npm ci (the pages' JavaScript, pinned by package-lock.json)", flush=True)
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True
    )
    return node_modules


def copy_assets(node_modules: Path, out: Path) -> None:
    """Copy the files the pages load, and no others, into ``out/assets``."""
    assets = out / "assets"
    for package, pattern, name in ASSETS:
        base = node_modules / package
        matches = sorted(p for p in base.glob(pattern) if p.is_file())
        if not matches:
            raise FileNotFoundError(f"{base}: nothing matches {pattern!r}; run npm ci")
        for source in matches:
            target = assets / name / source.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copyfile(TEMPLATES / TEMPLATE_NAME / "static" / SITE_CSS, assets / SITE_CSS)


def execute(path: Path) -> nbformat.NotebookNode:
    """The lesson at ``path``, run top to bottom in a fresh kernel, widget state stored."""
    nb = nbformat.read(path, as_version=4)
    runner = ExecutePreprocessor(
        timeout=KERNEL_TIMEOUT, kernel_name="python3", store_widget_state=True
    )
    runner.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    return nb


def require_paths() -> dict[str, str]:
    """Where RequireJS finds each widget module, for the lesson template's ``require.config``.

    The HTML manager's bundle defines its modules itself but looks for its fonts beside each
    one's address, so those addresses point into its vendored folder, where the fonts are.
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
    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    needed = set()
    for model in saved.get("state", {}).values():
        needed.add(model.get("model_module"))
        needed.add(model.get("state", {}).get("_view_module"))
    missing = needed - {None} - BUNDLED_WIDGET_MODULES - set(VENDORED_WIDGET_MODULES)
    if missing:
        raise ValueError(
            f"{name}: its widgets need {', '.join(sorted(missing))}, which the site does not "
            "vendor (add the npm package to package.json, ASSETS and VENDORED_WIDGET_MODULES)"
        )


def snapshot_views(nb: nbformat.NotebookNode) -> set[str]:
    """The model ids of the widget views in ``nb`` that need a kernel to respond.

    A view whose model comes from a module in ``LIVE_WIDGET_MODULES`` computes in the page;
    every other one only shows the state it was saved in.

    >>> from nbformat.v4 import new_notebook, new_code_cell, new_output
    >>> view = "application/vnd.jupyter.widget-view+json"
    >>> cell = new_code_cell(outputs=[new_output("display_data", {view: {"model_id": m}})
    ...                               for m in ("box", "live")])
    >>> nb = new_notebook(cells=[cell], metadata={"widgets": {
    ...     "application/vnd.jupyter.widget-state+json": {"state": {
    ...         "box": {"model_module": "@jupyter-widgets/controls", "state": {}},
    ...         "live": {"model_module": "anywidget", "state": {}}}}}})
    >>> snapshot_views(nb)
    {'box'}
    """
    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    models = saved.get("state", {})
    views = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view is None:
                continue
            module = models.get(view["model_id"], {}).get("model_module")
            if module not in LIVE_WIDGET_MODULES:
                views.add(view["model_id"])
    return views


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
        "css": f"assets/{SITE_CSS}",
        "require_paths": require_paths(),
        "snapshot_views": snapshot_views(nb),
    }
    body, _ = exporter().from_notebook_node(nb, resources={"site": site})
    return rewrite_links(body, lessons, repository)


def contents_page(lessons: list[Lesson], repository: str) -> str:
    """The contents page: what the tutorial teaches and its lessons in order."""
    entries = [
        {
            "page": lesson.page,
            "title": lesson.title,
            "description": _inline_markdown(lesson.description),
        }
        for lesson in lessons
    ]
    # nbconvert's environment: it finds our templates and its own (the MathJax macro).
    template = exporter().environment.get_template("contents.html.j2")
    return template.render(
        lessons=entries,
        binder=binder_url(repository, lessons[0].path.name if lessons else None),
        repository=f"https://github.com/{repository}",
        css=f"assets/{SITE_CSS}",
        mathjax_url=MATHJAX_URL,
    )


def _inline_markdown(text: str) -> str:
    rendered = markdown2html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)


def build(notebooks: Path, out: Path, repository: str) -> list[tuple[str, float]]:
    """Build the site into ``out``; return (page, seconds to execute and export) per lesson."""
    paths = find_lessons(notebooks)
    lessons = [read_lesson(path) for path in paths]
    node_modules = ensure_node_modules()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_assets(node_modules, out)
    timings = []
    for index, lesson in enumerate(lessons):
        start = time.perf_counter()
        page = lesson_page(execute(lesson.path), index, lessons, repository)
        (out / lesson.page).write_text(page, encoding="utf-8")
        timings.append((lesson.page, time.perf_counter() - start))
        print(f"{lesson.page}: {timings[-1][1]:.1f} s", flush=True)
    (out / "index.html").write_text(contents_page(lessons, repository), encoding="utf-8")
    (out / STAMP_NAME).write_text(inputs_digest(paths) + "\n")
    return timings


def is_current(notebooks: Path, out: Path) -> bool:
    """Whether ``out`` was built from exactly the present inputs."""
    stamp = out / STAMP_NAME
    current = inputs_digest(find_lessons(notebooks))
    return stamp.exists() and stamp.read_text().strip() == current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "html")
    parser.add_argument("--repository", help="owner/name on GitHub (default: pyproject)")
    parser.add_argument(
        "--if-stale", action="store_true", help="do nothing when the site is up to date"
    )
    args = parser.parse_args(argv)
    notebooks, out = args.notebooks.resolve(), args.out.resolve()
    if args.if_stale and is_current(notebooks, out):
        print(f"{out} is up to date")
        return 0
    repository = args.repository or repository_slug()
    start = time.perf_counter()
    timings = build(notebooks, out, repository)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(
        f"built {out}: {len(timings)} lessons + index.html, {size / 1e6:.2f} MB, "
        f"{time.perf_counter() - start:.1f} s (Binder and source links: {repository})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
