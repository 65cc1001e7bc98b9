"""What else :func:`microavg.explain` notices in the data: findings that change no number.

A *cause* (``explanation.CAUSES``) voids the guarantee micro P = R = F1 = accuracy. A
*finding* does not, but is what a practitioner's own data most often holds by mistake, and
each is told with its counts so the reader can decide:

* ``"lookalike"``: string labels that are probably one label written twice, differing only
  by case, surrounding whitespace or Unicode normalisation (``"PER"`` and ``"per "``): an
  item whose true and predicted labels are two of them is counted as an error.
* ``"blank"``: an empty (or all-whitespace) label, what a missing prediction read from a
  file becomes: it is counted as a label of its own, never as "no prediction".
* ``"predicted_only"``: a scored label that occurs in ``y_pred`` but never in ``y_true`` (a
  classifier, or a language model, answering outside the label set): every item predicted
  as it is an error, an FP for it and an FN for the item's true label.
* ``"absent"``: ``labels=`` names a label that no item holds: it adds nothing to the micro
  sums (a typo in ``labels=`` is silent otherwise).
* ``"label_sets"``: multi-label data with items that predict none of the scored tags or two
  or more (what thresholding each label's probability gives, as Keras' ``Precision()`` and
  ``Recall()`` do at 0.5).
* ``"weights"``: ``sample_weight`` is given, and is *not* a cause: a wrong item weighs the
  same as an FP and as an FN, so weighted ΣFP = weighted ΣFN.

None and NaN labels never get this far: the door refuses them by position.

>>> import numpy as np
>>> from microavg.counting import exact_pair_sums
>>> from microavg.targets import check_targets
>>> targets = check_targets(["PER", "per ", "O"], ["per ", "per ", "?"])
>>> values, t, p, sums = exact_pair_sums(targets, None)
>>> [(f.kind, f.labels, f.count) for f in single_label(values, t, p, sums, None)]
[('lookalike', ('PER', 'per '), 1), ('predicted_only', ('?',), 1)]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

__all__ = ["FINDINGS", "Finding", "label_sets", "single_label"]

FINDINGS = ("lookalike", "blank", "predicted_only", "absent", "label_sets", "weights")
"""The kinds of finding, in the order they are told."""

Count = int | Fraction


@dataclass(frozen=True)
class Finding:
    """One thing :func:`microavg.explain` noticed that changes no number.

    Attributes
    ----------
    kind : str
        One of :data:`FINDINGS`.
    labels : tuple
        The labels it is about (for ``"label_sets"`` and ``"weights"``: empty).
    count : int or Fraction
        ``"lookalike"``: items whose true and predicted labels are two of ``labels``;
        ``"blank"`` and ``"predicted_only"``: items predicted as one of ``labels``;
        ``"absent"``: 0; ``"label_sets"``: items predicting none of the scored tags;
        ``"weights"``: the summed weight. With ``sample_weight``, summed weights, exactly.
    more : int or Fraction
        ``"blank"``: items whose true label is blank; ``"label_sets"``: items predicting
        two or more tags; otherwise 0.
    """

    kind: str
    labels: tuple[Hashable, ...]
    count: Count
    more: Count = 0


def _same_key(label: str) -> str:
    return unicodedata.normalize("NFKC", label).strip().casefold()


def single_label(
    values: list,
    t: np.ndarray,
    p: np.ndarray,
    sums: Sequence[Count],
    labels: Sequence[Hashable] | None,
) -> tuple[Finding, ...]:
    """The findings on single-label data, from the engine's exact pair sums
    (:func:`microavg.counting.exact_pair_sums`: the distinct ``values``, each pair's true
    and predicted index ``t`` and ``p`` and its count or summed weight) and the labels
    scored (None: all of them)."""
    w = list(sums)
    t_list, p_list = t.tolist(), p.tolist()
    scored = set(range(len(values))) if labels is None else _indices(values, labels)
    found: list[Finding] = []
    groups: dict[str, list[int]] = {}
    for i, value in enumerate(values):
        if isinstance(value, str):
            groups.setdefault(_same_key(value), []).append(i)
    for members in groups.values():
        if len(members) > 1:
            inside = set(members)
            count = sum(
                (
                    x
                    for a, b, x in zip(t_list, p_list, w, strict=True)
                    if a != b and {a, b} <= inside
                ),
                start=0,
            )
            found.append(Finding("lookalike", tuple(values[i] for i in members), count))
    blank = [i for i, v in enumerate(values) if isinstance(v, str) and not v.strip()]
    if blank:
        predicted = sum((x for b, x in zip(p_list, w, strict=True) if b in blank), start=0)
        true = sum((x for a, x in zip(t_list, w, strict=True) if a in blank), start=0)
        found.append(Finding("blank", tuple(values[i] for i in blank), predicted, true))
    in_true = set(t_list)
    only = sorted((set(p_list) - in_true - set(blank)) & scored)  # blanks are told as blank
    if only:
        count = sum((x for b, x in zip(p_list, w, strict=True) if b in only), start=0)
        found.append(Finding("predicted_only", tuple(values[i] for i in only), count))
    if labels is not None:
        present = set(values)
        absent = tuple(label for label in labels if label not in present)
        if absent:
            found.append(Finding("absent", absent, 0))
    return tuple(found)


def _indices(values: list, labels: Sequence[Hashable]) -> set[int]:
    wanted = set(labels)
    return {i for i, value in enumerate(values) if value in wanted}


def label_sets(
    y_true: np.ndarray, y_pred: np.ndarray, columns: np.ndarray, weighed: object, named: bool
) -> tuple[Finding, ...]:
    """The findings on 0/1 indicator data over the scored ``columns``: items predicting
    none of them and items predicting two or more (``weighed(mask)`` sums a row mask's
    weights exactly), and, when ``labels=`` ``named`` the columns, those no item holds."""
    predicted = np.count_nonzero(y_pred[:, columns], axis=1)
    none, several = weighed(predicted == 0), weighed(predicted >= 2)
    found = []
    if none or several:
        found.append(Finding("label_sets", (), none, several))
    if not named:
        return tuple(found)
    used = (y_true[:, columns] | y_pred[:, columns]).any(axis=0)
    absent = tuple(int(c) for c, u in zip(columns.tolist(), used.tolist(), strict=True) if not u)
    if absent:
        found.append(Finding("absent", absent, 0))
    return tuple(found)
