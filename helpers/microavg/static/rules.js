// The explorers' rules in the page: the same limits, checks and refusal messages as
// microavg/explorers/rules.py, word for word (a test runs both on the same inputs).
// Each check returns its value or throws a RefusedEdit whose message says what was wrong.

export const K_MIN = 2;
export const K_MAX = 10;
export const MAX_COUNT = 1000000;
export const MAX_ROWS = 40;
export const MAX_LABEL_LENGTH = 20;
export const SIMULATION = {
  n_labels: [2, 10, 1, true],
  n_samples: [20, 2000, 10, true],
  skill: [0.0, 1.0, 0.05, false],
  imbalance: [0.0, 3.0, 0.25, false],
  seed: [0, 99, 1, true],
}; // name -> [lowest, highest, slider step, whole]

export class RefusedEdit extends Error {}

/** Typed text as a refusal quotes it: in double quotes, cut after 20 characters. */
export function quoted(text) {
  const chars = [...text];
  return `"${chars.length <= 20 ? text : chars.slice(0, 20).join("") + "…"}"`;
}

/** A bound as Python writes it: 2 for a whole number, 0.0 or 0.25 for a real one. */
function pyNumber(value, whole) {
  return !whole && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** `n` one-letter labels, A, B, ..., not among `taken`. */
export function freshLabels(taken, n) {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return letters.filter((name) => !taken.includes(name)).slice(0, n);
}

/** A number typed as text, from `low` to `high` (see rules.parse_number). */
export function parseNumber(text, name, low, high, whole) {
  const kind = whole ? "a whole number" : "a finite real number";
  const words =
    `${name} must be ${kind} from ${pyNumber(low, whole)} to ${pyNumber(high, whole)}, ` +
    `got ${quoted(text)}`;
  const trimmed = text.trim();
  const pattern = whole ? /^[0-9]+$/ : /^[0-9]+(\.[0-9]+)?$/;
  if (trimmed.length > 12 || !pattern.test(trimmed)) throw new RefusedEdit(words);
  const value = Number(trimmed);
  if (!(low <= value && value <= high)) throw new RefusedEdit(words);
  return value;
}

export function parseCount(text, name, high = MAX_COUNT) {
  return parseNumber(text, name, 0, high, true);
}

/** A label set typed as names separated by commas. */
export function parseLabels(text) {
  return checkLabels(text.split(",").map((name) => name.trim()));
}

/** 2 to 10 distinct, non-blank labels of at most 20 characters. */
export function checkLabels(labels, name = "labels") {
  if (!(K_MIN <= labels.length && labels.length <= K_MAX)) {
    throw new RefusedEdit(`${name} must hold from ${K_MIN} to ${K_MAX} labels, got ${labels.length}`);
  }
  for (const label of labels) {
    if (label.trim() === "") throw new RefusedEdit(`${name} must not hold a blank label`);
    if ([...label].length > MAX_LABEL_LENGTH) {
      throw new RefusedEdit(
        `${name} must hold labels of at most ${MAX_LABEL_LENGTH} characters, got ${quoted(label)}`,
      );
    }
    if (labels.filter((other) => other === label).length > 1) {
      throw new RefusedEdit(`${name} must be distinct, got ${quoted(label)} twice`);
    }
  }
  return labels;
}

const total = (counts) => counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

/** Counts not all 0 (each cell is checked as it is typed). */
export function checkNotEmpty(counts, name = "counts") {
  if (total(counts) === 0) {
    throw new RefusedEdit(`${name} must hold at least one row to score, got every count 0`);
  }
  return counts;
}

/** The labels scored, in the order of `labels`: at least one. */
export function checkKeptLabels(kept, labels) {
  if (kept.length === 0) {
    throw new RefusedEdit("kept must hold at least one label to score, got none");
  }
  return labels.filter((label) => kept.includes(label));
}

/** The state with `k` labels, as rules.resized makes it. */
export function resized(labels, counts, kept, k) {
  const old = labels.length;
  const keep = Math.min(k, old);
  const newLabels = [...labels.slice(0, keep), ...freshLabels(labels, k - keep)];
  const newCounts = newLabels.map((_, i) =>
    newLabels.map((_, j) => (i < keep && j < keep ? counts[i][j] : 0)),
  );
  const newKept = newLabels.filter((label, n) => n >= old || kept.includes(label));
  if (newKept.length === 0) {
    throw new RefusedEdit(
      `k = ${k} would leave no label scored: tick ${newLabels.join(" or ")} first`,
    );
  }
  if (total(newCounts) === 0) {
    throw new RefusedEdit(`k = ${k} would leave every count 0: there would be no rows to score`);
  }
  return { labels: newLabels, counts: newCounts, kept: newKept };
}

const NUMBERISH = /^[-+0-9.eE]+$/;

/** A pasted matrix: {counts, labels} (labels null when not given), as rules.parse_matrix. */
export function parseMatrix(text) {
  let body = text.trim();
  if (body.startsWith("array(") && body.endsWith(")")) body = body.slice(6, -1);
  let lines;
  if (body.startsWith("[")) {
    const inner = body.replace(/^[[\] \n\t]+|[[\] \n\t]+$/g, "");
    lines = inner.split(/\]\s*,?\s*\[/);
  } else {
    lines = body.split("\n");
  }
  let rows = lines
    .map((line) => line.trim().split(/[,\t ;]+/).filter((cell) => cell !== ""))
    .filter((row) => row.length > 0);
  if (rows.length === 0) throw new RefusedEdit("pasted matrix must hold counts, got nothing");
  let header = null;
  if (!rows[0].every((cell) => NUMBERISH.test(cell))) [header, ...rows] = rows;
  let names = null;
  if (rows.length > 0 && rows.every((row) => !NUMBERISH.test(row[0]))) {
    names = rows.map((row) => row[0]);
    rows = rows.map((row) => row.slice(1));
  }
  if (rows.length === 0) {
    throw new RefusedEdit("pasted matrix must hold counts, got only label names");
  }
  rows.forEach((row, n) => {
    if (row.length !== rows[0].length) {
      throw new RefusedEdit(
        "pasted matrix must have as many counts in every row: " +
          `row 1 has ${rows[0].length}, row ${n + 1} has ${row.length}`,
      );
    }
  });
  if (rows.length !== rows[0].length) {
    throw new RefusedEdit(
      `pasted matrix must be square, got ${rows.length} rows of ${rows[0].length} counts`,
    );
  }
  if (!(K_MIN <= rows.length && rows.length <= K_MAX)) {
    throw new RefusedEdit(`pasted matrix must have from ${K_MIN} to ${K_MAX} rows, got ${rows.length}`);
  }
  const counts = rows.map((row, i) =>
    row.map((cell, j) => parseCount(cell, `pasted count at row ${i + 1}, column ${j + 1}`)),
  );
  if (header !== null && header.length === rows.length + 1) header = header.slice(1);
  if (header !== null && names !== null && header.join("\u0000") !== names.join("\u0000")) {
    throw new RefusedEdit(
      `pasted matrix must name its rows as its columns, got ${names.join(", ")} ` +
        `for ${header.join(", ")}`,
    );
  }
  let labels = header !== null ? header : names;
  if (labels !== null) {
    labels = checkLabels(labels, "pasted labels");
    if (labels.length !== counts.length) {
      throw new RefusedEdit(
        `pasted labels must be one per row, got ${labels.length} for ${counts.length} rows`,
      );
    }
  }
  checkNotEmpty(counts, "pasted matrix");
  return { counts, labels };
}

/** The reason an edit was refused, or rethrow what is no refusal (a bug). */
export function reasonOf(error) {
  if (error instanceof RefusedEdit) return error.message;
  throw error;
}

/** The prediction editor's rows: 1 to 40, each label among `labels` (rules.check_rows). */
export function checkRows(yTrue, yPred, labels) {
  for (const [name, rows] of [["y_true", yTrue], ["y_pred", yPred]]) {
    if (!(1 <= rows.length && rows.length <= MAX_ROWS)) {
      throw new RefusedEdit(`${name} must hold from 1 to ${MAX_ROWS} rows, got ${rows.length}`);
    }
    rows.forEach((label, n) => {
      if (!labels.includes(label)) {
        throw new RefusedEdit(
          `${name} must hold labels among ${labels.join(", ")}, got ${quoted(label)} in row ${n + 1}`,
        );
      }
    });
  }
  return [yTrue, yPred];
}
