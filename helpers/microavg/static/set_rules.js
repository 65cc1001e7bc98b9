// The label-set explorers' rules in the page (scored items, tag table): the same functions
// as microavg/explorers/set_rules.py, under the same names in camelCase, reading the same
// data (set_rules.json). What every explorer shares (RefusedEdit, say, shown, whole and real
// numbers, labels) comes from rules.js. A test runs both languages on the same inputs.

import SET_RULES from "./set_rules.json" with { type: "json" };
import {
  CONTROLS as RULES_CONTROLS, asLabel, checkLabels, quoted, real, say as sayRule, shown, whole,
} from "./rules.js";

export { SET_RULES };
export const MAX_ITEMS = SET_RULES.limits.max_items;
export const MODES = SET_RULES.modes;
export const UNKNOWN = SET_RULES.unknown;
export const CONTROLS = SET_RULES.controls;
export const MESSAGES = SET_RULES.messages;

/** The refusal of MESSAGES[template] (or a CONTROLS template), else rules.js's (set_rules.say). */
export function say(template, values = {}) {
  return sayRule(MESSAGES[template] ?? CONTROLS[template] ?? template, values);
}

const fill = (template, values) => say(template, values).message;

/** How the scored-items explorer predicts: one of MODES (rules.check_mode). */
export function checkMode(mode) {
  if (typeof mode !== "string" || !MODES.includes(mode)) {
    throw say("mode", { name: CONTROLS.mode, modes: MODES.join(", "), got: shown(mode) });
  }
  return mode;
}

/** The confidence cut (abstaining) or the threshold: from 0 to 1 (rules.check_cut). */
export function checkCut(value, mode) {
  const name = CONTROLS[checkMode(mode) === "abstain" ? "confidence" : "threshold"];
  return real(name, value, 0, 1);
}

/** k of the top-k label sets: 1 to the number of labels (rules.check_top_k). */
export function checkTopK(k, nLabels) {
  return whole(CONTROLS.top_k, k, 1, nLabels);
}

/** A yes-or-no control: true or false, nothing else (rules.check_flag). */
export function checkFlag(value, name) {
  if (typeof value !== "boolean") throw say("not_bool", { name, got: shown(value) });
  return value;
}

function itemRows(rows, name) {
  if (!Array.isArray(rows)) throw say("not_a_list", { name, got: shown(rows) });
  if (!(1 <= rows.length && rows.length <= MAX_ITEMS)) {
    throw say("row_count", { name: CONTROLS.items, low: 1, high: MAX_ITEMS, got: rows.length });
  }
  return rows;
}

function rowOf(row, k, name, n) {
  if (!Array.isArray(row)) throw say("row_width", { name, k, row: n, got: shown(row) });
  if (row.length !== k) throw say("row_width", { name, k, row: n, got: row.length });
  return row;
}

/** The scored items' labels; "unknown" is no label when abstaining (rules.check_scored_labels). */
export function checkScoredLabels(labels, mode) {
  const out = checkLabels(labels);
  if (checkMode(mode) === "abstain" && out.includes(UNKNOWN)) {
    throw say("reserved", { name: RULES_CONTROLS.labels, got: quoted(UNKNOWN) });
  }
  return out;
}

/** The scored items: 1 to 20 rows, one score per label, each from 0 to 1 (rules.check_scores). */
export function checkScores(scores, labels) {
  const name = CONTROLS.scores;
  return itemRows(scores, name).map((row, i) =>
    rowOf(row, labels.length, name, i + 1).map((value, j) =>
      real(fill("score", { item: i + 1, label: labels[j] }), value, 0, 1),
    ),
  );
}

/** The true label of each scored item, among `labels` (rules.check_truths). */
export function checkTruths(truths, labels, nItems) {
  const name = CONTROLS.truths;
  if (!Array.isArray(truths)) throw say("not_a_list", { name, got: shown(truths) });
  const out = truths.map(asLabel);
  if (out.length !== nItems) throw say("row_pairs", { name, got: out.length, rows: nItems });
  out.forEach((label, n) => {
    if (typeof label !== "string" || !labels.includes(label)) {
      throw say("row_label", {
        name: RULES_CONTROLS.true, row: n + 1, labels: labels.join(", "), got: shown(label),
      });
    }
  });
  return out;
}

/** A 0/1 indicator table, 1 to 20 items, one 0 or 1 per tag (rules.check_indicators). */
export function checkIndicators(rows, tags, name) {
  const side = name.endsWith(" tags") ? name.slice(0, -" tags".length) : name;
  return itemRows(rows, name).map((row, i) =>
    rowOf(row, tags.length, name, i + 1).map((value, j) => {
      if (!(typeof value === "boolean" || value === 0 || value === 1)) {
        const cell = fill("tag_cell", { side, tag: tags[j], item: i + 1 });
        throw say("zero_one", { name: cell, got: shown(value) });
      }
      return Number(value);
    }),
  );
}
