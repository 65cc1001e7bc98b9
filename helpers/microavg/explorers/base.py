"""What the explorers share: a widget whose state Python checks as one, and whose page does
the arithmetic.

Each explorer is an ``anywidget.AnyWidget``: its state (a few traits: labels, counts, ...)
lives in the widget model, its view and every number it shows are computed by the page's
JavaScript (``static/*.js``, bundled per explorer by esbuild into ``static/dist/``, which
:func:`front_end` reads), so it works in
JupyterLab, on Binder, and in the HTML export of a notebook, where no kernel runs.

Python's side is thin. Every change of state, set from Python (an attribute, or
:meth:`Explorer.update` for several at once) or sent by the page, goes through the
explorer's one check of the whole state (built from :mod:`microavg.explorers.rules`). A
refused change leaves every trait as it was, shows ``Refused: <why>`` in the widget
(``role="alert"``) and, from Python, raises :class:`~microavg.explorers.rules.RefusedEdit`,
a ``ValueError``.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import ClassVar

import anywidget
import traitlets as t

from microavg.explorers.rules import RefusedEdit

__all__ = ["STATIC", "Explorer", "front_end"]

STATIC = Path(__file__).resolve().parent.parent / "static"
"""The page's side: ``metrics.js`` (arithmetic), ``rules.js`` with ``rules.json``,
``prng.js``, ``dom.js``, one view per explorer, ``explorers.css``, and ``dist/``, each
view bundled with what it imports (``node tools/bundle.mjs``, ``make bundle``)."""


@cache
def front_end(view: str) -> str:
    """One explorer's ES module, bundled: ``static/dist/VIEW.js``.

    A widget's module is loaded from a string, where no relative import resolves, so each
    view is bundled by esbuild (``tools/bundle.mjs``) with the modules and data it imports.
    The bundles are committed, so an installed package needs no node; a test checks that
    they are current.

    >>> module = front_end("matrix_explorer")
    >>> "function summarize(" in module, 'from "./' in module
    (True, False)
    """
    return (STATIC / "dist" / f"{view}.js").read_text(encoding="utf-8")


# A CSS comment and the space after it (explorers.css holds no "/*" inside a string).
_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.DOTALL)


@cache
def style() -> str:
    """The explorers' CSS, without its comments: they are for whoever edits
    ``explorers.css``, and every explorer a lesson saves carries its own copy of the CSS.

    >>> css = style()
    >>> ".ma-scroll" in css, "/*" in css
    (True, False)
    """
    return _CSS_COMMENT.sub("", (STATIC / "explorers.css").read_text(encoding="utf-8"))


class Explorer(anywidget.AnyWidget):
    """An explorer: state traits checked together, and a message about the last refusal.

    Subclasses name their state traits in ``_state`` and check a whole proposed state in
    ``_check`` (returning it cleaned, or raising ``RefusedEdit``).
    """

    _css = t.Unicode().tag(sync=True)
    message = t.Unicode("").tag(sync=True)
    """Why the last edit was refused ("Refused: ..."), or "" after a good one."""

    _state: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **state: object) -> None:
        super().__init__(_css=style())
        try:
            self.update(**state)
        except Exception:
            self.close()  # no half-made widget left open, whatever the check raised
            raise
        self.message = ""
        self.__dict__["_ready"] = True

    def _check(self, state: dict) -> dict:
        raise NotImplementedError

    def _defaults(self, changes: dict, current: dict) -> dict:
        """Changes that follow from ``changes`` (e.g. new labels scored); none by default."""
        return changes

    def __setattr__(self, name: str, value: object) -> None:
        if name in self._state and self.__dict__.get("_ready") and not self.__dict__.get("_busy"):
            self.update(**{name: value})
        else:
            super().__setattr__(name, value)

    @property
    def state(self) -> dict:
        """The explorer's state, a copy: ``{trait: value}``."""
        return {name: copy.deepcopy(getattr(self, name)) for name in self._state}

    def update(self, **changes: object) -> None:
        """Change several traits as one edit: all of them, or (refused) none.

        Raises
        ------
        RefusedEdit
            A ``ValueError`` saying what was wrong; the message is shown in the widget too.
        """
        unknown = sorted(set(changes) - set(self._state))
        if unknown:
            err = RefusedEdit(
                f"{unknown[0]} is not part of the explorer's state: it holds "
                f"{', '.join(self._state)}"
            )
            self.message = f"Refused: {err}"
            raise err
        current = self.state if self.__dict__.get("_ready") else {}
        proposed = {**current, **self._defaults(changes, current)}
        try:
            checked = self._check(proposed)
        except RefusedEdit as err:
            self.message = f"Refused: {err}"
            raise
        self.__dict__["_busy"] = True
        try:
            with self.hold_sync():
                for name in self._state:
                    setattr(self, name, checked[name])
                self.message = ""
        finally:
            self.__dict__["_busy"] = False

    def set_state(self, sync_data: dict) -> None:
        """State sent by the page: checked as from Python; refused, the page is sent back
        the last good state (the message says why)."""
        changes = {name: sync_data[name] for name in self._state if name in sync_data}
        rest = {name: value for name, value in sync_data.items() if name not in changes}
        if rest:
            super().set_state(rest)
        if not changes:
            return
        for name, value in changes.items():
            from_json = self.trait_metadata(name, "from_json")
            if from_json is not None:
                changes[name] = from_json(value, self)
        try:
            with self._lock_property(**{k: sync_data[k] for k in changes}):
                self.update(**changes)
        except RefusedEdit:
            self.send_state(list(self._state))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._state)
        return f"{type(self).__name__}({shown})"
