"""``dom.js``'s number formats and ``metrics.js``'s refusals on arguments they cannot take.

The formats mirror Python's (``prose.percent``, f"{100 * x:+.1f}"): every valid value is
written as Python writes it, and a bad argument is refused with a TypeError or RangeError
naming it and showing it as it was given, never a hang, an absurd string or an engine's error.
"""

from __future__ import annotations

import math
import random
import threading
from fractions import Fraction

import pytest
from microavg import prose
from node_js import NodeModules, require_node

TIMEOUT = 10.0
"""Seconds a call may take before it counts as a hang (every call here takes well under 1)."""

WORKED = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]


@pytest.fixture(scope="module")
def js():
    runner = NodeModules(require_node())
    yield runner
    runner.close()


@pytest.fixture
def own():
    """A process of the test's own, which a hang may cost without harming the others."""
    runner = NodeModules(require_node())
    yield runner
    if runner.process.poll() is None:
        runner.close()
    else:
        runner.process.stdin.close()
        runner.process.stdout.close()


def answer(runner: NodeModules, module: str, fn: str, *args: object) -> dict:
    """The call's answer, or a failure when it takes longer than TIMEOUT."""
    timer = threading.Timer(TIMEOUT, runner.process.kill)
    timer.start()
    try:
        return runner.call(module, fn, *args)
    except (AssertionError, BrokenPipeError):
        if runner.process.poll() is not None:
            pytest.fail(f"{module}.{fn}{args!r} did not answer within {TIMEOUT} s")
        raise
    finally:
        timer.cancel()


def refused(runner: NodeModules, error: str, message: str, module: str, fn: str, *args) -> None:
    got = answer(runner, module, fn, *args)
    assert got == {"error": error, "message": message}, got


# --- percent and points: what is not a number ---------------------------------------------


@pytest.mark.parametrize("fn", ["percent", "points"])
@pytest.mark.parametrize(
    ("value", "shown"),
    [("0.5", '"0.5"'), (None, "null"), (True, "true"), ([0.5], "[0.5]"), ({}, "an object")],
    ids=["text", "null", "boolean", "list", "object"],
)
def test_formats_refuse_what_is_not_a_number(js, fn, value, shown):
    # It was "inf%" for percent: a string or null is not finite, so it passed for infinity.
    refused(js, "TypeError", f"x must be a number, got {shown}", "dom", fn, value)


@pytest.mark.parametrize("fn", ["percent", "points"])
def test_formats_refuse_a_missing_value(js, fn):
    refused(js, "TypeError", "x must be a number, got undefined", "dom", fn)


# --- percent: digits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "error", "shown"),
    [
        (1e9, "RangeError", "1000000000"),
        (21, "RangeError", "21"),
        (-1, "RangeError", "-1"),
        (1.5, "RangeError", "1.5"),
        (math.inf, "RangeError", "Infinity"),
        (math.nan, "RangeError", "NaN"),
        ("1", "TypeError", '"1"'),
        (None, "TypeError", "null"),
    ],
    ids=["a billion", "21", "negative", "fractional", "infinite", "nan", "text", "null"],
)
def test_percent_refuses_digits_it_cannot_write_and_does_not_hang(own, digits, error, shown):
    # A billion digits hung the page on 10n ** 1000000000n; -1 and 1.5 threw raw errors.
    message = f"digits must be a whole number from 0 to 20, got {shown}"
    refused(own, error, message, "dom", "percent", 0.5, digits)


def test_percent_takes_every_digits_from_0_to_20(js):
    for digits in range(21):
        assert answer(js, "dom", "percent", 1 / 3, digits) == {
            "value": prose.percent(1 / 3, digits)
        }


# --- NaN, infinities and overflow ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (math.nan, "nan"),
        (math.inf, "+inf"),
        (-math.inf, f"{prose.MINUS}inf"),
        (1e307, "+inf"),
        (-1e307, f"{prose.MINUS}inf"),
    ],
    ids=["nan", "inf", "-inf", "1e307", "-1e307"],
)
def test_points_writes_nan_and_infinities_as_words(js, value, written):
    # It wrote the float's 300-odd digits: NaN and inf went through the exact decimal path.
    assert answer(js, "dom", "points", value) == {"value": written}
    if not math.isnan(value):
        assert written == prose.signed(f"{100 * value:+.1f}")


@pytest.mark.parametrize("value", [1e307, -1e307, 1.7976931348623157e308])
def test_percent_writes_an_overflow_to_infinity_as_python_does(js, value):
    # Python's "%" multiplies by 100 first: f"{1e307:.1%}" is "inf%", not 309 digits.
    assert answer(js, "dom", "percent", value) == {"value": prose.percent(value)}


# --- ratios -------------------------------------------------------------------------------


COUNTS = "must hold whole numbers from 0 to 2^53 - 1"
PAIR = "must be [numerator, denominator]"


@pytest.mark.parametrize(
    ("ratio", "error", "how", "shown"),
    [
        ([1.5, 2], "RangeError", COUNTS, "[1.5, 2]"),
        ([1, 2**53], "RangeError", COUNTS, f"[1, {2**53}]"),
        ([-1, 2], "RangeError", COUNTS, "[-1, 2]"),
        (["1", 2], "RangeError", COUNTS, '["1", 2]'),
        ([1], "TypeError", PAIR, "[1]"),
        (None, "TypeError", PAIR, "null"),
    ],
    ids=["fractional", "2**53", "negative", "text", "one number", "null"],
)
def test_same_ratio_refuses_what_is_not_a_ratio_of_counts(js, ratio, error, how, shown):
    # [1.5, 2] threw a raw RangeError from BigInt(1.5); null, "is not iterable".
    for first, second, name in [(ratio, [1, 2], "first"), ([1, 2], ratio, "second")]:
        message = f"the {name} ratio {how}, got {shown}"
        refused(js, error, message, "dom", "sameRatio", first, 0.5, second, 0.5)


def test_exact_refuses_what_is_not_a_ratio(js):
    message = "ratio must be [numerator, denominator], got null"
    refused(js, "TypeError", message, "dom", "exact", None, 0.5)


# --- metrics.js: zeroDivision shown as given ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
        ("0.5", '"0.5"'),
        ("nan", '"nan"'),
        (0.5, "0.5"),
        (None, "null"),
        ([0], "[0]"),
    ],
    ids=["inf", "-inf", "text 0.5", "text nan", "0.5", "null", "list"],
)
def test_zero_division_refusal_shows_the_value_as_given(js, value, shown):
    # Infinity read "got null" (JSON.stringify(Infinity)), as if null had been given.
    message = f"zeroDivision must be 0, 1 or NaN, got {shown}"
    refused(js, "TypeError", message, "metrics", "summarize", WORKED, [0, 1, 2], value)


# --- what is valid is written as before ---------------------------------------------------


def spread() -> list[float]:
    """Round numbers, ties at every digit, tiny, huge and negative values, and random ones."""
    rng = random.Random(20240607)
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 1 / 3, 2 / 3, 5 / 9, 5e-324, 1e-300, 1e20, 1e300]
    values += [k / 1000 for k in range(0, 1001, 7)] + [k / 2**12 for k in range(-40, 41, 3)]
    values += [0.0005, 0.0015, 0.00125, 0.1225, 0.9995, 0.99949999, 0.4445, -0.0001, -5e-7]
    values += [rng.uniform(-2, 2) for _ in range(200)] + [rng.random() ** 8 for _ in range(40)]
    return values


def test_valid_values_are_written_as_python_writes_them(js):
    for value in spread():
        for digits in range(5):
            got = js.call("dom", "percent", value, digits)
            assert got == {"value": prose.percent(value, digits)}, (value, digits)
        got = js.call("dom", "points", value)
        assert got == {"value": prose.signed(f"{100 * value:+.1f}")}, value
    for value in (math.nan, math.inf, -math.inf):
        assert answer(js, "dom", "percent", value) == {"value": prose.percent(value)}


def test_valid_ratios_are_compared_exactly_as_before(js):
    rng = random.Random(7)
    pairs = [([1, 3], [2, 6]), ([2, 4], [1, 3]), ([0, 5], [0, 7]), ([2**52, 2**53 - 1], [1, 2])]
    for _ in range(60):
        pairs.append(
            ([rng.randrange(9), rng.randrange(1, 9)], [rng.randrange(9), rng.randrange(1, 9)])
        )
    for first, second in pairs:
        same = Fraction(*first) == Fraction(*second)
        assert answer(js, "dom", "sameRatio", first, 0.1, second, 0.2) == {"value": same}
    # A 0 denominator compares the zero_division values instead: NaN is not NaN.
    assert answer(js, "dom", "sameRatio", [0, 0], 1.0, [3, 3], 1.0) == {"value": True}
    assert answer(js, "dom", "sameRatio", [0, 0], math.nan, [0, 0], math.nan) == {"value": False}
    assert answer(js, "dom", "exact", [10, 4], 2.5) == {"value": prose.exact(Fraction(10, 4))}
