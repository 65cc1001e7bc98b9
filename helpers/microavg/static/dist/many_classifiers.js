// Built by tools/bundle.mjs from static/many_classifiers.js: do not edit.

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
function checkSimulation(name, value) {
  if (!Object.hasOwn(SIMULATION, name)) {
    throw say("parameter", { names: Object.keys(SIMULATION).join(", "), got: shown(name) });
  }
  const { control, low, high, whole: isWhole } = SIMULATION[name];
  return (isWhole ? whole : real)(control, value, low, high);
}
function reasonOf(error) {
  if (error instanceof RefusedEdit) return error.message;
  throw error;
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

// prng.js
var GOLDEN = 2654435769;
var STREAMS = { truth: 1, skill: 2, correct: 3, wrong: 4, shift: 5 };
var SKILL_SPREAD = 0.15;
function mix32(x) {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
function streamKey(seed, stream) {
  return mix32((seed ^ mix32(stream)) >>> 0);
}
function uniformAt(key, index) {
  const counter = Math.imul(index >>> 0, GOLDEN) + key >>> 0;
  return mix32((mix32(counter) ^ key) >>> 0) / 4294967296;
}
function labelFrequencies(nLabels, imbalance) {
  const weights = Array.from({ length: nLabels }, (_, i) => 1 / (i + 1) ** imbalance);
  let total = 0;
  for (const weight of weights) total += weight;
  return weights.map((weight) => weight / total);
}
function cumulative(frequencies) {
  const out = [];
  let running = 0;
  for (const f of frequencies) out.push(running += f);
  out[out.length - 1] = 1;
  return out;
}
function draw(cum, u) {
  let label = 0;
  while (label < cum.length - 1 && cum[label] <= u) label += 1;
  return label;
}
function checkParameters({ nClassifiers, nLabels, nSamples, skill, imbalance, seed }) {
  if (!(Number.isInteger(nClassifiers) && nClassifiers >= 1 && nClassifiers <= MAX_CLASSIFIERS)) {
    throw new RangeError(
      `nClassifiers must be a whole number from 1 to ${MAX_CLASSIFIERS}, got ${nClassifiers}`
    );
  }
  const given = { n_labels: nLabels, n_samples: nSamples, skill, imbalance, seed };
  for (const [name, value] of Object.entries(given)) {
    try {
      checkSimulation(name, value);
    } catch (error) {
      throw new RangeError(reasonOf(error));
    }
  }
}
function simulateClassifiers(params2) {
  checkParameters(params2);
  const { nClassifiers, nLabels, nSamples, skill, imbalance, seed } = params2;
  const cum = cumulative(labelFrequencies(nLabels, imbalance));
  const key = Object.fromEntries(Object.entries(STREAMS).map(([n, s]) => [n, streamKey(seed, s)]));
  const yTrue = new Int32Array(nSamples);
  for (let s = 0; s < nSamples; s += 1) yTrue[s] = draw(cum, uniformAt(key.truth, s));
  const yPred = [];
  const root3 = Math.sqrt(3);
  for (let c = 0; c < nClassifiers; c += 1) {
    const labelSkill = [];
    for (let l = 0; l < nLabels; l += 1) {
      const at = (c * nLabels + l) * 4;
      const u = [0, 1, 2, 3].map((t) => uniformAt(key.skill, at + t));
      const noise = (u[0] + u[1] + u[2] + u[3] - 2) * root3;
      labelSkill.push(Math.min(Math.max(skill + SKILL_SPREAD * noise, 0), 1));
    }
    const row = new Int32Array(nSamples);
    for (let s = 0; s < nSamples; s += 1) {
      const i = c * nSamples + s;
      const truth = yTrue[s];
      if (uniformAt(key.correct, i) < labelSkill[truth]) {
        row[s] = truth;
      } else {
        let wrong = draw(cum, uniformAt(key.wrong, i));
        if (wrong === truth) {
          const shift = 1 + Math.floor(uniformAt(key.shift, i) * (nLabels - 1));
          wrong = (truth + shift) % nLabels;
        }
        row[s] = wrong;
      }
    }
    yPred.push(row);
  }
  return { yTrue, yPred };
}
function f1AgainstAccuracy(yTrue, yPred, nLabels) {
  const found = { accuracy: [], micro_f1: [], macro_f1: [] };
  for (const row of yPred) {
    const counts = Array.from({ length: nLabels }, () => new Array(nLabels).fill(0));
    for (let s = 0; s < yTrue.length; s += 1) counts[yTrue[s]][row[s]] += 1;
    const present = counts.map((r, i) => i).filter((i) => counts[i].some((v) => v > 0) || counts.some((r) => r[i] > 0));
    const sub = present.map((i) => present.map((j) => counts[i][j]));
    const result = summarize(sub, sub.map((_, i) => i), 0);
    found.accuracy.push(result.accuracy.value);
    found.micro_f1.push(result.micro.f1);
    found.macro_f1.push(result.macro.f1);
  }
  return found;
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
var SVG = "http://www.w3.org/2000/svg";
function svgElement(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
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
function percent(x, digits = 1) {
  checkNumber(x);
  checkDigits(digits);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : ""}inf%`;
  return `${isNegative(y) ? MINUS : ""}${fixed(y, digits)}%`;
}
function points(x) {
  checkNumber(x);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : "+"}inf`;
  return `${isNegative(y) ? MINUS : "+"}${fixed(y, 1)}`;
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

// many_classifiers.js
var POINT_COLOUR = "#CC79A7";
var SIZE = 260;
var PAD = 40;
function params(model) {
  return Object.fromEntries(Object.keys(SIMULATION).map((name) => [name, model.get(name)]));
}
function simulated(p, nClassifiers) {
  const { yTrue, yPred } = simulateClassifiers({
    nClassifiers,
    nLabels: p.n_labels,
    nSamples: p.n_samples,
    skill: p.skill,
    imbalance: p.imbalance,
    seed: p.seed
  });
  return f1AgainstAccuracy(yTrue, yPred, p.n_labels);
}
function scatter(title, yName, xs, ys) {
  const at = (v) => PAD + v * (SIZE - 2 * PAD);
  const flip = (v) => SIZE - at(v);
  const ticks = [0, 0.25, 0.5, 0.75, 1].flatMap((v) => [
    svgElement("line", { x1: at(v), x2: at(v), y1: flip(0), y2: flip(0) + 4, class: "ma-axis" }),
    svgElement("text", { x: at(v), y: flip(0) + 16, "text-anchor": "middle", text: String(v) }),
    svgElement("line", { x1: at(0) - 4, x2: at(0), y1: flip(v), y2: flip(v), class: "ma-axis" }),
    svgElement("text", { x: at(0) - 6, y: flip(v) + 4, "text-anchor": "end", text: String(v) })
  ]);
  const dots = xs.map(
    (x, n) => svgElement("circle", { cx: at(x).toFixed(1), cy: flip(ys[n]).toFixed(1), r: 2.2, fill: POINT_COLOUR })
  );
  const off = Math.max(...xs.map((x, n) => Math.abs(ys[n] - x)));
  const description = `${title}: ${xs.length} classifiers, ${yName} against accuracy; ` + (off === 0 ? "every point lies on the diagonal." : `points lie up to ${percent(off)} away from the diagonal.`);
  return svgElement(
    "svg",
    {
      viewBox: `0 0 ${SIZE} ${SIZE}`,
      class: "ma-scatter",
      role: "img",
      "aria-label": description
    },
    [
      svgElement("title", { text: description }),
      svgElement("rect", { x: at(0), y: flip(1), width: at(1) - at(0), height: at(1) - at(0), class: "ma-frame" }),
      svgElement("line", { x1: at(0), y1: flip(0), x2: at(1), y2: flip(1), class: "ma-diagonal" }),
      ...ticks,
      ...dots,
      svgElement("text", { x: SIZE / 2, y: SIZE - 4, "text-anchor": "middle", text: "accuracy" }),
      svgElement("text", {
        x: 12,
        y: SIZE / 2,
        "text-anchor": "middle",
        transform: `rotate(-90 12 ${SIZE / 2})`,
        text: yName
      }),
      svgElement("text", { x: SIZE / 2, y: 16, "text-anchor": "middle", class: "ma-plot-title", text: title })
    ]
  );
}
function onStep(name, value) {
  const { low, step } = SIMULATION[name];
  const stops = (value - low) / step;
  return Math.abs(stops - Math.round(stops)) < 1e-9;
}
function render({ model, el }) {
  const message = messageLine();
  const controls = {};
  const sliders = Object.entries(SIMULATION).map(([name, { control, low, high, step }]) => {
    const range = element("input", {
      type: "range",
      min: low,
      max: high,
      step,
      className: `ma-range ma-range-${name}`,
      "aria-label": `${control} slider`
    });
    const box = element("input", {
      type: "text",
      inputmode: "decimal",
      className: `ma-value ma-value-${name}`,
      "aria-label": `${control}, ${low} to ${high} (Enter applies)`,
      size: 5
    });
    const decimals = (String(step).split(".")[1] ?? "").length;
    let keyed = false;
    range.addEventListener("keydown", (event) => {
      keyed = true;
      const direction = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
      const value = Number(model.get(name));
      if (direction === void 0 || onStep(name, value)) return;
      event.preventDefault();
      const stops = (value - low) / step;
      set(name, (low + (direction > 0 ? Math.ceil(stops) : Math.floor(stops)) * step).toFixed(decimals));
    });
    range.addEventListener("keyup", () => {
      keyed = false;
    });
    range.addEventListener("input", () => {
      moved(name, Number(range.value).toFixed(decimals), keyed);
      keyed = false;
    });
    box.addEventListener("change", () => set(name, box.value));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") set(name, box.value);
    });
    escapeReverts(box, () => String(model.get(name)));
    controls[name] = { range, box };
    return element("div", { className: "ma-slider" }, [
      element("span", { className: "ma-slider-name", text: control }),
      range,
      box
    ]);
  });
  const readout = element("div", { className: "ma-readout" });
  const plots = element("div", { className: "ma-plots" });
  el.classList.add("microavg-explorer", "microavg-many-classifiers");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-body" }, [element("div", { className: "ma-sliders" }, sliders), readout]),
    message.node,
    plots
  );
  const { commit, refuse } = modelWriter(model, () => {
  });
  const waiting = /* @__PURE__ */ new Map();
  let frame = null;
  function onFrame() {
    frame = null;
    if (waiting.size === 0) return;
    const values = [...waiting];
    waiting.clear();
    const changes = {};
    try {
      for (const [name, text] of values) {
        const { control, low, high, whole: whole2 } = SIMULATION[name];
        changes[name] = parseNumber(text, control, low, high, whole2);
      }
      commit(changes);
    } catch (error) {
      refuse(error);
    }
    draw2();
    frame = requestAnimationFrame(onFrame);
  }
  function moved(name, text, byKey) {
    if (byKey && frame === null) {
      set(name, text);
      frame = requestAnimationFrame(onFrame);
    } else {
      waiting.set(name, text);
      frame ??= requestAnimationFrame(onFrame);
    }
  }
  function set(name, text) {
    waiting.delete(name);
    const { control, low, high, whole: whole2 } = SIMULATION[name];
    try {
      commit({ [name]: parseNumber(text, control, low, high, whole2) });
    } catch (error) {
      refuse(error);
    }
    controls[name].box.value = String(model.get(name));
    draw2();
  }
  let drawnFor = null;
  function draw2() {
    const p = params(model);
    for (const [name, { range, box }] of Object.entries(controls)) {
      if (!waiting.has(name)) {
        range.step = onStep(name, p[name]) ? String(SIMULATION[name].step) : "any";
        range.value = String(p[name]);
      }
      if (document.activeElement !== box) box.value = String(p[name]);
    }
    message.show(model.get("message"));
    const key = JSON.stringify([p, model.get("n_classifiers")]);
    if (key === drawnFor) return;
    drawnFor = key;
    const found = simulated(p, model.get("n_classifiers"));
    const acc = found.accuracy;
    const gaps = found.macro_f1.map((f, n) => f - acc[n]);
    const microGap = Math.max(...found.micro_f1.map((f, n) => Math.abs(f - acc[n])));
    const low = Math.min(...acc);
    const high = Math.max(...acc);
    const gapLow = Math.min(...gaps);
    const gapHigh = Math.max(...gaps);
    readout.replaceChildren(
      table("ma-many", null, [
        ["classifiers", [quantity("classifiers", String(acc.length), acc.length)]],
        ["accuracy", [element("span", {}, [
          quantity("accuracy-min", percent(low), low),
          " to ",
          quantity("accuracy-max", percent(high), high)
        ])]],
        ["largest |micro-F1 − accuracy|", [quantity("micro-gap", String(microGap), microGap)]],
        ["macro-F1 − accuracy", [element("span", {}, [
          quantity("macro-gap-min", points(gapLow), gapLow),
          " to ",
          quantity("macro-gap-max", points(gapHigh), gapHigh),
          " percentage points"
        ])]]
      ], null, "the classifiers' scores against accuracy")
    );
    plots.replaceChildren(
      scatter("micro-F1", "micro-F1", acc, found.micro_f1),
      scatter("macro-F1", "macro-F1", acc, found.macro_f1)
    );
  }
  model.on("change", draw2);
  draw2();
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    model.off("change", draw2);
  };
}
var many_classifiers_default = view(render);
export {
  many_classifiers_default as default,
  simulated
};
