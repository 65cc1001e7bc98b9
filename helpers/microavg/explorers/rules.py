"""The explorers' rules: their limits, presets, and every check of an edit, with numpy alone.

One home for what an explorer accepts. The limits, the sliders, the controls' names as the
reader sees them and every refusal's words are data, in ``static/rules.json``, which this
module and the page's ``static/rules.js`` both read; what remains here is the logic, and
``rules.js`` holds the same functions under the same names in camelCase (``check_kept`` is
``checkKept``). A test runs both on the same inputs, hostile ones included, and compares
the answers and the messages word for word.

Every check raises :class:`RefusedEdit` (a ``ValueError``) whose message starts with the
name of the control that was wrong, as the reader sees it on screen, and says what it must
be.

>>> parse_count("12", "count of true A, predicted B")
12
>>> parse_count("1.5", "count of true A, predicted B")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: count of true A, predicted B must be a whole number from ...
>>> parse_matrix("[[5 1]\\n [2 7]]")
([[5, 1], [2, 7]], ['A', 'B'])
"""

from __future__ import annotations

import json
import math
import numbers
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from microavg import examples
from microavg.metrics import confusion_matrix

__all__ = [
    "CONTROLS",
    "K_MAX",
    "K_MIN",
    "MAX_CLASSIFIERS",
    "MAX_COUNT",
    "MAX_LABEL_LENGTH",
    "MAX_ROWS",
    "MESSAGES",
    "PRESETS",
    "RULES",
    "SIMULATION",
    "RefusedEdit",
    "as_label",
    "check_counts",
    "check_kept",
    "check_labels",
    "check_rows",
    "check_simulation",
    "check_zero_division",
    "fresh_labels",
    "parse_count",
    "parse_labels",
    "parse_matrix",
    "parse_number",
    "quoted",
    "real",
    "resized",
    "say",
    "shown",
    "whole",
]

RULES_FILE = Path(__file__).resolve().parent.parent / "static" / "rules.json"
RULES = json.loads(RULES_FILE.read_text(encoding="utf-8"))
"""``static/rules.json``: the rules as data, shared with the page."""

_LIMITS = RULES["limits"]
K_MIN, K_MAX = _LIMITS["k_min"], _LIMITS["k_max"]
"""The number of labels an explorer takes."""
MAX_COUNT = _LIMITS["max_count"]
"""The largest count a cell of the matrix explorer takes."""
MAX_ROWS = _LIMITS["max_rows"]
"""The most rows the prediction editor holds."""
MAX_LABEL_LENGTH = _LIMITS["max_label_length"]
"""The longest label, in characters."""
MAX_CLASSIFIERS = _LIMITS["max_classifiers"]
"""The most classifiers the many-classifiers explorer simulates."""
_MAX_TYPED = _LIMITS["max_typed"]

ZERO_DIVISIONS = tuple(RULES["zero_divisions"])
"""The choices of ``zero_division``, as the page names them."""

SIMULATION = RULES["simulation"]
"""The many-classifiers explorer's parameters: name -> {"control": its name on screen,
"low", "high", "step" (the slider's), "whole"}. A typed value need not be on a step."""

CONTROLS = RULES["controls"]
"""What a refusal names: the control as the reader sees it."""

MESSAGES = RULES["messages"]
"""Every refusal's words, as templates whose ``{names}`` :func:`say` fills in."""


class RefusedEdit(ValueError):
    """An edit an explorer cannot show; the message says what was wrong."""


_FIELD = re.compile(r"\{(\w+)\}")


def say(template: str, **values: object) -> RefusedEdit:
    """The refusal of ``MESSAGES[template]`` (or of a ``CONTROLS`` template) filled in.

    >>> str(say("blank_label", name="labels"))
    'labels must not hold a blank label'
    """
    words = MESSAGES.get(template, CONTROLS.get(template, template))
    return RefusedEdit(_FIELD.sub(lambda m: str(values[m[1]]), words))


def _fill(template: str, **values: object) -> str:
    return str(say(template, **values))


def quoted(text: str) -> str:
    """Typed text as a refusal quotes it: in double quotes, cut after 20 characters.

    >>> quoted("abc"), quoted("9" * 30)
    ('"abc"', '"99999999999999999999…"')
    """
    return '"' + (text if len(text) <= 20 else text[:20] + "…") + '"'


def shown(value: object) -> str:
    """A value as a refusal shows it, the same in Python and in the page: text quoted,
    a number as written when short, a list or mapping by its kind.

    >>> shown("3"), shown(2.5), shown(None), shown(10**5000), shown(float("inf"))
    ('"3"', '2.5', 'None', 'a number of more than 12 digits', 'inf')
    """
    if isinstance(value, str):
        return quoted(value)
    if value is None or isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value)) if abs(value) < 10**12 else "a number of more than 12 digits"
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except OverflowError:
            return "a number of more than 12 digits"
        if math.isnan(number):
            return "nan"
        if math.isinf(number):
            return "inf" if number > 0 else "-inf"
        if number.is_integer() and abs(number) < 10**12:
            return str(int(number))
        if 1e-4 <= abs(number) < 1e12:
            return repr(number)
        return "a number of more than 12 digits" if abs(number) >= 1e12 else "a tiny number"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence | set):
        return "a list"
    return type(value).__name__


def _bound(value: float, whole: bool) -> str:
    return str(value) if whole or not float(value).is_integer() else f"{float(value):.1f}"


def whole(name: str, value: object, low: int, high: int) -> int:
    """``value`` if it is a whole number from ``low`` to ``high``; the refusal names ``name``.

    >>> whole("k", 3, 2, 10)
    3
    >>> whole("k", True, 2, 10)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: k must be a whole number from 2 to 10, got True
    """
    is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if not is_int or not low <= value <= high:
        raise say("whole", name=name, low=low, high=high, got=shown(value))
    return int(value)


def real(name: str, value: object, low: float, high: float) -> float:
    """``value`` as a float if it is a finite real number from ``low`` to ``high``.

    >>> real("skill", 1, 0, 1)
    1.0
    """
    words = {"name": name, "low": _bound(low, False), "high": _bound(high, False)}
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise say("real", **words, got=shown(value))
    try:
        number = float(value)
    except OverflowError:
        raise say("real", **words, got=shown(value)) from None
    if not (math.isfinite(number) and low <= number <= high):
        raise say("real", **words, got=shown(value))
    return number


def _is_list(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


# -- presets and new labels ------------------------------------------------------------


def _preset(name: str, cm) -> dict:
    labels = [str(x) for x in cm.labels]
    return {"text": RULES["presets"][name], "labels": labels, "counts": cm.counts.tolist()}


PRESETS = {
    "worked": _preset("worked", confusion_matrix(*examples.worked_example())),
    "imbalanced": _preset("imbalanced", examples.imbalanced_matrix()),
    "ner": _preset("ner", examples.ner_matrix()),
}
"""The matrix explorer's presets: name -> {"text": button text (from rules.json), "labels",
"counts" (from :mod:`microavg.examples`)}."""


def fresh_labels(taken: Sequence[str], n: int) -> list[str]:
    """``n`` one-letter labels, A, B, ..., not among ``taken``; n from 0 to 10.

    >>> fresh_labels(["A", "C"], 2)
    ['B', 'D']
    """
    n = whole("n", n, 0, K_MAX)
    letters = [chr(ord("A") + i) for i in range(26)]
    return [x for x in letters if x not in taken][:n]


# -- typed text ------------------------------------------------------------------------

_SPACES = " \t\u00a0\u2007\u202f"
"""What separates or surrounds typed text: spaces, tabs, and no-break spaces."""
_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")


def parse_count(text: str, name: str, high: int = MAX_COUNT) -> int:
    """A count typed as text: digits only (spaces around them allowed), from 0 to ``high``.

    >>> parse_count(" 007 ", "count")
    7
    >>> parse_count("1e3", "count")
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: count must be a whole number from 0 to 1000000, got "1e3"
    """
    return parse_number(text, name, 0, high, whole=True)


def parse_number(text: str, name: str, low: float, high: float, *, whole: bool) -> float:
    """A number typed as text, from ``low`` to ``high``: the digits 0 to 9, and for a real
    one a decimal point with digits after it. Signs, exponents, blanks, other digits
    (``٣``) and anything else are refused.

    >>> parse_number("0.35", "skill", 0.0, 1.0, whole=False)
    0.35
    >>> parse_number(".", "k", 2, 10, whole=True)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: k must be a whole number from 2 to 10, got "."
    """
    if not isinstance(text, str):
        raise say("not_text", name=name, got=shown(text))
    kind = "a whole number" if whole else "a finite real number"
    words = {"name": name, "kind": kind, "low": _bound(low, whole), "high": _bound(high, whole)}
    trimmed = text.strip(_SPACES)
    pattern = _WHOLE if whole else _DECIMAL
    # More than 12 characters is past any limit: refused before any conversion.
    if len(trimmed) > _MAX_TYPED or not pattern.fullmatch(trimmed):
        raise say("typed", **words, got=quoted(text))
    value = int(trimmed) if whole else float(trimmed)
    if not low <= value <= high:
        raise say("typed", **words, got=quoted(text))
    return value


def parse_labels(text: str) -> list[str]:
    """A label set typed as names separated by commas, then checked by :func:`check_labels`.

    >>> parse_labels("A, B , C")
    ['A', 'B', 'C']
    >>> parse_labels(" ")
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels must hold from 2 to 10 labels, got 0
    """
    name = CONTROLS["label_set"]
    if not isinstance(text, str):
        raise say("not_text", name=name, got=shown(text))
    names = [part.strip(_SPACES) for part in text.split(",")] if text.strip(_SPACES) else []
    return check_labels(names, name)


def _lines(text: str) -> list[str]:
    """A pasted block's lines, a bracketed matrix's rows: in linear time (no regex that
    could backtrack), with a byte-order mark and CR or CRLF line ends taken as the page
    takes them."""
    body = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    body = body.strip(_SPACES + "\n")
    if body.startswith("array(") and body.endswith(")"):
        body = body[len("array(") : -1]
    if not body.startswith("["):
        return body.split("\n")
    return [part.replace("[", "").strip(_SPACES + "\n,") for part in body.split("]")]


_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_COMMA = re.compile("[,;]")


def _cells(line: str, by: str) -> list[str]:
    if by == "spaces":
        return _SPACE_RUN.split(line.strip(_SPACES))
    parts = line.split("\t") if by == "tabs" else _COMMA.split(line)
    return [cell.strip(_SPACES) for cell in parts]


def _filled(lines: list[str], by: str) -> list[str]:
    """The lines that hold a cell (more than separators and spaces). More than a matrix may
    have (a line of names aside) are refused before any is split into cells: a long paste
    is answered at once."""
    cut = _SPACES + {"spaces": "", "tabs": "", "commas": ",;"}[by]
    filled = [line for line in lines if line.strip(cut)]
    if len(filled) > K_MAX + 1:
        names = not all(_is_count(c) for c in _cells(filled[0], by) if c)
        raise say(
            "paste_size", name=CONTROLS["pasted"], low=K_MIN, high=K_MAX, got=len(filled) - names
        )
    return filled


def _is_count(cell: str) -> bool:
    return _WHOLE.fullmatch(cell) is not None


def _name_column(rows: list[list[str]]) -> bool:
    return all(len(row) > 1 and not _is_count(row[0]) for row in rows)


def parse_matrix(text: str) -> tuple[list[list[int]], list[str]]:
    """A pasted confusion matrix: ``(counts, labels)``, labels A, B, ... when not given.

    Takes a CSV or TSV block (commas, semicolons, tabs, or else spaces between counts), or
    scikit-learn's printed matrix (``[[5 1]\\n [2 7]]``, ``array([[5, 1], [2, 7]])``).
    Label names may come as a first line of names, and/or as the first entry of every row;
    a name may hold spaces when commas or tabs separate the cells. A count is written
    with the digits 0 to 9, so a name of digits alone is read as a count.

    >>> parse_matrix("cat,dog\\n5,1\\n2,7")
    ([[5, 1], [2, 7]], ['cat', 'dog'])
    >>> parse_matrix("big cat,5,1\\ndog,2,7")
    ([[5, 1], [2, 7]], ['big cat', 'dog'])
    >>> parse_matrix("1 2 3\\n4 5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: matrix to paste must have as many counts in every row: ...
    """
    name = CONTROLS["pasted"]
    if not isinstance(text, str):
        raise say("not_text", name=name, got=shown(text))
    lines = _lines(text)
    joined = "\n".join(lines)
    by = "tabs" if "\t" in joined else "commas" if ("," in joined or ";" in joined) else "spaces"
    rows = [[c for c in _cells(line, by) if c] for line in _filled(lines, by)]
    if not rows:
        raise say("paste_empty", name=name)
    for cell in (cell for row in rows for cell in row):
        if cell.isdecimal() and not cell.isascii():  # ١٢ would be taken for a name
            raise say("paste_digits", name=name, got=quoted(cell))
    header = None
    if len(rows) > 1 and not all(map(_is_count, rows[0])):
        body = rows[1:]
        width = len(body[0]) - (1 if _name_column(body) else 0)
        if len(body) == width:
            header, rows = rows[0], body
    names = None
    if _name_column(rows):
        names = [row[0] for row in rows]
        rows = [row[1:] for row in rows]
    if header is not None and not rows:
        raise say("paste_names_only", name=name)
    if len(rows) == 1 and not any(map(_is_count, rows[0])):
        raise say("paste_names_only", name=name)
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(rows[0]):
            raise say("paste_ragged", name=name, first=len(rows[0]), row=n, got=len(row))
    if len(rows) != len(rows[0]):
        raise say("paste_not_square", name=name, rows=len(rows), got=len(rows[0]))
    if not K_MIN <= len(rows) <= K_MAX:
        raise say("paste_size", name=name, low=K_MIN, high=K_MAX, got=len(rows))
    counts = [
        [
            parse_count(cell, _fill("pasted_cell", row=i + 1, column=j + 1))
            for j, cell in enumerate(row)
        ]
        for i, row in enumerate(rows)
    ]
    if header is not None and len(header) == len(rows) + 1:
        header = header[1:]  # a corner cell above the row names
    if header is not None and names is not None and header != names:
        raise say("paste_names_differ", name=name, rows=", ".join(names), columns=", ".join(header))
    labels = header if header is not None else names
    if labels is None:
        labels = fresh_labels([], len(counts))
    labels = check_labels(labels, CONTROLS["pasted_labels"])
    if len(labels) != len(counts):
        raise say(
            "paste_label_count", name=CONTROLS["pasted_labels"], got=len(labels), rows=len(counts)
        )
    check_counts(counts, len(counts), name)
    return counts, labels


# -- checks of a whole state -----------------------------------------------------------


def check_labels(labels: object, name: str = CONTROLS["labels"]) -> list[str]:
    """``labels`` as a list of text: 2 to 10 distinct, non-blank labels of at most 20
    characters. Whole numbers are taken as their text; ``$`` and ``<b>`` are just text.

    >>> check_labels(["$x$", "<b>", 3])
    ['$x$', '<b>', '3']
    >>> check_labels(["A", "A"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels must be distinct, got "A" twice
    """
    if not _is_list(labels):
        raise say("not_a_list", name=name, got=shown(labels))
    out = []
    for label in labels:
        if isinstance(label, numbers.Integral) and not isinstance(label, bool):
            if abs(label) >= 2**53:
                raise say("not_text", name=name, got=shown(label))
            label = str(int(label))
        if not isinstance(label, str):
            raise say("not_text", name=name, got=shown(label))
        out.append(label)
    if not K_MIN <= len(out) <= K_MAX:
        raise say("label_count", name=name, low=K_MIN, high=K_MAX, got=len(out))
    for label in out:
        if not label.strip(_SPACES + "\n"):
            raise say("blank_label", name=name)
        if label.endswith("\x00"):
            raise say("nul_label", name=name)
        if len(label) > MAX_LABEL_LENGTH:
            raise say("long_label", name=name, high=MAX_LABEL_LENGTH, got=quoted(label))
        if out.count(label) > 1:
            raise say("repeated", name=name, got=quoted(label))
    return out


def check_counts(counts: object, k: int, name: str = CONTROLS["counts"]) -> list[list[int]]:
    """``counts`` as a k x k list of lists of int from 0 to 1,000,000, not all 0.

    >>> import numpy as np
    >>> check_counts(np.eye(2, dtype=int), 2)
    [[1, 0], [0, 1]]
    >>> check_counts([[0, 0], [0, 0]], 2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: counts must hold at least one row to score, got every ...
    """
    rows = counts.tolist() if hasattr(counts, "tolist") else counts
    if not _is_list(rows) or len(rows) != k:
        raise say("not_square", name=name, k=k)
    out = []
    for i, row in enumerate(rows):
        if not _is_list(row) or len(row) != k:
            raise say("not_square", name=name, k=k)
        out.append([whole(f"{name}[{i}][{j}]", v, 0, MAX_COUNT) for j, v in enumerate(row)])
    if sum(map(sum, out)) == 0:
        raise say("all_zero", name=name)
    return out


def as_label(value: object) -> object:
    """A whole number as the label text it stands for (``3`` is ``"3"``); else ``value``."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and abs(value) < 2**53:
        return str(int(value))
    return value


def check_kept(kept: object, labels: Sequence[str]) -> list[str]:
    """The labels scored, in the order of ``labels``: at least one, each among ``labels``.

    >>> check_kept(["C", "A"], ["A", "B", "C"])
    ['A', 'C']
    >>> check_kept([], ["A", "B"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels scored must hold at least one label, got none
    """
    name = CONTROLS["kept"]
    if not _is_list(kept):
        raise say("not_a_list", name=name, got=shown(kept))
    wanted = [as_label(x) for x in kept]
    for label in wanted:
        if not isinstance(label, str) or label not in labels:
            raise say("kept_unknown", name=name, labels=", ".join(labels), got=shown(label))
        if wanted.count(label) > 1:
            raise say("repeated", name=name, got=quoted(label))
    if not wanted:
        raise say("kept_none", name=name)
    return [label for label in labels if label in wanted]


def check_zero_division(value: object) -> float:
    """0.0, 1.0 or nan (as numbers, or as the page's "0", "1", "nan").

    >>> check_zero_division("nan"), check_zero_division(1)
    (nan, 1.0)
    >>> check_zero_division(10**400)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: zero_division must be 0, 1 or nan, got a number of ...
    """
    if isinstance(value, str) and value in ZERO_DIVISIONS:
        return float(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if value in (0, 1):
            return float(value)
        if isinstance(value, float) and math.isnan(value):
            return value
    raise say("zero_division", name=CONTROLS["zero_division"], got=shown(value))


def resized(
    labels: Sequence[str], counts: Sequence[Sequence[int]], kept: Sequence[str], k: object
) -> tuple[list[str], list[list[int]], list[str]]:
    """The state with ``k`` labels (2 to 10): the top-left counts stay, new labels (the
    next free letters) come with counts of 0 and are scored.

    >>> resized(["A", "B", "C"], [[2, 1, 1], [1, 1, 0], [0, 1, 2]], ["C"], 2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels (k) = 2 would leave no label scored: tick ...
    """
    name = CONTROLS["k"]
    k = whole(name, k, K_MIN, K_MAX)
    old, keep = len(labels), min(k, len(labels))
    new_labels = [*labels[:keep], *fresh_labels(labels, k - keep)]
    new_counts = [
        [counts[i][j] if i < keep and j < keep else 0 for j in range(k)] for i in range(k)
    ]
    new_kept = [x for n, x in enumerate(new_labels) if n >= old or x in kept]
    if not new_kept:
        raise say("resize_unscored", name=name, k=k, labels=" or ".join(new_labels))
    if sum(map(sum, new_counts)) == 0:
        raise say("resize_empty", name=name, k=k)
    return new_labels, new_counts, new_kept


def check_rows(y_true: object, y_pred: object, labels: Sequence[str]) -> tuple[list, list]:
    """The prediction editor's rows: 1 to 40 of them, a true and a predicted label each,
    among ``labels``.

    >>> check_rows(["A"], ["C"], ["A", "B"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: predicted label in row 1 must be one of A, B, got "C"
    """
    out = []
    for name, rows in ((CONTROLS["true"], y_true), (CONTROLS["predicted"], y_pred)):
        if not _is_list(rows):
            raise say("not_a_list", name=name + "s", got=shown(rows))
        rows = [as_label(x) for x in rows]
        if not 1 <= len(rows) <= MAX_ROWS:
            raise say("row_count", name=CONTROLS["rows"], low=1, high=MAX_ROWS, got=len(rows))
        for n, label in enumerate(rows, 1):
            if not isinstance(label, str) or label not in labels:
                raise say("row_label", name=name, row=n, labels=", ".join(labels), got=shown(label))
        out.append(rows)
    if len(out[0]) != len(out[1]):
        raise say("row_pairs", name=CONTROLS["predicted"] + "s", got=len(out[1]), rows=len(out[0]))
    return out[0], out[1]


def check_simulation(name: str, value: object) -> float:
    """One parameter of the many-classifiers explorer, within its slider's range; a
    refusal names the slider as the page shows it.

    >>> check_simulation("skill", 0.5), check_simulation("seed", 3)
    (0.5, 3)
    >>> check_simulation("n_samples", 10)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: test rows must be a whole number from 20 to 2000, got 10
    """
    if name not in SIMULATION:
        raise say("parameter", names=", ".join(SIMULATION), got=shown(name))
    slider = SIMULATION[name]
    check = whole if slider["whole"] else real
    return check(slider["control"], value, slider["low"], slider["high"])
