"""An exercise that checks the reader's answer, in JupyterLab and in a page with no kernel.

The lesson's Markdown cell asks the question; :func:`exercise` shows where to answer it: a
box for a number, a fraction or a percentage ("5/9", "0.5556", "55.6%"), or a choice. The
reader is told "Right.", or given the hint aimed at the likely mistake, and can reveal the
worked answer. The answer and the hints are computed by the lesson's code and saved with
the view, so the page checks with no kernel (``static/exercise.js``).

:func:`check_answer` is the rule, the twin of ``checkAnswer`` in ``exercise.js``: a decimal
or a percentage is right when it is the answer rounded to the places typed (and has at least
``places`` of them, as a fraction of 1); a fraction or a whole number must equal the answer.

>>> from fractions import Fraction
>>> ex = exercise("Micro-precision", Fraction(5, 9), hints={Fraction(5, 8): "That is recall."})
>>> [ex.check(typed)[0] for typed in ("5/9", "10/18", "0.556", "55.6%", "0.5556", "0.6")]
['right', 'right', 'right', 'right', 'right', 'hint']
>>> ex.check("5/8")
('hint', 'That is recall.')
>>> ex.check("0.55")[0], ex.check("cat")[0]
('wrong', 'unread')
"""

from __future__ import annotations

import math
import numbers
import re
from fractions import Fraction

import traitlets as t

from microavg.explorers.base import Explorer, front_end
from microavg.explorers.rules import RefusedEdit

__all__ = ["Exercise", "check_answer", "exercise", "read_number"]

KINDS = ("number", "fraction", "choice")
_MINUS = re.compile("[\u2212\u2012\u2013]")
_NUMBER = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]*))?|([+-]?)\.([0-9]+)")
_SPACE = re.compile("[ \t\n\r\u00a0\u202f]+")
NOT_YET = "Not yet: try again, or reveal the worked answer."
CLOSE = "Close: write it more precisely, or as a fraction."
UNREAD = "Write a number, a fraction like 5/9 or a percentage like 55.6%."


def read_number(text: object) -> tuple[Fraction, int | None] | None:
    """``text`` as ``(value, places)``: the exact value and the decimals written (as a
    fraction of 1; None for a fraction); None when it is not a number.

    >>> read_number("55.6%"), read_number("\u22123"), read_number("10/18")
    ((Fraction(139, 250), 3), (Fraction(-3, 1), 0), (Fraction(5, 9), None))
    >>> read_number("1/0"), read_number("1e5"), read_number("")
    (None, None, None)
    """
    if not isinstance(text, str) or len(text) > 60:
        return None
    s = _SPACE.sub("", _MINUS.sub("-", text))
    if not s:
        return None
    if "/" in s:
        parts = s.split("/")
        if len(parts) != 2:
            return None
        top, bottom = (_decimal(part) for part in parts)
        if top is None or bottom is None or bottom[0] == 0 or top[1] or bottom[1]:
            return None
        return top[0] / bottom[0], None
    shift = 0
    if s.endswith("%"):
        s, shift = s[:-1], 2
    found = _decimal(s)
    if found is None:
        return None
    return found[0] / 10**shift, found[1] + shift


def _decimal(s: str) -> tuple[Fraction, int] | None:
    m = _NUMBER.fullmatch(s)
    if m is None:
        return None
    sign = -1 if (m[1] or m[4] or "") == "-" else 1
    decimals = m[3] if m[3] is not None else (m[5] or "")
    return Fraction(sign * int((m[2] or "0") + decimals), 10 ** len(decimals)), len(decimals)


def matches(typed: tuple[Fraction, int | None], target: Fraction, places: int) -> bool:
    """Whether ``typed`` (from :func:`read_number`) stands for ``target``: exactly for a
    fraction or a whole number, or as ``target`` rounded to the places typed (at least
    ``places`` of them)."""
    value, typed_places = typed
    if not typed_places:
        return value == target
    if typed_places < places:
        return False
    return 2 * abs(value - target) * 10**typed_places <= 1


def check_answer(spec: dict, typed: str) -> tuple[str, str]:
    """The verdict on ``typed``: ``(verdict, text)``, verdict "right", "hint" (text the
    hint), "wrong" or "unread" (not an answer at all). ``spec`` is the view's saved state:
    kind, answer ("5/9", or the right choice's index), choices, hints, places."""
    if spec["kind"] == "choice":
        if typed not in spec["choices"]:
            return "unread", "Pick one of the choices."
        if spec["choices"].index(typed) == spec["answer"]:
            return "right", "Right."
        for choice, text in spec["hints"]:
            if choice == typed:
                return "hint", text
        return "wrong", NOT_YET
    number = read_number(typed)
    if number is None:
        return "unread", UNREAD
    target = read_number(spec["answer"])[0]
    places = spec["places"]
    if matches(number, target, places):
        return "right", "Right."
    if number[1] and number[1] < places and matches(number, target, 0):
        return "hint", CLOSE
    for value, text in spec["hints"]:
        if matches(number, read_number(value)[0], min(places, number[1] or 0)):
            return "hint", text
    return "wrong", NOT_YET


def _as_fraction(name: str, value: object) -> Fraction:
    if isinstance(value, str):  # as saved: "5/9", "-3"
        found = read_number(value)
        if found is not None and not found[1]:
            return found[0]
        raise RefusedEdit(f"{name} must be a finite real number or a fraction, got {value!r:.60}")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise RefusedEdit(f"{name} must be a finite real number, got {value!r:.60}")
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    number = float(value)
    if not math.isfinite(number):
        raise RefusedEdit(f"{name} must be a finite real number, got {number}")
    return Fraction(number)


class Exercise(Explorer):
    """An exercise's answer box; build it with :func:`exercise`.

    Attributes
    ----------
    prompt : str
        The answer box's name, shown by it ("Micro-precision of the worked example").
    kind : str
        "number" (a number, fraction or percentage), "fraction" (the same, answer a ratio)
        or "choice".
    answer : str
        The right answer, exact: "5/9"; for a choice, the right choice's index.
    choices : list of str
        For a choice, what the reader picks from.
    hints : list of [str, str]
        Likely wrong answers, each with the hint aimed at that mistake.
    worked : str
        The worked answer: paragraphs split by blank lines, `code` in backticks.
    places : int
        The fewest decimals, as a fraction of 1, a decimal answer must have (0.556 or 55.6%
        has 3).
    """

    _esm = t.Unicode(front_end("exercise")).tag(sync=True)
    prompt = t.Any().tag(sync=True)
    kind = t.Any().tag(sync=True)
    answer = t.Any().tag(sync=True)
    choices = t.Any().tag(sync=True)
    hints = t.Any().tag(sync=True)
    worked = t.Any().tag(sync=True)
    places = t.Any().tag(sync=True)

    _state = ("prompt", "kind", "answer", "choices", "hints", "worked", "places")

    def _check(self, state: dict) -> dict:
        if not isinstance(state["prompt"], str) or not state["prompt"].strip():
            raise RefusedEdit(f"prompt must be some text, got {state['prompt']!r:.60}")
        if not isinstance(state["worked"], str):
            raise RefusedEdit(f"worked must be text, got {state['worked']!r:.60}")
        kind = state["kind"]
        if kind not in KINDS:
            raise RefusedEdit(f"kind must be one of {', '.join(KINDS)}, got {kind!r:.60}")
        places = state["places"]
        if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 12:
            raise RefusedEdit(f"places must be a whole number from 0 to 12, got {places!r:.60}")
        if not isinstance(state["hints"], list | tuple) or not all(
            isinstance(pair, list | tuple) and len(pair) == 2 for pair in state["hints"]
        ):
            raise RefusedEdit("hints must be pairs of a wrong answer and its hint")
        hints = [list(pair) for pair in state["hints"]]
        if kind == "choice":
            choices = list(state["choices"])
            if len(choices) < 2 or not all(isinstance(c, str) and c for c in choices):
                raise RefusedEdit("choices must hold at least two texts")
            if len(set(choices)) != len(choices):
                raise RefusedEdit("choices must all differ")
            if state["answer"] not in choices:
                raise RefusedEdit(f"answer must be one of the choices, got {state['answer']!r:.60}")
            for choice, _ in hints:
                if choice not in choices or choice == state["answer"]:
                    raise RefusedEdit(f"hints must be keyed by wrong choices, got {choice!r:.60}")
            answer = choices.index(state["answer"])
        else:
            if state["choices"]:  # a number's exercise has none
                raise RefusedEdit(f"choices are for kind='choice', not kind={kind!r}")
            right = _as_fraction("answer", state["answer"])
            answer = str(right)
            keyed = []
            for value, text in hints:
                wrong = _as_fraction("a hint's answer", value)
                if wrong == right:
                    raise RefusedEdit(f"hints must be keyed by wrong answers, got {wrong}")
                keyed.append([str(wrong), text])
            hints = keyed
            choices = []
        for _, text in hints:
            if not isinstance(text, str) or not text.strip():
                raise RefusedEdit(f"each hint must be some text, got {text!r:.60}")
        return {
            "prompt": state["prompt"],
            "kind": kind,
            "answer": answer,
            "choices": choices,
            "hints": hints,
            "worked": state["worked"],
            "places": places,
        }

    def _defaults(self, changes: dict, current: dict) -> dict:
        # Edits come as the reader wrote them (a choice's text, a hint dict); the saved state
        # holds the checked form, so an edit restates what it changes.
        if "hints" in changes and isinstance(changes["hints"], dict):
            changes = {**changes, "hints": [[k, v] for k, v in changes["hints"].items()]}
        if current and current["kind"] == "choice" and "answer" not in changes:
            changes = {**changes, "answer": current["choices"][current["answer"]]}
        return changes

    def check(self, typed: str) -> tuple[str, str]:
        """What the page says to ``typed``: ``(verdict, text)`` (:func:`check_answer`)."""
        return check_answer(self.state, typed)


def exercise(
    prompt: str,
    answer: object,
    *,
    kind: str = "number",
    choices: list[str] | None = None,
    hints: dict | None = None,
    worked: str = "",
    places: int = 3,
) -> Exercise:
    """An answer box that checks the reader's answer, in the page, with no kernel.

    Parameters
    ----------
    prompt : str
        What the box is for, shown by it (the question itself is the Markdown above).
    answer : Fraction, int or float; or str for ``kind="choice"``
        The right answer, computed by the engine (a float is taken at its exact value).
    kind : {"number", "fraction", "choice"}
    choices : list of str
        For ``kind="choice"``: what the reader picks from.
    hints : dict
        ``{likely wrong answer: hint aimed at that mistake}``.
    worked : str
        The worked answer, revealed on request (paragraphs split by blank lines, `code`).
    places : int, default 3
        The fewest decimals (as a fraction of 1) a decimal answer must have: with 3, 0.556
        and 55.6% are right for 5/9, 0.56 is "close".

    >>> exercise("Which?", "B", kind="choice", choices=["A", "B"], worked="B.").answer
    1
    >>> exercise("How many?", 3, worked="Three.", hints={3: "no"})
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: hints must be keyed by wrong answers, got 3
    """
    return Exercise(
        prompt=prompt,
        kind=kind,
        answer=answer,
        choices=list(choices or []),
        hints=[[k, v] for k, v in (hints or {}).items()],
        worked=worked,
        places=places,
    )
