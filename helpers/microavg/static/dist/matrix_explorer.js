// Built by tools/bundle.mjs from static/matrix_explorer.js: do not edit.

// written.js
function written(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) {
    return `[${value.map((v) => Array.isArray(v) ? "[…]" : written(v)).join(", ")}]`;
  }
  if (typeof value === "object" && value !== null) return "an object";
  return typeof value === "function" ? "a function" : String(value);
}

// metrics.js
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
  if (!Number.isSafeInteger(2 * counts.flat().reduce((a, b) => a + b, 0))) {
    throw new RangeError("counts must sum to less than 2^52");
  }
}
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
function checkZeroDivision(value) {
  if (typeof value !== "number" || !(value === 0 || value === 1 || Number.isNaN(value))) {
    throw new TypeError(`zeroDivision must be 0, 1 or NaN, got ${written(value)}`);
  }
}
function ratio(numerator, denominator, zeroDivision = 0) {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}
function fraction(numerator, denominator) {
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
var sum = (values) => values.reduce((total, v) => total + v, 0);
function labelCounts(counts, kept) {
  const predicted = counts[0].map((_, j) => sum(counts.map((row) => row[j])));
  const support = counts.map(sum);
  const tp = kept.map((i) => counts[i][i]);
  return {
    tp,
    fp: kept.map((i, n) => predicted[i] - tp[n]),
    fn: kept.map((i, n) => support[i] - tp[n]),
    support: kept.map((i) => support[i])
  };
}
function perLabelScores(lc, zeroDivision = 0) {
  const { tp, fp, fn } = lc;
  return {
    precision: tp.map((t, n) => ratio(t, t + fp[n], zeroDivision)),
    recall: tp.map((t, n) => ratio(t, t + fn[n], zeroDivision)),
    f1: tp.map((t, n) => ratio(2 * t, 2 * t + fp[n] + fn[n], zeroDivision))
  };
}
function nanAverage(values, weights = null) {
  const keep = values.map((_, n) => n).filter((n) => !Number.isNaN(values[n]));
  if (keep.length === 0) return NaN;
  if (weights !== null) {
    const total = sum(keep.map((n) => weights[n]));
    if (total !== 0) return sum(keep.map((n) => values[n] * weights[n])) / total;
  }
  return sum(keep.map((n) => values[n])) / keep.length;
}
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
      f1: [2 * tp, 2 * tp + fp + fn]
    }
  };
}
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
    f1: nanAverage(each.f1, weights)
  };
}
function accuracy(counts) {
  const total = sum(counts.map(sum));
  const correct = sum(counts.map((row, i) => row[i]));
  return { value: ratio(correct, total, 0), parts: [correct, total] };
}
function summarize(counts, kept, zeroDivision = 0) {
  checkMatrix(counts);
  checkKeptIndices(kept, counts.length);
  checkZeroDivision(zeroDivision);
  const lc = labelCounts(counts, kept);
  const every = labelCounts(
    counts,
    counts.map((_, i) => i)
  );
  const sumFp = sum(lc.fp);
  const sumFn = sum(lc.fn);
  const leftOut = counts.map((_, i) => i).filter((i) => !kept.includes(i)).map((i) => ({ index: i, outOf: sum(kept.map((j) => counts[i][j])), into: sum(kept.map((j) => counts[j][i])) }));
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
    allSumFn: sum(every.fn)
  };
}

// rules.json
var rules_default = {
  about: "The explorers' rules as data, read by microavg/explorers/rules.py and by static/rules.js: limits, the many-classifiers sliders, the controls as the reader sees them, presets' button texts, and every refusal's words as a template whose {names} the checks fill in.",
  limits: {
    k_min: 2,
    k_max: 10,
    max_count: 1e6,
    max_rows: 40,
    max_label_length: 20,
    max_classifiers: 2e3,
    max_typed: 12
  },
  zero_divisions: [
    "0",
    "1",
    "nan"
  ],
  simulation: {
    n_labels: {
      control: "labels",
      low: 2,
      high: 10,
      step: 1,
      whole: true
    },
    n_samples: {
      control: "test rows",
      low: 20,
      high: 2e3,
      step: 10,
      whole: true
    },
    skill: {
      control: "skill",
      low: 0,
      high: 1,
      step: 0.05,
      whole: false
    },
    imbalance: {
      control: "imbalance",
      low: 0,
      high: 3,
      step: 0.25,
      whole: false
    },
    seed: {
      control: "seed",
      low: 0,
      high: 99,
      step: 1,
      whole: true
    }
  },
  controls: {
    k: "labels (k)",
    labels: "labels",
    label_set: "labels",
    kept: "labels scored",
    counts: "counts",
    cell: "count of true {true}, predicted {predicted}",
    true: "true label",
    predicted: "predicted label",
    rows: "rows",
    pasted: "matrix to paste",
    pasted_cell: "count at row {row}, column {column} of the matrix to paste",
    pasted_labels: "labels of the matrix to paste",
    zero_division: "zero_division"
  },
  presets: {
    worked: "worked example",
    imbalanced: "imbalanced",
    ner: 'NER-like (dominant "O")'
  },
  messages: {
    typed: "{name} must be {kind} from {low} to {high}, got {got}",
    whole: "{name} must be a whole number from {low} to {high}, got {got}",
    real: "{name} must be a finite real number from {low} to {high}, got {got}",
    not_a_list: "{name} must be a list of labels, got {got}",
    not_text: "{name} must hold text, got {got}",
    label_count: "{name} must hold from {low} to {high} labels, got {got}",
    blank_label: "{name} must not hold a blank label",
    nul_label: "{name} must not hold a label ending in NUL ('\\x00'), which would be counted as the same label without it",
    long_label: "{name} must hold labels of at most {high} characters, got {got}",
    repeated: "{name} must be distinct, got {got} twice",
    not_square: "{name} must be a {k} x {k} matrix, one row per label",
    all_zero: "{name} must hold at least one row to score, got every count 0",
    kept_none: "{name} must hold at least one label, got none",
    kept_unknown: "{name} must be among {labels}, got {got}",
    zero_division: "{name} must be 0, 1 or nan, got {got}",
    row_count: "{name} must number from {low} to {high}, got {got}",
    row_label: "{name} in row {row} must be one of {labels}, got {got}",
    row_pairs: "{name} must be one per row, got {got} for {rows} rows",
    resize_unscored: "{name} = {k} would leave no label scored: tick {labels} first",
    resize_empty: "{name} = {k} would leave every count 0: there would be no rows to score",
    parameter: "parameter must be one of {names}, got {got}",
    paste_empty: "{name} must hold counts, got nothing",
    paste_names_only: "{name} must hold counts, got only label names",
    paste_ragged: "{name} must have as many counts in every row: row 1 has {first}, row {row} has {got}",
    paste_not_square: "{name} must be square, got {rows} rows of {got} counts",
    paste_size: "{name} must have from {low} to {high} rows, got {got}",
    paste_names_differ: "{name} must name its rows as its columns, got {rows} for {columns}",
    paste_label_count: "{name} must be one per row, got {got} for {rows} rows",
    paste_digits: "{name} must be written with the digits 0 to 9, got {got}"
  }
};

// rules.js
var LIMITS = rules_default.limits;
var K_MIN = LIMITS.k_min;
var K_MAX = LIMITS.k_max;
var MAX_COUNT = LIMITS.max_count;
var MAX_ROWS = LIMITS.max_rows;
var MAX_LABEL_LENGTH = LIMITS.max_label_length;
var MAX_CLASSIFIERS = LIMITS.max_classifiers;
var ZERO_DIVISIONS = rules_default.zero_divisions;
var SIMULATION = rules_default.simulation;
var CONTROLS = rules_default.controls;
var MESSAGES = rules_default.messages;
var MAX_TYPED = LIMITS.max_typed;
var RefusedEdit = class extends Error {
};
function say(template, values = {}) {
  const words = MESSAGES[template] ?? CONTROLS[template] ?? template;
  return new RefusedEdit(words.replace(/\{(\w+)\}/g, (_, key) => String(values[key])));
}
var fill = (template, values) => say(template, values).message;
function quoted(text) {
  const chars = [...text];
  return `"${chars.length <= 20 ? text : chars.slice(0, 20).join("") + "…"}"`;
}
function shown(value) {
  if (typeof value === "string") return quoted(value);
  if (value === null || value === void 0) return "None";
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
function bound(value, whole2) {
  return !whole2 && Number.isInteger(value) ? value.toFixed(1) : String(value);
}
function whole(name, value, low, high) {
  if (!(Number.isInteger(value) && low <= value && value <= high)) {
    throw say("whole", { name, low, high, got: shown(value) });
  }
  return value;
}
function freshLabels(taken, n) {
  whole("n", n, 0, K_MAX);
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return letters.filter((name) => !taken.includes(name)).slice(0, n);
}
var SPACES = " 	   ";
function strip(text, chars) {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start += 1;
  while (end > start && chars.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
var WHOLE = /^[0-9]+$/;
var DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
function parseNumber(text, name, low, high, isWhole) {
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
function parseCount(text, name, high = MAX_COUNT) {
  return parseNumber(text, name, 0, high, true);
}
function pastedLines(text) {
  let body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  body = strip(body.replaceAll("\r\n", "\n").replaceAll("\r", "\n"), SPACES + "\n");
  if (body.startsWith("array(") && body.endsWith(")")) body = body.slice(6, -1);
  if (!body.startsWith("[")) return body.split("\n");
  return body.split("]").map((part) => strip(part.replaceAll("[", ""), SPACES + "\n,"));
}
function cellsOf(line, by) {
  if (by === "spaces") return strip(line, SPACES).split(/[ \t\u00a0\u2007\u202f]+/);
  const parts = by === "tabs" ? line.split("	") : line.split(/[,;]/);
  return parts.map((cell) => strip(cell, SPACES));
}
var isCount = (cell) => WHOLE.test(cell);
function filledLines(lines, by) {
  const cut = SPACES + (by === "commas" ? ",;" : "");
  const filled = lines.filter((line) => strip(line, cut) !== "");
  if (filled.length > K_MAX + 1) {
    const names = !cellsOf(filled[0], by).filter((cell) => cell !== "").every(isCount);
    throw say("paste_size", { name: CONTROLS.pasted, low: K_MIN, high: K_MAX, got: filled.length - (names ? 1 : 0) });
  }
  return filled;
}
var nameColumn = (rows) => rows.every((row) => row.length > 1 && !isCount(row[0]));
function parseMatrix(text) {
  const name = CONTROLS.pasted;
  if (typeof text !== "string") throw say("not_text", { name, got: shown(text) });
  const lines = pastedLines(text);
  const joined = lines.join("\n");
  const by = joined.includes("	") ? "tabs" : joined.includes(",") || joined.includes(";") ? "commas" : "spaces";
  let rows = filledLines(lines, by).map((line) => cellsOf(line, by).filter((cell) => cell !== ""));
  if (rows.length === 0) throw say("paste_empty", { name });
  for (const cell of rows.flat()) {
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
  const counts = rows.map(
    (row, i) => row.map((cell, j) => parseCount(cell, fill("pasted_cell", { row: i + 1, column: j + 1 })))
  );
  if (header !== null && header.length === rows.length + 1) header = header.slice(1);
  if (header !== null && names !== null && header.join("\0") !== names.join("\0")) {
    throw say("paste_names_differ", { name, rows: names.join(", "), columns: header.join(", ") });
  }
  let labels = header ?? names ?? freshLabels([], counts.length);
  labels = checkLabels(labels, CONTROLS.pasted_labels);
  if (labels.length !== counts.length) {
    throw say("paste_label_count", {
      name: CONTROLS.pasted_labels,
      got: labels.length,
      rows: counts.length
    });
  }
  checkCounts(counts, counts.length, name);
  return { counts, labels };
}
var asLabel = (value) => typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
function checkLabels(labels, name = CONTROLS.labels) {
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
    if (label.endsWith("\0")) throw say("nul_label", { name });
    if ([...label].length > MAX_LABEL_LENGTH) {
      throw say("long_label", { name, high: MAX_LABEL_LENGTH, got: quoted(label) });
    }
    if (out.filter((other) => other === label).length > 1) {
      throw say("repeated", { name, got: quoted(label) });
    }
  }
  return out;
}
function checkCounts(counts, k, name = CONTROLS.counts) {
  if (!Array.isArray(counts) || counts.length !== k) throw say("not_square", { name, k });
  const out = counts.map((row, i) => {
    if (!Array.isArray(row) || row.length !== k) throw say("not_square", { name, k });
    return row.map((value, j) => whole(`${name}[${i}][${j}]`, value, 0, MAX_COUNT));
  });
  if (out.every((row) => row.every((value) => value === 0))) throw say("all_zero", { name });
  return out;
}
function checkKept(kept, labels) {
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
function resized(labels, counts, kept, k) {
  const name = CONTROLS.k;
  whole(name, k, K_MIN, K_MAX);
  const old = labels.length;
  const keep = Math.min(k, old);
  const newLabels = [...labels.slice(0, keep), ...freshLabels(labels, k - keep)];
  const newCounts = newLabels.map(
    (_, i) => newLabels.map((_2, j) => i < keep && j < keep ? counts[i][j] : 0)
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
function reasonOf(error) {
  if (error instanceof RefusedEdit) return error.message;
  throw error;
}

// dom.js
var MINUS = "−";
function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
function quantity(key, text, value, label = null) {
  const span = element("span", { "data-quantity": key, text });
  if (value !== null) span.dataset.value = String(value);
  if (label !== null) span.dataset.label = label;
  return span;
}
function quantities() {
  let shown2 = /* @__PURE__ */ new Map();
  return {
    show(key, text, value, label = null) {
      if (!shown2.has(key)) shown2.set(key, /* @__PURE__ */ new Map());
      const byLabel = shown2.get(key);
      const written2 = value === null ? null : String(value);
      const last = byLabel.get(label);
      if (last === void 0) {
        const span = quantity(key, text, value, label);
        byLabel.set(label, { span, text, value: written2 });
        return span;
      }
      if (last.text !== text) last.span.textContent = last.text = text;
      if (last.value !== written2) last.span.dataset.value = last.value = written2;
      return last.span;
    },
    forget() {
      shown2 = /* @__PURE__ */ new Map();
    }
  };
}
function table(className, head, rows, caption = null, name = caption) {
  const parts = [];
  if (caption !== null) parts.push(element("caption", { text: caption }));
  if (head !== null) {
    const cells = head.map((text) => element("th", { scope: "col", text }));
    parts.push(element("thead", {}, [element("tr", {}, cells)]));
  }
  const body = rows.map(
    ([name2, cells]) => element("tr", {}, [
      element("th", { scope: "row", text: name2 }),
      ...cells.map((cell) => element("td", {}, [cell]))
    ])
  );
  parts.push(element("tbody", {}, body));
  const box = { className: "ma-scroll", tabindex: "0", role: "region" };
  if (name !== null) box["aria-label"] = name;
  return element("div", box, [element("table", { className }, parts)]);
}
function messageLine() {
  const line = element("div", { className: "ma-message", role: "alert", "aria-live": "assertive" });
  return {
    node: line,
    show(text) {
      line.textContent = text;
      line.classList.toggle("ma-refused", text !== "");
    }
  };
}
function roundScaled(x, shift) {
  const view2 = new DataView(new ArrayBuffer(8));
  view2.setFloat64(0, Math.abs(x));
  const bits = view2.getBigUint64(0);
  const exponent = Number(bits >> 52n & 0x7ffn);
  let mantissa = bits & (1n << 52n) - 1n;
  let power;
  if (exponent === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  const numerator = mantissa * 10n ** BigInt(shift);
  if (power >= 0) return numerator << BigInt(power);
  const denominator = 1n << BigInt(-power);
  let quotient = numerator / denominator;
  const twice = 2n * (numerator - quotient * denominator);
  if (twice > denominator || twice === denominator && quotient % 2n === 1n) quotient += 1n;
  return quotient;
}
function fixed(x, digits) {
  const text = roundScaled(x, digits).toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
var isNegative = (x) => x < 0 || Object.is(x, -0);
function checkNumber(x) {
  if (typeof x !== "number") throw new TypeError(`x must be a number, got ${written(x)}`);
}
function checkDigits(digits) {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    const Refusal = typeof digits === "number" ? RangeError : TypeError;
    throw new Refusal(`digits must be a whole number from 0 to 20, got ${written(digits)}`);
  }
}
function checkRatio(name, ratio2) {
  if (!Array.isArray(ratio2) || ratio2.length !== 2) {
    throw new TypeError(`${name} must be [numerator, denominator], got ${written(ratio2)}`);
  }
  if (!ratio2.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`${name} must hold whole numbers from 0 to 2^53 - 1, got ${written(ratio2)}`);
  }
}
function percent(x, digits = 1) {
  checkNumber(x);
  checkDigits(digits);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : ""}inf%`;
  return `${isNegative(y) ? MINUS : ""}${fixed(y, digits)}%`;
}
function signed(value) {
  return String(value).replace(/-/g, MINUS);
}
function exact(ratio2, value) {
  checkRatio("ratio", ratio2);
  const [numerator, denominator] = ratio2;
  if (denominator === 0) return `0/0 → ${percent(value)}`;
  const f = fraction(numerator, denominator);
  const text = f.denominator === 1 ? `${f.numerator}` : `${f.numerator}/${f.denominator}`;
  return `${text} (${percent(value)})`;
}
function sameRatio(first, valueA, second, valueB) {
  checkRatio("the first ratio", first);
  checkRatio("the second ratio", second);
  const [a, b] = first;
  const [c, d] = second;
  if (b === 0 || d === 0) return valueA === valueB;
  return BigInt(a) * BigInt(d) === BigInt(c) * BigInt(b);
}
function escapeReverts(input, held) {
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    input.value = held();
    input.removeAttribute("aria-invalid");
    input.select();
  });
}
function modelWriter(model, redraw) {
  return {
    commit(changes) {
      model.set({ ...changes, message: "" });
      model.save_changes();
    },
    refuse(error) {
      model.set("message", `Refused: ${reasonOf(error)}`);
      model.save_changes();
      redraw();
    }
  };
}
function view(render2) {
  return {
    render(context) {
      const { el } = context;
      const press = (event) => {
        const focused = document.activeElement;
        if (focused && el.contains(focused) && !el.contains(event.target)) focused.blur();
      };
      document.addEventListener("pointerdown", press, true);
      const cleanup = render2(context);
      return () => {
        document.removeEventListener("pointerdown", press, true);
        if (typeof cleanup === "function") cleanup();
      };
    }
  };
}

// matrix_explorer.js
var ZERO_DIVISION = { 0: 0, 1: 1, nan: NaN };
var AVERAGES = ["micro", "macro", "weighted"];
var PARTS = ["precision", "recall", "f1"];
function shade(value, vmax) {
  return vmax <= 0 ? 0 : Math.log1p(value) / Math.log1p(vmax);
}
function legendText(vmax) {
  return `Shading: faintest (nearest the background) for 0 to strongest for ${vmax.toLocaleString("en-US")}, on a log scale so small counts show beside a dominant one.`;
}
function verdict({ micro, accuracy: accuracy2 }) {
  const { parts } = micro;
  const pr = sameRatio(parts.precision, micro.precision, parts.recall, micro.recall);
  if (pr && sameRatio(parts.precision, micro.precision, accuracy2.parts, accuracy2.value)) {
    return "micro P = R = F1 = accuracy";
  }
  return pr ? "micro P = R, but not accuracy" : "micro P ≠ micro R: they come apart";
}
function lifted({ micro, residual }) {
  if (micro.parts.precision[0] === 0) return "ΣTP = 0: neither precision nor recall is lifted";
  if (residual > 0) return "ΣFP > ΣFN: recall is lifted above precision";
  if (residual < 0) return "ΣFP < ΣFN: precision is lifted above recall";
  return "ΣFP = ΣFN: the errors out of and into the labels left out balance";
}
function readState(model) {
  return {
    labels: model.get("labels"),
    counts: model.get("counts"),
    kept: model.get("kept"),
    zeroDivision: model.get("zero_division")
  };
}
function render({ model, el }) {
  const message = messageLine();
  const presetButtons = model.get("presets").map((preset) => {
    const button = element("button", {
      type: "button",
      className: `ma-button ma-preset ma-preset-${preset.name}`,
      text: preset.text
    });
    button.addEventListener(
      "click",
      () => commit({ labels: preset.labels, counts: preset.counts, kept: preset.labels })
    );
    return button;
  });
  const kInput = element("input", {
    type: "text",
    inputmode: "numeric",
    className: "ma-k",
    "aria-label": `number of labels k, ${K_MIN} to ${K_MAX}`,
    size: 3
  });
  const zeroDivision = element(
    "select",
    { className: "ma-zero-division", "aria-label": "zero_division" },
    Object.keys(ZERO_DIVISION).map((value) => element("option", { value, text: value }))
  );
  const keepRow = element("span", { className: "ma-keep" });
  const grid = element("table", { className: "ma-grid" });
  const legend = element("div", { className: "ma-legend" });
  const readout = element("div", { className: "ma-readout" });
  const pasteBox = element("textarea", {
    className: "ma-paste-text",
    rows: 4,
    "aria-label": "matrix to paste: CSV, TSV or scikit-learn's printed [[..], [..]]",
    placeholder: "cat,dog\n5,1\n2,7"
  });
  const pasteButton = element("button", {
    type: "button",
    className: "ma-button ma-paste-apply",
    text: "Show this matrix"
  });
  el.classList.add("microavg-explorer", "microavg-matrix-explorer");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, [
      element("span", { className: "ma-title", text: "Presets:" }),
      ...presetButtons,
      element("label", {}, ["labels (k) ", kInput]),
      element("label", {}, ["zero_division ", zeroDivision])
    ]),
    element("div", { className: "ma-controls" }, [
      element("span", { className: "ma-title", text: "Labels scored (labels=):" }),
      keepRow
    ]),
    element("details", { className: "ma-paste" }, [
      element("summary", { text: "Paste your own matrix" }),
      element("p", {
        text: "Rows true, columns predicted: a CSV or TSV block, or scikit-learn's printed confusion_matrix; label names optional (a first line, or a first column)."
      }),
      pasteBox,
      pasteButton
    ]),
    message.node,
    element("div", { className: "ma-body" }, [
      element("div", {}, [element("div", { className: "ma-scroll" }, [grid]), legend]),
      readout
    ])
  );
  let cells = [];
  let boxes = [];
  let heads = [];
  let drawnLabels = null;
  let shades = [];
  let drawnVmax = null;
  let drawnScored = null;
  const shown2 = quantities();
  const { commit, refuse } = modelWriter(model, () => draw());
  function cellName(i, j) {
    const labels = model.get("labels");
    return `count of true ${labels[i]}, predicted ${labels[j]}`;
  }
  let typing = null;
  function startTyping(i, j) {
    const count = model.get("counts")[i][j];
    const entered = typing?.cell === cells[i][j] ? typing.entered : count;
    typing = { cell: cells[i][j], text: cells[i][j].value, start: count, entered };
  }
  function withCount(i, j, value) {
    const counts = model.get("counts").map((row) => [...row]);
    counts[i][j] = value;
    return checkCounts(counts, counts.length);
  }
  function setCount(i, j, text, event = null) {
    const cell = cells[i][j];
    if (typing === null || typing.cell !== cell) startTyping(i, j);
    const more = event?.inputType === "insertText" && text === typing.text + event.data;
    if (!more) typing.start = model.get("counts")[i][j];
    typing.text = text;
    try {
      const counts = withCount(i, j, parseCount(text, cellName(i, j)));
      cell.removeAttribute("aria-invalid");
      commit({ counts });
    } catch (error) {
      cell.setAttribute("aria-invalid", "true");
      if (model.get("counts")[i][j] !== typing.start) {
        try {
          commit({ counts: withCount(i, j, typing.start) });
        } catch {
        }
      }
      refuse(error);
    }
  }
  function onCellKey(i, j, event) {
    if (event.key === "Enter") {
      cells[i][j].blur();
    } else if (event.key === "Escape") {
      event.preventDefault();
      const before = typing?.cell === cells[i][j] ? typing.entered : model.get("counts")[i][j];
      try {
        commit(model.get("counts")[i][j] === before ? {} : { counts: withCount(i, j, before) });
      } catch {
      }
      onCellDone(i, j);
      cells[i][j].select();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const step = event.key === "ArrowUp" ? 1 : -1;
      setCount(i, j, String(model.get("counts")[i][j] + step));
      cells[i][j].value = String(model.get("counts")[i][j]);
      startTyping(i, j);
    }
  }
  function onCellDone(i, j) {
    const cell = cells[i][j];
    cell.value = String(model.get("counts")[i][j]);
    cell.removeAttribute("aria-invalid");
    typing = null;
  }
  function onK() {
    const state = readState(model);
    try {
      const k = parseNumber(kInput.value, CONTROLS.k, K_MIN, K_MAX, true);
      if (k !== state.labels.length) commit(resized(state.labels, state.counts, state.kept, k));
    } catch (error) {
      refuse(error);
    }
    kInput.value = String(model.get("labels").length);
  }
  function onKKey(event) {
    if (event.key === "Enter") onK();
    else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const k = model.get("labels").length + (event.key === "ArrowUp" ? 1 : -1);
      kInput.value = String(k);
      onK();
    }
  }
  function onKeep(i) {
    const state = readState(model);
    const kept = state.labels.filter(
      (label, n) => n === i ? boxes[i].checked : state.kept.includes(label)
    );
    try {
      commit({ kept: checkKept(kept, state.labels) });
    } catch (error) {
      boxes[i].checked = true;
      refuse(error);
    }
  }
  function onPaste() {
    try {
      const { counts, labels } = parseMatrix(pasteBox.value);
      commit({ labels, counts, kept: labels });
    } catch (error) {
      refuse(error);
    }
  }
  kInput.addEventListener("change", onK);
  kInput.addEventListener("keydown", onKKey);
  escapeReverts(kInput, () => String(model.get("labels").length));
  zeroDivision.addEventListener("change", () => commit({ zero_division: zeroDivision.value }));
  pasteButton.addEventListener("click", onPaste);
  function buildGrid(labels) {
    cells = labels.map(
      (truth, i) => labels.map((predicted, j) => {
        const cell = element("input", {
          type: "text",
          inputmode: "numeric",
          className: "ma-cell",
          "data-row": i,
          "data-col": j,
          "aria-label": `count of true ${truth}, predicted ${predicted}`
        });
        cell.addEventListener("focus", () => startTyping(i, j));
        cell.addEventListener("input", (event) => setCount(i, j, cell.value, event));
        cell.addEventListener("keydown", (event) => onCellKey(i, j, event));
        cell.addEventListener("blur", () => onCellDone(i, j));
        return cell;
      })
    );
    heads = labels.map((label) => [
      element("th", { scope: "col", text: label }),
      element("th", { scope: "row", text: label })
    ]);
    const head = element("tr", {}, [
      element("th", { className: "ma-corner", text: "true ↓ predicted →" }),
      ...heads.map(([column]) => column)
    ]);
    const rows = labels.map(
      (_, i) => element("tr", {}, [heads[i][1], ...cells[i].map((cell) => element("td", {}, [cell]))])
    );
    grid.replaceChildren(element("thead", {}, [head]), element("tbody", {}, rows));
    boxes = labels.map((label, i) => {
      const box = element("input", { type: "checkbox", className: "ma-keep-box", "data-label": label });
      box.addEventListener("change", () => onKeep(i));
      return box;
    });
    keepRow.replaceChildren(...labels.map((label, i) => element("label", {}, [boxes[i], ` ${label}`])));
    drawnLabels = JSON.stringify(labels);
    shades = labels.map(() => labels.map(() => null));
  }
  function drawControls(state) {
    if (JSON.stringify(state.labels) !== drawnLabels) buildGrid(state.labels);
    const vmax = Math.max(...state.counts.flat());
    const focused = document.activeElement;
    state.counts.forEach(
      (row, i) => row.forEach((value, j) => {
        const cell = cells[i][j];
        if (focused !== cell) {
          const text = String(value);
          if (cell.value !== text) cell.value = text;
          cell.removeAttribute("aria-invalid");
        }
        const level = shade(value, vmax).toFixed(4);
        if (shades[i][j] !== level) {
          cell.style.setProperty("--ma-shade", level);
          shades[i][j] = level;
        }
      })
    );
    state.labels.forEach((label, i) => {
      const kept = state.kept.includes(label);
      boxes[i].checked = kept;
      for (const head of heads[i]) head.classList.toggle("ma-left-out", !kept);
    });
    if (focused !== kInput) kInput.value = String(state.labels.length);
    zeroDivision.value = state.zeroDivision;
    if (vmax !== drawnVmax) {
      legend.textContent = legendText(vmax);
      drawnVmax = vmax;
    }
  }
  function drawReadout(state) {
    const scoredKey = JSON.stringify([state.labels, state.kept]);
    const fresh = scoredKey !== drawnScored;
    if (fresh) shown2.forget();
    const quantity2 = shown2.show;
    const keptIndex = state.labels.map((_, i) => i).filter((i) => state.kept.includes(state.labels[i]));
    const result = summarize(state.counts, keptIndex, ZERO_DIVISION[state.zeroDivision]);
    const { labels: lc, perLabel, accuracy: accuracy2 } = result;
    const count = (key, value, label = null) => quantity2(key, signed(value), value, label);
    const perLabelCells = keptIndex.map((i, n) => {
      const label = state.labels[i];
      return [
        count("tp", lc.tp[n], label),
        count("fp", lc.fp[n], label),
        count("fn", lc.fn[n], label),
        count("support", lc.support[n], label),
        ...PARTS.map(
          (part) => quantity2(`label-${part}`, percent(perLabel[part][n]), perLabel[part][n], label)
        )
      ];
    });
    const averageCells = AVERAGES.map(
      (average) => PARTS.map((part) => {
        const value = result[average][part];
        const text = average === "micro" ? exact(result.micro.parts[part], value) : percent(value);
        return quantity2(`${average}-${part}`, text, value);
      })
    );
    const accuracyShown = quantity2("accuracy", exact(accuracy2.parts, accuracy2.value), accuracy2.value);
    const allSums = [count("all-sum-fp", result.allSumFp), count("all-sum-fn", result.allSumFn)];
    const keptSums = [count("sum-fp", result.sumFp), count("sum-fn", result.sumFn)];
    const residual = count("residual", result.residual);
    const outCells = result.leftOut.map(({ index, outOf, into }) => {
      const label = state.labels[index];
      return [count("out-of", outOf, label), count("into", into, label)];
    });
    const lifts = outCells.length === 0 ? null : quantity2("lifts", lifted(result), null);
    const verdictShown = quantity2("verdict", verdict(result), null);
    if (!fresh) return;
    const keptLabels = keptIndex.map((i) => state.labels[i]);
    const leftOut = state.labels.filter((label) => !state.kept.includes(label));
    const scored = leftOut.length === 0 ? "all" : state.kept.join(", ");
    const note = leftOut.length === 0 ? "" : ` (labels left out: ${leftOut.join(", ")})`;
    const pair = ([a, b]) => element("span", {}, [a, ", ", b]);
    const named = (names, cells2) => names.map((name, n) => [name, cells2[n]]);
    const totalRows = [
      ["accuracy (all rows)", [accuracyShown]],
      ["ΣFP, ΣFN over all labels", [pair(allSums)]],
      [`ΣFP, ΣFN over the labels scored (${scored})`, [pair(keptSums)]],
      ["residual ΣFP − ΣFN over them", [residual]]
    ];
    const head = ["label", "TP", "FP", "FN", "support", "precision", "recall", "F1"];
    readout.replaceChildren(
      table("ma-labels", head, named(keptLabels, perLabelCells), null, "counts and scores per label kept"),
      table("ma-averages", ["", "precision", "recall", "F1"], named(AVERAGES, averageCells), null, "averages"),
      table("ma-totals", null, totalRows, null, "sums over the labels kept"),
      ...outCells.length === 0 ? [] : [
        table(
          "ma-left-out",
          ["label left out", "errors out of it (FP)", "errors into it (FN)"],
          named(leftOut, outCells),
          null,
          "errors out of and into each label left out"
        ),
        element("div", { className: "ma-lifts" }, [lifts])
      ],
      element("div", { className: "ma-verdict" }, [verdictShown, note])
    );
    drawnScored = scoredKey;
  }
  function draw() {
    const state = readState(model);
    drawControls(state);
    drawReadout(state);
    message.show(model.get("message"));
  }
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}
var matrix_explorer_default = view(render);
export {
  matrix_explorer_default as default,
  legendText,
  shade
};
