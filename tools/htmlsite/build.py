"""The whole site: assets, every lesson executed fresh and exported, the site's own pages."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

from htmlsite import ROOT
from htmlsite.assets import copy_assets, ensure_node_modules
from htmlsite.lessons import find_lessons, read_lesson
from htmlsite.math import typeset
from htmlsite.pages import cheatsheet_page, contents_page, glossary_page, lesson_page
from htmlsite.search import sections, write_index

STAMP_NAME = ".build-inputs"
KERNEL_TIMEOUT = 600


def inputs_digest(lessons: list[Path], root: Path = ROOT) -> str:
    """A hash of everything the site is built from: lessons, the package (with the JavaScript
    and CSS its widgets ship), the site's code and templates, JS pins."""
    files = [
        *lessons,
        *sorted((root / "helpers").rglob("*")),
        *sorted((root / "tools").rglob("*")),
        root / "package-lock.json",
        root / "pyproject.toml",
    ]
    digest = hashlib.sha256()
    for path in files:
        generated = any(part == "__pycache__" or part.endswith(".egg-info") for part in path.parts)
        if path.is_file() and not generated:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def execute(path: Path) -> nbformat.NotebookNode:
    """The lesson at ``path``, run top to bottom in a fresh kernel, widget state stored."""
    nb = nbformat.read(path, as_version=4)
    runner = ExecutePreprocessor(
        timeout=KERNEL_TIMEOUT, kernel_name="python3", store_widget_state=True
    )
    runner.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    return nb


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
    pages: dict[str, str] = {}
    titles: dict[str, str] = {}
    for index, lesson in enumerate(lessons):
        start = time.perf_counter()
        pages[lesson.page] = lesson_page(execute(lesson.path), index, lessons, repository)
        titles[lesson.page] = f"Lesson {index + 1}: {lesson.title}"
        timings.append((lesson.page, time.perf_counter() - start))
        print(f"{lesson.page}: {timings[-1][1]:.1f} s", flush=True)
    pages["index.html"] = contents_page(lessons, repository)
    titles["index.html"] = "Contents"
    pages["glossary.html"] = glossary_page(lessons, pages, repository)
    titles["glossary.html"] = "Glossary"
    pages["cheatsheet.html"] = cheatsheet_page(repository)
    titles["cheatsheet.html"] = "Cheat-sheet"
    found = [s for name, page in pages.items() for s in sections(page, name, titles[name])]
    write_index(found, out, node_modules)
    for name, page in pages.items():
        (out / name).write_text(typeset(page, name, node_modules), encoding="utf-8")
    (out / STAMP_NAME).write_text(inputs_digest(paths) + "\n")
    return timings


def is_current(notebooks: Path, out: Path) -> bool:
    """Whether ``out`` was built from exactly the present inputs."""
    stamp = out / STAMP_NAME
    current = inputs_digest(find_lessons(notebooks))
    return stamp.exists() and stamp.read_text().strip() == current
