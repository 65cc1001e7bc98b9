// The live explorer's arithmetic: per-label TP, FP and FN from a confusion matrix, and
// precision, recall, F1 and accuracy from them, exactly as microavg.scores computes them
// (which follows scikit-learn's precision_recall_fscore_support):
//
// * rows of `counts` are true labels, columns predicted labels;
// * `kept` lists the indices of the labels scored (labels=). A label left out still
//   counts for the labels kept: its rows predicted as a kept label are that label's
//   false positives, and kept rows predicted as it are false negatives;
// * micro sums TP, FP and FN over the kept labels, then divides once; macro averages the
//   per-label scores; weighted does so weighted by support (TP + FN);
// * a ratio whose denominator is 0 is `zeroDivision` (0, 1 or NaN), and NaN scores are
//   left out of the macro and weighted averages (all NaN: NaN; all weights 0: the plain
//   mean);
// * a label left out counts its errors out of it (true it, predicted a kept label) and into
//   it (true a kept label, predicted it): ΣFP − ΣFN is the sum of their differences;
// * F1 is 2 TP / (2 TP + FP + FN); accuracy is the share of all rows on the diagonal,
//   whatever labels are kept (0 when there are no rows).
//
// Counts are whole numbers well below 2^53, so every sum here is exact and every ratio
// is one correctly rounded division, as in Python. Only two functions are exported, and
// both check what they are given and throw a TypeError or RangeError naming what was wrong:
// `summarize` (through `checkMatrix`, `checkKeptIndices`, `checkZeroDivision`) and
// `fraction`. They never compute on a string, a NaN, a negative or fractional count, a
// count of 2^53 or more, or a kept list that is empty or repeats; the helpers below them
// are reached only with checked values.

import { written } from "./written.js";

/** Throw unless `counts` is a square matrix (k >= 1) of safe whole numbers >= 0. */
function checkMatrix(counts) {
  if (!Array.isArray(counts) || counts.length === 0) {
    throw new TypeError("counts must be a square matrix of counts");
  }
  for (const row of counts) {
    if (!Array.isArray(row) || row.length !== counts.length) {
      throw new TypeError("counts must be a square matrix of counts");
    }
    for (const value of row) {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
        const got = written(value);
        throw new RangeError(`counts must hold whole numbers from 0 to 2^53 - 1, got ${got}`);
      }
    }
  }
  // Every sum below is of these counts: keep it exact.
  if (!Number.isSafeInteger(2 * counts.flat().reduce((a, b) => a + b, 0))) {
    throw new RangeError("counts must sum to less than 2^52");
  }
}

/** Throw unless `kept` is a non-empty list of distinct indices of the k labels. */
function checkKeptIndices(kept, k) {
  if (!Array.isArray(kept) || kept.length === 0) {
    throw new TypeError("kept must list at least one label index");
  }
  for (const i of kept) {
    if (!Number.isInteger(i) || i < 0 || i >= k) {
      throw new RangeError(`kept must hold label indices from 0 to ${k - 1}, got ${written(i)}`);
    }
  }
  if (new Set(kept).size !== kept.length) throw new RangeError("kept must not repeat a label");
}

/** Throw unless `value` is 0, 1 or NaN (the number, not the string "nan"). */
function checkZeroDivision(value) {
  if (typeof value !== "number" || !(value === 0 || value === 1 || Number.isNaN(value))) {
    throw new TypeError(`zeroDivision must be 0, 1 or NaN, got ${written(value)}`);
  }
}

/** `numerator / denominator`, or `zeroDivision` when the denominator is 0. */
function ratio(numerator, denominator, zeroDivision = 0) {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}

/** A ratio of whole numbers in lowest terms: {numerator, denominator}. */
export function fraction(numerator, denominator) {
  for (const part of [numerator, denominator]) {
    if (!Number.isSafeInteger(part) || part < 0) {
      throw new RangeError(`fraction takes whole numbers from 0 to 2^53 - 1, got ${written(part)}`);
    }
  }
  if (denominator === 0) throw new RangeError("fraction: the denominator is 0");
  let a = numerator;
  let b = denominator;
  while (b !== 0) [a, b] = [b, a % b];
  return { numerator: numerator / a, denominator: denominator / a };
}

const sum = (values) => values.reduce((total, v) => total + v, 0);

/** TP, FP, FN and support of each kept label, counted over every row of `counts`. */
function labelCounts(counts, kept) {
  const predicted = counts[0].map((_, j) => sum(counts.map((row) => row[j])));
  const support = counts.map(sum);
  const tp = kept.map((i) => counts[i][i]);
  return {
    tp,
    fp: kept.map((i, n) => predicted[i] - tp[n]),
    fn: kept.map((i, n) => support[i] - tp[n]),
    support: kept.map((i) => support[i]),
  };
}

/** Precision, recall and F1 of each label, as arrays aligned with `lc`'s labels. */
function perLabelScores(lc, zeroDivision = 0) {
  const { tp, fp, fn } = lc;
  return {
    precision: tp.map((t, n) => ratio(t, t + fp[n], zeroDivision)),
    recall: tp.map((t, n) => ratio(t, t + fn[n], zeroDivision)),
    f1: tp.map((t, n) => ratio(2 * t, 2 * t + fp[n] + fn[n], zeroDivision)),
  };
}

/** Mean of the non-NaN values, weighted unless `weights` is null or sums to 0. */
function nanAverage(values, weights = null) {
  const keep = values.map((_, n) => n).filter((n) => !Number.isNaN(values[n]));
  if (keep.length === 0) return NaN;
  if (weights !== null) {
    const total = sum(keep.map((n) => weights[n]));
    if (total !== 0) return sum(keep.map((n) => values[n] * weights[n])) / total;
  }
  return sum(keep.map((n) => values[n])) / keep.length;
}

/** Micro-averaged precision, recall and F1, and their exact fractions' parts. */
function microScores(lc, zeroDivision = 0) {
  const tp = sum(lc.tp);
  const fp = sum(lc.fp);
  const fn = sum(lc.fn);
  return {
    precision: ratio(tp, tp + fp, zeroDivision),
    recall: ratio(tp, tp + fn, zeroDivision),
    f1: ratio(2 * tp, 2 * tp + fp + fn, zeroDivision),
    parts: {
      precision: [tp, tp + fp],
      recall: [tp, tp + fn],
      f1: [2 * tp, 2 * tp + fp + fn],
    },
  };
}

/** Precision, recall and F1 averaged as `average` says: "micro", "macro" or "weighted". */
function averagedScores(lc, average, zeroDivision = 0) {
  if (average === "micro") return microScores(lc, zeroDivision);
  if (average !== "macro" && average !== "weighted") {
    throw new Error(`average must be "micro", "macro" or "weighted", got ${average}`);
  }
  const each = perLabelScores(lc, zeroDivision);
  const weights = average === "weighted" ? lc.support : null;
  return {
    precision: nanAverage(each.precision, weights),
    recall: nanAverage(each.recall, weights),
    f1: nanAverage(each.f1, weights),
  };
}

/** Rows on the diagonal over all rows, every label counted (0 when there are none). */
function accuracy(counts) {
  const total = sum(counts.map(sum));
  const correct = sum(counts.map((row, i) => row[i]));
  return { value: ratio(correct, total, 0), parts: [correct, total] };
}

/**
 * Everything the explorer shows for a matrix: per-label counts and scores of the kept
 * labels, the three averages, accuracy, and ΣFP, ΣFN and ΣFP − ΣFN over the kept labels
 * and over all labels.
 */
export function summarize(counts, kept, zeroDivision = 0) {
  checkMatrix(counts);
  checkKeptIndices(kept, counts.length);
  checkZeroDivision(zeroDivision);
  const lc = labelCounts(counts, kept);
  const every = labelCounts(
    counts,
    counts.map((_, i) => i),
  );
  const sumFp = sum(lc.fp);
  const sumFn = sum(lc.fn);
  // Each label left out: its errors out of it (true it, predicted a kept label: FPs with no
  // FN among the kept) and into it (true a kept label, predicted it: FNs with no FP). The
  // residual is the sum of their differences.
  const leftOut = counts
    .map((_, i) => i)
    .filter((i) => !kept.includes(i))
    .map((i) => ({ index: i, outOf: sum(kept.map((j) => counts[i][j])), into: sum(kept.map((j) => counts[j][i])) }));
  return {
    labels: lc,
    perLabel: perLabelScores(lc, zeroDivision),
    micro: averagedScores(lc, "micro", zeroDivision),
    macro: averagedScores(lc, "macro", zeroDivision),
    weighted: averagedScores(lc, "weighted", zeroDivision),
    accuracy: accuracy(counts),
    sumFp,
    sumFn,
    residual: sumFp - sumFn,
    leftOut,
    allSumFp: sum(every.fp),
    allSumFn: sum(every.fn),
  };
}
