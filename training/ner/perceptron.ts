// Averaged perceptron training for the greedy BILOU tagger (src/ner/tagger.ts decodes).
// Averaging by the "w - u/c" trick (Daumé): no per-weight timestamps. Deterministic: the
// sentence order of each epoch comes from a seeded generator.
import {
  BEGIN, DYNAMIC_FEATURES, INSIDE, LABEL_COUNT, LAST, STACKED_FEATURES, STATIC_FEATURES, UNIT,
  dynamicFeatures, labelPosition, labelType, makeLabel, type SentenceContext,
} from "../../src/ner/features.js";
import { addScores, allowed, bestAllowed } from "../../src/ner/tagger.js";

export interface Example { context: SentenceContext; labels: Uint8Array; stacked?: Uint32Array }

/** Mulberry32: a small seeded generator, same sequence on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The best label reachable from the predicted history: gold itself when allowed, else the
 * closest allowed one (an open name is closed, a name that cannot continue starts anew).
 */
function oracle(previous: number, gold: number, last: boolean): number {
  if (allowed(previous, gold, last)) return gold;
  const open = previous > 0 && (labelPosition(previous) === BEGIN || labelPosition(previous) === INSIDE);
  if (open) return makeLabel(labelType(previous), LAST);
  if (gold === 0) return 0;
  const p = labelPosition(gold);
  const fixed = makeLabel(labelType(gold), p === INSIDE ? (last ? UNIT : BEGIN) : UNIT);
  return allowed(previous, fixed, last) ? fixed : 0;
}

export class Trainer {
  readonly mask: number;
  readonly weights: Float64Array;
  private readonly updates: Float64Array;
  private clock = 1;

  /** Train on the gold labels to the left instead of the predicted ones (teacher forcing). */
  goldHistory = false;

  constructor(readonly bits: number) {
    this.mask = (1 << bits) - 1;
    this.weights = new Float64Array((1 << bits) * LABEL_COUNT);
    this.updates = new Float64Array((1 << bits) * LABEL_COUNT);
  }

  private update(features: Uint32Array, from: number, to: number, label: number, delta: number): void {
    const c = this.clock;
    for (let f = from; f < to; f++) {
      const k = (features[f] & this.mask) * LABEL_COUNT + label;
      this.weights[k] += delta;
      this.updates[k] += c * delta;
    }
  }

  /** One pass over the examples in a seeded order; returns the token error count. */
  epoch(examples: readonly Example[], random: () => number): number {
    const order = examples.map((_, k) => k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const scores = new Float64Array(LABEL_COUNT);
    const dynamic = new Uint32Array(DYNAMIC_FEATURES);
    let errors = 0;
    for (const index of order) {
      const { context, labels, stacked } = examples[index];
      let prev1 = -1;
      let prev2 = -1;
      for (let i = 0; i < context.n; i++) {
        const last = i === context.n - 1;
        scores.fill(0);
        const from = i * STATIC_FEATURES;
        const to = from + STATIC_FEATURES;
        addScores(this.weights, this.mask, context.statics, from, to, scores);
        dynamicFeatures(context, i, prev1, prev2, dynamic);
        addScores(this.weights, this.mask, dynamic, 0, DYNAMIC_FEATURES, scores);
        const sFrom = i * STACKED_FEATURES;
        if (stacked) addScores(this.weights, this.mask, stacked, sFrom, sFrom + STACKED_FEATURES, scores);
        const guess = bestAllowed(scores, prev1, last);
        const truth = oracle(prev1, labels[i], last);
        if (guess !== truth) {
          errors++;
          this.update(context.statics, from, to, truth, 1);
          this.update(dynamic, 0, DYNAMIC_FEATURES, truth, 1);
          this.update(context.statics, from, to, guess, -1);
          this.update(dynamic, 0, DYNAMIC_FEATURES, guess, -1);
          if (stacked) {
            this.update(stacked, sFrom, sFrom + STACKED_FEATURES, truth, 1);
            this.update(stacked, sFrom, sFrom + STACKED_FEATURES, guess, -1);
          }
        }
        this.clock++;
        prev2 = prev1;
        prev1 = this.goldHistory ? labels[i] : guess;
      }
    }
    return errors;
  }

  /** The averaged weights. */
  averaged(): Float64Array {
    const out = new Float64Array(this.weights.length);
    const c = this.clock;
    for (let k = 0; k < out.length; k++) out[k] = this.weights[k] - this.updates[k] / c;
    return out;
  }
}
