"""The whole site, from the committed lessons as they were executed (``make notebooks`` is the
one place that runs them; nbval checks they are current), rebuilt page by page.

Each page remembers, in ``out/.build-inputs.json``, a digest of what it was built from; a page
whose inputs are unchanged is kept as it is. A lesson page is built from its notebook, the
site's code, templates and glossary (``tools/htmlsite``), the package's static files, the JS
pins, the repository slug and the list of lessons (its neighbours' titles, the links between
them). The site's own pages and the search index are cheap and are compared by what they would
contain. Each lesson's deck (``NN-name.slides.html``, :mod:`htmlsite.slides`) is built beside its
page, from the same inputs.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict
from pathlib import Path

from htmlsite import ROOT
from htmlsite.assets import STATIC, copy_assets, ensure_node_modules
from htmlsite.lessons import Lesson, executed, find_lessons, read_lesson
from htmlsite.math import typeset
from htmlsite.pages import cheatsheet_page, contents_page, glossary_page, lesson_page
from htmlsite.search import Section, sections, write_index
from htmlsite.slides import copy_reveal, deck, slide_count

MANIFEST_NAME = ".build-inputs.json"
SITE_PAGES = {
    "index.html": "Contents",
    "glossary.html": "Glossary",
    "cheatsheet.html": "Cheat-sheet",
}
_GENERATED = ("__pycache__", ".egg-info")


def _files(root: Path, static: bool = True) -> list[Path]:
    """What every page is built from besides its own notebook; ``static=False`` leaves out the
    site's own CSS and script, which are copied beside the pages, not written into them."""
    site = sorted((root / "tools" / "htmlsite").rglob("*"))
    if not static:
        site = [path for path in site if not path.is_relative_to(STATIC)]
    return [
        *site,
        *sorted((root / "helpers" / "microavg" / "static").rglob("*")),
        root / "package-lock.json",
        root / "pyproject.toml",
    ]


def _digest(paths: list[Path], *extra: str) -> str:
    digest = hashlib.sha256()
    for path in paths:
        generated = any(part.endswith(_GENERATED) for part in path.parts)
        if path.is_file() and not generated:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for text in extra:
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()


def _outline(lessons: list[Lesson], repository: str) -> str:
    """What a lesson page reads of the other lessons: their files and titles, in order."""
    return json.dumps([repository, *((lesson.path.name, lesson.title) for lesson in lessons)])


def page_digests(lessons: list[Lesson], repository: str, root: Path = ROOT) -> dict[str, str]:
    """For each lesson page, a hash of everything it is built from."""
    shared = _digest(_files(root, static=False), _outline(lessons, repository))
    return {lesson.page: _digest([lesson.path], shared) for lesson in lessons}


def _read_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST_NAME).read_text())
    except (OSError, ValueError):
        return {}


def build(notebooks: Path, out: Path, repository: str) -> list[tuple[str, float]]:
    """Build the site into ``out``, rebuilding only the pages whose inputs changed; return
    (page, seconds to export and typeset) for each page rebuilt."""
    lessons = [read_lesson(path) for path in find_lessons(notebooks)]
    node_modules = ensure_node_modules()
    out.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(out)
    kept = old.get("pages", {})
    copy_assets(node_modules, out)
    copy_reveal(node_modules, out)
    manifest: dict[str, dict] = {}
    rebuilt: list[tuple[str, float]] = []
    lesson_html: dict[str, str] = {}
    for index, (lesson, digest) in enumerate(
        zip(lessons, page_digests(lessons, repository).values(), strict=True)
    ):
        target = out / lesson.page
        entry = kept.get(lesson.page, {})
        if entry.get("digest") == digest and target.exists():
            manifest[lesson.page] = entry
            lesson_html[lesson.page] = target.read_text(encoding="utf-8")
            continue
        start = time.perf_counter()
        page = lesson_page(executed(lesson.path), index, lessons, repository)
        title = f"Lesson {index + 1}: {lesson.title}"
        found = [asdict(section) for section in sections(page, lesson.page, title)]
        lesson_html[lesson.page] = typeset(page, lesson.page, node_modules)
        target.write_text(lesson_html[lesson.page], encoding="utf-8")
        manifest[lesson.page] = {"digest": digest, "sections": found}
        rebuilt.append((lesson.page, time.perf_counter() - start))
        print(f"{lesson.page}: {rebuilt[-1][1]:.1f} s", flush=True)
    for lesson, digest in zip(lessons, page_digests(lessons, repository).values(), strict=True):
        # The lesson's reveal.js deck, linked from the contents page (htmlsite.slides).
        # A lesson with no cell marked as a slide has no deck (and no link to one).
        entry = kept.get(lesson.slides, {})
        if entry.get("digest") == digest and (out / lesson.slides).exists() == entry.get("deck"):
            manifest[lesson.slides] = entry
            continue
        start = time.perf_counter()
        nb = executed(lesson.path)
        has_deck = slide_count(nb) > 0
        if has_deck:
            shown = deck(nb, lesson.path.name, lesson.title)
            (out / lesson.slides).write_text(shown, encoding="utf-8")
            rebuilt.append((lesson.slides, time.perf_counter() - start))
        else:
            (out / lesson.slides).unlink(missing_ok=True)
        manifest[lesson.slides] = {"digest": digest, "sections": [], "deck": has_deck}
    decks = {name for name, entry in manifest.items() if entry.get("deck")}
    site_pages = {
        "index.html": contents_page(lessons, repository, decks),
        "glossary.html": glossary_page(lessons, lesson_html, repository),
        "cheatsheet.html": cheatsheet_page(repository),
    }
    for name, page in site_pages.items():
        digest = hashlib.sha256(page.encode()).hexdigest()
        entry = kept.get(name, {})
        if entry.get("digest") == digest and (out / name).exists():
            manifest[name] = entry
            continue
        start = time.perf_counter()
        found = [asdict(section) for section in sections(page, name, SITE_PAGES[name])]
        (out / name).write_text(typeset(page, name, node_modules), encoding="utf-8")
        manifest[name] = {"digest": digest, "sections": found}
        rebuilt.append((name, time.perf_counter() - start))
    for gone in set(kept) - set(manifest):  # a lesson renamed or removed
        (out / gone).unlink(missing_ok=True)
    found = [Section(**s) for entry in manifest.values() for s in entry["sections"]]
    write_index(found, out, node_modules)
    stamp = {"inputs": inputs_digest(notebooks, repository), "pages": manifest}
    (out / MANIFEST_NAME).write_text(json.dumps(stamp) + "\n")
    return rebuilt


def inputs_digest(notebooks: Path, repository: str, root: Path = ROOT) -> str:
    """A hash of everything the whole site is built from."""
    return _digest([*find_lessons(notebooks), *_files(root)], repository)


def is_current(notebooks: Path, out: Path, repository: str) -> bool:
    """Whether ``out`` was built from exactly the present inputs."""
    return _read_manifest(out).get("inputs") == inputs_digest(notebooks, repository)
