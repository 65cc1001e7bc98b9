"""The small datasets the lessons use, as (y_true, y_pred) pairs of lists.

>>> import microavg as ma
>>> from microavg import examples
>>> y_true, y_pred = examples.worked_example()
>>> ma.accuracy(y_true, y_pred, exact=True)
Fraction(5, 9)
"""

from __future__ import annotations

__all__ = ["WORKED_LABELS", "worked_example"]

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
