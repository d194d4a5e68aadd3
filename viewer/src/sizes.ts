// Node sizes on screen: from the smallest to the largest size the user picked, growing with
// the logarithm of the degree relative to the graph's biggest hub, so hubs are capped at the
// largest size instead of covering their cluster, and every other node keeps a readable dot.
import type { KnowledgeGraph } from "../../src/graph/index.js";

export interface SizeRange {
  min: number;
  max: number;
}

export const DEFAULT_SIZES: SizeRange = { min: 3, max: 16 };

export function sizeFor(degree: number, maxDegree: number, range: SizeRange): number {
  const max = Math.max(range.min, range.max);
  if (maxDegree <= 0) return range.min;
  const share = Math.log1p(Math.min(degree, maxDegree)) / Math.log1p(maxDegree);
  return Math.round((range.min + (max - range.min) * share) * 100) / 100;
}

/** Sets every node's `size` attribute (sigma reads it) from its degree. */
export function applySizes(graph: KnowledgeGraph, range: SizeRange = DEFAULT_SIZES): void {
  let maxDegree = 0;
  graph.forEachNode((node) => { maxDegree = Math.max(maxDegree, graph.degree(node)); });
  graph.updateEachNodeAttributes((node, attributes) => {
    attributes.size = sizeFor(graph.degree(node), maxDegree, range);
    return attributes;
  }, { attributes: ["size"] });
}
