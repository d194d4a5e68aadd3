// graph.graphml: GraphML for networkx (read_graphml), yEd, Cytoscape and graphology-graphml.
// Built with xmlbuilder2 (its self-contained bundle, which browsers can load too), never by
// string concatenation. Every attribute is declared by a typed <key>; lists (aliases,
// documents, evidence) are JSON strings, as GraphML has no list type. Edge ids are the
// graph's edge keys, so parallel edges (A met B, A praised B) stay apart in readers that
// build multigraphs.
import xmlbuilder2 from "xmlbuilder2/lib/xmlbuilder2.min.js";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { KnowledgeGraph } from "../graph/index.js";
import {
  EDGE_ATTRIBUTE_ORDER, NODE_ATTRIBUTE_ORDER, attributeSchema, encodeValue,
  type AttributeColumn,
} from "./attribute-schema.js";
import { canonicalCopy } from "./canonical.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const GRAPHML_SCHEMA = `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`;

interface KeyedColumn extends AttributeColumn {
  id: string;
}

export function toGraphml(graph: KnowledgeGraph): string {
  const copy = canonicalCopy(graph);
  const nodeColumns = keyed("n", attributeSchema(copy.nodes().map((n) => copy.getNodeAttributes(n)), NODE_ATTRIBUTE_ORDER));
  const edgeColumns = keyed("e", attributeSchema(copy.edges().map((e) => copy.getEdgeAttributes(e)), EDGE_ATTRIBUTE_ORDER));

  const root = xmlbuilder2.create({ version: "1.0", encoding: "UTF-8" })
    .ele(GRAPHML_NS, "graphml", { "xmlns:xsi": XSI_NS })
    .att(XSI_NS, "xsi:schemaLocation", GRAPHML_SCHEMA);
  for (const [domain, columns] of [["node", nodeColumns], ["edge", edgeColumns]] as const) {
    for (const column of columns) {
      root.ele("key", {
        id: column.id,
        for: domain,
        "attr.name": attributeValue(column.name),
        "attr.type": column.type === "json" ? "string" : column.type,
      });
    }
  }
  const body = root.ele("graph", { id: "newsgraph", edgedefault: "directed" });
  copy.forEachNode((node, attributes) => {
    addData(body.ele("node", { id: attributeValue(node) }), nodeColumns, attributes);
  });
  copy.forEachEdge((edge, attributes, source, target) => {
    const element = body.ele("edge", {
      id: attributeValue(edge), source: attributeValue(source), target: attributeValue(target),
    });
    addData(element, edgeColumns, attributes);
  });
  return root.end({ prettyPrint: true, wellFormed: true }) + "\n";
}

function keyed(prefix: string, columns: AttributeColumn[]): KeyedColumn[] {
  return columns.map((column, index) => ({ ...column, id: `${prefix}${index}` }));
}

function addData(element: XMLBuilder, columns: KeyedColumn[], attributes: object): void {
  const values = attributes as Record<string, unknown>;
  for (const column of columns) {
    const text = encodeValue(values[column.name], column.type);
    if (text !== undefined) element.ele("data", { key: column.id }).txt(textValue(text));
  }
}

// xmlbuilder2 leaves text that already looks like an entity ("&amp;", "&#13;") unescaped and
// passes CR, LF and TAB through raw, which XML readers then normalise away. So "&" is
// escaped here (the builder keeps "&amp;" as is) and the characters a parser would
// normalise are written as character references, which it keeps.
function textValue(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/\r/g, "&#13;");
}

function attributeValue(text: string): string {
  return textValue(text).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** XML 1.0 cannot carry most control characters, even escaped; they become U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
