// The live confusion-matrix explorer: the view of microavg.live.LiveExplorer.
//
// Every number it shows is computed here, in the browser, by metrics.js, so it works in a
// page exported from a notebook with no kernel at all. Its state lives in the widget
// model (labels, counts, kept, zero_division, message): in JupyterLab each accepted edit
// is sent to Python; in an exported page it stays in the page.
//
// An edit that would leave no valid state (a blank, negative, non-integer or too large
// count, every count 0, k out of range, no label kept) is refused: the message says why,
// the control is marked, and the last good state stays on screen.

import { fraction, summarize } from "./metrics.js";

const ZERO_DIVISION = { 0: 0, 1: 1, nan: NaN }; // as the model holds it -> the number
const AVERAGES = ["micro", "macro", "weighted"];
const PARTS = ["precision", "recall", "f1"];

// -- the state, and the checks an edit must pass ---------------------------------------

function readState(model) {
  return {
    labels: model.get("labels"),
    counts: model.get("counts"),
    kept: model.get("kept"),
    zeroDivision: model.get("zero_division"),
  };
}

/** A count typed into a cell, or null when the text is not one. */
function parseCount(text, maxCount) {
  const trimmed = text.trim();
  if (!/^[0-9]+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= maxCount ? value : null;
}

function total(counts) {
  return counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

/** `n` one-letter labels, A, B, ..., not among `taken`. */
function freshLabels(taken, n) {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return letters.filter((name) => !taken.includes(name)).slice(0, n);
}

/**
 * The state with `k` labels: the counts of the labels that stay, new labels (the next
 * free letters) with counts of 0 and kept; or {refused: why} when that cannot be shown.
 */
function resized(state, k, kMin, kMax) {
  if (!Number.isInteger(k)) return { refused: "k must be a whole number" };
  if (k < kMin || k > kMax) {
    return { refused: `k = ${k}: the explorer takes ${kMin} to ${kMax} labels` };
  }
  const old = state.labels.length;
  const keep = Math.min(k, old);
  const labels = [...state.labels.slice(0, keep), ...freshLabels(state.labels, k - keep)];
  const counts = labels.map((_, i) =>
    labels.map((_, j) => (i < keep && j < keep ? state.counts[i][j] : 0)),
  );
  if (total(counts) === 0) {
    return { refused: `k = ${k} keeps only counts of 0: there would be no rows to score` };
  }
  const kept = labels.filter((label, n) => n >= old || state.kept.includes(label));
  return { labels, counts, kept };
}

// -- how numbers are shown -------------------------------------------------------------

function percent(value) {
  return Number.isNaN(value) ? "nan" : `${(100 * value).toFixed(1)} %`;
}

/** A ratio of counts as a fraction and a percentage, e.g. "5/9 = 55.6 %". */
function exact([numerator, denominator], value) {
  if (denominator === 0) return `0/0 → ${percent(value)}`;
  const f = fraction(numerator, denominator);
  const shown = f.denominator === 1 ? `${f.numerator}` : `${f.numerator}/${f.denominator}`;
  return `${shown} = ${percent(value)}`;
}

/** Whether two ratios of counts are equal: exactly, cross-multiplied as BigInts. */
function sameRatio([a, b], valueA, [c, d], valueB) {
  if (b === 0 || d === 0) return valueA === valueB; // a zero_division value; NaN ≠ NaN
  return BigInt(a) * BigInt(d) === BigInt(c) * BigInt(b);
}

function verdict({ micro, accuracy }) {
  const { parts } = micro;
  const pr = sameRatio(parts.precision, micro.precision, parts.recall, micro.recall);
  if (pr && sameRatio(parts.precision, micro.precision, accuracy.parts, accuracy.value)) {
    return "micro P = R = F1 = accuracy";
  }
  return pr ? "micro P = R, but not accuracy" : "micro P ≠ micro R: they come apart";
}

// -- building blocks -------------------------------------------------------------------

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

/** One shown number, tagged with what it is and its full value, for readers and tests. */
function quantity(key, text, value, label = null) {
  const span = element("span", { "data-quantity": key, text });
  if (value !== null) span.dataset.value = String(value);
  if (label !== null) span.dataset.label = label;
  return span;
}

function count(key, value, label = null) {
  return quantity(key, String(value), value, label);
}

/** A table; `rows` are [header, cells], cells being nodes; no head row when `head` is null. */
function table(className, head, rows) {
  const parts = [];
  if (head !== null) {
    const cells = head.map((text) => element("th", { scope: "col", text }));
    parts.push(element("thead", {}, [element("tr", {}, cells)]));
  }
  const body = rows.map(([name, cells]) =>
    element("tr", {}, [
      element("th", { scope: "row", text: name }),
      ...cells.map((cell) => element("td", {}, [cell])),
    ]),
  );
  parts.push(element("tbody", {}, body));
  return element("table", { className }, parts);
}

// -- the view --------------------------------------------------------------------------

function render({ model, el }) {
  const kMin = model.get("k_min");
  const kMax = model.get("k_max");
  const maxCount = model.get("max_count");
  const heat = model.get("heat_colours");

  const presetButtons = Object.entries(model.get("presets")).map(([name, preset]) => {
    const className = `ma-live-preset ma-live-preset-${name}`;
    const button = element("button", { type: "button", className, text: preset.text });
    button.addEventListener("click", () =>
      commit({ labels: preset.labels, counts: preset.counts, kept: preset.labels }),
    );
    return button;
  });
  const kInput = element("input", {
    type: "number",
    min: kMin,
    max: kMax,
    step: 1,
    className: "ma-live-k",
    "aria-label": "number of labels k",
  });
  const zeroDivision = element(
    "select",
    { className: "ma-live-zero-division", "aria-label": "zero_division" },
    Object.keys(ZERO_DIVISION).map((value) => element("option", { value, text: value })),
  );
  const keepRow = element("span", { className: "ma-live-keep" });
  const message = element("div", { className: "ma-live-message", role: "status" });
  const grid = element("table", { className: "ma-live-grid" });
  const readout = element("div", { className: "ma-live-readout" });

  el.classList.add("microavg-live");
  el.replaceChildren(
    element("div", { className: "ma-live-controls" }, [
      element("span", { className: "ma-live-title", text: "Presets:" }),
      ...presetButtons,
      element("label", {}, ["labels (k) ", kInput]),
      element("label", {}, ["zero_division ", zeroDivision]),
    ]),
    element("div", { className: "ma-live-controls" }, [
      element("span", { className: "ma-live-title", text: "Score these labels (labels=):" }),
      keepRow,
    ]),
    message,
    element("div", { className: "ma-live-body" }, [grid, readout]),
  );

  let cells = []; // cells[i][j]: the input of true label i, predicted label j
  let boxes = []; // boxes[i]: the check box of label i
  let heads = []; // heads[i]: label i's column and row headers
  let drawnLabels = null; // the labels the grid was built for, as JSON

  // -- edits ---------------------------------------------------------------------------

  function commit(changes) {
    model.set({ ...changes, message: "" });
    model.save_changes();
  }

  function refuse(reason) {
    model.set("message", `Refused: ${reason}`);
    model.save_changes();
  }

  function markBad(cell, bad) {
    cell.setAttribute("aria-invalid", bad ? "true" : "false");
  }

  function onCell(i, j) {
    const state = readState(model);
    const cell = cells[i][j];
    const value = parseCount(cell.value, maxCount);
    if (value === null) {
      markBad(cell, true);
      const range = `a whole number from 0 to ${maxCount.toLocaleString("en-US")}`;
      const where = `true ${state.labels[i]}, predicted ${state.labels[j]}`;
      refuse(`${where}: "${cell.value}" is not a count (${range})`);
      return;
    }
    const counts = state.counts.map((row) => [...row]);
    counts[i][j] = value;
    if (total(counts) === 0) {
      markBad(cell, true);
      refuse("every count would be 0: there would be no rows to score");
      return;
    }
    markBad(cell, false);
    commit({ counts });
  }

  function onCellDone(i, j) {
    // Leaving a cell shows the count the explorer holds: the last good one after a
    // refusal, 7 for " 7" or "007".
    const cell = cells[i][j];
    cell.value = String(model.get("counts")[i][j]);
    markBad(cell, false);
  }

  function onK() {
    const state = readState(model);
    const k = kInput.value.trim() === "" ? NaN : Number(kInput.value);
    const next = resized(state, k, kMin, kMax);
    if (next.refused) {
      kInput.value = String(state.labels.length);
      refuse(next.refused);
    } else if (next.labels.length !== state.labels.length) {
      commit(next);
    }
  }

  function onKeep(i) {
    const state = readState(model);
    const kept = state.labels.filter((label, n) =>
      n === i ? boxes[i].checked : state.kept.includes(label),
    );
    if (kept.length === 0) {
      boxes[i].checked = true;
      refuse("keep at least one label to score");
      return;
    }
    commit({ kept });
  }

  kInput.addEventListener("change", onK);
  zeroDivision.addEventListener("change", () => commit({ zero_division: zeroDivision.value }));

  // -- drawing -------------------------------------------------------------------------

  function buildGrid(labels) {
    cells = labels.map((truth, i) =>
      labels.map((predicted, j) => {
        const cell = element("input", {
          type: "text",
          inputmode: "numeric",
          className: "ma-live-cell",
          "data-row": i,
          "data-col": j,
          "aria-label": `true ${truth}, predicted ${predicted}`,
        });
        cell.addEventListener("input", () => onCell(i, j));
        cell.addEventListener("change", () => onCellDone(i, j));
        cell.addEventListener("blur", () => onCellDone(i, j));
        return cell;
      }),
    );
    heads = labels.map((label) => [
      element("th", { scope: "col", text: label }),
      element("th", { scope: "row", text: label }),
    ]);
    const head = element("tr", {}, [
      element("th", { className: "ma-live-corner", text: "true ↓ predicted →" }),
      ...heads.map(([column]) => column),
    ]);
    const rows = labels.map((_, i) =>
      element("tr", {}, [heads[i][1], ...cells[i].map((cell) => element("td", {}, [cell]))]),
    );
    grid.replaceChildren(element("thead", {}, [head]), element("tbody", {}, rows));

    boxes = labels.map((label, i) => {
      const box = element("input", {
        type: "checkbox",
        className: "ma-live-keep-box",
        "data-label": label,
      });
      box.addEventListener("change", () => onKeep(i));
      return box;
    });
    keepRow.replaceChildren(...labels.map((label, i) => element("label", {}, [boxes[i], label])));
    drawnLabels = JSON.stringify(labels);
  }

  /** The heatmap's colour for a count: its colour map's level for count / largest count. */
  function heatColour(value, vmax) {
    const levels = heat.length;
    return heat[Math.floor(Math.min((value / vmax) * levels, levels - 1))];
  }

  function drawControls(state) {
    if (JSON.stringify(state.labels) !== drawnLabels) buildGrid(state.labels);
    const vmax = Math.max(1, ...state.counts.flat());
    state.counts.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = cells[i][j];
        // The cell being typed in keeps its text ("007", or a refused "-3") until left.
        if (document.activeElement !== cell) {
          cell.value = String(value);
          markBad(cell, false);
        }
        cell.style.backgroundColor = heatColour(value, vmax);
      }),
    );
    state.labels.forEach((label, i) => {
      const kept = state.kept.includes(label);
      boxes[i].checked = kept;
      for (const head of heads[i]) head.classList.toggle("ma-live-left-out", !kept);
    });
    kInput.value = String(state.labels.length);
    zeroDivision.value = state.zeroDivision;
  }

  function drawReadout(state) {
    const keptIndex = state.labels
      .map((_, i) => i)
      .filter((i) => state.kept.includes(state.labels[i]));
    const result = summarize(state.counts, keptIndex, ZERO_DIVISION[state.zeroDivision]);
    const { labels: lc, perLabel } = result;

    const perLabelRows = keptIndex.map((i, n) => {
      const label = state.labels[i];
      return [
        label,
        [
          count("tp", lc.tp[n], label),
          count("fp", lc.fp[n], label),
          count("fn", lc.fn[n], label),
          count("support", lc.support[n], label),
          ...PARTS.map((part) =>
            quantity(`label-${part}`, percent(perLabel[part][n]), perLabel[part][n], label),
          ),
        ],
      ];
    });
    const averageRows = AVERAGES.map((average) => [
      average,
      PARTS.map((part) => {
        const value = result[average][part];
        const text =
          average === "micro" ? exact(result.micro.parts[part], value) : percent(value);
        return quantity(`${average}-${part}`, text, value);
      }),
    ]);
    const leftOut = state.labels.filter((label) => !state.kept.includes(label));
    const scored = leftOut.length === 0 ? "all" : state.kept.join(", ");
    const { accuracy } = result;
    const totalRows = [
      [
        "accuracy (all rows)",
        [quantity("accuracy", exact(accuracy.parts, accuracy.value), accuracy.value)],
      ],
      [
        "ΣFP, ΣFN over all labels",
        [pair("all-sum-fp", result.allSumFp, "all-sum-fn", result.allSumFn)],
      ],
      [
        `ΣFP, ΣFN over the labels scored (${scored})`,
        [pair("sum-fp", result.sumFp, "sum-fn", result.sumFn)],
      ],
      ["residual ΣFP − ΣFN over them", [count("residual", result.residual)]],
    ];
    const note = leftOut.length === 0 ? "" : ` (labels left out: ${leftOut.join(", ")})`;
    const head = ["label", "TP", "FP", "FN", "support", "precision", "recall", "F1"];
    readout.replaceChildren(
      table("ma-live-labels", head, perLabelRows),
      table("ma-live-averages", ["", "precision", "recall", "F1"], averageRows),
      table("ma-live-totals", null, totalRows),
      element("div", { className: "ma-live-verdict" }, [
        quantity("verdict", verdict(result), null),
        note,
      ]),
    );
  }

  function pair(keyA, a, keyB, b) {
    return element("span", {}, [count(keyA, a), ", ", count(keyB, b)]);
  }

  function draw() {
    const state = readState(model);
    drawControls(state);
    drawReadout(state);
    const text = model.get("message");
    message.textContent = text;
    message.classList.toggle("ma-live-refused", text !== "");
  }

  // One redraw per change of state, however many of its parts changed at once.
  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}

export default { render };
