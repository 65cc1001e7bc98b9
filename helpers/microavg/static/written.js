/** A value as a developer's error writes it: 0.5, Infinity, undefined, "0.5" (a string),
 * [1.5, 2], 1n; an object or a function by its kind, so that writing never throws. Used by
 * the checks of metrics.js and dom.js (a reader's refusals are written by rules.shown). */
export function written(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) {
    return `[${value.map((v) => (Array.isArray(v) ? "[…]" : written(v))).join(", ")}]`;
  }
  if (typeof value === "object" && value !== null) return "an object";
  return typeof value === "function" ? "a function" : String(value);
}
