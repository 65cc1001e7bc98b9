"""The explain-file explorer: ``microavg explain FILE`` in the page, for a reader with no
kernel and no terminal (a phone, a class projector).

The reader pastes or drops a CSV/TSV text with a header row, picks the column of true labels
and the column of predicted ones (or says a column counts each row's pair: ``true, pred,
n``), ticks the labels to score, and reads what ``microavg explain`` prints for that file
with those options. The page reads and counts the text itself (``static/explain_text.js``),
so the file never leaves the browser. Python reads the same text by the same rules (the
command line's: the delimiter its header line holds most of, a BOM dropped, cells stripped,
rows with both label cells blank skipped, whole-number columns read as numbers, a blank label
refused with its line) and explains the counted pairs with the real :func:`microavg.explain`.
Single-label only: multi-label files (one 0/1 column per label) are refused, pointing to the
command line.

>>> from microavg.explorers import explain_file
>>> ex = explain_file("true,pred\\nA,A\\nA,B\\nB,B\\nC,B\\n")
>>> ex.true, ex.pred, ex.labels
('true', 'pred', None)
>>> print(ex.said.splitlines()[0])
Micro precision 1/2 (50.0%), recall 1/2 (50.0%), F1 1/2 (50.0%); accuracy 1/2 (50.0%).
>>> ex.labels = ["A", "B"]
>>> ex.explanation.causes, ex.explanation.left_out[0]
(('labels',), LeftOut(label='C', out_of=1, into=0))
>>> ex.text = "true,pred\\nA,\\n"  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: pasted text, line 2: column 'pred' is blank; ...
>>> ex.labels
['A', 'B']
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Hashable, Sequence
from functools import cache

import traitlets as t

from microavg.explanation import Explanation, explain
from microavg.explorers.base import STATIC, Explorer, front_end
from microavg.explorers.rules import RefusedEdit

__all__ = ["ExplainFile", "explain_file", "read_counts"]

_DELIMITERS = ",\t;|"
_WHOLE = re.compile(r"[+-]?[0-9]+(?:\.0*)?")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_CUT = 40
_MAX_COUNT = 2**52


@cache
def _rules() -> dict:
    """``static/explain_rules.js``'s data: what follows ``export default`` is JSON."""
    text = (STATIC / "explain_rules.js").read_text(encoding="utf-8")
    body = text.split("\nexport default", 1)[1].strip().rstrip(";")
    return json.loads(body)


def _say(template: str, **values: object) -> RefusedEdit:
    words = _rules()["messages"][template]
    return RefusedEdit(re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), words))


def _controls() -> dict:
    return _rules()["controls"]


def shown(value: object) -> str:
    """A value as a refusal shows it (``microavg.sources.shown``): repr, cut at 40."""
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) <= _CUT:
        return text
    return f"{text[: _CUT - 1]}… ({len(text)} characters)"


def _prepared(text: object) -> tuple[str, str]:
    source = _controls()["text"]
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise _say("not_utf8", source=source) from None
    if not isinstance(text, str):
        raise _say("not_text", source=source, got=type(text).__name__)
    limit = _rules()["limits"]["max_chars"]
    if len(text.encode("utf-16-le")) // 2 > limit:
        raise _say("too_long", source=source, got=f"{len(text):,}", high=f"{limit:,}")
    if text.startswith("\ufeff"):
        text = text[1:]
    header = re.split(r"[\r\n]", text[:65536], maxsplit=1)[0]
    if not header.strip():
        raise _say("empty", source=source)
    return text, max(_DELIMITERS, key=header.count)


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Each row with the line it starts on (empty lines skipped, as csv.reader yields [])."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out, end = [], 0
    for row in reader:
        if row:
            out.append((end + 1, row))
        end = reader.line_num
    return out


def _header(rows: list) -> list[str]:
    first = rows[0][1] if rows else []
    seen: set[str] = set()
    for name in first:
        if name in seen:
            raise _say("twice", source=_controls()["text"], name=shown(name))
        seen.add(name)
    return [name.strip() for name in first]


def read_columns(text: object) -> list[str]:
    """The columns of a CSV/TSV text's header row, as the command line names them."""
    text, delimiter = _prepared(text)
    return _header(_rows(text, delimiter))


def _column(columns: list[str], name: object, field: str, known: str) -> int:
    if isinstance(name, list | tuple):
        if len(name) > 1:
            raise _say("multilabel", field=field)
        name = name[0] if name else ""
    if not isinstance(name, str) or not name:
        raise _say("pick", field=field, known=known)
    if "," in name:
        raise _say("multilabel", field=field)
    if name.strip() not in columns:
        raise _say(
            "no_column",
            field=field,
            source=_controls()["text"],
            name=shown(name.strip()),
            known=known,
        )
    return columns.index(name.strip())


def _count_of(cell: str | None) -> int | None:
    """A counts cell as DuckDB's ``try_cast(trim(cell) AS DOUBLE)`` reads it, checked."""
    if not cell or "_" in cell:
        return None
    text = cell.strip(" ")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        return None
    if value != round(value) or value >= _MAX_COUNT:
        return None
    return int(value)


def _int64(cell: str) -> int | None:
    digits = cell.split(".")[0]
    if len(digits.lstrip("+-")) > 19:
        return None
    value = int(digits)
    return value if -(2**63) <= value < 2**63 else None


def _typed(cells: list[str], name: str, at) -> dict:
    """A label column's distinct cells as labels: whole numbers as ints, else text."""
    odd = next((c for c in cells if c.endswith("\x00")), None)
    if odd is not None:
        raise _say("nul", at=at(lambda c: c.endswith("\x00")), name=shown(name), cell=shown(odd))
    whole = [bool(_WHOLE.fullmatch(c)) for c in cells]
    if all(whole):
        out = {}
        for c in cells:
            value = _int64(c)
            if value is None:
                raise _say("int64", at=at(lambda x, c=c: x == c), name=shown(name), cell=shown(c))
            out[c] = value
        return out
    if any(whole):
        text, number = cells[whole.index(False)], cells[whole.index(True)]
        where = at(lambda x: x == text)
        if all(_NUMBER.fullmatch(c) for c in cells):
            raise _say("not_whole", at=where, name=shown(name), cell=shown(text))
        raise _say("mixes", at=where, name=shown(name), number=shown(number), text=shown(text))
    return {c: c for c in cells}


def read_counts(
    text: object, true: object, pred: object, counts: str | None = None
) -> tuple[list, list, list[int]]:
    """A CSV/TSV text's (true, pred) pairs, each with its count, read by the command
    line's rules; refused (``RefusedEdit``) as the command line refuses the file.

    >>> read_counts("y,p,n\\nA,A,2\\nA,B,1\\n", "y", "p", counts="n")
    (['A', 'A'], ['A', 'B'], [2, 1])
    """
    controls, source = _controls(), _controls()["text"]
    text, delimiter = _prepared(text)
    rows = _rows(text, delimiter)
    columns = _header(rows)
    known = ", ".join(shown(c) for c in columns)
    ti = _column(columns, true, controls["true"], known)
    pi = _column(columns, pred, controls["pred"], known)
    ci = -1 if not counts else _column(columns, counts, controls["counts"], known)
    pairs: dict[tuple[str, str], int] = {}
    kept, bad, bad_any, blank_at = 0, None, None, [None, None]
    data = rows[1:]

    def cell(row: list[str], i: int) -> str:
        return row[i].strip() if i < len(row) else ""

    for line, row in data:
        tc, pc = cell(row, ti), cell(row, pi)
        if not tc and not pc:
            continue
        kept += 1
        if not tc and blank_at[0] is None:
            blank_at[0] = line
        if not pc and blank_at[1] is None:
            blank_at[1] = line
        n = 1
        if ci >= 0:
            n = _count_of(row[ci] if ci < len(row) else None)
            if n is None:
                bad_any = bad_any or (line, row)
                if bad is None and tc and pc:
                    bad = (line, row)
                continue
        pairs[tc, pc] = pairs.get((tc, pc), 0) + n
    if not kept:
        raise _say("no_rows", source=source)
    if bad_any is not None:
        line, row = bad or bad_any
        value = row[ci] if ci < len(row) and row[ci] != "" else None
        raise _say(
            "bad_count",
            at=f"{source}, line {line}",
            field=controls["counts"],
            name=shown(columns[ci]),
            cell=shown(value),
        )
    names, indices = (columns[ti], columns[pi]), (ti, pi)
    kinds = []
    for side in (0, 1):
        cells = list(dict.fromkeys(pair[side] for pair in pairs))
        this, other = indices[side], indices[1 - side]

        def at(test, this=this, other=other) -> str:
            for line, row in data:
                if cell(row, other) and test(cell(row, this)):
                    return f"{source}, line {line}"
            return source

        if any(c.endswith("\x00") for c in cells):
            _typed(cells, names[side], at)
        if blank_at[side] is not None:
            raise _say("blank", at=f"{source}, line {blank_at[side]}", name=shown(names[side]))
        kinds.append(_typed(cells, names[side], at))
    numbers = [isinstance(next(iter(k.values())), int) for k in kinds]
    if numbers[0] != numbers[1]:
        word = {True: "whole numbers", False: "text"}
        raise _say(
            "kinds",
            source=source,
            a=shown(names[0]),
            kind_a=word[numbers[0]],
            b=shown(names[1]),
            kind_b=word[numbers[1]],
        )
    merged: dict[tuple, int] = {}
    for (tc, pc), n in pairs.items():
        key = (kinds[0][tc], kinds[1][pc])
        merged[key] = merged.get(key, 0) + n
    total = sum(merged.values())
    if ci >= 0 and total == 0:
        raise _say("zero_counts", field=controls["counts"], name=shown(columns[ci]))
    if ci >= 0 and total >= _MAX_COUNT:
        raise _say(
            "too_many_rows", field=controls["counts"], name=shown(columns[ci]), got=shown(total)
        )
    distinct = {x for key in merged for x in key}
    limit = _rules()["limits"]["max_labels"]
    if len(distinct) > limit:
        raise _say("too_many_labels", source=source, got=f"{len(distinct):,}", high=f"{limit:,}")
    return [k[0] for k in merged], [k[1] for k in merged], list(merged.values())


def _labels_option(labels: object, numbers: bool) -> list | None:
    field = _controls()["labels"]
    if labels is None:
        return None
    if not isinstance(labels, list | tuple):
        raise _say("labels_not_list", field=field, got=type(labels).__name__)
    if not labels:
        raise _say("labels_none", field=field)
    seen, out = set(), []
    for raw in labels:
        name = str(raw).strip()
        if not name:
            raise _say("labels_blank", field=field)
        if name in seen:
            raise _say("labels_twice", field=field, name=shown(name))
        seen.add(name)
        if not numbers:
            out.append(name)
        elif not _WHOLE.fullmatch(name):
            raise _say("labels_not_whole", field=field, name=shown(name))
        elif _int64(name) is None:
            raise _say("labels_int64", field=field, name=shown(name))
        else:
            out.append(_int64(name))
    if len(set(out)) != len(out):
        raise _say("labels_twice", field=field, name=shown(str(labels[-1])))
    return out


def explain_text(
    text: object,
    true: object,
    pred: object,
    *,
    counts: str | None = None,
    labels: Sequence[Hashable] | None = None,
) -> Explanation:
    """What ``microavg explain`` says of this CSV/TSV text: read, counted, and explained
    by :func:`microavg.explain`, each pair weighted by its count, told as items."""
    y_true, y_pred, n = read_counts(text, true, pred, counts)
    numbers = isinstance(y_true[0], int)
    chosen = _labels_option(None if labels is None else list(labels), numbers)
    explanation = explain(y_true, y_pred, labels=chosen, sample_weight=n)
    # Counts of rows are no sample_weight: told as items, without the weights finding.
    findings = tuple(f for f in explanation.findings if f.kind != "weights")
    return dataclasses.replace(explanation, weighted=False, findings=findings)


class ExplainFile(Explorer):
    """The explain-file explorer; build it with :func:`explain_file`.

    Attributes
    ----------
    text : str
        The pasted CSV/TSV text, a header row first ("" before anything is pasted).
    true, pred : str
        The columns of true and predicted labels (by default the first two).
    counts : str
        A column counting each row's pair (``true, pred, n``), or "" for one row an item.
    labels : list of str, or None
        The labels scored, as text (``--labels``); None scores every label.
    """

    _esm = t.Unicode(front_end("explain_file")).tag(sync=True)
    text = t.Unicode("").tag(sync=True)
    true = t.Unicode("").tag(sync=True)
    pred = t.Unicode("").tag(sync=True)
    counts = t.Unicode("").tag(sync=True)
    labels = t.Any(None).tag(sync=True)

    _state = ("text", "true", "pred", "counts", "labels")

    def _defaults(self, changes: dict, current: dict) -> dict:
        """New text: columns kept where the text still has them, else the first two; every
        label scored (after new columns too)."""
        if "labels" not in changes and {"true", "pred", "counts"} & set(changes):
            changes = {**changes, "labels": None}
        if "text" not in changes or not isinstance(changes["text"], str):
            return changes
        try:
            columns = read_columns(changes["text"]) if changes["text"] else []
        except RefusedEdit:
            return changes
        out = dict(changes)
        for name, fallback in (("true", 0), ("pred", 1)):
            if name not in changes and current.get(name) not in columns:
                out[name] = columns[fallback] if len(columns) > fallback else ""
        if "counts" not in changes and current.get("counts") not in columns:
            out["counts"] = ""
        if "labels" not in changes:
            out["labels"] = None
        return out

    def _check(self, state: dict) -> dict:
        state = {**{"text": "", "true": "", "pred": "", "counts": "", "labels": None}, **state}
        if not isinstance(state["text"], str):
            raise _say("not_text", source=_controls()["text"], got=type(state["text"]).__name__)
        for name in ("true", "pred", "counts"):
            if isinstance(state[name], list | tuple) and len(state[name]) > 1:
                raise _say("multilabel", field=_controls()[name])
        labels = state["labels"]
        if labels is not None:
            labels = [str(x) for x in labels] if isinstance(labels, list | tuple) else labels
        if state["text"]:
            self.__dict__["_explanation"] = explain_text(
                state["text"],
                state["true"],
                state["pred"],
                counts=state["counts"] or None,
                labels=labels,
            )
        else:
            self.__dict__["_explanation"] = None
        return {**state, "labels": labels}

    @property
    def explanation(self) -> Explanation | None:
        """:func:`microavg.explain` of the text's counted rows (None before a paste)."""
        return self.__dict__.get("_explanation")

    @property
    def said(self) -> str:
        """What ``microavg explain`` prints for this text and these options."""
        return "" if self.explanation is None else str(self.explanation)


def explain_file(
    text: str = "",
    true: str | None = None,
    pred: str | None = None,
    *,
    counts: str | None = None,
    labels: Sequence[str] | None = None,
) -> ExplainFile:
    """An explorer that explains a pasted CSV/TSV text as ``microavg explain`` does.

    Parameters
    ----------
    text : str
        The text, a header row first; "" for an empty box to paste into.
    true, pred : str, optional
        The columns of true and predicted labels (by default the first two).
    counts : str, optional
        A column counting each row's (true, pred) pair.
    labels : sequence of str, optional
        The labels to score (by default all).

    Raises
    ------
    RefusedEdit
        A ``ValueError`` naming the field and the fix, as the command line refuses the file.
    """
    state: dict = {"text": text}
    for name, value in (("true", true), ("pred", pred), ("counts", counts)):
        if value is not None:
            state[name] = value
    if labels is not None:
        state["labels"] = list(labels)
    return ExplainFile(**state)
