// Turning serialized graphs (graph.json: graphology's export format) back into a
// graph, checking their shape so a bad file fails with one clear sentence.
import type { SerializedGraph } from "graphology-types";
import {
  ENTITY_KINDS, RELATION_TYPES, isEntityKind, isRelationType,
  type EdgeAttributes, type NodeAttributes,
} from "../model.js";
import { createGraph, type KnowledgeGraph } from "../graph/index.js";
import { GraphQuery } from "./graph-query.js";

/** A graph file or value that is not a newsgraph graph; the message is one line. */
export class GraphFormatError extends Error {
  override name = "GraphFormatError";
}

export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes>;

/** Parses graph.json text; errors say whether the JSON is truncated or malformed. */
export function parseGraphJSON(text: string): KnowledgeGraph {
  if (text.trim() === "") throw new GraphFormatError("empty file, expected graph JSON");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    const truncated = /end of (JSON )?input|unterminated/i.test(reason);
    throw new GraphFormatError(`${truncated ? "truncated" : "malformed"} JSON (${reason})`);
  }
  return graphFromSerialized(data);
}

/** Checks a value has the shape of graphology's serialization of a newsgraph graph and imports it. */
export function graphFromSerialized(data: unknown): KnowledgeGraph {
  if (!isObject(data)) throw new GraphFormatError("not a graph: expected a JSON object with nodes and edges");
  if (!Array.isArray(data.nodes)) throw new GraphFormatError('not a graph: missing "nodes" array');
  if (!Array.isArray(data.edges)) throw new GraphFormatError('not a graph: missing "edges" array');
  const keys = new Set<string>();
  data.nodes.forEach((node, index) => {
    const where = `node ${index}`;
    if (!isObject(node) || (typeof node.key !== "string" && typeof node.key !== "number")) {
      throw new GraphFormatError(`${where}: missing "key"`);
    }
    const attributes = node.attributes;
    if (!isObject(attributes)) throw new GraphFormatError(`${where} (${String(node.key)}): missing "attributes"`);
    if (typeof attributes.label !== "string") {
      throw new GraphFormatError(`${where} (${String(node.key)}): "label" must be a string`);
    }
    if (typeof attributes.kind !== "string" || !isEntityKind(attributes.kind)) {
      throw new GraphFormatError(
        `${where} (${String(node.key)}): kind ${JSON.stringify(attributes.kind)} is not one of ${ENTITY_KINDS.join(", ")}`);
    }
    checkStringList(attributes.aliases, `${where} (${String(node.key)}): "aliases"`);
    checkStringList(attributes.documents, `${where} (${String(node.key)}): "documents"`);
    keys.add(String(node.key));
  });
  data.edges.forEach((edge, index) => {
    const where = `edge ${index}`;
    if (!isObject(edge)) throw new GraphFormatError(`${where}: not an object`);
    for (const end of ["source", "target"] as const) {
      if (!keys.has(String(edge[end]))) {
        throw new GraphFormatError(`${where}: ${end} ${JSON.stringify(edge[end])} is not a node`);
      }
    }
    if (edge.undirected === true) throw new GraphFormatError(`${where}: undirected edges are not supported`);
    const attributes = edge.attributes;
    if (!isObject(attributes)) throw new GraphFormatError(`${where}: missing "attributes"`);
    if (typeof attributes.relation !== "string" || !isRelationType(attributes.relation)) {
      throw new GraphFormatError(
        `${where}: relation ${JSON.stringify(attributes.relation)} is not one of ${RELATION_TYPES.join(", ")}`);
    }
    if (attributes.evidence !== undefined && !Array.isArray(attributes.evidence)) {
      throw new GraphFormatError(`${where}: "evidence" must be an array`);
    }
  });
  const graph = createGraph();
  try {
    graph.import(data as unknown as SerializedKnowledgeGraph);
  } catch (error) {
    throw new GraphFormatError(`not a graph: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  }
  return graph;
}

/** What `loadGraph` accepts in every environment. */
export type GraphSource = KnowledgeGraph | SerializedKnowledgeGraph | GraphQuery | string | URL;

/**
 * Opens a graph for querying: a built graph, its serialization, or (in browsers) the
 * URL of a graph.json. The Node entry point reads file paths instead of URLs.
 */
export async function loadGraph(source: GraphSource): Promise<GraphQuery> {
  if (source instanceof GraphQuery) return source;
  if (typeof source === "string" || source instanceof URL) {
    const response = await fetch(source);
    if (!response.ok) throw new GraphFormatError(`${String(source)}: HTTP ${response.status}`);
    try {
      return new GraphQuery(parseGraphJSON(await response.text()));
    } catch (error) {
      if (error instanceof GraphFormatError) throw new GraphFormatError(`${String(source)}: ${error.message}`);
      throw error;
    }
  }
  return queryGraph(source);
}

/** Synchronous form of `loadGraph` for graphs already in memory. */
export function queryGraph(source: KnowledgeGraph | SerializedKnowledgeGraph): GraphQuery {
  if (isGraphInstance(source)) return new GraphQuery(source);
  return new GraphQuery(graphFromSerialized(source));
}

function isGraphInstance(value: unknown): value is KnowledgeGraph {
  return isObject(value) && typeof value.forEachNode === "function" && typeof value.export === "function";
}

function checkStringList(value: unknown, what: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new GraphFormatError(`${what} must be a list of strings`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
