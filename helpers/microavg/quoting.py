"""Where a CSV/TSV text first quotes a field badly, as the command line's reader (DuckDB) and
the page's (papaparse) refuse it: a field that opens with a quote and never closes it, or
closes it with more than spaces before the delimiter (``"a"x``). Python's ``csv`` module
reads both without a word (the first as the rest of the file in one cell), so the readers
of files and of pasted text ask here when a strict read fails.

>>> import io
>>> first_bad_quote(io.StringIO('y,p\\n"a,a\\nb,b\\n', newline=""), ",")
2
>>> first_bad_quote(io.StringIO('y,p\\na,a\\n"b"x,b\\n', newline=""), ",")
3
>>> first_bad_quote(io.StringIO('y,p\\n"a" ,a\\n5" x,"b\\nc"\\n', newline=""), ",") is None
True
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator

__all__ = ["first_bad_quote"]


def _closings(delimiter: str) -> re.Pattern:
    """A quoted field at the start of a line or after a delimiter, and what follows its
    closing quote up to the next delimiter or line break."""
    d = re.escape(delimiter)
    return re.compile(rf'(?:^|(?<={d}))"(?:[^"]|"")*"([^{d}\r\n]*)')


def first_bad_quote(lines: Iterable[str], delimiter: str) -> int | None:
    """The line on which the first badly quoted field's row starts, or ``None``.

    ``lines`` are the text's lines with their endings (a file opened with ``newline=""``);
    a closing quote followed by spaces alone is taken, as DuckDB and papaparse take it.
    """
    closings = _closings(delimiter)
    held: list[str] = []  # the lines of the row being read

    def holding(source: Iterator[str]) -> Iterator[str]:
        for line in source:
            held.append(line)
            yield line

    source, start = iter(lines), 1
    while True:
        reader = csv.reader(holding(source), delimiter=delimiter, strict=True)
        try:
            for _ in reader:
                start += len(held)
                held.clear()
            return None
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                return start
            raw = "".join(held)
            if any(after.strip(" \t") for after in closings.findall(raw)):
                return start
            # Spaces after a closing quote: read on from the next line.
            start += len(held)
            held.clear()
