// Name resolution for queries: user-typed names -> node keys, with close names
// suggested when nothing matches. The normalisation is the gold format's
// (shared/spec/gold-format.md): case, a leading "the", a trailing "'s",
// dots in abbreviations, accents and curly quotes do not matter; nor do hyphens.
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../model.js";

/** The form names are compared in: "The U.S.'s" and "us" are the same name. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .toLowerCase()
    .replace(/\./g, "")
    // Hyphens count as spaces: "Kim Jong-un" and "Kim Jong Un" are one name.
    .replace(/[-‐‑–]/g, " ")
    .replace(/^["'\s]+|["'\s]+$/g, "")
    .replace(/\s+/g, " ")
    .replace(/^the /, "")
    .replace(/'s$|s'$/, (match) => (match === "s'" ? "s" : ""));
}

// Two rows of the distance table, reused across calls: suggestions compare one name with
// every name in the graph, and allocating per comparison dominated the time.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, abandoning once it exceeds `limit` (the only distances we use are small). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMin = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, previousRow[j - 1]! + cost);
      currentRow[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[b.length]!;
}

type AnyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

interface NameForms {
  entries: NameEntry[];
  words: string[];
}

interface NameEntry {
  node: string;
  /** 0: the node key or label; 1: an alias. Labels win over aliases when ranking. */
  rank: 0 | 1;
}

/** Maps every normalised label, alias and key of a graph to its nodes. */
export class NameIndex {
  private readonly byName = new Map<string, NameForms>();

  constructor(private readonly graph: AnyGraph) {
    graph.forEachNode((node, attributes) => {
      this.add(node, node, 0);
      if (typeof attributes.label === "string") this.add(attributes.label, node, 0);
      for (const alias of Array.isArray(attributes.aliases) ? attributes.aliases : []) {
        if (typeof alias === "string") this.add(alias, node, 1);
      }
    });
  }

  private add(name: string, node: string, rank: 0 | 1): void {
    const key = normalizeName(name);
    if (!key) return;
    let forms = this.byName.get(key);
    if (!forms) {
      forms = { entries: [], words: wordsOf(key) };
      this.byName.set(key, forms);
    }
    const existing = forms.entries.find((entry) => entry.node === node);
    if (existing) existing.rank = Math.min(existing.rank, rank) as 0 | 1;
    else forms.entries.push({ node, rank });
  }

  /**
   * Node keys the name stands for, best first: an exact key, then label matches,
   * then alias matches; ties go to the node mentioned most, then to the key.
   */
  resolve(name: string): string[] {
    const entries = [...(this.byName.get(normalizeName(name))?.entries ?? [])];
    if (this.graph.hasNode(name) && !entries.some((entry) => entry.node === name)) {
      entries.push({ node: name, rank: 0 });
    }
    const exact = (node: string): number => (node === name ? 0 : 1);
    return entries
      .sort((a, b) =>
        exact(a.node) - exact(b.node) ||
        a.rank - b.rank ||
        this.mentions(b.node) - this.mentions(a.node) ||
        (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))
      .map((entry) => entry.node);
  }

  /**
   * Labels of entities whose names are close to `name`: a small edit distance, or
   * one name's words all found in the other ("Kim" ~ "Kim Jong Un"). At most `limit`.
   */
  suggest(name: string, limit = 5): string[] {
    const query = normalizeName(name);
    if (!query) return [];
    const maxDistance = Math.max(1, Math.floor(query.length / 3));
    const queryWords = wordsOf(query);
    const scored = new Map<string, number>();
    for (const [candidate, { entries, words }] of this.byName) {
      const distance = editDistance(query, candidate, maxDistance);
      let score = distance <= maxDistance ? distance : Infinity;
      if (score === Infinity && sharesWords(queryWords, words)) score = maxDistance + 1;
      if (score === Infinity) continue;
      for (const { node } of entries) {
        const best = scored.get(node);
        if (best === undefined || score < best) scored.set(node, score);
      }
    }
    return [...scored.entries()]
      .sort(([a, scoreA], [b, scoreB]) =>
        scoreA - scoreB || this.mentions(b) - this.mentions(a) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([node]) => this.label(node))
      .filter((label, index, labels) => labels.indexOf(label) === index)
      .slice(0, limit);
  }

  private mentions(node: string): number {
    const value = this.graph.getNodeAttribute(node, "mentions");
    return typeof value === "number" ? value : 0;
  }

  private label(node: string): string {
    const value = this.graph.getNodeAttribute(node, "label");
    return typeof value === "string" ? value : node;
  }
}

function wordsOf(name: string): string[] {
  return name.split(" ").map((word) => word.replace(/'s$/, ""));
}

/**
 * True when the query's words all occur in the name ("Korea" ~ "North Korea"), or the
 * name's words all occur in the query ("President Vladimir Putin" ~ "Vladimir Putin");
 * a one-word name inside a longer query ("UN" in "Kimm Jong Un") is too weak a hint.
 */
function sharesWords(query: string[], name: string[]): boolean {
  const within = (part: string[], whole: string[]): boolean =>
    part.every((word) => word.length > 1 && whole.includes(word));
  return within(query, name) || (name.length > 1 && within(name, query));
}
