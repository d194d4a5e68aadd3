// Reading a graph file for querying: graph.json (graphology's serialization), graph.gexf or
// graph.graphml as newsgraph writes them. Every problem becomes a GraphFormatError whose
// one-line message names the file: missing, a directory, not UTF-8, truncated, malformed.
import { constants } from "node:buffer";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { KnowledgeGraph } from "../graph/index.js";
import type { EdgeAttributes, NodeAttributes } from "../model.js";
import {
  GraphFormatError, GraphQuery, graphFromSerialized, loadGraph as loadInMemory, parseGraphJSON,
  type GraphSource,
} from "../query/index.js";

/**
 * Opens a graph for querying. In Node a string is a file path (graph.json, .gexf or
 * .graphml); graphs, their serializations and GraphQuery values are taken as they are.
 */
export async function loadGraph(source: GraphSource): Promise<GraphQuery> {
  if (typeof source === "string") return new GraphQuery(await readGraphFile(source));
  if (source instanceof URL && source.protocol === "file:") {
    return new GraphQuery(await readGraphFile(fileURLToPath(source)));
  }
  return loadInMemory(source);
}

/** Reads and checks a graph file; throws GraphFormatError("FILE: problem"). */
export async function readGraphFile(file: string): Promise<KnowledgeGraph> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new GraphFormatError(`${file}: ${describeReadError(error)}`);
  }
  try {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      if (bytes.length > constants.MAX_STRING_LENGTH) {
        // A 50,000-article corpus gives a graph.json of about a gigabyte.
        const megabytes = (size: number) => `${Math.round(size / 2 ** 20).toLocaleString("en-US")} MB`;
        throw new GraphFormatError(`too large to load (${megabytes(bytes.length)}; files are read as one text, at most ${megabytes(constants.MAX_STRING_LENGTH)})`);
      }
      throw new GraphFormatError("not UTF-8 text, expected a graph file (graph.json, .gexf or .graphml)");
    }
    return parseGraphText(text, file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphFormatError(`${file}: ${message}`);
  }
}

/** Chooses the reader by extension, or by content for other names. */
function parseGraphText(text: string, file: string): KnowledgeGraph {
  const lower = file.toLowerCase();
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (lower.endsWith(".gexf") || (!lower.endsWith(".json") && body.startsWith("<") && /<gexf[\s>]/.test(body))) {
    return fromGexf(body);
  }
  if (lower.endsWith(".graphml") || (!lower.endsWith(".json") && body.startsWith("<"))) {
    return fromGraphml(body);
  }
  return parseGraphJSON(body);
}

function fromGexf(text: string): KnowledgeGraph {
  const read = parseXml(text, "GEXF", (document) => parseGexf(MultiDirectedGraph, document as unknown as Document));
  return restore(read, (attributes) => {
    // GEXF's edge `kind` is the relation and its thickness is our size.
    const { kind: _kind, thickness, ...rest } = attributes;
    return thickness === undefined ? rest : { ...rest, size: thickness };
  });
}

function fromGraphml(text: string): KnowledgeGraph {
  const read = parseXml(text, "GraphML", (document) => parseGraphml(MultiDirectedGraph, document as unknown as Document));
  return restore(read, (attributes) => attributes);
}

/** Parses XML strictly: xmldom only warns about truncated or broken markup unless told to fail. */
function parseXml<T>(text: string, format: string, read: (document: globalThis.Document | object) => T): T {
  const fail = (message: string): never => {
    const reason = message.replace(/\s+/g, " ").replace(/^\[xmldom [^\]]*\]\s*/, "")
      .replace(/\s*@#\[line:.*$/, "").trim();
    throw new GraphFormatError(`malformed ${format} (${reason})`);
  };
  const expected = format === "GEXF" ? "gexf" : "graphml";
  // A cut-off file is the common case; say so rather than quote the XML parser's complaint.
  if (!new RegExp(`</(\\w+:)?${expected}>\\s*$`).test(text)) {
    throw new GraphFormatError(`truncated ${format} (no closing </${expected}> tag)`);
  }
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } })
    .parseFromString(text, "application/xml");
  const root = document.documentElement;
  if (!root || root.localName !== expected) fail(`no <${expected}> root element`);
  try {
    return read(document);
  } catch (error) {
    if (error instanceof GraphFormatError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphFormatError(`not a newsgraph ${format} graph (${message.replace(/\s+/g, " ")})`);
  }
}

/** Lists back from their JSON text, colours back to hex, then the usual shape checks. */
function restore(
  read: MultiDirectedGraph, edgeFields: (attributes: Record<string, unknown>) => Record<string, unknown>,
): KnowledgeGraph {
  const serialized = read.export();
  const nodes = serialized.nodes.map((node) => ({
    key: node.key,
    attributes: ordered(decodeLists(node.attributes ?? {}, ["aliases", "documents"]), NODE_ORDER),
  }));
  const edges = serialized.edges.map((edge) => ({
    key: edge.key, source: edge.source, target: edge.target,
    attributes: ordered(decodeLists(edgeFields(edge.attributes ?? {}), ["evidence"]), EDGE_ORDER),
  }));
  return graphFromSerialized({ nodes, edges });
}

const NODE_ORDER: ReadonlyArray<keyof NodeAttributes> = [
  "label", "kind", "aliases", "mentions", "documents", "x", "y", "size", "color",
];
const EDGE_ORDER: ReadonlyArray<keyof EdgeAttributes> = [
  "relation", "label", "polarity", "cameo", "evidence", "weight", "confidence", "modality",
  "attributedTo", "role", "size", "color",
];

function decodeLists(attributes: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const result = { ...attributes };
  for (const name of names) {
    const value = result[name];
    if (typeof value !== "string") continue;
    try {
      result[name] = JSON.parse(value);
    } catch {
      throw new GraphFormatError(`attribute "${name}" is not a JSON list: ${value.slice(0, 40)}`);
    }
  }
  if (typeof result.color === "string") result.color = hexColor(result.color);
  return result;
}

/** Same key order as graph.json, so a graph read from any format serializes the same. */
function ordered(attributes: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of order) if (attributes[name] !== undefined) result[name] = attributes[name];
  for (const [name, value] of Object.entries(attributes)) if (!(name in result)) result[name] = value;
  return result;
}

/** "rgb(78,121,167)" (how graphology-gexf reads viz colours) as "#4e79a7". */
function hexColor(color: string): string {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*[\d.]+)?\)$/.exec(color);
  if (!match) return color;
  return "#" + match.slice(1, 4).map((part) => Number(part).toString(16).padStart(2, "0")).join("");
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT": return "no such file";
    case "EISDIR": return "is a directory, expected a graph file (graph.json, .gexf or .graphml)";
    case "EACCES": case "EPERM": return "permission denied";
    default: return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
