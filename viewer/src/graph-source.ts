// Graph loading: graph.json (graphology export) or GEXF, from a URL or a local file,
// into the pipeline's KnowledgeGraph with every attribute the viewer reads made safe
// to use (arrays are arrays, numbers are numbers, every node has a position).
import { MultiGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { createGraph, type KnowledgeGraph } from "../../src/graph/index.js";
import {
  VOCABULARY, isRelationType,
  type EdgeAttributes, type EntityKind, type Evidence, type Modality, type NodeAttributes, type Polarity,
} from "../../src/model.js";
import { applySizes } from "./sizes.js";

export type GraphFormat = "json" | "gexf";

/** A graph file that cannot be shown; the message is meant for the user. */
export class GraphLoadError extends Error {
  override name = "GraphLoadError";
}

export function formatOf(name: string): GraphFormat {
  return /\.gexf(\?|#|$)/i.test(name) ? "gexf" : "json";
}

export async function fetchGraph(url: string): Promise<KnowledgeGraph> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new GraphLoadError(`could not fetch ${url}`);
  }
  if (!response.ok) throw new GraphLoadError(`could not load ${url}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  const format: GraphFormat = /xml|gexf/.test(type) ? "gexf" : formatOf(url);
  const text = await response.text();
  // Marks for the benchmark's split of the time to first frame (bench/viewer.ts).
  performance.mark("newsgraph:fetched");
  const graph = await parseGraph(text, format, url);
  performance.mark("newsgraph:parsed");
  return graph;
}

export async function readGraphFile(file: File): Promise<KnowledgeGraph> {
  return parseGraph(await file.text(), formatOf(file.name), file.name);
}

export async function parseGraph(text: string, format: GraphFormat, name = "graph"): Promise<KnowledgeGraph> {
  let serialized: Partial<SerializedGraph>;
  if (format === "gexf") {
    // Loaded on demand: most graphs are graph.json, and the parser needs the DOM's XML parser.
    const { parse: parseGexf } = await import("graphology-gexf/browser");
    try {
      // A mixed multigraph accepts both directed and undirected GEXF files.
      serialized = parseGexf(MultiGraph, text).export();
    } catch (error) {
      throw new GraphLoadError(`${name} is not a readable GEXF file (${(error as Error).message})`);
    }
  } else {
    try {
      serialized = JSON.parse(text) as Partial<SerializedGraph>;
    } catch {
      throw new GraphLoadError(`${name} is not valid JSON`);
    }
  }
  return fromSerialized(serialized, name);
}

/** Copies a graphology export into a KnowledgeGraph, normalising every attribute. */
export function fromSerialized(data: Partial<SerializedGraph>, name = "graph"): KnowledgeGraph {
  if (!data || typeof data !== "object" || !Array.isArray(data.nodes)) {
    throw new GraphLoadError(`${name} is not a graph: expected a graphology export with a "nodes" array`);
  }
  const graph = createGraph();
  for (const node of data.nodes) {
    if (node === null || typeof node !== "object" || node.key === undefined) continue;
    const key = String(node.key);
    if (!graph.hasNode(key)) graph.addNode(key, nodeAttributes(key, node.attributes ?? {}));
  }
  for (const edge of Array.isArray(data.edges) ? data.edges : []) {
    if (edge === null || typeof edge !== "object") continue;
    const source = String(edge.source);
    const target = String(edge.target);
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    const attributes = edgeAttributes(edge.attributes ?? {});
    const key = edge.key === undefined ? undefined : String(edge.key);
    if (key === undefined) {
      graph.addDirectedEdge(source, target, attributes);
      continue;
    }
    // A repeated key keeps the first edge (cheaper than asking hasEdge for every edge).
    try {
      graph.addDirectedEdgeWithKey(key, source, target, attributes);
    } catch (error) {
      if (!graph.hasEdge(key)) throw error;
    }
  }
  placeMissingNodes(graph);
  applySizes(graph);
  return graph;
}

function nodeAttributes(key: string, raw: Record<string, unknown>): NodeAttributes {
  const attributes: NodeAttributes = {
    label: typeof raw.label === "string" && raw.label ? raw.label : key,
    kind: (typeof raw.kind === "string" && raw.kind ? raw.kind.toUpperCase() : "ORGANIZATION") as EntityKind,
    aliases: toStringArray(raw.aliases),
    mentions: toNumber(raw.mentions, 0),
    documents: toStringArray(raw.documents),
  };
  const x = toNumber(raw.x, NaN);
  const y = toNumber(raw.y, NaN);
  if (Number.isFinite(x) && Number.isFinite(y)) {
    attributes.x = x;
    attributes.y = y;
  }
  return attributes;
}

function edgeAttributes(raw: Record<string, unknown>): EdgeAttributes {
  const relation = typeof raw.relation === "string" ? raw.relation.toUpperCase() : "RELATED";
  const info = isRelationType(relation) ? VOCABULARY[relation] : undefined;
  const evidence = toEvidence(raw.evidence);
  const attributes = {
    relation,
    label: typeof raw.label === "string" && raw.label ? raw.label : (info?.label ?? relation.toLowerCase()),
    polarity: (typeof raw.polarity === "string" ? raw.polarity : (info?.polarity ?? "neutral")) as Polarity,
    cameo: typeof raw.cameo === "string" ? raw.cameo : (info?.cameo ?? "-"),
    evidence,
    weight: toNumber(raw.weight, Math.max(evidence.length, 1)),
    confidence: Math.min(1, Math.max(0, toNumber(raw.confidence, 1))),
  } as EdgeAttributes;
  if (typeof raw.modality === "string" && raw.modality) attributes.modality = raw.modality as Modality;
  if (typeof raw.attributedTo === "string" && raw.attributedTo) attributes.attributedTo = raw.attributedTo;
  if (typeof raw.role === "string" && raw.role) attributes.role = raw.role;
  return attributes;
}

/** GEXF keeps lists as "a|b|c" (liststring) or as JSON text; graph.json as arrays. */
function toStringArray(value: unknown): string[] {
  // The common case, a list of strings, is kept as it is: no copy.
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value !== "string" || value === "") return [];
  const parsed = parseJsonText(value);
  if (Array.isArray(parsed)) return parsed.map(String);
  return value.split("|").map((part) => part.trim()).filter(Boolean);
}

function toEvidence(value: unknown): Evidence[] {
  const list = typeof value === "string" ? parseJsonText(value) : value;
  if (!Array.isArray(list)) return [];
  // Well-formed items (all of them in a graph.json the CLI wrote) are kept, not copied: a
  // corpus graph holds hundreds of thousands, and copies cost the first frame in GC.
  if (list.every(isEvidence)) return list as Evidence[];
  return list
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === "object")
    .map((item) => {
      const evidence: Evidence = {
        document: String(item.document ?? ""),
        sentence: toNumber(item.sentence, 0),
        start: toNumber(item.start, 0),
        end: toNumber(item.end, 0),
        text: String(item.text ?? ""),
      };
      if (typeof item.date === "string") evidence.date = item.date;
      if (typeof item.source === "string") evidence.source = item.source;
      return evidence;
    });
}

function isEvidence(item: unknown): boolean {
  if (item === null || typeof item !== "object") return false;
  const e = item as Record<string, unknown>;
  return typeof e.document === "string" && typeof e.sentence === "number" && typeof e.start === "number"
    && typeof e.end === "number" && typeof e.text === "string"
    && (e.date === undefined || typeof e.date === "string") && (e.source === undefined || typeof e.source === "string");
}

function parseJsonText(value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

function toNumber(value: unknown, fallback: number): number {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) ? number : fallback;
}

/**
 * Gives a position to every node without one: beside its placed neighbours when it has
 * some, else on a circle around the drawing. Deterministic, so a link reopens the same view.
 */
export function placeMissingNodes(graph: KnowledgeGraph): string[] {
  const missing = graph.filterNodes((_, a) => !Number.isFinite(a.x) || !Number.isFinite(a.y));
  if (missing.length === 0) return [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) return;
    minX = Math.min(minX, a.x!); maxX = Math.max(maxX, a.x!);
    minY = Math.min(minY, a.y!); maxY = Math.max(maxY, a.y!);
  });
  const hasPlaced = minX <= maxX;
  const cx = hasPlaced ? (minX + maxX) / 2 : 0;
  const cy = hasPlaced ? (minY + maxY) / 2 : 0;
  const span = hasPlaced ? Math.max(maxX - minX, maxY - minY, 1) : 100;
  const radius = hasPlaced ? span * 0.6 : span / 2;
  const step = span / Math.max(10, Math.sqrt(graph.order) * 4);
  missing.forEach((node, index) => {
    const placed = graph.neighbors(node).map((n) => graph.getNodeAttributes(n))
      .filter((a) => Number.isFinite(a.x) && Number.isFinite(a.y));
    const angle = (2 * Math.PI * index) / missing.length;
    if (placed.length > 0) {
      const x = placed.reduce((sum, a) => sum + a.x!, 0) / placed.length;
      const y = placed.reduce((sum, a) => sum + a.y!, 0) / placed.length;
      graph.mergeNodeAttributes(node, { x: x + step * Math.cos(angle + index), y: y + step * Math.sin(angle + index) });
    } else {
      graph.mergeNodeAttributes(node, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
    }
  });
  return missing;
}
