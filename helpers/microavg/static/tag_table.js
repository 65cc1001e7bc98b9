// The tag-table explorer's view (microavg.explorers.tag_table): a multi-label table of
// true and predicted tags as boxes to tick, scored in the page by label_sets.js. A refused
// edit keeps the model as it was and says why on the alert line.

import { scoreSets } from "./label_sets.js";
import { CONTROLS, MAX_ITEMS, checkIndicators } from "./set_rules.js";
import { element, messageLine, modelWriter, quantity, view } from "./dom.js";
import { setReadout } from "./set_readout.js";

const SIDES = [
  ["y_true", "true", CONTROLS.true_tags],
  ["y_pred", "predicted", CONTROLS.predicted_tags],
];

function render({ model, el }) {
  const message = messageLine();
  const add = element("button", { type: "button", className: "ma-button ma-add-item", text: "Add an item" });
  const remove = element("button", {
    type: "button", className: "ma-button ma-remove-item", text: "Remove the last item",
  });
  const grid = element("div", { className: "ma-tag-grid" });
  const readout = element("div", { className: "ma-readout" });
  el.classList.add("microavg-explorer", "microavg-tag-table");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-controls" }, [
      element("span", { className: "ma-title", text: `Items (1 to ${MAX_ITEMS}):` }), add, remove,
    ]),
    message.node,
    element("div", { className: "ma-body" }, [grid, readout]),
  );
  const { commit, refuse } = modelWriter(model, () => draw());

  /** Apply `edit` to copies of both tables, check them and commit, or refuse. */
  function withRows(edit) {
    const tags = model.get("tags");
    const tables = Object.fromEntries(SIDES.map(([name]) => [name, model.get(name).map((row) => [...row])]));
    edit(tables, tags);
    try {
      commit(Object.fromEntries(SIDES.map(([name, , control]) => [name, checkIndicators(tables[name], tags, control)])));
    } catch (error) {
      refuse(error);
    }
  }

  add.addEventListener("click", () => withRows((tables, tags) => SIDES.forEach(([name]) => tables[name].push(tags.map(() => 0)))));
  remove.addEventListener("click", () => withRows((tables) => SIDES.forEach(([name]) => tables[name].pop())));

  function draw() {
    // The grid is drawn anew: the box that had the keyboard's focus gets it back.
    const focused = grid.contains(document.activeElement) ? document.activeElement.getAttribute("aria-label") : null;
    const tags = model.get("tags");
    const truth = model.get("y_true");
    const pred = model.get("y_pred");
    message.show(model.get("message"));
    const result = scoreSets(truth, pred, 0);
    const head = ["item", ...tags, "TP", "FP", "FN"];
    const rows = truth.map((_, i) => {
      const cells = tags.map((tag, j) =>
        element("div", { className: "ma-tag-pair" }, SIDES.map(([name, side]) => {
          const box = element("input", {
            type: "checkbox",
            className: `ma-tag-box ma-${side}`,
            "data-item": i,
            "data-tag": j,
            "aria-label": `${side} tag ${tag} of item ${i + 1}`,
          });
          box.checked = model.get(name)[i][j] === 1;
          box.addEventListener("change", () =>
            withRows((tables) => {
              tables[name][i][j] = box.checked ? 1 : 0;
            }),
          );
          return element("label", { className: "ma-tag-side" }, [box, side === "true" ? " true" : " pred"]);
        })),
      );
      const item = result.items[i];
      const counts = ["tp", "fp", "fn"].map((part) =>
        quantity(`item-${part}`, String(item[part]), item[part], String(i + 1)),
      );
      return element("tr", {}, [
        element("th", { scope: "row", text: String(i + 1) }),
        ...[...cells, ...counts].map((c) => element("td", {}, [c])),
      ]);
    });
    const thead = element("thead", {}, [element("tr", {}, head.map((text) => element("th", { scope: "col", text })))]);
    const caption = element("caption", { text: "True and predicted tags of each item; tick a box to change it" });
    grid.replaceChildren(
      element("div", { className: "ma-scroll", tabindex: "0", role: "region", "aria-label": "tags of each item" }, [
        element("table", { className: "ma-tag-table" }, [caption, thead, element("tbody", {}, rows)]),
      ]),
    );
    if (focused !== null) {
      [...grid.querySelectorAll("input")].find((box) => box.getAttribute("aria-label") === focused)?.focus();
    }
    result.accuracy = result.subsetAccuracy;
    readout.replaceChildren(
      ...setReadout(result, tags, "subset accuracy (the whole set right)", "subset-accuracy"),
    );
  }

  model.on("change", draw);
  draw();
  return () => model.off("change", draw);
}

export default view(render);
