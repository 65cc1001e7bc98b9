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
A multi-label file (one 0/1 column per tag, true and predicted) is read the same way when
the reader picks its true tag columns and as many predicted ones, as ``microavg explain FILE
--true t_A,t_B --pred p_A,p_B`` reads it.

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
>>> tags = explain_file("t_a,t_b,p_a,p_b\\n1,0,1,1\\n0,1,0,1\\n", ["t_a", "t_b"], ["p_a", "p_b"])
>>> tags.explanation.causes, tags.explanation.extra_tags
(('multilabel',), 1)
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
from microavg.quoting import first_bad_quote

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
    """Each row with the line it starts on (empty lines skipped, as csv.reader yields []);
    a badly quoted field refused, as the command line refuses it."""
    try:
        return _csv_rows(text, delimiter, strict=True)
    except csv.Error:
        line = first_bad_quote(io.StringIO(text, newline=""), delimiter)
        if line is not None:
            raise _say("bad_quote", at=f"{_controls()['text']}, line {line}") from None
        return _csv_rows(text, delimiter, strict=False)  # spaces after a closing quote


def _csv_rows(text: str, delimiter: str, strict: bool) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
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


def _names(option: object) -> list:
    """The columns a true or pred option names: one name, a list of names, or names
    separated by commas, as the command line takes them (``--true t_A,t_B``)."""
    if isinstance(option, list | tuple):
        return list(option)
    return option.split(",") if isinstance(option, str) else [option]


def _present(option: object, columns: list[str]) -> bool:
    """Whether every column an option names is a column of the text."""
    names = _names(option)
    return all(isinstance(name, str) and name.strip() in columns for name in names)


def _column(columns: list[str], name: object, field: str, known: str) -> int:
    if not isinstance(name, str) or not name:
        raise _say("pick", field=field, known=known)
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


@dataclasses.dataclass
class _Tally:
    """Every row with any label cell filled, counted by its label cells (stripped), with
    what the checks need of the rows: the first row with a bad count (preferring one with
    every label cell filled), and per label column whether a kept row leaves it blank and the
    first row leaving only it blank."""

    groups: dict[tuple[str, ...], int]
    kept: int = 0
    bad: tuple[int, list[str]] | None = None
    bad_any: tuple[int, list[str]] | None = None
    blank: list[bool] = dataclasses.field(default_factory=list)
    blank_at: list[int | None] = dataclasses.field(default_factory=list)


def _tally(data: list, label_columns: list[int], counts_column: int) -> _Tally:
    width = len(label_columns)
    seen = _Tally({}, blank=[False] * width, blank_at=[None] * width)
    for line, row in data:
        cells = tuple(row[i].strip() if i < len(row) else "" for i in label_columns)
        filled = sum(1 for c in cells if c)
        if not filled:
            continue
        seen.kept += 1
        for c, cell in enumerate(cells):
            if not cell:
                seen.blank[c] = True
                if filled == width - 1 and seen.blank_at[c] is None:
                    seen.blank_at[c] = line
        n = 1
        if counts_column >= 0:
            n = _count_of(row[counts_column] if counts_column < len(row) else None)
            if n is None:
                seen.bad_any = seen.bad_any or (line, row)
                if seen.bad is None and filled == width:
                    seen.bad = (line, row)
                continue
        seen.groups[cells] = seen.groups.get(cells, 0) + n
    return seen


def _typed(cells: list[str], name: str, blank_at: str | None, at) -> dict:
    """A label column's distinct cells as labels, checked in the command line's order (a
    NUL, a blank, then one kind): whole numbers as ints, else text."""
    odd = next((c for c in cells if c.endswith("\x00")), None)
    if odd is not None:
        raise _say("nul", at=at(lambda c: c.endswith("\x00")), name=shown(name), cell=shown(odd))
    if blank_at is not None:
        raise _say("blank", at=blank_at, name=shown(name))
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


@dataclasses.dataclass(frozen=True)
class _Read:
    """A text read and counted: ``true[i]``, ``pred[i]`` (labels, or tuples of 0/1 for a
    multi-label file) hold ``n[i]`` rows; ``names`` are the true tag columns' names."""

    true: list
    pred: list
    n: list[int]
    tags: bool
    names: list[str]


def _read(text: object, true: object, pred: object, counts: str | None) -> _Read:
    controls, source = _controls(), _controls()["text"]
    true_names, pred_names = _names(true), _names(pred)
    tags = len(true_names) > 1 or len(pred_names) > 1
    if tags and len(true_names) != len(pred_names):
        raise _say(
            "tag_counts",
            true=controls["true_tags"],
            got_true=len(true_names),
            pred=controls["pred_tags"],
            got_pred=len(pred_names),
        )
    for field, names in (("true_tags", true_names), ("pred_tags", pred_names)):
        stripped = [name.strip() if isinstance(name, str) else name for name in names]
        twice = next((name for n, name in enumerate(stripped) if name in stripped[:n]), None)
        if twice is not None:
            raise _say("tag_twice", field=controls[field], name=shown(twice))
    fields = (
        (controls["true_tags"], controls["pred_tags"])
        if tags
        else (controls["true"], controls["pred"])
    )
    # A column named as true and as predicted labels (blank names are asked for below).
    true_named = {n.strip() for n in true_names if isinstance(n, str) and n.strip()}
    same = next(
        (n.strip() for n in pred_names if isinstance(n, str) and n.strip() in true_named), None
    )
    if same is not None:
        raise _say("same_column", pred=fields[1], true=fields[0], name=shown(same))
    if tags and counts:
        raise _say("tags_counted", field=controls["counts"])
    text, delimiter = _prepared(text)
    rows = _rows(text, delimiter)
    columns = _header(rows)
    known = ", ".join(shown(c) for c in columns)
    for field, names in zip(fields, (true_names, pred_names), strict=True):
        if not names:
            raise _say("pick", field=field, known=known)
    label_columns = [_column(columns, name, fields[0], known) for name in true_names]
    label_columns += [_column(columns, name, fields[1], known) for name in pred_names]
    ci = -1 if not counts else _column(columns, counts, controls["counts"], known)
    data = rows[1:]
    seen = _tally(data, label_columns, ci)
    if not seen.kept:
        raise _say("no_rows", source=source)
    if seen.bad_any is not None:
        line, row = seen.bad or seen.bad_any
        cell = row[ci] if ci < len(row) else ""
        words = {"at": f"{source}, line {line}", "field": controls["counts"]}
        words["name"] = shown(columns[ci])
        if not cell.strip():
            raise _say("blank_count", **words)
        raise _say("bad_count", **words, cell=shown(cell))

    def at(index: int, test) -> str:
        """Where the first row whose stripped cell in column ``index`` passes ``test`` is."""
        for line, row in data:
            if test(row[index].strip() if index < len(row) else ""):
                return f"{source}, line {line}"
        return source

    names = [columns[i] for i in label_columns]
    kinds = []
    for c, index in enumerate(label_columns):
        cells = list(dict.fromkeys(key[c] for key in seen.groups))
        blank_at = None
        if seen.blank[c]:
            blank_at = source if seen.blank_at[c] is None else f"{source}, line {seen.blank_at[c]}"
        kinds.append(_typed(cells, names[c], blank_at, lambda test, i=index: at(i, test)))
    if tags:
        for c, kind in enumerate(kinds):
            odd = next((v for v in kind.values() if v not in (0, 1)), None)
            if odd is not None:
                where = at(label_columns[c], lambda cell, odd=odd: cell == str(odd))
                raise _say("not_tag", at=where, name=shown(names[c]), cell=shown(odd))
        k = len(true_names)
        merged: dict[tuple, int] = {}
        for key, n in seen.groups.items():
            bits = tuple(kind[cell] for kind, cell in zip(kinds, key, strict=True))
            merged[bits] = merged.get(bits, 0) + n
        return _Read(
            [b[:k] for b in merged],
            [b[k:] for b in merged],
            list(merged.values()),
            tags=True,
            names=[name.strip() for name in true_names],
        )
    return _pairs(names, kinds, seen.groups, None if ci < 0 else columns[ci])


def _pairs(names: list[str], kinds: list[dict], groups: dict, counts: str | None) -> _Read:
    """A single-label file's groups as pairs of labels (1 and 1.0 are one number), checked."""
    controls, source = _controls(), _controls()["text"]
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
    for (tc, pc), n in groups.items():
        key = (kinds[0][tc], kinds[1][pc])
        merged[key] = merged.get(key, 0) + n
    total = sum(merged.values())
    if counts is not None and total == 0:
        raise _say("zero_counts", field=controls["counts"], name=shown(counts))
    if counts is not None and total >= _MAX_COUNT:
        raise _say("too_many_rows", field=controls["counts"], name=shown(counts), got=shown(total))
    distinct = {x for key in merged for x in key}
    limit = _rules()["limits"]["max_labels"]
    if len(distinct) > limit:
        raise _say("too_many_labels", source=source, got=f"{len(distinct):,}", high=f"{limit:,}")
    return _Read(
        [k[0] for k in merged], [k[1] for k in merged], list(merged.values()), tags=False, names=[]
    )


def read_counts(
    text: object, true: object, pred: object, counts: str | None = None
) -> tuple[list, list, list[int]]:
    """A CSV/TSV text's (true, pred) pairs, each with its count, read by the command
    line's rules; refused (``RefusedEdit``) as the command line refuses the file. For a
    multi-label file (``true`` and ``pred`` naming as many 0/1 columns each), each true and
    predicted row is a tuple of 0/1.

    >>> read_counts("y,p,n\\nA,A,2\\nA,B,1\\n", "y", "p", counts="n")
    (['A', 'A'], ['A', 'B'], [2, 1])
    >>> read_counts("t_a,t_b,p_a,p_b\\n1,0,1,1\\n1,0,1,1\\n", "t_a,t_b", ["p_a", "p_b"])
    ([(1, 0)], [(1, 1)], [2])
    """
    read = _read(text, true, pred, counts)
    return read.true, read.pred, read.n


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


def _tags_option(labels: object, names: list[str]) -> list[int] | None:
    """The labels scored of a multi-label file: names of its true tag columns, as their
    indices (the command line's ``--labels t_A``)."""
    chosen = _labels_option(labels, numbers=False)
    if chosen is None:
        return None
    for name in chosen:
        if name not in names:
            raise _say(
                "labels_not_tag",
                field=_controls()["labels"],
                name=shown(name),
                true=_controls()["true_tags"],
                known=",".join(names),
            )
    return [names.index(name) for name in chosen]


def explain_text(
    text: object,
    true: object,
    pred: object,
    *,
    counts: str | None = None,
    labels: Sequence[Hashable] | None = None,
) -> Explanation:
    """What ``microavg explain`` says of this CSV/TSV text: read, counted, and explained
    by :func:`microavg.explain`, each pair (or row of tags) weighted by its count, told as
    items."""
    read = _read(text, true, pred, counts)
    chosen = None if labels is None else list(labels)
    if read.tags:
        scored = _tags_option(chosen, read.names)
    else:
        scored = _labels_option(chosen, isinstance(read.true[0], int))
    explanation = explain(read.true, read.pred, labels=scored, sample_weight=read.n)
    # Counts of rows are no sample_weight: told as items, without the weights finding.
    findings = tuple(f for f in explanation.findings if f.kind != "weights")
    return dataclasses.replace(explanation, weighted=False, findings=findings)


class ExplainFile(Explorer):
    """The explain-file explorer; build it with :func:`explain_file`.

    Attributes
    ----------
    text : str
        The pasted CSV/TSV text, a header row first ("" before anything is pasted).
    true, pred : str or list of str
        The columns of true and predicted labels (by default the first two); for a
        multi-label file, its 0/1 columns, as many of each, paired in order (a list, or the
        names comma-separated as ``--true t_A,t_B`` takes them).
    counts : str
        A column counting each row's pair (``true, pred, n``), or "" for one row an item.
    labels : list of str, or None
        The labels scored, as text (``--labels``; for a multi-label file, names of true tag
        columns); None scores every label.
    """

    _esm = t.Unicode(front_end("explain_file")).tag(sync=True)
    text = t.Unicode("").tag(sync=True)
    true = t.Union([t.Unicode(), t.List(t.Unicode())], default_value="").tag(sync=True)
    pred = t.Union([t.Unicode(), t.List(t.Unicode())], default_value="").tag(sync=True)
    counts = t.Unicode("").tag(sync=True)
    labels = t.Any(None).tag(sync=True)

    _state = ("text", "true", "pred", "counts", "labels")

    def _defaults(self, changes: dict, current: dict) -> dict:
        """New text: columns kept where the text still has them all, else the first two;
        every label scored (after new columns too)."""
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
            if name not in changes and not _present(current.get(name), columns):
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
            value = state[name]
            if name != "counts" and isinstance(value, list | tuple):
                value = state[name] = list(value)
            names = value if isinstance(value, list) else [value]
            if not all(isinstance(x, str) for x in names):
                wrong = next(x for x in names if not isinstance(x, str))
                raise _say("not_text", source=_controls()[name], got=type(wrong).__name__)
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
    true: str | Sequence[str] | None = None,
    pred: str | Sequence[str] | None = None,
    *,
    counts: str | None = None,
    labels: Sequence[str] | None = None,
) -> ExplainFile:
    """An explorer that explains a pasted CSV/TSV text as ``microavg explain`` does.

    Parameters
    ----------
    text : str
        The text, a header row first; "" for an empty box to paste into.
    true, pred : str or list of str, optional
        The columns of true and predicted labels (by default the first two); for a
        multi-label file, as many 0/1 columns of each (``["t_cat", "t_dog"]`` and
        ``["p_cat", "p_dog"]``, or ``"t_cat,t_dog"`` as the command line takes them).
    counts : str, optional
        A column counting each row's (true, pred) pair.
    labels : sequence of str, optional
        The labels to score (by default all; for a multi-label file, true tag columns).

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
