"""One vocabulary for checking arguments: each check names the argument and what was wrong.

In the spirit of scikit-learn's ``validate_params``: a function checks each argument once,
at its door, with one of these, and trusts the value it gets back. Every refusal is a
``ValueError`` whose message starts with the argument's name, so a reader of a traceback
(or of an explorer's refusal line) learns which argument to change and how.

>>> whole_number("k", 4, 2, 10)
4
>>> whole_number("k", 11, 2, 10)
Traceback (most recent call last):
...
ValueError: k must be a whole number from 2 to 10, got 11
>>> real("skill", 0.5, 0.0, 1.0)
0.5
>>> one_of("average", "mean", ("micro", "macro", "weighted", None))
Traceback (most recent call last):
...
ValueError: average must be 'micro', 'macro', 'weighted' or None, got 'mean'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

__all__ = ["one_of", "real", "shown", "whole_number"]

# Every 64-bit integer (up to 2**64 - 1) has at most 20 digits: one of more is described.
_SHOWN_BELOW = 10**20


def shown(value: object) -> str:
    """``repr(value)`` for a message, except that a huge integer is described, not written.

    A message of hundreds of digits helps nobody (and writing an int of more than 4,300
    digits raises Python's own ``ValueError``), so one longer than any 64-bit integer
    (more than 20 digits) is described by its size.

    >>> shown(2**64 - 1), shown(10**400), shown(-(10**5000)), shown("A"), shown(2.5)
    ('18446744073709551615', 'a 401-digit integer', 'a 5001-digit negative integer', "'A'", '2.5')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)
        size = abs(number)
        if size >= _SHOWN_BELOW:
            digits = len(str(size)) if size.bit_length() < 14000 else _digits(size)
            sign = "negative " if number < 0 else ""
            return f"a {digits}-digit {sign}integer"
    return repr(value)


def _digits(size: int) -> int:
    """Decimal digits of a positive int too long to be written out."""
    digits = int(size.bit_length() * 0.30102999566398120) + 1
    while digits > 1 and 10 ** (digits - 1) > size:
        digits -= 1
    while 10**digits <= size:
        digits += 1
    return digits


def _range_words(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    return ""


def whole_number(name: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """``value`` as a Python ``int``, if it is a whole number from ``low`` to ``high``.

    Python and numpy integers are accepted (``np.int64(4)`` like ``4``); ``bool``, floats
    (even ``4.0``), strings and ``None`` are refused, as are values out of range. Either
    bound may be ``None`` for no limit on that side.

    >>> import numpy as np
    >>> whole_number("seed", np.int64(7), 0)
    7
    >>> whole_number("seed", -1, 0)
    Traceback (most recent call last):
    ...
    ValueError: seed must be a whole number of at least 0, got -1
    >>> whole_number("n_labels", 2.0, 2)
    Traceback (most recent call last):
    ...
    ValueError: n_labels must be a whole number of at least 2, got 2.0 (float)
    """
    words = f"{name} must be a whole number{_range_words(low, high)}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{words}, got {shown(value)} ({type(value).__name__})")
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"{words}, got {shown(number)}")
    return number


def real(name: str, value: object, low: float | None = None, high: float | None = None) -> float:
    """``value`` as a Python ``float``, if it is a finite real number from ``low`` to ``high``.

    Python and numpy integers and floats are accepted (and ``fractions.Fraction``); ``bool``,
    strings, ``None``, ``nan``, infinities and numbers too large for a float are refused.

    >>> real("threshold", 10**400)
    Traceback (most recent call last):
    ...
    ValueError: threshold must be a finite real number, got a number too large for a float
    >>> real("imbalance", float("nan"), 0.0)
    Traceback (most recent call last):
    ...
    ValueError: imbalance must be a finite real number of at least 0.0, got nan
    """
    words = f"{name} must be a finite real number{_range_words(low, high)}"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{words}, got {shown(value)} ({type(value).__name__})")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{words}, got a number too large for a float") from None
    if not math.isfinite(number):
        raise ValueError(f"{words}, got {number}")
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"{words}, got {shown(value)}")
    return number


def _choice_words(choices: Sequence[object]) -> str:
    shown = [repr(choice) for choice in choices]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def one_of(name: str, value: object, choices: Sequence[object]) -> object:
    """``value``, if it is one of ``choices``: equal to it, and of its type.

    The type matters so that ``True`` is not taken for ``1``, nor ``1`` for ``1.0``; a
    subclass passes (``numpy.str_`` for ``str``, ``numpy.float64`` for ``float``). A ``nan``
    among the choices matches a ``nan`` value (which ``==`` alone would not).

    >>> one_of("case", "multi-label", ("single-label", "multi-label"))
    'multi-label'
    >>> one_of("exact", 1, (True, False))
    Traceback (most recent call last):
    ...
    ValueError: exact must be True or False, got 1
    >>> one_of("zero_division", float("nan"), (0.0, 1.0, float("nan")))
    nan
    """

    def matches(choice: object) -> bool:
        if isinstance(value, bool) != isinstance(choice, bool):
            return False
        if not isinstance(value, type(choice)):
            return False
        both_nan = isinstance(choice, float) and math.isnan(choice) and math.isnan(value)
        return both_nan or bool(value == choice)

    try:
        found = any(matches(choice) for choice in choices)
    except (TypeError, ValueError):  # an array compared with == has no single truth value
        found = False
    if not found:
        raise ValueError(f"{name} must be {_choice_words(choices)}, got {shown(value)}")
    return value
