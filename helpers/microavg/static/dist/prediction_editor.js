// Built by tools/bundle.mjs from static/prediction_editor.js: do not edit.

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
var SPACES = " 	   ";
function strip(text, chars) {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start += 1;
  while (end > start && chars.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
function parseLabels(text) {
  const name = CONTROLS.label_set;
  if (typeof text !== "string") throw say("not_text", { name, got: shown(text) });
  const names = strip(text, SPACES) === "" ? [] : text.split(",").map((p) => strip(p, SPACES));
  return checkLabels(names, name);
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
function checkRows(yTrue, yPred, labels) {
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
function exact(ratio2, value) {
  checkRatio("ratio", ratio2);
  const [numerator, denominator] = ratio2;
  if (denominator === 0) return `0/0 → ${percent(value)}`;
  const f = fraction(numerator, denominator);
  const text = f.denominator === 1 ? `${f.numerator}` : `${f.numerator}/${f.denominator}`;
  return `${text} (${percent(value)})`;
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

// prediction_editor.js
function rowRoles(truth, predicted) {
  return truth === predicted ? [["TP", truth]] : [
    ["FP", predicted],
    ["FN", truth]
  ];
}
function countRows(yTrue, yPred, labels) {
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  yTrue.forEach((truth, n) => {
    counts[index.get(truth)][index.get(yPred[n])] += 1;
  });
  return counts;
}
function render({ model, el }) {
  const message = messageLine();
  const labelsInput = element("input", {
    type: "text",
    className: "ma-labels-input",
    "aria-label": "labels, names separated by commas (Enter applies)",
    size: 24
  });
  const addButton = element("button", { type: "button", className: "ma-button ma-add", text: "add a row" });
  const rowsBody = element("tbody");
  const rowsTable = element("table", { className: "ma-rows" }, [
    element("thead", {}, [
      element("tr", {}, ["#", "predicted", "true", "counts as", ""].map(
        (text) => element("th", { scope: "col", text })
      ))
    ]),
    rowsBody
  ]);
  const readout = element("div", { className: "ma-readout" });
  el.classList.add("microavg-explorer", "microavg-prediction-editor");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, [
      element("label", {}, ["labels ", labelsInput]),
      addButton
    ]),
    message.node,
    element("div", { className: "ma-body" }, [
      element("div", { className: "ma-scroll" }, [rowsTable]),
      readout
    ])
  );
  const { commit, refuse } = modelWriter(model, () => draw());
  function tryRows(yTrue, yPred, labels = model.get("labels")) {
    try {
      checkRows(yTrue, yPred, labels);
      commit({ labels, y_true: yTrue, y_pred: yPred });
    } catch (error) {
      refuse(error);
    }
  }
  function onLabels() {
    try {
      const labels = parseLabels(labelsInput.value);
      tryRows(model.get("y_true"), model.get("y_pred"), labels);
    } catch (error) {
      refuse(error);
    }
    labelsInput.value = model.get("labels").join(", ");
  }
  labelsInput.addEventListener("change", onLabels);
  labelsInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") onLabels();
  });
  escapeReverts(labelsInput, () => model.get("labels").join(", "));
  addButton.addEventListener("click", () => {
    const first = model.get("labels")[0];
    tryRows([...model.get("y_true"), first], [...model.get("y_pred"), first]);
  });
  function select(name, value, labels, onPick) {
    const node = element(
      "select",
      { "aria-label": name },
      labels.map((label) => element("option", { value: label, text: label }))
    );
    node.value = value;
    node.addEventListener("change", () => onPick(node.value));
    return node;
  }
  function drawRows(labels, yTrue, yPred) {
    const rows = yTrue.map((truth, n) => {
      const predicted = yPred[n];
      const pick = (which) => (value) => {
        const t = [...yTrue];
        const p = [...yPred];
        (which === "true" ? t : p)[n] = value;
        tryRows(t, p);
      };
      const roles = rowRoles(truth, predicted);
      const chips = roles.map(
        ([role, label]) => element("span", { className: `ma-chip ma-chip-${role}`, text: `${role} of ${label}` })
      );
      const remove = element("button", {
        type: "button",
        className: "ma-button ma-remove",
        text: "remove",
        "aria-label": `remove row ${n + 1}`
      });
      remove.addEventListener(
        "click",
        () => tryRows(yTrue.filter((_, m) => m !== n), yPred.filter((_, m) => m !== n))
      );
      const verdict = element("td", { className: "ma-verdict-cell", "data-row-roles": n + 1 }, [
        truth === predicted ? "✓ " : "✗ ",
        ...chips.flatMap((chip, m) => m === 0 ? [chip] : [" ", chip])
      ]);
      return element("tr", { "data-row": n }, [
        element("th", { scope: "row", text: String(n + 1) }),
        element("td", {}, [select(`row ${n + 1} predicted`, predicted, labels, pick("pred"))]),
        element("td", {}, [select(`row ${n + 1} true`, truth, labels, pick("true"))]),
        verdict,
        element("td", {}, [remove])
      ]);
    });
    rowsBody.replaceChildren(...rows);
  }
  function drawReadout(labels, yTrue, yPred) {
    const counts = countRows(yTrue, yPred, labels);
    const result = summarize(counts, labels.map((_, i) => i), 0);
    const lc = result.labels;
    const count = (key, value, label = null) => quantity(key, String(value), value, label);
    const sum2 = (values) => values.reduce((a, b) => a + b, 0);
    const countRowsShown = labels.map((label, n) => [
      label,
      [count("tp", lc.tp[n], label), count("fp", lc.fp[n], label), count("fn", lc.fn[n], label)]
    ]);
    countRowsShown.push([
      "Σ",
      [count("sum-tp", sum2(lc.tp)), count("sum-fp", sum2(lc.fp)), count("sum-fn", sum2(lc.fn))]
    ]);
    const { micro, accuracy: accuracy2 } = result;
    const scoreRows = ["precision", "recall", "f1"].map((part) => [
      `micro ${part === "f1" ? "F1" : part}`,
      [quantity(`micro-${part}`, exact(micro.parts[part], micro[part]), micro[part])]
    ]);
    scoreRows.push(["accuracy", [quantity("accuracy", exact(accuracy2.parts, accuracy2.value), accuracy2.value)]]);
    readout.replaceChildren(
      table("ma-counts", ["label", "TP", "FP", "FN"], countRowsShown, null, "counts per label"),
      table("ma-scores", null, scoreRows, null, "micro scores and accuracy")
    );
  }
  function draw() {
    const labels = model.get("labels");
    const yTrue = model.get("y_true");
    const yPred = model.get("y_pred");
    if (document.activeElement !== labelsInput) labelsInput.value = labels.join(", ");
    const focused = el.contains(document.activeElement) ? document.activeElement.getAttribute("aria-label") : null;
    drawRows(labels, yTrue, yPred);
    if (focused !== null && !el.contains(document.activeElement)) {
      const again = [...el.querySelectorAll("[aria-label]")].find(
        (node) => node.getAttribute("aria-label") === focused
      );
      if (again) again.focus();
    }
    drawReadout(labels, yTrue, yPred);
    message.show(model.get("message"));
  }
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}
var prediction_editor_default = view(render);
export {
  countRows,
  prediction_editor_default as default,
  rowRoles
};
