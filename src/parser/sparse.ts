// The runtime layout of quantised weights, built by decodeModel from the stored entries. The
// parse gives the same heads, labels and tags as over the dense int8 tables (greedy.ts keeps
// that path for the trainer's float tables): every score is the same sum of the same codebook
// weights in the same order; only zero weights (which add nothing) are no longer visited.
//   - transitions (4 actions a row): one 32-bit word per row (one read, not four);
//   - labels (51) and tags (17): a used row holds a few non-zero weights (3.4 on average),
//     each a (class << 8 | code + 128) entry, found through the row's start.
// Tried and dropped: slots holding up to 3 entries in place (no faster: the rows the parse
// reads most hold more), and a bit index of the used rows (3 MB instead of 6, but its rank
// arithmetic costs more than the cache misses it saves: 15% slower in the pipeline).

/** Rows of a table as (class << 8 | code + 128) entries; row r is entries[start[r]..start[r + 1]). */
export interface SparseTable {
  start: Int32Array;
  entries: Uint16Array;
}

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

/** Adds each of rows' weights, row by row in the order given, to scores[class]. */
export function addRows(table: SparseTable, book: Float64Array, rows: Int32Array, count: number, scores: Float64Array): void {
  const { start, entries } = table;
  for (let k = 0; k < count; k++) {
    const r = rows[k];
    const end = start[r + 1];
    for (let e = start[r]; e < end; e++) {
      const entry = entries[e];
      scores[entry >> 8] += book[entry & 0xff];
    }
  }
}
