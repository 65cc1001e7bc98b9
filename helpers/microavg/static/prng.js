// The many-classifiers simulation in the page, bit for bit microavg.simulation's: the same
// counter-based generator (MurmurHash3's finaliser on 32-bit integers), the same draws in
// the same order, so the same seed gives the same classifiers here and in the kernel.

import { summarize } from "./metrics.js";
import { MAX_CLASSIFIERS, checkSimulation, reasonOf } from "./rules.js";

const GOLDEN = 0x9e3779b9;
const STREAMS = { truth: 1, skill: 2, correct: 3, wrong: 4, shift: 5 };
export const SKILL_SPREAD = 0.15;

/** MurmurHash3's 32-bit finaliser: a uint32 from a uint32. */
export function mix32(x) {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1): number `index` of `stream` under `seed` (simulation.uniform). */
export function uniform(seed, stream, index) {
  return uniformAt(streamKey(seed, stream), index);
}

/** The key of one stream under one seed; `uniformAt(key, i)` is then its number i. */
function streamKey(seed, stream) {
  return mix32((seed ^ mix32(stream)) >>> 0);
}

function uniformAt(key, index) {
  const counter = (Math.imul(index >>> 0, GOLDEN) + key) >>> 0;
  return mix32((mix32(counter) ^ key) >>> 0) / 4294967296;
}

export function labelFrequencies(nLabels, imbalance) {
  const weights = Array.from({ length: nLabels }, (_, i) => 1.0 / (i + 1) ** imbalance);
  let total = 0;
  for (const weight of weights) total += weight;
  return weights.map((weight) => weight / total);
}

function cumulative(frequencies) {
  const out = [];
  let running = 0;
  for (const f of frequencies) out.push((running += f));
  out[out.length - 1] = 1.0;
  return out;
}

/** The first label whose running sum exceeds `u` (numpy's searchsorted, side="right"). */
function draw(cum, u) {
  let label = 0;
  while (label < cum.length - 1 && cum[label] <= u) label += 1;
  return label;
}

/** Throw a RangeError unless the parameters are within the sliders' ranges and there are
 * 1 to 2,000 classifiers (as microavg.explorers.rules checks them), so a call never runs
 * on for 1e7 classifiers or computes on a NaN. */
function checkParameters({ nClassifiers, nLabels, nSamples, skill, imbalance, seed }) {
  if (!(Number.isInteger(nClassifiers) && nClassifiers >= 1 && nClassifiers <= MAX_CLASSIFIERS)) {
    throw new RangeError(
      `nClassifiers must be a whole number from 1 to ${MAX_CLASSIFIERS}, got ${nClassifiers}`,
    );
  }
  const given = { n_labels: nLabels, n_samples: nSamples, skill, imbalance, seed };
  for (const [name, value] of Object.entries(given)) {
    try {
      checkSimulation(name, value);
    } catch (error) {
      throw new RangeError(reasonOf(error));
    }
  }
}

/** {yTrue, yPred}: the true labels and each classifier's predictions (Int32Arrays). */
export function simulateClassifiers(params) {
  checkParameters(params);
  const { nClassifiers, nLabels, nSamples, skill, imbalance, seed } = params;
  const cum = cumulative(labelFrequencies(nLabels, imbalance));
  const key = Object.fromEntries(Object.entries(STREAMS).map(([n, s]) => [n, streamKey(seed, s)]));
  const yTrue = new Int32Array(nSamples);
  for (let s = 0; s < nSamples; s += 1) yTrue[s] = draw(cum, uniformAt(key.truth, s));
  const yPred = [];
  const root3 = Math.sqrt(3.0);
  for (let c = 0; c < nClassifiers; c += 1) {
    const labelSkill = [];
    for (let l = 0; l < nLabels; l += 1) {
      const at = (c * nLabels + l) * 4;
      const u = [0, 1, 2, 3].map((t) => uniformAt(key.skill, at + t));
      const noise = (((u[0] + u[1]) + u[2]) + u[3] - 2.0) * root3;
      labelSkill.push(Math.min(Math.max(skill + SKILL_SPREAD * noise, 0.0), 1.0));
    }
    const row = new Int32Array(nSamples);
    for (let s = 0; s < nSamples; s += 1) {
      const i = c * nSamples + s;
      const truth = yTrue[s];
      if (uniformAt(key.correct, i) < labelSkill[truth]) {
        row[s] = truth;
      } else {
        let wrong = draw(cum, uniformAt(key.wrong, i));
        if (wrong === truth) {
          const shift = 1 + Math.floor(uniformAt(key.shift, i) * (nLabels - 1));
          wrong = (truth + shift) % nLabels;
        }
        row[s] = wrong;
      }
    }
    yPred.push(row);
  }
  return { yTrue, yPred };
}

/** Accuracy, micro-F1 and macro-F1 of each classifier, over the labels its rows hold. */
export function f1AgainstAccuracy(yTrue, yPred, nLabels) {
  const found = { accuracy: [], micro_f1: [], macro_f1: [] };
  for (const row of yPred) {
    const counts = Array.from({ length: nLabels }, () => new Array(nLabels).fill(0));
    for (let s = 0; s < yTrue.length; s += 1) counts[yTrue[s]][row[s]] += 1;
    const present = counts
      .map((r, i) => i)
      .filter((i) => counts[i].some((v) => v > 0) || counts.some((r) => r[i] > 0));
    const sub = present.map((i) => present.map((j) => counts[i][j]));
    const result = summarize(sub, sub.map((_, i) => i), 0);
    found.accuracy.push(result.accuracy.value);
    found.micro_f1.push(result.micro.f1);
    found.macro_f1.push(result.macro.f1);
  }
  return found;
}
