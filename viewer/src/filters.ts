// Filters as a value: what is hidden, and a pure function from (graph, filters) to the
// hidden nodes and edges plus the counts the filter panel shows.
import type { KnowledgeGraph } from "../../src/graph/index.js";
import type { EdgeAttributes, NodeAttributes } from "../../src/model.js";

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
}

export const NO_FILTERS: Filters = {
  hiddenKinds: new Set(),
  hiddenRelations: new Set(),
  hiddenPolarities: new Set(),
  hiddenModalities: new Set(),
  minConfidence: 0,
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
}

export function modalityOf(attributes: EdgeAttributes): string {
  return attributes.modality ?? "asserted";
}

export function nodePasses(attributes: NodeAttributes, filters: Filters): boolean {
  return !filters.hiddenKinds.has(attributes.kind);
}

export function edgePasses(attributes: EdgeAttributes, filters: Filters): boolean {
  return !filters.hiddenRelations.has(attributes.relation)
    && !filters.hiddenPolarities.has(attributes.polarity)
    && !filters.hiddenModalities.has(modalityOf(attributes))
    && attributes.confidence >= filters.minConfidence;
}

export function computeVisibility(graph: KnowledgeGraph, filters: Filters): Visibility {
  const visibility: Visibility = {
    hiddenNodes: new Set(), hiddenEdges: new Set(), visibleNodes: 0, visibleEdges: 0,
    nodesByKind: new Map(), edgesByRelation: new Map(), edgesByPolarity: new Map(), edgesByModality: new Map(),
  };
  graph.forEachNode((node, attributes) => {
    if (!nodePasses(attributes, filters)) {
      visibility.hiddenNodes.add(node);
      return;
    }
    visibility.visibleNodes++;
    increment(visibility.nodesByKind, attributes.kind);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    const endpointsShown = !visibility.hiddenNodes.has(source) && !visibility.hiddenNodes.has(target);
    if (!endpointsShown || !edgePasses(attributes, filters)) {
      visibility.hiddenEdges.add(edge);
      return;
    }
    visibility.visibleEdges++;
    increment(visibility.edgesByRelation, attributes.relation);
    increment(visibility.edgesByPolarity, attributes.polarity);
    increment(visibility.edgesByModality, modalityOf(attributes));
  });
  return visibility;
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
