// The explain-file explorer's view (microavg.explorers.explain_file): paste or drop a
// CSV/TSV text with a header row, pick the true and predicted columns (or a column counting
// each pair), tick the labels to score, and read what `microavg explain` prints for that
// file. The text is read and explained here (explain_text.js), so it never leaves the page.
// An accepted edit goes to the widget model; a refused one keeps the model (and so the last
// good explanation) and says why on the alert line.

import { CONTROLS, explainText, readHeader, RefusedEdit } from "./explain_text.js";
import { element, messageLine, view } from "./dom.js";

const NO_COUNTS = "";

function readState(model) {
  return {
    text: model.get("text"),
    true: model.get("true"),
    pred: model.get("pred"),
    counts: model.get("counts"),
    labels: model.get("labels") ?? null,
  };
}

/** The state an edit leads to, as ExplainFile._defaults makes it: new text keeps the columns
 * it still has (else the first two); new text or columns score every label. */
export function proposed(current, changes) {
  const next = { ...current, ...changes };
  if (!("labels" in changes) && ["true", "pred", "counts", "text"].some((k) => k in changes)) {
    next.labels = null;
  }
  if ("text" in changes && next.text !== "") {
    let columns = [];
    try {
      columns = readHeader(next.text).columns;
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      return next;
    }
    if (!("true" in changes) && !columns.includes(current.true)) next.true = columns[0] ?? "";
    if (!("pred" in changes) && !columns.includes(current.pred)) next.pred = columns[1] ?? "";
    if (!("counts" in changes) && !columns.includes(current.counts)) next.counts = NO_COUNTS;
  }
  return next;
}

function explained(state) {
  if (state.text === "") return null;
  return explainText(state.text, {
    true: state.true, pred: state.pred, counts: state.counts || null, labels: state.labels,
  });
}

function render({ model, el }) {
  const message = messageLine();
  const paste = element("textarea", {
    className: "ma-ef-text",
    rows: 6,
    spellcheck: "false",
    "aria-label": `${CONTROLS.text}: CSV or TSV with a header row`,
    placeholder: "true,pred\nA,A\nA,B\nB,B",
  });
  const file = element("input", {
    type: "file",
    className: "ma-ef-file",
    accept: ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain",
    "aria-label": "open a CSV or TSV file (read in this page, never sent)",
  });
  const select = (name, className) =>
    element("select", { className, "aria-label": CONTROLS[name] });
  const trueColumn = select("true", "ma-ef-true");
  const predColumn = select("pred", "ma-ef-pred");
  const countsColumn = select("counts", "ma-ef-counts");
  const labelBox = element("div", {
    className: "ma-scroll ma-ef-labels", tabindex: "0", role: "region", "aria-label": CONTROLS.labels,
  });
  const allButton = element("button", { type: "button", className: "ma-button ma-ef-all", text: "Score every label" });
  const output = element("div", { className: "ma-ef-output", "aria-live": "polite" });
  const summary = element("p", { className: "ma-ef-summary" });

  el.classList.add("microavg-explorer", "microavg-explain-file");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-ef-input" }, [
      element("p", {
        className: "ma-ef-help",
        text:
          "Paste a CSV or TSV text with a header row, or open or drop a file: it is read in this " +
          "page and never sent anywhere. What follows is what microavg explain prints for it.",
      }),
      paste,
      element("label", { className: "ma-ef-file-label" }, ["Open a file ", file]),
    ]),
    element("div", { className: "ma-controls ma-ef-columns" }, [
      element("label", {}, [`${CONTROLS.true} `, trueColumn]),
      element("label", {}, [`${CONTROLS.pred} `, predColumn]),
      element("label", {}, [`${CONTROLS.counts} `, countsColumn]),
    ]),
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS.labels} (labels=)` }),
      labelBox,
      allButton,
    ]),
    message.node,
    summary,
    output,
  );

  let timer = null;
  let result = null;

  function edit(changes) {
    const current = readState(model);
    const next = proposed(current, changes);
    try {
      result = explained(next);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      model.set("message", `Refused: ${error.message}`);
      model.save_changes();
      if ("text" in changes) paste.setAttribute("aria-invalid", "true");
      draw({ keepText: "text" in changes });
      return;
    }
    paste.removeAttribute("aria-invalid");
    model.set({ ...next, message: "" });
    model.save_changes();
  }

  paste.addEventListener("input", () => {
    clearTimeout(timer);
    const delay = paste.value.length > 1e6 ? 600 : 200;
    timer = setTimeout(() => edit({ text: paste.value }), delay);
  });
  const readFile = async (blob) => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = bytes; // refused as not UTF-8 by the reader, with its words
    }
    if (typeof text === "string") paste.value = text;
    edit({ text });
  };
  file.addEventListener("change", () => {
    if (file.files && file.files[0]) readFile(file.files[0]);
  });
  paste.addEventListener("dragover", (event) => event.preventDefault());
  paste.addEventListener("drop", (event) => {
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) {
      event.preventDefault();
      readFile(dropped);
    }
  });
  trueColumn.addEventListener("change", () => edit({ true: trueColumn.value }));
  predColumn.addEventListener("change", () => edit({ pred: predColumn.value }));
  countsColumn.addEventListener("change", () => edit({ counts: countsColumn.value }));
  allButton.addEventListener("click", () => edit({ labels: null }));

  function fill(node, options, chosen) {
    node.replaceChildren(
      ...options.map(([value, text]) => {
        const option = element("option", { value, text });
        option.selected = value === chosen;
        return option;
      }),
    );
    node.value = chosen;
  }

  function drawLabels(state) {
    if (result === null) {
      labelBox.replaceChildren(element("span", { className: "ma-ef-none", text: "no labels yet" }));
      return;
    }
    const ticked = state.labels === null ? null : new Set(state.labels);
    const boxes = result.labels.map((label, i) => {
      const box = element("input", { type: "checkbox", value: label });
      box.checked = ticked === null || ticked.has(label);
      box.addEventListener("change", () => {
        const chosen = [...labelBox.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
        edit({ labels: chosen.length === result.labels.length ? null : chosen });
      });
      return element("label", { className: "ma-ef-label" }, [box, ` ${result.shownLabels[i]}`]);
    });
    labelBox.replaceChildren(...boxes);
  }

  function draw({ keepText = false } = {}) {
    const state = readState(model);
    if (!keepText && paste.value !== state.text) paste.value = state.text;
    if (result === null && state.text !== "") {
      try {
        result = explained(state);
      } catch (error) {
        if (!(error instanceof RefusedEdit)) throw error;
        result = null;
      }
    }
    const columns = result === null ? [] : result.columns;
    const pairs = columns.map((c) => [c, c]);
    fill(trueColumn, pairs, state.true);
    fill(predColumn, pairs, state.pred);
    fill(countsColumn, [[NO_COUNTS, "none: one row, one item"], ...pairs], state.counts);
    drawLabels(state);
    if (result === null) {
      summary.textContent = "";
      output.replaceChildren(element("p", { className: "ma-ef-none", text: "Nothing pasted yet." }));
    } else {
      const items = result.total === 1 ? "item" : "items";
      summary.replaceChildren(
        element("strong", { text: result.holds && result.causes.length === 0 ? "Agree, as they must" : result.holds ? "Agree on this data" : "They part" }),
        ` · ${result.rows.toLocaleString("en")} rows, ${result.total.toLocaleString("en")} ${items}, ${result.labels.length.toLocaleString("en")} labels`,
      );
      output.replaceChildren(...result.paragraphs.map((text) => element("p", { text })));
    }
    message.show(model.get("message"));
  }

  const redraw = () => {
    const state = readState(model);
    try {
      result = explained(state);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
    }
    draw();
  };
  model.on("change", redraw);
  redraw();
  return () => {
    clearTimeout(timer);
    model.off("change", redraw);
  };
}

export default view(render);
