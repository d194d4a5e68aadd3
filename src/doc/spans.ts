// Named span groups over a Doc's tokens (mentions, titles, names, entities), with the
// look-ups every stage asks of them: spans starting at, ending at, and covering a token.
// The indexes are built on first use and dropped when a span is added.

/** A token range: firstToken inclusive, lastToken exclusive. */
export interface TokenRange {
  firstToken: number;
  lastToken: number;
}

const NONE: readonly never[] = [];

export class SpanGroup<T extends TokenRange> {
  readonly items: T[] = [];
  private starts?: Map<number, T[]>;
  private ends?: Map<number, T[]>;
  private covers?: T[][];
  private bySentence?: Map<number, T[]>;
  private picked = new Map<string, Int32Array>();

  /** tokens: the Doc's token count, for the covering index. */
  constructor(readonly name: string, private readonly tokens: number, items: Iterable<T> = []) {
    for (const item of items) this.items.push(item);
  }

  add(span: T): void {
    this.items.push(span);
    this.invalidate();
  }

  addAll(spans: Iterable<T>): void {
    for (const span of spans) this.items.push(span);
    this.invalidate();
  }

  private invalidate(): void {
    this.starts = this.ends = this.covers = this.bySentence = undefined;
    if (this.picked.size > 0) this.picked.clear();
  }

  get length(): number {
    return this.items.length;
  }

  /** Spans whose first token is k, in the group's order. */
  startingAt(k: number): readonly T[] {
    this.starts ??= index(this.items, (s) => s.firstToken);
    return this.starts.get(k) ?? NONE;
  }

  /** Spans that end just before token k (lastToken === k), in the group's order. */
  endingAt(k: number): readonly T[] {
    this.ends ??= index(this.items, (s) => s.lastToken);
    return this.ends.get(k) ?? NONE;
  }

  /** Spans that hold token k, in the group's order. */
  covering(k: number): readonly T[] {
    if (!this.covers) {
      const covers: T[][] = Array.from({ length: this.tokens }, () => []);
      for (const s of this.items) for (let t = s.firstToken; t < s.lastToken; t++) covers[t]?.push(s);
      this.covers = covers;
    }
    return this.covers[k] ?? NONE;
  }

  /** Spans of sentence s (spans carrying a `sentence` field), in the group's order. */
  inSentence(s: number): readonly T[] {
    this.bySentence ??= index(this.items, (x) => (x as unknown as { sentence: number }).sentence);
    return this.bySentence.get(s) ?? NONE;
  }

  /**
   * Per token, the index (into items) of one covering span, or -1: the longest (the first of
   * equal length), the shortest (the first of equal length) or the last added. Cached.
   */
  coveringIndex(pick: "longest" | "shortest" | "last"): Int32Array {
    let at = this.picked.get(pick);
    if (at) return at;
    at = new Int32Array(this.tokens).fill(-1);
    const items = this.items;
    for (let index = 0; index < items.length; index++) {
      const s = items[index];
      const width = s.lastToken - s.firstToken;
      for (let k = s.firstToken; k < s.lastToken; k++) {
        const cur = at[k];
        if (cur < 0 || pick === "last") { at[k] = index; continue; }
        const curWidth = items[cur].lastToken - items[cur].firstToken;
        if (pick === "longest" ? curWidth < width : curWidth > width) at[k] = index;
      }
    }
    this.picked.set(pick, at);
    return at;
  }
}

function index<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item); else map.set(k, [item]);
  }
  return map;
}
