// The greedy parse loop: at each step the best-scoring legal transition, and for an arc the
// best-scoring label. Shared by the runtime (int8 weights) and the trainer (float weights).
import { ACTIONS, LEFT, REDUCE, RIGHT, SHIFT, ParseState, TRANSITION_FEATURES, LABEL_FEATURES } from "./state.js";
import { addRows, type CompiledWeights } from "./sparse.js";

export type Table = Int8Array | Float32Array;
/** Weight of each int8 code (index code + 128): a table's codes are indices into its book. */
export type Codebook = Float64Array;

/**
 * Weights as dense tables (the trainer's float weights, or int8 codes with their codebook), or
 * as a decoded model file: `compiled`, its dense tables then empty.
 */
export interface Weights {
  transitions: Table;
  transitionBook?: Codebook;
  transitionMask: number;
  labels: Table;
  labelBook?: Codebook;
  labelMask: number;
  labelCount: number;
  /** Id of "root": only arcs from the root get it, and they get nothing else. */
  rootLabel: number;
  /** Id of "parataxis": what a second root becomes when attached to the first. */
  extraRootLabel: number;
  /** Tag refinement (src/parser/tagger.ts), run before parsing when present. */
  tagger?: Table;
  taggerBook?: Codebook;
  taggerMask: number;
  /** Lower-cased word -> cluster id, read by ParseState.reset. */
  clusters?: ReadonlyMap<string, number>;
  /** The same quantised tables in their runtime layout (sparse.ts); read instead when present. */
  compiled?: CompiledWeights;
}

const features = new Int32Array(Math.max(TRANSITION_FEATURES, LABEL_FEATURES));
const scores = new Float64Array(ACTIONS);

export function scoreTransitions(state: ParseState, weights: Weights, out: Float64Array, feats: Int32Array): number {
  const count = state.transitionFeatures(feats, weights.transitionMask);
  const compiled = weights.compiled;
  if (compiled) {
    const rows = compiled.transitions;
    const b = compiled.transitionBook;
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let k = 0; k < count; k++) {
      const v = rows[feats[k]];
      c0 += b[v & 0xff];
      c1 += b[(v >>> 8) & 0xff];
      c2 += b[(v >>> 16) & 0xff];
      c3 += b[v >>> 24];
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
    return count;
  }
  const table = weights.transitions;
  const book = weights.transitionBook;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  if (book) {
    for (let k = 0; k < count; k++) {
      const row = feats[k] << 2;
      a0 += book[table[row] + 128];
      a1 += book[table[row + 1] + 128];
      a2 += book[table[row + 2] + 128];
      a3 += book[table[row + 3] + 128];
    }
  } else {
    for (let k = 0; k < count; k++) {
      const row = feats[k] << 2;
      a0 += table[row];
      a1 += table[row + 1];
      a2 += table[row + 2];
      a3 += table[row + 3];
    }
  }
  out[0] = a0;
  out[1] = a1;
  out[2] = a2;
  out[3] = a3;
  return count;
}

/** Best label for head -> dependent (never root); feats receives the features used. */
export function bestLabel(state: ParseState, h: number, d: number, weights: Weights, feats: Int32Array, labelScores: Float64Array): number {
  const L = weights.labelCount;
  const count = state.labelFeatures(h, d, feats, weights.labelMask);
  const table = weights.labels;
  const book = weights.labelBook;
  labelScores.fill(0, 0, L);
  if (weights.compiled) addRows(weights.compiled.labels, weights.compiled.labelBook, feats, count, labelScores);
  else for (let k = 0; k < count; k++) {
    const row = feats[k] * L;
    if (book) for (let c = 0; c < L; c++) labelScores[c] += book[table[row + c] + 128];
    else for (let c = 0; c < L; c++) labelScores[c] += table[row + c];
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < L; c++) {
    if (c !== weights.rootLabel && labelScores[c] > bestScore) {
      bestScore = labelScores[c];
      best = c;
    }
  }
  return best;
}

let labelScratch = new Float64Array(64);

/**
 * Parses the state's sentence (after reset) into heads (-1 = root) and label ids. A sentence
 * left with several roots keeps the first and attaches the rest to it with their own label.
 */
export function parseGreedy(state: ParseState, weights: Weights, heads: Int32Array, labels: Uint8Array): void {
  if (labelScratch.length < weights.labelCount) labelScratch = new Float64Array(weights.labelCount);
  const n = state.n;
  const compiled = weights.compiled;
  if (compiled?.tagger) state.refineTagsSparse(compiled.tagger, compiled.taggerBook!, weights.taggerMask);
  else if (weights.tagger) state.refineTags(weights.tagger, weights.taggerMask, undefined, weights.taggerBook);
  while (!state.done()) {
    let best = -1;
    if (state.sp === 0) best = SHIFT;
    else if (state.b >= n) best = state.heads[state.stack[state.sp - 1]] < 0 ? LEFT : REDUCE;
    // Only one action is legal on an empty stack (shift) and once the buffer holds only the
    // root (left-arc or reduce): it is taken unscored, as the scores could not change it.
    if (best < 0) {
      scoreTransitions(state, weights, scores, features);
      let bestScore = -Infinity;
      for (let a = 0; a < ACTIONS; a++) {
        if (scores[a] > bestScore && state.legal(a)) {
          bestScore = scores[a];
          best = a;
        }
      }
    }
    let label = 0;
    if (best === LEFT || best === RIGHT) {
      const h = state.arcHead(best);
      label = h === n ? weights.rootLabel : bestLabel(state, h, state.arcDependent(best), weights, features, labelScratch);
    }
    state.apply(best, label);
  }
  let root = -1;
  for (let i = 0; i < n; i++) {
    const h = state.heads[i];
    labels[i] = state.labels[i];
    if (h === n || h < 0) {
      if (root < 0) {
        root = i;
        heads[i] = -1;
        labels[i] = weights.rootLabel;
      } else {
        heads[i] = -2; // fixed below, once the first root is known
      }
    } else heads[i] = h;
  }
  for (let i = 0; i < n; i++) {
    if (heads[i] !== -2) continue;
    heads[i] = root;
    if (labels[i] === weights.rootLabel) labels[i] = weights.extraRootLabel;
  }
}

