// `npm run train:parser`: trains the dependency parser on UD English EWT train + GUM train,
// re-tokenised and tagged by the pipeline (training/parser/data.ts), with an averaged
// perceptron and the arc-eager dynamic oracle (error exploration from epoch 2: the model's own action is followed), prints dev
// scores per epoch, and writes models/parser/parser.bin (int8, pruned). Seeded: a re-run
// writes the same bytes.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { ACTIONS, LEFT, LABEL_FEATURES, ParseState, RIGHT, TRANSITION_FEATURES } from "../../src/parser/state.js";
import { bestLabel, parseGreedy, scoreTransitions, type Weights } from "../../src/parser/greedy.js";
import { DEP_LABELS, EXTRA_ROOT_LABEL, ROOT_LABEL, labelId } from "../../src/parser/labels.js";
import { encodeModel, decodeModel } from "../../src/parser/model.js";
import { TAG_CLASSES, TAGGER_FEATURES, taggerFeatures } from "../../src/parser/tagger.js";
import { tagId } from "../../src/parser/state.js";
import { loadTreebank, type TrainingSentence } from "./data.js";
import { computeClusters } from "./clusters.js";
import { actionCosts, isProjective, projectivise, ILLEGAL } from "./oracle.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CORPORA = path.resolve(ROOT, "../shared/corpora");
const TRAIN = ["ud-english-ewt/en_ewt-ud-train.conllu", "ud-english-gum/en_gum-ud-train.conllu"];
const DEV = ["ud-english-ewt/en_ewt-ud-dev.conllu", "ud-english-gum/en_gum-ud-dev.conllu"];
const EPOCHS = Number(process.env.PARSER_EPOCHS ?? 10);
const TRANSITION_BITS = Number(process.env.PARSER_TBITS ?? 20);
const LABEL_BITS = Number(process.env.PARSER_LBITS ?? 17);
const TAGGER_BITS = Number(process.env.PARSER_GBITS ?? 18);
const TAGGER_EPOCHS = Number(process.env.PARSER_TAGGER_EPOCHS ?? 6);
const FOLDS = 5;
// Model budget (the NER tagger needs the rest of the package's 12 MB / 5 MB).
const BUDGET_BYTES = 5_800_000;
const BUDGET_GZIP = 2_400_000;
const EXPLORE_FROM = 2;
const EXPLORE_P = Number(process.env.PARSER_EXPLORE ?? 1);
const SEED = 20261201;
const OUT = process.env.PARSER_OUT ?? path.join(ROOT, "models/parser/parser.bin");

/** Mulberry32: small, seeded, the same sequence everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron over one flat table, with lazy averaging. */
class Averaged {
  readonly w: Float32Array;
  private readonly total: Float64Array;
  private readonly stamp: Int32Array;
  /** Updates per weight (saturating), for pruning the rarely-updated ones. */
  readonly updates: Uint8Array;
  constructor(size: number) {
    this.w = new Float32Array(size);
    this.total = new Float64Array(size);
    this.stamp = new Int32Array(size);
    this.updates = new Uint8Array(size);
  }
  add(index: number, delta: number, now: number): void {
    if (this.updates[index] < 255) this.updates[index]++;
    this.total[index] += (now - this.stamp[index]) * this.w[index];
    this.stamp[index] = now;
    this.w[index] += delta;
  }
  averaged(now: number): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let k = 0; k < out.length; k++) {
      out[k] = (this.total[k] + (now - this.stamp[k]) * this.w[k]) / now;
    }
    return out;
  }
}

/** Trains the tag refiner on the sentences; returns the averaged table. */
function trainTagger(sentences: TrainingSentence[], seed: number, clusters: Map<string, number>): Float32Array {
  const C = TAG_CLASSES;
  const mask = (1 << TAGGER_BITS) - 1;
  const table = new Averaged((1 << TAGGER_BITS) * C);
  const state = new ParseState();
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(C);
  const random = rng(seed);
  const order = sentences.map((_, k) => k);
  const tags = new Int32Array(1024);
  let now = 1;
  for (let epoch = 0; epoch < TAGGER_EPOCHS; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const sentence = sentences[index];
      state.reset(sentence.words, sentence.upos, clusters);
      for (let i = 0; i < state.n; i++) {
        const count = taggerFeatures(state, i, tags, feats, mask);
        scores.fill(0);
        for (let k = 0; k < count; k++) {
          const row = feats[k] * C;
          for (let c = 0; c < C; c++) scores[c] += table.w[row + c];
        }
        let best = 0;
        for (let c = 1; c < C; c++) if (scores[c] > scores[best]) best = c;
        const gold = tagId(sentence.goldUpos[i]) - 1;
        if (best !== gold) {
          for (let k = 0; k < count; k++) {
            table.add(feats[k] * C + gold, 1, now);
            table.add(feats[k] * C + best, -1, now);
          }
        }
        // Gold history while training; the tagger's own at run time.
        tags[i] = gold + 1;
        now++;
      }
    }
  }
  return table.averaged(now);
}

function shuffle(order: number[], random: () => number): void {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
}

/** Refined tags of each sentence by a tagger table, and their accuracy against gold UPOS. */
function applyTagger(sentences: TrainingSentence[], table: Float32Array | Int8Array, clusters: Map<string, number>, book?: Float64Array): { tags: Int32Array[]; accuracy: number } {
  const state = new ParseState();
  const mask = (1 << TAGGER_BITS) - 1;
  let right = 0, total = 0;
  const tags = sentences.map((sentence) => {
    state.reset(sentence.words, sentence.upos, clusters);
    state.refineTags(table, mask, undefined, book);
    const out = state.tag.slice(0, state.n);
    for (let i = 0; i < state.n; i++) {
      total++;
      if (out[i] === tagId(sentence.goldUpos[i])) right++;
    }
    return out;
  });
  return { tags, accuracy: right / total };
}

interface Prepared {
  sentence: TrainingSentence;
  goldHeads: Int32Array; // root as n
  goldLabels: Uint8Array;
  /** Jackknifed refined tags (training sentences only). */
  tags?: Int32Array;
}

function prepare(sentences: TrainingSentence[], forTraining: boolean): Prepared[] {
  const out: Prepared[] = [];
  let lifted = 0;
  for (const sentence of sentences) {
    let heads = sentence.heads;
    if (forTraining && !isProjective(heads)) {
      heads = projectivise(heads);
      lifted++;
    }
    const n = heads.length;
    out.push({
      sentence,
      goldHeads: Int32Array.from(heads, (h) => (h < 0 ? n : h)),
      goldLabels: Uint8Array.from(sentence.labels, labelId),
    });
  }
  if (forTraining) console.log(`  ${lifted} non-projective sentences projectivised by lifting`);
  return out;
}

function main(): void {
  const started = Date.now();
  const load = (files: string[]) => files.flatMap((f) => loadTreebank(path.join(CORPORA, f)));
  const train = prepare(load(TRAIN), true);
  const devSets = DEV.map((f) => ({ name: path.basename(f), data: prepare(loadTreebank(path.join(CORPORA, f)), false) }));
  const trainWords = train.reduce((s, p) => s + p.sentence.words.length, 0);
  console.log(`train: ${train.length} sentences, ${trainWords} tokens (pipeline tokenisation); ${((Date.now() - started) / 1000).toFixed(1)} s to read and tag`);

  const lexicon = computeClusters();
  const clusters = new Map(lexicon.words.map((w, k) => [w, lexicon.ids[k]]));
  console.log(`clusters: ${lexicon.words.length} words | ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // Tag refiner: jackknifed over FOLDS folds for the parser's training tags, then on all of train.
  const trainSentences = train.map((p) => p.sentence);
  for (let fold = 0; fold < FOLDS; fold++) {
    const rest = trainSentences.filter((_, k) => k % FOLDS !== fold);
    const held = train.filter((_, k) => k % FOLDS === fold);
    const table = trainTagger(rest, SEED + fold + 1, clusters);
    const { tags } = applyTagger(held.map((p) => p.sentence), table, clusters);
    held.forEach((p, k) => (p.tags = tags[k]));
  }
  const taggerFloat = trainTagger(trainSentences, SEED, clusters);
  const taggerQ = quantise(taggerFloat);
  const taggerTable = taggerQ.codes;
  const taggerBook = bookOf(taggerQ.book);
  const wink = (data: Prepared[]) => {
    let right = 0, total = 0;
    for (const { sentence } of data) sentence.upos.forEach((t, i) => { total++; if (t === sentence.goldUpos[i]) right++; });
    return right / total;
  };
  let jackRight = 0, jackTotal = 0;
  for (const p of train) p.tags!.forEach((t, i) => { jackTotal++; if (t === tagId(p.sentence.goldUpos[i])) jackRight++; });
  console.log(`tags: train wink ${wink(train).toFixed(4)} jackknifed ${(jackRight / jackTotal).toFixed(4)} | ` +
    devSets.map(({ name, data }) => `${name} wink ${wink(data).toFixed(4)} refined ${applyTagger(data.map((p) => p.sentence), taggerTable, clusters, taggerBook).accuracy.toFixed(4)}`).join(" | ") +
    ` | ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const L = DEP_LABELS.length;
  const tMask = (1 << TRANSITION_BITS) - 1;
  const lMask = (1 << LABEL_BITS) - 1;
  const transitions = new Averaged((1 << TRANSITION_BITS) * ACTIONS);
  const labels = new Averaged((1 << LABEL_BITS) * L);
  const live: Weights = {
    transitions: transitions.w, transitionMask: tMask, labels: labels.w, labelMask: lMask,
    labelCount: L, rootLabel: ROOT_LABEL, extraRootLabel: EXTRA_ROOT_LABEL,
    tagger: taggerTable, taggerBook, taggerMask: (1 << TAGGER_BITS) - 1, clusters,
  };
  const state = new ParseState();
  const feats = new Int32Array(TRANSITION_FEATURES);
  const lfeats = new Int32Array(LABEL_FEATURES);
  const scores = new Float64Array(ACTIONS);
  const costs = new Int32Array(ACTIONS);
  const labelScores = new Float64Array(L);
  const random = rng(SEED);
  const order = train.map((_, k) => k);
  let now = 1;
  let best: { epoch: number; score: number; t: Float32Array; l: Float32Array } | undefined;

  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const epochStart = Date.now();
    shuffle(order, random);
    let steps = 0, errors = 0;
    for (const index of order) {
      const { sentence, goldHeads, goldLabels, tags } = train[index];
      state.reset(sentence.words, sentence.upos, clusters);
      state.refineTags(undefined, 0, tags);
      const n = state.n;
      while (!state.done()) {
        const count = scoreTransitions(state, live, scores, feats);
        actionCosts(state, goldHeads, costs);
        let predicted = -1, gold = -1;
        for (let a = 0; a < ACTIONS; a++) {
          if (costs[a] >= ILLEGAL) continue;
          if (predicted < 0 || scores[a] > scores[predicted]) predicted = a;
          if (costs[a] === 0 && (gold < 0 || scores[a] > scores[gold])) gold = a;
        }
        if (gold < 0) throw new Error("oracle found no zero-cost action");
        steps++;
        if (costs[predicted] > 0) {
          errors++;
          for (let f = 0; f < count; f++) {
            transitions.add(feats[f] * ACTIONS + gold, 1, now);
            transitions.add(feats[f] * ACTIONS + predicted, -1, now);
          }
        }
        const follow = costs[predicted] === 0 || (epoch >= EXPLORE_FROM && random() < EXPLORE_P) ? predicted : gold;
        let label = 0;
        if (follow === LEFT || follow === RIGHT) {
          const h = state.arcHead(follow);
          const d = state.arcDependent(follow);
          if (h === n) label = ROOT_LABEL;
          else {
            label = bestLabel(state, h, d, live, lfeats, labelScores);
            if (goldHeads[d] === h) {
              const goldLabel = goldLabels[d] === ROOT_LABEL ? EXTRA_ROOT_LABEL : goldLabels[d];
              if (label !== goldLabel) {
                for (let f = 0; f < LABEL_FEATURES; f++) {
                  labels.add(lfeats[f] * L + goldLabel, 1, now);
                  labels.add(lfeats[f] * L + label, -1, now);
                }
              }
              label = goldLabel;
            }
          }
        }
        state.apply(follow, label);
        now++;
      }
    }
    const t = transitions.averaged(now);
    const l = labels.averaged(now);
    const weights: Weights = { ...live, transitions: t, labels: l };
    const report = devSets.map(({ name, data }) => ({ name, ...score(data, weights, state) }));
    const mean = report.reduce((s, r) => s + r.las, 0) / report.length;
    console.log(`epoch ${String(epoch).padStart(2)}: train errors ${(errors / steps * 100).toFixed(2)}% | ` +
      report.map((r) => `${r.name} UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)}`).join(" | ") +
      ` | ${((Date.now() - epochStart) / 1000).toFixed(1)} s`);
    if (!best || mean > best.score) best = { epoch, score: mean, t, l };
  }
  console.log(`best dev epoch: ${best!.epoch}`);

  // Pruning: weights updated fewer than `cut` times are dropped; the smallest cut whose file
  // fits the budget is kept (the scores of each are printed).
  const nonzero = (t: Int8Array) => t.reduce((s, v) => s + (v !== 0 ? 1 : 0), 0);
  let bytes: Uint8Array | undefined;
  for (const cut of [1, 2, 3, 4, 6, 8, 12, 16]) {
    const tq = quantise(best!.t, transitions.updates, cut);
    const lq = quantise(best!.l, labels.updates, cut);
    const candidate = encodeModel([
      { name: "tagger", bits: TAGGER_BITS, mode: "rows", table: taggerTable, book: taggerQ.book },
      { name: "transitions", bits: TRANSITION_BITS, mode: "rows", table: tq.codes, book: tq.book },
      { name: "labels", bits: LABEL_BITS, mode: "entries", table: lq.codes, book: lq.book },
    ], TRAIN.map((f) => path.basename(f)), lexicon);
    const gz = gzipSync(candidate).length;
    const decoded = decodeModel(candidate);
    const report = devSets.map(({ name, data }) => ({ name, ...score(data, decoded, state) }));
    console.log(`int8, updated >= ${cut}x: ${(candidate.length / 1e6).toFixed(2)} MB, ${(gz / 1e6).toFixed(2)} MB gzipped ` +
      `(non-zero: tagger ${nonzero(taggerTable)}, transitions ${nonzero(tq.codes)}, labels ${nonzero(lq.codes)}) | ` +
      report.map((r) => `${r.name} UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)}`).join(" | "));
    if (candidate.length <= BUDGET_BYTES && gz <= BUDGET_GZIP) {
      bytes = candidate;
      break;
    }
  }
  if (!bytes) throw new Error("no pruning level fits the budget");
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT + ".tmp", bytes);
  renameSync(OUT + ".tmp", OUT);
  console.log(`wrote ${path.relative(ROOT, OUT)} in ${((Date.now() - started) / 1000).toFixed(0)} s total`);
}

/**
 * int8 codes into a log-spaced codebook of 127 magnitudes per table, from the 1st to the
 * 99.99th percentile of the kept magnitudes (rarer outliers clip): every weight keeps its
 * value within ~4%, which a linear int8 scale cannot do for the many small weights. Weights
 * updated fewer than `cut` times, or smaller than half the lowest level, become 0 (pruned).
 */
function quantise(table: Float32Array, updates?: Uint8Array, cut = 0): { codes: Int8Array; book: number[] } {
  const kept = (k: number) => table[k] !== 0 && !(updates && updates[k] < cut);
  const magnitudes: number[] = [];
  for (let k = 0; k < table.length; k += 3) if (kept(k)) magnitudes.push(Math.abs(table[k]));
  magnitudes.sort((a, b) => a - b);
  const at = (q: number) => magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * q))] || 1;
  const lo = at(0.01);
  const hi = Math.max(at(0.9999), lo * 1.0001);
  const step = Math.log(hi / lo) / 126;
  const book = Array.from({ length: 127 }, (_, j) => Number((lo * Math.exp(step * j)).toPrecision(7)));
  const codes = new Int8Array(table.length);
  for (let k = 0; k < table.length; k++) {
    if (!kept(k)) continue;
    const m = Math.abs(table[k]);
    if (m < lo / 2) continue;
    let j = Math.round(Math.log(m / lo) / step) + 1;
    if (j < 1) j = 1;
    else if (j > 127) j = 127;
    codes[k] = table[k] < 0 ? -j : j;
  }
  return { codes, book };
}

/** The codebook as the runtime holds it (src/parser/model.ts). */
function bookOf(levels: number[]): Float64Array {
  const book = new Float64Array(256);
  levels.forEach((level, j) => {
    book[128 + j + 1] = level;
    book[128 - j - 1] = -level;
  });
  return book;
}

/** Token-level attachment scores against the projected gold tree (punctuation included). */
function score(data: Prepared[], weights: Weights, state: ParseState): { uas: number; las: number } {
  let total = 0, heads = 0, both = 0;
  for (const { sentence, goldHeads, goldLabels } of data) {
    const n = sentence.words.length;
    const h = new Int32Array(n);
    const l = new Uint8Array(n);
    state.reset(sentence.words, sentence.upos, weights.clusters);
    parseGreedy(state, weights, h, l);
    for (let i = 0; i < n; i++) {
      total++;
      const gh = goldHeads[i] === n ? -1 : goldHeads[i];
      if (h[i] === gh) {
        heads++;
        if (l[i] === goldLabels[i]) both++;
      }
    }
  }
  return { uas: heads / total, las: both / total };
}

main();
