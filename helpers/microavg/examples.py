"""The small datasets the lessons use, as (y_true, y_pred) pairs of lists.

>>> import microavg as ma
>>> from microavg import examples
>>> y_true, y_pred = examples.worked_example()
>>> ma.accuracy(y_true, y_pred, exact=True)
Fraction(5, 9)
"""

from __future__ import annotations

from microavg.counts import ConfusionMatrix

__all__ = ["NER_LABELS", "WORKED_LABELS", "imbalanced_matrix", "ner_matrix", "worked_example"]

WORKED_LABELS = ("A", "B", "C")


def worked_example() -> tuple[list[str], list[str]]:
    """The nine-row A/B/C example every lesson starts from, as ``(y_true, y_pred)``.

    Row by row (pred, true): (A, A), (A, A), (B, A), (C, A), (A, B), (B, B), (B, C),
    (C, C), (C, C). Four rows are wrong: 3, 4, 5 and 7.

    Returns fresh lists, so a lesson may edit its copy.

    >>> y_true, y_pred = worked_example()
    >>> "".join(y_true), "".join(y_pred)
    ('AAAABBCCC', 'AABCABBCC')
    """
    y_true = ["A", "A", "A", "A", "B", "B", "C", "C", "C"]
    y_pred = ["A", "A", "B", "C", "A", "B", "B", "C", "C"]
    return y_true, y_pred


def imbalanced_matrix() -> ConfusionMatrix:
    """An imbalanced confusion matrix: A is 80 of the 100 rows, B 15 and C 5.

    The classifier is good on A and poor on the rare C, so macro averages (every label
    weighing the same) fall well below micro averages (every row weighing the same).

    >>> import microavg as ma
    >>> cm = imbalanced_matrix()
    >>> cm.support.tolist()
    [80, 15, 5]
    >>> cm.accuracy(exact=True), cm.scores(average="macro", exact=True).recall
    (Fraction(17, 20), Fraction(101, 180))
    """
    counts = [
        [76, 3, 1],
        [6, 8, 1],
        [3, 1, 1],
    ]
    return ConfusionMatrix.from_counts(counts, labels=WORKED_LABELS)


NER_LABELS = ("O", "PER", "ORG", "LOC", "MISC")


def ner_matrix() -> ConfusionMatrix:
    """Token counts of a named-entity tagger: "O" (outside any entity) dominates.

    Named-entity recognition is usually scored over the entity labels only, leaving
    "O" out with ``labels=``; then micro precision and recall part.

    >>> cm = ner_matrix()
    >>> cm.labels
    ('O', 'PER', 'ORG', 'LOC', 'MISC')
    >>> cm.support.tolist()
    [950, 48, 43, 40, 19]
    >>> cm.scores(labels=["PER", "ORG", "LOC", "MISC"], exact=True)
    Scores(average='micro', precision=107/147, recall=107/150, f1=214/297)
    """
    counts = [
        [930, 4, 7, 5, 4],
        [5, 40, 2, 1, 0],
        [8, 3, 26, 4, 2],
        [4, 1, 3, 31, 1],
        [6, 0, 2, 1, 10],
    ]
    return ConfusionMatrix.from_counts(counts, labels=NER_LABELS)
