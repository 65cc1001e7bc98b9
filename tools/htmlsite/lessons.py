"""Which notebooks are lessons, and what the site says about each one.

Every ``NN-name.ipynb`` of the notebooks folder is a lesson, in the order of its number. The
site reads its title (the first ``#`` heading), ``metadata.description`` and its time to learn
(``metadata.time_to_learn`` in minutes, else the *Time to learn* line of its Prerequisites).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import nbformat

LESSON_GLOB = "[0-9][0-9]-*.ipynb"

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_NAV_LEFTOVER = re.compile(r"^[\s·•|/<>←→«»‹›⟵⟶\-–—*_:]*$")  # noqa: RUF001  (arrows and dashes)
_RULE_OR_BLANK = re.compile(r"\s*(?:[-*_]\s*){3,}|\s*")
_TIME_TO_LEARN = re.compile(r"\*\*Time to learn\*\*\s*:?\s*(\d+)\s*min", re.IGNORECASE)


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook and what the site says about it."""

    path: Path
    title: str
    description: str
    minutes: int = 0

    @property
    def page(self) -> str:
        """The lesson's page in the site, e.g. ``01-worked-example.html``.

        >>> Lesson(Path("notebooks/01-a.ipynb"), "A", "").page
        '01-a.html'
        """
        return self.path.with_suffix(".html").name

    @property
    def slides(self) -> str:
        """The lesson's slide deck in the site, e.g. ``01-worked-example.slides.html``.

        >>> Lesson(Path("notebooks/01-a.ipynb"), "A", "").slides
        '01-a.slides.html'
        """
        return self.path.with_suffix(".slides.html").name


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


def lesson_title(nb: nbformat.NotebookNode) -> str:
    """The text of the notebook's first ``#`` heading.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> lesson_title(new_notebook(cells=[new_markdown_cell("# Micro equals accuracy\\nText")]))
    'Micro equals accuracy'
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = re.match(r"#\s+(.+?)\s*#*$", line.strip())
            if match:
                return match.group(1)
    raise ValueError("nb: the lesson has no '# title' heading in its Markdown cells")


def lesson_description(nb: nbformat.NotebookNode, name: str = "nb") -> str:
    """``metadata.description``, on one line; a lesson without one is refused by ``name``.

    >>> from nbformat.v4 import new_notebook
    >>> lesson_description(new_notebook(metadata={"description": " Counts,\\n one by one. "}))
    'Counts, one by one.'
    >>> lesson_description(new_notebook(), "05-x.ipynb")
    Traceback (most recent call last):
    ...
    ValueError: 05-x.ipynb: metadata.description is missing or blank ...
    """
    described = " ".join(str(nb.metadata.get("description") or "").split())
    if not described:
        raise ValueError(
            f"{name}: metadata.description is missing or blank (one line saying what the "
            "lesson does, shown on the contents page)"
        )
    return described


def time_to_learn(nb: nbformat.NotebookNode, name: str = "nb") -> int:
    """Minutes the lesson takes: ``metadata.time_to_learn``, else its *Time to learn* line.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> time_to_learn(new_notebook(metadata={"time_to_learn": 15}))
    15
    >>> line = "## Prerequisites\\n- **Time to learn**: 20 minutes"
    >>> nb = new_notebook(cells=[new_markdown_cell(line)])
    >>> time_to_learn(nb)
    20
    >>> time_to_learn(new_notebook(metadata={"time_to_learn": "soon"}), "05-x.ipynb")
    Traceback (most recent call last):
    ...
    ValueError: 05-x.ipynb: metadata.time_to_learn must be a whole number of minutes ...
    """
    given = nb.metadata.get("time_to_learn")
    if given is not None:
        if isinstance(given, bool) or not isinstance(given, int) or not 1 <= given <= 600:
            raise ValueError(
                f"{name}: metadata.time_to_learn must be a whole number of minutes from 1 to "
                f"600, got {given!r}"
            )
        return given
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _TIME_TO_LEARN.search(cell.source)
            if match:
                return int(match.group(1))
    raise ValueError(
        f"{name}: no time to learn (set metadata.time_to_learn, or write "
        "'- **Time to learn**: N minutes' under Prerequisites)"
    )


def states_time_to_learn(nb: nbformat.NotebookNode) -> bool:
    """Whether the lesson's own Markdown writes its *Time to learn* line (then the page shows
    that line alone, not a second one of its own).

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> states_time_to_learn(new_notebook(cells=[new_markdown_cell("- **Time to learn**: 5 min")]))
    True
    >>> states_time_to_learn(new_notebook(metadata={"time_to_learn": 5}))
    False
    """
    return any(
        cell.cell_type == "markdown" and _TIME_TO_LEARN.search(cell.source) for cell in nb.cells
    )


def executed(path: Path) -> nbformat.NotebookNode:
    """The committed lesson at ``path``, refused when a code cell was never run.

    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> nbformat.write(new_notebook(cells=[new_code_cell("1 + 1")]), folder / "01-a.ipynb")
    >>> executed(folder / "01-a.ipynb")
    Traceback (most recent call last):
    ...
    ValueError: 01-a.ipynb: code cell 1 was never executed; run `make notebooks` ...
    """
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code, 1):
        if cell.source.strip() and cell.get("execution_count") is None:
            raise ValueError(
                f"{path.name}: code cell {number} was never executed; run `make notebooks` "
                "(the site shows the lessons as committed, executed)"
            )
    return nb


def read_lesson(path: Path) -> Lesson:
    """What the site says about the lesson at ``path``."""
    nb = nbformat.read(path, as_version=4)
    return Lesson(
        path=path,
        title=lesson_title(nb),
        description=lesson_description(nb, path.name),
        minutes=time_to_learn(nb, path.name),
    )
