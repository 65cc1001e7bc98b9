"""Numbers into the lessons' sentences: percentages, minus signs, lists, Markdown and LaTeX tables.

The lessons compute every number they quote; these helpers turn the numbers into text the
same way on every page, so a lesson cell reads as the sentence it builds, and a number is
written one way everywhere ("55.6%", "−3", "5/9 (55.6%)").

>>> from fractions import Fraction
>>> percent(Fraction(5, 9))
'55.6%'
>>> signed(-3)
'−3'
>>> exact(Fraction(5, 9))
'5/9 (55.6%)'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

__all__ = [
    "check",
    "exact",
    "latex_array",
    "md_table",
    "numbered",
    "percent",
    "say",
    "signed",
]

MINUS = "\u2212"
"""The minus sign (U+2212) that typeset text uses instead of a hyphen."""


def percent(value: object, digits: int = 1) -> str:
    """``value`` (a fraction of 1) as a percentage with ``digits`` decimals; nan as "nan".

    >>> percent(0.5), percent(1, digits=0), percent(float("nan"))
    ('50.0%', '100%', 'nan')
    >>> percent(-0.25)
    '−25.0%'
    """
    number = float(value)
    if math.isnan(number):
        return "nan"
    return signed(f"{number:.{digits}%}")


def signed(value: object) -> str:
    """``value`` as text, with a true minus sign instead of a hyphen.

    >>> signed(Fraction(-1, 4)), signed(2)
    ('−1/4', '2')
    """
    return str(value).replace("-", MINUS)


def exact(value: Fraction | int | float, digits: int = 1) -> str:
    """An exact score as the fraction and its percentage: "5/9 (55.6%)"; nan (a 0/0 score
    that ``zero_division=nan`` leaves undefined) as "nan".

    >>> exact(Fraction(1, 2)), exact(Fraction(1)), exact(0), exact(float("nan"))
    ('1/2 (50.0%)', '1 (100.0%)', '0 (0.0%)', 'nan')
    """
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    return f"{signed(value)} ({percent(value, digits)})"


def numbered(numbers: Sequence[int], noun: str = "prediction") -> str:
    """Items by number in words: "prediction 5", "predictions 3 and 4", "none" for none.

    >>> numbered([5]), numbered([3, 4]), numbered([3, 4, 7]), numbered([])
    ('prediction 5', 'predictions 3 and 4', 'predictions 3, 4 and 7', 'none')
    >>> numbered([2, 6], noun="row")
    'rows 2 and 6'
    """
    if not numbers:
        return "none"
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"{noun} {words[0]}"
    return f"{noun}s {', '.join(words[:-1])} and {words[-1]}"


def _cell(value: object) -> str:
    # A table cell is one line of Markdown: a "|" in a label would start a new column.
    return str(value).replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; each cell is shown with ``str`` (a ``|`` in it is escaped).

    >>> print(md_table(["label", "TP"], [["A", 2], ["B|C", 1]]))
    | label | TP |
    |---|---|
    | A | 2 |
    | B\\|C | 1 |
    """
    header = list(header)
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        row = list(row)
        if len(row) != len(header):
            raise ValueError(f"rows holds a row of {len(row)} cells for {len(header)} columns")
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return "\n".join(lines)


def latex_array(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    r"""A table whose cells are LaTeX, as one centred ``array`` that never wraps mid-expression.

    The header is set off by a rule. Show it with ``IPython.display.Math``.

    >>> print(latex_array([r"\text{label}", "TP"], [["A", "c_{11}"]]))
    \begin{array}{cc}\text{label} & TP \\ \hline
    A & c_{11} \\\end{array}
    >>> latex_array(["a", "b"], [["1"]])
    Traceback (most recent call last):
    ValueError: rows holds a row of 1 cells for 2 columns
    """
    header = list(header)
    lines = [" & ".join(header) + r" \\ \hline"]
    for row in rows:
        row = list(row)
        if len(row) != len(header):
            raise ValueError(f"rows holds a row of {len(row)} cells for {len(header)} columns")
        lines.append(" & ".join(row) + r" \\")
    return r"\begin{array}{" + "c" * len(header) + "}" + "\n".join(lines) + r"\end{array}"


def written_as(written: str, computed: object) -> str:
    """``computed`` written the way ``written`` is: "5/9 (55.6%)" (:func:`exact`, to the
    decimals of its percentage), "55.6%" (:func:`percent`, to the decimals written), "5/9"
    or "−3" (:func:`signed`), or "−2.3" (rounded to the decimals written); a number written
    with thousands separators ("8,201,247") is computed with them.

    >>> written_as("55.6%", Fraction(5, 9)), written_as("5/9 (55.6%)", Fraction(5, 9))
    ('55.6%', '5/9 (55.6%)')
    >>> written_as("−2.3", -2.34), written_as("4", 4), written_as("56%", 5 / 9)
    ('−2.3', '4', '56%')
    >>> written_as("8,201,247", 8201247), written_as("1,234.5", 1234.54)
    ('8,201,247', '1,234.5')
    >>> written_as("7/8 (87.50%)", Fraction(7, 8))
    '7/8 (87.50%)'
    """
    text = written.strip()
    if "(" in text:
        inner = text.partition("(")[2].rstrip(")")
        return exact(computed, len(inner.rstrip("%").partition(".")[2]))
    decimals = len(text.rstrip("%").partition(".")[2])
    if text.endswith("%"):
        return percent(computed, decimals)
    grouping = "," if "," in text else ""
    if "/" in text:
        return signed(computed)
    if decimals == 0 and float(computed) == int(computed):
        return signed(f"{int(computed):{grouping}}")
    return signed(f"{float(computed):{grouping}.{decimals}f}")


def check(*pairs: object) -> None:
    """Assert that numbers written in a lesson's Markdown are the ones computed: ``pairs``
    alternate the number as written and the computed value.

    The folded cell after a Markdown cell checks each number the Markdown writes, so a
    number that drifts from the engine fails the lesson under nbval.

    >>> check("5/9 (55.6%)", Fraction(5, 9), "−3", -3)
    >>> check("55.6%", Fraction(4, 9))
    Traceback (most recent call last):
    AssertionError: the prose says 55.6%, the engine computes 44.4%
    >>> check("8,201,247", 8201248)
    Traceback (most recent call last):
    AssertionError: the prose says 8,201,247, the engine computes 8,201,248
    >>> check("55.6%")
    Traceback (most recent call last):
    TypeError: pairs must alternate a written number and a computed one, got 1 values
    """
    if len(pairs) % 2 or not pairs:
        raise TypeError(
            f"pairs must alternate a written number and a computed one, got {len(pairs)} values"
        )
    for written, computed in zip(pairs[::2], pairs[1::2], strict=True):
        if not isinstance(written, str):
            raise TypeError(f"a written number must be text, got {written!r}")
        if isinstance(computed, bool) or computed is None:
            raise TypeError(f"a computed value must be a number, got {computed!r}")
        expected = written_as(written, computed)
        if expected != written.strip():
            raise AssertionError(
                f"the prose says {written.strip()}, the engine computes {expected}"
            )


def say(text: str) -> None:
    """Show ``text``, Markdown built from computed values, as the cell's output."""
    from IPython.display import Markdown, display

    display(Markdown(text))
