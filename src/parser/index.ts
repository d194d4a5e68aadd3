// Dependency parser: a greedy arc-eager parser (averaged perceptron over hashed features,
// int8 weights) producing UD heads and labels over the pipeline's tokens and wink's UPOS tags.
// Trained by training/parser/ (npm run train:parser); the weights are models/parser/parser.bin,
// read through src/models.ts so that Node, workers and the browser each supply the bytes.
import { loadModel } from "../models.js";
import { parseGreedy, type Weights } from "./greedy.js";
import { decodeModel, MODEL_FILE } from "./model.js";
import { ParseState } from "./state.js";

export { DEP_LABELS } from "./labels.js";
export { MODEL_FILE as PARSER_MODEL_FILE } from "./model.js";

export interface Parse {
  /** Sentence-relative head index per word, -1 for the root. */
  heads: Int32Array;
  /** Ids into DEP_LABELS. */
  labels: Uint8Array;
}

const state = new ParseState();

/** The decoded weights (loaded on first use, then shared). */
export function parserWeights(): Weights {
  return loadModel(MODEL_FILE, decodeModel);
}

/** Parses one sentence: its words and their UPOS tags (same length). */
export function parse(words: readonly string[], upos: readonly string[]): Parse {
  const heads = new Int32Array(words.length);
  const labels = new Uint8Array(words.length);
  parseInto(words, upos, heads, labels);
  return { heads, labels };
}

/**
 * As parse(), writing into the given arrays from index `offset` (e.g. a document's columns);
 * heads stay sentence-relative.
 */
export function parseInto(
  words: readonly string[], upos: readonly string[], heads: Int32Array, labels: Uint8Array, offset = 0,
): void {
  if (upos.length !== words.length) throw new Error("parse: words and upos differ in length");
  if (words.length === 0) return;
  const weights = parserWeights();
  state.reset(words, upos, weights.clusters);
  const n = words.length;
  parseGreedy(state, weights, heads.subarray(offset, offset + n), labels.subarray(offset, offset + n));
}
