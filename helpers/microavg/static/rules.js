// The explorers' rules in the page: the same functions as microavg/explorers/rules.py,
// under the same names in camelCase (check_kept is checkKept), reading the same data
// (rules.json: limits, sliders, the controls' names on screen, every refusal's words).
// Each check returns its value or throws a RefusedEdit whose message says what was wrong;
// a test runs both languages on the same inputs, hostile ones included, word for word.
// Parsing is linear in the text's length: no regex here can backtrack.

import RULES from "./rules.json" with { type: "json" };

export { RULES };
const LIMITS = RULES.limits;
export const K_MIN = LIMITS.k_min;
export const K_MAX = LIMITS.k_max;
export const MAX_COUNT = LIMITS.max_count;
export const MAX_ROWS = LIMITS.max_rows;
export const MAX_LABEL_LENGTH = LIMITS.max_label_length;
export const MAX_CLASSIFIERS = LIMITS.max_classifiers;
export const ZERO_DIVISIONS = RULES.zero_divisions;
export const SIMULATION = RULES.simulation; // name -> {control, low, high, step, whole}
export const CONTROLS = RULES.controls;
export const MESSAGES = RULES.messages;
const MAX_TYPED = LIMITS.max_typed;

export class RefusedEdit extends Error {}

/** The refusal of MESSAGES[template] (or a CONTROLS template) filled in (rules.say). */
export function say(template, values = {}) {
  const words = MESSAGES[template] ?? CONTROLS[template] ?? template;
  return new RefusedEdit(words.replace(/\{(\w+)\}/g, (_, key) => String(values[key])));
}

const fill = (template, values) => say(template, values).message;

/** Typed text as a refusal quotes it: in double quotes, cut after 20 characters. */
export function quoted(text) {
  const chars = [...text];
  return `"${chars.length <= 20 ? text : chars.slice(0, 20).join("") + "…"}"`;
}

/** A value as a refusal shows it, as rules.shown writes it. */
export function shown(value) {
  if (typeof value === "string") return quoted(value);
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "nan";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    const size = Math.abs(value);
    if (Number.isInteger(value) && size < 1e12) return String(value);
    if (size >= 1e-4 && size < 1e12) return String(value);
    return size >= 1e12 ? "a number of more than 12 digits" : "a tiny number";
  }
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

/** A bound as Python writes it: 2 for a whole number, 0.0 or 0.25 for a real one. */
function bound(value, whole) {
  return !whole && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** `value` if it is a whole number from `low` to `high` (rules.whole). */
export function whole(name, value, low, high) {
  if (!(Number.isInteger(value) && low <= value && value <= high)) {
    throw say("whole", { name, low, high, got: shown(value) });
  }
  return value;
}

/** `value` if it is a finite real number from `low` to `high` (rules.real). */
export function real(name, value, low, high) {
  const ok = typeof value === "number" && Number.isFinite(value) && low <= value && value <= high;
  if (!ok) {
    throw say("real", { name, low: bound(low, false), high: bound(high, false), got: shown(value) });
  }
  return value;
}

// -- new labels ---------------------------------------------------------------------

/** `n` one-letter labels, A, B, ..., not among `taken`; n from 0 to 10. */
export function freshLabels(taken, n) {
  whole("n", n, 0, K_MAX);
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return letters.filter((name) => !taken.includes(name)).slice(0, n);
}

// -- typed text -----------------------------------------------------------------------

const SPACES = " \t\u00a0\u2007\u202f"; // rules._SPACES

/** `text` without the characters of `chars` at either end (Python's str.strip(chars)). */
function strip(text, chars) {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start += 1;
  while (end > start && chars.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

const WHOLE = /^[0-9]+$/;
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

/** A number typed as text, from `low` to `high` (rules.parse_number). */
export function parseNumber(text, name, low, high, isWhole) {
  if (typeof text !== "string") throw say("not_text", { name, got: shown(text) });
  const kind = isWhole ? "a whole number" : "a finite real number";
  const words = { name, kind, low: bound(low, isWhole), high: bound(high, isWhole) };
  const trimmed = strip(text, SPACES);
  const pattern = isWhole ? WHOLE : DECIMAL;
  if (trimmed.length > MAX_TYPED || !pattern.test(trimmed)) {
    throw say("typed", { ...words, got: quoted(text) });
  }
  const value = Number(trimmed);
  if (!(low <= value && value <= high)) throw say("typed", { ...words, got: quoted(text) });
  return value;
}

export function parseCount(text, name, high = MAX_COUNT) {
  return parseNumber(text, name, 0, high, true);
}

/** A label set typed as names separated by commas (rules.parse_labels). */
export function parseLabels(text) {
  const name = CONTROLS.label_set;
  if (typeof text !== "string") throw say("not_text", { name, got: shown(text) });
  const names = strip(text, SPACES) === "" ? [] : text.split(",").map((p) => strip(p, SPACES));
  return checkLabels(names, name);
}

function pastedLines(text) {
  let body = text.startsWith("\ufeff") ? text.slice(1) : text;
  body = strip(body.replaceAll("\r\n", "\n").replaceAll("\r", "\n"), SPACES + "\n");
  if (body.startsWith("array(") && body.endsWith(")")) body = body.slice(6, -1);
  if (!body.startsWith("[")) return body.split("\n");
  return body.split("]").map((part) => strip(part.replaceAll("[", ""), SPACES + "\n,"));
}

function cellsOf(line, by) {
  if (by === "spaces") return strip(line, SPACES).split(/[ \t\u00a0\u2007\u202f]+/);
  const parts = by === "tabs" ? line.split("\t") : line.split(/[,;]/);
  return parts.map((cell) => strip(cell, SPACES));
}

const isCount = (cell) => WHOLE.test(cell);

/** The lines that hold a cell (more than separators and spaces); more than a matrix may
 * have (a line of names aside) are refused before any is split into cells: a long paste is
 * answered at once (rules._filled). */
function filledLines(lines, by) {
  const cut = SPACES + (by === "commas" ? ",;" : "");
  const filled = lines.filter((line) => strip(line, cut) !== "");
  if (filled.length > K_MAX + 1) {
    const names = !cellsOf(filled[0], by).filter((cell) => cell !== "").every(isCount);
    throw say("paste_size", { name: CONTROLS.pasted, low: K_MIN, high: K_MAX, got: filled.length - (names ? 1 : 0) });
  }
  return filled;
}
const nameColumn = (rows) => rows.every((row) => row.length > 1 && !isCount(row[0]));

/** A pasted matrix: {counts, labels}, labels A, B, ... when not given (rules.parse_matrix). */
export function parseMatrix(text) {
  const name = CONTROLS.pasted;
  if (typeof text !== "string") throw say("not_text", { name, got: shown(text) });
  const lines = pastedLines(text);
  const joined = lines.join("\n");
  const by = joined.includes("\t")
    ? "tabs"
    : joined.includes(",") || joined.includes(";")
      ? "commas"
      : "spaces";
  let rows = filledLines(lines, by).map((line) => cellsOf(line, by).filter((cell) => cell !== ""));
  if (rows.length === 0) throw say("paste_empty", { name });
  for (const cell of rows.flat()) {
    // ١٢ would be taken for a name
    if (/^\p{Nd}+$/u.test(cell) && !isCount(cell)) throw say("paste_digits", { name, got: quoted(cell) });
  }
  let header = null;
  if (rows.length > 1 && !rows[0].every(isCount)) {
    const body = rows.slice(1);
    const width = body[0].length - (nameColumn(body) ? 1 : 0);
    if (body.length === width) [header, rows] = [rows[0], body];
  }
  let names = null;
  if (nameColumn(rows)) {
    names = rows.map((row) => row[0]);
    rows = rows.map((row) => row.slice(1));
  }
  if (header !== null && rows.length === 0) throw say("paste_names_only", { name });
  if (rows.length === 1 && !rows[0].some(isCount)) throw say("paste_names_only", { name });
  rows.forEach((row, n) => {
    if (row.length !== rows[0].length) {
      throw say("paste_ragged", { name, first: rows[0].length, row: n + 1, got: row.length });
    }
  });
  if (rows.length !== rows[0].length) {
    throw say("paste_not_square", { name, rows: rows.length, got: rows[0].length });
  }
  if (!(K_MIN <= rows.length && rows.length <= K_MAX)) {
    throw say("paste_size", { name, low: K_MIN, high: K_MAX, got: rows.length });
  }
  const counts = rows.map((row, i) =>
    row.map((cell, j) => parseCount(cell, fill("pasted_cell", { row: i + 1, column: j + 1 }))),
  );
  if (header !== null && header.length === rows.length + 1) header = header.slice(1);
  if (header !== null && names !== null && header.join("\u0000") !== names.join("\u0000")) {
    throw say("paste_names_differ", { name, rows: names.join(", "), columns: header.join(", ") });
  }
  let labels = header ?? names ?? freshLabels([], counts.length);
  labels = checkLabels(labels, CONTROLS.pasted_labels);
  if (labels.length !== counts.length) {
    throw say("paste_label_count", {
      name: CONTROLS.pasted_labels,
      got: labels.length,
      rows: counts.length,
    });
  }
  checkCounts(counts, counts.length, name);
  return { counts, labels };
}

// -- checks of a whole state ----------------------------------------------------------

/** A whole number as the label text it stands for (rules.as_label). */
export const asLabel = (value) =>
  typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;

/** 2 to 10 distinct, non-blank labels of at most 20 characters (rules.check_labels). */
export function checkLabels(labels, name = CONTROLS.labels) {
  if (!Array.isArray(labels)) throw say("not_a_list", { name, got: shown(labels) });
  const out = labels.map((label) => {
    const text = asLabel(label);
    if (typeof text !== "string") throw say("not_text", { name, got: shown(label) });
    return text;
  });
  if (!(K_MIN <= out.length && out.length <= K_MAX)) {
    throw say("label_count", { name, low: K_MIN, high: K_MAX, got: out.length });
  }
  for (const label of out) {
    if (strip(label, SPACES + "\n") === "") throw say("blank_label", { name });
    if (label.endsWith("\u0000")) throw say("nul_label", { name });
    if ([...label].length > MAX_LABEL_LENGTH) {
      throw say("long_label", { name, high: MAX_LABEL_LENGTH, got: quoted(label) });
    }
    if (out.filter((other) => other === label).length > 1) {
      throw say("repeated", { name, got: quoted(label) });
    }
  }
  return out;
}

/** Counts as a k x k matrix of whole numbers from 0 to 1,000,000, not all 0. */
export function checkCounts(counts, k, name = CONTROLS.counts) {
  if (!Array.isArray(counts) || counts.length !== k) throw say("not_square", { name, k });
  const out = counts.map((row, i) => {
    if (!Array.isArray(row) || row.length !== k) throw say("not_square", { name, k });
    return row.map((value, j) => whole(`${name}[${i}][${j}]`, value, 0, MAX_COUNT));
  });
  if (out.every((row) => row.every((value) => value === 0))) throw say("all_zero", { name });
  return out;
}

/** The labels scored, in the order of `labels`: at least one, each among `labels`. */
export function checkKept(kept, labels) {
  const name = CONTROLS.kept;
  if (!Array.isArray(kept)) throw say("not_a_list", { name, got: shown(kept) });
  const wanted = kept.map(asLabel);
  for (const label of wanted) {
    if (typeof label !== "string" || !labels.includes(label)) {
      throw say("kept_unknown", { name, labels: labels.join(", "), got: shown(label) });
    }
    if (wanted.filter((other) => other === label).length > 1) {
      throw say("repeated", { name, got: quoted(label) });
    }
  }
  if (wanted.length === 0) throw say("kept_none", { name });
  return labels.filter((label) => wanted.includes(label));
}

/** 0, 1 or NaN, as numbers or as the page's "0", "1", "nan" (rules.check_zero_division). */
export function checkZeroDivision(value) {
  if (typeof value === "string" && ZERO_DIVISIONS.includes(value)) {
    return value === "nan" ? NaN : Number(value);
  }
  if (typeof value === "number" && (value === 0 || value === 1 || Number.isNaN(value))) {
    return value;
  }
  throw say("zero_division", { name: CONTROLS.zero_division, got: shown(value) });
}

/** The state with `k` labels, as rules.resized makes it. */
export function resized(labels, counts, kept, k) {
  const name = CONTROLS.k;
  whole(name, k, K_MIN, K_MAX);
  const old = labels.length;
  const keep = Math.min(k, old);
  const newLabels = [...labels.slice(0, keep), ...freshLabels(labels, k - keep)];
  const newCounts = newLabels.map((_, i) =>
    newLabels.map((_, j) => (i < keep && j < keep ? counts[i][j] : 0)),
  );
  const newKept = newLabels.filter((label, n) => n >= old || kept.includes(label));
  if (newKept.length === 0) {
    throw say("resize_unscored", { name, k, labels: newLabels.join(" or ") });
  }
  if (newCounts.every((row) => row.every((value) => value === 0))) {
    throw say("resize_empty", { name, k });
  }
  return { labels: newLabels, counts: newCounts, kept: newKept };
}

/** The prediction editor's rows: 1 to 40, each label among `labels` (rules.check_rows). */
export function checkRows(yTrue, yPred, labels) {
  const out = [];
  for (const [name, given] of [[CONTROLS.true, yTrue], [CONTROLS.predicted, yPred]]) {
    if (!Array.isArray(given)) throw say("not_a_list", { name: `${name}s`, got: shown(given) });
    const rows = given.map(asLabel);
    if (!(1 <= rows.length && rows.length <= MAX_ROWS)) {
      throw say("row_count", { name: CONTROLS.rows, low: 1, high: MAX_ROWS, got: rows.length });
    }
    rows.forEach((label, n) => {
      if (typeof label !== "string" || !labels.includes(label)) {
        throw say("row_label", { name, row: n + 1, labels: labels.join(", "), got: shown(label) });
      }
    });
    out.push(rows);
  }
  if (out[0].length !== out[1].length) {
    throw say("row_pairs", { name: `${CONTROLS.predicted}s`, got: out[1].length, rows: out[0].length });
  }
  return out;
}

/** One parameter of the many-classifiers explorer, within its slider's range. */
export function checkSimulation(name, value) {
  if (!Object.hasOwn(SIMULATION, name)) {
    throw say("parameter", { names: Object.keys(SIMULATION).join(", "), got: shown(name) });
  }
  const { control, low, high, whole: isWhole } = SIMULATION[name];
  return (isWhole ? whole : real)(control, value, low, high);
}

/** The reason an edit was refused, or rethrow what is no refusal (a bug). */
export function reasonOf(error) {
  if (error instanceof RefusedEdit) return error.message;
  throw error;
}
