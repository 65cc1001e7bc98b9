// Built by tools/bundle.mjs from static/scored_items.js: do not edit.

// label_sets.js
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
var ratio = (numerator, denominator, zeroDivision) => denominator === 0 ? zeroDivision : numerator / denominator;
var sum = (values) => values.reduce((total, v) => total + v, 0);
function topColumns(row, k) {
  const order = row.map((_, j) => j).sort((a, b) => row[b] - row[a] || a - b);
  return new Set(order.slice(0, k));
}
function predictedSets(scores, mode, cut, k) {
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
    if (mode === "threshold") return row.map((v) => v >= cut ? 1 : 0);
    if (mode === "top_k") {
      const best = topColumns(row, k);
      return row.map((_, j) => best.has(j) ? 1 : 0);
    }
    if (mode === "abstain") {
      const [top] = topColumns(row, 1);
      return row.map((_, j) => j === top && row[top] >= cut ? 1 : 0);
    }
    throw new TypeError(`mode must be "abstain", "threshold" or "top_k", got ${mode}`);
  });
}
function scoreSets(truth, pred, zeroDivision = 0) {
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
    size: sum(p[i])
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
      f1: [2 * sumTp, 2 * sumTp + sumFp + sumFn]
    }
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
    covered: { value: covered / t.length, parts: [covered, t.length] }
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
function bound(value, whole2) {
  return !whole2 && Number.isInteger(value) ? value.toFixed(1) : String(value);
}
function whole(name, value, low, high) {
  if (!(Number.isInteger(value) && low <= value && value <= high)) {
    throw say("whole", { name, low, high, got: shown(value) });
  }
  return value;
}
function real(name, value, low, high) {
  const ok = typeof value === "number" && Number.isFinite(value) && low <= value && value <= high;
  if (!ok) {
    throw say("real", { name, low: bound(low, false), high: bound(high, false), got: shown(value) });
  }
  return value;
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
function reasonOf(error) {
  if (error instanceof RefusedEdit) return error.message;
  throw error;
}

// set_rules.json
var set_rules_default = {
  about: "The label-set explorers' rules as data (scored items, tag table), read by microavg/explorers/set_rules.py and static/set_rules.js; the words and helpers they share with the other explorers come from rules.json through rules.py and rules.js.",
  limits: {
    max_items: 20
  },
  modes: [
    "abstain",
    "threshold",
    "top_k"
  ],
  unknown: "unknown",
  controls: {
    mode: "mode",
    scores: "scores",
    score: "score of item {item}, {label}",
    truths: "true labels",
    confidence: "confidence cut",
    threshold: "threshold",
    top_k: "labels per item (k)",
    unknown: "unknown counted as a label",
    items: "items",
    tags: "tags",
    true_tags: "true tags",
    predicted_tags: "predicted tags",
    tag_cell: "{side} tag {tag} of item {item}"
  },
  messages: {
    mode: "{name} must be one of {modes}, got {got}",
    zero_one: "{name} must be 0 or 1, got {got}",
    not_bool: "{name} must be true or false, got {got}",
    row_width: "{name} must hold {k} values in row {row}, one per label, got {got}",
    reserved: "{name} must not hold {got}: it is the abstentions' answer"
  }
};

// set_rules.js
var MAX_ITEMS = set_rules_default.limits.max_items;
var MODES = set_rules_default.modes;
var UNKNOWN = set_rules_default.unknown;
var CONTROLS2 = set_rules_default.controls;
var MESSAGES2 = set_rules_default.messages;
function say2(template, values = {}) {
  return say(MESSAGES2[template] ?? CONTROLS2[template] ?? template, values);
}
function checkMode(mode) {
  if (typeof mode !== "string" || !MODES.includes(mode)) {
    throw say2("mode", { name: CONTROLS2.mode, modes: MODES.join(", "), got: shown(mode) });
  }
  return mode;
}
function checkCut(value, mode) {
  const name = CONTROLS2[checkMode(mode) === "abstain" ? "confidence" : "threshold"];
  return real(name, value, 0, 1);
}
function checkTopK(k, nLabels) {
  return whole(CONTROLS2.top_k, k, 1, nLabels);
}
function checkFlag(value, name) {
  if (typeof value !== "boolean") throw say2("not_bool", { name, got: shown(value) });
  return value;
}

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
function captionFitter() {
  if (typeof ResizeObserver === "undefined") return { fit: (box) => box, disconnect() {
  } };
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const caption = target.querySelector(":scope > table > caption");
      if (caption !== null) caption.style.maxWidth = `${target.clientWidth}px`;
    }
  });
  return {
    fit(box) {
      observer.disconnect();
      observer.observe(box);
      return box;
    },
    disconnect: () => observer.disconnect()
  };
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

// set_readout.js
var PARTS = ["precision", "recall", "f1"];
function verdict(result, name) {
  const { micro } = result;
  const { parts } = micro;
  const accuracy = result.accuracy;
  const pr = sameRatio(parts.precision, micro.precision, parts.recall, micro.recall);
  if (pr && sameRatio(parts.precision, micro.precision, accuracy.parts, accuracy.value)) {
    return `micro P = R = F1 = ${name}`;
  }
  if (pr) return `micro P = R = F1, but not the ${name}`;
  return micro.precision > micro.recall ? "micro P > micro R: they come apart" : "micro P < micro R: they come apart";
}
var count = (key, value, label = null) => quantity(key, signed(value), value, label);
function setReadout(result, columns, accuracyName, accuracyKey, extraRows = []) {
  const { labels: lc } = result;
  const perLabel = columns.map((label, n) => [
    label,
    [count("tp", lc.tp[n], label), count("fp", lc.fp[n], label), count("fn", lc.fn[n], label)]
  ]);
  const micro = [
    [
      "micro",
      PARTS.map(
        (part) => quantity(`micro-${part}`, exact(result.micro.parts[part], result.micro[part]), result.micro[part])
      )
    ]
  ];
  const { accuracy } = result;
  const totals = [
    ["ΣTP, ΣFP, ΣFN", [element("span", {}, [
      count("sum-tp", result.sumTp),
      ", ",
      count("sum-fp", result.sumFp),
      ", ",
      count("sum-fn", result.sumFn)
    ])]],
    ["residual ΣFP − ΣFN", [count("residual", result.residual)]],
    [accuracyName, [quantity(accuracyKey, exact(accuracy.parts, accuracy.value), accuracy.value)]],
    ...extraRows
  ];
  return [
    table("ma-labels", ["label", "TP", "FP", "FN"], perLabel, null, "counts per label"),
    table("ma-averages", ["", "precision", "recall", "F1"], micro, null, "micro averages"),
    table("ma-totals", null, totals, null, "sums and accuracy"),
    element("div", { className: "ma-verdict" }, [
      quantity("verdict", verdict(result, accuracyName.split(" (")[0]), null)
    ])
  ];
}

// scored_items.js
var ACCURACY = {
  abstain: ["accuracy (all items)", "accuracy"],
  threshold: ["subset accuracy (the whole set right)", "subset-accuracy"],
  top_k: ["top-k accuracy (true label among the k)", "covered"]
};
function readState(model) {
  return Object.fromEntries(
    ["labels", "truths", "scores", "mode", "cut", "k", "unknown_counted"].map((n) => [n, model.get(n)])
  );
}
function labelSets(state) {
  const truth = state.truths.map((t) => state.labels.map((label) => label === t ? 1 : 0));
  const pred = predictedSets(state.scores, state.mode, state.cut, state.k);
  const counted = state.mode === "abstain" && state.unknown_counted;
  if (!counted) return { truth, pred, columns: state.labels };
  return {
    truth: truth.map((row) => [...row, 0]),
    pred: pred.map((row) => [...row, row.includes(1) ? 0 : 1]),
    columns: [...state.labels, UNKNOWN]
  };
}
function render({ model, el }) {
  const message = messageLine();
  const mode = model.get("mode");
  const nLabels = model.get("labels").length;
  const isK = mode === "top_k";
  const control = isK ? CONTROLS2.top_k : CONTROLS2[mode === "abstain" ? "confidence" : "threshold"];
  const [low, high, step] = isK ? [1, nLabels, 1] : [0, 1, 0.01];
  const range = element("input", {
    type: "range",
    min: low,
    max: high,
    step,
    className: "ma-range ma-range-cut",
    "aria-label": `${control} slider`
  });
  const box = element("input", {
    type: "text",
    inputmode: isK ? "numeric" : "decimal",
    className: "ma-value ma-value-cut",
    "aria-label": `${control}, ${low} to ${high} (Enter applies)`,
    size: 5
  });
  const unknownBox = element("input", { type: "checkbox", className: "ma-unknown" });
  const items = element("div", { className: "ma-items" });
  const readout = element("div", { className: "ma-readout" });
  const controls = [
    element("div", { className: "ma-sliders" }, [
      element("div", { className: "ma-slider" }, [
        element("span", { className: "ma-slider-name", text: control }),
        range,
        box
      ])
    ])
  ];
  if (mode === "abstain") {
    controls.push(element("label", {}, [unknownBox, ` ${CONTROLS2.unknown} (else left out with labels=)`]));
  }
  el.classList.add("microavg-explorer", "microavg-scored-items", `ma-mode-${mode}`);
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, controls),
    message.node,
    element("div", { className: "ma-body" }, [items, readout])
  );
  const { commit, refuse } = modelWriter(model, () => draw());
  const key = isK ? "k" : "cut";
  function set(text) {
    try {
      const value = parseNumber(text, control, low, high, isK);
      commit({ [key]: isK ? checkTopK(value, nLabels) : checkCut(value, mode) });
    } catch (error) {
      refuse(error);
    }
    box.value = String(model.get(key));
    draw();
  }
  range.addEventListener("input", () => set(isK ? range.value : Number(range.value).toFixed(2)));
  box.addEventListener("change", () => set(box.value));
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") set(box.value);
  });
  escapeReverts(box, () => String(model.get(key)));
  unknownBox.addEventListener("change", () => {
    try {
      commit({ unknown_counted: checkFlag(unknownBox.checked, CONTROLS2.unknown) });
    } catch (error) {
      refuse(error);
    }
  });
  function itemTable(state, sets, result) {
    const head = ["item", "true", ...state.labels.map((l) => `p(${l})`), "predicted", "FP", "FN"];
    const rows = state.scores.map((row, i) => {
      const picked = state.labels.filter((_, j) => sets.pred[i][j] === 1);
      const size = picked.length;
      let shown2 = picked.join(", ");
      let mark = "";
      if (size === 0) [shown2, mark] = mode === "abstain" ? [UNKNOWN, " (abstains)"] : ["", "no label"];
      else if (size >= 2 && !isK) mark = ` (${size} labels)`;
      const answer = element("span", {}, [
        quantity("size", shown2, size, String(i + 1)),
        mark === "" ? "" : element("span", { className: "ma-mark", text: mark })
      ]);
      const cells = [
        document.createTextNode(state.truths[i]),
        ...row.map(
          (v, j) => element("span", { className: sets.truth[i][j] ? "ma-true-score" : "", text: v.toFixed(2) })
        ),
        answer,
        quantity("item-fp", String(result.items[i].fp), result.items[i].fp, String(i + 1)),
        quantity("item-fn", String(result.items[i].fn), result.items[i].fn, String(i + 1))
      ];
      return element("tr", { className: mark === "" ? "" : "ma-marked" }, [
        element("th", { scope: "row", text: String(i + 1) }),
        ...cells.map((c) => element("td", {}, [c]))
      ]);
    });
    const marked = isK ? "" : mode === "abstain" ? "; marked: abstentions" : "; marked: items given no label or several";
    const caption = element("caption", {
      text: `Items, their scores (the true label's underlined) and the labels predicted${marked}`
    });
    const thead = element("thead", {}, [element("tr", {}, head.map((text) => element("th", { scope: "col", text })))]);
    return element("div", { className: "ma-scroll", tabindex: "0", role: "region", "aria-label": "items" }, [
      element("table", { className: "ma-item-table" }, [caption, thead, element("tbody", {}, rows)])
    ]);
  }
  function draw() {
    const state = readState(model);
    range.value = String(state[key]);
    if (document.activeElement !== box) box.value = String(state[key]);
    unknownBox.checked = state.unknown_counted;
    message.show(model.get("message"));
    const sets = labelSets(state);
    const result = scoreSets(sets.truth, sets.pred, 0);
    const [accuracyName, accuracyKey] = ACCURACY[mode];
    result.accuracy = mode === "abstain" || mode === "threshold" ? result.subsetAccuracy : result.covered;
    const sizes = sets.pred.map((row) => row.slice(0, state.labels.length).reduce((a, b) => a + b, 0));
    const extra = [];
    if (mode === "abstain") {
      const answered = sizes.filter((s) => s > 0).length;
      extra.push(["items answered", [quantity("answered", `${answered} of ${sizes.length}`, answered)]]);
    } else if (mode === "threshold") {
      const none = sizes.filter((s) => s === 0).length;
      const several = sizes.filter((s) => s >= 2).length;
      extra.push(["items with no label", [quantity("no-label", String(none), none)]]);
      extra.push(["items with 2 or more labels", [quantity("several-labels", String(several), several)]]);
    } else {
      const [tp, support] = result.micro.parts.recall;
      const overK = result.micro.recall / state.k;
      extra.push(["micro R / k", [quantity("recall-over-k", exact([tp, support * state.k], overK), overK)]]);
    }
    items.replaceChildren(captions.fit(itemTable(state, sets, result)));
    readout.replaceChildren(...setReadout(result, sets.columns, accuracyName, accuracyKey, extra));
  }
  const captions = captionFitter();
  model.on("change", draw);
  draw();
  return () => {
    model.off("change", draw);
    captions.disconnect();
  };
}
var scored_items_default = view(render);
export {
  scored_items_default as default,
  labelSets
};
