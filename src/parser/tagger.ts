// Tag refinement before parsing: wink's UPOS tags are right about 90% of the time on EWT
// (capitalised adjectives and nouns read as PROPN, main-verb "have"/"do" as AUX, ...). A
// greedy left-to-right averaged-perceptron tagger that reads wink's tag as one feature among
// the words, suffixes and shapes repairs much of that. The parser reads both tags. Trained
// jackknifed (training/parser/), so the parser learns from refined tags as good as at run time.

export const TAG_CLASSES = 17;
export const TAGGER_FEATURES = 24;

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
}

/** Features of token i given the tags already chosen for tokens before it (1-based ids). */
export function taggerFeatures(x: TaggerInput, i: number, tags: Int32Array, out: Int32Array, mask: number): number {
  const n = x.n;
  const W = x.word, T = x.winkTag;
  const w = (j: number) => (j >= 0 && j < n ? W[j] : j < 0 ? 0x1111 : 0x2222);
  const t = (j: number) => (j >= 0 && j < n ? T[j] : j < 0 ? 30 : 31);
  const p1 = i > 0 ? tags[i - 1] : 30;
  const p2 = i > 1 ? tags[i - 2] : 30;
  let k = 0;
  out[k++] = mix(1, 0, 0, 0, mask);
  out[k++] = mix(2, W[i], 0, 0, mask);
  out[k++] = mix(3, x.suffix[i], 0, 0, mask);
  out[k++] = mix(4, x.suffix2[i], 0, 0, mask);
  out[k++] = mix(5, x.suffix1[i], 0, 0, mask);
  out[k++] = mix(6, x.prefix[i], x.shape[i], 0, mask);
  out[k++] = mix(7, x.shape[i], 0, 0, mask);
  out[k++] = mix(8, T[i], 0, 0, mask);
  out[k++] = mix(9, T[i], W[i], 0, mask);
  out[k++] = mix(10, t(i - 1), 0, 0, mask);
  out[k++] = mix(11, t(i + 1), 0, 0, mask);
  out[k++] = mix(12, t(i - 1), T[i], t(i + 1), mask);
  out[k++] = mix(13, w(i - 1), 0, 0, mask);
  out[k++] = mix(14, w(i + 1), 0, 0, mask);
  out[k++] = mix(15, w(i - 2), 0, 0, mask);
  out[k++] = mix(16, w(i + 2), 0, 0, mask);
  out[k++] = mix(17, p1, 0, 0, mask);
  out[k++] = mix(18, p1, p2, 0, mask);
  out[k++] = mix(19, p1, W[i], 0, mask);
  out[k++] = mix(20, t(i + 1), t(i + 2), 0, mask);
  out[k++] = mix(21, W[i], x.shape[i], 0, mask);
  out[k++] = mix(22, i === 0 ? 1 : 0, x.shape[i], T[i], mask);
  out[k++] = mix(23, T[i], x.shape[i], 0, mask);
  out[k++] = mix(24, x.suffix[i], T[i], 0, mask);
  return k;
}

const feats = new Int32Array(TAGGER_FEATURES);
const scores = new Float64Array(TAG_CLASSES);

/** Tags every token into tags (1-based ids, as ParseState keeps them). */
export function tagGreedy(x: TaggerInput, table: Int8Array | Float32Array, mask: number, tags: Int32Array): void {
  const C = TAG_CLASSES;
  for (let i = 0; i < x.n; i++) {
    const count = taggerFeatures(x, i, tags, feats, mask);
    scores.fill(0);
    for (let k = 0; k < count; k++) {
      const row = feats[k] * C;
      for (let c = 0; c < C; c++) scores[c] += table[row + c];
    }
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best + 1;
  }
}
