// Tag refinement before parsing: wink's UPOS tags are right about 90% of the time on EWT
// (capitalised adjectives and nouns read as PROPN, main-verb "have"/"do" as AUX, ...). A
// greedy left-to-right averaged-perceptron tagger that reads wink's tag as one feature among
// the words, suffixes and shapes repairs much of that. The parser reads both tags. Trained
// jackknifed (training/parser/), so the parser learns from refined tags as good as at run time.

import { addRows, type SparseTable } from "./sparse.js";

export const TAG_CLASSES = 17;
export const TAGGER_FEATURES = 29;

function mix(template: number, a: number, b: number, c: number, mask: number): number {
  let x = Math.imul(template + 0x2545f491, 0x9e3779b1) ^ a;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca77) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae3d) ^ c;
  x ^= x >>> 16;
  x = Math.imul(x, 0x27d4eb2f);
  x ^= x >>> 15;
  return x & mask;
}

export interface TaggerInput {
  n: number;
  /** Word hashes, suffix hashes, shapes and wink tags (1-based tag ids), per token. */
  word: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
  winkTag: Int32Array;
  /** Short-suffix and first-character codes. */
  suffix1: Int32Array;
  suffix2: Int32Array;
  prefix: Int32Array;
  fine: Int32Array;
  coarse: Int32Array;
}

/** Features of token i given the tags already chosen for tokens before it (1-based ids). */
export function taggerFeatures(x: TaggerInput, i: number, tags: Int32Array, out: Int32Array, mask: number): number {
  const n = x.n;
  const W = x.word, T = x.winkTag, G = x.coarse;
  // Neighbours past either end read as fixed "before"/"after" values.
  const wm1 = i >= 1 ? W[i - 1] : 0x1111, wm2 = i >= 2 ? W[i - 2] : 0x1111;
  const wp1 = i + 1 < n ? W[i + 1] : 0x2222, wp2 = i + 2 < n ? W[i + 2] : 0x2222;
  const tm1 = i >= 1 ? T[i - 1] : 30, tp1 = i + 1 < n ? T[i + 1] : 31, tp2 = i + 2 < n ? T[i + 2] : 31;
  const gm1 = i >= 1 ? G[i - 1] : 0x1fff0, gp1 = i + 1 < n ? G[i + 1] : 0x1fff1;
  const wi = W[i], ti = T[i], si = x.shape[i], fi = x.fine[i];
  const p1 = i > 0 ? tags[i - 1] : 30;
  const p2 = i > 1 ? tags[i - 2] : 30;
  let k = 0;
  out[k++] = mix(1, 0, 0, 0, mask);
  out[k++] = mix(2, wi, 0, 0, mask);
  out[k++] = mix(3, x.suffix[i], 0, 0, mask);
  out[k++] = mix(4, x.suffix2[i], 0, 0, mask);
  out[k++] = mix(5, x.suffix1[i], 0, 0, mask);
  out[k++] = mix(6, x.prefix[i], si, 0, mask);
  out[k++] = mix(7, si, 0, 0, mask);
  out[k++] = mix(8, ti, 0, 0, mask);
  out[k++] = mix(9, ti, wi, 0, mask);
  out[k++] = mix(10, tm1, 0, 0, mask);
  out[k++] = mix(11, tp1, 0, 0, mask);
  out[k++] = mix(12, tm1, ti, tp1, mask);
  out[k++] = mix(13, wm1, 0, 0, mask);
  out[k++] = mix(14, wp1, 0, 0, mask);
  out[k++] = mix(15, wm2, 0, 0, mask);
  out[k++] = mix(16, wp2, 0, 0, mask);
  out[k++] = mix(17, p1, 0, 0, mask);
  out[k++] = mix(18, p1, p2, 0, mask);
  out[k++] = mix(19, p1, wi, 0, mask);
  out[k++] = mix(20, tp1, tp2, 0, mask);
  out[k++] = mix(21, wi, si, 0, mask);
  out[k++] = mix(22, i === 0 ? 1 : 0, si, ti, mask);
  out[k++] = mix(23, ti, si, 0, mask);
  out[k++] = mix(24, x.suffix[i], ti, 0, mask);
  out[k++] = mix(25, fi, 0, 0, mask);
  out[k++] = mix(26, gm1, G[i], 0, mask);
  out[k++] = mix(27, G[i], gp1, 0, mask);
  out[k++] = mix(28, fi, ti, 0, mask);
  out[k++] = mix(29, fi, si, 0, mask);
  return k;
}

const feats = new Int32Array(TAGGER_FEATURES);
const scores = new Float64Array(TAG_CLASSES);

/** Tags every token into tags (1-based ids, as ParseState keeps them). */
/** book: the weight of each int8 code (code + 128), when the table holds codes. */
export function tagGreedy(x: TaggerInput, table: Int8Array | Float32Array, mask: number, tags: Int32Array, book?: Float64Array): void {
  const C = TAG_CLASSES;
  for (let i = 0; i < x.n; i++) {
    const count = taggerFeatures(x, i, tags, feats, mask);
    scores.fill(0);
    for (let k = 0; k < count; k++) {
      const row = feats[k] * C;
      if (book) for (let c = 0; c < C; c++) scores[c] += book[table[row + c] + 128];
      else for (let c = 0; c < C; c++) scores[c] += table[row + c];
    }
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best + 1;
  }
}

/** tagGreedy over the table in its runtime layout (sparse.ts): the same tags. */
export function tagGreedySparse(x: TaggerInput, table: SparseTable, book: Float64Array, mask: number, tags: Int32Array): void {
  const C = TAG_CLASSES;
  for (let i = 0; i < x.n; i++) {
    const count = taggerFeatures(x, i, tags, feats, mask);
    scores.fill(0);
    addRows(table, book, feats, count, scores);
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best + 1;
  }
}
