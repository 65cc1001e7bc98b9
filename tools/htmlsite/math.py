"""Math typeset when the site is built: the pages load no MathJax and typeset nothing.

:func:`typeset` runs ``typeset.js`` (MathJax 3 from ``node_modules/mathjax-full``, pinned in
package-lock.json) with node over a whole page: every ``$...$``, ``$$...$$`` and sympy
``text/latex`` output becomes SVG, with hidden MathML for screen readers.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from htmlsite import ROOT

SCRIPT = Path(__file__).resolve().parent / "typeset.js"


def typeset(page: str, name: str, node_modules: Path = ROOT / "node_modules") -> str:
    """``page`` with its TeX typeset; a TeX error fails with the page's ``name``.

    >>> "<svg" in typeset("<p>$x^2$</p>", "example.html")
    True
    >>> typeset("<p>$\\\\frac{1}$</p>", "bad.html")
    Traceback (most recent call last):
    ...
    ValueError: bad.html: MathJax could not typeset its TeX: ...
    """
    env = dict(os.environ, NODE_PATH=str(node_modules))
    done = subprocess.run(
        ["node", str(SCRIPT)], input=page, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode:
        raise ValueError(f"{name}: MathJax could not typeset its TeX: {done.stderr.strip()}")
    return done.stdout
