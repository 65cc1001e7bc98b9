"""The small datasets the lessons use, as (y_true, y_pred) pairs of lists.

>>> import microavg as ma
>>> from microavg import examples
>>> y_true, y_pred = examples.worked_example()
>>> ma.accuracy(y_true, y_pred, exact=True)
Fraction(5, 9)
"""

from __future__ import annotations

from microavg.counts import ConfusionMatrix

__all__ = [
    "ANIMAL_LABELS",
    "NER_LABELS",
    "PHOTO_TAGS",
    "WORKED_LABELS",
    "animal_probabilities",
    "imbalanced_matrix",
    "matrix_rows",
    "ner_matrix",
    "ner_tokens",
    "ner_tokens_csv",
    "never_predicted_example",
    "photo_tags",
    "spam_example",
    "worked_example",
]

WORKED_LABELS = ("A", "B", "C")


def worked_example() -> tuple[list[str], list[str]]:
    """The nine-row A/B/C example every lesson starts from, as ``(y_true, y_pred)``.

    Row by row (pred, true): (A, A), (A, A), (B, A), (C, A), (A, B), (B, B), (B, C),
    (C, C), (C, C). Four rows are wrong: 3, 4, 5 and 7.

    Returns fresh lists, so a lesson may edit its copy.

    >>> y_true, y_pred = worked_example()
    >>> "".join(y_true), "".join(y_pred)
    ('AAAABBCCC', 'AABCABBCC')
    """
    y_true = ["A", "A", "A", "A", "B", "B", "C", "C", "C"]
    y_pred = ["A", "A", "B", "C", "A", "B", "B", "C", "C"]
    return y_true, y_pred


def imbalanced_matrix() -> ConfusionMatrix:
    """An imbalanced confusion matrix: A is 80 of the 100 rows, B 15 and C 5.

    The classifier is good on A and poor on the rare C, so macro averages (every label
    weighing the same) fall well below micro averages (every row weighing the same).

    >>> import microavg as ma
    >>> cm = imbalanced_matrix()
    >>> cm.support.tolist()
    [80, 15, 5]
    >>> cm.accuracy(exact=True), cm.scores(average="macro", exact=True).recall
    (Fraction(17, 20), Fraction(101, 180))
    """
    counts = [
        [76, 3, 1],
        [6, 8, 1],
        [3, 1, 1],
    ]
    return ConfusionMatrix.from_counts(counts, labels=WORKED_LABELS)


NER_LABELS = ("O", "PER", "ORG", "LOC", "MISC")


def ner_matrix() -> ConfusionMatrix:
    """Token counts of a named-entity tagger: "O" (outside any entity) dominates.

    Named-entity recognition is usually scored over the entity labels only, leaving
    "O" out with ``labels=``; then micro precision and recall part.

    >>> cm = ner_matrix()
    >>> cm.labels
    ('O', 'PER', 'ORG', 'LOC', 'MISC')
    >>> cm.support.tolist()
    [950, 48, 43, 40, 19]
    >>> cm.scores(labels=["PER", "ORG", "LOC", "MISC"], exact=True)
    Scores(average='micro', precision=107/147, recall=107/150, f1=214/297)
    """
    counts = [
        [930, 4, 7, 5, 4],
        [5, 40, 2, 1, 0],
        [8, 3, 26, 4, 2],
        [4, 1, 3, 31, 1],
        [6, 0, 2, 1, 10],
    ]
    return ConfusionMatrix.from_counts(counts, labels=NER_LABELS)


def matrix_rows(cm: ConfusionMatrix) -> tuple[list, list]:
    """The rows a confusion matrix counts, as ``(y_true, y_pred)`` lists.

    Rows come true label by true label, and within one, predicted label by predicted
    label, in the order of ``cm.labels``; counting them gives ``cm`` back. What a lesson
    passes to scikit-learn, which needs rows, to check numbers read off a matrix.

    Raises
    ------
    ValueError
        If ``cm`` is not a complete ConfusionMatrix of whole-number counts (rows left
        out with ``labels=``, or weighted counts, cannot be listed).

    >>> import microavg as ma
    >>> y_true, y_pred = matrix_rows(ConfusionMatrix.from_counts([[2, 1], [0, 1]], ["a", "b"]))
    >>> y_true, y_pred
    (['a', 'a', 'a', 'b'], ['a', 'a', 'b', 'b'])
    >>> ma.confusion_matrix(*matrix_rows(imbalanced_matrix())) == imbalanced_matrix()
    True
    """
    if not isinstance(cm, ConfusionMatrix):
        raise ValueError(f"cm must be a ConfusionMatrix, got {type(cm).__name__}")
    if not cm.complete or cm.counts.dtype.kind != "i":
        raise ValueError(
            "cm must count whole rows, every one among its labels: a matrix with labels "
            "left out or with weighted counts has no list of rows"
        )
    y_true, y_pred = [], []
    for i, true in enumerate(cm.labels):
        for j, pred in enumerate(cm.labels):
            n = int(cm.counts[i, j])
            y_true += [true] * n
            y_pred += [pred] * n
    return y_true, y_pred


def ner_tokens() -> tuple[list[str], list[str]]:
    """Six tokens tagged O (outside any entity), A or B, as ``(y_true, y_pred)``.

    Named-entity scores leave "O" out (``labels=["A", "B"]``): the two tokens wrongly
    tagged A are false positives with no matching false negative among the kept
    labels, so micro precision is 3/5 while recall is 1.

    >>> import microavg as ma
    >>> ma.scores(*ner_tokens(), labels=["A", "B"], exact=True)
    Scores(average='micro', precision=3/5, recall=1, f1=3/4)
    """
    return list("OOOAAB"), list("OAAAAB")


def ner_tokens_csv() -> str:
    """:func:`ner_tokens` as the CSV text a reader would paste or save: a header row
    ``true,pred``, then one token a line.

    What ``explorers.explain_file`` opens on in lesson 04 and on the site's contents page,
    and what ``microavg explain FILE --true true --pred pred --labels A,B`` reads.

    >>> print(ner_tokens_csv(), end="")
    true,pred
    O,O
    O,A
    O,A
    A,A
    A,A
    B,B
    """
    rows = zip(*ner_tokens(), strict=True)
    return "true,pred\n" + "".join(f"{true},{pred}\n" for true, pred in rows)


ANIMAL_LABELS = ("cat", "dog", "fox")


def animal_probabilities() -> tuple[list[str], list[list[float]]]:
    """Eight photos of a cat, a dog or a fox, with a model's probabilities.

    Returns ``(y_true, y_score)``: the true animal of each photo and one row of
    probabilities per photo, columns in the order of :data:`ANIMAL_LABELS`, each row
    summing to 1. Its arg-max is right on 5 photos; 3 photos have no probability of
    0.5 or more, and only photo 8's true animal is outside its two most probable. No
    probability is 0.3 or 0.5 exactly, so at those thresholds it does not matter whether
    a threshold must be reached or exceeded.

    >>> import numpy as np
    >>> y_true, y_score = animal_probabilities()
    >>> y_true
    ['cat', 'cat', 'cat', 'dog', 'dog', 'dog', 'fox', 'fox']
    >>> np.allclose(np.sum(y_score, axis=1), 1)
    True
    >>> [ANIMAL_LABELS[i] for i in np.argmax(y_score, axis=1)]
    ['cat', 'cat', 'dog', 'dog', 'dog', 'cat', 'fox', 'cat']
    """
    y_true = ["cat", "cat", "cat", "dog", "dog", "dog", "fox", "fox"]
    y_score = [
        [0.80, 0.15, 0.05],
        [0.45, 0.40, 0.15],
        [0.35, 0.55, 0.10],
        [0.10, 0.85, 0.05],
        [0.35, 0.40, 0.25],
        [0.55, 0.35, 0.10],
        [0.20, 0.10, 0.70],
        [0.40, 0.35, 0.25],
    ]
    return y_true, y_score


PHOTO_TAGS = ("beach", "dog", "sunset")


def photo_tags() -> tuple[list[list[int]], list[list[int]]]:
    """Five photos, each with a set of tags: multi-label indicator rows.

    Returns ``(y_true, y_pred)``, one column per tag of :data:`PHOTO_TAGS`. Photo 2
    gets an extra tag (an FP with no FN), photo 3 misses one (an FN with no FP) and
    photo 4 gets two extra.

    >>> import microavg as ma
    >>> y_true, y_pred = photo_tags()
    >>> ma.scores(y_true, y_pred, exact=True)
    Scores(average='micro', precision=2/3, recall=6/7, f1=3/4)
    >>> ma.accuracy(y_true, y_pred, exact=True)
    Fraction(2, 5)
    """
    #          beach dog sunset
    y_true = [
        [1, 0, 1],
        [0, 1, 0],
        [1, 1, 0],
        [0, 0, 1],
        [0, 1, 0],
    ]
    y_pred = [
        [1, 0, 1],
        [1, 1, 0],
        [1, 0, 0],
        [1, 1, 1],
        [0, 1, 0],
    ]
    return y_true, y_pred


def spam_example() -> tuple[list[str], list[str]]:
    """Ten e-mails, four of them spam, as ``(y_true, y_pred)``.

    Two spam e-mails are caught, two missed, and one ham e-mail is flagged: spam's
    precision is 2/3 and recall 1/2, while 7 of the 10 e-mails are classified right.

    >>> import microavg as ma
    >>> y_true, y_pred = spam_example()
    >>> ma.scores(y_true, y_pred, labels=["spam"], exact=True)
    Scores(average='micro', precision=2/3, recall=1/2, f1=4/7)
    >>> ma.accuracy(y_true, y_pred, exact=True)
    Fraction(7, 10)
    """
    y_true = ["spam"] * 4 + ["ham"] * 6
    y_pred = ["spam", "spam", "ham", "ham", "spam", "ham", "ham", "ham", "ham", "ham"]
    return y_true, y_pred


def never_predicted_example() -> tuple[list[str], list[str]]:
    """Four rows over A, B and C where C occurs but is never predicted.

    C's precision is 0/0: what it is set to is ``zero_division``'s choice.

    >>> import microavg as ma
    >>> ma.confusion_matrix(*never_predicted_example()).predicted.tolist()
    [2, 2, 0]
    """
    return ["A", "A", "B", "C"], ["A", "A", "B", "B"]
