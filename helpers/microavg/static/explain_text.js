// `microavg explain FILE --true COL --pred COL [--labels A,B] [--counts n]` in the page: a
// CSV/TSV text with a header row read by the command line's rules (microavg.sources: the
// delimiter its header line holds most of, a BOM dropped, cells stripped, rows with every
// label cell blank skipped, whole-number columns read as numbers, a blank label refused with
// its line), its (true, pred) pairs counted, and told in the words of microavg.explanation
// and microavg.findings, single-label: the same sentences, numbers and order. Parsing is by
// papaparse; every count is exact (below 2**52 in all, as the engine counts).
// Exports only `explainText` and `readHeader`, which check their input.

import Papa from "papaparse/papaparse.min.js";
import EXPLAIN_RULES from "./explain_rules.js";
import { MINUS, percent } from "./dom.js";

export { EXPLAIN_RULES };
export const LIMITS = EXPLAIN_RULES.limits;
export const CONTROLS = EXPLAIN_RULES.controls;
const MESSAGES = EXPLAIN_RULES.messages;
const SOURCE = CONTROLS.text;
const SHOWN = 10; // explanation._SHOWN: left-out labels told one by one
const CUT = 40; // sources._SHOWN: a value shown in a refusal is cut here
const MAX_COUNT = 2 ** 52;
const DELIMITERS = [",", "\t", ";", "|"];

export class RefusedEdit extends Error {}

function say(template, values = {}) {
  const words = MESSAGES[template];
  return new RefusedEdit(words.replace(/\{(\w+)\}/g, (_, key) => String(values[key])));
}

// -- Python's text rules --------------------------------------------------------------

const SPACES = new Set([
  9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197,
  8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288,
]);

/** str.strip(): Python's whitespace, at both ends. */
export function pyStrip(text) {
  const n = text.length;
  if (n === 0) return text;
  if (!SPACES.has(text.charCodeAt(0)) && !SPACES.has(text.charCodeAt(n - 1))) return text;
  let a = 0;
  let b = n;
  while (a < b && SPACES.has(text.charCodeAt(a))) a += 1;
  while (b > a && SPACES.has(text.charCodeAt(b - 1))) b -= 1;
  return text.slice(a, b);
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const hex = (code, width) => code.toString(16).padStart(width, "0");

/** repr(text): Python's quotes and escapes. */
export function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      out += code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

/** A label as explanation._plain writes it: repr. */
const labelText = (label) => (typeof label === "bigint" ? label.toString() : pyRepr(label));

/** sources.shown: repr of text, str of a number, cut after 39 characters. */
export function shown(value) {
  const text = typeof value === "string" ? pyRepr(value) : value === null ? "None" : String(value);
  const chars = [...text];
  if (chars.length <= CUT) return text;
  return `${chars.slice(0, CUT - 1).join("")}… (${chars.length} characters)`;
}

/** Code-point order (numpy's for text labels). */
function byCodePoint(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const hiX = x >= 0xd800 && x <= 0xdfff;
    const hiY = y >= 0xd800 && y <= 0xdfff;
    if (hiX !== hiY) return hiX ? 1 : -1; // a surrogate pair is past every BMP code point
    return x - y;
  }
  return a.length - b.length;
}

/** findings._same_key: NFKC, stripped, case-folded. */
function sameKey(label) {
  return pyStrip(label.normalize("NFKC")).toUpperCase().toLowerCase().replace(/ς/g, "σ");
}

// -- reading --------------------------------------------------------------------------

function decoded(input) {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array || Array.isArray(input)) {
    const bytes = input instanceof Uint8Array ? input : Uint8Array.from(input);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw say("not_utf8", { source: SOURCE });
    }
  }
  throw say("not_text", { source: SOURCE, got: input === null ? "None" : typeof input });
}

function prepared(input) {
  let text = decoded(input);
  if (text.length > LIMITS.max_chars) {
    throw say("too_long", { source: SOURCE, got: text.length.toLocaleString("en"), high: LIMITS.max_chars.toLocaleString("en") });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let end = 0;
  while (end < text.length && end < 65536 && text[end] !== "\n" && text[end] !== "\r") end += 1;
  const header = text.slice(0, end);
  if (pyStrip(header) === "") throw say("empty", { source: SOURCE });
  let delimiter = ",";
  let most = -1;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [delimiter, most] = [d, n];
  }
  return { text, delimiter };
}

const parseConfig = (delimiter) => ({ delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: false });

function headerOf(text, delimiter) {
  const first = Papa.parse(text, { ...parseConfig(delimiter), preview: 1 }).data[0] ?? [];
  const seen = new Set();
  for (const name of first) {
    if (seen.has(name)) throw say("twice", { source: SOURCE, name: shown(name) });
    seen.add(name);
  }
  return first.map(pyStrip);
}

/** The text's columns (its header row, as the command line names them), or a refusal. */
export function readHeader(input) {
  const { text, delimiter } = prepared(input);
  return { columns: headerOf(text, delimiter), delimiter };
}

/** The line on which data row `index` (0 = the header) starts: the command line's count. */
function lineOf(text, delimiter, index) {
  let row = -1;
  let start = 0;
  let found = 0;
  Papa.parse(text, {
    ...parseConfig(delimiter),
    step(results, parser) {
      row += 1;
      if (row === index) {
        found = start;
        parser.abort();
      }
      start = results.meta.cursor;
    },
  });
  let line = 1;
  for (let i = 0; i < found; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line += 1;
  }
  // The cursor stands before the line break that ends the row before.
  while (found < text.length && (text[found] === "\n" || text[found] === "\r")) {
    if (text[found] === "\r" && text[found + 1] === "\n") found += 1;
    found += 1;
    line += 1;
    if (pyStrip(text.slice(found, found + 1)) !== "" || found >= text.length) break;
  }
  return line;
}

function column(columns, name, field, known) {
  if (typeof name !== "string" || name === "") throw say("pick", { field, known });
  if (name.includes(",")) throw say("multilabel", { field });
  const index = columns.indexOf(pyStrip(name));
  if (index < 0) throw say("no_column", { field, source: SOURCE, name: shown(pyStrip(name)), known });
  return index;
}

const WHOLE = /^[+-]?[0-9]+(?:\.0*)?$/;
const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INT64_LOW = -(2n ** 63n);
const INT64_HIGH = 2n ** 63n;

function int64(cell) {
  const digits = cell.split(".")[0];
  if (digits.replace(/^[+-]/, "").length > 19) return null;
  const value = BigInt(digits);
  return value >= INT64_LOW && value < INT64_HIGH ? value : null;
}

/** A counts cell as DuckDB's try_cast(trim(cell) AS DOUBLE) reads it, or null. */
function countOf(cell) {
  if (cell === undefined || cell === null || cell === "" || cell.includes("_")) return null;
  const text = cell.replace(/^ +| +$/g, "");
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value !== Math.round(value) || value >= MAX_COUNT) return null;
  return value;
}

/** A label column's distinct cells as labels: whole numbers (BigInt) or text. */
function typed(cells, name, at) {
  const odd = cells.find((c) => c.endsWith("\u0000"));
  if (odd !== undefined) throw say("nul", { at: at((c) => c.endsWith("\u0000")), name: shown(name), cell: shown(odd) });
  const whole = cells.map((c) => WHOLE.test(c));
  if (whole.every(Boolean)) {
    const out = new Map();
    for (const c of cells) {
      const value = int64(c);
      if (value === null) throw say("int64", { at: at((x) => x === c), name: shown(name), cell: shown(c) });
      out.set(c, value);
    }
    return { numbers: true, of: out };
  }
  if (whole.some(Boolean)) {
    const text = cells[whole.indexOf(false)];
    const number = cells[whole.indexOf(true)];
    const where = at((x) => x === text);
    if (cells.every((c) => NUMBER.test(c))) {
      throw say("not_whole", { at: where, name: shown(name), cell: shown(text) });
    }
    throw say("mixes", { at: where, name: shown(name), number: shown(number), text: shown(text) });
  }
  return { numbers: false, of: new Map(cells.map((c) => [c, c])) };
}

function labelsOption(labels, numbers) {
  const field = CONTROLS.labels;
  if (labels === null || labels === undefined) return null;
  if (!Array.isArray(labels)) throw say("labels_not_list", { field, got: typeof labels });
  if (labels.length === 0) throw say("labels_none", { field });
  const seen = new Set();
  const out = [];
  for (const raw of labels) {
    const name = pyStrip(String(raw));
    if (name === "") throw say("labels_blank", { field });
    if (seen.has(name)) throw say("labels_twice", { field, name: shown(name) });
    seen.add(name);
    if (!numbers) out.push(name);
    else if (!WHOLE.test(name)) throw say("labels_not_whole", { field, name: shown(name) });
    else {
      const value = int64(name);
      if (value === null) throw say("labels_int64", { field, name: shown(name) });
      out.push(value);
    }
  }
  // Two spellings of one number (1 and 1.0) are one label named twice.
  const keys = new Set(out.map(String));
  if (keys.size !== out.length) throw say("labels_twice", { field, name: shown(String(labels.at(-1))) });
  return out;
}

/** Read and count: the pairs of labels, each with its count, and the labels in order. */
function counted(input, options) {
  const { text, delimiter } = prepared(input);
  const columns = headerOf(text, delimiter);
  const known = columns.map(shown).join(", ");
  if (Array.isArray(options.true) && options.true.length > 1) throw say("multilabel", { field: CONTROLS.true });
  if (Array.isArray(options.pred) && options.pred.length > 1) throw say("multilabel", { field: CONTROLS.pred });
  const one = (x) => (Array.isArray(x) ? x[0] : x);
  const ti = column(columns, one(options.true), CONTROLS.true, known);
  const pi = column(columns, one(options.pred), CONTROLS.pred, known);
  const countsName = options.counts ?? null;
  const ci = countsName === null || countsName === "" ? -1 : column(columns, countsName, CONTROLS.counts, known);
  const rows = Papa.parse(text, parseConfig(delimiter)).data;
  const pairs = new Map(); // true cell -> Map(pred cell -> count)
  let kept = 0;
  let badCount = -1;
  let badCountAny = -1;
  const blankAt = [-1, -1];
  for (let r = 1; r < rows.length; r += 1) {
    const row = rows[r];
    const rawT = row[ti];
    const rawP = row[pi];
    const t = rawT === undefined ? "" : pyStrip(rawT);
    const p = rawP === undefined ? "" : pyStrip(rawP);
    if (t === "" && p === "") continue;
    kept += 1;
    if (t === "" && blankAt[0] < 0) blankAt[0] = r;
    if (p === "" && blankAt[1] < 0) blankAt[1] = r;
    let n = 1;
    if (ci >= 0) {
      n = countOf(row[ci]);
      if (n === null) {
        if (badCountAny < 0) badCountAny = r;
        if (badCount < 0 && t !== "" && p !== "") badCount = r;
        continue;
      }
    }
    let inner = pairs.get(t);
    if (inner === undefined) pairs.set(t, (inner = new Map()));
    inner.set(p, (inner.get(p) ?? 0) + n);
  }
  if (kept === 0) throw say("no_rows", { source: SOURCE });
  const at = (r) => `${SOURCE}, line ${lineOf(text, delimiter, r)}`;
  if (badCountAny >= 0) {
    const r = badCount >= 0 ? badCount : badCountAny;
    const cell = rows[r][ci] === "" ? undefined : rows[r][ci];
    throw say("bad_count", {
      at: at(r), field: CONTROLS.counts, name: shown(columns[ci]), cell: shown(cell === undefined ? null : cell),
    });
  }
  const names = [columns[ti], columns[pi]];
  const distinct = [new Set(pairs.keys()), new Set()];
  for (const inner of pairs.values()) for (const p of inner.keys()) distinct[1].add(p);
  const kinds = [];
  for (const side of [0, 1]) {
    const cells = [...distinct[side]];
    const other = 1 - side;
    const index = side === 0 ? ti : pi;
    const otherIndex = side === 0 ? pi : ti;
    const firstRow = (test) => {
      for (let r = 1; r < rows.length; r += 1) {
        const cell = pyStrip(rows[r][index] ?? "");
        const rest = pyStrip(rows[r][otherIndex] ?? "");
        if (rest !== "" && test(cell)) return at(r);
      }
      void other;
      return SOURCE;
    };
    const nul = cells.find((c) => c.endsWith("\u0000"));
    if (nul !== undefined) typed(cells, names[side], firstRow);
    if (blankAt[side] >= 0) throw say("blank", { at: at(blankAt[side]), name: shown(names[side]) });
    kinds.push(typed(cells, names[side], firstRow));
  }
  if (kinds[0].numbers !== kinds[1].numbers) {
    const word = (k) => (k.numbers ? "whole numbers" : "text");
    throw say("kinds", {
      source: SOURCE, a: shown(names[0]), kind_a: word(kinds[0]), b: shown(names[1]), kind_b: word(kinds[1]),
    });
  }
  const numbers = kinds[0].numbers;
  // Cells to labels (1 and 1.0 are one number), merged.
  const merged = new Map();
  let total = 0;
  for (const [t, inner] of pairs) {
    const tl = kinds[0].of.get(t);
    for (const [p, n] of inner) {
      const pl = kinds[1].of.get(p);
      const key = `${String(tl)}\u0000${String(pl)}`;
      const entry = merged.get(key);
      if (entry === undefined) merged.set(key, { t: tl, p: pl, n });
      else entry.n += n;
      total += n;
    }
  }
  if (ci >= 0 && total === 0) throw say("zero_counts", { field: CONTROLS.counts, name: shown(columns[ci]) });
  if (ci >= 0 && total >= MAX_COUNT) {
    throw say("too_many_rows", { field: CONTROLS.counts, name: shown(columns[ci]), got: shown(total) });
  }
  const all = new Map();
  for (const { t, p } of merged.values()) {
    all.set(String(t), t);
    all.set(String(p), p);
  }
  if (all.size > LIMITS.max_labels) {
    throw say("too_many_labels", {
      source: SOURCE, got: all.size.toLocaleString("en"), high: LIMITS.max_labels.toLocaleString("en"),
    });
  }
  const values = [...all.values()].sort(numbers ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : byCodePoint);
  return { columns, names, numbers, values, pairs: [...merged.values()], total, rows: kept };
}

// -- the explanation ------------------------------------------------------------------

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A score as an exact fraction [numerator, denominator], reduced; 0/0 is zero_division 0. */
function ratio(numerator, denominator) {
  if (denominator === 0) return [0, 1];
  const g = gcd(numerator, denominator) || 1;
  return [numerator / g, denominator / g];
}

/** prose.exact of a Fraction: "5/9 (55.6%)". */
function exactText([n, d]) {
  const shownFraction = d === 1 ? `${n}` : `${n}/${d}`;
  return `${shownFraction.replace(/-/g, MINUS)} (${percent(n / d)})`;
}

const number = (n) => String(n).replace(/-/g, MINUS);

function named(labels) {
  let names = labels.slice(0, SHOWN).map(labelText).join(", ");
  const more = labels.length - SHOWN;
  if (more > 0) names += ` and ${more} more`;
  return names;
}

/** explain() of the counted pairs, as microavg.explanation computes it. */
function explanation({ values, pairs, total }, labels) {
  const index = new Map(values.map((v, i) => [String(v), i]));
  const k = values.length;
  const kept = new Array(k).fill(labels === null);
  if (labels !== null) for (const label of labels) if (index.has(String(label))) kept[index.get(String(label))] = true;
  const cells = pairs.map(({ t, p, n }) => [index.get(String(t)), index.get(String(p)), n]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  const out = new Array(k).fill(0);
  const into = new Array(k).fill(0);
  const inTrue = new Array(k).fill(false);
  const inPred = new Array(k).fill(false);
  for (const [t, p, n] of cells) {
    inTrue[t] = true;
    inPred[p] = true;
    if (t === p) {
      correct += n;
      if (kept[t]) tp += n;
      continue;
    }
    if (kept[p]) fp += n;
    if (kept[t]) fn += n;
    if (!kept[t] && kept[p]) out[t] += n;
    if (kept[t] && !kept[p]) into[p] += n;
  }
  const leftOut = [];
  for (let i = 0; i < k; i += 1) if (!kept[i]) leftOut.push({ label: values[i], outOf: out[i], into: into[i] });
  const denominators = { precision: tp + fp, recall: tp + fn, f1: 2 * tp + fp + fn };
  const exact = {
    precision: ratio(tp, denominators.precision),
    recall: ratio(tp, denominators.recall),
    f1: ratio(2 * tp, denominators.f1),
    accuracy: ratio(correct, total),
  };
  const zero = ["precision", "recall", "f1"].filter((name) => denominators[name] === 0);
  const causes = [];
  if (leftOut.length) causes.push("labels");
  if (zero.length) causes.push("zero_division");
  const precisionEqual = tp + fp === total;
  const recallEqual = tp + fn === total;
  const equal = [];
  if (precisionEqual) equal.push("precision");
  if (recallEqual) equal.push("recall");
  if (precisionEqual && recallEqual) equal.push("f1");
  const all = Object.values(exact);
  const holds = all.every(([n, d]) => n === all[0][0] && d === all[0][1]);
  // findings.single_label
  const findings = [];
  const groups = new Map();
  values.forEach((value, i) => {
    if (typeof value !== "string") return;
    const key = sameKey(value);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const inside = new Set(members);
    let count = 0;
    for (const [t, p, n] of cells) if (t !== p && inside.has(t) && inside.has(p)) count += n;
    findings.push({ kind: "lookalike", labels: members.map((i) => values[i]), count });
  }
  const blank = new Set();
  values.forEach((v, i) => { if (typeof v === "string" && pyStrip(v) === "") blank.add(i); });
  if (blank.size) {
    let predicted = 0;
    let trueCount = 0;
    for (const [t, p, n] of cells) {
      if (blank.has(p)) predicted += n;
      if (blank.has(t)) trueCount += n;
    }
    findings.push({ kind: "blank", labels: [...blank].map((i) => values[i]), count: predicted, more: trueCount });
  }
  const only = [];
  for (let i = 0; i < k; i += 1) if (inPred[i] && !inTrue[i] && !blank.has(i) && kept[i]) only.push(i);
  if (only.length) {
    const set = new Set(only);
    let count = 0;
    for (const [, p, n] of cells) if (set.has(p)) count += n;
    findings.push({ kind: "predicted_only", labels: only.map((i) => values[i]), count });
  }
  if (labels !== null) {
    const absent = labels.filter((label) => !index.has(String(label)));
    if (absent.length) findings.push({ kind: "absent", labels: absent, count: 0 });
  }
  return {
    exact, holds, causes, sumTp: tp, sumFp: fp, sumFn: fn, total, leftOut, equalsAccuracy: equal,
    zeroDenominators: zero, findings,
  };
}

/** Explanation._paragraphs in plain text (labels by repr, counts as whole numbers). */
function paragraphs(e) {
  const fp = number(e.sumFp);
  const fn = number(e.sumFn);
  const total = number(e.total);
  const score = (name) => exactText(e.exact[name]);
  const lines = [
    `Micro precision ${score("precision")}, recall ${score("recall")}, F1 ${score("f1")}; accuracy ${score("accuracy")}.`,
  ];
  if (!e.causes.length) {
    lines.push(
      `They agree, as they must. ΣFP = ${fp} = ΣFN: every wrong prediction is an FP for the label ` +
        `predicted and an FN for the true label, so ΣTP + ΣFP = ΣTP + ΣFN = ${total}, the number of items, ` +
        "and micro precision, recall and F1 all equal accuracy.",
    );
    return [...lines, ...findingWords(e)];
  }
  const verdict = e.holds ? "They agree on this data, but nothing guarantees it" : "They part, as they may";
  const reasons = { labels: "labels= leaves out labels that occur in the data", zero_division: "a denominator is 0" };
  lines.push(`${verdict}: ${e.causes.map((c) => reasons[c]).join(" and ")}.`);
  if (e.causes.includes("labels")) {
    const names = named(e.leftOut.map((x) => x.label));
    const each = e.leftOut
      .slice(0, SHOWN)
      .map((x) => `${labelText(x.label)}: ${number(x.outOf)} out of it, ${number(x.into)} into it`)
      .join("; ");
    lines.push(
      `Left out: ${names}. Over the labels scored ΣFP = ${fp} and ΣFN = ${fn}: the residual ΣFP − ΣFN = ` +
        `${number(e.sumFp - e.sumFn)} is, per label left out, the errors out of it (true label left out, ` +
        "predicted as a label scored: an FP with no FN) minus the errors into it (true label scored, " +
        `predicted as it: an FN with no FP). ${each}. Precision divides by ΣTP + ΣFP = ${number(e.sumTp + e.sumFp)} ` +
        `and recall by ΣTP + ΣFN = ${number(e.sumTp + e.sumFn)}; accuracy divides by ${total}, all items.`,
    );
  }
  if (e.causes.includes("zero_division")) {
    const why = {
      precision: "precision (nothing is predicted as a label scored)",
      recall: "recall (no true label is a label scored)",
      f1: "F1 (no TP, FP or FN at all)",
    };
    lines.push(`The denominator of ${e.zeroDenominators.map((n) => why[n]).join(" and ")} is 0, so zero_division = 0.0 decides it.`);
  }
  if (e.equalsAccuracy.length) {
    if (e.equalsAccuracy.length === 3) {
      lines.push("Precision, recall and F1 still equal accuracy: no item has a label left out.");
    } else if (e.equalsAccuracy[0] === "recall") {
      lines.push("Recall still equals accuracy: every label that occurs in y_true is scored, so ΣTP + ΣFN counts every item.");
    } else {
      lines.push("Precision still equals accuracy: every label that occurs in y_pred is scored, so ΣTP + ΣFP counts every item.");
    }
  }
  return [...lines, ...findingWords(e)];
}

function findingWords(e) {
  return e.findings.map((found) => {
    const names = named(found.labels);
    const one = found.labels.length === 1;
    const n = number(found.count);
    if (found.kind === "lookalike") {
      return (
        `${names} may be one label written ${found.labels.length} ways (they differ only by case, spaces or ` +
        "Unicode form), but each is counted as a label of its own, so an item whose true and predicted labels " +
        `are two of them is an error. Such items: ${n}.`
      );
    }
    if (found.kind === "blank") {
      const trueText = found.more ? `; with it as their true label: ${number(found.more)}` : "";
      return (
        `${names} is blank, what a missing prediction read from a file becomes, and is counted as a label of ` +
        `its own. Items predicted as it: ${n}${trueText}. Left out with labels=, the items predicted as it ` +
        "become abstentions, FNs with no FP."
      );
    }
    if (found.kind === "predicted_only") {
      return (
        `${names} ${one ? "occurs" : "occur"} only in the predictions, never as a true label, so every item ` +
        `predicted as ${one ? "it" : "one of them"} is an error, an FP for the label predicted and an FN for the ` +
        `true one. Such items: ${n}. Left out with labels=, they become FNs with no FP: precision rises above ` +
        "accuracy, and recall stays the accuracy while every true label is scored."
      );
    }
    return (
      `labels= names ${names}, which no item holds as a true or predicted label: ${one ? "it adds" : "they add"} ` +
      "nothing to the micro sums (check the spelling)."
    );
  });
}

/**
 * What `microavg explain` prints for this text with these options, as paragraphs (unwrapped),
 * with what the view needs to draw: the columns, the labels (in order, as shown), the kind.
 * options: {true: column, pred: column, counts: column or null, labels: [text] or null}.
 * Throws a RefusedEdit naming the field and the fix.
 */
export function explainText(input, options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const data = counted(input, options);
  const labels = labelsOption(options.labels ?? null, data.numbers);
  const e = explanation(data, labels);
  const said = paragraphs(e);
  return {
    paragraphs: said,
    text: said.join("\n\n"),
    columns: data.columns,
    labels: data.values.map(String),
    shownLabels: data.values.map(labelText),
    numbers: data.numbers,
    rows: data.rows,
    total: data.total,
    holds: e.holds,
    causes: e.causes,
    scores: Object.fromEntries(Object.entries(e.exact).map(([k, [n, d]]) => [k, exactText([n, d])])),
  };
}
