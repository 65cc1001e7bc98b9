"""The command line: ``python -m microavg explain FILE|GLOB --true COL --pred COL``.

Counts Parquet or CSV/TSV files (or globs of shards) with one ``GROUP BY true, pred`` in
DuckDB (:mod:`microavg.sources`), streaming under ``--memory-limit``, then prints what
:func:`microavg.explain` says of the counted rows. Multi-label files hold one 0/1 column per
label: ``--true t_A,t_B --pred p_A,p_B``. ``--counts n`` reads a file already counted as
``true, pred, n``. ``--library NAME`` (or ``all``) adds what scikit-learn, torchmetrics and
Keras report on the same rows (:mod:`microavg.libraries`); ``--batch COL`` or
``--batch-size N`` adds what averaging per-batch scores would report. Both are computed
from the counted groups, never from the rows. Anything wrong (a missing file, an unknown
column, a blank label, a negative weight, a bad ``--labels``) is told in one line on stderr
naming the file, the line and the column, and the exit status is 2; no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from microavg import grouped, sources
from microavg.libraries import LIBRARIES, UNAVAILABLE
from microavg.sources import shown
from microavg.targets import EXACT_TOTAL, check_sample_weight

__all__ = ["main"]

_PROG = "microavg"


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
        help="explain the micro scores of predictions in Parquet or CSV/TSV files",
        description=(
            "Count the predictions in Parquet files or CSV/TSV files with a header row (any\n"
            "size: DuckDB counts them in one GROUP BY, streaming), score them as scikit-learn\n"
            "does, and say whether micro precision, recall, F1 and accuracy agree, and why.\n"
            "CSV columns of whole numbers (1 or 1.0) are read as numbers, any other as text."
        ),
        epilog=(
            "examples:\n"
            "  microavg explain preds.csv --true label --pred prediction\n"
            "  microavg explain 'shards/*.parquet' --true y --pred yhat\n"
            "  microavg explain counted.csv --true y --pred yhat --counts n\n"
            "  microavg explain ner.tsv --true gold --pred guess --labels PER,LOC,ORG\n"
            "  microavg explain tags.csv --true t_cat,t_dog --pred p_cat,p_dog\n"
            "  microavg explain preds.csv --true y --pred yhat --library torchmetrics\n"
            "  microavg explain preds.csv --true y --pred yhat --batch-size 32\n\n"
            "Exit status: 0 when explained, 2 for a problem with the input (told on stderr)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="Parquet or CSV/TSV files, or globs such as 'shards/*.parquet' (quoted)",
    )
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
    explain.add_argument(
        "--counts",
        metavar="COL",
        help="a column counting the rows of each (true, pred) pair: the file is already counted",
    )
    explain.add_argument(
        "--library",
        metavar="NAME",
        help=(
            "also print what a library reports on these rows, and why it differs: "
            f"{', '.join(LIBRARIES)}, or all for the table"
        ),
    )
    explain.add_argument(
        "--batch",
        metavar="COL",
        help=(
            "a column of batch ids: also print the mean of the per-batch macro F1 scores "
            "against the macro F1 of the summed counts"
        ),
    )
    explain.add_argument(
        "--batch-size",
        metavar="N",
        help="the same for batches of N consecutive rows (in the files' order)",
    )
    explain.add_argument(
        "--memory-limit",
        default="512MB",
        metavar="SIZE",
        help="the most memory DuckDB may use while counting (default: 512MB)",
    )
    return parser


def _explain(args: argparse.Namespace) -> str:
    true = [name.strip() for name in args.true.split(",")]
    pred = [name.strip() for name in args.pred.split(",")]
    if len(true) != len(pred):
        raise _Refusal(
            f"--true names {len(true)} columns but --pred names {len(pred)}: "
            "give one predicted column per true column"
        )
    for option, names in (("--true", true), ("--pred", pred)):
        twice = next((name for n, name in enumerate(names) if name in names[:n]), None)
        if twice is not None:
            raise _Refusal(
                f"{option}: the column {shown(twice)} is named twice; give each tag its own column"
            )
    same = next((name for name in pred if name and name in true), None)
    if same is not None:
        raise _Refusal(
            f"--pred and --true both name the column {shown(same)}: a column scored against "
            "itself is always right; choose the column of predictions"
        )
    for option, value in (("--weight", args.weight), ("--counts", args.counts)):
        if value is not None and "," in value:
            raise _Refusal(f"{option} names one column, got {shown(value)}")
    if args.weight is not None and args.counts is not None:
        raise _Refusal("--weight and --counts: give one (a counted file has no per-row weights)")
    if args.counts is not None and len(true) > 1:
        raise _Refusal("--counts: a counted file cannot hold multi-label rows; give the rows")
    library = _library(args.library)
    if library is not None and args.weight is not None:
        raise _Refusal(
            "--library and --weight: the libraries compared are reproduced on counted rows, "
            "without weights; drop one"
        )
    batch_size = _batch_options(args, multi=len(true) > 1)
    groups = sources.count(
        sources.files_of(args.file),
        true,
        pred,
        weight=args.weight,
        counts=args.counts,
        memory_limit=args.memory_limit,
        progress=sys.stderr.isatty(),
        batch=args.batch,
        batch_size=batch_size,
    )
    amounts = ("--weight", args.weight) if args.weight is not None else ("--counts", args.counts)
    if amounts[1] is not None and not any(groups.n):
        raise _Refusal(
            f"{amounts[0]} column {shown(amounts[1])} is 0 on every row: at least one row "
            "must count"
        )
    total = sum(groups.n)  # an int when every count (or weight) is whole
    if amounts[1] is not None and isinstance(total, int) and total >= EXACT_TOTAL:
        rows = " rows" if args.counts is not None else ""
        raise _Refusal(
            f"{amounts[0]} column {shown(amounts[1])} sums to {shown(total)}{rows}: "
            "the engine counts exactly below 2**52 in all"
        )
    if args.weight is not None:
        try:  # the weights' total, checked as the engine checks it, named as an option
            check_sample_weight(groups.n, len(groups.n), f"--weight column {shown(args.weight)}")
        except ValueError as err:
            raise _Refusal(str(err)) from None
    if batch_size is not None and batch_size > groups.rows:
        raise _Refusal(
            f"--batch-size {batch_size} is more than the {groups.rows} rows counted: "
            f"give a batch size from 1 to {groups.rows}"
        )
    labels = None
    if args.labels is not None:
        if len(true) == 1:
            labels = sources.label_values(args.labels, numbers=groups.numbers)
            seen = set(groups.true) | set(groups.pred)
            for label in labels:
                if label not in seen:
                    print(
                        f"{_PROG}: warning: --labels names {shown(label)}, which no row holds "
                        "as its true or predicted label",
                        file=sys.stderr,
                    )
        else:
            wanted = sources.label_values(args.labels, numbers=False)
            for name in wanted:
                if name not in true:
                    raise _Refusal(
                        f"--labels: {shown(name)} is not one of the --true columns ({args.true})"
                    )
            labels = [true.index(name) for name in wanted]
    try:
        explanation = grouped.explain(
            groups.true,
            groups.pred,
            groups.n,
            labels,
            weighted=args.weight is not None,
            batch=groups.batch,
        )
    except ValueError as err:
        raise _Refusal(str(err)) from None
    said = [str(explanation)]
    if library is not None:
        try:
            said.append(
                grouped.compare_text(
                    groups.true, groups.pred, groups.n, library=library, labels=labels
                )
            )
        except ValueError as err:
            raise _Refusal(f"--library {library}: {err}") from None
    return "\n\n".join(said)


def _library(name: str | None) -> str | None:
    """``--library`` checked before any file is read: a known name, or all."""
    if name is None:
        return None
    name = name.strip()
    if name in UNAVAILABLE:
        raise _Refusal(f"--library {shown(name)} is not reproduced: {UNAVAILABLE[name]}")
    known = ("all", *LIBRARIES)
    if name not in known:
        raise _Refusal(f"--library {shown(name)} is not known: use one of {', '.join(known)}")
    return name


def _batch_options(args: argparse.Namespace, *, multi: bool) -> int | None:
    """``--batch`` and ``--batch-size`` checked against each other and the other options;
    returns the batch size (or None)."""
    if args.batch is None and args.batch_size is None:
        return None
    option = "--batch" if args.batch is not None else "--batch-size"
    if args.batch is not None and args.batch_size is not None:
        raise _Refusal("--batch and --batch-size: give one (a batch column or a batch size)")
    if args.batch is not None and "," in args.batch:
        raise _Refusal(f"--batch names one column, got {shown(args.batch)}")
    if multi:
        raise _Refusal(f"{option}: per-batch scores are told for single-label data")
    if args.weight is not None:
        raise _Refusal(f"{option} and --weight: per-batch scores are told for unweighted rows")
    if args.labels is not None:
        raise _Refusal(f"{option} and --labels: per-batch scores are told over every label")
    if args.batch_size is None:
        return None
    if args.counts is not None:
        raise _Refusal(
            "--batch-size and --counts: a counted file keeps no row order; "
            "give a --batch column instead"
        )
    text = args.batch_size.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18 or int(text) < 1:
        raise _Refusal(
            f"--batch-size must be a whole number of rows from 1, got {shown(args.batch_size)}"
        )
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 explained, 2 refused)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        print(_explain(args), flush=True)
    except (_Refusal, sources.SourceError) as refusal:
        print(f"{_PROG}: error: {refusal}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `microavg explain … | head`: the reader stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
