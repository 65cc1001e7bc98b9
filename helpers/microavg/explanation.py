"""Why micro precision, recall, F1 and accuracy agree or part on *your* data.

:func:`explain` scores the data as scikit-learn does (micro averages, ``accuracy_score``)
and says, with the data's own counts, whether the identity micro P = R = F1 = accuracy is
guaranteed, and what voids the guarantee where it is not. Exactly three things can:

* ``"labels"``: ``labels=`` leaves out a label that occurs in ``y_true`` or ``y_pred``. An
  item whose true label is left out but whose prediction is scored is an FP with no FN
  ("an error out of" the left-out label); the reverse is an FN with no FP ("an error into"
  it). ΣFP − ΣFN over the labels scored is, label by label, the errors out minus the
  errors in.
* ``"multilabel"``: 2-D indicator data, where an item may hold no label or several, so a
  predicted tag that is wrong (an FP) need not come with a missed one (an FN) on its item.
* ``"zero_division"``: a micro denominator is 0, so ``zero_division`` decides a score.

With none of them (complete single-label data) the four numbers are equal, always. What
else the data holds that a reader should know, and that changes no number (labels that look
alike, blank labels, labels only predicted, ``sample_weight``), is told after the causes as
findings (:mod:`microavg.findings`).

>>> import microavg as ma
>>> print(ma.explain(list("AAAABBCCC"), list("AABCABBCC")))
Micro precision 5/9 (55.6%), recall 5/9 (55.6%), F1 5/9 (55.6%); accuracy 5/9 (55.6%).
<BLANKLINE>
They agree, as they must. ΣFP = 4 = ΣFN: every wrong prediction is an FP for the label
predicted and an FN for the true label, so ΣTP + ΣFP = ΣTP + ΣFN = 9, the number of
items, and micro precision, recall and F1 all equal accuracy.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from microavg._validate import whole_number
from microavg.counting import exact_group_sums, exact_pair_sums, exact_sum
from microavg.findings import FINDINGS, Finding, label_sets, single_label
from microavg.libraries import BatchAveraging, batch_averaging
from microavg.prose import exact as exact_text
from microavg.prose import md_table, percent, signed
from microavg.reduction import check_options, ratio
from microavg.targets import Targets, check_labels_for, check_sample_weight, check_targets

__all__ = ["CAUSES", "Explanation", "LeftOut", "explain"]

CAUSES = ("labels", "multilabel", "zero_division")
"""What can void the guarantee micro P = R = F1 = accuracy, in the order they are told."""

SCORES = ("precision", "recall", "f1")

# Plain text (a terminal, a doctest) is wrapped at this many characters.
_WIDTH = 88

# At most this many left-out labels are told one by one; the rest are summed up.
_SHOWN = 10

Count = int | Fraction


@dataclass(frozen=True)
class LeftOut:
    """A label that occurs in the data but is left out by ``labels=``.

    Attributes
    ----------
    label
        The label.
    out_of : int or Fraction, or None
        Rows whose true label is this one, predicted as a label scored: each an FP with
        no FN (with ``sample_weight``: their summed weight, exactly). None for multi-label
        data, whose left-out columns are simply not counted.
    into : int or Fraction, or None
        Rows whose true label is scored, predicted as this one: each an FN with no FP.
    """

    label: Hashable
    out_of: Count | None
    into: Count | None


@dataclass(frozen=True, eq=False)
class Explanation:
    """What :func:`explain` found: the four numbers, whether they agree, and why.

    Attributes
    ----------
    precision, recall, f1 : float
        The micro averages: the exact ones rounded once, equal to scikit-learn's
        ``precision_recall_fscore_support`` (within a rounding for float weights).
    accuracy : float
        scikit-learn's ``accuracy_score`` (subset accuracy for multi-label data, over
        every item whatever ``labels`` is).
    exact : dict
        The same four as :class:`fractions.Fraction`, from exact sums of the weights (a nan
        ``zero_division`` stays nan); ``holds`` compares these.
    holds : bool
        Whether the four numbers agree on this data.
    causes : tuple of str
        What voids the guarantee, from :data:`CAUSES`; empty for complete single-label
        data, where the identity is guaranteed.
    sum_tp, sum_fp, sum_fn : int or Fraction
        TP, FP and FN summed over the labels scored (with ``sample_weight``: the weights,
        summed exactly, so a Fraction for float weights).
    total : int or Fraction
        The number of items (or their summed weight).
    left_out : tuple of LeftOut
        The labels that occur in the data but are left out, with their errors.
    extra_tags, missed_tags : int or Fraction, or None
        Multi-label data: FPs with no FN on their item, and FNs with no FP on theirs
        (None for single-label data). ΣFP − ΣFN = extra_tags − missed_tags.
    equals_accuracy : tuple of str
        The scores that equal accuracy by construction on this data, even where the
        guarantee is void: recall when every label occurring in ``y_true`` is scored,
        precision when every label occurring in ``y_pred`` is.
    zero_denominators : tuple of str
        The scores whose denominator is 0 (decided by ``zero_division``).
    zero_division : float
    weighted : bool
        Whether ``sample_weight`` was given.
    batches : BatchAveraging or None
        With ``batch=``: the mean of the per-batch macro F1 scores against the macro F1 of
        the summed counts (:func:`microavg.libraries.batch_averaging`), told last.
    findings : tuple of Finding
        What else the data holds that changes no number (:mod:`microavg.findings`), in the
        order of :data:`microavg.findings.FINDINGS`, told after the causes.
    """

    precision: float
    recall: float
    f1: float
    accuracy: float
    exact: dict
    holds: bool
    causes: tuple[str, ...]
    sum_tp: Count
    sum_fp: Count
    sum_fn: Count
    total: Count
    left_out: tuple[LeftOut, ...]
    extra_tags: Count | None
    missed_tags: Count | None
    equals_accuracy: tuple[str, ...]
    zero_denominators: tuple[str, ...]
    zero_division: float
    weighted: bool
    batches: BatchAveraging | None = None
    findings: tuple[Finding, ...] = ()

    def __str__(self) -> str:
        paragraphs = self._paragraphs(_plain, _plain_number)
        if self.batches is not None:
            paragraphs.append(str(self.batches))
        return "\n\n".join(textwrap.fill(p, _WIDTH, break_on_hyphens=False) for p in paragraphs)

    def __repr__(self) -> str:
        return (
            f"Explanation(holds={self.holds}, causes={self.causes!r}, "
            f"precision={self.precision!r}, recall={self.recall!r}, f1={self.f1!r}, "
            f"accuracy={self.accuracy!r})"
        )

    def _repr_markdown_(self) -> str:
        parts = self._paragraphs(_markdown, _plain_number)
        if self.batches is not None:
            parts.append(self.batches._repr_markdown_())
        table = md_table(["", "precision", "recall", "F1", "accuracy"], [self._number_row()])
        return "\n\n".join([table, *parts])

    def _repr_html_(self) -> str:
        parts = self._paragraphs(_html, _plain_number)
        if self.batches is not None:
            parts.append(html.escape(str(self.batches)))
        names = ("precision", "recall", "F1", "accuracy")
        head = "<td></td>" + "".join(f'<th scope="col">{h}</th>' for h in names)
        first, *cells = self._number_row()
        row = f'<th scope="row">{first}</th>' + "".join(
            f"<td>{html.escape(cell)}</td>" for cell in cells
        )
        paragraphs = "".join(f"<p>{p}</p>" for p in parts)
        return (
            '<div class="microavg-explanation tex2jax_ignore mathjax_ignore">'
            "<table><caption>Micro scores and accuracy</caption>"
            f"<thead><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table>"
            f"{paragraphs}</div>"
        )

    # -- the words ------------------------------------------------------------------

    def _number_row(self) -> list[str]:
        names = ("precision", "recall", "f1", "accuracy")
        return ["micro", *(self._score(name) for name in names)]

    def _score(self, name: str) -> str:
        value = self.exact[name]
        if isinstance(value, float):  # nan: zero_division=nan decided it
            return percent(value)
        whole = all(v.denominator == 1 for v in (self.sum_tp, self.sum_fp, self.sum_fn))
        return exact_text(value) if whole else percent(value, digits=2)

    def _paragraphs(
        self, label: Callable[[Hashable], str], number: Callable[[Count], str]
    ) -> list[str]:
        fp, fn, total = number(self.sum_fp), number(self.sum_fn), number(self.total)
        items = "the summed weight of the items" if self.weighted else "the number of items"
        lines = [
            f"Micro precision {self._score('precision')}, recall {self._score('recall')}, "
            f"F1 {self._score('f1')}; accuracy {self._score('accuracy')}."
        ]
        if not self.causes:
            lines.append(
                f"They agree, as they must. ΣFP = {fp} = ΣFN: every wrong prediction is an FP "
                "for the label predicted and an FN for the true label, so ΣTP + ΣFP = ΣTP + "
                f"ΣFN = {total}, {items}, and micro precision, recall and F1 all equal accuracy."
            )
            return lines + self._findings(label, number)
        verdict = (
            "They agree on this data, but nothing guarantees it"
            if self.holds
            else "They part, as they may"
        )
        reasons = {
            "labels": "labels= leaves out labels that occur in the data",
            "multilabel": "the data is multi-label",
            "zero_division": "a denominator is 0",
        }
        why = " and ".join(reasons[c] for c in self.causes)
        lines.append(f"{verdict}: {why}.")
        if "labels" in self.causes:
            lines.append(self._labels_paragraph(label, number))
        if "multilabel" in self.causes:
            lines.append(
                "An item of multi-label data may hold no tag or several, so a wrong tag "
                f"need not come with a missed one: ΣFP = {fp} and ΣFN = {fn}. Extra tags (an "
                f"FP with no FN on its item): {number(self.extra_tags)}; missed tags (an FN "
                f"with no FP on its item): {number(self.missed_tags)}; ΣFP − ΣFN is the extra "
                "tags minus the missed ones. Accuracy is subset accuracy, the share of items "
                "with every tag right."
            )
        if "zero_division" in self.causes:
            lines.append(self._zero_paragraph())
        if self.equals_accuracy and "multilabel" not in self.causes:
            lines.append(self._still_equal())
        return lines + self._findings(label, number)

    def _findings(self, label: Callable[[Hashable], str], number: Callable[[Count], str]) -> list:
        def n(count: Count) -> str:
            return f"{number(count)} (their summed weight)" if self.weighted else number(count)

        said = []
        for found in self.findings:
            names = ", ".join(label(x) for x in found.labels[:_SHOWN])
            more = len(found.labels) - _SHOWN
            names += f" and {more} more" if more > 0 else ""
            one = len(found.labels) == 1
            if found.kind == "lookalike":
                said.append(
                    f"{names} may be one label written {len(found.labels)} ways (they differ "
                    "only by case, spaces or Unicode form), but each is counted as a label of "
                    "its own, so an item whose true and predicted labels are two of them is an "
                    f"error. Such items: {n(found.count)}."
                )
            elif found.kind == "blank":
                true = f"; with it as their true label: {n(found.more)}" if found.more else ""
                said.append(
                    f"{names} is blank, what a missing prediction read from a file becomes, "
                    "and is counted as a label of its own. Items predicted as it: "
                    f"{n(found.count)}{true}. Left out with labels=, the items predicted as it "
                    "become abstentions, FNs with no FP."
                )
            elif found.kind == "predicted_only":
                said.append(
                    f"{names} {'occurs' if one else 'occur'} only in the predictions, never as "
                    f"a true label, so every item predicted as {'it' if one else 'one of them'} "
                    "is an error, an FP for the label predicted and an FN for the true one. "
                    f"Such items: {n(found.count)}. Left out with labels=, they become FNs with "
                    "no FP: precision rises above accuracy, and recall stays the accuracy while "
                    "every true label is scored."
                )
            elif found.kind == "absent":
                said.append(
                    f"labels= names {names}, which no item holds as a true or predicted "
                    f"label: {'it adds' if one else 'they add'} nothing to the micro sums "
                    "(check the spelling)."
                )
            elif found.kind == "label_sets":
                said.append(
                    "Predicted label sets: items predicting none of the labels scored: "
                    f"{n(found.count)}; predicting two or more: {n(found.more)}. Thresholding "
                    "each label's probability gives such sets (as Keras' Precision() and "
                    "Recall() do at 0.5): an item with none adds FNs with no FP, one with "
                    "several FPs that its FNs need not match."
                )
            else:  # weights
                said.append(
                    "sample_weight is not a cause: a wrong item weighs the same as an FP for "
                    "the label predicted and as an FN for its true label, so weights alone "
                    "never part micro precision, recall, F1 and accuracy."
                )
        return said

    def _labels_paragraph(
        self, label: Callable[[Hashable], str], number: Callable[[Count], str]
    ) -> str:
        fp, fn = number(self.sum_fp), number(self.sum_fn)
        names = ", ".join(label(item.label) for item in self.left_out[:_SHOWN])
        more = len(self.left_out) - _SHOWN
        names += f" and {more} more" if more > 0 else ""
        if self.extra_tags is not None:  # multi-label: columns left out are not counted
            return f"Left out: {names}; their tags count neither as FP nor as FN."
        residual = signed(number(_minus(self.sum_fp, self.sum_fn)))
        each = "; ".join(
            f"{label(item.label)}: {number(item.out_of)} out of it, {number(item.into)} into it"
            for item in self.left_out[:_SHOWN]
        )
        items = "the summed weight of all items" if self.weighted else "all items"
        predicted = number(self.sum_tp + self.sum_fp)
        true = number(self.sum_tp + self.sum_fn)
        return (
            f"Left out: {names}. Over the labels scored ΣFP = {fp} and ΣFN = {fn}: the "
            f"residual ΣFP − ΣFN = {residual} is, per label left out, the errors out of it "
            "(true label left out, predicted as a label scored: an FP with no FN) minus the "
            f"errors into it (true label scored, predicted as it: an FN with no FP). {each}. "
            f"Precision divides by ΣTP + ΣFP = {predicted} and recall by ΣTP + ΣFN = {true}; "
            f"accuracy divides by {number(self.total)}, {items}."
        )

    def _zero_paragraph(self) -> str:
        why = {
            "precision": "precision (nothing is predicted as a label scored)",
            "recall": "recall (no true label is a label scored)",
            "f1": "F1 (no TP, FP or FN at all)",
        }
        names = " and ".join(why[name] for name in self.zero_denominators)
        return (
            f"The denominator of {names} is 0, so zero_division = {self.zero_division} decides it."
        )

    def _still_equal(self) -> str:
        if set(self.equals_accuracy) == set(SCORES):
            return "Precision, recall and F1 still equal accuracy: no item has a label left out."
        if self.equals_accuracy == ("recall",):
            return (
                "Recall still equals accuracy: every label that occurs in y_true is scored, "
                "so ΣTP + ΣFN counts every item."
            )
        return (
            "Precision still equals accuracy: every label that occurs in y_pred is scored, "
            "so ΣTP + ΣFP counts every item."
        )


def _minus(a: Count, b: Count) -> Count:
    return a - b


def _plain(label: Hashable) -> str:
    return repr(label)


def _plain_number(value: Count) -> str:
    if value.denominator != 1:  # summed float weights: four decimals, exact ones kept
        return signed(f"{float(value):.4f}".rstrip("0").rstrip("."))
    return signed(int(value))


def _markdown(label: Hashable) -> str:
    """A label as a Markdown code span: shown as typed, never as emphasis, a link, an HTML tag
    or TeX (JupyterLab typesets ``$...$`` in Markdown, but not inside code)."""
    text = repr(label).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _html(label: Hashable) -> str:
    # <code>: escaped, and skipped by MathJax whatever the page's configuration.
    return f"<code>{html.escape(repr(label))}</code>"


# -- the analysis ---------------------------------------------------------------------


def explain(
    y_true: object,
    y_pred: object,
    *,
    labels: Sequence[Hashable] | None = None,
    sample_weight: object = None,
    zero_division: float = 0.0,
    batch: object = None,
) -> Explanation:
    """Whether micro precision, recall, F1 and accuracy agree on this data, and why.

    Parameters
    ----------
    y_true, y_pred : array-like
        1-D labels (single-label), or 2-D 0/1 indicator arrays (multi-label).
    labels : sequence, optional
        The labels scored, as in :func:`microavg.scores` (column indices for
        multi-label data).
    sample_weight : array-like of shape (n,), optional
        Non-negative weight of each item.
    zero_division : {0.0, 1.0, nan}, default 0.0
        The score where its denominator is 0.
    batch : int or array-like of shape (n,), optional
        A batch size (consecutive rows), or each row's batch id (a batch column): the
        explanation then says what the mean of the per-batch macro F1 scores is against
        the macro F1 of the summed counts, as a training loop that averages per-batch
        scores would report it (:func:`microavg.libraries.batch_averaging`). Single-label
        data with neither ``labels`` nor ``sample_weight``.

    Returns
    -------
    Explanation
        ``str()`` tells it in words; in a notebook it shows as a table and text.

    Raises
    ------
    ValueError
        For inputs refused at the door, as :func:`microavg.scores` refuses them.

    See Also
    --------
    microavg.scores : the scores alone.
    microavg.confusion_matrix : the counts the sums come from.

    Notes
    -----
    The sums are exact: the engine counts each (true, predicted) pair once, summing
    float weights as Fractions, so ΣFP and ΣFN, equal in exact arithmetic, are not told
    apart by rounding. The float scores are those exact ratios, rounded once: equal to
    scikit-learn's for whole-number weights, within a rounding for float weights.

    Examples
    --------
    An abstention ("?") left out with ``labels=``: recall still equals accuracy.

    >>> import microavg as ma
    >>> e = ma.explain(list("AABB"), list("A?BA"), labels=["A", "B"])
    >>> e.holds, e.causes, e.equals_accuracy
    (False, ('labels',), ('recall',))
    >>> e.exact["precision"], e.exact["recall"], e.left_out
    (Fraction(2, 3), Fraction(1, 2), (LeftOut(label='?', out_of=0, into=1),))

    Scores averaged over batches of four rows, instead of counts summed:

    >>> b = ma.explain(list("AAAABBCCC"), list("AABCABBCC"), batch=4).batches
    >>> [round(f1, 4) for f1 in b.per_batch], round(b.mean_of_batches, 4)
    ([0.2222, 0.3889, 1.0], 0.537)
    """
    zero_division = check_options("micro", zero_division)
    targets = check_targets(y_true, y_pred)
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    checked = check_labels_for(targets, labels)
    batches = None if batch is None else _batches(y_true, y_pred, targets, labels, weights, batch)
    if targets.kind == "single":
        sums = _single_sums(targets, checked, weights)
        extra = missed = None
    else:
        sums = _multi_sums(targets, checked, weights)
        extra, missed = sums["extra"], sums["missed"]
    sum_tp, sum_fp, sum_fn = sums["tp"], sums["fp"], sums["fn"]
    total, left_out = sums["total"], sums["left_out"]
    denominators = {"precision": sum_tp + sum_fp, "recall": sum_tp + sum_fn}
    denominators["f1"] = 2 * sum_tp + sum_fp + sum_fn
    numerators = {"precision": sum_tp, "recall": sum_tp, "f1": 2 * sum_tp}
    exact = {
        name: ratio(numerators[name], denominators[name], exact=True, zero_division=zero_division)
        for name in SCORES
    }
    exact["accuracy"] = ratio(sums["correct"], total, exact=True)
    zero = tuple(name for name in SCORES if denominators[name] == 0)
    present = {"labels": bool(left_out), "multilabel": targets.kind == "multi"}
    present["zero_division"] = bool(zero)
    causes = tuple(cause for cause in CAUSES if present[cause])
    equal: tuple[str, ...] = ()
    if targets.kind == "single":
        recall_equal = sum_tp + sum_fn == total
        precision_equal = sum_tp + sum_fp == total
        ok = {"precision": precision_equal, "recall": recall_equal}
        ok["f1"] = precision_equal and recall_equal
        equal = tuple(name for name in SCORES if ok[name])
    values = list(exact.values())
    holds = not any(isinstance(v, float) and math.isnan(v) for v in values) and all(
        v == values[0] for v in values
    )
    return Explanation(
        precision=float(exact["precision"]),
        recall=float(exact["recall"]),
        f1=float(exact["f1"]),
        accuracy=float(exact["accuracy"]),
        exact=exact,
        holds=holds,
        causes=causes,
        sum_tp=sum_tp,
        sum_fp=sum_fp,
        sum_fn=sum_fn,
        total=total,
        left_out=left_out,
        extra_tags=extra,
        missed_tags=missed,
        equals_accuracy=equal,
        zero_denominators=zero,
        zero_division=zero_division,
        weighted=weights is not None,
        batches=batches,
        findings=_in_order(sums["findings"], weights, total),
    )


def _in_order(found: tuple[Finding, ...], weights: np.ndarray | None, total: Count) -> tuple:
    if weights is not None:
        found = (*found, Finding("weights", (), total))
    return tuple(sorted(found, key=lambda f: FINDINGS.index(f.kind)))


def _batches(y_true, y_pred, targets, labels, weights, batch) -> BatchAveraging:
    """``batch=`` checked against the other arguments, then batch_averaging's macro F1."""
    if targets.kind != "single":
        raise ValueError("batch needs single-label data: per-batch scores are told for 1-D labels")
    if weights is not None:
        raise ValueError(
            "batch and sample_weight: per-batch scores are told for unweighted rows; pass one"
        )
    if labels is not None:
        raise ValueError("batch and labels: per-batch scores are told over every label; pass one")
    n = len(targets.y_true)
    if np.ndim(batch) == 0:
        try:
            size = whole_number("batch", batch, 1, n)
        except ValueError as err:
            raise ValueError(
                f"{err}: batch is a batch size, or one batch id per row (an array)"
            ) from None
        return batch_averaging(y_true, y_pred, batch_size=size)
    return batch_averaging(y_true, y_pred, batch=batch)


def _single_sums(targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None) -> dict:
    """ΣTP, ΣFP, ΣFN, the total, the correct and the labels left out, exactly, reduced
    from the engine's exact count of every (true, predicted) pair."""
    values, t, p, pair_sums = exact_pair_sums(targets, weights)
    kept = np.ones(len(values), dtype=bool)
    if labels is not None:
        wanted = set(labels.tolist())
        kept = np.array([v in wanted for v in values], dtype=bool)
    w = np.array(pair_sums, dtype=object)
    same, t_kept, p_kept = t == p, kept[t], kept[p]

    def total_of(mask: np.ndarray) -> Count:
        return sum(w[mask].tolist(), start=0)

    left: dict[int, list[Count]] = {int(i): [0, 0] for i in np.flatnonzero(~kept)}
    for i, amount in zip(t[~t_kept & p_kept].tolist(), w[~t_kept & p_kept].tolist(), strict=True):
        left[i][0] += amount
    for i, amount in zip(p[t_kept & ~p_kept].tolist(), w[t_kept & ~p_kept].tolist(), strict=True):
        left[i][1] += amount
    return {
        "tp": total_of(same & t_kept),
        "fp": total_of(~same & p_kept),
        "fn": total_of(~same & t_kept),
        "total": total_of(np.ones(len(w), dtype=bool)),
        "correct": total_of(same),
        "left_out": tuple(LeftOut(values[i], *left[i]) for i in sorted(left)),
        "findings": single_label(
            values, t, p, pair_sums, None if labels is None else labels.tolist()
        ),
    }


def _multi_sums(targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None) -> dict:
    """The same for multi-label data, with the extra and missed tags, from the engine's
    exact sums of the weights of rows by their number of TPs, FPs and FNs."""
    n_columns = targets.y_true.shape[1]
    columns = np.arange(n_columns) if labels is None else labels
    t, p = targets.y_true[:, columns], targets.y_pred[:, columns]
    fp_row, fn_row = np.count_nonzero(p & ~t, axis=1), np.count_nonzero(t & ~p, axis=1)

    def dot(per_row: np.ndarray) -> Count:  # Σ weight * count over rows, exactly
        sums = exact_group_sums(per_row, weights, int(per_row.max(initial=0)) + 1)
        return sum((k * s for k, s in enumerate(sums) if k), start=0)

    correct = (targets.y_true == targets.y_pred).all(axis=1)
    return {
        "tp": dot(np.count_nonzero(t & p, axis=1)),
        "fp": dot(fp_row),
        "fn": dot(fn_row),
        "extra": dot(np.maximum(fp_row - fn_row, 0)),
        "missed": dot(np.maximum(fn_row - fp_row, 0)),
        "total": exact_sum(weights, len(correct)),
        "correct": dot(correct.astype(np.intp)),
        "left_out": _left_out_columns(targets, tuple(columns.tolist())),
        "findings": label_sets(
            targets.y_true,
            targets.y_pred,
            columns,
            lambda mask: dot(mask.astype(np.intp)),
            named=labels is not None,
        ),
    }


def _left_out_columns(targets: Targets, scored: tuple) -> tuple[LeftOut, ...]:
    used = (targets.y_true | targets.y_pred).any(axis=0)
    kept = set(scored)
    return tuple(LeftOut(c, None, None) for c in np.flatnonzero(used).tolist() if c not in kept)
