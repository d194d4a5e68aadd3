// Filters as a value: what is hidden, and a pure function from (graph, filters) to the
// hidden nodes and edges plus the counts the filter panel shows.
//
// Three levels, applied in order: evidence (date range, undated, sources) decides how many
// of an edge's sentences count; edges (kinds of their ends, relation, polarity, modality,
// confidence, at least one counted sentence and `minEvidence` of them); nodes (kind, then
// the structure filters on the edges left: minimum degree, isolated, neighbourhood).
import type { KnowledgeGraph } from "../../src/graph/index.js";
import type { EdgeAttributes, Evidence, NodeAttributes } from "../../src/model.js";

export interface Focus {
  node: string;
  /** 1 or 2: the node, its neighbours and (2) theirs. */
  hops: number;
}

export interface Filters {
  /** Entity kinds whose nodes are hidden. */
  hiddenKinds: ReadonlySet<string>;
  /** Relation types whose edges are hidden. */
  hiddenRelations: ReadonlySet<string>;
  hiddenPolarities: ReadonlySet<string>;
  /** Modalities whose edges are hidden; an edge without modality counts as "asserted". */
  hiddenModalities: ReadonlySet<string>;
  /** Edges below this confidence are hidden (0..1). */
  minConfidence: number;
  /** First and last day shown (YYYY-MM-DD, inclusive); undefined: open. */
  dateFrom?: string;
  dateTo?: string;
  /** Evidence without a date does not count (by default it does, whatever the range). */
  hideUndated: boolean;
  /** Sources (outlets) whose evidence does not count; "" stands for evidence without a source. */
  hiddenSources: ReadonlySet<string>;
  /** Edges with fewer counted sentences are hidden (1: every edge with one). */
  minEvidence: number;
  /** Nodes with fewer shown relations are hidden (0: none). */
  minDegree: number;
  /** Nodes left without a shown relation are hidden. */
  hideIsolated: boolean;
  /** Only this node's neighbourhood is shown. */
  focus?: Focus;
}

export const NO_FILTERS: Filters = {
  hiddenKinds: new Set(),
  hiddenRelations: new Set(),
  hiddenPolarities: new Set(),
  hiddenModalities: new Set(),
  minConfidence: 0,
  hideUndated: false,
  hiddenSources: new Set(),
  minEvidence: 1,
  minDegree: 0,
  hideIsolated: false,
};

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  visibleNodes: number;
  visibleEdges: number;
  /** Visible items per value, e.g. nodesByKind.PERSON, edgesByRelation.MEET. */
  nodesByKind: Map<string, number>;
  edgesByRelation: Map<string, number>;
  edgesByPolarity: Map<string, number>;
  edgesByModality: Map<string, number>;
  /** Sentences of shown edges per source ("" for none). */
  evidenceBySource: Map<string, number>;
}

/** The day of an evidence item (YYYY-MM-DD), or undefined when it has no readable date. */
export function dayOf(evidence: Evidence): string | undefined {
  const date = evidence.date;
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  return date.slice(0, 10);
}

export function sourceOf(evidence: Evidence): string {
  return evidence.source ?? "";
}

export function modalityOf(attributes: EdgeAttributes): string {
  return attributes.modality ?? "asserted";
}

export function nodePasses(attributes: NodeAttributes, filters: Filters): boolean {
  return !filters.hiddenKinds.has(attributes.kind);
}

/** Whether any evidence-level filter is set (else every sentence counts). */
export function filtersEvidence(filters: Filters): boolean {
  return filters.dateFrom !== undefined || filters.dateTo !== undefined || filters.hideUndated
    || filters.hiddenSources.size > 0;
}

export function evidencePasses(evidence: Evidence, filters: Filters): boolean {
  if (filters.hiddenSources.size > 0 && filters.hiddenSources.has(sourceOf(evidence))) return false;
  const day = dayOf(evidence);
  if (day === undefined) return !filters.hideUndated;
  if (filters.dateFrom !== undefined && day < filters.dateFrom) return false;
  if (filters.dateTo !== undefined && day > filters.dateTo) return false;
  return true;
}

/** The sentences of an edge that the filters keep. */
export function shownEvidence(attributes: EdgeAttributes, filters: Filters): Evidence[] {
  if (!filtersEvidence(filters)) return attributes.evidence;
  return attributes.evidence.filter((e) => evidencePasses(e, filters));
}

/** Counted sentences of an edge: its weight when no evidence filter is set. */
function evidenceCount(attributes: EdgeAttributes, filters: Filters): number {
  if (!filtersEvidence(filters)) return Math.max(attributes.evidence.length, attributes.weight ?? 0, 1);
  let count = 0;
  for (const evidence of attributes.evidence) if (evidencePasses(evidence, filters)) count++;
  return count;
}

export function edgePasses(attributes: EdgeAttributes, filters: Filters): boolean {
  if (filters.hiddenRelations.has(attributes.relation)
    || filters.hiddenPolarities.has(attributes.polarity)
    || filters.hiddenModalities.has(modalityOf(attributes))
    || attributes.confidence < filters.minConfidence) return false;
  const count = evidenceCount(attributes, filters);
  return count >= 1 && count >= filters.minEvidence;
}

export function computeVisibility(graph: KnowledgeGraph, filters: Filters): Visibility {
  const visibility: Visibility = {
    hiddenNodes: new Set(), hiddenEdges: new Set(), visibleNodes: 0, visibleEdges: 0,
    nodesByKind: new Map(), edgesByRelation: new Map(), edgesByPolarity: new Map(), edgesByModality: new Map(),
    evidenceBySource: new Map(),
  };
  const { hiddenNodes, hiddenEdges } = visibility;
  graph.forEachNode((node, attributes) => {
    if (!nodePasses(attributes, filters)) hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (hiddenNodes.has(source) || hiddenNodes.has(target) || !edgePasses(attributes, filters)) hiddenEdges.add(edge);
  });

  // Structure: degree over the edges left, in one pass (not a k-core).
  const structural = filters.minDegree > 0 || filters.hideIsolated;
  if (structural) {
    const least = Math.max(filters.minDegree, filters.hideIsolated ? 1 : 0);
    graph.forEachNode((node) => {
      if (hiddenNodes.has(node)) return;
      let degree = 0;
      graph.forEachEdge(node, (edge) => { if (!hiddenEdges.has(edge)) degree++; });
      if (degree < least) hiddenNodes.add(node);
    });
  }
  if (filters.focus && graph.hasNode(filters.focus.node)) {
    const near = neighbourhood(graph, filters.focus.node, filters.focus.hops, hiddenNodes, hiddenEdges);
    graph.forEachNode((node) => { if (!near.has(node)) hiddenNodes.add(node); });
  }
  if (structural || filters.focus) {
    graph.forEachEdge((edge, _attributes, source, target) => {
      if (hiddenNodes.has(source) || hiddenNodes.has(target)) hiddenEdges.add(edge);
    });
  }

  graph.forEachNode((node, attributes) => {
    if (hiddenNodes.has(node)) return;
    visibility.visibleNodes++;
    increment(visibility.nodesByKind, attributes.kind);
  });
  const evidenceFiltered = filtersEvidence(filters);
  graph.forEachEdge((edge, attributes) => {
    if (hiddenEdges.has(edge)) return;
    visibility.visibleEdges++;
    increment(visibility.edgesByRelation, attributes.relation);
    increment(visibility.edgesByPolarity, attributes.polarity);
    increment(visibility.edgesByModality, modalityOf(attributes));
    for (const evidence of attributes.evidence) {
      if (!evidenceFiltered || evidencePasses(evidence, filters)) increment(visibility.evidenceBySource, sourceOf(evidence));
    }
  });
  return visibility;
}

/** Nodes within `hops` of `start` over edges not hidden (the start itself included). */
export function neighbourhood(
  graph: KnowledgeGraph, start: string, hops: number,
  hiddenNodes: ReadonlySet<string> = new Set(), hiddenEdges: ReadonlySet<string> = new Set(),
): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 0; depth < hops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _attributes, source, target) => {
        if (hiddenEdges.has(edge)) return;
        const other = source === node ? target : source;
        if (seen.has(other) || hiddenNodes.has(other)) return;
        seen.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  return seen;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function toggled<T>(set: ReadonlySet<T>, value: T, hidden: boolean): Set<T> {
  const next = new Set(set);
  if (hidden) next.add(value);
  else next.delete(value);
  return next;
}

/** Evidence dates bucketed for the timeline: by day for short spans, else by month. */
export interface Timeline {
  /** Bucket starts (YYYY-MM-DD), in order, every bucket between the first and last date. */
  buckets: string[];
  /** Last day of each bucket. */
  ends: string[];
  counts: number[];
  undated: number;
  unit: "day" | "month";
}

const DAY_MS = 86_400_000;
/** Spans up to this many days get one bar per day. */
const MAX_DAY_BUCKETS = 120;

export function buildTimeline(graph: KnowledgeGraph): Timeline {
  const days = new Map<string, number>();
  let undated = 0;
  graph.forEachEdge((_edge, attributes) => {
    for (const evidence of attributes.evidence) {
      const day = dayOf(evidence);
      if (day === undefined) undated++;
      else days.set(day, (days.get(day) ?? 0) + 1);
    }
  });
  if (days.size === 0) return { buckets: [], ends: [], counts: [], undated, unit: "day" };
  const sorted = [...days.keys()].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const unit = (last - first) / DAY_MS + 1 <= MAX_DAY_BUCKETS ? "day" : "month";
  const buckets: string[] = [];
  const ends: string[] = [];
  if (unit === "day") {
    for (let t = first; t <= last; t += DAY_MS) {
      const day = new Date(t).toISOString().slice(0, 10);
      buckets.push(day);
      ends.push(day);
    }
  } else {
    const start = new Date(first);
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= last; m === 11 ? (y++, m = 0) : m++) {
      buckets.push(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10));
      ends.push(new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10));
    }
  }
  const counts = buckets.map(() => 0);
  for (const [day, count] of days) {
    const index = unit === "day" ? buckets.indexOf(day) : buckets.indexOf(`${day.slice(0, 7)}-01`);
    if (index >= 0) counts[index] += count;
  }
  return { buckets, ends, counts, undated, unit };
}
