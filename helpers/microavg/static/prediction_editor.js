// The prediction editor's view (microavg.explorers.prediction_editor): rows of (predicted,
// true) labels, what each row counts as, per-label TP, FP and FN, and the micro scores,
// all computed here by metrics.js.

import { summarize } from "./metrics.js";
import { checkRows, parseLabels } from "./rules.js";
import {
  element, escapeReverts, exact, messageLine, modelWriter, quantity, table, view,
} from "./dom.js";

/** What a row counts as: "TP of A", or "FP of B, FN of A" (row_roles in Python). */
export function rowRoles(truth, predicted) {
  return truth === predicted
    ? [["TP", truth]]
    : [
        ["FP", predicted],
        ["FN", truth],
      ];
}

/** The confusion matrix of the rows over `labels`. */
export function countRows(yTrue, yPred, labels) {
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
    size: 24,
  });
  const addButton = element("button", { type: "button", className: "ma-button ma-add", text: "add a row" });
  const rowsBody = element("tbody");
  const rowsTable = element("table", { className: "ma-rows" }, [
    element("thead", {}, [
      element("tr", {}, ["#", "predicted", "true", "counts as", ""].map((text) =>
        element("th", { scope: "col", text }),
      )),
    ]),
    rowsBody,
  ]);
  const readout = element("div", { className: "ma-readout" });
  el.classList.add("microavg-explorer", "microavg-prediction-editor");
  // Keys pressed in the explorer are its own: JupyterLab's notebook shortcuts (arrows move
  // between cells in command mode) must not take them.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, [
      element("label", {}, ["labels ", labelsInput]),
      addButton,
    ]),
    message.node,
    element("div", { className: "ma-body" }, [
      element("div", { className: "ma-scroll" }, [rowsTable]),
      readout,
    ]),
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
    // The edit is done: the box shows the label set the editor holds (the last good one).
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
      labels.map((label) => element("option", { value: label, text: label })),
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
      const chips = roles.map(([role, label]) =>
        element("span", { className: `ma-chip ma-chip-${role}`, text: `${role} of ${label}` }),
      );
      const remove = element("button", {
        type: "button",
        className: "ma-button ma-remove",
        text: "remove",
        "aria-label": `remove row ${n + 1}`,
      });
      remove.addEventListener("click", () =>
        tryRows(yTrue.filter((_, m) => m !== n), yPred.filter((_, m) => m !== n)),
      );
      const verdict = element("td", { className: "ma-verdict-cell", "data-row-roles": n + 1 }, [
        truth === predicted ? "✓ " : "✗ ",
        ...chips.flatMap((chip, m) => (m === 0 ? [chip] : [" ", chip])),
      ]);
      return element("tr", { "data-row": n }, [
        element("th", { scope: "row", text: String(n + 1) }),
        element("td", {}, [select(`row ${n + 1} predicted`, predicted, labels, pick("pred"))]),
        element("td", {}, [select(`row ${n + 1} true`, truth, labels, pick("true"))]),
        verdict,
        element("td", {}, [remove]),
      ]);
    });
    rowsBody.replaceChildren(...rows);
  }

  function drawReadout(labels, yTrue, yPred) {
    const counts = countRows(yTrue, yPred, labels);
    const result = summarize(counts, labels.map((_, i) => i), 0);
    const lc = result.labels;
    const count = (key, value, label = null) => quantity(key, String(value), value, label);
    const sum = (values) => values.reduce((a, b) => a + b, 0);
    const countRowsShown = labels.map((label, n) => [
      label,
      [count("tp", lc.tp[n], label), count("fp", lc.fp[n], label), count("fn", lc.fn[n], label)],
    ]);
    countRowsShown.push([
      "Σ",
      [count("sum-tp", sum(lc.tp)), count("sum-fp", sum(lc.fp)), count("sum-fn", sum(lc.fn))],
    ]);
    const { micro, accuracy } = result;
    const scoreRows = ["precision", "recall", "f1"].map((part) => [
      `micro ${part === "f1" ? "F1" : part}`,
      [quantity(`micro-${part}`, exact(micro.parts[part], micro[part]), micro[part])],
    ]);
    scoreRows.push(["accuracy", [quantity("accuracy", exact(accuracy.parts, accuracy.value), accuracy.value)]]);
    readout.replaceChildren(
      table("ma-counts", ["label", "TP", "FP", "FN"], countRowsShown, null, "counts per label"),
      table("ma-scores", null, scoreRows, null, "micro scores and accuracy"),
    );
  }

  function draw() {
    const labels = model.get("labels");
    const yTrue = model.get("y_true");
    const yPred = model.get("y_pred");
    if (document.activeElement !== labelsInput) labelsInput.value = labels.join(", ");
    // Rebuilt rows keep the keyboard where it was: on the control of the same name.
    const focused = el.contains(document.activeElement)
      ? document.activeElement.getAttribute("aria-label")
      : null;
    drawRows(labels, yTrue, yPred);
    if (focused !== null && !el.contains(document.activeElement)) {
      const again = [...el.querySelectorAll("[aria-label]")].find(
        (node) => node.getAttribute("aria-label") === focused,
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

export default view(render);
