// nodes.csv and edges.csv: for spreadsheets, pandas and Neo4j's LOAD CSV. RFC 4180 through
// csv-stringify: a header row, CRLF between records, fields quoted when they hold a comma,
// quote or line break, quotes doubled. Lists (aliases, documents) and the full evidence
// records are JSON in their cell; `evidence_text` has the supporting sentences, one per
// line, for people reading the sheet. Each file is a sequence of chunks (rows stringified a
// batch at a time, which gives the same bytes as one call), so a large graph fits.
import { stringify } from "csv-stringify/sync";
import type { KnowledgeGraph } from "../graph/index.js";
import type { Evidence } from "../model.js";
import {
  EDGE_ATTRIBUTE_ORDER, NODE_ATTRIBUTE_ORDER, attributeSchema, encodeValue,
  type AttributeColumn,
} from "./attribute-schema.js";
import { batched, joinChunks, sortedEdges, sortedNodes } from "./chunks.js";

export interface CsvFiles {
  "nodes.csv": string;
  "edges.csv": string;
}

export function toCsv(graph: KnowledgeGraph): CsvFiles {
  const files = csvChunks(graph);
  return { "nodes.csv": joinChunks(files["nodes.csv"]), "edges.csv": joinChunks(files["edges.csv"]) };
}

/** nodes.csv and edges.csv as chunks of text. */
export function csvChunks(graph: KnowledgeGraph): Record<keyof CsvFiles, Generator<string, void, undefined>> {
  return { "nodes.csv": nodesCsv(graph), "edges.csv": edgesCsv(graph) };
}

function* nodesCsv(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  const columns = attributeSchema(nodes.map((n) => graph.getNodeAttributes(n)), NODE_ATTRIBUTE_ORDER);
  function* rows(): Generator<string[], void, undefined> {
    for (const node of nodes) yield [node, ...cells(columns, graph.getNodeAttributes(node))];
  }
  yield* table(["id", ...columns.map((c) => c.name)], rows());
}

function* edgesCsv(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const edges = sortedEdges(graph);
  const columns = attributeSchema(edges.map((e) => graph.getEdgeAttributes(e)), EDGE_ATTRIBUTE_ORDER)
    .filter((column) => column.name !== "evidence");
  function* rows(): Generator<string[], void, undefined> {
    for (const edge of edges) {
      const attributes = graph.getEdgeAttributes(edge);
      const evidence: Evidence[] = Array.isArray(attributes.evidence) ? attributes.evidence : [];
      yield [
        edge, graph.source(edge), graph.target(edge), ...cells(columns, attributes),
        evidence.map((item) => item.text).join("\n"),
        JSON.stringify(evidence),
      ];
    }
  }
  yield* table(["id", "source", "target", ...columns.map((c) => c.name), "evidence_text", "evidence"], rows());
}

function cells(columns: AttributeColumn[], attributes: object): string[] {
  const values = attributes as Record<string, unknown>;
  return columns.map((column) => encodeValue(values[column.name], column.type) ?? "");
}

/** Rows through csv-stringify, a batch at a time: each record ends with its own delimiter. */
function table(header: string[], rows: Iterable<string[]>): Generator<string, void, undefined> {
  return batched(rowBatches(header, rows));
}

function* rowBatches(header: string[], rows: Iterable<string[]>): Generator<string, void, undefined> {
  const options = { record_delimiter: "\r\n", quoted_match: /^\s|\s$/ };
  let batch = [header];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 256) {
      yield stringify(batch, options);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, options);
}
