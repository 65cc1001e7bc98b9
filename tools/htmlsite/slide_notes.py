"""A deck's presenter notes (reveal.js speaker notes, ``<aside class="notes">``): what a teacher
needs beside a slide and the audience does not see. Press S in a deck to open them.

They come from four sources, in this order on a page:

- a Markdown cell whose ``slideshow.slide_type`` is "notes" (JupyterLab's property inspector
  sets it): its text, on the page where the cell falls;
- the lesson's ``metadata.microavg``: on the first page, the lesson's questions, objectives and
  time to learn; on the last page, its key points, to close on;
- an exercise's answer box (``explorers.exercise``): on its page, the answer and the worked
  answer saved with the view;
- a Markdown ``<details>`` block (an answer folded away): on its page, what it folds.
"""

from __future__ import annotations

import re

import nbformat

from htmlsite.slide_plan import EXERCISE, Page

_DETAILS = re.compile(
    r"<details[^>]*>\s*(?:<summary>(.*?)</summary>)?(.*?)</details>", re.DOTALL | re.IGNORECASE
)


def _listed(title: str, items: object) -> str:
    if not isinstance(items, list) or not items:
        return ""
    lines = "\n".join(f"- {' '.join(str(item).split())}" for item in items)
    return f"**{title}**\n\n{lines}"


def opening_notes(nb: nbformat.NotebookNode) -> str:
    """The first page's notes: the lesson's questions, objectives and time to learn.

    >>> from nbformat.v4 import new_notebook
    >>> meta = {"microavg": {"questions": ["Why?"], "objectives": ["Count."], "time_to_learn": 20}}
    >>> print(opening_notes(new_notebook(metadata=meta)))
    Time to learn: 20 minutes.
    <BLANKLINE>
    **Questions**
    <BLANKLINE>
    - Why?
    <BLANKLINE>
    **Objectives**
    <BLANKLINE>
    - Count.
    >>> opening_notes(new_notebook())
    ''
    """
    meta = nb.metadata.get("microavg", {})
    minutes = meta.get("time_to_learn")
    parts = [f"Time to learn: {minutes} minutes." if isinstance(minutes, int) else ""]
    parts += [
        _listed("Questions", meta.get("questions")),
        _listed("Objectives", meta.get("objectives")),
    ]
    return "\n\n".join(part for part in parts if part)


def closing_notes(nb: nbformat.NotebookNode) -> str:
    """The last page's notes: the lesson's key points."""
    return _listed("Key points", nb.metadata.get("microavg", {}).get("keypoints"))


def exercise_notes(state: dict) -> str:
    """An exercise's answer and its worked answer, from the view's saved state.

    >>> print(exercise_notes({"kind": "number", "answer": "5/9", "prompt": "Micro F1",
    ...                       "worked": "ΣTP = 5 of 9.", "choices": []}))
    **Micro F1**: the answer is 5/9.
    <BLANKLINE>
    ΣTP = 5 of 9.
    >>> print(exercise_notes({"kind": "choice", "answer": 1, "prompt": "Which?",
    ...                       "worked": "", "choices": ["macro", "micro"]}))
    **Which?**: the answer is micro.
    """
    answer = state.get("answer")
    if state.get("kind") == "choice":
        choices = state.get("choices") or []
        answer = (
            choices[answer] if isinstance(answer, int) and 0 <= answer < len(choices) else answer
        )
    said = f"**{' '.join(str(state.get('prompt', '')).split())}**: the answer is {answer}."
    worked = str(state.get("worked") or "").strip()
    return f"{said}\n\n{worked}" if worked else said


def details_notes(block: str) -> str:
    """What a Markdown ``<details>`` block folds away, for the notes.

    >>> details_notes("<details><summary>Answer</summary>\\n\\nIt is 5/9.\\n\\n</details>")
    '**Answer**: It is 5/9.'
    >>> details_notes("No fold here.")
    ''
    """
    found = _DETAILS.search(block)
    if not found:
        return ""
    summary = " ".join((found.group(1) or "Folded").split())
    return f"**{summary}**: {' '.join(found.group(2).split())}"


def add_notes(pages: list[Page], nb: nbformat.NotebookNode) -> None:
    """Give each page of ``pages`` (planned from ``nb``) the notes it needs (module docstring)."""
    widgets = (
        nb.metadata.get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
    )
    for page in pages:
        found = []
        for piece in page.pieces:
            if piece.kind == "markdown":
                found.append(details_notes(piece.source))
            view = (
                (piece.output or {}).get("data", {}).get("application/vnd.jupyter.widget-view+json")
            )
            if view:
                state = widgets.get(view.get("model_id", ""), {}).get("state", {})
                if state.get("_anywidget_id") == EXERCISE:
                    found.append(exercise_notes(state))
        page.notes.extend(note for note in found if note)
    if pages:
        opening, closing = opening_notes(nb), closing_notes(nb)
        if opening:
            pages[0].notes.insert(0, opening)
        if closing:
            pages[-1].notes.append(closing)
