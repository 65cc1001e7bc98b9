"""The small datasets of lesson 04 say what their docstrings claim, by scikit-learn too."""

from __future__ import annotations

import microavg as ma
import numpy as np
import pytest
from command_line import run
from microavg import examples
from microavg.explorers import explain_file
from sklearn.metrics import accuracy_score, precision_recall_fscore_support


def test_matrix_rows_count_back_to_the_matrix_in_row_order():
    cm = ma.ConfusionMatrix.from_counts([[1, 2], [0, 1]], labels=[3, 7])
    assert examples.matrix_rows(cm) == ([3, 3, 3, 7], [3, 7, 7, 7])
    assert ma.confusion_matrix(*examples.matrix_rows(cm)) == cm


@pytest.mark.parametrize(
    ("cm", "message"),
    [
        ([[1, 0], [0, 1]], "cm must be a ConfusionMatrix, got list"),
        (
            ma.confusion_matrix(list("OAB"), list("AAB"), labels=["A", "B"]),
            "cm must count whole rows, every one among its labels",
        ),
        (
            ma.confusion_matrix(list("AB"), list("AB"), sample_weight=[0.5, 1.0]),
            "cm must count whole rows",
        ),
    ],
)
def test_matrix_rows_refuses_what_has_no_list_of_rows(cm, message):
    with pytest.raises(ValueError, match=message):
        examples.matrix_rows(cm)


def test_imbalanced_rows_give_sklearn_the_matrix_numbers():
    cm = examples.imbalanced_matrix()
    y_true, y_pred = examples.matrix_rows(cm)
    for average in ("micro", "macro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average)
        assert tuple(cm.scores(average=average)) == pytest.approx((p, r, f), abs=1e-12)


def test_ner_tokens_leaving_o_out_matches_sklearn():
    y_true, y_pred = examples.ner_tokens()
    p, r, _, _ = precision_recall_fscore_support(y_true, y_pred, labels=["A", "B"], average="micro")
    assert (p, r) == (0.6, 1.0)


def test_ner_tokens_csv_is_the_tokens_as_the_command_line_and_the_page_read_them(tmp_path):
    # Lesson 04 and the contents page open the explain-file explorer on this text.
    said = str(ma.explain(*examples.ner_tokens(), labels=["A", "B"]))
    path = tmp_path / "tokens.csv"
    path.write_text(examples.ner_tokens_csv(), encoding="utf-8")
    result = run("explain", str(path), "--true", "true", "--pred", "pred", "--labels", "A,B")
    assert result.returncode == 0 and result.stdout.strip() == said.strip()
    assert explain_file(examples.ner_tokens_csv(), labels=["A", "B"]).said == said


def test_photo_tags_micro_precision_recall_and_subset_accuracy_differ():
    y_true, y_pred = examples.photo_tags()
    p, r, _, _ = precision_recall_fscore_support(y_true, y_pred, average="micro")
    assert (p, r, accuracy_score(y_true, y_pred)) == pytest.approx((2 / 3, 6 / 7, 2 / 5))


def test_animal_probabilities_are_rows_of_probabilities_over_the_labels():
    y_true, y_score = examples.animal_probabilities()
    scores = np.asarray(y_score)
    assert scores.shape == (len(y_true), len(examples.ANIMAL_LABELS))
    assert set(y_true) <= set(examples.ANIMAL_LABELS)
    assert ((scores >= 0) & (scores <= 1)).all()
    # No ties within a row: arg-max and top-k do not depend on how ties are broken.
    assert all(len(set(row)) == len(row) for row in y_score)
    # No score on the lesson's thresholds: ">=" and ">" give the same label sets.
    assert not np.isin(scores, [0.3, 0.5]).any()


def test_spam_binary_average_is_spam_alone():
    y_true, y_pred = examples.spam_example()
    p, r, _, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label="spam")
    assert (p, r) == pytest.approx((2 / 3, 1 / 2))


def test_never_predicted_example_leaves_c_unpredicted_but_present():
    y_true, y_pred = examples.never_predicted_example()
    assert "C" in y_true and "C" not in y_pred
