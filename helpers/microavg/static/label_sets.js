// The page's arithmetic for label sets: scores turned into predicted label sets (as
// microavg.predictions does: arg-max or abstain, a threshold, the top k), and sets scored
// against true sets as microavg.scores scores multi-label indicator arrays (which follows
// scikit-learn's precision_recall_fscore_support on them):
//
// * per label, TP counts items where the label is true and predicted, FP predicted but not
//   true, FN true but not predicted; micro sums them over the labels, then divides once;
// * subset accuracy is the share of items whose predicted set is exactly the true set;
//   "covered" the share whose true labels are all predicted (top-k accuracy, when every
//   item has one true label);
// * a ratio whose denominator is 0 is `zeroDivision` (0, 1 or NaN).
//
// Both exports check what they are given and throw a TypeError or RangeError naming it.

/** Throw unless `rows` is a non-empty list of equally long rows of 0/1 (true/false). */
function checkSets(rows, name) {
  if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0])) {
    throw new TypeError(`${name} must be a non-empty list of 0/1 rows`);
  }
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== rows[0].length || row.length === 0) {
      throw new TypeError(`${name} must hold rows of one length`);
    }
    for (const value of row) {
      if (!(value === 0 || value === 1 || typeof value === "boolean")) {
        throw new RangeError(`${name} must hold 0 or 1, got ${value}`);
      }
    }
  }
}

const ratio = (numerator, denominator, zeroDivision) =>
  denominator === 0 ? zeroDivision : numerator / denominator;
const sum = (values) => values.reduce((total, v) => total + v, 0);

/** The k columns of `row` with the highest scores, ties to the earlier column. */
function topColumns(row, k) {
  const order = row.map((_, j) => j).sort((a, b) => row[b] - row[a] || a - b);
  return new Set(order.slice(0, k));
}

/**
 * Predicted label sets, one 0/1 row per item: "abstain" marks the arg-max column (the
 * first on a tie) when its score reaches `cut`, else nothing; "threshold" every column
 * whose score reaches `cut`; "top_k" the `k` best columns (ties to the earlier column).
 */
export function predictedSets(scores, mode, cut, k) {
  if (!Array.isArray(scores) || scores.length === 0) {
    throw new TypeError("scores must be a non-empty list of rows");
  }
  for (const row of scores) {
    if (!Array.isArray(row) || row.length !== scores[0].length || row.length < 2) {
      throw new TypeError("scores must hold rows of one length, at least 2");
    }
    if (!row.every((v) => typeof v === "number" && Number.isFinite(v))) {
      throw new RangeError("scores must be finite numbers");
    }
  }
  if (typeof cut !== "number" || !Number.isFinite(cut)) {
    throw new RangeError(`cut must be a finite number, got ${cut}`);
  }
  if (mode === "top_k" && !(Number.isInteger(k) && k >= 1 && k <= scores[0].length)) {
    throw new RangeError(`k must be a whole number from 1 to ${scores[0].length}, got ${k}`);
  }
  return scores.map((row) => {
    if (mode === "threshold") return row.map((v) => (v >= cut ? 1 : 0));
    if (mode === "top_k") {
      const best = topColumns(row, k);
      return row.map((_, j) => (best.has(j) ? 1 : 0));
    }
    if (mode === "abstain") {
      const [top] = topColumns(row, 1);
      return row.map((_, j) => (j === top && row[top] >= cut ? 1 : 0));
    }
    throw new TypeError(`mode must be "abstain", "threshold" or "top_k", got ${mode}`);
  });
}

/** Per-label and per-item TP, FP, FN, micro P, R, F1 (with their fractions' parts),
 * subset accuracy and the share of items covered, of `pred` sets against `truth` sets. */
export function scoreSets(truth, pred, zeroDivision = 0) {
  checkSets(truth, "truth");
  checkSets(pred, "pred");
  if (truth.length !== pred.length || truth[0].length !== pred[0].length) {
    throw new TypeError("truth and pred must have the same shape");
  }
  if (!(zeroDivision === 0 || zeroDivision === 1 || Number.isNaN(zeroDivision))) {
    throw new TypeError(`zeroDivision must be 0, 1 or NaN, got ${zeroDivision}`);
  }
  const t = truth.map((row) => row.map(Number));
  const p = pred.map((row) => row.map(Number));
  const columns = t[0].map((_, j) => j);
  const both = (i, j) => t[i][j] * p[i][j];
  const tp = columns.map((j) => sum(t.map((_, i) => both(i, j))));
  const fp = columns.map((j) => sum(p.map((row, i) => row[j] - both(i, j))));
  const fn = columns.map((j) => sum(t.map((row, i) => row[j] - both(i, j))));
  const items = t.map((row, i) => ({
    tp: sum(columns.map((j) => both(i, j))),
    fp: sum(columns.map((j) => p[i][j] - both(i, j))),
    fn: sum(columns.map((j) => row[j] - both(i, j))),
    size: sum(p[i]),
  }));
  const [sumTp, sumFp, sumFn] = [tp, fp, fn].map(sum);
  const exactSets = items.filter((item) => item.fp === 0 && item.fn === 0).length;
  const covered = items.filter((item) => item.fn === 0).length;
  const micro = {
    precision: ratio(sumTp, sumTp + sumFp, zeroDivision),
    recall: ratio(sumTp, sumTp + sumFn, zeroDivision),
    f1: ratio(2 * sumTp, 2 * sumTp + sumFp + sumFn, zeroDivision),
    parts: {
      precision: [sumTp, sumTp + sumFp],
      recall: [sumTp, sumTp + sumFn],
      f1: [2 * sumTp, 2 * sumTp + sumFp + sumFn],
    },
  };
  return {
    labels: { tp, fp, fn, support: columns.map((j) => tp[j] + fn[j]) },
    items,
    micro,
    sumTp,
    sumFp,
    sumFn,
    residual: sumFp - sumFn,
    subsetAccuracy: { value: exactSets / t.length, parts: [exactSets, t.length] },
    covered: { value: covered / t.length, parts: [covered, t.length] },
  };
}
