// `microavg explain FILE --true COL --pred COL [--labels A,B] [--counts n]` in the page: a
// CSV/TSV text with a header row read by the command line's rules (microavg.sources: the
// delimiter its header line holds most of, a BOM dropped, cells stripped, rows with every
// label cell blank skipped, whole-number columns read as numbers, a blank label refused with
// its line), its (true, pred) pairs counted, and told in the words of microavg.explanation
// and microavg.findings: the same sentences, numbers and order. A multi-label file (0/1
// columns, --true t_A,t_B --pred p_A,p_B) is read by the same rules and its rows scored as
// ma.explain scores indicator arrays. Parsing is by papaparse, a chunk at a time; every count
// is exact (below 2**52 in all, as the engine counts).
// The view uses `explainText` and `readHeader`, which check their input, and `namesOf`.

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

/** A label as explanation._plain writes it: repr (a multi-label column by its index). */
const labelText = (label) => (typeof label === "string" ? pyRepr(label) : String(label));

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

/** Refuses a file too big to read before reading it: a UTF-8 byte decodes to at most one
 * UTF-16 unit and no unit takes more than 3 bytes, so a file of more than 3 bytes a character
 * of the limit is over it (one below is read, and measured as a pasted text is). */
export function checkFileSize(bytes) {
  if (bytes > 3 * LIMITS.max_chars) {
    throw say("too_big", { got: bytes.toLocaleString("en"), high: LIMITS.max_chars.toLocaleString("en") });
  }
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

// papaparse guesses the line ending from the first 1 MB it is given: chunks of that size
// make the guess the whole text's, so the rows read a chunk at a time are the rows of the
// text read at once.
const CHUNK = 1024 * 1024;

/** Each row of the text in order, with its index (0 = the header), read a chunk at a time
 * so that the rows are never all held; `visit(row, index)` returning true stops the read. */
function eachRow(text, delimiter, visit) {
  let index = 0;
  Papa.parse(text, {
    ...parseConfig(delimiter),
    chunkSize: CHUNK,
    chunk(results, parser) {
      // A quote opened and never closed (or closed before more text) would read the rest of
      // the text as one cell: refused, as the command line refuses it.
      const bad = results.errors.find((error) => error.type === "Quotes");
      if (bad !== undefined) {
        throw say("bad_quote", { at: `${SOURCE}, line ${lineOf(text, delimiter, index + bad.row)}` });
      }
      for (const row of results.data) {
        if (visit(row, index)) {
          parser.abort();
          return;
        }
        index += 1;
      }
    },
  });
}

function headerOf(text, delimiter) {
  let first = [];
  eachRow(text, delimiter, (row) => {
    first = row;
    return true;
  });
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

/** The columns a true or pred option names: one name, a list of names, or names separated
 * by commas, as the command line takes them (--true t_A,t_B). */
export function namesOf(option) {
  if (Array.isArray(option)) return [...option];
  return typeof option === "string" ? option.split(",") : [option];
}

function column(columns, name, field, known) {
  if (typeof name !== "string" || name === "") throw say("pick", { field, known });
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

/** Every row with any label cell filled, counted by its label cells (stripped) in a tree of
 * Maps, one level per label column, in one pass: with what the checks need of the rows (the
 * first row with a bad count, and per column whether a kept row leaves it blank and the first
 * row leaving only it blank). */
function tally(text, delimiter, labelColumns, countsColumn) {
  const width = labelColumns.length;
  const root = new Map();
  const distinct = labelColumns.map(() => new Set());
  const blank = labelColumns.map(() => false);
  const blankAt = labelColumns.map(() => -1);
  const cells = new Array(width);
  const seen = { kept: 0, badAt: -1, badCell: null, badAnyAt: -1, badAnyCell: null };
  eachRow(text, delimiter, (row, r) => {
    if (r === 0) return false;
    let filled = 0;
    for (let c = 0; c < width; c += 1) {
      const raw = row[labelColumns[c]];
      const cell = raw === undefined ? "" : pyStrip(raw);
      cells[c] = cell;
      if (cell !== "") filled += 1;
    }
    if (filled === 0) return false;
    seen.kept += 1;
    if (filled < width) {
      for (let c = 0; c < width; c += 1) {
        if (cells[c] !== "") continue;
        blank[c] = true;
        if (filled === width - 1 && blankAt[c] < 0) blankAt[c] = r;
      }
    }
    let n = 1;
    if (countsColumn >= 0) {
      n = countOf(row[countsColumn]);
      if (n === null) {
        const cell = row[countsColumn] === undefined || row[countsColumn] === "" ? null : row[countsColumn];
        if (seen.badAnyAt < 0) [seen.badAnyAt, seen.badAnyCell] = [r, cell];
        if (seen.badAt < 0 && filled === width) [seen.badAt, seen.badCell] = [r, cell];
        return false;
      }
    }
    let node = root;
    for (let c = 0; c < width - 1; c += 1) {
      distinct[c].add(cells[c]);
      let next = node.get(cells[c]);
      if (next === undefined) node.set(cells[c], (next = new Map()));
      node = next;
    }
    distinct[width - 1].add(cells[width - 1]);
    node.set(cells[width - 1], (node.get(cells[width - 1]) ?? 0) + n);
    return false;
  });
  return { ...seen, root, distinct, blank, blankAt, width };
}

/** The counted groups: [cells of each label column], n. */
function groupsOf({ root, width }) {
  const out = [];
  const walk = (node, path) => {
    for (const [cell, next] of node) {
      if (path.length === width - 1) out.push([[...path, cell], next]);
      else walk(next, [...path, cell]);
    }
  };
  walk(root, []);
  return out;
}

/** Where the first row whose stripped cell in column `index` passes `test` starts. */
function firstLine(text, delimiter, index, test) {
  let found = -1;
  eachRow(text, delimiter, (row, r) => {
    if (r > 0 && test(pyStrip(row[index] ?? ""))) found = r;
    return found >= 0;
  });
  return found < 0 ? SOURCE : `${SOURCE}, line ${lineOf(text, delimiter, found)}`;
}

/** A label column's distinct cells as labels, checked in the command line's order (a NUL,
 * a blank, then one kind: whole numbers as BigInt, else text): {numbers, of: cell -> label}. */
function typed(cells, name, isBlank, blankAt, at) {
  const odd = cells.find((c) => c.endsWith("\u0000"));
  if (odd !== undefined) throw say("nul", { at: at((c) => c.endsWith("\u0000")), name: shown(name), cell: shown(odd) });
  if (isBlank) throw say("blank", { at: blankAt, name: shown(name) });
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

/** The labels scored of a multi-label file: names of its true tag columns, as their
 * indices (the command line's --labels t_A). */
function tagsOption(labels, trueNames) {
  const chosen = labelsOption(labels, false);
  if (chosen === null) return null;
  return chosen.map((name) => {
    const index = trueNames.indexOf(name);
    if (index < 0) {
      throw say("labels_not_tag", {
        field: CONTROLS.labels, name: shown(name), true: CONTROLS.true_tags, known: trueNames.join(","),
      });
    }
    return index;
  });
}

/** Read and count, by the command line's rules: a single-label file's pairs of labels, each
 * with its count, and its labels in order; or a multi-label file's rows of 0/1 tags. */
function counted(input, options) {
  const trueNames = namesOf(options.true);
  const predNames = namesOf(options.pred);
  const tags = trueNames.length > 1 || predNames.length > 1;
  const countsName = options.counts ?? null;
  const counts = countsName !== null && countsName !== "";
  if (tags && trueNames.length !== predNames.length) {
    throw say("tag_counts", {
      true: CONTROLS.true_tags, got_true: trueNames.length, pred: CONTROLS.pred_tags, got_pred: predNames.length,
    });
  }
  for (const [field, names] of [[CONTROLS.true_tags, trueNames], [CONTROLS.pred_tags, predNames]]) {
    const stripped = names.map((name) => (typeof name === "string" ? pyStrip(name) : name));
    const twice = stripped.find((name, n) => stripped.indexOf(name) < n);
    if (twice !== undefined) throw say("tag_twice", { field, name: shown(twice) });
  }
  const [trueField, predField] = tags ? [CONTROLS.true_tags, CONTROLS.pred_tags] : [CONTROLS.true, CONTROLS.pred];
  // A column named as true and as predicted labels (blank names are asked for below).
  const named = (names) => names.filter((n) => typeof n === "string" && pyStrip(n) !== "").map(pyStrip);
  const trueNamed = new Set(named(trueNames));
  const same = named(predNames).find((name) => trueNamed.has(name));
  if (same !== undefined) throw say("same_column", { pred: predField, true: trueField, name: shown(same) });
  if (tags && counts) throw say("tags_counted", { field: CONTROLS.counts });
  const { text, delimiter } = prepared(input);
  const columns = headerOf(text, delimiter);
  const known = columns.map(shown).join(", ");
  for (const [field, names] of [[trueField, trueNames], [predField, predNames]]) {
    if (names.length === 0) throw say("pick", { field, known });
  }
  const labelColumns = [
    ...trueNames.map((name) => column(columns, name, trueField, known)),
    ...predNames.map((name) => column(columns, name, predField, known)),
  ];
  const ci = counts ? column(columns, countsName, CONTROLS.counts, known) : -1;
  const seen = tally(text, delimiter, labelColumns, ci);
  if (seen.kept === 0) throw say("no_rows", { source: SOURCE });
  const at = (r) => `${SOURCE}, line ${lineOf(text, delimiter, r)}`;
  if (seen.badAnyAt >= 0) {
    const [r, cell] = seen.badAt >= 0 ? [seen.badAt, seen.badCell] : [seen.badAnyAt, seen.badAnyCell];
    const words = { at: at(r), field: CONTROLS.counts, name: shown(columns[ci]) };
    if (cell === null || pyStrip(cell) === "") throw say("blank_count", words);
    throw say("bad_count", { ...words, cell: shown(cell) });
  }
  const names = labelColumns.map((index) => columns[index]);
  const kinds = labelColumns.map((index, c) =>
    typed(
      [...seen.distinct[c]],
      names[c],
      seen.blank[c],
      seen.blankAt[c] < 0 ? SOURCE : at(seen.blankAt[c]),
      (test) => firstLine(text, delimiter, index, test),
    ),
  );
  const groups = groupsOf(seen);
  if (tags) {
    return { tags: true, ...tagRows(text, delimiter, labelColumns, names, kinds, groups), trueNames: trueNames.map(pyStrip), columns, rows: seen.kept };
  }
  return { tags: false, ...pairRows(names, kinds, groups, ci >= 0 ? columns[ci] : null), columns, rows: seen.kept };
}

/** A multi-label file's groups as rows of 0/1 tags (a cell other than 0 or 1 refused). */
function tagRows(text, delimiter, labelColumns, names, kinds, groups) {
  kinds.forEach((kind, c) => {
    const odd = [...kind.of.values()].find((v) => v !== 0n && v !== 1n);
    if (odd === undefined) return;
    const at = firstLine(text, delimiter, labelColumns[c], (cell) => cell === String(odd));
    throw say("not_tag", { at, name: shown(names[c]), cell: shown(odd) });
  });
  const k = labelColumns.length / 2;
  const merged = new Map();
  let total = 0;
  for (const [cells, n] of groups) {
    const bits = cells.map((cell, c) => Number(kinds[c].of.get(cell)));
    const key = bits.join("");
    const entry = merged.get(key);
    if (entry === undefined) merged.set(key, { t: bits.slice(0, k), p: bits.slice(k), n });
    else entry.n += n;
    total += n;
  }
  return { k, groups: [...merged.values()], total };
}

/** A single-label file's groups as pairs of labels (1 and 1.0 are one number), checked. */
function pairRows(names, kinds, groups, countsName) {
  if (kinds[0].numbers !== kinds[1].numbers) {
    const word = (k) => (k.numbers ? "whole numbers" : "text");
    throw say("kinds", {
      source: SOURCE, a: shown(names[0]), kind_a: word(kinds[0]), b: shown(names[1]), kind_b: word(kinds[1]),
    });
  }
  const numbers = kinds[0].numbers;
  const merged = new Map();
  let total = 0;
  for (const [[t, p], n] of groups) {
    const tl = kinds[0].of.get(t);
    const pl = kinds[1].of.get(p);
    const key = `${String(tl)}\u0000${String(pl)}`;
    const entry = merged.get(key);
    if (entry === undefined) merged.set(key, { t: tl, p: pl, n });
    else entry.n += n;
    total += n;
  }
  if (countsName !== null && total === 0) throw say("zero_counts", { field: CONTROLS.counts, name: shown(countsName) });
  if (countsName !== null && total >= MAX_COUNT) {
    throw say("too_many_rows", { field: CONTROLS.counts, name: shown(countsName), got: shown(total) });
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
  return { numbers, values, pairs: [...merged.values()], total };
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
  const precisionEqual = tp + fp === total;
  const recallEqual = tp + fn === total;
  const equal = [];
  if (precisionEqual) equal.push("precision");
  if (recallEqual) equal.push("recall");
  if (precisionEqual && recallEqual) equal.push("f1");
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
  return scored({ tp, fp, fn, correct, total, leftOut, equal, findings, multilabel: false });
}

/** explain() of 0/1 indicator rows over the columns scored (indices; null: all), as
 * explanation._multi_sums and findings.label_sets compute it. */
function tagExplanation({ k, groups, total }, labels) {
  const columns = labels ?? [...Array(k).keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let extra = 0;
  let missed = 0;
  let correct = 0;
  let none = 0;
  let several = 0;
  const used = new Array(k).fill(false);
  for (const { t, p, n } of groups) {
    let right = true;
    for (let c = 0; c < k; c += 1) {
      if (t[c] || p[c]) used[c] = true;
      if (t[c] !== p[c]) right = false;
    }
    let fpRow = 0;
    let fnRow = 0;
    let predicted = 0;
    for (const c of columns) {
      if (t[c] && p[c]) tp += n;
      else if (p[c]) fpRow += 1;
      else if (t[c]) fnRow += 1;
      if (p[c]) predicted += 1;
    }
    fp += n * fpRow;
    fn += n * fnRow;
    extra += n * Math.max(fpRow - fnRow, 0);
    missed += n * Math.max(fnRow - fpRow, 0);
    if (right) correct += n;
    if (predicted === 0) none += n;
    if (predicted >= 2) several += n;
  }
  const scoredSet = new Set(columns);
  const leftOut = [];
  for (let c = 0; c < k; c += 1) if (used[c] && !scoredSet.has(c)) leftOut.push({ label: c });
  // In FINDINGS' order: "absent" before "label_sets".
  const findings = [];
  if (labels !== null) {
    const absent = columns.filter((c) => !used[c]);
    if (absent.length) findings.push({ kind: "absent", labels: absent, count: 0 });
  }
  if (none || several) findings.push({ kind: "label_sets", labels: [], count: none, more: several });
  return {
    ...scored({ tp, fp, fn, correct, total, leftOut, equal: [], findings, multilabel: true }),
    extraTags: extra,
    missedTags: missed,
  };
}

/** The four scores exactly, whether they agree, and the causes, from the micro sums. */
function scored({ tp, fp, fn, correct, total, leftOut, equal, findings, multilabel }) {
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
  if (multilabel) causes.push("multilabel");
  if (zero.length) causes.push("zero_division");
  const all = Object.values(exact);
  const holds = all.every(([n, d]) => n === all[0][0] && d === all[0][1]);
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
  const reasons = {
    labels: "labels= leaves out labels that occur in the data",
    multilabel: "the data is multi-label",
    zero_division: "a denominator is 0",
  };
  lines.push(`${verdict}: ${e.causes.map((c) => reasons[c]).join(" and ")}.`);
  const multilabel = e.causes.includes("multilabel");
  if (e.causes.includes("labels") && multilabel) {
    lines.push(`Left out: ${named(e.leftOut.map((x) => x.label))}; their tags count neither as FP nor as FN.`);
  } else if (e.causes.includes("labels")) {
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
  if (multilabel) {
    lines.push(
      "An item of multi-label data may hold no tag or several, so a wrong tag need not come with a missed " +
        `one: ΣFP = ${fp} and ΣFN = ${fn}. Extra tags (an FP with no FN on its item): ${number(e.extraTags)}; ` +
        `missed tags (an FN with no FP on its item): ${number(e.missedTags)}; ΣFP − ΣFN is the extra tags minus ` +
        "the missed ones. Accuracy is subset accuracy, the share of items with every tag right.",
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
    if (found.kind === "label_sets") {
      return (
        `Predicted label sets: items predicting none of the labels scored: ${n}; predicting two or more: ` +
        `${number(found.more)}. Thresholding each label's probability gives such sets (as Keras' Precision() ` +
        "and Recall() do at 0.5): an item with none adds FNs with no FP, one with several FPs that its FNs " +
        "need not match."
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
 * options: {true, pred: a column, or for multi-label files a list of 0/1 columns (or names
 * comma-separated, as the command line takes them); counts: column or null; labels: [text]
 * or null (for multi-label files: names of true tag columns)}.
 * Throws a RefusedEdit naming the field and the fix.
 */
export function explainText(input, options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const data = counted(input, options);
  const chosen = options.labels ?? null;
  const e = data.tags
    ? tagExplanation(data, tagsOption(chosen, data.trueNames))
    : explanation(data, labelsOption(chosen, data.numbers));
  const said = paragraphs(e);
  return {
    paragraphs: said,
    text: said.join("\n\n"),
    columns: data.columns,
    multilabel: data.tags,
    labels: data.tags ? data.trueNames : data.values.map(String),
    shownLabels: data.tags ? data.trueNames : data.values.map(labelText),
    rows: data.rows,
    total: data.total,
    holds: e.holds,
    causes: e.causes,
    scores: Object.fromEntries(Object.entries(e.exact).map(([k, [n, d]]) => [k, exactText([n, d])])),
  };
}
