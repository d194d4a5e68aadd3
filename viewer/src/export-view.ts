// "Export view": the nodes and relations on screen now (every filter applied; each relation
// with only the sentences the date and source filters keep) as graph.json or GEXF, written
// by the same code as `newsgraph build` (src/export); and one actor's relations with their
// evidence as CSV, one row per sentence.
// The browser build (the default one expects Node's Buffer).
import { stringify } from "csv-stringify/browser/esm/sync";
import { createGraph, type KnowledgeGraph } from "../../src/graph/index.js";
import { toGexf } from "../../src/export/gexf.js";
import { toJson } from "../../src/export/json.js";
import { modalityOf, shownEvidence, type Filters, type Visibility } from "./filters.js";

/** A copy of the shown part of the graph. */
export function viewGraph(graph: KnowledgeGraph, visibility: Visibility, filters: Filters): KnowledgeGraph {
  const view = createGraph();
  graph.forEachNode((node, attributes) => {
    if (!visibility.hiddenNodes.has(node)) view.addNode(node, { ...attributes });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (visibility.hiddenEdges.has(edge) || !view.hasNode(source) || !view.hasNode(target)) return;
    const evidence = shownEvidence(attributes, filters);
    const copy = { ...attributes, evidence: [...evidence] };
    if (evidence.length !== attributes.evidence.length) copy.weight = evidence.length;
    view.addDirectedEdgeWithKey(edge, source, target, copy);
  });
  return view;
}

export function viewAsJson(graph: KnowledgeGraph, visibility: Visibility, filters: Filters): string {
  return toJson(viewGraph(graph, visibility, filters));
}

export function viewAsGexf(graph: KnowledgeGraph, visibility: Visibility, filters: Filters): string {
  return toGexf(viewGraph(graph, visibility, filters));
}

export const RELATION_CSV_COLUMNS = [
  "source", "source_label", "relation", "label", "target", "target_label", "polarity", "confidence", "modality",
  "document", "sentence", "date", "outlet", "text",
] as const;

/**
 * The node's relations shown now, one row per sentence kept (a relation
 * without one gets one row with empty evidence cells). `sentence` is 0-based.
 */
export function nodeRelationsCsv(graph: KnowledgeGraph, node: string, filters: Filters, visibility: Visibility): string {
  const rows: string[][] = [[...RELATION_CSV_COLUMNS]];
  const label = (n: string): string => graph.getNodeAttribute(n, "label");
  for (const edge of graph.edges(node)) {
    const attributes = graph.getEdgeAttributes(edge);
    if (visibility.hiddenEdges.has(edge)) continue;
    const source = graph.source(edge);
    const target = graph.target(edge);
    const common = [source, label(source), attributes.relation, attributes.label, target, label(target),
      attributes.polarity, attributes.confidence.toFixed(2), modalityOf(attributes)];
    const evidence = shownEvidence(attributes, filters);
    if (evidence.length === 0) rows.push([...common, "", "", "", "", ""]);
    for (const item of evidence) {
      rows.push([...common, item.document, String(item.sentence), item.date ?? "", item.source ?? "", item.text]);
    }
  }
  return stringify(rows, { record_delimiter: "windows" });
}
