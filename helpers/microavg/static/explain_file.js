// The explain-file explorer's view (microavg.explorers.explain_file): paste or drop a
// CSV/TSV text with a header row, pick the true and predicted columns (or a column counting
// each pair), or for a multi-label file its true and predicted 0/1 tag columns, tick the
// labels to score, and read what `microavg explain` prints for that file. The text is read
// and explained here (explain_text.js), so it never leaves the page. An accepted edit goes
// to the widget model; a refused one keeps the model (and so the last good explanation) and
// says why on the alert line, leaving what the reader typed or ticked on screen.

import {
  checkFileSize, CONTROLS, explainText, namesOf, pyStrip, readHeader, RefusedEdit,
} from "./explain_text.js";
import { element, messageLine, view } from "./dom.js";

const NO_COUNTS = "";
// A text longer than this is explained but not written into the box: a textarea takes
// longer to take in a file of a million rows than the page takes to explain it.
const SHOWN_CHARS = 100_000;
let views = 0; // for ids unique in the page

function readState(model) {
  return {
    text: model.get("text"),
    true: model.get("true"),
    pred: model.get("pred"),
    counts: model.get("counts"),
    labels: model.get("labels") ?? null,
  };
}

/** Whether every column an option names is a column of the text (ExplainFile's _present). */
function present(option, columns) {
  return namesOf(option).every((name) => typeof name === "string" && columns.includes(pyStrip(name)));
}

/** The state an edit leads to, as ExplainFile._defaults makes it: new text keeps the columns
 * it still has all of (else the first two); new text or columns score every label. */
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
    if (!("true" in changes) && !present(current.true, columns)) next.true = columns[0] ?? "";
    if (!("pred" in changes) && !present(current.pred, columns)) next.pred = columns[1] ?? "";
    if (!("counts" in changes) && !columns.includes(current.counts)) next.counts = NO_COUNTS;
  }
  return next;
}

/** Whether a state names tag columns (a list, or names comma-separated). */
const namesTags = (state) =>
  [state.true, state.pred].some((v) => Array.isArray(v) || (typeof v === "string" && v.includes(",")));

const same = (a, b) => ["text", "true", "pred", "counts", "labels"].every(
  (key) => (key === "text" ? a.text === b.text : JSON.stringify(a[key]) === JSON.stringify(b[key])),
);

function render({ model, el }) {
  views += 1;
  const heldId = `ma-ef-held-${views}`;
  const message = messageLine();
  const paste = element("textarea", {
    className: "ma-ef-text",
    rows: 6,
    spellcheck: "false",
    "aria-label": `${CONTROLS.text}: CSV or TSV with a header row`,
    "aria-describedby": heldId,
    placeholder: "true,pred\nA,A\nA,B\nB,B",
  });
  const held = element("p", { className: "ma-ef-help ma-ef-held", id: heldId });
  const file = element("input", {
    type: "file",
    className: "ma-ef-file",
    accept: ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain",
    "aria-label": "open a CSV or TSV file (read in this page, never sent)",
  });
  const kindName = `ma-ef-kind-${views}`;
  const kind = (value, text) => {
    const radio = element("input", { type: "radio", name: kindName, value, className: `ma-ef-kind-${value}` });
    return [radio, element("div", {}, [element("label", {}, [radio, ` ${text}`])])];
  };
  const [labelsKind, labelsKindLabel] = kind("labels", "a true and a predicted label (or a counted table)");
  const [tagsKind, tagsKindLabel] = kind("tags", "0/1 tag columns, true and predicted (multi-label)");
  const select = (name, className) =>
    element("select", { className, "aria-label": CONTROLS[name] });
  const trueColumn = select("true", "ma-ef-true");
  const predColumn = select("pred", "ma-ef-pred");
  const countsColumn = select("counts", "ma-ef-counts");
  // In a box of its own: .ma-controls' display would override `hidden`.
  const columnsBox = element("div", {}, [
    element("div", { className: "ma-controls ma-ef-columns" }, [
      element("label", {}, [`${CONTROLS.true} `, trueColumn]),
      element("label", {}, [`${CONTROLS.pred} `, predColumn]),
      element("label", {}, [`${CONTROLS.counts} `, countsColumn]),
    ]),
  ]);
  const tagBox = (name) => element("div", { className: `ma-ef-tag-columns ma-ef-${name}` });
  const trueTags = tagBox("true-tags");
  const predTags = tagBox("pred-tags");
  const tagsBox = element("div", { className: "ma-ef-tags" }, [
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS.true_tags} (--true)` }),
      trueTags,
    ]),
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS.pred_tags} (--pred), paired with the true ones in order` }),
      predTags,
    ]),
  ]);
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
      held,
      element("label", { className: "ma-ef-file-label" }, ["Open a file ", file]),
    ]),
    element("fieldset", { className: "ma-ef-fieldset ma-ef-kind" }, [
      element("legend", { text: "each row holds" }),
      labelsKindLabel,
      tagsKindLabel,
    ]),
    columnsBox,
    tagsBox,
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
  let last = null; // the state `result` explains
  let boxText = ""; // what the box holds, as far as the view wrote or read it
  // The tag columns on screen: the model's, or what the reader ticked since (kept when
  // refused, so that a true column and then its predicted partner can be ticked in turn).
  let mode = "labels";
  let ticked = { true: [], pred: [] };

  function explained(state) {
    if (state.text === "") return null;
    if (last !== null && same(last, state)) return result;
    const answer = explainText(state.text, {
      true: state.true, pred: state.pred, counts: state.counts || null, labels: state.labels,
    });
    last = state;
    return answer;
  }

  function fromModel(state) {
    mode = namesTags(state) ? "tags" : "labels";
    if (mode === "tags") ticked = { true: namesOf(state.true).map(pyStrip), pred: namesOf(state.pred).map(pyStrip) };
  }

  /** Says why on the alert line; the model, and so the last good explanation, stays. */
  function refuse(error, { text = false, keepText = false } = {}) {
    model.set("message", `Refused: ${error.message}`);
    model.save_changes();
    if (text) paste.setAttribute("aria-invalid", "true");
    draw({ keepText });
  }

  function edit(changes, { keepText = false } = {}) {
    const current = readState(model);
    const next = proposed(current, changes);
    try {
      result = explained(next);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      refuse(error, { text: "text" in changes, keepText });
      return;
    }
    paste.removeAttribute("aria-invalid");
    // Only what changed: a model compares (and a kernel is sent) each value set.
    const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) =>
      key === "text" ? value !== current.text : JSON.stringify(value) !== JSON.stringify(current[key])));
    model.set({ ...changed, message: "" });
    model.save_changes();
  }

  paste.addEventListener("input", () => {
    clearTimeout(timer);
    const delay = paste.value.length > 1e6 ? 600 : 200;
    timer = setTimeout(() => {
      boxText = paste.value;
      edit({ text: boxText }, { keepText: true });
    }, delay);
  });
  const readFile = async (blob) => {
    try {
      checkFileSize(blob.size);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      refuse(error, { text: true });
      return;
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = bytes; // refused as not UTF-8 by the reader, with its words
    }
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

  function columnsOnScreen() {
    if (result !== null) return result.columns;
    const text = readState(model).text;
    try {
      return text === "" ? [] : readHeader(text).columns;
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      return [];
    }
  }

  const chooseKind = (chosen) => {
    const columns = columnsOnScreen();
    mode = chosen;
    if (chosen === "tags") {
      // The first half of the columns as the true tags, the second as the predicted ones.
      const half = Math.floor(columns.length / 2);
      ticked = { true: columns.slice(0, half), pred: columns.slice(half, 2 * half) };
      edit({ true: ticked.true, pred: ticked.pred, counts: NO_COUNTS });
    } else {
      edit({ true: columns[0] ?? "", pred: columns[1] ?? "", counts: NO_COUNTS });
    }
  };
  labelsKind.addEventListener("change", () => chooseKind("labels"));
  tagsKind.addEventListener("change", () => chooseKind("tags"));

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

  function drawTags(columns) {
    for (const [side, box] of [["true", trueTags], ["pred", predTags]]) {
      const chosen = new Set(ticked[side]);
      box.replaceChildren(
        ...columns.map((name) => {
          const tick = element("input", { type: "checkbox", value: name });
          tick.checked = chosen.has(name);
          tick.addEventListener("change", () => {
            ticked[side] = [...box.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
            edit({ true: ticked.true, pred: ticked.pred });
          });
          return element("label", { className: "ma-ef-label" }, [tick, ` ${name}`]);
        }),
      );
    }
  }

  function drawLabels(state) {
    if (result === null) {
      labelBox.replaceChildren(element("span", { className: "ma-ef-none", text: "no labels yet" }));
      return;
    }
    const scored = state.labels === null ? null : new Set(state.labels);
    const boxes = result.labels.map((label, i) => {
      const box = element("input", { type: "checkbox", value: label });
      box.checked = scored === null || scored.has(label);
      box.addEventListener("change", () => {
        const chosen = [...labelBox.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
        edit({ labels: chosen.length === result.labels.length ? null : chosen });
      });
      return element("label", { className: "ma-ef-label" }, [box, ` ${result.shownLabels[i]}`]);
    });
    labelBox.replaceChildren(...boxes);
  }

  function drawText(state) {
    if (state.text !== boxText) {
      boxText = state.text.length <= SHOWN_CHARS ? state.text : "";
      paste.value = boxText;
    }
    const shown = boxText === state.text;
    held.hidden = shown;
    held.textContent = shown
      ? ""
      : `The text explained, ${state.text.length.toLocaleString("en")} characters, is too long to show ` +
        "in this box; paste or type here to explain another.";
  }

  function draw({ keepText = false } = {}) {
    const state = readState(model);
    if (!keepText) drawText(state);
    const columns = columnsOnScreen();
    const pairs = columns.map((c) => [c, c]);
    labelsKind.checked = mode === "labels";
    tagsKind.checked = mode === "tags";
    columnsBox.hidden = mode === "tags";
    tagsBox.hidden = mode !== "tags";
    if (mode === "labels") {
      fill(trueColumn, pairs, state.true);
      fill(predColumn, pairs, state.pred);
      fill(countsColumn, [[NO_COUNTS, "none: one row, one item"], ...pairs], state.counts);
    } else {
      drawTags(columns);
    }
    drawLabels(state);
    if (result === null) {
      summary.textContent = "";
      output.replaceChildren(element("p", { className: "ma-ef-none", text: "Nothing pasted yet." }));
    } else {
      const items = result.total === 1 ? "item" : "items";
      const labels = result.multilabel ? "tags" : "labels";
      summary.replaceChildren(
        element("strong", { text: result.holds && result.causes.length === 0 ? "Agree, as they must" : result.holds ? "Agree on this data" : "They part" }),
        ` · ${result.rows.toLocaleString("en")} rows, ${result.total.toLocaleString("en")} ${items}, ` +
          `${result.labels.length.toLocaleString("en")} ${labels}`,
      );
      output.replaceChildren(...result.paragraphs.map((text) => element("p", { text })));
    }
    message.show(model.get("message"));
  }

  let drawn = null; // the state last drawn
  const redraw = () => {
    const state = readState(model);
    // A refusal changes the message alone: what the reader typed or ticked stays on screen.
    if (drawn !== null && same(drawn, state)) {
      message.show(model.get("message"));
      return;
    }
    drawn = state;
    fromModel(state);
    try {
      result = explained(state);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      result = null;
      last = null;
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
