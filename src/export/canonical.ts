// A copy of the graph with nodes and edges in key order, so an export depends only on the
// graph's content, never on the order documents were merged in.
import type { KnowledgeGraph } from "../graph/index.js";
import { createGraph, compare } from "../graph/index.js";

export function canonicalCopy(graph: KnowledgeGraph): KnowledgeGraph {
  const copy = createGraph();
  copy.replaceAttributes({ ...graph.getAttributes() });
  for (const key of [...graph.nodes()].sort(compare)) {
    copy.addNode(key, { ...graph.getNodeAttributes(key) });
  }
  for (const key of [...graph.edges()].sort(compare)) {
    copy.addDirectedEdgeWithKey(key, graph.source(key), graph.target(key), { ...graph.getEdgeAttributes(key) });
  }
  return copy;
}
