// graph.json: graphology's own serialisation (`graph.export()`), lossless: `Graph.from(json)`
// or `graph.import(json)` gives the graph back. Pretty-printed, keys in order, one final newline.
// Written piece by piece (one per node and per edge) with exactly the bytes of
// `JSON.stringify(export, null, 2)`, since the whole text may not fit in one string.
import type { KnowledgeGraph } from "../graph/index.js";
import { createGraph } from "../graph/index.js";
import { batched, joinChunks, sortedEdges, sortedNodes } from "./chunks.js";

export function toJson(graph: KnowledgeGraph): string {
  return joinChunks(jsonChunks(graph));
}

/** graph.json as chunks of text. */
export function jsonChunks(graph: KnowledgeGraph): Generator<string, void, undefined> {
  return batched(jsonPieces(graph));
}

function* jsonPieces(graph: KnowledgeGraph): Generator<string, void, undefined> {
  // The options of the graph a reader gets back (Graph.from): the knowledge graph's own kind.
  const { type, multi, allowSelfLoops } = createGraph();
  yield `{\n  "options": ${nested(JSON.stringify({ type, multi, allowSelfLoops }, null, 2), 1)},\n` +
    `  "attributes": ${nested(JSON.stringify({ ...graph.getAttributes() }, null, 2), 1)},\n  "nodes": `;
  yield* list(sortedNodes(graph), (node) => {
    const attributes = graph.getNodeAttributes(node);
    // As graphology's export: no "attributes" member when there are none.
    return JSON.stringify(hasKeys(attributes) ? { key: node, attributes } : { key: node }, null, 2);
  });
  yield `,\n  "edges": `;
  yield* list(sortedEdges(graph), (edge) => {
    const [source, target] = graph.extremities(edge);
    const attributes = graph.getEdgeAttributes(edge);
    return JSON.stringify(hasKeys(attributes) ? { key: edge, source, target, attributes } : { key: edge, source, target }, null, 2);
  });
  yield "\n}\n";
}

/** A top-level array member as JSON.stringify(…, null, 2) lays it out, one piece per item. */
function* list(keys: string[], item: (key: string) => string): Generator<string, void, undefined> {
  if (keys.length === 0) {
    yield "[]";
    return;
  }
  for (let index = 0; index < keys.length; index++) {
    yield `${index === 0 ? "[\n" : ",\n"}    ${nested(item(keys[index]!), 2)}`;
  }
  yield "\n  ]";
}

/** Re-indents pretty-printed JSON for `depth` levels of nesting (line breaks only occur between tokens). */
function nested(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

function hasKeys(attributes: object): boolean {
  return Object.keys(attributes).length > 0;
}
