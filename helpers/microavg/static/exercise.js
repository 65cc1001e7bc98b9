// The exercise view (microavg.explorers.exercise): the reader types a number, a fraction or
// a percentage, or picks a choice, and is told "Right." or given the hint aimed at the likely
// mistake; the worked answer can be revealed. The answer and the hints were computed by the
// lesson's code and are saved with the view, so the page checks the answer with no kernel.
//
// checkAnswer is the pure rule, twin of microavg.explorers.exercises.check_answer (a test runs
// both on the same inputs): a typed decimal or percentage is right when it is the answer
// rounded to the places typed, and at least as fine as the exercise's `places`; a typed
// fraction is right when it equals the answer exactly (5/9 and 10/18 alike).

import { element, view } from "./dom.js";

const DASHES = /[\u2212\u2012\u2013]/g;
const NUMBER = /^([+-]?)([0-9]+)(?:\.([0-9]*))?$|^([+-]?)\.([0-9]+)$/;
const SPACE = /[ \t\n\r\u00a0\u202f]+/g;

/** ``text`` as an exact number {num, den, places} (BigInts; places: decimals written, as a
 * fraction of 1), or null when it is not one. "5/9", "0.5556", "55.6%", "−3" are numbers. */
export function readNumber(text) {
  if (typeof text !== "string" || text.length > 60) return null;
  let s = text.replace(DASHES, "-").replace(SPACE, "");
  if (s === "") return null;
  if (s.includes("/")) {
    const parts = s.split("/");
    if (parts.length !== 2) return null;
    const [top, bottom] = parts.map(readDecimal);
    if (top === null || bottom === null || bottom.num === 0n) return null;
    if (top.places > 0 || bottom.places > 0) return null;
    const sign = bottom.num < 0n ? -1n : 1n;
    return { num: sign * top.num, den: sign * bottom.num, places: null };
  }
  let shift = 0;
  if (s.endsWith("%")) {
    s = s.slice(0, -1);
    shift = 2;
  }
  const decimal = readDecimal(s);
  if (decimal === null) return null;
  return { num: decimal.num, den: decimal.den * 10n ** BigInt(shift), places: decimal.places + shift };
}

function readDecimal(s) {
  const m = NUMBER.exec(s);
  if (m === null) return null;
  const sign = (m[1] ?? m[4] ?? "") === "-" ? -1n : 1n;
  const whole = m[2] ?? "0";
  const decimals = m[3] ?? m[5] ?? "";
  const den = 10n ** BigInt(decimals.length);
  return { num: sign * BigInt(whole + decimals), den, places: decimals.length };
}

/** Whether ``typed`` (a readNumber) stands for ``target`` (a readNumber): exactly for a
 * fraction or a whole number, or as the target rounded to the places typed. */
export function matches(typed, target, places) {
  const diff = typed.num * target.den - target.num * typed.den;
  const scale = typed.den * target.den;
  if (typed.places === null || typed.places === 0) return diff === 0n;
  if (typed.places < places) return false;
  const abs = diff < 0n ? -diff : diff;
  // |typed - target| <= half a unit of the last place typed
  return 2n * abs * 10n ** BigInt(typed.places) <= (scale < 0n ? -scale : scale);
}

/** The verdict on ``typed`` for an exercise: {verdict, text}, verdict one of "right",
 * "hint" (a likely mistake, text the hint), "wrong" or "unread" (not an answer at all). */
export function checkAnswer(spec, typed) {
  if (spec.kind === "choice") {
    const index = spec.choices.indexOf(typed);
    if (index < 0) return { verdict: "unread", text: "Pick one of the choices." };
    if (index === spec.answer) return { verdict: "right", text: "Right." };
    const hint = spec.hints.find(([choice]) => choice === typed);
    return hint ? { verdict: "hint", text: hint[1] } : { verdict: "wrong", text: NOT_YET };
  }
  const number = readNumber(typed);
  if (number === null) {
    return { verdict: "unread", text: "Write a number, a fraction like 5/9 or a percentage like 55.6%." };
  }
  const target = readNumber(spec.answer);
  if (matches(number, target, spec.places)) return { verdict: "right", text: "Right." };
  if (number.places !== null && number.places > 0 && number.places < spec.places) {
    if (matches(number, target, 0)) return { verdict: "hint", text: CLOSE };
  }
  for (const [value, text] of spec.hints) {
    if (matches(number, readNumber(value), Math.min(spec.places, number.places ?? 0))) {
      return { verdict: "hint", text };
    }
  }
  return { verdict: "wrong", text: NOT_YET };
}

const NOT_YET = "Not yet: try again, or reveal the worked answer.";
const CLOSE = "Close: write it more precisely, or as a fraction.";

/** Paragraphs (split at blank lines) with `code` spans, as text nodes: no HTML is parsed. */
export function paragraphs(text) {
  return text.split(/\n\s*\n/).filter((p) => p.trim() !== "").map((p) =>
    element("p", {}, p.split(/(`[^`]+`)/).map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 2
        ? element("code", { text: part.slice(1, -1) })
        : document.createTextNode(part),
    )),
  );
}

let serial = 0;

function render({ model, el }) {
  el.classList.add("microavg-explorer", "microavg-exercise");
  const id = `ma-exercise-${++serial}`;
  const spec = () => ({
    kind: model.get("kind"),
    answer: model.get("answer"),
    choices: model.get("choices"),
    hints: model.get("hints"),
    places: model.get("places"),
  });
  const feedback = element("div", { className: "ma-feedback", role: "status", "aria-live": "polite" });
  const check = element("button", { type: "button", className: "ma-button ma-check", text: "Check" });
  let answerField;
  let readTyped;
  if (model.get("kind") === "choice") {
    const name = `${id}-choice`;
    const options = model.get("choices").map((choice, n) => {
      const input = element("input", { type: "radio", name, value: choice, id: `${name}-${n}` });
      return element("div", { className: "ma-choice" }, [
        input, " ", element("label", { for: `${name}-${n}`, text: choice }),
      ]);
    });
    answerField = element("fieldset", { className: "ma-choices" }, [
      element("legend", { text: model.get("prompt") }), ...options,
    ]);
    readTyped = () => el.querySelector(`input[name="${name}"]:checked`)?.value ?? "";
  } else {
    const input = element("input", {
      type: "text", id: `${id}-input`, className: "ma-answer", inputmode: "decimal",
      autocomplete: "off", spellcheck: "false", size: 12,
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        answer();
      }
    });
    answerField = element("div", { className: "ma-controls" }, [
      element("label", { for: `${id}-input`, text: model.get("prompt") }), input,
    ]);
    readTyped = () => input.value;
  }
  function answer() {
    const { verdict, text } = checkAnswer(spec(), readTyped());
    feedback.textContent = text;
    feedback.dataset.verdict = verdict;
  }
  check.addEventListener("click", answer);
  const worked = element("details", { className: "ma-worked" }, [
    element("summary", { text: "Show the worked answer" }),
    ...paragraphs(model.get("worked")),
  ]);
  el.replaceChildren(
    element("div", { className: "ma-exercise-box" }, [
      answerField,
      element("div", { className: "ma-controls" }, [check]),
      feedback,
      ...(model.get("worked") === "" ? [] : [worked]),
    ]),
  );
}

export default view(render);
