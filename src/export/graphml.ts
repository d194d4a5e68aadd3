// graph.graphml: GraphML for networkx (read_graphml), yEd, Cytoscape and graphology-graphml.
// Every attribute is declared by a typed <key>; lists (aliases, documents, evidence) are JSON
// strings, as GraphML has no list type. Edge ids are the graph's edge keys, so parallel edges
// (A met B, A praised B) stay apart in readers that build multigraphs.
// Written piece by piece (one per node and per edge), since the whole text of a large graph may
// not fit in one string, with the bytes xmlbuilder2 (4.x, pretty-printed, well-formed) gave
// earlier versions: two-space indent, text-only elements on one line, empty ones self-closed.
// Text escapes & < > and carriage returns; attribute values also " and line feeds and tabs, as
// character references, so XML readers keep them instead of normalising them away. Characters
// XML 1.0 cannot hold at all become U+FFFD.
import type { KnowledgeGraph } from "../graph/index.js";
import {
  EDGE_ATTRIBUTE_ORDER, NODE_ATTRIBUTE_ORDER, attributeSchema, encodeValue,
  type AttributeColumn,
} from "./attribute-schema.js";
import { batched, joinChunks, sortedEdges, sortedNodes } from "./chunks.js";
import { xmlSafe } from "./xml.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const GRAPHML_SCHEMA = `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`;

interface KeyedColumn extends AttributeColumn {
  id: string;
}

export function toGraphml(graph: KnowledgeGraph): string {
  return joinChunks(graphmlChunks(graph));
}

/** graph.graphml as chunks of text. */
export function graphmlChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  return batched(graphmlPieces(graph));
}

function* graphmlPieces(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const nodeColumns = keyed("n", attributeSchema(nodes.map((n) => graph.getNodeAttributes(n)), NODE_ATTRIBUTE_ORDER));
  const edgeColumns = keyed("e", attributeSchema(edges.map((e) => graph.getEdgeAttributes(e)), EDGE_ATTRIBUTE_ORDER));

  let head = `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${GRAPHML_SCHEMA}">\n`;
  for (const [domain, columns] of [["node", nodeColumns], ["edge", edgeColumns]] as const) {
    for (const column of columns) {
      head += `  <key id="${column.id}" for="${domain}" attr.name="${attributeValue(column.name)}" ` +
        `attr.type="${column.type === "json" ? "string" : column.type}"/>\n`;
    }
  }
  const graphTag = '  <graph id="newsgraph" edgedefault="directed"';
  if (nodes.length === 0 && edges.length === 0) {
    yield `${head}${graphTag}/>\n</graphml>\n`;
    return;
  }
  yield `${head}${graphTag}>\n`;
  for (const node of nodes) {
    yield element(`node id="${attributeValue(node)}"`, "node", nodeColumns, graph.getNodeAttributes(node));
  }
  for (const edge of edges) {
    const [source, target] = graph.extremities(edge);
    yield element(`edge id="${attributeValue(edge)}" source="${attributeValue(source)}" target="${attributeValue(target)}"`,
      "edge", edgeColumns, graph.getEdgeAttributes(edge));
  }
  yield "  </graph>\n</graphml>\n";
}

/** A <node> or <edge> with one <data> line per attribute present; self-closed without any. */
function element(tag: string, name: string, columns: KeyedColumn[], attributes: object): string {
  const values = attributes as Record<string, unknown>;
  let data = "";
  for (const column of columns) {
    const text = encodeValue(values[column.name], column.type);
    if (text === undefined) continue;
    data += text === "" ? `      <data key="${column.id}"/>\n` : `      <data key="${column.id}">${textValue(text)}</data>\n`;
  }
  return data === "" ? `    <${tag}/>\n` : `    <${tag}>\n${data}    </${name}>\n`;
}

function keyed(prefix: string, columns: AttributeColumn[]): KeyedColumn[] {
  return columns.map((column, index) => ({ ...column, id: `${prefix}${index}` }));
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;",
};

/** Element text: & < > escaped, and carriage returns, which a parser would drop. */
function textValue(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char]!);
}

/** Attribute values: also quotes, and line breaks and tabs, which a parser would turn into spaces. */
function attributeValue(text: string): string {
  return xmlSafe(text).replace(/[&<>"\r\n\t]/g, (char) => TEXT_ESCAPES[char]!);
}
