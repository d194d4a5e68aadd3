// Greedy left-to-right BILOU tagging with an averaged perceptron over hashed features.
// Weights file (models/ner/weights.bin): "NGNER\n", one JSON header line, then one signed
// byte per weight, companded (w = sign * (q/127)^2 * max) so small weights keep resolution.
import {
  BEGIN, DYNAMIC_FEATURES, FEATURE_VERSION, INSIDE, LABEL_COUNT, LAST, STACKED_FEATURES, STATIC_FEATURES, UNIT,
  dynamicFeatures, labelPosition, labelType, makeLabel, sentenceContext, stackedFeatures, type SentenceContext,
} from "./features.js";
import type { Gazetteer } from "./gazetteer.js";

const MAGIC = "NGNER\n";

export interface ModelHeader {
  featureVersion: number;
  /** log2 of the number of feature buckets of each table. */
  bits: number;
  labels: number;
  /** Largest absolute weight: the byte 127 stands for it. */
  max: number;
  /** 1: one left-to-right pass; 2: a second pass over the first one's labels (stackedFeatures). */
  passes: number;
  /** What it was trained on, and for how many epochs per pass, for the record. */
  trainedOn?: string[];
  epochs?: number[];
}

export interface TaggerModel {
  header: ModelHeader;
  mask: number;
  /**
   * Per pass: bucket * labels + label, one companded byte per weight (3.4 MB a table at 18
   * bits: small enough to stay in cache, which is most of the tagger's speed).
   */
  tables: Int8Array[];
  /** The weight each byte stands for, indexed by byte & 0xff. */
  values: Float64Array;
}

/**
 * Sparse body: per table, the non-zero weights as (gap since the previous index, varint;
 * companded byte), ended by a zero gap.
 */
export function encodeModel(header: ModelHeader, tables: readonly (Float64Array | Float32Array)[]): Uint8Array {
  const parts: number[] = [];
  const max = header.max;
  for (const weights of tables) {
    let previous = -1;
    for (let k = 0; k < weights.length; k++) {
      const w = weights[k];
      if (w === 0 || max === 0) continue;
      const q = Math.round(127 * Math.sqrt(Math.min(1, Math.abs(w) / max)));
      if (q === 0) continue;
      let gap = k - previous;
      previous = k;
      while (gap >= 128) { parts.push((gap & 127) | 128); gap >>>= 7; }
      parts.push(gap);
      parts.push((w < 0 ? -q : q) & 0xff);
    }
    parts.push(0);
  }
  const head = new TextEncoder().encode(MAGIC + JSON.stringify(header) + "\n");
  const out = new Uint8Array(head.length + parts.length);
  out.set(head, 0);
  out.set(parts, head.length);
  return out;
}

export function decodeModel(bytes: Uint8Array): TaggerModel {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error("ner weights: not a newsgraph NER model file");
  const newline = bytes.indexOf(10, MAGIC.length);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length, newline))) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION || header.labels !== LABEL_COUNT) {
    throw new Error(`ner weights: feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}: retrain (npm run train:ner)`);
  }
  const size = (1 << header.bits) * header.labels;
  const values = new Float64Array(256);
  for (let q = -127; q <= 127; q++) values[q & 0xff] = Math.sign(q) * (q / 127) ** 2 * header.max;
  const tables: Int8Array[] = [];
  let p = newline + 1;
  for (let t = 0; t < header.passes; t++) {
    const weights = new Int8Array(size);
    let index = -1;
    for (;;) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do { b = bytes[p++]; gap |= (b & 127) << shift; shift += 7; } while (b & 128);
      if (gap === 0) break;
      index += gap;
      if (index >= size || p >= bytes.length) throw new Error("ner weights: truncated or corrupt file");
      weights[index] = bytes[p++] << 24 >> 24;
    }
    tables.push(weights);
  }
  return { header, mask: (1 << header.bits) - 1, tables, values };
}

/** Whether `label` may follow `previous` (-1: sentence start); `last`: the sentence ends here. */
export function allowed(previous: number, label: number, last: boolean): boolean {
  const open = previous > 0 && (labelPosition(previous) === BEGIN || labelPosition(previous) === INSIDE);
  if (open) {
    if (label === 0) return false;
    const p = labelPosition(label);
    if (labelType(label) !== labelType(previous)) return false;
    return last ? p === LAST : p === INSIDE || p === LAST;
  }
  if (label === 0) return true;
  const p = labelPosition(label);
  return last ? p === UNIT : p === BEGIN || p === UNIT;
}

/** Adds the weights of the given features to scores (length LABEL_COUNT). */
export function addScores(
  weights: Float32Array | Float64Array, mask: number, features: Uint32Array, from: number, to: number, scores: Float64Array,
): void {
  for (let f = from; f < to; f++) {
    const base = (features[f] & mask) * LABEL_COUNT;
    for (let c = 0; c < LABEL_COUNT; c++) scores[c] += weights[base + c];
  }
}

/** The best allowed label from scores. */
export function bestAllowed(scores: Float64Array, previous: number, last: boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < LABEL_COUNT; c++) {
    if (scores[c] > bestScore && allowed(previous, c, last)) { best = c; bestScore = scores[c]; }
  }
  return best;
}

/** Labels of one sentence given its context (and, for the second pass, its stacked features). */
export function decodeSentence(
  weights: Float32Array | Float64Array, mask: number, context: SentenceContext,
  stacked?: Uint32Array,
): Uint8Array {
  const n = context.n;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic = new Uint32Array(DYNAMIC_FEATURES);
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    addScores(weights, mask, context.statics, i * STATIC_FEATURES, (i + 1) * STATIC_FEATURES, scores);
    dynamicFeatures(context, i, prev1, prev2, dynamic);
    addScores(weights, mask, dynamic, 0, DYNAMIC_FEATURES, scores);
    if (stacked) addScores(weights, mask, stacked, i * STACKED_FEATURES, (i + 1) * STACKED_FEATURES, scores);
    const label = bestAllowed(scores, prev1, i === n - 1);
    labels[i] = label;
    prev2 = prev1;
    prev1 = label;
  }
  return labels;
}

/**
 * Adds to scores the byte weights of features [from, to): each byte looked up in `values`
 * (256 numbers, always in cache). The 13 label sums live in locals, written back once: the
 * table reads (cache misses) are then most of the time.
 */
function addByteScores(
  weights: Int8Array, values: Float64Array, mask: number, features: Uint32Array, from: number, to: number, scores: Float64Array,
): void {
  let s0 = scores[0], s1 = scores[1], s2 = scores[2], s3 = scores[3], s4 = scores[4], s5 = scores[5], s6 = scores[6];
  let s7 = scores[7], s8 = scores[8], s9 = scores[9], s10 = scores[10], s11 = scores[11], s12 = scores[12];
  for (let f = from; f < to; f++) {
    const base = (features[f] & mask) * 13;
    s0 += values[weights[base + 0] & 0xff];
    s1 += values[weights[base + 1] & 0xff];
    s2 += values[weights[base + 2] & 0xff];
    s3 += values[weights[base + 3] & 0xff];
    s4 += values[weights[base + 4] & 0xff];
    s5 += values[weights[base + 5] & 0xff];
    s6 += values[weights[base + 6] & 0xff];
    s7 += values[weights[base + 7] & 0xff];
    s8 += values[weights[base + 8] & 0xff];
    s9 += values[weights[base + 9] & 0xff];
    s10 += values[weights[base + 10] & 0xff];
    s11 += values[weights[base + 11] & 0xff];
    s12 += values[weights[base + 12] & 0xff];
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4; scores[5] = s5; scores[6] = s6;
  scores[7] = s7; scores[8] = s8; scores[9] = s9; scores[10] = s10; scores[11] = s11; scores[12] = s12;
}

/**
 * decodeSentence for a shipped model's byte table: each byte is looked up in `values` (256
 * numbers, always in cache), so the table stays a quarter of the size of a float table.
 */
export function decodeSentenceBytes(
  weights: Int8Array, values: Float64Array, mask: number, context: SentenceContext, stacked?: Uint32Array,
): Uint8Array {
  if (LABEL_COUNT !== 13) throw new Error("ner: addByteScores is written for 13 labels");
  const n = context.n;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic = new Uint32Array(DYNAMIC_FEATURES);
  const statics = context.statics;
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    addByteScores(weights, values, mask, statics, i * STATIC_FEATURES, (i + 1) * STATIC_FEATURES, scores);
    dynamicFeatures(context, i, prev1, prev2, dynamic);
    addByteScores(weights, values, mask, dynamic, 0, DYNAMIC_FEATURES, scores);
    if (stacked) addByteScores(weights, values, mask, stacked, i * STACKED_FEATURES, (i + 1) * STACKED_FEATURES, scores);
    const label = bestAllowed(scores, prev1, i === n - 1);
    labels[i] = label;
    prev2 = prev1;
    prev1 = label;
  }
  return labels;
}

export interface LabelSpan { start: number; end: number; type: number }

/** BILOU labels to spans (end exclusive) of model type indexes. */
export function spansOf(labels: ArrayLike<number>): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === 0) { start = -1; continue; }
    const p = labelPosition(label);
    if (p === UNIT) { spans.push({ start: i, end: i + 1, type: labelType(label) }); start = -1; }
    else if (p === BEGIN) start = i;
    else if (p === LAST && start >= 0) { spans.push({ start, end: i + 1, type: labelType(label) }); start = -1; }
  }
  return spans;
}

/** BIO type per token (-1 outside) to BILOU labels. */
export function bilou(types: ArrayLike<number>, begins: ArrayLike<boolean>): Uint8Array {
  const n = types.length;
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = types[i];
    if (t < 0) continue;
    const first = begins[i] || i === 0 || types[i - 1] !== t;
    const lastOne = i === n - 1 || types[i + 1] !== t || begins[i + 1];
    labels[i] = makeLabel(t, first && lastOne ? UNIT : first ? BEGIN : lastOne ? LAST : INSIDE);
  }
  return labels;
}

/** Spans per sentence of one document: the first pass, then (two-pass models) the second. */
export function tagSentences(
  model: TaggerModel, gazetteer: Gazetteer,
  sentences: readonly { words: readonly string[]; upos: readonly string[]; glued?: readonly boolean[] }[],
): LabelSpan[][] {
  const contexts = sentences.map(({ words, upos, glued }) => sentenceContext(words, upos, gazetteer, glued));
  const { tables, values, mask } = model;
  let labels = contexts.map((c) => decodeSentenceBytes(tables[0], values, mask, c));
  if (tables.length > 1) {
    const stacked = stackedFeatures(contexts, labels);
    labels = contexts.map((c, s) => decodeSentenceBytes(tables[1], values, mask, c, stacked[s]));
  }
  return labels.map(spansOf);
}
