// The parser's weight file: "NGDP", a version byte, a little-endian u32 header length, a JSON
// header, then each weight table as its non-zero entries (varint gaps between flat indices,
// then one int8 per entry). Decoding fills dense int8 tables that the parse loop reads
// directly: scores stay integer sums, and a per-table scale would not change which action,
// label or tag wins.
import { DEP_LABELS, EXTRA_ROOT_LABEL, ROOT_LABEL } from "./labels.js";
import { ACTIONS } from "./state.js";
import { TAG_CLASSES } from "./tagger.js";
import type { Weights } from "./greedy.js";

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

export function decodeModel(bytes: Uint8Array): Weights {
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
  const tables = new Map<string, { table: Int8Array; mask: number; book?: Float64Array }>();
  for (const { name, bits, classes, mode, entries, book: levels } of header.tables) {
    const size = (1 << bits) * classes;
    const table = new Int8Array(size);
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
    if (index * width >= size || at + entries * width > bytes.length) throw new Error("parser model: truncated or corrupt");
    for (let e = 0; e < entries; e++) {
      const base = indices[e] * width;
      for (let c = 0; c < width; c++) table[base + c] = (bytes[at++] << 24) >> 24;
    }
    let book: Float64Array | undefined;
    if (levels) {
      if (levels.length !== 127) throw new Error("parser model: a codebook needs 127 levels");
      book = new Float64Array(256);
      levels.forEach((level, j) => {
        book![128 + j + 1] = level;
        book![128 - j - 1] = -level;
      });
    }
    tables.set(name, { table, mask: (1 << bits) - 1, book });
  }
  const transitions = tables.get("transitions");
  const labels = tables.get("labels");
  const tagger = tables.get("tagger");
  if (!transitions || !labels) throw new Error("parser model: a weight table is missing");
  return {
    transitions: transitions.table, transitionMask: transitions.mask, transitionBook: transitions.book,
    labels: labels.table, labelMask: labels.mask, labelCount: DEP_LABELS.length, labelBook: labels.book,
    rootLabel: ROOT_LABEL, extraRootLabel: EXTRA_ROOT_LABEL,
    tagger: tagger?.table, taggerMask: tagger?.mask ?? 0, taggerBook: tagger?.book,
    clusters,
  };
}

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
