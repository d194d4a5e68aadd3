// The parser's weight file: "NGDP", a version byte, a little-endian u32 header length, a JSON
// header, then each weight table as its non-zero entries (varint gaps between flat indices,
// then one int8 per entry). Decoding fills dense int8 tables that the parse loop reads
// directly: scores stay integer sums, and a per-table scale would not change which action,
// label or tag wins.
import { DEP_LABELS, EXTRA_ROOT_LABEL, ROOT_LABEL } from "./labels.js";
import { ACTIONS } from "./state.js";
import { TAG_CLASSES } from "./tagger.js";
import type { Weights } from "./greedy.js";
import { identityBook, type SparseTable } from "./sparse.js";

export const MODEL_FILE = "parser/parser.bin";
const MAGIC = [0x4e, 0x47, 0x44, 0x50]; // "NGDP"
const VERSION = 1;

export interface TableHeader {
  name: "transitions" | "labels" | "tagger";
  bits: number;
  classes: number;
  /** "rows": every row with a non-zero weight, whole; "entries": each non-zero weight alone. */
  mode: "rows" | "entries";
  entries: number;
  /** Weight of codes 1..127 (code -j weighs -book[j-1]); without it a code is its own weight. */
  book?: number[];
}

export interface ModelHeader {
  labels: string[];
  tables: TableHeader[];
  /** Word clusters: UTF-8 bytes of the words joined by newlines, then a u16 id per word. */
  lexicon?: { words: number; bytes: number };
  /** Provenance, for people; the parser does not read it. */
  trainedOn?: string[];
}

/**
 * Decodes a model file into the runtime layout (`compiled`, src/parser/sparse.ts), built
 * straight from the stored entries; with `dense`, into dense int8 tables instead (the layout
 * the trainer's weights have; a test checks that both parse alike).
 */
export function decodeModel(bytes: Uint8Array, dense = false): Weights {
  if (bytes.length < 9 || MAGIC.some((m, k) => bytes[k] !== m) || bytes[4] !== VERSION) {
    throw new Error("parser model: not a newsgraph parser file (version 1)");
  }
  const headerLength = (bytes[5] | (bytes[6] << 8) | (bytes[7] << 16) | (bytes[8] << 24)) >>> 0;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + headerLength))) as ModelHeader;
  if (header.labels.join(" ") !== DEP_LABELS.join(" ")) throw new Error("parser model: label list differs from DEP_LABELS");
  let at = 9 + headerLength;
  let clusters: Map<string, number> | undefined;
  if (header.lexicon) {
    const { words, bytes: size } = header.lexicon;
    const list = new TextDecoder().decode(bytes.subarray(at, at + size)).split("\n");
    at += size;
    if (list.length !== words || at + words * 2 > bytes.length) throw new Error("parser model: truncated or corrupt lexicon");
    clusters = new Map();
    for (let k = 0; k < words; k++) clusters.set(list[k], bytes[at + 2 * k] | (bytes[at + 2 * k + 1] << 8));
    at += words * 2;
  }
  interface Decoded { table: Int8Array; packed?: Int32Array; sparse?: SparseTable; mask: number; book: Float64Array | undefined }
  const tables = new Map<string, Decoded>();
  for (const { name, bits, classes, mode, entries, book: levels } of header.tables) {
    const rows = 1 << bits;
    const width = mode === "rows" ? classes : 1;
    const indices = new Int32Array(entries);
    let index = -1;
    for (let e = 0; e < entries; e++) {
      let gap = 0, shift = 0, byte: number;
      do {
        byte = bytes[at++];
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      index += gap + 1;
      indices[e] = index;
    }
    if (index * width >= rows * classes || at + entries * width > bytes.length) throw new Error("parser model: truncated or corrupt");
    let book: Float64Array | undefined;
    if (levels) {
      if (levels.length !== 127) throw new Error("parser model: a codebook needs 127 levels");
      book = new Float64Array(256);
      levels.forEach((level, j) => {
        book![128 + j + 1] = level;
        book![128 - j - 1] = -level;
      });
    }
    const decoded: Decoded = { table: EMPTY, mask: rows - 1, book };
    // A stored byte is the code & 0xff; the runtime layout keeps code + 128, that is byte ^ 0x80.
    if (dense) {
      const table = new Int8Array(rows * classes);
      for (let e = 0; e < entries; e++) {
        const base = indices[e] * width;
        for (let c = 0; c < width; c++) table[base + c] = (bytes[at++] << 24) >> 24;
      }
      decoded.table = table;
    } else if (name === "transitions") {
      if (classes !== 4 || mode !== "rows") throw new Error("parser model: transitions must be rows of 4 actions");
      const packed = new Int32Array(rows).fill(0x80808080 | 0);
      for (let e = 0; e < entries; e++, at += 4) {
        packed[indices[e]] = (bytes[at] ^ 0x80) | ((bytes[at + 1] ^ 0x80) << 8) | ((bytes[at + 2] ^ 0x80) << 16) | ((bytes[at + 3] ^ 0x80) << 24);
      }
      decoded.packed = packed;
    } else {
      // Flat indices ascend, so rows come in order: one pass fills the row starts and entries.
      const start = new Int32Array(rows + 1);
      const list = new Uint16Array(entries * width);
      let count = 0, row = 0;
      for (let e = 0; e < entries; e++) {
        const r = mode === "rows" ? indices[e] : Math.floor(indices[e] / classes);
        const first = mode === "rows" ? 0 : indices[e] - r * classes;
        while (row <= r) start[row++] = count;
        for (let c = 0; c < width; c++) {
          const byte = bytes[at++];
          if (byte !== 0) list[count++] = ((first + c) << 8) | (byte ^ 0x80);
        }
      }
      while (row <= rows) start[row++] = count;
      decoded.sparse = { start, entries: list.subarray(0, count) };
    }
    tables.set(name, decoded);
  }
  const transitions = tables.get("transitions");
  const labels = tables.get("labels");
  const tagger = tables.get("tagger");
  if (!transitions || !labels) throw new Error("parser model: a weight table is missing");
  const weights: Weights = {
    transitions: transitions.table, transitionMask: transitions.mask, transitionBook: transitions.book,
    labels: labels.table, labelMask: labels.mask, labelCount: DEP_LABELS.length, labelBook: labels.book,
    rootLabel: ROOT_LABEL, extraRootLabel: EXTRA_ROOT_LABEL,
    tagger: tagger && dense ? tagger.table : undefined, taggerMask: tagger?.mask ?? 0, taggerBook: tagger?.book,
    clusters,
  };
  if (!dense) {
    weights.compiled = {
      transitions: transitions.packed!, transitionBook: transitions.book ?? identityBook(),
      labels: labels.sparse!, labelBook: labels.book ?? identityBook(),
      tagger: tagger?.sparse, taggerBook: tagger && (tagger.book ?? identityBook()),
    };
  }
  return weights;
}

const EMPTY = new Int8Array(0);

/** Encodes quantised tables (the trainer's side of the format above). */
export function encodeModel(
  tables: { name: TableHeader["name"]; bits: number; mode: TableHeader["mode"]; table: Int8Array; book?: number[] }[], trainedOn: string[],
  lexicon?: { words: string[]; ids: Uint16Array },
): Uint8Array {
  const classesOf = { transitions: ACTIONS, labels: DEP_LABELS.length, tagger: TAG_CLASSES };
  const bodies: number[][] = [];
  const headers: TableHeader[] = [];
  for (const { name, bits, mode, table, book } of tables) {
    const width = mode === "rows" ? classesOf[name] : 1;
    const gaps: number[] = [];
    const values: number[] = [];
    let last = -1;
    let entries = 0;
    for (let k = 0; k * width < table.length; k++) {
      let any = false;
      for (let c = 0; c < width && !any; c++) any = table[k * width + c] !== 0;
      if (!any) continue;
      let gap = k - last - 1;
      while (gap >= 0x80) {
        gaps.push((gap & 0x7f) | 0x80);
        gap = Math.floor(gap / 128);
      }
      gaps.push(gap);
      for (let c = 0; c < width; c++) values.push(table[k * width + c] & 0xff);
      last = k;
      entries++;
    }
    headers.push({ name, bits, classes: classesOf[name], mode, entries, ...(book ? { book } : {}) });
    bodies.push(gaps, values);
  }
  if (lexicon) {
    const text = Array.from(new TextEncoder().encode(lexicon.words.join("\n")));
    const ids: number[] = [];
    for (const id of lexicon.ids) ids.push(id & 0xff, id >> 8);
    bodies.unshift(text, ids);
  }
  const header: ModelHeader = {
    labels: [...DEP_LABELS], tables: headers, trainedOn,
    lexicon: lexicon && { words: lexicon.words.length, bytes: bodies[0].length },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const size = 9 + json.length + bodies.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  new DataView(out.buffer).setUint32(5, json.length, true);
  out.set(json, 9);
  let at = 9 + json.length;
  for (const body of bodies) {
    out.set(body, at);
    at += body.length;
  }
  return out;
}
