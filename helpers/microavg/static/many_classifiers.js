// The many-classifiers explorer's view (microavg.explorers.many_classifiers): sliders, the
// simulation (prng.js, bit for bit microavg.simulation's), the readout, and micro-F1 and
// macro-F1 against accuracy as two SVG scatter plots.

import { SIMULATION, parseNumber } from "./rules.js";
import { f1AgainstAccuracy, simulateClassifiers } from "./prng.js";
import {
  element,
  escapeReverts,
  messageLine,
  modelWriter,
  percent,
  points,
  quantity,
  svgElement,
  table,
  view,
} from "./dom.js";

const POINT_COLOUR = "#CC79A7"; // palette.SCORE_COLOURS["F1"]
const SIZE = 260;
const PAD = 40;

function params(model) {
  return Object.fromEntries(Object.keys(SIMULATION).map((name) => [name, model.get(name)]));
}

/** Everything the readout and the plots show for the model's parameters. */
export function simulated(p, nClassifiers) {
  const { yTrue, yPred } = simulateClassifiers({
    nClassifiers,
    nLabels: p.n_labels,
    nSamples: p.n_samples,
    skill: p.skill,
    imbalance: p.imbalance,
    seed: p.seed,
  });
  return f1AgainstAccuracy(yTrue, yPred, p.n_labels);
}

function scatter(title, yName, xs, ys) {
  const at = (v) => PAD + v * (SIZE - 2 * PAD);
  const flip = (v) => SIZE - at(v);
  const ticks = [0, 0.25, 0.5, 0.75, 1].flatMap((v) => [
    svgElement("line", { x1: at(v), x2: at(v), y1: flip(0), y2: flip(0) + 4, class: "ma-axis" }),
    svgElement("text", { x: at(v), y: flip(0) + 16, "text-anchor": "middle", text: String(v) }),
    svgElement("line", { x1: at(0) - 4, x2: at(0), y1: flip(v), y2: flip(v), class: "ma-axis" }),
    svgElement("text", { x: at(0) - 6, y: flip(v) + 4, "text-anchor": "end", text: String(v) }),
  ]);
  const dots = xs.map((x, n) =>
    svgElement("circle", { cx: at(x).toFixed(1), cy: flip(ys[n]).toFixed(1), r: 2.2, fill: POINT_COLOUR }),
  );
  const off = Math.max(...xs.map((x, n) => Math.abs(ys[n] - x)));
  const description =
    `${title}: ${xs.length} classifiers, ${yName} against accuracy; ` +
    (off === 0
      ? "every point lies on the diagonal."
      : `points lie up to ${percent(off)} away from the diagonal.`);
  return svgElement(
    "svg",
    {
      viewBox: `0 0 ${SIZE} ${SIZE}`,
      class: "ma-scatter",
      role: "img",
      "aria-label": description,
    },
    [
      svgElement("title", { text: description }),
      svgElement("rect", { x: at(0), y: flip(1), width: at(1) - at(0), height: at(1) - at(0), class: "ma-frame" }),
      svgElement("line", { x1: at(0), y1: flip(0), x2: at(1), y2: flip(1), class: "ma-diagonal" }),
      ...ticks,
      ...dots,
      svgElement("text", { x: SIZE / 2, y: SIZE - 4, "text-anchor": "middle", text: "accuracy" }),
      svgElement("text", {
        x: 12,
        y: SIZE / 2,
        "text-anchor": "middle",
        transform: `rotate(-90 12 ${SIZE / 2})`,
        text: yName,
      }),
      svgElement("text", { x: SIZE / 2, y: 16, "text-anchor": "middle", class: "ma-plot-title", text: title }),
    ],
  );
}

// Whether a slider's value is one of its steps (low + a whole number of steps).
function onStep(name, value) {
  const { low, step } = SIMULATION[name];
  const stops = (value - low) / step;
  return Math.abs(stops - Math.round(stops)) < 1e-9;
}

function render({ model, el }) {
  const message = messageLine();
  const controls = {};
  const sliders = Object.entries(SIMULATION).map(([name, { control, low, high, step }]) => {
    const range = element("input", {
      type: "range",
      min: low,
      max: high,
      step,
      className: `ma-range ma-range-${name}`,
      "aria-label": `${control} slider`,
    });
    const box = element("input", {
      type: "text",
      inputmode: "decimal",
      className: `ma-value ma-value-${name}`,
      "aria-label": `${control}, ${low} to ${high} (Enter applies)`,
      size: 5,
    });
    // A slider's value is a multiple of its step, rounded to the step's decimals
    // (0.7000000000000001 would otherwise be typed text too long to take).
    const decimals = (String(step).split(".")[1] ?? "").length;
    // A key steps the slider and fires its input event within the keydown. From a typed value
    // between steps (99 test rows), where the thumb stands unstepped, a key goes on to the
    // next step, as from a step.
    let keyed = false;
    range.addEventListener("keydown", (event) => {
      keyed = true;
      const direction = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
      const value = Number(model.get(name));
      if (direction === undefined || onStep(name, value)) return;
      event.preventDefault();
      const stops = (value - low) / step;
      set(name, (low + (direction > 0 ? Math.ceil(stops) : Math.floor(stops)) * step).toFixed(decimals));
    });
    range.addEventListener("keyup", () => { keyed = false; });
    range.addEventListener("input", () => {
      moved(name, Number(range.value).toFixed(decimals), keyed);
      keyed = false;
    });
    box.addEventListener("change", () => set(name, box.value));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") set(name, box.value);
    });
    escapeReverts(box, () => String(model.get(name)));
    controls[name] = { range, box };
    return element("div", { className: "ma-slider" }, [
      element("span", { className: "ma-slider-name", text: control }),
      range,
      box,
    ]);
  });
  const readout = element("div", { className: "ma-readout" });
  const plots = element("div", { className: "ma-plots" });
  el.classList.add("microavg-explorer", "microavg-many-classifiers");
  // Keys pressed in the explorer are its own: JupyterLab's notebook shortcuts (arrows move
  // between cells in command mode) must not take them.
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-body" }, [element("div", { className: "ma-sliders" }, sliders), readout]),
    message.node,
    plots,
  );

  // set() redraws after every edit, accepted or refused.
  const { commit, refuse } = modelWriter(model, () => {});

  // A drag sends input events faster than a redraw: the view redraws at most once per
  // animation frame. A slider's input event only notes its value, and the next frame applies
  // each slider's last one; after a redraw the gate stays shut until the frame after. A key
  // step with the gate open applies at once, so one key press shows without delay.
  const waiting = new Map(); // slider name -> its last value not yet applied
  let frame = null; // the frame asked for: while there is one, the gate is shut

  function onFrame() {
    frame = null;
    if (waiting.size === 0) return;
    const values = [...waiting];
    waiting.clear();
    const changes = {};
    try {
      for (const [name, text] of values) {
        const { control, low, high, whole } = SIMULATION[name];
        changes[name] = parseNumber(text, control, low, high, whole);
      }
      commit(changes); // one change of the model: one redraw
    } catch (error) {
      refuse(error);
    }
    draw();
    frame = requestAnimationFrame(onFrame);
  }

  function moved(name, text, byKey) {
    if (byKey && frame === null) {
      set(name, text);
      frame = requestAnimationFrame(onFrame);
    } else {
      waiting.set(name, text);
      frame ??= requestAnimationFrame(onFrame);
    }
  }

  function set(name, text) {
    waiting.delete(name); // a value typed in the box wins over a drag's last one
    const { control, low, high, whole } = SIMULATION[name];
    try {
      commit({ [name]: parseNumber(text, control, low, high, whole) });
    } catch (error) {
      refuse(error);
    }
    // The edit is done: slider and box show the value the explorer holds.
    controls[name].box.value = String(model.get(name));
    draw();
  }

  let drawnFor = null;

  function draw() {
    const p = params(model);
    for (const [name, { range, box }] of Object.entries(controls)) {
      if (!waiting.has(name)) { // a dragged thumb stays put
        // A range input stands only on its steps: between them it would show 100 for 99.
        range.step = onStep(name, p[name]) ? String(SIMULATION[name].step) : "any";
        range.value = String(p[name]);
      }
      if (document.activeElement !== box) box.value = String(p[name]);
    }
    message.show(model.get("message"));
    const key = JSON.stringify([p, model.get("n_classifiers")]);
    if (key === drawnFor) return;
    drawnFor = key;
    const found = simulated(p, model.get("n_classifiers"));
    const acc = found.accuracy;
    const gaps = found.macro_f1.map((f, n) => f - acc[n]);
    const microGap = Math.max(...found.micro_f1.map((f, n) => Math.abs(f - acc[n])));
    const low = Math.min(...acc);
    const high = Math.max(...acc);
    const gapLow = Math.min(...gaps);
    const gapHigh = Math.max(...gaps);
    readout.replaceChildren(
      table("ma-many", null, [
        ["classifiers", [quantity("classifiers", String(acc.length), acc.length)]],
        ["accuracy", [element("span", {}, [
          quantity("accuracy-min", percent(low), low), " to ", quantity("accuracy-max", percent(high), high),
        ])]],
        ["largest |micro-F1 − accuracy|", [quantity("micro-gap", String(microGap), microGap)]],
        ["macro-F1 − accuracy", [element("span", {}, [
          quantity("macro-gap-min", points(gapLow), gapLow), " to ",
          quantity("macro-gap-max", points(gapHigh), gapHigh), " percentage points",
        ])]],
      ], null, "the classifiers' scores against accuracy"),
    );
    plots.replaceChildren(
      scatter("micro-F1", "micro-F1", acc, found.micro_f1),
      scatter("macro-F1", "macro-F1", acc, found.macro_f1),
    );
  }

  model.on("change", draw);
  draw();
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    model.off("change", draw);
  };
}

export default view(render);
