// The confusion-matrix explorer's view (microavg.explorers.matrix_explorer). Every number
// is computed here by metrics.js, every check made by rules.js, so it works in a page with
// no kernel. Accepted edits go to the widget model (and so to Python when a kernel runs);
// a refused one leaves the model as it was, puts the control back to its last good value,
// and says why on the alert line.

import { summarize } from "./metrics.js";
import {
  CONTROLS, K_MAX, K_MIN, MAX_COUNT, checkCounts, checkKept, parseCount, parseMatrix,
  parseNumber, resized,
} from "./rules.js";
import {
  element,
  escapeReverts,
  exact,
  messageLine,
  modelWriter,
  percent,
  quantities,
  sameRatio,
  signed,
  table,
  view,
} from "./dom.js";

const ZERO_DIVISION = { 0: 0, 1: 1, nan: NaN }; // as the model holds it -> the number
const AVERAGES = ["micro", "macro", "weighted"];
const PARTS = ["precision", "recall", "f1"];
/** A count's shade, from 0 at a count of 0 to 1 at the largest, on a log scale, so that
 * small counts stay visible beside one that dominates. explorers.css turns it into a colour
 * of the theme's (--ma-shade: from --ma-cell-zero, the faintest, to --ma-cell-full). */
export function shade(value, vmax) {
  return vmax <= 0 ? 0 : Math.log1p(value) / Math.log1p(vmax);
}

/** The legend, true in light and dark alike: the shades' ends are the theme's. */
export function legendText(vmax) {
  return (
    `Shading: faintest (nearest the background) for 0 to strongest for ` +
    `${vmax.toLocaleString("en-US")}, on a log scale so small counts show beside a dominant one.`
  );
}

function verdict({ micro, accuracy }) {
  const { parts } = micro;
  const pr = sameRatio(parts.precision, micro.precision, parts.recall, micro.recall);
  if (pr && sameRatio(parts.precision, micro.precision, accuracy.parts, accuracy.value)) {
    return "micro P = R = F1 = accuracy";
  }
  return pr ? "micro P = R, but not accuracy" : "micro P ≠ micro R: they come apart";
}

/** Which of micro P and micro R the residual ΣFP − ΣFN lifts, with labels left out. */
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
    zeroDivision: model.get("zero_division"),
  };
}

function render({ model, el }) {
  const message = messageLine();
  const presetButtons = model.get("presets").map((preset) => {
    const button = element("button", {
      type: "button",
      className: `ma-button ma-preset ma-preset-${preset.name}`,
      text: preset.text,
    });
    button.addEventListener("click", () =>
      commit({ labels: preset.labels, counts: preset.counts, kept: preset.labels }),
    );
    return button;
  });
  const kInput = element("input", {
    type: "text",
    inputmode: "numeric",
    className: "ma-k",
    "aria-label": `number of labels k, ${K_MIN} to ${K_MAX}`,
    size: 3,
  });
  const zeroDivision = element(
    "select",
    { className: "ma-zero-division", "aria-label": "zero_division" },
    Object.keys(ZERO_DIVISION).map((value) => element("option", { value, text: value })),
  );
  const keepRow = element("span", { className: "ma-keep" });
  const grid = element("table", { className: "ma-grid" });
  const legend = element("div", { className: "ma-legend" });
  const readout = element("div", { className: "ma-readout" });
  const pasteBox = element("textarea", {
    className: "ma-paste-text",
    rows: 4,
    "aria-label": "matrix to paste: CSV, TSV or scikit-learn's printed [[..], [..]]",
    placeholder: "cat,dog\n5,1\n2,7",
  });
  const pasteButton = element("button", {
    type: "button",
    className: "ma-button ma-paste-apply",
    text: "Show this matrix",
  });

  el.classList.add("microavg-explorer", "microavg-matrix-explorer");
  // Keys pressed in the explorer are its own: JupyterLab's notebook shortcuts (arrows move
  // between cells in command mode) must not take them.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, [
      element("span", { className: "ma-title", text: "Presets:" }),
      ...presetButtons,
      element("label", {}, ["labels (k) ", kInput]),
      element("label", {}, ["zero_division ", zeroDivision]),
    ]),
    element("div", { className: "ma-controls" }, [
      element("span", { className: "ma-title", text: "Labels scored (labels=):" }),
      keepRow,
    ]),
    element("details", { className: "ma-paste" }, [
      element("summary", { text: "Paste your own matrix" }),
      element("p", {
        text:
          "Rows true, columns predicted: a CSV or TSV block, or scikit-learn's printed " +
          "confusion_matrix; label names optional (a first line, or a first column).",
      }),
      pasteBox,
      pasteButton,
    ]),
    message.node,
    element("div", { className: "ma-body" }, [
      element("div", {}, [element("div", { className: "ma-scroll" }, [grid]), legend]),
      readout,
    ]),
  );

  let cells = [];
  let boxes = [];
  let heads = [];
  let drawnLabels = null;
  // What the last draw wrote, so the next one writes only what moved: a typed count changes
  // one cell and the readout's numbers of two labels, not every node of a 10 x 10 explorer.
  let shades = []; // each cell's --ma-shade
  let drawnVmax = null; // the legend's largest count
  let drawnScored = null; // the labels and the labels scored the readout's tables were built for
  const shown = quantities();

  const { commit, refuse } = modelWriter(model, () => draw());

  function cellName(i, j) {
    const labels = model.get("labels");
    return `count of true ${labels[i]}, predicted ${labels[j]}`;
  }

  // What is being typed into a cell. A count applies as it is typed, so "99" is shown on
  // the way to "999999999"; when more keys make the text refused, the counts typed on the
  // way were no edit of their own: the cell goes back to the count it held before them
  // (`start`), never to a truncation of the refused text ("999999", "1" of "1.5").
  let typing = null; // {cell, text, start, entered}: the entry, and the count when the cell was

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
    // More keys typed at the end of the text go on with the same entry; anything else (a
    // paste, a deletion, a key typed over a selection) starts a new one.
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
          // the other counts changed meanwhile: the explorer keeps what it holds
        }
      }
      refuse(error);
      // The refused text stays, marked, while it is being typed; leaving the cell (Tab,
      // Enter, a click elsewhere) shows the last good count again.
    }
  }

  function onCellKey(i, j, event) {
    if (event.key === "Enter") {
      cells[i][j].blur();
    } else if (event.key === "Escape") {
      // Escape takes back what was typed since the cell was entered, refused or not: the
      // cell and the explorer hold the count from before, and the refusal line clears.
      event.preventDefault();
      const before = typing?.cell === cells[i][j] ? typing.entered : model.get("counts")[i][j];
      try {
        commit(model.get("counts")[i][j] === before ? {} : { counts: withCount(i, j, before) });
      } catch {
        // the other counts changed meanwhile: the explorer keeps what it holds
      }
      onCellDone(i, j);
      cells[i][j].select();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const step = event.key === "ArrowUp" ? 1 : -1;
      setCount(i, j, String(model.get("counts")[i][j] + step));
      cells[i][j].value = String(model.get("counts")[i][j]);
      startTyping(i, j); // a step is an edit of its own
    }
  }

  function onCellDone(i, j) {
    // Leaving a cell shows the count the explorer holds: the last good one after a
    // refusal, 7 for " 7" or "007".
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
    const kept = state.labels.filter((label, n) =>
      n === i ? boxes[i].checked : state.kept.includes(label),
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
      // A paste without names gets A, B, ... from the parser, never the last paste's names.
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
    cells = labels.map((truth, i) =>
      labels.map((predicted, j) => {
        const cell = element("input", {
          type: "text",
          inputmode: "numeric",
          className: "ma-cell",
          "data-row": i,
          "data-col": j,
          "aria-label": `count of true ${truth}, predicted ${predicted}`,
        });
        cell.addEventListener("focus", () => startTyping(i, j));
        cell.addEventListener("input", (event) => setCount(i, j, cell.value, event));
        cell.addEventListener("keydown", (event) => onCellKey(i, j, event));
        cell.addEventListener("blur", () => onCellDone(i, j));
        return cell;
      }),
    );
    heads = labels.map((label) => [
      element("th", { scope: "col", text: label }),
      element("th", { scope: "row", text: label }),
    ]);
    const head = element("tr", {}, [
      element("th", { className: "ma-corner", text: "true ↓ predicted →" }),
      ...heads.map(([column]) => column),
    ]);
    const rows = labels.map((_, i) =>
      element("tr", {}, [heads[i][1], ...cells[i].map((cell) => element("td", {}, [cell]))]),
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
    state.counts.forEach((row, i) =>
      row.forEach((value, j) => {
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
      }),
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

  // The readout's tables are built when the labels or the labels scored change; otherwise
  // the spans `shown` keeps are rewritten in place, where their numbers moved.
  function drawReadout(state) {
    const scoredKey = JSON.stringify([state.labels, state.kept]);
    const fresh = scoredKey !== drawnScored;
    if (fresh) shown.forget();
    const quantity = shown.show;
    const keptIndex = state.labels.map((_, i) => i).filter((i) => state.kept.includes(state.labels[i]));
    const result = summarize(state.counts, keptIndex, ZERO_DIVISION[state.zeroDivision]);
    const { labels: lc, perLabel, accuracy } = result;
    const count = (key, value, label = null) => quantity(key, signed(value), value, label);
    const perLabelCells = keptIndex.map((i, n) => {
      const label = state.labels[i];
      return [
        count("tp", lc.tp[n], label),
        count("fp", lc.fp[n], label),
        count("fn", lc.fn[n], label),
        count("support", lc.support[n], label),
        ...PARTS.map((part) =>
          quantity(`label-${part}`, percent(perLabel[part][n]), perLabel[part][n], label),
        ),
      ];
    });
    const averageCells = AVERAGES.map((average) =>
      PARTS.map((part) => {
        const value = result[average][part];
        const text = average === "micro" ? exact(result.micro.parts[part], value) : percent(value);
        return quantity(`${average}-${part}`, text, value);
      }),
    );
    const accuracyShown = quantity("accuracy", exact(accuracy.parts, accuracy.value), accuracy.value);
    const allSums = [count("all-sum-fp", result.allSumFp), count("all-sum-fn", result.allSumFn)];
    const keptSums = [count("sum-fp", result.sumFp), count("sum-fn", result.sumFn)];
    const residual = count("residual", result.residual);
    // Per label left out: its unpartnered errors, and which of P and R the residual lifts.
    const outCells = result.leftOut.map(({ index, outOf, into }) => {
      const label = state.labels[index];
      return [count("out-of", outOf, label), count("into", into, label)];
    });
    const lifts = outCells.length === 0 ? null : quantity("lifts", lifted(result), null);
    const verdictShown = quantity("verdict", verdict(result), null);
    if (!fresh) return;

    const keptLabels = keptIndex.map((i) => state.labels[i]);
    const leftOut = state.labels.filter((label) => !state.kept.includes(label));
    const scored = leftOut.length === 0 ? "all" : state.kept.join(", ");
    const note = leftOut.length === 0 ? "" : ` (labels left out: ${leftOut.join(", ")})`;
    const pair = ([a, b]) => element("span", {}, [a, ", ", b]);
    const named = (names, cells) => names.map((name, n) => [name, cells[n]]);
    const totalRows = [
      ["accuracy (all rows)", [accuracyShown]],
      ["ΣFP, ΣFN over all labels", [pair(allSums)]],
      [`ΣFP, ΣFN over the labels scored (${scored})`, [pair(keptSums)]],
      ["residual ΣFP − ΣFN over them", [residual]],
    ];
    const head = ["label", "TP", "FP", "FN", "support", "precision", "recall", "F1"];
    readout.replaceChildren(
      table("ma-labels", head, named(keptLabels, perLabelCells), null, "counts and scores per label kept"),
      table("ma-averages", ["", "precision", "recall", "F1"], named(AVERAGES, averageCells), null, "averages"),
      table("ma-totals", null, totalRows, null, "sums over the labels kept"),
      ...(outCells.length === 0 ? [] : [
        table("ma-left-out", ["label left out", "errors out of it (FP)", "errors into it (FN)"],
          named(leftOut, outCells), null, "errors out of and into each label left out"),
        element("div", { className: "ma-lifts" }, [lifts]),
      ]),
      element("div", { className: "ma-verdict" }, [verdictShown, note]),
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

export default view(render);
