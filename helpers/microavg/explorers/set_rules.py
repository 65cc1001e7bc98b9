"""The rules of the label-set explorers (:mod:`~microavg.explorers.scored`,
:mod:`~microavg.explorers.tags`), with numpy alone.

Their data (limits, modes, the controls' names on screen, the refusals' words) is in
``static/set_rules.json``, read here and by the page's ``static/set_rules.js``, which holds
the same functions under the same names in camelCase. What every explorer shares (the
refusal type, :func:`~microavg.explorers.rules.say`, how values are shown, whole and real
numbers, labels) comes from :mod:`microavg.explorers.rules` and ``rules.js``. A test runs
both languages on the same inputs and compares the answers and the messages word for word.

>>> check_cut(0.35, "threshold")
0.35
>>> check_top_k(0, 3)
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: labels per item (k) must be a whole number from 1 to 3, got 0
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Sequence
from pathlib import Path

from microavg.explorers import rules

__all__ = [
    "CONTROLS",
    "MAX_ITEMS",
    "MESSAGES",
    "MODES",
    "SET_RULES",
    "UNKNOWN",
    "check_cut",
    "check_flag",
    "check_indicators",
    "check_mode",
    "check_scored_labels",
    "check_scores",
    "check_top_k",
    "check_truths",
    "say",
]

SET_RULES = json.loads(
    (Path(rules.RULES_FILE).parent / "set_rules.json").read_text(encoding="utf-8")
)
"""``static/set_rules.json``: the label-set explorers' rules as data, shared with the page."""

MAX_ITEMS = SET_RULES["limits"]["max_items"]
"""The most items the scored-items and tag-table explorers hold."""
MODES = tuple(SET_RULES["modes"])
"""How the scored-items explorer turns scores into label sets: "abstain" (the arg-max
label, or none below a confidence cut), "threshold" (every label whose score reaches the
threshold), "top_k" (the k best labels)."""
UNKNOWN = SET_RULES["unknown"]
"""The answer of an abstaining item, counted as a label of its own when the reader asks."""
CONTROLS = SET_RULES["controls"]
"""What a refusal names: the control as the reader sees it."""
MESSAGES = SET_RULES["messages"]
"""The refusals' words of these explorers; the others are :data:`rules.MESSAGES`."""


def say(template: str, **values: object) -> rules.RefusedEdit:
    """The refusal of ``MESSAGES[template]`` (or a ``CONTROLS`` template), else of
    :func:`microavg.explorers.rules.say`'s template, filled in.

    >>> str(say("zero_one", name="x", got=2)), str(say("blank_label", name="tags"))
    ('x must be 0 or 1, got 2', 'tags must not hold a blank label')
    """
    return rules.say(MESSAGES.get(template, CONTROLS.get(template, template)), **values)


def _fill(template: str, **values: object) -> str:
    return str(say(template, **values))


def check_mode(mode: object) -> str:
    """How the scored-items explorer predicts: one of :data:`MODES`.

    >>> check_mode("top_k")
    'top_k'
    >>> check_mode("argmax")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: mode must be one of abstain, threshold, top_k, got ...
    """
    if not isinstance(mode, str) or mode not in MODES:
        raise say("mode", name=CONTROLS["mode"], modes=", ".join(MODES), got=rules.shown(mode))
    return mode


def check_cut(value: object, mode: str) -> float:
    """The cut of ``mode``: the confidence cut when abstaining, else the threshold; a real
    number from 0 to 1, named as the page names its slider.

    >>> check_cut(0.5, "abstain")
    0.5
    >>> check_cut(float("nan"), "threshold")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: threshold must be a finite real number from 0.0 ...
    """
    name = CONTROLS["confidence" if check_mode(mode) == "abstain" else "threshold"]
    return rules.real(name, value, 0.0, 1.0)


def check_top_k(k: object, n_labels: int) -> int:
    """k of the top-k label sets: a whole number from 1 to the number of labels.

    >>> check_top_k(2, 3)
    2
    >>> check_top_k(4, 3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels per item (k) must be a whole number from 1 ...
    """
    return rules.whole(CONTROLS["top_k"], k, 1, n_labels)


def check_flag(value: object, name: str) -> bool:
    """A yes-or-no control: ``True`` or ``False``, nothing else.

    >>> check_flag(True, "unknown counted as a label")
    True
    >>> check_flag(1, "unknown counted as a label")
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: unknown counted as a label must be true or false, got 1
    """
    if not isinstance(value, bool):
        raise say("not_bool", name=name, got=rules.shown(value))
    return value


def _item_rows(rows: object, name: str) -> list:
    rows = rows.tolist() if hasattr(rows, "tolist") else rows
    if not rules._is_list(rows):
        raise say("not_a_list", name=name, got=rules.shown(rows))
    if not 1 <= len(rows) <= MAX_ITEMS:
        raise say("row_count", name=CONTROLS["items"], low=1, high=MAX_ITEMS, got=len(rows))
    return rows


def _row_of(row: object, k: int, name: str, n: int) -> list:
    row = row.tolist() if hasattr(row, "tolist") else row
    if not rules._is_list(row):
        raise say("row_width", name=name, k=k, row=n, got=rules.shown(row))
    if len(row) != k:
        raise say("row_width", name=name, k=k, row=n, got=len(row))
    return row


def check_scored_labels(labels: object, mode: str) -> list[str]:
    """The scored items' labels (as :func:`check_labels`); when abstaining, "unknown" is
    the abstentions' answer and so not a label of the scores.

    >>> check_scored_labels(["cat", "unknown"], "abstain")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: labels must not hold "unknown": it is ...
    """
    labels = rules.check_labels(labels)
    if check_mode(mode) == "abstain" and UNKNOWN in labels:
        raise say("reserved", name=rules.CONTROLS["labels"], got=rules.quoted(UNKNOWN))
    return labels


def check_scores(scores: object, labels: Sequence[str]) -> list[list[float]]:
    """The scored items: 1 to 20 rows, one score per label, each a real number from 0 to 1.

    >>> check_scores([[0.8, 0.2], [1, 0]], ["cat", "dog"])
    [[0.8, 0.2], [1.0, 0.0]]
    >>> check_scores([[0.8, 1.5]], ["cat", "dog"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: score of item 1, dog must be a finite real ...
    """
    name = CONTROLS["scores"]
    rows = _item_rows(scores, name)
    out = []
    for n, row in enumerate(rows, 1):
        row = _row_of(row, len(labels), name, n)
        out.append(
            [
                rules.real(_fill("score", item=n, label=label), v, 0.0, 1.0)
                for label, v in zip(labels, row, strict=True)
            ]
        )
    return out


def check_truths(truths: object, labels: Sequence[str], n_items: int) -> list[str]:
    """The true label of each scored item: one per item, each among ``labels``.

    >>> check_truths(["cat", 1], ["cat", "1"], 2)
    ['cat', '1']
    >>> check_truths(["cat"], ["cat", "dog"], 2)
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: true labels must be one per row, got 1 for 2 rows
    """
    name = CONTROLS["truths"]
    truths = truths.tolist() if hasattr(truths, "tolist") else truths
    if not rules._is_list(truths):
        raise say("not_a_list", name=name, got=rules.shown(truths))
    out = [rules.as_label(x) for x in truths]
    if len(out) != n_items:
        raise say("row_pairs", name=name, got=len(out), rows=n_items)
    for n, label in enumerate(out, 1):
        if not isinstance(label, str) or label not in labels:
            raise say(
                "row_label",
                name=rules.CONTROLS["true"],
                row=n,
                labels=", ".join(labels),
                got=rules.shown(label),
            )
    return out


def check_indicators(rows: object, tags: Sequence[str], name: str) -> list[list[int]]:
    """A 0/1 indicator table: 1 to 20 items, one 0 or 1 per tag (``True`` and ``False``
    taken as 1 and 0); a refusal names the cell by its item and tag.

    >>> check_indicators([[1, 0], [True, False]], ["beach", "dog"], "true tags")
    [[1, 0], [1, 0]]
    >>> check_indicators([[1, 2]], ["beach", "dog"], "predicted tags")
    Traceback (most recent call last):
    ...
    microavg.explorers.rules.RefusedEdit: predicted tag dog of item 1 must be 0 or 1, got 2
    """
    side = name.removesuffix(" tags")
    out = []
    for n, row in enumerate(_item_rows(rows, name), 1):
        cells = []
        for tag, value in zip(tags, _row_of(row, len(tags), name, n), strict=True):
            is_number = isinstance(value, numbers.Real) and not isinstance(value, bool)
            if not (isinstance(value, bool) or (is_number and value in (0, 1))):
                cell = _fill("tag_cell", side=side, tag=tag, item=n)
                raise say("zero_one", name=cell, got=rules.shown(value))
            cells.append(int(value))
        out.append(cells)
    return out
