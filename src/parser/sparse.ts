// The runtime layout of quantised weights, built by decodeModel from the stored entries. The
// parse gives the same heads, labels and tags as over the dense int8 tables (greedy.ts keeps
// that path for the trainer's float tables): every score is the same sum of the same codebook
// weights in the same order; only zero weights (which add nothing) are no longer visited.
// The tables are read at random, so what costs is waiting for memory, and a weight must be one
// read away from its hashed row:
//   - transitions (4 actions a row): one 32-bit word per row;
//   - labels (51) and tags (17): a used row holds a few non-zero weights (3.4 on average),
//     each a (class << 8 | code + 128) entry. Each row has a slot of 4 16-bit words: the count
//     of entries, then up to 3 entries in place, or the offset of more in `overflow`.
// (Row starts into one entry list read two places per row, 3x slower a feature; a bit index
// of the used rows, 3 MB instead of 6, costs more in rank arithmetic than it saves in misses.)

/** Per hashed row r: slots[4r] entries, in slots[4r + 1..] or at overflow[slots[4r + 1] | slots[4r + 2] << 16]. */
export interface SparseTable {
  slots: Uint16Array;
  overflow: Uint16Array;
}

/** Entries a slot holds in place. */
export const IN_SLOT = 3;

/** Quantised weights in their runtime layout, with the codebooks they index. */
export interface CompiledWeights {
  /** Per hashed row, the four actions' codes + 128, one byte each (action 0 in the low byte). */
  transitions: Int32Array;
  transitionBook: Float64Array;
  labels: SparseTable;
  labelBook: Float64Array;
  tagger?: SparseTable;
  taggerBook?: Float64Array;
}

/** The weight of each code when a table holds plain int8 weights: the code itself. */
export function identityBook(): Float64Array {
  const book = new Float64Array(256);
  for (let j = 0; j < 256; j++) book[j] = j - 128;
  return book;
}

/** A table's rows from their entries in row order: entries[start[r]..start[r + 1]) for row r. */
export function slotTable(rows: number, start: Int32Array, entries: Uint16Array): SparseTable {
  const slots = new Uint16Array(rows * 4);
  let spill = 0;
  for (let r = 0; r < rows; r++) if (start[r + 1] - start[r] > IN_SLOT) spill += start[r + 1] - start[r];
  const overflow = new Uint16Array(spill);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const from = start[r];
    const count = start[r + 1] - from;
    if (count === 0) continue;
    if (count > 0xffff) throw new Error("parser model: a row holds too many weights");
    slots[4 * r] = count;
    if (count <= IN_SLOT) for (let e = 0; e < count; e++) slots[4 * r + 1 + e] = entries[from + e];
    else {
      slots[4 * r + 1] = at & 0xffff;
      slots[4 * r + 2] = at >>> 16;
      overflow.set(entries.subarray(from, from + count), at);
      at += count;
    }
  }
  return { slots, overflow };
}

/** Adds each of rows' weights, row by row in the order given, to scores[class]. */
export function addRows(table: SparseTable, book: Float64Array, rows: Int32Array, count: number, scores: Float64Array): void {
  const { slots, overflow } = table;
  for (let k = 0; k < count; k++) {
    const s = rows[k] << 2;
    const n = slots[s];
    if (n === 0) continue;
    if (n <= IN_SLOT) {
      let entry = slots[s + 1];
      scores[entry >> 8] += book[entry & 0xff];
      if (n === 1) continue;
      entry = slots[s + 2];
      scores[entry >> 8] += book[entry & 0xff];
      if (n === 2) continue;
      entry = slots[s + 3];
      scores[entry >> 8] += book[entry & 0xff];
    } else {
      const from = slots[s + 1] | (slots[s + 2] << 16);
      const end = from + n;
      for (let e = from; e < end; e++) {
        const entry = overflow[e];
        scores[entry >> 8] += book[entry & 0xff];
      }
    }
  }
}
