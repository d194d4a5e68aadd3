// graph.gexf: GEXF 1.3 for Gephi and networkx, made to validate against the official schema
// (`jing -c gexf.rnc`) and to load in networkx:
// - no `xsi:schemaLocation` on the root (the 1.3 schema does not allow it);
// - viz colours as r/g/b attributes (networkx's reader fails on `hex`);
// - list values (aliases, documents, evidence) as one JSON string each, because GEXF list
//   values are split on commas and evidence sentences are full of them;
// - the edge's `kind` is its relation, so Gephi keeps parallel edges (A met B, A praised B)
//   apart; the data attribute `relation` carries it too.
// Written here piece by piece (one per node and per edge), since the whole text of a large
// graph may not fit in one string. The bytes are those graphology-gexf's writer (0.13, with
// xml-writer) gave for the same graph, which earlier versions used: the same attribute model
// (types inferred from the values, attributes in order of first appearance), layout (two-space
// indent, empty elements self-closed) and escaping (text: & < >; attribute values: & < " and
// tab, line feed, carriage return as character references). Unlike that writer, characters
// XML 1.0 cannot carry become U+FFFD and an unreadable colour is left out, so the file is
// always valid.
import type { KnowledgeGraph } from "../graph/index.js";
import type { EdgeAttributes, NodeAttributes } from "../model.js";
import { batched, joinChunks, sortedEdges, sortedNodes } from "./chunks.js";
import { xmlSafe } from "./xml.js";

export function toGexf(graph: KnowledgeGraph): string {
  return joinChunks(gexfChunks(graph));
}

/** graph.gexf as chunks of text. */
export function gexfChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  return batched(gexfPieces(graph));
}

/** One GEXF attribute (`<attvalue for=…>`) and how to read it from a node's or edge's attributes. */
interface Field<A> {
  name: string;
  read: (attributes: A) => unknown;
  /** Written as JSON text (lists and records). */
  json?: boolean;
}

const NODE_FIELDS: Field<NodeAttributes>[] = [
  { name: "kind", read: (a) => a.kind },
  { name: "aliases", read: (a) => a.aliases, json: true },
  { name: "mentions", read: (a) => a.mentions },
  { name: "documents", read: (a) => a.documents, json: true },
];

const EDGE_FIELDS: Field<EdgeAttributes>[] = [
  { name: "relation", read: (a) => a.relation },
  { name: "polarity", read: (a) => a.polarity },
  { name: "cameo", read: (a) => a.cameo },
  { name: "confidence", read: (a) => a.confidence },
  { name: "evidence", read: (a) => a.evidence, json: true },
  { name: "modality", read: (a) => a.modality },
  { name: "attributedTo", read: (a) => a.attributedTo },
  { name: "role", read: (a) => a.role },
];

type GexfType = "string" | "double" | "integer" | "boolean";
/** The declared type of an attribute is the widest of its values' (string widest). */
const TYPE_RANK: Record<GexfType, number> = { string: 0, double: 1, integer: 2, boolean: 3 };
type Model<A> = { field: Field<A>; type: GexfType }[];

function* gexfPieces(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const nodeModel = inferModel(nodes.map((node) => graph.getNodeAttributes(node)), NODE_FIELDS);
  const edgeModel = inferModel(edges.map((edge) => graph.getEdgeAttributes(edge)), EDGE_FIELDS);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    "  <meta>\n" +
    "    <creator>newsgraph</creator>\n" +
    "    <description>Actors and relations extracted from news articles</description>\n" +
    "  </meta>\n" +
    '  <graph defaultedgetype="directed">' +
    modelXml(nodeModel, "node") + modelXml(edgeModel, "edge");

  if (nodes.length === 0) yield "\n    <nodes/>";
  else {
    yield "\n    <nodes>";
    for (const node of nodes) {
      const attributes = graph.getNodeAttributes(node);
      const viz = [colorXml(attributes.color)];
      if (attributes.size !== undefined) viz.push(`\n        <viz:size${attribute("value", attributes.size)}/>`);
      if (attributes.x !== undefined) {
        viz.push(`\n        <viz:position${attribute("x", attributes.x)}${attribute("y", attributes.y ?? 0)}/>`);
      }
      yield element("node", attribute("id", node) + labelAttribute(attributes.label),
        attvaluesXml(nodeModel, attributes) + viz.join(""));
    }
    yield "\n    </nodes>";
  }

  if (edges.length === 0) yield "\n    <edges/>";
  else {
    yield "\n    <edges>";
    for (const edge of edges) {
      const [source, target] = graph.extremities(edge);
      const attributes = graph.getEdgeAttributes(edge);
      const weight: unknown = attributes.weight;
      const tag = attribute("id", edge) + attribute("source", source) + attribute("target", target) +
        ((typeof weight === "number" && !Number.isNaN(weight)) || typeof weight === "string" ? attribute("weight", weight) : "") +
        (attributes.relation ? attribute("kind", attributes.relation) : "") + labelAttribute(attributes.label);
      const thickness = attributes.size !== undefined ? `\n        <viz:thickness${attribute("value", attributes.size)}/>` : "";
      yield element("edge", tag, attvaluesXml(edgeModel, attributes) + colorXml(attributes.color) + thickness);
    }
    yield "\n    </edges>";
  }
  yield "\n  </graph>\n</gexf>\n";
}

/** `<node …>children</node>`, or `<node …/>` without children, at the depth of nodes and edges. */
function element(name: string, attributes: string, children: string): string {
  return children === "" ? `\n      <${name}${attributes}/>` : `\n      <${name}${attributes}>${children}\n      </${name}>`;
}

function inferModel<A>(items: A[], fields: Field<A>[]): Model<A> {
  const types = new Map<Field<A>, GexfType>();
  for (const attributes of items) {
    for (const field of fields) {
      const type = valueType(field.read(attributes), field.json);
      if (type === undefined) continue;
      const current = types.get(field);
      if (current === undefined || TYPE_RANK[type] < TYPE_RANK[current]) types.set(field, type);
    }
  }
  return [...types].map(([field, type]) => ({ field, type }));
}

/**
 * A value's GEXF type; undefined for what the file leaves out (absent, null, "", NaN, and
 * for JSON what JSON.stringify gives no text for), decided without stringifying.
 */
function valueType(value: unknown, json = false): GexfType | undefined {
  if (json) return value === undefined || typeof value === "function" || typeof value === "symbol" ? undefined : "string";
  if (value === undefined || value === null || value === "" || Number.isNaN(value)) return undefined;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return value === (value | 0) ? "integer" : "double";
  return "string";
}

function modelXml<A>(model: Model<A>, domain: "node" | "edge"): string {
  if (model.length === 0) return "";
  const declarations = model.map(({ field, type }) =>
    `\n      <attribute${attribute("id", field.name)}${attribute("title", field.name)}${attribute("type", type)}/>`);
  return `\n    <attributes class="${domain}">${declarations.join("")}\n    </attributes>`;
}

function attvaluesXml<A>(model: Model<A>, attributes: A): string {
  if (model.length === 0) return "";
  let values = "";
  for (const { field } of model) {
    const value = field.read(attributes);
    if (valueType(value, field.json) === undefined) continue;
    const text = field.json ? JSON.stringify(value) as string : "" + (value as string);
    values += `\n          <attvalue${attribute("for", field.name)}${attribute("value", text)}/>`;
  }
  return values === "" ? "\n        <attvalues/>" : `\n        <attvalues>${values}\n        </attvalues>`;
}

/** The label, left out when empty. */
function labelAttribute(label: unknown): string {
  return label ? attribute("label", label) : "";
}

/** `<viz:color r=… g=… b=…/>` from "#rrggbb" (networkx cannot read GEXF 1.3's `hex`). */
function colorXml(color: string | undefined): string {
  if (!color) return "";
  const css = rgb(color);
  if (css.startsWith("#")) return `\n        <viz:color${attribute("hex", css)}/>`;
  const match = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/.exec(css);
  if (!match) return ""; // an empty <viz:color/> would not validate: an unreadable colour is left out
  const channels = [["r", +match[1]!], ["g", +match[2]!], ["b", +match[3]!]] as [string, number][];
  if (match[4]) channels.push(["a", +match[4]]);
  return `\n        <viz:color${channels.map(([name, value]) => attribute(name, value)).join("")}/>`;
}

/** "#rrggbb" (or "#rgb") as "rgb(r,g,b)"; anything else unchanged. */
export function rgb(hex: string): string {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) return hex;
  const value = Number.parseInt(full, 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}

/** ` name="value"`, left out for an empty or missing value (numbers, 0 included, are kept). */
function attribute(name: string, value: unknown): string {
  if (typeof value !== "number" && !value) return "";
  return ` ${name}="${escapeAttribute(typeof value === "string" ? value : String(value))}"`;
}

const NEEDS_ESCAPE = /[&<"\t\n\r]/;

/**
 * & < " escaped, tabs and line breaks as character references (a parser would turn them into
 * spaces), and what XML 1.0 cannot carry at all as U+FFFD. One plain-string replace per
 * character: a replace callback is slow on text full of quotes (JSON-encoded evidence).
 */
function escapeAttribute(text: string): string {
  const safe = xmlSafe(text);
  if (!NEEDS_ESCAPE.test(safe)) return safe;
  return safe.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")
    .replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");
}
