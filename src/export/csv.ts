// nodes.csv and edges.csv: for spreadsheets, pandas and Neo4j's LOAD CSV. RFC 4180 through
// csv-stringify: a header row, CRLF between records, fields quoted when they hold a comma,
// quote or line break, quotes doubled. Lists (aliases, documents) and the full evidence
// records are JSON in their cell; `evidence_text` has the supporting sentences, one per
// line, for people reading the sheet.
import { stringify } from "csv-stringify/sync";
import type { KnowledgeGraph } from "../graph/index.js";
import type { Evidence } from "../model.js";
import {
  EDGE_ATTRIBUTE_ORDER, NODE_ATTRIBUTE_ORDER, attributeSchema, encodeValue,
  type AttributeColumn,
} from "./attribute-schema.js";
import { canonicalCopy } from "./canonical.js";

export interface CsvFiles {
  "nodes.csv": string;
  "edges.csv": string;
}

export function toCsv(graph: KnowledgeGraph): CsvFiles {
  const copy = canonicalCopy(graph);
  const nodeColumns = attributeSchema(copy.nodes().map((n) => copy.getNodeAttributes(n)), NODE_ATTRIBUTE_ORDER);
  const edgeColumns = attributeSchema(copy.edges().map((e) => copy.getEdgeAttributes(e)), EDGE_ATTRIBUTE_ORDER)
    .filter((column) => column.name !== "evidence");

  const nodeRows = copy.mapNodes((node, attributes) => [node, ...cells(nodeColumns, attributes)]);
  const edgeRows = copy.mapEdges((edge, attributes, source, target) => {
    const evidence: Evidence[] = Array.isArray(attributes.evidence) ? attributes.evidence : [];
    return [
      edge, source, target, ...cells(edgeColumns, attributes),
      evidence.map((item) => item.text).join("\n"),
      JSON.stringify(evidence),
    ];
  });
  return {
    "nodes.csv": table(["id", ...nodeColumns.map((c) => c.name)], nodeRows),
    "edges.csv": table(
      ["id", "source", "target", ...edgeColumns.map((c) => c.name), "evidence_text", "evidence"], edgeRows),
  };
}

function cells(columns: AttributeColumn[], attributes: object): string[] {
  const values = attributes as Record<string, unknown>;
  return columns.map((column) => encodeValue(values[column.name], column.type) ?? "");
}

function table(header: string[], rows: string[][]): string {
  return stringify([header, ...rows], { record_delimiter: "\r\n", quoted_match: /^\s|\s$/ });
}
