// The scored-items explorer's view (microavg.explorers.scored_items): items with a score per
// label, turned into predicted label sets by the explorer's mode (abstain below a confidence
// cut, a threshold, or the top k), scored in the page by label_sets.js. A refused edit keeps
// the model as it was, puts the control back and says why on the alert line.

import { predictedSets, scoreSets } from "./label_sets.js";
import { parseNumber } from "./rules.js";
import { CONTROLS, UNKNOWN, checkCut, checkFlag, checkTopK } from "./set_rules.js";
import { captionFitter, element, escapeReverts, exact, messageLine, modelWriter, quantity, view } from "./dom.js";
import { setReadout } from "./set_readout.js";

const ACCURACY = {
  abstain: ["accuracy (all items)", "accuracy"],
  threshold: ["subset accuracy (the whole set right)", "subset-accuracy"],
  top_k: ["top-k accuracy (true label among the k)", "covered"],
};

function readState(model) {
  return Object.fromEntries(
    ["labels", "truths", "scores", "mode", "cut", "k", "unknown_counted"].map((n) => [n, model.get(n)]),
  );
}

/** Truth and predicted sets of the state, with the "unknown" column when it is counted. */
export function labelSets(state) {
  const truth = state.truths.map((t) => state.labels.map((label) => (label === t ? 1 : 0)));
  const pred = predictedSets(state.scores, state.mode, state.cut, state.k);
  const counted = state.mode === "abstain" && state.unknown_counted;
  if (!counted) return { truth, pred, columns: state.labels };
  return {
    truth: truth.map((row) => [...row, 0]),
    pred: pred.map((row) => [...row, row.includes(1) ? 0 : 1]),
    columns: [...state.labels, UNKNOWN],
  };
}

function render({ model, el }) {
  const message = messageLine();
  const mode = model.get("mode");
  const nLabels = model.get("labels").length;
  const isK = mode === "top_k";
  const control = isK ? CONTROLS.top_k : CONTROLS[mode === "abstain" ? "confidence" : "threshold"];
  const [low, high, step] = isK ? [1, nLabels, 1] : [0, 1, 0.01];
  const range = element("input", {
    type: "range", min: low, max: high, step, className: "ma-range ma-range-cut",
    "aria-label": `${control} slider`,
  });
  const box = element("input", {
    type: "text", inputmode: isK ? "numeric" : "decimal", className: "ma-value ma-value-cut",
    "aria-label": `${control}, ${low} to ${high} (Enter applies)`, size: 5,
  });
  const unknownBox = element("input", { type: "checkbox", className: "ma-unknown" });
  const items = element("div", { className: "ma-items" });
  const readout = element("div", { className: "ma-readout" });

  const controls = [
    element("div", { className: "ma-sliders" }, [
      element("div", { className: "ma-slider" }, [
        element("span", { className: "ma-slider-name", text: control }), range, box,
      ]),
    ]),
  ];
  if (mode === "abstain") {
    controls.push(element("label", {}, [unknownBox, ` ${CONTROLS.unknown} (else left out with labels=)`]));
  }
  el.classList.add("microavg-explorer", "microavg-scored-items", `ma-mode-${mode}`);
  // Keys pressed in the explorer are its own: JupyterLab's notebook shortcuts must not take them.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, controls),
    message.node,
    element("div", { className: "ma-body" }, [items, readout]),
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
      commit({ unknown_counted: checkFlag(unknownBox.checked, CONTROLS.unknown) });
    } catch (error) {
      refuse(error);
    }
  });

  function itemTable(state, sets, result) {
    const head = ["item", "true", ...state.labels.map((l) => `p(${l})`), "predicted", "FP", "FN"];
    const rows = state.scores.map((row, i) => {
      const picked = state.labels.filter((_, j) => sets.pred[i][j] === 1);
      const size = picked.length;
      // What the item is given, and its mark: no label (an abstention), or several.
      let shown = picked.join(", ");
      let mark = "";
      if (size === 0) [shown, mark] = mode === "abstain" ? [UNKNOWN, " (abstains)"] : ["", "no label"];
      else if (size >= 2 && !isK) mark = ` (${size} labels)`;
      const answer = element("span", {}, [
        quantity("size", shown, size, String(i + 1)),
        mark === "" ? "" : element("span", { className: "ma-mark", text: mark }),
      ]);
      const cells = [
        document.createTextNode(state.truths[i]),
        ...row.map((v, j) =>
          element("span", { className: sets.truth[i][j] ? "ma-true-score" : "", text: v.toFixed(2) }),
        ),
        answer,
        quantity("item-fp", String(result.items[i].fp), result.items[i].fp, String(i + 1)),
        quantity("item-fn", String(result.items[i].fn), result.items[i].fn, String(i + 1)),
      ];
      return element("tr", { className: mark === "" ? "" : "ma-marked" }, [
        element("th", { scope: "row", text: String(i + 1) }),
        ...cells.map((c) => element("td", {}, [c])),
      ]);
    });
    const marked = isK ? "" : mode === "abstain" ? "; marked: abstentions" : "; marked: items given no label or several";
    const caption = element("caption", {
      text: `Items, their scores (the true label's underlined) and the labels predicted${marked}`,
    });
    const thead = element("thead", {}, [element("tr", {}, head.map((text) => element("th", { scope: "col", text })))]);
    return element("div", { className: "ma-scroll", tabindex: "0", role: "region", "aria-label": "items" }, [
      element("table", { className: "ma-item-table" }, [caption, thead, element("tbody", {}, rows)]),
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

export default view(render);
