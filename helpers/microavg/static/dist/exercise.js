// Built by tools/bundle.mjs from static/exercise.js: do not edit.

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

// dom.js
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

// exercise.js
var DASHES = /[\u2212\u2012\u2013]/g;
var NUMBER = /^([+-]?)([0-9]+)(?:\.([0-9]*))?$|^([+-]?)\.([0-9]+)$/;
var SPACE = /[ \t\n\r\u00a0\u202f]+/g;
function readNumber(text) {
  if (typeof text !== "string" || text.length > 60) return null;
  let s = text.replace(DASHES, "-").replace(SPACE, "");
  if (s === "") return null;
  if (s.includes("/")) {
    const parts = s.split("/");
    if (parts.length !== 2) return null;
    const [top, bottom] = parts.map(readDecimal);
    if (top === null || bottom === null || bottom.num === 0n) return null;
    if (top.places > 0 || bottom.places > 0) return null;
    const sign = bottom.num < 0n ? -1n : 1n;
    return { num: sign * top.num, den: sign * bottom.num, places: null };
  }
  let shift = 0;
  if (s.endsWith("%")) {
    s = s.slice(0, -1);
    shift = 2;
  }
  const decimal = readDecimal(s);
  if (decimal === null) return null;
  return { num: decimal.num, den: decimal.den * 10n ** BigInt(shift), places: decimal.places + shift };
}
function readDecimal(s) {
  const m = NUMBER.exec(s);
  if (m === null) return null;
  const sign = (m[1] ?? m[4] ?? "") === "-" ? -1n : 1n;
  const whole = m[2] ?? "0";
  const decimals = m[3] ?? m[5] ?? "";
  const den = 10n ** BigInt(decimals.length);
  return { num: sign * BigInt(whole + decimals), den, places: decimals.length };
}
function matches(typed, target, places) {
  const diff = typed.num * target.den - target.num * typed.den;
  const scale = typed.den * target.den;
  if (typed.places === null || typed.places === 0) return diff === 0n;
  if (typed.places < places) return false;
  const abs = diff < 0n ? -diff : diff;
  return 2n * abs * 10n ** BigInt(typed.places) <= (scale < 0n ? -scale : scale);
}
function checkAnswer(spec, typed) {
  if (spec.kind === "choice") {
    const index = spec.choices.indexOf(typed);
    if (index < 0) return { verdict: "unread", text: "Pick one of the choices." };
    if (index === spec.answer) return { verdict: "right", text: "Right." };
    const hint = spec.hints.find(([choice]) => choice === typed);
    return hint ? { verdict: "hint", text: hint[1] } : { verdict: "wrong", text: NOT_YET };
  }
  const number = readNumber(typed);
  if (number === null) {
    return { verdict: "unread", text: "Write a number, a fraction like 5/9 or a percentage like 55.6%." };
  }
  const target = readNumber(spec.answer);
  if (matches(number, target, spec.places)) return { verdict: "right", text: "Right." };
  if (number.places !== null && number.places > 0 && number.places < spec.places) {
    if (matches(number, target, 0)) return { verdict: "hint", text: CLOSE };
  }
  for (const [value, text] of spec.hints) {
    if (matches(number, readNumber(value), Math.min(spec.places, number.places ?? 0))) {
      return { verdict: "hint", text };
    }
  }
  return { verdict: "wrong", text: NOT_YET };
}
var NOT_YET = "Not yet: try again, or reveal the worked answer.";
var CLOSE = "Close: write it more precisely, or as a fraction.";
function paragraphs(text) {
  return text.split(/\n\s*\n/).filter((p) => p.trim() !== "").map(
    (p) => element("p", {}, p.split(/(`[^`]+`)/).map(
      (part) => part.startsWith("`") && part.endsWith("`") && part.length > 2 ? element("code", { text: part.slice(1, -1) }) : document.createTextNode(part)
    ))
  );
}
var serial = 0;
function render({ model, el }) {
  el.classList.add("microavg-explorer", "microavg-exercise");
  const id = `ma-exercise-${++serial}`;
  const spec = () => ({
    kind: model.get("kind"),
    answer: model.get("answer"),
    choices: model.get("choices"),
    hints: model.get("hints"),
    places: model.get("places")
  });
  const feedback = element("div", { className: "ma-feedback", role: "status", "aria-live": "polite" });
  const check = element("button", { type: "button", className: "ma-button ma-check", text: "Check" });
  let answerField;
  let readTyped;
  if (model.get("kind") === "choice") {
    const name = `${id}-choice`;
    const options = model.get("choices").map((choice, n) => {
      const input = element("input", { type: "radio", name, value: choice, id: `${name}-${n}` });
      return element("div", { className: "ma-choice" }, [
        input,
        " ",
        element("label", { for: `${name}-${n}`, text: choice })
      ]);
    });
    answerField = element("fieldset", { className: "ma-choices" }, [
      element("legend", { text: model.get("prompt") }),
      ...options
    ]);
    readTyped = () => el.querySelector(`input[name="${name}"]:checked`)?.value ?? "";
  } else {
    const input = element("input", {
      type: "text",
      id: `${id}-input`,
      className: "ma-answer",
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: "false",
      size: 12
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        answer();
      }
    });
    answerField = element("div", { className: "ma-controls" }, [
      element("label", { for: `${id}-input`, text: model.get("prompt") }),
      input
    ]);
    readTyped = () => input.value;
  }
  function answer() {
    const { verdict, text } = checkAnswer(spec(), readTyped());
    feedback.textContent = text;
    feedback.dataset.verdict = verdict;
  }
  check.addEventListener("click", answer);
  const worked = element("details", { className: "ma-worked" }, [
    element("summary", { text: "Show the worked answer" }),
    ...paragraphs(model.get("worked"))
  ]);
  el.replaceChildren(
    element("div", { className: "ma-exercise-box" }, [
      answerField,
      element("div", { className: "ma-controls" }, [check]),
      feedback,
      ...model.get("worked") === "" ? [] : [worked]
    ])
  );
}
var exercise_default = view(render);
export {
  checkAnswer,
  exercise_default as default,
  matches,
  paragraphs,
  readNumber
};
