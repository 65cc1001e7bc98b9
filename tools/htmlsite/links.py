"""Where links point: a lesson's links inside the site, Binder, GitHub, the repository slug."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path
from urllib.parse import quote, urlsplit

from htmlsite import ROOT
from htmlsite.lessons import Lesson

DEFAULT_REPOSITORY = "microavg/microavg"


def repository_slug(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """``[tool.microavg] repository`` from pyproject.toml, else the default slug."""
    if pyproject.exists():
        config = tomllib.loads(pyproject.read_text()).get("tool", {}).get("microavg", {})
        slug = config.get("repository", DEFAULT_REPOSITORY)
        if not re.fullmatch(r"[\w.-]+/[\w.-]+", slug):
            raise ValueError(f"[tool.microavg] repository: expected 'owner/name', got {slug!r}")
        return slug
    return DEFAULT_REPOSITORY


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
