// The tagger's features, shared by training (training/ner/) and tagging: a change here needs
// a retrained model (FEATURE_VERSION is stored in the weights and checked on load).
import { getGender } from "gender-detection-from-name";
import { hashRange, hashString, mix1, mix2 } from "./hash.js";
import { GAZETTEER_LISTS, matchSentence, type Gazetteer } from "./gazetteer.js";

export const FEATURE_VERSION = 2;

/** Entity types the model itself predicts (GPE comes from the gazetteer, see index.ts). */
export const MODEL_TYPES = ["PER", "ORG", "LOC"] as const;
/** BILOU labels: 0 is O; type t at position p (B, I, L, U) is 1 + 4t + p. */
export const LABEL_COUNT = 1 + 4 * MODEL_TYPES.length;
export const BEGIN = 0, INSIDE = 1, LAST = 2, UNIT = 3;
export const labelType = (label: number) => (label - 1) >> 2;
export const labelPosition = (label: number) => (label - 1) & 3;
export const makeLabel = (type: number, position: number) => 1 + 4 * type + position;

/** Static features per token (independent of predicted labels). */
export const STATIC_FEATURES = 53;
/** Features that read the labels already predicted to the left. */
export const DYNAMIC_FEATURES = 5;

const START = hashString("<s>");
const END = hashString("</s>");
const genderHash = { male: hashString("male"), female: hashString("female") } as Record<string, number>;

function shapeOf(word: string, compress: boolean): number {
  let h = 0x811c9dc5;
  let last = -1;
  const limit = Math.min(word.length, 12);
  for (let k = 0; k < limit; k++) {
    const c = word.charCodeAt(k);
    let s: number;
    if (c >= 65 && c <= 90) s = 88; // X
    else if (c >= 97 && c <= 122) s = 120; // x
    else if (c >= 48 && c <= 57) s = 100; // d
    else if (c > 127) {
      const ch = word[k];
      s = ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : c;
    } else s = c;
    if (compress && s === last) continue;
    last = s;
    h = Math.imul(h ^ s, 0x01000193);
  }
  return h >>> 0;
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = word[0];
  return ch !== ch.toLowerCase();
}

/** Upper-case words of letters: a headline or a shouted line reads differently. */
function isHeadline(words: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!/[A-Za-z]/.test(w)) continue;
    letters++;
    if (w === w.toUpperCase()) caps++;
  }
  return letters >= 3 && caps >= 0.8 * letters;
}

export interface SentenceContext {
  n: number;
  lowers: string[];
  /** Per token: hash of the lower-cased word, the shape, the POS tag. */
  lowerHash: Uint32Array;
  shapeHash: Uint32Array;
  posHash: Uint32Array;
  /** n * STATIC_FEATURES raw 32-bit feature hashes. */
  statics: Uint32Array;
}

/** Everything about a sentence the tagger reads, except the labels it predicts. */
export function sentenceContext(
  words: readonly string[], upos: readonly string[], gazetteer: Gazetteer, glued?: readonly boolean[],
): SentenceContext {
  const n = words.length;
  const lowers = new Array<string>(n);
  const lowerHash = new Uint32Array(n);
  const wordHash = new Uint32Array(n);
  const shapeHash = new Uint32Array(n);
  const fullShape = new Uint32Array(n);
  const posHash = new Uint32Array(n);
  const given = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const w = words[i];
    let lower = w.toLowerCase();
    if (lower.includes("’")) lower = lower.replace(/’/g, "'");
    lowers[i] = lower;
    lowerHash[i] = hashString(lower);
    wordHash[i] = hashString(w);
    shapeHash[i] = shapeOf(w, true);
    fullShape[i] = shapeOf(w, false);
    posHash[i] = hashString(upos[i] ?? "X");
    given[i] = isCapitalised(w) && w.length > 1 ? (genderHash[getGender(lower, "en")] ?? 0) : 0;
  }
  const gaz = matchSentence(gazetteer, lowers);
  // wink splits a word at letters outside Latin-1 ("Dvořák" -> "Dvo" "ř" "ák"): tokens glued
  // to their neighbours (no space between) also read as the whole word they make up.
  const isGlued = (j: number) => glued !== undefined && j > 0 && j < n && glued[j] === true;
  const whole = new Uint32Array(n);
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (isGlued(j) && /\p{L}/u.test(words[j]) && /\p{L}/u.test(words[j - 1])) j++;
    if (j - i > 1) {
      const h = hashString(lowers.slice(i, j).join(""));
      for (let k = i; k < j; k++) whole[k] = h;
    }
    i = j;
  }
  const headline = isHeadline(words) ? 1 : 0;
  const S = STATIC_FEATURES;
  const statics = new Uint32Array(n * S);
  const lowerAt = (j: number) => (j < 0 ? START : j >= n ? END : lowerHash[j]);
  const posAt = (j: number) => (j < 0 ? START : j >= n ? END : posHash[j]);
  const shapeAt = (j: number) => (j < 0 ? START : j >= n ? END : shapeHash[j]);
  const lists = GAZETTEER_LISTS.length;
  for (let i = 0; i < n; i++) {
    const f = statics.subarray(i * S, (i + 1) * S);
    const lower = lowers[i];
    const len = lower.length;
    let k = 0;
    f[k++] = mix1(0, 0);
    f[k++] = mix1(1, lowerHash[i]);
    f[k++] = mix1(2, wordHash[i]);
    f[k++] = mix1(3, hashRange(lower, Math.max(0, len - 2), len));
    f[k++] = mix1(4, hashRange(lower, Math.max(0, len - 3), len));
    f[k++] = mix1(5, hashRange(lower, Math.max(0, len - 4), len));
    f[k++] = mix1(6, hashRange(lower, 0, Math.min(len, 2)));
    f[k++] = mix1(7, hashRange(lower, 0, Math.min(len, 3)));
    f[k++] = mix1(8, shapeHash[i]);
    f[k++] = mix1(9, fullShape[i]);
    f[k++] = mix1(10, posHash[i]);
    f[k++] = mix1(11, posAt(i - 1));
    f[k++] = mix1(12, posAt(i + 1));
    f[k++] = mix2(13, posAt(i - 1), posHash[i]);
    f[k++] = mix2(14, posHash[i], posAt(i + 1));
    f[k++] = mix1(15, posAt(i - 2));
    f[k++] = mix1(16, posAt(i + 2));
    f[k++] = mix1(17, lowerAt(i - 1));
    f[k++] = mix1(18, lowerAt(i + 1));
    f[k++] = mix1(19, lowerAt(i - 2));
    f[k++] = mix1(20, lowerAt(i + 2));
    f[k++] = mix2(21, lowerAt(i - 1), lowerHash[i]);
    f[k++] = mix2(22, lowerHash[i], lowerAt(i + 1));
    f[k++] = mix2(23, shapeAt(i - 1), shapeHash[i]);
    f[k++] = mix2(24, shapeHash[i], shapeAt(i + 1));
    f[k++] = mix2(25, i === 0 ? 1 : 0, shapeHash[i]);
    f[k++] = mix2(26, headline, shapeHash[i]);
    f[k++] = mix2(27, given[i], shapeHash[i]);
    f[k++] = mix1(28, i > 0 ? given[i - 1] : 0);
    f[k++] = mix1(29, i + 1 < n ? given[i + 1] : 0);
    f[k++] = mix2(30, lowerAt(i - 1), posHash[i]);
    f[k++] = mix2(31, posHash[i], shapeHash[i]);
    f[k++] = mix2(32, Math.min(len, 10), shapeHash[i]);
    f[k++] = mix2(33, hashRange(lower, Math.max(0, len - 3), len), posHash[i]);
    f[k++] = mix1(46, shapeAt(i - 1));
    f[k++] = mix1(47, shapeAt(i + 1));
    f[k++] = mix2(48, lowerHash[i], shapeAt(i + 1));
    f[k++] = mix2(49, shapeAt(i - 1), lowerHash[i]);
    const gluedCode = (isGlued(i) ? 1 : 0) + (isGlued(i + 1) ? 2 : 0);
    f[k++] = mix2(58, gluedCode, shapeHash[i]);
    f[k++] = mix2(59, gluedCode, posHash[i]);
    f[k++] = mix1(60, whole[i]);
    // Gazetteer: the code of each list at this token, alone, with the shape, and at the neighbours.
    const here = gaz[i];
    const before = i > 0 ? gaz[i - 1] : 0;
    const after = i + 1 < n ? gaz[i + 1] : 0;
    f[k++] = mix1(34, here);
    f[k++] = mix2(35, here, shapeHash[i]);
    f[k++] = mix1(36, before);
    f[k++] = mix1(37, after);
    for (let list = 0; list < lists; list++) {
      const code = (here >>> (3 * list)) & 7;
      f[k++] = code === 0 ? mix1(50 + list, 0) : mix2(50 + list, code, shapeHash[i]);
    }
    if (k !== S) throw new Error(`ner features: ${k} written, ${S} declared`);
  }
  return { n, lowers, lowerHash, shapeHash, posHash, statics };
}

/** Second-pass features per token: first-pass labels around it and across the document. */
export const STACKED_FEATURES = 8;
const SEEN_OUTSIDE = 4;
const UNSEEN = 5;

/**
 * The second pass reads the first pass's labels: to the right (which a left-to-right pass
 * cannot see) and elsewhere in the document (the type the same word got in its other
 * occurrences: one name, one type per document).
 */
export function stackedFeatures(contexts: readonly SentenceContext[], firstPass: readonly Uint8Array[]): Uint32Array[] {
  // Per lower-cased word: how often the first pass put it in a name of each type, or outside.
  const votes = new Map<string, Int32Array>();
  contexts.forEach((context, s) => {
    for (let i = 0; i < context.n; i++) {
      const label = firstPass[s][i];
      let counts = votes.get(context.lowers[i]);
      if (!counts) { counts = new Int32Array(MODEL_TYPES.length + 1); votes.set(context.lowers[i], counts); }
      counts[label === 0 ? MODEL_TYPES.length : labelType(label)]++;
    }
  });
  return contexts.map((context, s) => {
    const labels = firstPass[s];
    const n = context.n;
    const out = new Uint32Array(n * STACKED_FEATURES);
    const at = (j: number) => (j < 0 ? 14 : j >= n ? 15 : labels[j]);
    for (let i = 0; i < n; i++) {
      const counts = votes.get(context.lowers[i])!;
      const own = labels[i] === 0 ? MODEL_TYPES.length : labelType(labels[i]);
      let code = UNSEEN;
      let best = 0;
      for (let t = 0; t <= MODEL_TYPES.length; t++) {
        const others = counts[t] - (t === own ? 1 : 0);
        if (others > best) { best = others; code = t === MODEL_TYPES.length ? SEEN_OUTSIDE : t; }
      }
      const f = i * STACKED_FEATURES;
      out[f] = mix1(80, at(i));
      out[f + 1] = mix1(81, at(i - 1));
      out[f + 2] = mix1(82, at(i + 1));
      out[f + 3] = mix2(83, at(i), at(i + 1));
      out[f + 4] = mix1(84, at(i + 2));
      out[f + 5] = mix2(85, code, context.shapeHash[i]);
      out[f + 6] = mix2(86, code, at(i));
      out[f + 7] = mix2(87, code, context.lowerHash[i]);
    }
    return out;
  });
}

/** Writes the label-dependent features of token i (prev1, prev2: labels of i-1, i-2; -1 before the start). */
export function dynamicFeatures(
  context: SentenceContext, i: number, prev1: number, prev2: number, out: Uint32Array,
): void {
  const p1 = prev1 + 2;
  const p2 = prev2 + 2;
  out[0] = mix1(64, p1);
  out[1] = mix2(65, p2, p1);
  out[2] = mix2(66, p1, context.lowerHash[i]);
  out[3] = mix2(67, p1, context.shapeHash[i]);
  out[4] = mix2(68, p1, context.posHash[i]);
}
