// What the three explorer views share: building elements, tagging shown numbers, the
// refusal line, and writing numbers as microavg.prose writes them ("55.6%", "5/9 (55.6%)",
// "−3"), rounding exactly as Python's format does (half to even, on the exact binary value).

import { fraction } from "./metrics.js";
import { reasonOf } from "./rules.js";
import { written } from "./written.js";

export const MINUS = "\u2212";

export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svgElement(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** One shown number, tagged with what it is and its full value, for readers and tests. */
export function quantity(key, text, value, label = null) {
  const span = element("span", { "data-quantity": key, text });
  if (value !== null) span.dataset.value = String(value);
  if (label !== null) span.dataset.label = label;
  return span;
}

/** Shown numbers kept from one draw to the next: `show(key, text, value, label)` makes a
 * span as `quantity` does the first time it is asked for (key, label), and afterwards
 * rewrites only what changed in that span, so a redraw touches only the numbers that moved.
 * `forget()` lets the spans go, for a readout built anew. */
export function quantities() {
  let shown = new Map(); // key -> label -> {span, text, value: as written}
  return {
    show(key, text, value, label = null) {
      if (!shown.has(key)) shown.set(key, new Map());
      const byLabel = shown.get(key);
      const written = value === null ? null : String(value);
      const last = byLabel.get(label);
      if (last === undefined) {
        const span = quantity(key, text, value, label);
        byLabel.set(label, { span, text, value: written });
        return span;
      }
      if (last.text !== text) last.span.textContent = last.text = text;
      if (last.value !== written) last.span.dataset.value = last.value = written;
      return last.span;
    },
    forget() {
      shown = new Map();
    },
  };
}

/** A table in a box that scrolls sideways on a narrow screen; the box takes the keyboard's
 * focus (named ``name``, the caption by default), so it can be scrolled without a mouse. */
export function table(className, head, rows, caption = null, name = caption) {
  const parts = [];
  if (caption !== null) parts.push(element("caption", { text: caption }));
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
  const box = { className: "ma-scroll", tabindex: "0", role: "region" };
  if (name !== null) box["aria-label"] = name;
  return element("div", box, [element("table", { className }, parts)]);
}

/** Keeps the caption of the table in a scrolling box (.ma-scroll) as wide as the box, not as
 * the table, so that a long caption wraps in view: `fit(box)` watches the box a view draws
 * (the last one only), `disconnect()` stops. */
export function captionFitter() {
  if (typeof ResizeObserver === "undefined") return { fit: (box) => box, disconnect() {} };
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const caption = target.querySelector(":scope > table > caption");
      if (caption !== null) caption.style.maxWidth = `${target.clientWidth}px`;
    }
  });
  return {
    fit(box) {
      observer.disconnect();
      observer.observe(box);
      return box;
    },
    disconnect: () => observer.disconnect(),
  };
}

/** The line that says why an edit was refused; announced to screen readers. */
export function messageLine() {
  const line = element("div", { className: "ma-message", role: "alert", "aria-live": "assertive" });
  return {
    node: line,
    show(text) {
      line.textContent = text;
      line.classList.toggle("ma-refused", text !== "");
    },
  };
}

// -- numbers as text, as Python writes them ---------------------------------------------

/** round(|x| * 10**shift) as a BigInt, half to even, from x's exact binary value. */
function roundScaled(x, shift) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let power;
  if (exponent === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  const numerator = mantissa * 10n ** BigInt(shift);
  if (power >= 0) return numerator << BigInt(power);
  const denominator = 1n << BigInt(-power);
  let quotient = numerator / denominator;
  const twice = 2n * (numerator - quotient * denominator);
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return quotient;
}

/** Python's f"{abs(x):.{digits}f}". */
function fixed(x, digits) {
  const text = roundScaled(x, digits).toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const isNegative = (x) => x < 0 || Object.is(x, -0);

/** Throw unless `x` is a number (NaN and the infinities included). */
function checkNumber(x) {
  if (typeof x !== "number") throw new TypeError(`x must be a number, got ${written(x)}`);
}

/** Throw unless `digits` is a whole number of decimals from 0 to 20. */
function checkDigits(digits) {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    const Refusal = typeof digits === "number" ? RangeError : TypeError;
    throw new Refusal(`digits must be a whole number from 0 to 20, got ${written(digits)}`);
  }
}

/** Throw unless `ratio` is [numerator, denominator], two counts (whole numbers < 2^53). */
function checkRatio(name, ratio) {
  if (!Array.isArray(ratio) || ratio.length !== 2) {
    throw new TypeError(`${name} must be [numerator, denominator], got ${written(ratio)}`);
  }
  if (!ratio.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`${name} must hold whole numbers from 0 to 2^53 - 1, got ${written(ratio)}`);
  }
}

/** prose.percent: 0.5 -> "50.0%", NaN -> "nan", a true minus sign. Python's "%" format
 * multiplies by 100 in floating point first, and so does this (1e307 -> "inf%"). */
export function percent(x, digits = 1) {
  checkNumber(x);
  checkDigits(digits);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : ""}inf%`;
  return `${isNegative(y) ? MINUS : ""}${fixed(y, digits)}%`;
}

/** Percentage points with a sign, as f"{100 * x:+.1f}": "+1.5", "−12.0", "+inf"; NaN as
 * prose.percent writes it, "nan". */
export function points(x) {
  checkNumber(x);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : "+"}inf`;
  return `${isNegative(y) ? MINUS : "+"}${fixed(y, 1)}`;
}

/** prose.signed: a true minus sign. */
export function signed(value) {
  return String(value).replace(/-/g, MINUS);
}

/** A ratio of counts as prose.exact writes the fraction: "5/9 (55.6%)"; 0/0 as chosen. */
export function exact(ratio, value) {
  checkRatio("ratio", ratio);
  const [numerator, denominator] = ratio;
  if (denominator === 0) return `0/0 → ${percent(value)}`;
  const f = fraction(numerator, denominator);
  const text = f.denominator === 1 ? `${f.numerator}` : `${f.numerator}/${f.denominator}`;
  return `${text} (${percent(value)})`;
}

/** Whether two ratios of counts are equal: exactly, cross-multiplied as BigInts. */
export function sameRatio(first, valueA, second, valueB) {
  checkRatio("the first ratio", first);
  checkRatio("the second ratio", second);
  const [a, b] = first;
  const [c, d] = second;
  if (b === 0 || d === 0) return valueA === valueB; // a zero_division value; NaN ≠ NaN
  return BigInt(a) * BigInt(d) === BigInt(c) * BigInt(b);
}

/** Escape in a box whose text applies on Enter or on leaving it puts back the text of what
 * the explorer holds, `held()`, so nothing typed is applied, and selects it to type over. */
export function escapeReverts(input, held) {
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    input.value = held();
    input.removeAttribute("aria-invalid");
    input.select();
  });
}

// How a view writes to its model: an accepted edit clears the refusal line; a refused one
// shows why and redraws, so every control shows the state the explorer still holds.
export function modelWriter(model, redraw) {
  return {
    commit(changes) {
      model.set({ ...changes, message: "" });
      model.save_changes();
    },
    refuse(error) {
      model.set("message", `Refused: ${reasonOf(error)}`);
      model.save_changes();
      redraw();
    },
  };
}

// A view's module, as anywidget loads it, from its render function. In JupyterLab a click on
// a cell's prompt selects the cell in command mode but leaves the keyboard focus where it was
// if that is inside the notebook, so after typing in an explorer Esc B would go to the
// explorer's input, and Enter press its last button. A press anywhere outside the explorer
// therefore takes the focus out of it first (in the capture phase, before the notebook's own
// handler, which then focuses the notebook). The listener goes with the view.
export function view(render) {
  return {
    render(context) {
      const { el } = context;
      const press = (event) => {
        const focused = document.activeElement;
        if (focused && el.contains(focused) && !el.contains(event.target)) focused.blur();
      };
      document.addEventListener("pointerdown", press, true);
      const cleanup = render(context);
      return () => {
        document.removeEventListener("pointerdown", press, true);
        if (typeof cleanup === "function") cleanup();
      };
    },
  };
}
