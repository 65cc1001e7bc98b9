"""The command line: ``python -m microavg explain FILE --true COL --pred COL``.

Reads a CSV or TSV file with a header row (the delimiter is sniffed), scores it with
:func:`microavg.explain` and prints the explanation. Multi-label files hold one 0/1
column per label: ``--true t_A,t_B --pred p_A,p_B``. Anything wrong (a missing file, an
unknown column, an empty file, a bad ``--labels``, a label the engine refuses) is told in
one line on stderr, and the exit status is 2; no traceback.

>>> _label_list("PER, LOC", numbers=False)
['PER', 'LOC']
>>> _label_list("1,x", numbers=True)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.__main__._Refusal: --labels: 'x' is not a whole number, but the label columns ...
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import microavg as ma

__all__ = ["main"]

_PROG = "microavg"
_WHOLE = re.compile(r"[+-]?[0-9]+")
_SNIFF_BYTES = 64 * 1024


class _Refusal(Exception):
    """A problem with the user's input: told in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + message
        raise _Refusal(f"{message} (see {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_PROG,
        description="Why micro precision, recall, F1 and accuracy agree or part on your data.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    explain = commands.add_parser(
        "explain",
        help="explain the micro scores of predictions in a CSV or TSV file",
        description=(
            "Read a CSV or TSV file with a header row (the delimiter is sniffed), score its\n"
            "predictions as scikit-learn does, and say whether micro precision, recall, F1\n"
            "and accuracy agree, and why. Columns of whole numbers are read as numbers, any\n"
            "other column as text."
        ),
        epilog=(
            "examples:\n"
            "  microavg explain preds.csv --true label --pred prediction\n"
            "  microavg explain ner.tsv --true gold --pred guess --labels PER,LOC,ORG\n"
            "  microavg explain tags.csv --true t_cat,t_dog --pred p_cat,p_dog\n\n"
            "Exit status: 0 when explained, 2 for a problem with the input (told on stderr)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument("file", metavar="FILE", help="CSV or TSV file with a header row")
    explain.add_argument(
        "--true",
        required=True,
        metavar="COL",
        help="the column of true labels; for multi-label data, its 0/1 columns, comma-separated",
    )
    explain.add_argument(
        "--pred",
        required=True,
        metavar="COL",
        help="the column of predicted labels (multi-label: as many 0/1 columns as --true)",
    )
    explain.add_argument(
        "--labels",
        metavar="A,B",
        help=(
            "the labels to score, comma-separated (as scikit-learn's labels=); for "
            "multi-label data, names of --true columns"
        ),
    )
    explain.add_argument("--weight", metavar="COL", help="a column of non-negative sample weights")
    return parser


def _read(path: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV or TSV file."""
    file = Path(path)
    if not file.is_file():
        raise _Refusal(f"FILE {path!r} does not exist or is not a file")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _Refusal(f"FILE {path!r} is not UTF-8 text") from None
    except OSError as err:
        raise _Refusal(f"FILE {path!r} cannot be read: {err.strerror}") from None
    if not text.strip():
        raise _Refusal(f"FILE {path!r} is empty: expected a header row and rows of data")
    sample = text[:_SNIFF_BYTES]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:  # one column, or nothing the sniffer can tell: a plain CSV
        dialect = csv.excel
    try:
        rows = [row for row in csv.reader(text.splitlines(), dialect) if row]
    except csv.Error as err:
        raise _Refusal(f"FILE {path!r} is not a readable CSV or TSV file: {err}") from None
    header, body = [name.strip() for name in rows[0]], rows[1:]
    if not body:
        raise _Refusal(f"FILE {path!r} has a header row but no rows of data")
    return header, body


def _columns(spec: str, option: str, header: list[str]) -> list[int]:
    names = [name.strip() for name in spec.split(",")]
    for name in names:
        if name not in header:
            known = ", ".join(repr(h) for h in header)
            raise _Refusal(f"{option}: no column named {name!r} (the columns are {known})")
    return [header.index(name) for name in names]


def _cells(rows: list[list[str]], column: int, name: str) -> list[str]:
    cells = []
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        if column >= len(row):
            raise _Refusal(f"line {n} has {len(row)} fields: column {name!r} is missing")
        cell = row[column].strip()
        if not cell:
            raise _Refusal(f"line {n}: column {name!r} is blank; every row needs a value")
        cells.append(cell)
    return cells


def _as_labels(*columns: list[str]) -> list[list]:
    """Columns of whole numbers as ints, together; otherwise all as text."""
    if all(_WHOLE.fullmatch(cell) for column in columns for cell in column):
        return [[int(cell) for cell in column] for column in columns]
    return [list(column) for column in columns]


def _indicator(cells: list[str], name: str) -> list[int]:
    for n, cell in enumerate(cells, start=2):
        if cell not in ("0", "1"):
            raise _Refusal(
                f"line {n}: column {name!r} holds {cell!r}; multi-label columns hold 0 or 1"
            )
    return [int(cell) for cell in cells]


def _weights(cells: list[str], name: str) -> list[float | int]:
    weights = []
    for n, cell in enumerate(cells, start=2):
        try:
            weights.append(int(cell) if _WHOLE.fullmatch(cell) else float(cell))
        except ValueError:
            message = f"line {n}: --weight column {name!r} holds {cell!r}, not a number"
            raise _Refusal(message) from None
    return weights


def _explain(args: argparse.Namespace) -> str:
    header, rows = _read(args.file)
    true_cols = _columns(args.true, "--true", header)
    pred_cols = _columns(args.pred, "--pred", header)
    if len(true_cols) != len(pred_cols):
        raise _Refusal(
            f"--true names {len(true_cols)} columns but --pred names {len(pred_cols)}: "
            "give one predicted column per true column"
        )
    labels = None
    if len(true_cols) == 1:
        y_true, y_pred = _as_labels(
            _cells(rows, true_cols[0], header[true_cols[0]]),
            _cells(rows, pred_cols[0], header[pred_cols[0]]),
        )
        if args.labels is not None:
            labels = _label_list(args.labels, numbers=isinstance(y_true[0], int))
    else:
        y_true = _matrix(rows, true_cols, header)
        y_pred = _matrix(rows, pred_cols, header)
        if args.labels is not None:
            names = [header[c] for c in true_cols]
            wanted = _label_list(args.labels, numbers=False)
            for name in wanted:
                if name not in names:
                    raise _Refusal(
                        f"--labels: {name!r} is not one of the --true columns ({args.true})"
                    )
            labels = [names.index(name) for name in wanted]
    weights = None
    if args.weight is not None:
        (column,) = _columns(args.weight, "--weight", header)
        weights = _weights(_cells(rows, column, header[column]), header[column])
    try:
        explanation = ma.explain(y_true, y_pred, labels=labels, sample_weight=weights)
    except ValueError as err:
        raise _Refusal(str(err)) from None
    return str(explanation)


def _matrix(rows: list[list[str]], columns: list[int], header: list[str]) -> list[list[int]]:
    by_column = [_indicator(_cells(rows, c, header[c]), header[c]) for c in columns]
    return [list(row) for row in zip(*by_column, strict=True)]


def _label_list(spec: str, *, numbers: bool) -> list:
    names = [name.strip() for name in spec.split(",")]
    if not spec.strip() or any(not name for name in names):
        raise _Refusal(f"--labels {spec!r} holds a blank label: pass labels as A,B,C")
    if len(set(names)) != len(names):
        raise _Refusal(f"--labels {spec!r} names a label twice: name each label once")
    if numbers:
        bad = [name for name in names if not _WHOLE.fullmatch(name)]
        if bad:
            raise _Refusal(
                f"--labels: {bad[0]!r} is not a whole number, but the label columns hold "
                "whole numbers"
            )
        return [int(name) for name in names]
    return names


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 explained, 2 refused)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        print(_explain(args))
    except _Refusal as refusal:
        print(f"{_PROG}: error: {refusal}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
