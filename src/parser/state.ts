// Arc-eager transition system (Nivre 2003) with the root at the end of the buffer
// (Ballesteros & Nivre 2013), and the hashed features both the runtime and the trainer read.
// One ParseState is reused across sentences: arrays grow, never shrink, so parsing allocates
// nothing per sentence once warmed up.

import { tagGreedy, tagGreedySparse } from "./tagger.js";
import type { SparseTable } from "./sparse.js";

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const REDUCE = 3;
export const ACTIONS = 4;

/** wink's Universal POS tags; anything else reads as X. Index 0 = no token, last = the root. */
export const TAGS = [
  "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
  "PUNCT", "SCONJ", "SYM", "VERB", "X",
] as const;
const TAG_ID = new Map<string, number>(TAGS.map((tag, k) => [tag, k + 1]));
const TAG_X = TAG_ID.get("X")!;
const TAG_ROOT = TAGS.length + 1;

/** Id (1-based) of a UPOS tag as the parser keeps it; X for anything unknown. */
export function tagId(upos: string): number {
  return TAG_ID.get(upos) ?? TAG_X;
}
const NONE = 0xff;

/** FNV-1a over the lower-cased form with digits read as 0, so "1999" and "2024" share weights. */
function hashWord(word: string, from: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < word.length; k++) {
    let c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 48 && c <= 57) c = 48;
    else if (c === 0x2019) c = 39;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 1;
}

/** Capitalisation and digits: 1 lower, 2 Capitalised, 3 UPPER, 4 has a digit, 5 other. */
function shapeOf(word: string): number {
  let upper = 0, lower = 0, digit = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
  }
  if (digit > 0) return 4;
  if (upper === 0 && lower > 0) return 1;
  if (upper > 0 && lower === 0) return 3;
  if (upper > 0) {
    const c = word.charCodeAt(0);
    return c >= 65 && c <= 90 ? 2 : 5;
  }
  return lower > 0 ? 1 : 5;
}

/** Mixes a template id and up to three values into a bucket (murmur3-style finaliser). */
function mix(template: number, a: number, b: number, c: number, mask: number): number {
  let x = Math.imul(template + 0x165667b1, 0x9e3779b1) ^ a;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca77) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae3d) ^ c;
  x ^= x >>> 16;
  x = Math.imul(x, 0x27d4eb2f);
  x ^= x >>> 15;
  return x & mask;
}

export const TRANSITION_FEATURES = 90;
export const LABEL_FEATURES = 30;

/** Cluster id of words not in the lexicon. */
const NO_CLUSTER = 0xffff;

/**
 * What reset() computes from a word alone (hashes, shape, cluster), kept for the words seen
 * last: news repeats its words, and a look-up costs less than three hashes, a lower-casing and
 * a cluster look-up. Emptied when full and when the clusters change; it changes no value.
 */
const WORD_CACHE_SIZE = 1 << 15;
const WORD_FIELDS = 8;
const wordCache = new Map<string, number>();
const wordValues = new Int32Array(WORD_CACHE_SIZE * WORD_FIELDS);
let cachedClusters: ReadonlyMap<string, number> | undefined;

function wordEntry(w: string, clusters: ReadonlyMap<string, number> | undefined): number {
  if (clusters !== cachedClusters) {
    wordCache.clear();
    cachedClusters = clusters;
  }
  const known = wordCache.get(w);
  if (known !== undefined) return known;
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  const at = wordCache.size * WORD_FIELDS;
  wordCache.set(w, at);
  wordValues[at] = hashWord(w, 0);
  wordValues[at + 1] = hashWord(w, w.length > 3 ? w.length - 3 : 0) ^ 0x5bd1e995;
  wordValues[at + 2] = hashWord(w, w.length > 2 ? w.length - 2 : 0) ^ 0x1b873593;
  const last = w.charCodeAt(w.length - 1) | 0;
  wordValues[at + 3] = last >= 65 && last <= 90 ? last + 32 : last;
  const first = w.charCodeAt(0) | 0;
  wordValues[at + 4] = first >= 65 && first <= 90 ? first + 32 : first;
  wordValues[at + 5] = shapeOf(w);
  const cluster = clusters?.get(w.toLowerCase()) ?? NO_CLUSTER;
  wordValues[at + 6] = cluster;
  wordValues[at + 7] = cluster >> 4;
  return at;
}

export class ParseState {
  n = 0;
  capacity = 0;
  word = new Int32Array(0);
  tag = new Int32Array(0);
  suffix = new Int32Array(0);
  shape = new Int32Array(0);
  winkTag = new Int32Array(0);
  suffix1 = new Int32Array(0);
  suffix2 = new Int32Array(0);
  prefix = new Int32Array(0);
  /** Word cluster (fine id) and its coarse cluster (fine >> 4). */
  fine = new Int32Array(0);
  coarse = new Int32Array(0);
  stack = new Int32Array(0);
  sp = 0;
  /** Front of the buffer; n is the root. */
  b = 0;
  heads = new Int32Array(0);
  labels = new Uint8Array(0);
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  lset = new Int32Array(0);
  rset = new Int32Array(0);
  inStack = new Uint8Array(0);

  private grow(size: number): void {
    if (size <= this.capacity) return;
    const c = Math.max(size, this.capacity * 2, 64);
    this.capacity = c;
    this.word = new Int32Array(c);
    this.tag = new Int32Array(c);
    this.suffix = new Int32Array(c);
    this.shape = new Int32Array(c);
    this.winkTag = new Int32Array(c);
    this.suffix1 = new Int32Array(c);
    this.suffix2 = new Int32Array(c);
    this.prefix = new Int32Array(c);
    this.fine = new Int32Array(c);
    this.coarse = new Int32Array(c);
    this.stack = new Int32Array(c);
    this.heads = new Int32Array(c);
    this.labels = new Uint8Array(c);
    this.lc1 = new Int32Array(c);
    this.lc2 = new Int32Array(c);
    this.rc1 = new Int32Array(c);
    this.rc2 = new Int32Array(c);
    this.nl = new Int32Array(c);
    this.nr = new Int32Array(c);
    this.lset = new Int32Array(c);
    this.rset = new Int32Array(c);
    this.inStack = new Uint8Array(c);
  }

  /** Starts a sentence: n words, then the root at index n. */
  reset(words: readonly string[], upos: readonly string[], clusters?: ReadonlyMap<string, number>): void {
    const n = words.length;
    this.grow(n + 1);
    this.n = n;
    const v = wordValues;
    for (let i = 0; i < n; i++) {
      const at = wordEntry(words[i], clusters);
      this.word[i] = v[at];
      this.tag[i] = this.winkTag[i] = TAG_ID.get(upos[i]) ?? TAG_X;
      this.suffix[i] = v[at + 1];
      this.suffix2[i] = v[at + 2];
      this.suffix1[i] = v[at + 3];
      this.prefix[i] = v[at + 4];
      this.shape[i] = v[at + 5];
      this.fine[i] = v[at + 6];
      this.coarse[i] = v[at + 7];
    }
    this.fine[n] = this.coarse[n] = NO_CLUSTER - 1;
    this.word[n] = 0x7f4a7c15;
    this.tag[n] = this.winkTag[n] = TAG_ROOT;
    this.suffix[n] = 0x7f4a7c15;
    this.shape[n] = 6;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = -1;
      this.labels[i] = NONE;
      this.lc1[i] = this.lc2[i] = this.rc1[i] = this.rc2[i] = -1;
      this.nl[i] = this.nr[i] = this.lset[i] = this.rset[i] = 0;
      this.inStack[i] = 0;
    }
    this.sp = 0;
    this.b = 0;
  }

  /** Replaces wink's tags (kept in winkTag) by refined ones: tagger weights, or given tags. */
  refineTags(table: Int8Array | Float32Array | undefined, mask: number, given?: Int32Array, book?: Float64Array): void {
    if (given) this.tag.set(given.subarray(0, this.n));
    else if (table) tagGreedy(this, table, mask, this.tag, book);
    this.tag[this.n] = TAG_ROOT;
  }

  /** As refineTags with the tagger's table in its runtime layout (the same tags). */
  refineTagsSparse(table: SparseTable, book: Float64Array, mask: number): void {
    tagGreedySparse(this, table, book, mask, this.tag);
    this.tag[this.n] = TAG_ROOT;
  }

  done(): boolean {
    return this.b >= this.n && this.sp === 0;
  }

  legal(action: number): boolean {
    const sp = this.sp;
    switch (action) {
      case SHIFT: return this.b < this.n;
      case LEFT: return sp > 0 && this.heads[this.stack[sp - 1]] < 0;
      case RIGHT: return sp > 0 && this.b < this.n;
      default: return sp > 0 && this.heads[this.stack[sp - 1]] >= 0;
    }
  }

  /** The head and dependent an arc action would join. */
  arcHead(action: number): number {
    return action === LEFT ? this.b : this.stack[this.sp - 1];
  }

  arcDependent(action: number): number {
    return action === LEFT ? this.stack[this.sp - 1] : this.b;
  }

  apply(action: number, label: number): void {
    switch (action) {
      case SHIFT:
        this.inStack[this.b] = 1;
        this.stack[this.sp++] = this.b++;
        return;
      case LEFT: {
        const d = this.stack[--this.sp];
        this.inStack[d] = 0;
        this.addArc(this.b, d, label);
        return;
      }
      case RIGHT: {
        const d = this.b++;
        this.addArc(this.stack[this.sp - 1], d, label);
        this.inStack[d] = 1;
        this.stack[this.sp++] = d;
        return;
      }
      default:
        this.inStack[this.stack[--this.sp]] = 0;
    }
  }

  private addArc(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = 1 << (label & 31);
    if (d < h) {
      // Left dependents arrive nearest first, so the newest is the leftmost.
      this.lc2[h] = this.lc1[h];
      this.lc1[h] = d;
      this.nl[h]++;
      this.lset[h] |= bit;
    } else {
      this.rc2[h] = this.rc1[h];
      this.rc1[h] = d;
      this.nr[h]++;
      this.rset[h] |= bit;
    }
  }

  /** Buckets of the transition features (Zhang & Nivre 2011 style) into out; returns the count. */
  transitionFeatures(out: Int32Array, mask: number): number {
    const { word: W, tag: P, heads, labels: L } = this;
    const n = this.n;
    const s0 = this.sp > 0 ? this.stack[this.sp - 1] : -1;
    const n0 = this.b;
    const n1 = n0 + 1 <= n ? n0 + 1 : -1;
    const n2 = n0 + 2 <= n ? n0 + 2 : -1;
    const s0h = s0 >= 0 ? heads[s0] : -1;
    const s0h2 = s0h >= 0 ? heads[s0h] : -1;
    const s0l = s0 >= 0 ? this.lc1[s0] : -1;
    const s0l2 = s0 >= 0 ? this.lc2[s0] : -1;
    const s0r = s0 >= 0 ? this.rc1[s0] : -1;
    const s0r2 = s0 >= 0 ? this.rc2[s0] : -1;
    const n0l = this.lc1[n0];
    const n0l2 = this.lc2[n0];
    const s1 = this.sp > 1 ? this.stack[this.sp - 2] : -1;
    const s0w = (s0 >= 0 ? W[s0] : 0), s0p = (s0 >= 0 ? P[s0] : 0), n0w = W[n0], n0p = P[n0], n1w = (n1 >= 0 ? W[n1] : 0), n1p = (n1 >= 0 ? P[n1] : 0), n2w = (n2 >= 0 ? W[n2] : 0), n2p = (n2 >= 0 ? P[n2] : 0);
    const s0wp = s0w ^ (s0p << 24), n0wp = n0w ^ (n0p << 24), n1wp = n1w ^ (n1p << 24);
    let dist = s0 >= 0 ? n0 - s0 : 0;
    if (dist > 5) dist = dist > 10 ? 7 : 6;
    const s0vr = s0 >= 0 ? this.nr[s0] : 0, s0vl = s0 >= 0 ? this.nl[s0] : 0, n0vl = this.nl[n0];
    const s0hp = (s0h >= 0 ? P[s0h] : 0), s0lp = (s0l >= 0 ? P[s0l] : 0), s0rp = (s0r >= 0 ? P[s0r] : 0), n0lp = (n0l >= 0 ? P[n0l] : 0);
    const prev = n0 > 0 ? n0 - 1 : -1;
    const next = s0 >= 0 && s0 + 1 < n0 ? s0 + 1 : -1;
    let k = 0;
    out[k++] = mix(1, s0w, 0, 0, mask);
    out[k++] = mix(2, s0p, 0, 0, mask);
    out[k++] = mix(3, s0wp, 0, 0, mask);
    out[k++] = mix(4, n0w, 0, 0, mask);
    out[k++] = mix(5, n0p, 0, 0, mask);
    out[k++] = mix(6, n0wp, 0, 0, mask);
    out[k++] = mix(7, n1w, 0, 0, mask);
    out[k++] = mix(8, n1p, 0, 0, mask);
    out[k++] = mix(9, n1wp, 0, 0, mask);
    out[k++] = mix(10, n2w, 0, 0, mask);
    out[k++] = mix(11, n2p, 0, 0, mask);
    out[k++] = mix(12, s0wp, n0wp, 0, mask);
    out[k++] = mix(13, s0wp, n0w, 0, mask);
    out[k++] = mix(14, s0w, n0wp, 0, mask);
    out[k++] = mix(15, s0wp, n0p, 0, mask);
    out[k++] = mix(16, s0p, n0wp, 0, mask);
    out[k++] = mix(17, s0w, n0w, 0, mask);
    out[k++] = mix(18, s0p, n0p, 0, mask);
    out[k++] = mix(19, n0p, n1p, 0, mask);
    out[k++] = mix(20, n0p, n1p, n2p, mask);
    out[k++] = mix(21, s0p, n0p, n1p, mask);
    out[k++] = mix(22, s0hp, s0p, n0p, mask);
    out[k++] = mix(23, s0p, s0lp, n0p, mask);
    out[k++] = mix(24, s0p, s0rp, n0p, mask);
    out[k++] = mix(25, s0p, n0p, n0lp, mask);
    out[k++] = mix(26, s0w, dist, 0, mask);
    out[k++] = mix(27, s0p, dist, 0, mask);
    out[k++] = mix(28, n0w, dist, 0, mask);
    out[k++] = mix(29, n0p, dist, 0, mask);
    out[k++] = mix(30, s0w, n0w, dist, mask);
    out[k++] = mix(31, s0p, n0p, dist, mask);
    out[k++] = mix(32, s0w, s0vr, 0, mask);
    out[k++] = mix(33, s0p, s0vr, 0, mask);
    out[k++] = mix(34, s0w, s0vl, 0, mask);
    out[k++] = mix(35, s0p, s0vl, 0, mask);
    out[k++] = mix(36, n0w, n0vl, 0, mask);
    out[k++] = mix(37, n0p, n0vl, 0, mask);
    out[k++] = mix(38, (s0h >= 0 ? W[s0h] : 0), 0, 0, mask);
    out[k++] = mix(39, s0hp, 0, 0, mask);
    out[k++] = mix(40, (s0 >= 0 ? L[s0] : 0xfe), 0, 0, mask);
    out[k++] = mix(41, (s0l >= 0 ? W[s0l] : 0), 0, 0, mask);
    out[k++] = mix(42, s0lp, 0, 0, mask);
    out[k++] = mix(43, (s0l >= 0 ? L[s0l] : 0xfe), 0, 0, mask);
    out[k++] = mix(44, (s0r >= 0 ? W[s0r] : 0), 0, 0, mask);
    out[k++] = mix(45, s0rp, 0, 0, mask);
    out[k++] = mix(46, (s0r >= 0 ? L[s0r] : 0xfe), 0, 0, mask);
    out[k++] = mix(47, (n0l >= 0 ? W[n0l] : 0), 0, 0, mask);
    out[k++] = mix(48, n0lp, 0, 0, mask);
    out[k++] = mix(49, (n0l >= 0 ? L[n0l] : 0xfe), 0, 0, mask);
    out[k++] = mix(50, (s0h2 >= 0 ? W[s0h2] : 0), 0, 0, mask);
    out[k++] = mix(51, (s0h2 >= 0 ? P[s0h2] : 0), 0, 0, mask);
    out[k++] = mix(52, (s0h >= 0 ? L[s0h] : 0xfe), 0, 0, mask);
    out[k++] = mix(53, (s0l2 >= 0 ? W[s0l2] : 0), 0, 0, mask);
    out[k++] = mix(54, (s0l2 >= 0 ? P[s0l2] : 0), 0, 0, mask);
    out[k++] = mix(55, (s0l2 >= 0 ? L[s0l2] : 0xfe), 0, 0, mask);
    out[k++] = mix(56, (s0r2 >= 0 ? W[s0r2] : 0), 0, 0, mask);
    out[k++] = mix(57, (s0r2 >= 0 ? P[s0r2] : 0), 0, 0, mask);
    out[k++] = mix(58, (s0r2 >= 0 ? L[s0r2] : 0xfe), 0, 0, mask);
    out[k++] = mix(59, (n0l2 >= 0 ? W[n0l2] : 0), 0, 0, mask);
    out[k++] = mix(60, (n0l2 >= 0 ? P[n0l2] : 0), 0, 0, mask);
    out[k++] = mix(61, (n0l2 >= 0 ? L[n0l2] : 0xfe), 0, 0, mask);
    out[k++] = mix(62, s0p, s0lp, (s0l2 >= 0 ? P[s0l2] : 0), mask);
    out[k++] = mix(63, s0p, s0rp, (s0r2 >= 0 ? P[s0r2] : 0), mask);
    out[k++] = mix(64, s0p, s0hp, (s0h2 >= 0 ? P[s0h2] : 0), mask);
    out[k++] = mix(65, n0p, n0lp, (n0l2 >= 0 ? P[n0l2] : 0), mask);
    out[k++] = mix(66, s0w, s0 >= 0 ? this.rset[s0] : 0, 0, mask);
    out[k++] = mix(67, s0p, s0 >= 0 ? this.rset[s0] : 0, 0, mask);
    out[k++] = mix(68, s0w, s0 >= 0 ? this.lset[s0] : 0, 0, mask);
    out[k++] = mix(69, s0p, s0 >= 0 ? this.lset[s0] : 0, 0, mask);
    out[k++] = mix(70, n0w, this.lset[n0], 0, mask);
    out[k++] = mix(71, n0p, this.lset[n0], 0, mask);
    out[k++] = mix(72, (prev >= 0 ? P[prev] : 0), n0p, s0p, mask);
    out[k++] = mix(73, s0p, (next >= 0 ? P[next] : 0), n0p, mask);
    out[k++] = mix(74, this.suffix[n0], n0p, 0, mask);
    out[k++] = mix(75, s0 >= 0 ? this.suffix[s0] : 0, s0p, 0, mask);
    out[k++] = mix(76, (s1 >= 0 ? P[s1] : 0), s0p, n0p, mask);
    const wt = this.winkTag;
    out[k++] = mix(77, wt[n0], n0p, 0, mask);
    out[k++] = mix(78, s0 >= 0 ? wt[s0] : 0, s0p, 0, mask);
    out[k++] = mix(79, n1 >= 0 ? wt[n1] : 0, wt[n0], 0, mask);
    const F = this.fine, G = this.coarse;
    out[k++] = mix(80, (s0 >= 0 ? F[s0] : 0x1fffe), 0, 0, mask);
    out[k++] = mix(81, F[n0], 0, 0, mask);
    out[k++] = mix(82, (n1 >= 0 ? F[n1] : 0x1fffe), 0, 0, mask);
    out[k++] = mix(83, (s0 >= 0 ? G[s0] : 0x1fffe), G[n0], 0, mask);
    out[k++] = mix(84, (s0 >= 0 ? F[s0] : 0x1fffe), n0p, 0, mask);
    out[k++] = mix(85, s0p, F[n0], 0, mask);
    out[k++] = mix(86, (s0 >= 0 ? G[s0] : 0x1fffe), G[n0], (n1 >= 0 ? G[n1] : 0x1fffe), mask);
    out[k++] = mix(87, (s0h >= 0 ? F[s0h] : 0x1fffe), s0p, 0, mask);
    out[k++] = mix(88, G[n0], n0p, n1p, mask);
    out[k++] = mix(89, (s0 >= 0 ? F[s0] : 0x1fffe), F[n0], 0, mask);
    out[k++] = mix(90, (s0l >= 0 ? G[s0l] : 0x1fffe), (s0 >= 0 ? G[s0] : 0x1fffe), G[n0], mask);
    return k;
  }

  /** Buckets of the label features for an arc head -> dependent into out; returns the count. */
  labelFeatures(h: number, d: number, out: Int32Array, mask: number): number {
    const { word: W, tag: P, labels: L } = this;
    const n = this.n;
    const dw = W[d], dp = P[d], hw = W[h], hp = P[h];
    const dir = d < h ? 1 : 2;
    let dist = d < h ? h - d : d - h;
    if (dist > 5) dist = dist > 10 ? 7 : 6;
    const dl = this.lc1[d], dr = this.rc1[d], dl2 = this.lc2[d];
    const before = d > 0 ? d - 1 : -1;
    const after = d + 1 <= n ? d + 1 : -1;
    const hset = this.lset[h] | this.rset[h];
    let k = 0;
    out[k++] = mix(101, dw, dir, 0, mask);
    out[k++] = mix(102, dp, dir, 0, mask);
    out[k++] = mix(103, hw, dir, 0, mask);
    out[k++] = mix(104, hp, dir, 0, mask);
    out[k++] = mix(105, dp, hp, dir, mask);
    out[k++] = mix(106, dw, hp, dir, mask);
    out[k++] = mix(107, dp, hw, dir, mask);
    out[k++] = mix(108, dw, hw, dir, mask);
    out[k++] = mix(109, dp, hp, dir * 8 + dist, mask);
    out[k++] = mix(110, this.suffix[d], dir, 0, mask);
    out[k++] = mix(111, this.suffix[d], hp, dir, mask);
    out[k++] = mix(112, dp, (dl >= 0 ? L[dl] : 0xfe), (dl >= 0 ? P[dl] : 0), mask);
    out[k++] = mix(113, dp, (dr >= 0 ? L[dr] : 0xfe), (dr >= 0 ? P[dr] : 0), mask);
    out[k++] = mix(114, hp, hset, dir, mask);
    out[k++] = mix(115, (h >= 0 ? L[h] : 0xfe), dp, dir, mask);
    out[k++] = mix(116, (before >= 0 ? P[before] : 0), dp, hp, mask);
    out[k++] = mix(117, (after >= 0 ? P[after] : 0), dp, hp, mask);
    out[k++] = mix(118, dw, dp, hp, mask);
    out[k++] = mix(119, hw, hp, dp, mask);
    out[k++] = mix(120, dp, (dl >= 0 ? W[dl] : 0), dir, mask);
    out[k++] = mix(121, dp, (dl >= 0 ? P[dl] : 0), (dl2 >= 0 ? P[dl2] : 0), mask);
    out[k++] = mix(122, this.shape[d], dp, hp, mask);
    out[k++] = mix(123, dw, (dl >= 0 ? L[dl] : 0xfe), 0, mask);
    out[k++] = mix(124, hw, (h >= 0 ? L[h] : 0xfe), dp, mask);
    out[k++] = mix(125, dp, hp, this.nl[d] * 16 + this.nr[d], mask);
    out[k++] = mix(126, this.suffix[h], hp, dp, mask);
    out[k++] = mix(127, this.fine[d], dir, 0, mask);
    out[k++] = mix(128, this.fine[h], dir, 0, mask);
    out[k++] = mix(129, this.coarse[d], this.coarse[h], dir, mask);
    out[k++] = mix(130, this.fine[d], hp, dir, mask);
    return k;
  }
}
