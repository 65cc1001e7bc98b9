"""Engine speed and memory, as ratios against baselines measured in the same process.

Goals (printed beside each figure, never asserted):

* 10 million int labels, 10 classes: ``ma.confusion_matrix`` and
  ``ma.scores(average="micro")`` at least 25x faster than scikit-learn's
  ``confusion_matrix`` and ``precision_recall_fscore_support``, and at most 3x one bare
  numpy pass over the data (``np.add(y_true, y_pred)``);
* 1 million string labels: at least 5x faster than scikit-learn;
* peak memory of the int case: at most two extra copies of the input.

Run with ``make bench``.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable

import microavg as ma
import numpy as np
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up: first-touch page faults, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_bytes(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def verdict(ok: bool) -> str:
    return "meets goal" if ok else "MISSES goal"


def row(name: str, seconds: float, note: str) -> None:
    print(f"  {name:<44} {seconds * 1e3:9.1f} ms   {note}")


def bench_ints(n: int, k: int, repeat: int) -> None:
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k, n))
    print(f"{n:,} int labels, {k} classes (int64, median of {repeat} runs)")

    floor = median_seconds(lambda: np.add(y_true, y_pred), repeat)
    ours_cm = median_seconds(lambda: ma.confusion_matrix(y_true, y_pred), repeat)
    ours_s = median_seconds(lambda: ma.scores(y_true, y_pred, average="micro"), repeat)
    sk_cm = median_seconds(lambda: sk_confusion_matrix(y_true, y_pred), max(1, repeat // 3))
    sk_s = median_seconds(
        lambda: precision_recall_fscore_support(y_true, y_pred, average="micro"),
        max(1, repeat // 3),
    )
    row("np.add(y_true, y_pred)  [numpy floor]", floor, "")
    row("ma.confusion_matrix", ours_cm, f"{ours_cm / floor:4.2f}x floor (goal <= 3x)")
    row("ma.scores(average='micro')", ours_s, f"{ours_s / floor:4.2f}x floor (goal <= 3x)")
    row("sklearn confusion_matrix", sk_cm, f"ours {sk_cm / ours_cm:5.1f}x faster (goal >= 25x)")
    row(
        "sklearn precision_recall_fscore_support",
        sk_s,
        f"ours {sk_s / ours_s:5.1f}x faster (goal >= 25x)",
    )
    print(
        "  verdict:",
        verdict(ours_cm <= 3 * floor and ours_s <= 3 * floor),
        "(floor);",
        verdict(sk_cm >= 25 * ours_cm and sk_s >= 25 * ours_s),
        "(scikit-learn)",
    )

    input_bytes = y_true.nbytes
    peak = max(
        peak_bytes(lambda: ma.confusion_matrix(y_true, y_pred)),
        peak_bytes(lambda: ma.scores(y_true, y_pred)),
    )
    print(
        f"  peak extra memory: {peak / 2**20:.1f} MiB = {peak / input_bytes:.2f} copies of one "
        f"input array ({input_bytes / 2**20:.0f} MiB); goal <= 2 copies: "
        f"{verdict(peak <= 2 * input_bytes)}"
    )


def bench_strings(n: int, repeat: int) -> None:
    rng = np.random.default_rng(1)
    names = np.array(["person", "location", "organisation", "date", "money", "O"])
    y_true = names[rng.integers(0, len(names), n)]
    y_pred = np.where(rng.random(n) < 0.7, y_true, names[rng.integers(0, len(names), n)])
    print(f"{n:,} string labels, {len(names)} classes (median of {repeat} runs)")
    ours_cm = median_seconds(lambda: ma.confusion_matrix(y_true, y_pred), repeat)
    ours_s = median_seconds(lambda: ma.scores(y_true, y_pred), repeat)
    sk_cm = median_seconds(lambda: sk_confusion_matrix(y_true, y_pred), max(1, repeat // 3))
    sk_s = median_seconds(
        lambda: precision_recall_fscore_support(y_true, y_pred, average="micro"),
        max(1, repeat // 3),
    )
    row(
        "ma.confusion_matrix",
        ours_cm,
        f"sklearn {sk_cm * 1e3:.0f} ms: ours {sk_cm / ours_cm:4.1f}x faster (goal >= 5x)",
    )
    row(
        "ma.scores(average='micro')",
        ours_s,
        f"sklearn {sk_s * 1e3:.0f} ms: ours {sk_s / ours_s:4.1f}x faster (goal >= 5x)",
    )
    print("  verdict:", verdict(sk_cm >= 5 * ours_cm and sk_s >= 5 * ours_s))


if __name__ == "__main__":
    bench_ints(10_000_000, 10, repeat=9)
    print()
    bench_strings(1_000_000, repeat=9)
