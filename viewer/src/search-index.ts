// Search over node names and aliases: a pure index and ranking, no DOM.
import type { KnowledgeGraph } from "../../src/graph/index.js";

export interface SearchEntry {
  node: string;
  label: string;
  /** The name or alias this entry matches on. */
  text: string;
  normalized: string;
  isAlias: boolean;
  degree: number;
}

export interface SearchHit {
  node: string;
  label: string;
  /** Set when the hit came from an alias rather than the node's name. */
  alias?: string;
}

/** Case, accents, curly quotes, a leading "the" and a trailing "'s" do not matter. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/'s$/, "");
}

export function buildSearchIndex(graph: KnowledgeGraph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  graph.forEachNode((node, attributes) => {
    const degree = graph.degree(node);
    const names = [attributes.label, ...attributes.aliases];
    const seen = new Set<string>();
    names.forEach((text, index) => {
      const normalized = normalizeName(text);
      if (!normalized || seen.has(normalized)) return;
      seen.add(normalized);
      entries.push({ node, label: attributes.label, text, normalized, isAlias: index > 0, degree });
    });
  });
  return entries;
}

/** Best match per node: exact, then prefix, then word prefix, then substring; ties by degree. */
export function searchNodes(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const best = new Map<string, { entry: SearchEntry; rank: number }>();
  for (const entry of index) {
    const rank = matchRank(entry.normalized, q);
    if (rank < 0) continue;
    const current = best.get(entry.node);
    const better = !current || rank < current.rank || (rank === current.rank && current.entry.isAlias && !entry.isAlias);
    if (better) best.set(entry.node, { entry, rank });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || b.entry.degree - a.entry.degree
      || (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0))
    .slice(0, limit)
    .map(({ entry }) => (entry.isAlias
      ? { node: entry.node, label: entry.label, alias: entry.text }
      : { node: entry.node, label: entry.label }));
}

function matchRank(text: string, query: string): number {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  if (text.includes(` ${query}`) || text.includes(`-${query}`)) return 2;
  if (text.includes(query)) return 3;
  return -1;
}
