"""What the pages load: JavaScript from ``node_modules`` (pinned by package-lock.json) and the
site's own CSS and script, copied into ``assets/`` so the pages work from ``file://``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from htmlsite import ROOT, TEMPLATES
from htmlsite.highlight import code_css

# Copied from node_modules into assets/<name>/ keeping each package's layout: (package, glob
# inside it, name). Math needs nothing here: it is typeset at build time (htmlsite.math).
# The widget manager's CSS asks for Font Awesome beside its modules'
# addresses (the lesson template tells RequireJS where those are); browsers take the woff2.
ASSETS: list[tuple[str, str, str]] = [
    ("requirejs", "require.js", "requirejs"),
    ("@jupyter-widgets/html-manager", "dist/embed-amd.js", "html-manager"),
    ("@jupyter-widgets/html-manager", "dist/*.woff2", "html-manager"),
    ("anywidget", "dist/index.js", "anywidget"),
    ("minisearch", "dist/umd/index.js", "minisearch"),
]
REQUIRE_JS_URL = "assets/requirejs/require.js"
WIDGET_RENDERER_URL = "assets/html-manager/dist/embed-amd.js"
SEARCH_LIBRARY_URL = "assets/minisearch/dist/umd/index.js"
# The site's own files, from the template's static/ folder.
SITE_FILES = ["microavg.css", "site.js", "anywidget-host.js"]
SITE_CSS_URL = "assets/microavg.css"
# The code's colours, written from accessible-pygments (htmlsite.highlight).
CODE_CSS_URL = "assets/code-colours.css"
SITE_JS_URL = "assets/site.js"
# Draws a page's saved anywidget views without the widget manager (htmlsite.widget_state).
ANYWIDGET_HOST_URL = "assets/anywidget-host.js"
STATIC = TEMPLATES / "microavg" / "static"


def ensure_node_modules(root: Path = ROOT) -> Path:
    """``node_modules`` as package-lock.json pins it, running ``npm ci`` when it is not."""
    node_modules = root / "node_modules"
    installed = node_modules / ".package-lock.json"
    locked = json.loads((root / "package-lock.json").read_text())["packages"]
    if installed.exists():
        have = json.loads(installed.read_text()).get("packages", {})
        have = {name: meta.get("version") for name, meta in have.items()}
        # An optional package for another platform (esbuild's) is locked but not installed.
        wanted = {
            name: meta.get("version")
            for name, meta in locked.items()
            if name and (name in have or not meta.get("optional"))
        }
        if have == wanted:
            return node_modules
    print("npm ci (the pages' JavaScript, pinned by package-lock.json)", flush=True)
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=root, check=True
    )
    return node_modules


def copy_package_files(package: Path, pattern: str, target: Path) -> None:
    """Copy the files of the npm ``package`` folder that match ``pattern`` into ``target``,
    keeping their layout; refuse a pattern that matches nothing (node_modules is stale)."""
    matches = sorted(p for p in package.glob(pattern) if p.is_file())
    if not matches:
        raise FileNotFoundError(f"{package}: nothing matches {pattern!r}; run npm ci")
    for source in matches:
        copied = target / source.relative_to(package)
        copied.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copied)


def copy_assets(node_modules: Path, out: Path) -> None:
    """Copy the files the pages load, and no others, into ``out/assets``."""
    assets = out / "assets"
    for package, pattern, name in ASSETS:
        copy_package_files(node_modules / package, pattern, assets / name)
    for name in SITE_FILES:
        shutil.copyfile(STATIC / name, assets / name)
    (out / CODE_CSS_URL).write_text(code_css(), encoding="utf-8")
