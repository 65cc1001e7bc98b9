// What the scored-items and tag-table views share: the readout of label sets scored
// against true sets (label_sets.scoreSets): counts per label, the sums and the residual,
// micro P, R and F1 as exact fractions, the accuracy that goes with the view, and the verdict.

import { element, exact, quantity, sameRatio, signed, table } from "./dom.js";

const PARTS = ["precision", "recall", "f1"];

/** Whether micro P, R, F1 and the accuracy named `name` agree, in words. */
export function verdict(result, name) {
  const { micro } = result;
  const { parts } = micro;
  const accuracy = result.accuracy;
  const pr = sameRatio(parts.precision, micro.precision, parts.recall, micro.recall);
  if (pr && sameRatio(parts.precision, micro.precision, accuracy.parts, accuracy.value)) {
    return `micro P = R = F1 = ${name}`;
  }
  if (pr) return `micro P = R = F1, but not the ${name}`;
  return micro.precision > micro.recall ? "micro P > micro R: they come apart" : "micro P < micro R: they come apart";
}

const count = (key, value, label = null) => quantity(key, signed(value), value, label);

/**
 * The readout: `result` from scoreSets with `result.accuracy` set to the view's accuracy
 * ({value, parts}, shown as `accuracyName` and tagged `accuracyKey`), `columns` the labels
 * of its columns, `extraRows` more [name, [node]] rows for the totals table.
 */
export function setReadout(result, columns, accuracyName, accuracyKey, extraRows = []) {
  const { labels: lc } = result;
  const perLabel = columns.map((label, n) => [
    label,
    [count("tp", lc.tp[n], label), count("fp", lc.fp[n], label), count("fn", lc.fn[n], label)],
  ]);
  const micro = [
    [
      "micro",
      PARTS.map((part) =>
        quantity(`micro-${part}`, exact(result.micro.parts[part], result.micro[part]), result.micro[part]),
      ),
    ],
  ];
  const { accuracy } = result;
  const totals = [
    ["ΣTP, ΣFP, ΣFN", [element("span", {}, [
      count("sum-tp", result.sumTp), ", ", count("sum-fp", result.sumFp), ", ", count("sum-fn", result.sumFn),
    ])]],
    ["residual ΣFP − ΣFN", [count("residual", result.residual)]],
    [accuracyName, [quantity(accuracyKey, exact(accuracy.parts, accuracy.value), accuracy.value)]],
    ...extraRows,
  ];
  return [
    table("ma-labels", ["label", "TP", "FP", "FN"], perLabel, null, "counts per label"),
    table("ma-averages", ["", "precision", "recall", "F1"], micro, null, "micro averages"),
    table("ma-totals", null, totals, null, "sums and accuracy"),
    element("div", { className: "ma-verdict" }, [
      quantity("verdict", verdict(result, accuracyName.split(" (")[0]), null),
    ]),
  ];
}
