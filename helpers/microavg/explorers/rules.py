"""The explorers' rules: their limits, presets, and every check of an edit, with numpy alone.

One home for what an explorer accepts. Every check raises :class:`RefusedEdit` (a
``ValueError``) whose message starts with the name of what was wrong and says what it must
be, in the vocabulary of :mod:`microavg._validate`. The page's JavaScript holds the same
rules in ``static/rules.js``; a test runs both on the same inputs and compares the messages
word for word.

>>> parse_count("12", "count of true A, predicted B")
12
>>> parse_count("1.5", "count of true A, predicted B")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: count of true A, predicted B must be a whole number from ...
>>> parse_matrix("[[5 1]\\n [2 7]]")
([[5, 1], [2, 7]], None)
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence

from microavg import examples
from microavg._validate import real, whole_number
from microavg.counts import confusion_matrix

__all__ = [
    "K_MAX",
    "K_MIN",
    "MAX_COUNT",
    "MAX_LABEL_LENGTH",
    "MAX_ROWS",
    "PRESETS",
    "SIMULATION",
    "RefusedEdit",
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
    "resized",
]

K_MIN, K_MAX = 2, 10
"""The number of labels an explorer takes."""

MAX_COUNT = 1_000_000
"""The largest count a cell of the matrix explorer takes."""

MAX_ROWS = 40
"""The most rows the prediction editor holds."""

MAX_LABEL_LENGTH = 20
"""The longest label, in characters."""

ZERO_DIVISIONS = ("0", "1", "nan")
"""The choices of ``zero_division``, as the page names them."""

SIMULATION = {
    "n_labels": (K_MIN, K_MAX, 1),
    "n_samples": (20, 2000, 10),
    "skill": (0.0, 1.0, 0.05),
    "imbalance": (0.0, 3.0, 0.25),
    "seed": (0, 99, 1),
}
"""The many-classifiers explorer's parameters: name -> (lowest, highest, slider step).
Whole-number parameters have whole bounds; a typed value need not be on a step."""

MAX_CLASSIFIERS = 2000
"""The most classifiers the many-classifiers explorer simulates."""


class RefusedEdit(ValueError):
    """An edit an explorer cannot show; the message says what was wrong."""


def _refuse(check, *args):
    try:
        return check(*args)
    except ValueError as err:
        raise RefusedEdit(str(err)) from None


def quoted(text: str) -> str:
    """Typed text as a refusal quotes it: in double quotes, cut after 20 characters.

    >>> quoted("abc"), quoted("9" * 30)
    ('"abc"', '"99999999999999999999…"')
    """
    return '"' + (text if len(text) <= 20 else text[:20] + "…") + '"'


# -- presets and new labels ------------------------------------------------------------


def _preset(text: str, cm) -> dict:
    return {"text": text, "labels": [str(x) for x in cm.labels], "counts": cm.counts.tolist()}


PRESETS = {
    "worked": _preset("worked example", confusion_matrix(*examples.worked_example())),
    "imbalanced": _preset("imbalanced", examples.imbalanced_matrix()),
    "ner": _preset('NER-like (dominant "O")', examples.ner_matrix()),
}
"""The matrix explorer's presets: name -> {"text": button text, "labels", "counts"}."""


def fresh_labels(taken: Sequence[str], n: int) -> list[str]:
    """``n`` one-letter labels, A, B, ..., not among ``taken``.

    >>> fresh_labels(["A", "C"], 2)
    ['B', 'D']
    """
    letters = [chr(ord("A") + i) for i in range(26)]
    return [x for x in letters if x not in taken][:n]


# -- typed text ------------------------------------------------------------------------

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
    """A number typed as text, from ``low`` to ``high``: digits, and for a real one decimal
    point with digits after it. Signs, exponents, blanks and anything else are refused.

    >>> parse_number("0.35", "skill", 0.0, 1.0, whole=False)
    0.35
    >>> parse_number(".", "k", 2, 10, whole=True)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: k must be a whole number from 2 to 10, got "."
    """
    kind = "a whole number" if whole else "a finite real number"
    words = f"{name} must be {kind} from {low} to {high}, got {quoted(text)}"
    trimmed = text.strip()
    pattern = _WHOLE if whole else _DECIMAL
    # More than 12 characters is past any limit: refused before any conversion.
    if len(trimmed) > 12 or not pattern.fullmatch(trimmed):
        raise RefusedEdit(words)
    value = int(trimmed) if whole else float(trimmed)
    if not low <= value <= high:
        raise RefusedEdit(words)
    return value


def parse_labels(text: str) -> list[str]:
    """A label set typed as names separated by commas, then checked by :func:`check_labels`.

    >>> parse_labels("A, B , C")
    ['A', 'B', 'C']
    """
    return check_labels([name.strip() for name in text.split(",")])


_NUMBERISH = re.compile(r"[-+0-9.eE]+")


def parse_matrix(text: str) -> tuple[list[list[int]], list[str] | None]:
    """A pasted confusion matrix: ``(counts, labels)``, labels ``None`` when not given.

    Takes a CSV or TSV block (commas, tabs or spaces between counts), or scikit-learn's
    printed matrix (``[[5 1]\\n [2 7]]``, ``array([[5, 1], [2, 7]])``). Label names may
    come as a first line of names, and/or as the first entry of every row.

    >>> parse_matrix("cat,dog\\n5,1\\n2,7")
    ([[5, 1], [2, 7]], ['cat', 'dog'])
    >>> parse_matrix("\\tcat\\tdog\\ncat\\t5\\t1\\ndog\\t2\\t7")
    ([[5, 1], [2, 7]], ['cat', 'dog'])
    >>> parse_matrix("1 2 3\\n4 5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: pasted matrix must have as many counts in every row: ...
    """
    body = text.strip()
    if body.startswith("array(") and body.endswith(")"):
        body = body[len("array(") : -1]
    if body.startswith("["):
        lines = [part for part in re.split(r"\]\s*,?\s*\[", body.strip("[] \n\t"))]
    else:
        lines = body.split("\n")
    rows = [[cell for cell in re.split(r"[,\t ;]+", line.strip()) if cell] for line in lines]
    rows = [row for row in rows if row]
    if not rows:
        raise RefusedEdit("pasted matrix must hold counts, got nothing")
    header = None
    if not all(_NUMBERISH.fullmatch(cell) for cell in rows[0]):
        header, rows = rows[0], rows[1:]
    names = None
    if rows and all(not _NUMBERISH.fullmatch(row[0]) for row in rows):
        names = [row[0] for row in rows]
        rows = [row[1:] for row in rows]
    if not rows:
        raise RefusedEdit("pasted matrix must hold counts, got only label names")
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(rows[0]):
            raise RefusedEdit(
                "pasted matrix must have as many counts in every row: "
                f"row 1 has {len(rows[0])}, row {n} has {len(row)}"
            )
    if len(rows) != len(rows[0]):
        raise RefusedEdit(
            f"pasted matrix must be square, got {len(rows)} rows of {len(rows[0])} counts"
        )
    if not K_MIN <= len(rows) <= K_MAX:
        raise RefusedEdit(f"pasted matrix must have from {K_MIN} to {K_MAX} rows, got {len(rows)}")
    counts = [
        [
            parse_count(cell, f"pasted count at row {i + 1}, column {j + 1}")
            for j, cell in enumerate(row)
        ]
        for i, row in enumerate(rows)
    ]
    if header is not None and len(header) == len(rows) + 1:
        header = header[1:]  # a corner cell above the row names
    if header is not None and names is not None and header != names:
        raise RefusedEdit(
            f"pasted matrix must name its rows as its columns, got {', '.join(names)} "
            f"for {', '.join(header)}"
        )
    labels = header if header is not None else names
    if labels is not None:
        labels = check_labels(labels, "pasted labels")
        if len(labels) != len(counts):
            raise RefusedEdit(
                f"pasted labels must be one per row, got {len(labels)} for {len(counts)} rows"
            )
    check_counts(counts, len(counts), "pasted matrix")
    return counts, labels


# -- checks of a whole state -----------------------------------------------------------


def check_labels(labels: object, name: str = "labels") -> list[str]:
    """``labels`` as a list of text: 2 to 10 distinct, non-blank labels of at most 20
    characters. Numbers are taken as their text; ``$`` and ``<b>`` are just text.

    >>> check_labels(["$x$", "<b>", 3])
    ['$x$', '<b>', '3']
    >>> check_labels(["A", "A"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels must be distinct, got "A" twice
    """
    if isinstance(labels, str | bytes) or not isinstance(labels, Sequence):
        raise RefusedEdit(f"{name} must be a list of labels, got {type(labels).__name__}")
    out = []
    for label in labels:
        if isinstance(label, bool) or not isinstance(label, str | numbers.Integral):
            raise RefusedEdit(f"{name} must hold text, got {label!r} ({type(label).__name__})")
        out.append(str(label))
    if not K_MIN <= len(out) <= K_MAX:
        raise RefusedEdit(f"{name} must hold from {K_MIN} to {K_MAX} labels, got {len(out)}")
    for label in out:
        if not label.strip():
            raise RefusedEdit(f"{name} must not hold a blank label")
        if len(label) > MAX_LABEL_LENGTH:
            raise RefusedEdit(
                f"{name} must hold labels of at most {MAX_LABEL_LENGTH} characters, "
                f"got {quoted(label)}"
            )
        if out.count(label) > 1:
            raise RefusedEdit(f"{name} must be distinct, got {quoted(label)} twice")
    return out


def check_counts(counts: object, k: int, name: str = "counts") -> list[list[int]]:
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
    if isinstance(rows, str | bytes) or not isinstance(rows, Sequence) or len(rows) != k:
        raise RefusedEdit(f"{name} must be a {k} x {k} matrix, one row per label")
    out = []
    for i, row in enumerate(rows):
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) != k:
            raise RefusedEdit(f"{name} must be a {k} x {k} matrix, one row per label")
        out.append([_count(f"{name}[{i}][{j}]", v) for j, v in enumerate(row)])
    if sum(map(sum, out)) == 0:
        raise RefusedEdit(f"{name} must hold at least one row to score, got every count 0")
    return out


def _count(name: str, value: object) -> int:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value > 10**12:
        # Too large to be worth printing (and past what int-to-text takes at 4,300 digits).
        raise RefusedEdit(
            f"{name} must be a whole number from 0 to {MAX_COUNT}, got a number of more than "
            "12 digits"
        )
    return _refuse(whole_number, name, value, 0, MAX_COUNT)


def check_kept(kept: object, labels: Sequence[str]) -> list[str]:
    """The labels scored, in the order of ``labels``: at least one, each among ``labels``.

    >>> check_kept(["C", "A"], ["A", "B", "C"])
    ['A', 'C']
    >>> check_kept([], ["A", "B"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: kept must hold at least one label to score, got none
    """
    if isinstance(kept, str | bytes) or not isinstance(kept, Sequence):
        raise RefusedEdit(f"kept must be a list of labels, got {type(kept).__name__}")
    wanted = [str(x) if isinstance(x, str | numbers.Integral) else x for x in kept]
    for label in wanted:
        if label not in labels:
            raise RefusedEdit(
                f"kept must hold labels among {', '.join(labels)}, got {quoted(str(label))}"
            )
        if wanted.count(label) > 1:
            raise RefusedEdit(f"kept must be distinct, got {quoted(label)} twice")
    if not wanted:
        raise RefusedEdit("kept must hold at least one label to score, got none")
    return [label for label in labels if label in wanted]


def check_zero_division(value: object) -> float:
    """0.0, 1.0 or nan (as numbers, or as the page's "0", "1", "nan").

    >>> check_zero_division("nan"), check_zero_division(1)
    (nan, 1.0)
    """
    if isinstance(value, str) and value in ZERO_DIVISIONS:
        return float(value)
    if not isinstance(value, bool) and isinstance(value, numbers.Real):
        number = float(value)
        if number in (0.0, 1.0) or math.isnan(number):
            return number
    raise RefusedEdit(f"zero_division must be 0.0, 1.0 or nan, got {value!r}")


def resized(
    labels: Sequence[str], counts: Sequence[Sequence[int]], kept: Sequence[str], k: object
) -> tuple[list[str], list[list[int]], list[str]]:
    """The state with ``k`` labels: the top-left counts stay, new labels (the next free
    letters) come with counts of 0 and are scored.

    >>> resized(["A", "B", "C"], [[2, 1, 1], [1, 1, 0], [0, 1, 2]], ["C"], 2)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: k = 2 would leave no label scored: tick A or B first
    """
    k = _refuse(whole_number, "k", k, K_MIN, K_MAX)
    old, keep = len(labels), min(k, len(labels))
    new_labels = [*labels[:keep], *fresh_labels(labels, k - keep)]
    new_counts = [
        [counts[i][j] if i < keep and j < keep else 0 for j in range(k)] for i in range(k)
    ]
    new_kept = [x for n, x in enumerate(new_labels) if n >= old or x in kept]
    if not new_kept:
        staying = " or ".join(new_labels)
        raise RefusedEdit(f"k = {k} would leave no label scored: tick {staying} first")
    if sum(map(sum, new_counts)) == 0:
        raise RefusedEdit(f"k = {k} would leave every count 0: there would be no rows to score")
    return new_labels, new_counts, new_kept


def check_rows(y_true: object, y_pred: object, labels: Sequence[str]) -> tuple[list, list]:
    """The prediction editor's rows: 1 to 40 of them, each label among ``labels``.

    >>> check_rows(["A"], ["C"], ["A", "B"])
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: y_pred must hold labels among A, B, got "C" in row 1
    """
    out = []
    for name, rows in (("y_true", y_true), ("y_pred", y_pred)):
        if isinstance(rows, str | bytes) or not isinstance(rows, Sequence):
            raise RefusedEdit(f"{name} must be a list of labels, got {type(rows).__name__}")
        rows = [str(x) if isinstance(x, str | numbers.Integral) else x for x in rows]
        if not 1 <= len(rows) <= MAX_ROWS:
            raise RefusedEdit(f"{name} must hold from 1 to {MAX_ROWS} rows, got {len(rows)}")
        for n, label in enumerate(rows, 1):
            if label not in labels:
                raise RefusedEdit(
                    f"{name} must hold labels among {', '.join(labels)}, "
                    f"got {quoted(str(label))} in row {n}"
                )
        out.append(rows)
    if len(out[0]) != len(out[1]):
        raise RefusedEdit(
            f"y_pred must hold one label per row of y_true, got {len(out[1])} for {len(out[0])}"
        )
    return out[0], out[1]


def check_simulation(name: str, value: object) -> float:
    """One parameter of the many-classifiers explorer, within its slider's range.

    >>> check_simulation("skill", 0.5), check_simulation("seed", 3)
    (0.5, 3)
    >>> check_simulation("n_labels", float("inf"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: n_labels must be a whole number from 2 to 10, got inf ...
    """
    if name not in SIMULATION:
        raise RefusedEdit(f"name must be one of {', '.join(SIMULATION)}, got {name!r}")
    low, high, _step = SIMULATION[name]
    check = whole_number if isinstance(low, int) else real
    return _refuse(check, name, value, low, high)
