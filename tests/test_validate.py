"""The argument checks every module shares: what each accepts, and the words of a refusal."""

import math
from fractions import Fraction

import numpy as np
import pytest
from microavg._validate import one_of, real, whole_number


@pytest.mark.parametrize("value", [3, np.int8(3), np.uint64(3), np.int64(3)])
def test_whole_number_takes_python_and_numpy_integers_as_int(value):
    result = whole_number("k", value, 2, 10)
    assert result == 3 and type(result) is int


@pytest.mark.parametrize("value", [True, 3.0, "3", None, float("nan"), Fraction(3)])
def test_whole_number_refuses_what_is_not_an_integer_naming_the_argument(value):
    with pytest.raises(ValueError, match=r"^k must be a whole number from 2 to 10, got "):
        whole_number("k", value, 2, 10)


def test_whole_number_refuses_out_of_range_with_the_range_in_words():
    with pytest.raises(ValueError, match=r"^n must be a whole number of at most 5, got 6$"):
        whole_number("n", 6, None, 5)
    with pytest.raises(ValueError, match=r"^n must be a whole number from 1 to 5, got 0$"):
        whole_number("n", 0, 1, 5)


def test_whole_number_handles_integers_too_large_for_numpy():
    assert whole_number("n", 10**30) == 10**30
    with pytest.raises(ValueError, match=r"of at most 10, got a 31-digit integer$"):
        whole_number("n", 10**30, high=10)


@pytest.mark.parametrize("value", [0.5, np.float32(0.5), Fraction(1, 2)])
def test_real_takes_finite_numbers_as_float(value):
    result = real("skill", value, 0.0, 1.0)
    assert result == 0.5 and type(result) is float


@pytest.mark.parametrize(
    ("value", "tail"),
    [
        (float("nan"), "got nan"),
        (float("inf"), "got inf"),
        (10**400, "got a number too large for a float"),
        (True, "got True (bool)"),
        ("0.5", "got '0.5' (str)"),
        (1.5, "got 1.5"),
    ],
)
def test_real_refuses_with_the_argument_and_the_value(value, tail):
    with pytest.raises(ValueError, match=r"^skill must be a finite real number from 0.0 to 1.0"):
        real("skill", value, 0.0, 1.0)
    with pytest.raises(ValueError) as caught:
        real("skill", value, 0.0, 1.0)
    assert str(caught.value).endswith(tail)


def test_one_of_compares_value_and_type():
    assert one_of("average", np.str_("micro"), ("micro", None)) == "micro"
    assert one_of("average", None, ("micro", None)) is None
    with pytest.raises(ValueError, match=r"^flag must be 1 or 2, got True$"):
        one_of("flag", True, (1, 2))
    with pytest.raises(ValueError, match=r"^x must be 1, got 1.0$"):
        one_of("x", 1.0, (1,))


def test_one_of_refuses_an_array_instead_of_raising_numpys_error():
    with pytest.raises(ValueError, match=r"^average must be 'micro' or None, got array"):
        one_of("average", np.array(["micro", "macro"]), ("micro", None))


def test_one_of_matches_a_nan_choice_to_a_nan_value():
    assert math.isnan(one_of("zero_division", math.nan, (0.0, 1.0, math.nan)))
    with pytest.raises(ValueError, match=r"^zero_division must be 0\.0, 1\.0 or nan, got 2\.0$"):
        one_of("zero_division", 2.0, (0.0, 1.0, math.nan))
