"""The tutorial's colours, shared by figures, tables and the explorers.

Okabe-Ito colours, which stay distinct for readers with colour-blindness. Plain hex
strings: no plotting library is needed to use them.

>>> from microavg import palette
>>> palette.ROLE_COLOURS["FP"]
'#D55E00'
"""

from __future__ import annotations

__all__ = ["CELL_GREYS", "ROLE_COLOURS", "ROLE_TINTS", "SCORE_COLOURS", "tint"]


def tint(colour: str, strength: float = 0.3) -> str:
    """``colour`` (``"#rrggbb"``) mixed with white: a background light enough for black text.

    >>> tint("#000000"), tint("#D55E00", strength=1.0)
    ('#b2b2b2', '#d55e00')
    """
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - strength * (255 - c)):02x}" for c in rgb)


ROLE_COLOURS = {"TP": "#009E73", "FP": "#D55E00", "FN": "#0072B2"}
"""Okabe-Ito bluish green, vermillion and blue: one colour per role, in figures and tables."""

ROLE_TINTS = {r: tint(c) for r, c in ROLE_COLOURS.items()}
"""Background tints of :data:`ROLE_COLOURS`, behind black text in table cells."""

SCORE_COLOURS = {"precision": "#CC79A7", "recall": "#F0E442", "F1": "#666666"}
"""Okabe-Ito reddish purple and yellow, and a mid grey: precision, recall and F1 in figures.

Hues of their own, apart from the role colours: a precision bar never looks like an FP,
nor a recall bar like an FN, so each colour means one thing in every figure.
"""

CELL_GREYS = ("#f2f2f2", "#9a9a9a")
"""Light to mid grey, the confusion matrix cells from count 0 to the largest count: black
counts stay legible and the role colours' outlines stand out."""
