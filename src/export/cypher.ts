// graph.cypher: a script that recreates the graph in Neo4j (`cypher-shell -f graph.cypher`).
// Idempotent: a uniqueness constraint, then one MERGE per entity and per relation, so
// running it twice, or after another graph's script, merges instead of duplicating.
// Every entity is an :Entity with a label from its kind (:Person, :Organization, :Country,
// :Location); relationship types are the vocabulary's (MEET, ACCUSE, ...). Values are
// written as Cypher literals with every quote, backslash and control character escaped.
// Neo4j properties cannot hold maps, so evidence is a JSON string (lossless) next to
// plain lists of its sentences and documents for querying. Written as a sequence of chunks
// (one statement per node and per edge), so a large graph fits.
import type { KnowledgeGraph } from "../graph/index.js";
import type { EntityKind, Evidence } from "../model.js";
import {
  EDGE_ATTRIBUTE_ORDER, NODE_ATTRIBUTE_ORDER, attributeSchema, type AttributeColumn,
} from "./attribute-schema.js";
import { batched, joinChunks, sortedEdges, sortedNodes } from "./chunks.js";

const KIND_LABELS: Record<EntityKind, string> = {
  PERSON: "Person", ORGANIZATION: "Organization", COUNTRY: "Country", LOCATION: "Location",
};

export function toCypher(graph: KnowledgeGraph): string {
  return joinChunks(cypherChunks(graph));
}

/** graph.cypher as chunks of text. */
export function cypherChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  return batched(cypherLines(graph));
}

function* cypherLines(graph: KnowledgeGraph): Generator<string, void, undefined> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const nodeColumns = attributeSchema(nodes.map((n) => graph.getNodeAttributes(n)), NODE_ATTRIBUTE_ORDER);
  const edgeColumns = attributeSchema(edges.map((e) => graph.getEdgeAttributes(e)), EDGE_ATTRIBUTE_ORDER)
    .filter((c) => c.name !== "evidence");
  yield `// newsgraph: ${graph.order} entities, ${graph.size} relations. Run with: cypher-shell -f graph.cypher\n` +
    "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n";
  for (const node of nodes) {
    const attributes = graph.getNodeAttributes(node);
    const label = KIND_LABELS[attributes.kind] ?? "Entity";
    yield `MERGE (n:Entity {id: ${literal(node)}}) SET n:${identifier(label)}, ` +
      `n += ${properties(nodeColumns, attributes)};\n`;
  }
  for (const edge of edges) {
    const [source, target] = graph.extremities(edge);
    const attributes = graph.getEdgeAttributes(edge);
    const evidence: Evidence[] = Array.isArray(attributes.evidence) ? attributes.evidence : [];
    const extra = {
      evidence: JSON.stringify(evidence),
      evidence_text: evidence.map((item) => item.text),
      evidence_documents: evidence.map((item) => item.document),
    };
    yield `MATCH (a:Entity {id: ${literal(source)}}) MATCH (b:Entity {id: ${literal(target)}}) ` +
      `MERGE (a)-[r:${identifier(attributes.relation)} {id: ${literal(edge)}}]->(b) ` +
      `SET r += ${properties(edgeColumns, attributes, extra)};\n`;
  }
}

/** A Cypher map literal of the attributes present, in column order, then `extra`. */
export function properties(columns: AttributeColumn[], attributes: object, extra: Record<string, unknown> = {}): string {
  const values = attributes as Record<string, unknown>;
  const entries: string[] = [];
  for (const column of columns) {
    const value = values[column.name];
    const text = column.type === "json" && !isStringList(value)
      ? (value === undefined || value === null ? undefined : literal(JSON.stringify(value)))
      : literal(value, column.type === "double");
    if (text !== undefined) entries.push(`${identifier(column.name)}: ${text}`);
  }
  for (const [name, value] of Object.entries(extra)) {
    const text = literal(value);
    if (text !== undefined) entries.push(`${identifier(name)}: ${text}`);
  }
  return `{${entries.join(", ")}}`;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * A value as a Cypher literal; undefined for values Neo4j cannot store (null, NaN, maps).
 * `float` keeps whole numbers floats (1.0), so a property has one type on every element.
 */
export function literal(value: unknown, float = false): string | undefined {
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return float && Number.isInteger(value) ? value.toFixed(1) : String(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, float));
    return items.every((item) => item !== undefined) ? `[${items.join(", ")}]` : undefined;
  }
  return undefined;
}

/** A single-quoted Cypher string: backslash escapes for quotes, backslashes and controls. */
function quote(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (char) => {
    switch (char) {
      case "\\": return "\\\\";
      case "'": return "\\'";
      case "\n": return "\\n";
      case "\r": return "\\r";
      case "\t": return "\\t";
      default: return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
  return `'${escaped}'`;
}

/** A label, type or property name: bare when it is a plain identifier, else backquoted. */
export function identifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}
