// Which documents a build keeps, and which it must extract. Pure: the same function decides
// a full build (nothing stored yet) and an update (documents stored by the last build), so an
// update ends with the same set of documents as a full build of everything.
//
// Rules: a document is named by its id and identified by the hash of its text.
//   - An input with the id and hash of a stored document is unchanged: nothing to do.
//   - An input with a stored id but another hash replaces the stored document.
//   - Several documents with the same text count once, under the smallest id.

/** A document as the plan sees it. */
export interface Entry {
  id: string;
  hash: string;
}

export interface Plan<T extends Entry> {
  /** Every document of the result, in id order; `stored` ones come from the last build. */
  keep: ({ stored: true; entry: Entry } | { stored: false; entry: T })[];
  /** Inputs to extract, in id order. */
  extract: T[];
  /** Inputs already stored with the same text. */
  unchanged: T[];
  /** Ids of stored documents whose text the inputs change. */
  replaced: string[];
  /** Documents left out because the same text is kept under another (smaller) id. */
  duplicates: { entry: Entry; stored: boolean; sameAs: string }[];
}

/** Plans a build: `stored` from the last build (empty for a full build), `inputs` with unique ids. */
export function plan<T extends Entry>(stored: readonly Entry[], inputs: readonly T[]): Plan<T> {
  type Slot = { stored: true; entry: Entry } | { stored: false; entry: T };
  const byId = new Map<string, Slot>();
  for (const entry of stored) byId.set(entry.id, { stored: true, entry });
  const unchanged: T[] = [];
  const replaced: string[] = [];
  for (const input of inputs) {
    const existing = byId.get(input.id);
    if (existing?.stored && existing.entry.hash === input.hash) {
      unchanged.push(input);
      continue;
    }
    if (existing?.stored) replaced.push(input.id);
    byId.set(input.id, { stored: false, entry: input });
  }
  const slots = [...byId.values()].sort((a, b) => compare(a.entry.id, b.entry.id));
  const keptByHash = new Map<string, string>();
  const keep: Slot[] = [];
  const duplicates: Plan<T>["duplicates"] = [];
  for (const slot of slots) {
    const sameAs = keptByHash.get(slot.entry.hash);
    if (sameAs !== undefined) {
      duplicates.push({ entry: slot.entry, stored: slot.stored, sameAs });
      continue;
    }
    keptByHash.set(slot.entry.hash, slot.entry.id);
    keep.push(slot);
  }
  const extract = keep.flatMap((slot) => (slot.stored ? [] : [slot.entry]));
  return { keep, extract, unchanged, replaced: replaced.sort(compare), duplicates };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
