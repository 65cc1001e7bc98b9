"""Predictions in files of any size, counted by DuckDB with one ``GROUP BY``.

:func:`count` reads Parquet or CSV/TSV files (a list, expanded from globs by the caller)
with DuckDB, streaming under a memory limit, and returns the groups ``(true, pred, n)``:
``n`` is the number of rows of each pair, or their summed weight, or the summed counts of a
file that is already counted (``counts=``). Only those groups reach Python, so memory does
not grow with the rows. Every check of the cells is an aggregate of the same scan; where one
fails, a second scan finds the first bad row, and :class:`SourceError` names the file, the
line (CSV) or row (Parquet), the column and the fix.

CSV cells are read as text and decided after counting: a label column whose cells are all
whole numbers (``1`` and ``1.0`` alike, as pandas and scikit-learn read them) holds numbers,
any other column text. DuckDB is imported when a file is read.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from microavg.quoting import first_bad_quote
from microavg.targets import EXACT_TOTAL

__all__ = ["Groups", "SourceError", "count", "files_of", "write_example_shards"]

_PARQUET = (".parquet", ".pq")
_DELIMITERS = ",\t;|"
_WHOLE = re.compile(r"[+-]?[0-9]+(?:\.0*)?")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SHOWN = 40


class SourceError(ValueError):
    """A problem with the files or the columns named: one line, for the command line."""


@dataclass(frozen=True)
class Groups:
    """Counted rows: ``n[i]`` rows (or summed weight) have ``true[i]`` and ``pred[i]``.

    For multi-label columns each ``true[i]`` and ``pred[i]`` is a tuple of 0/1.
    ``numbers`` says whether the labels are whole numbers (else text). Counted by batch
    (``batch=`` or ``batch_size=`` of :func:`count`), ``batch[i]`` is the group's batch
    (a batch column's cell, or the number of the batch of consecutive rows from 0), and
    a pair occurs once per batch that holds it.
    """

    true: list
    pred: list
    n: list
    numbers: bool
    rows: int
    batch: list | None = None


def write_example_shards(
    folder: str | Path, shards: int = 3, rows: int = 2_000_000, labels: int = 10
) -> list[Path]:
    """Write lesson 05's evaluation log: ``shards`` Parquet files ``part-S.parquet`` in
    ``folder``, ``rows`` each, columns ``y`` and ``yhat`` over labels ``L0`` … ``L{labels-1}``,
    the prediction right 80% of the time and otherwise a label drawn by hash (possibly the
    right one), deterministic, written by DuckDB without the rows passing through Python.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_example_shards(tmp, shards=2, rows=5)]
    ['part-0.parquet', 'part-1.parquet']
    """
    import duckdb

    written = []
    with duckdb.connect() as con:
        # No progress bar: in a notebook DuckDB draws one for a query past 2 s, so a busy
        # machine would give the lesson an output a quiet one does not.
        con.execute("SET enable_progress_bar = false")
        for s in range(shards):
            target = Path(folder) / f"part-{s}.parquet"
            con.execute(
                f"COPY (SELECT 'L' || (hash(i) % {labels}) AS y, "
                f"CASE WHEN hash(i + 1) % 10 < 8 THEN y ELSE 'L' || (hash(i + 2) % {labels}) END "
                f"AS yhat FROM range({s * rows}, {(s + 1) * rows}) t(i)) "
                f"TO {_literal(str(target))} (FORMAT PARQUET)"
            )
            written.append(target)
    return written


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def shown(value: object) -> str:
    """``repr(value)``, cut to a readable length.

    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (102 characters)"
    """
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) <= _SHOWN:
        return text
    return f"{text[: _SHOWN - 1]}… ({len(text)} characters)"


def files_of(specs: Sequence[str]) -> list[Path]:
    """The files named, each a path or a glob (``shards/*.parquet``), in order.

    >>> files_of(["/nonexistent/*.csv"])
    Traceback (most recent call last):
    ...
    microavg.sources.SourceError: FILE '/nonexistent/*.csv' matches no file: check the pattern
    """
    files: list[Path] = []
    for spec in specs:
        if any(c in spec for c in "*?["):
            root = Path(spec).anchor or "."
            pattern = str(Path(spec).relative_to(root)) if Path(spec).is_absolute() else spec
            found = sorted(p for p in Path(root).glob(pattern) if p.is_file())
            if not found:
                raise SourceError(f"FILE {spec!r} matches no file: check the pattern")
            files += found
        elif Path(spec).is_dir():
            raise SourceError(
                f"FILE {spec!r} is a directory: name its files, e.g. '{spec}/*.parquet'"
            )
        elif not Path(spec).is_file():
            raise SourceError(f"FILE {spec!r} does not exist or is not a file")
        else:
            files.append(Path(spec))
    kinds = {f.suffix.lower() in _PARQUET for f in files}
    if len(kinds) > 1:
        raise SourceError("FILE: Parquet and CSV files mixed: explain one kind at a time")
    return files


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Reader:
    """One DuckDB connection over the files, with the scan as a relation in SQL."""

    def __init__(self, files: list[Path], memory_limit: str, progress: bool) -> None:
        import duckdb  # the command line's engine, loaded when a file is read

        self.duckdb = duckdb
        self.files = files
        self.parquet = files[0].suffix.lower() in _PARQUET
        self.name = str(files[0]) if len(files) == 1 else f"{files[0]} (and {len(files) - 1} more)"
        self.progress = progress
        self.memory_limit = memory_limit
        self._tmp = tempfile.TemporaryDirectory(prefix="microavg-")
        self.con = duckdb.connect(config={"temp_directory": self._tmp.name})
        try:
            self._open(files, memory_limit)
        except BaseException:
            self.close()  # a file refused while opening leaves no temporary directory
            raise

    def _open(self, files: list[Path], memory_limit: str) -> None:
        duckdb = self.duckdb
        not_a_size = SourceError(
            f"--memory-limit {shown(memory_limit)} is not a size: write it as 512MB or 2GB"
        )
        if memory_limit.strip().startswith("-") or "'" in memory_limit:
            raise not_a_size  # DuckDB reads -1 as no limit at all
        try:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        except duckdb.OutOfMemoryException:
            raise SourceError(
                f"--memory-limit {shown(memory_limit)} is too little for DuckDB to start: "
                "give at least 16MB"
            ) from None
        except duckdb.Error:
            raise not_a_size from None
        self.con.execute("SET enable_progress_bar = true")
        self.con.execute("SET enable_progress_bar_print = false")
        self.params = {"files": [str(f) for f in files]}
        if self.parquet:
            self.scan = "read_parquet($files, filename = true, file_row_number = true)"
        else:
            self.delimiter = _delimiter(files[0])
            self.scan = (
                "read_csv($files, all_varchar = true, header = true, null_padding = true, "
                f"delim = '{self.delimiter}', quote = '\"', escape = '\"', filename = true)"
            )
        self.types = dict(
            self.sql(f"SELECT column_name, column_type FROM (DESCRIBE FROM {self.scan})")
        )
        self.types.pop("filename", None)
        self.types.pop("file_row_number", None)
        if not self.parquet:
            _refuse_duplicates(files[0], self.delimiter)

    def close(self) -> None:
        self.con.close()
        self._tmp.cleanup()

    def sql(self, query: str, params: dict | None = None) -> list[tuple]:
        try:
            return self._run(query, {**self.params, **(params or {})})
        except self.duckdb.Error as err:
            said = [line.strip() for line in str(err).splitlines() if line.strip()]
            if any("parallel=false" in line for line in said) and "parallel" not in self.scan:
                # Quoted line breaks with null_padding: DuckDB reads such files serially.
                before = self.scan
                self.scan = before.replace("filename = true", "filename = true, parallel = false")
                return self.sql(query.replace(before, self.scan), params)
            if not self.parquet and any(
                "unterminated quote" in line or "sniffing" in line for line in said
            ):
                self._refuse_bad_quote()
            if isinstance(err, self.duckdb.OutOfMemoryException):
                raise SourceError(
                    f"FILE {self.name!r} cannot be counted within --memory-limit "
                    f"{shown(self.memory_limit)}: give DuckDB more memory"
                ) from None
            if any("unicode" in line.lower() or "utf-8" in line.lower() for line in said):
                raise SourceError(f"FILE {self.name!r} is not UTF-8 text") from None
            why = " ".join(said[:2]) or type(err).__name__
            if len(why) > 200:
                why = why[:199] + "…"
            raise SourceError(f"FILE {self.name!r} cannot be read: {why}") from None

    def _refuse_bad_quote(self) -> None:
        """DuckDB refuses a badly quoted field (or cannot sniff a file holding one) without
        saying where: the line its row starts on, as the page and the kernel say it."""
        for file in self.files:
            try:
                with file.open(encoding="utf-8-sig", newline="") as f:
                    line = first_bad_quote(f, self.delimiter)
            except UnicodeDecodeError:
                continue
            if line is not None:
                raise SourceError(
                    f"FILE {str(file)!r}, line {line}: a quoted field is not closed where it "
                    'ends: end it with a quote (") and write each quote inside it twice ("")'
                ) from None

    def _run(self, query: str, params: dict) -> list[tuple]:
        if not self.progress:
            return self.con.execute(query, params).fetchall()
        done: dict = {}

        def work() -> None:
            try:
                done["rows"] = self.con.execute(query, params).fetchall()
            except Exception as err:  # re-raised in the caller's thread
                done["error"] = err

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        shown_once = False
        while worker.is_alive():
            worker.join(1.0)
            if worker.is_alive():
                percent = self.con.query_progress()
                if percent >= 0:
                    print(
                        f"\rmicroavg: counting {self.name}: {percent:5.1f}%",
                        end="",
                        file=sys.stderr,
                    )
                    shown_once = True
        if shown_once:
            print("\r\033[K", end="", file=sys.stderr)
        if "error" in done:
            raise done["error"]
        return done["rows"]

    def column(self, name: str, option: str) -> str:
        if name not in self.types:
            known = ", ".join(shown(c) for c in self.types)
            raise SourceError(
                f"{option}: FILE {self.name!r} has no column named {shown(name)} "
                f"(its columns are {known})"
            )
        return name

    def where(self, predicate: str, params: dict | None = None) -> str:
        """Where the first row satisfying ``predicate`` is: 'FILE f, line n' or '…, row n'."""
        if self.parquet:
            (hit,) = self.sql(
                f"SELECT filename, file_row_number FROM {self.scan} WHERE {predicate} LIMIT 1",
                params,
            )
            return f"FILE {hit[0]!r}, row {hit[1] + 1}"
        self.con.execute("SET threads = 1")  # rows in file order
        for file in self.files:
            relation = self.con.execute(
                f"SELECT coalesce({predicate}, false) FROM {self.scan}",
                {"files": [str(file)], **(params or {})},
            )
            record = 0
            while batch := relation.fetchmany(100_000):
                for (bad,) in batch:
                    record += 1
                    if bad:
                        return f"FILE {str(file)!r}, line {_line_of(file, self.delimiter, record)}"
        return f"FILE {self.name!r}"


def _delimiter(file: Path) -> str:
    """The delimiter of a CSV/TSV file: the one its header line holds most of."""
    try:
        with file.open(encoding="utf-8-sig", newline="") as f:
            header = f.readline(64 * 1024)
    except UnicodeDecodeError:
        raise SourceError(f"FILE {str(file)!r} is not UTF-8 text") from None
    if not header.strip():
        raise SourceError(f"FILE {str(file)!r} is empty: expected a header row and rows of data")
    return max(_DELIMITERS, key=header.count)


def _refuse_duplicates(file: Path, delimiter: str) -> None:
    with file.open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f, delimiter=delimiter), [])
    seen: set[str] = set()
    twice = [name for name in header if name in seen or seen.add(name)]
    if twice:
        raise SourceError(
            f"FILE {str(file)!r} names the column {shown(twice[0])} twice: "
            "give each column its own name"
        )


def _line_of(file: Path, delimiter: str, record: int) -> int:
    """The line on which data row ``record`` (1 = the first after the header) starts."""
    with file.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        next(reader, None)
        end, seen = reader.line_num, 0
        for row in reader:
            if row:
                seen += 1
                if seen == record:
                    return end + 1
            end = reader.line_num
    return end


def _label_sql(reader: _Reader, name: str) -> str:
    kind = reader.types[name]
    if reader.parquet and not (
        kind in ("VARCHAR", "BOOLEAN") or "INT" in kind or kind in ("FLOAT", "DOUBLE")
    ):
        raise SourceError(
            f"FILE {reader.name!r}: column {shown(name)} holds {kind} values: "
            "labels must be numbers or text"
        )
    return _quote(name)


def count(
    files: list[Path],
    true: Sequence[str],
    pred: Sequence[str],
    *,
    weight: str | None = None,
    counts: str | None = None,
    memory_limit: str = "512MB",
    progress: bool = False,
    batch: str | None = None,
    batch_size: int | None = None,
) -> Groups:
    """Count the rows of ``files`` by (true, pred): one ``GROUP BY`` in DuckDB.

    ``true`` and ``pred`` name one column each (single-label) or as many 0/1 columns
    each (multi-label). ``weight`` names a column of non-negative weights to sum;
    ``counts`` a column that already counts each row's pair. ``batch`` names a column of
    batch ids, or ``batch_size`` makes batches of that many consecutive rows (in the
    files' order, blank lines not counted): the groups are then counted by batch too.
    """
    reader = _Reader(files, memory_limit, progress)
    try:
        return _count(reader, list(true), list(pred), weight, counts, batch, batch_size)
    finally:
        reader.close()


def _count(
    reader: _Reader,
    true: list[str],
    pred: list[str],
    weight: str | None,
    counts: str | None,
    batch: str | None = None,
    batch_size: int | None = None,
) -> Groups:
    for name in true:
        reader.column(name, "--true")
    for name in pred:
        reader.column(name, "--pred")
    keys = [_label_sql(reader, name) for name in true + pred]
    source, batch_key = reader.scan, ""
    if batch is not None:
        reader.column(batch, "--batch")
        batch_key = ", " + _quote(batch)
    elif batch_size is not None:
        # Consecutive rows: DuckDB numbers the scan's rows in the files' order, streaming.
        label_rows = " OR ".join(f"NOT ({_blank_sql(c)})" for c in true + pred)
        source = (
            f"(SELECT *, (row_number() OVER () - 1) // {int(batch_size)} AS __batch "
            f"FROM {reader.scan} WHERE {label_rows})"
        )
        batch_key = ", __batch"
    amount, checks = "count(*)", []
    numeric = None
    for option, name in (("--weight", weight), ("--counts", counts)):
        if name is None:
            continue
        reader.column(name, option)
        value, bad, whole, fix = _amount_sql(reader, name, option == "--counts")
        amount = f"sum({value})"
        checks = [f"count_if({bad})", f"bool_and({whole})"]
        numeric = (option, name, bad, fix)
    rows = reader.sql(
        f"SELECT {', '.join(keys)}, {amount}, count(*){''.join(', ' + c for c in checks)}"
        f"{batch_key} FROM {source} GROUP BY ALL"
    )
    k = len(true)
    blank = [_is_blank(row[: 2 * k]) for row in rows]
    rows = [row for row, b in zip(rows, blank, strict=True) if not b]
    if not rows:
        raise SourceError(f"FILE {reader.name!r} has a header row but no rows of data")
    if numeric is not None:
        option, name, bad, fix = numeric
        if any(row[2 * k + 2] for row in rows):
            # The rows kept are those with any label cell filled (as _is_blank skips groups).
            keep = "(" + " OR ".join(f"NOT ({_blank_sql(c)})" for c in true + pred) + ")"
            at = reader.where(f"({bad}) AND {keep}")
            (cell,) = reader.sql(
                f"SELECT {_quote(name)} FROM {reader.scan} WHERE ({bad}) AND {keep} LIMIT 1"
            )[0]
            said = "is blank" if cell is None or not str(cell).strip() else f"holds {shown(cell)}"
            raise SourceError(f"{at}: {option} column {shown(name)} {said}; {fix}")
    columns = [
        _labels_of(reader, name, [row[i] for row in rows], true + pred)
        for i, name in enumerate(true + pred)
    ]
    if k > 1:
        for name, values in zip(true + pred, columns, strict=True):
            if any(v not in (0, 1) for v in values):
                odd = next(v for v in values if v not in (0, 1))
                at = reader.where(f"trim({_quote(name)}::VARCHAR) = $v", {"v": str(odd)})
                raise SourceError(
                    f"{at}: column {shown(name)} holds {shown(odd)}; multi-label columns "
                    "hold 0 or 1"
                )
    numbers = all(isinstance(v, int) for values in columns for v in values)
    kinds = {
        name: isinstance(values[0], int) for name, values in zip(true + pred, columns, strict=True)
    }
    if len(set(kinds.values())) > 1:
        word = {True: "whole numbers", False: "text"}
        a, b = true[0], next(n for n in true + pred if kinds[n] != kinds[true[0]])
        raise SourceError(
            f"FILE {reader.name!r}: column {shown(a)} holds {word[kinds[a]]} but column "
            f"{shown(b)} holds {word[kinds[b]]}: labels of one kind compare; convert one column"
        )
    batches = [row[-1] for row in rows] if batch_key else [None] * len(rows)
    if batch is not None:
        _check_batches(reader, batch, batches, true + pred)
        batches = [b.strip() if isinstance(b, str) else b for b in batches]
    merged: dict[tuple, int | float] = {}
    whole_amount = numeric is None or all(row[2 * k + 3] for row in rows)
    total_rows = 0
    for i, row in enumerate(rows):
        t = tuple(col[i] for col in columns[:k])
        p = tuple(col[i] for col in columns[k:])
        amount = row[2 * k]
        amount = int(amount) if whole_amount else float(amount)
        key = (batches[i], t, p)
        merged[key] = merged.get(key, 0) + amount
        total_rows += row[2 * k + 1]
    unpack = (lambda x: x[0]) if k == 1 else (lambda x: x)
    return Groups(
        true=[unpack(t) for _, t, _ in merged],
        pred=[unpack(p) for _, _, p in merged],
        n=list(merged.values()),
        numbers=numbers,
        rows=total_rows,
        batch=[b for b, _, _ in merged] if batch_key else None,
    )


def _check_batches(reader: _Reader, name: str, batches: list, labels: list[str]) -> None:
    """Every row has a batch: a blank cell is refused with its line (or row)."""
    if any(b is None or (isinstance(b, str) and not b.strip()) for b in batches):
        keep = " AND ".join(f"NOT ({_blank_sql(c)})" for c in labels)
        at = reader.where(f"({_blank_sql(name)}) AND {keep}")
        raise SourceError(f"{at}: --batch column {shown(name)} is blank; every row needs a batch")
    if any(isinstance(b, float) and b != b for b in batches):
        at = reader.where(f"isnan({_quote(name)})")
        raise SourceError(f"{at}: --batch column {shown(name)} holds nan; every row needs a batch")


def _is_blank(cells: Sequence) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _blank_sql(name: str) -> str:
    return f"{_quote(name)} IS NULL OR trim({_quote(name)}::VARCHAR) = ''"


def _amount_sql(reader: _Reader, name: str, whole_only: bool) -> tuple[str, str, str, str]:
    """(value, bad, whole, fix): SQL for a weight or counts column's value and its checks."""
    col = _quote(name)
    kind = reader.types[name]
    if whole_only:
        fix = "counts must be non-negative whole numbers below 2**52: fix or drop that row"
    else:
        fix = "weights must be non-negative numbers: fix or drop that row"
    if reader.parquet:
        if "INT" in kind:
            bad = f"{col} IS NULL OR {col} < 0"
            if whole_only:
                bad += f" OR {col}::HUGEINT >= {EXACT_TOTAL}"
            return (f"{col}::HUGEINT", bad, "true", fix)
        if kind not in ("FLOAT", "DOUBLE") and not kind.startswith("DECIMAL"):
            raise SourceError(
                f"FILE {reader.name!r}: column {shown(name)} holds {kind} values, not numbers"
            )
        value = f"{col}::DOUBLE"
    else:
        value = f"try_cast(trim({col}) AS DOUBLE)"
        # DuckDB reads 1_000 as a number; pandas and scikit-learn do not.
        value = f"CASE WHEN contains({col}, '_') THEN NULL ELSE {value} END"
    bad = f"{value} IS NULL OR isnan({value}) OR isinf({value}) OR {value} < 0"
    whole = f"{value} = round({value}) AND abs({value}) < 9007199254740992"
    if whole_only:
        # The engine counts exactly below 2**52 in all; a cell beyond would be rounded.
        bad = f"{bad} OR {value} <> round({value}) OR {value} >= {EXACT_TOTAL}"
    return value, bad, whole, fix


def _labels_of(reader: _Reader, name: str, values: list, columns: list[str]) -> list:
    """A column's grouped cells as labels: whole numbers as ints, else text."""
    if reader.parquet:
        out = []
        for v in values:
            if v is None or (isinstance(v, float) and (v != v or v != round(v))):
                predicate = (
                    f"{_quote(name)} IS NULL"
                    if v is None
                    else (f"isnan({_quote(name)})" if v != v else f"{_quote(name)} = $v")
                )
                at = reader.where(predicate, None if v is None or v != v else {"v": v})
                what = "is blank" if v is None else f"holds {v}"
                raise SourceError(
                    f"{at}: column {shown(name)} {what}; labels must be text or whole numbers"
                )
            out.append(int(v) if isinstance(v, float) else v)
        _refuse_nul(reader, name, out)
        return out
    cells = ["" if v is None else v.strip() for v in values]
    _refuse_nul(reader, name, cells)
    if "" in cells:
        keep = " AND ".join(f"NOT ({_blank_sql(c)})" for c in columns if c != name)
        at = reader.where(f"({_blank_sql(name)}) AND {keep or 'true'}")
        raise SourceError(f"{at}: column {shown(name)} is blank; every row needs a label")
    whole = [bool(_WHOLE.fullmatch(c)) for c in cells]
    if all(whole):
        numbers = [_int64(c.split(".")[0]) for c in cells]
        if None in numbers:
            big = cells[numbers.index(None)]
            at = reader.where(f"trim({_quote(name)}) = $v", {"v": big})
            raise SourceError(
                f"{at}: column {shown(name)} holds {shown(big)}: more than int64 holds; "
                "labels this long must be text"
            )
        return numbers
    if any(whole):
        text = cells[whole.index(False)]
        number = cells[whole.index(True)]
        if all(_NUMBER.fullmatch(c) for c in cells):
            at = reader.where(f"trim({_quote(name)}) = $v", {"v": text})
            raise SourceError(
                f"{at}: column {shown(name)} holds {shown(text)}, not a whole number: "
                "labels must be discrete (threshold scores first)"
            )
        at = reader.where(f"trim({_quote(name)}) = $v", {"v": text})
        raise SourceError(
            f"{at}: column {shown(name)} mixes whole numbers ({shown(number)}) and text "
            f"({shown(text)}): a label column holds one or the other"
        )
    return cells


def _refuse_nul(reader: _Reader, name: str, cells: list) -> None:
    """A label ending in NUL would be merged with the same label without it (numpy's
    strings drop trailing NULs): refused with its line, as the engine refuses it."""
    odd = next((c for c in cells if isinstance(c, str) and c.endswith("\x00")), None)
    if odd is not None:
        at = reader.where(f"suffix(trim({_quote(name)}::VARCHAR), chr(0))")
        raise SourceError(
            f"{at}: column {shown(name)} holds {shown(odd)}, a label ending in NUL "
            "('\\x00'), which would be merged with the same label without it: remove the NUL"
        )


def _int64(digits: str) -> int | None:
    """Whole-number text as an int, or None where int64 cannot hold it (no 5,000-digit
    conversion: Python refuses those)."""
    if len(digits.lstrip("+-")) > 19:
        return None
    value = int(digits)
    return value if -(2**63) <= value < 2**63 else None


def label_values(spec: str, numbers: bool) -> list[Hashable]:
    """``--labels A,B`` as labels of the file's kind (whole numbers or text).

    >>> label_values("PER, LOC", numbers=False)
    ['PER', 'LOC']
    >>> label_values("1,x", numbers=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    microavg.sources.SourceError: --labels: 'x' is not a whole number, but the label columns ...
    """
    names = [name.strip() for name in spec.split(",")]
    if not spec.strip() or any(not name for name in names):
        raise SourceError(f"--labels {shown(spec)} holds a blank label: pass labels as A,B,C")
    if len(set(names)) != len(names):
        raise SourceError(f"--labels {shown(spec)} names a label twice: name each label once")
    if not numbers:
        return names
    for name in names:
        if not _WHOLE.fullmatch(name):
            raise SourceError(
                f"--labels: {shown(name)} is not a whole number, but the label columns hold "
                "whole numbers"
            )
        if _int64(name.split(".")[0]) is None:
            raise SourceError(
                f"--labels: {shown(name)} is more than int64 holds, and so is no label of the file"
            )
    return [int(name.split(".")[0]) for name in names]
