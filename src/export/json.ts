// graph.json: graphology's own serialisation (`graph.export()`), lossless: `Graph.from(json)`
// or `graph.import(json)` gives the graph back. Pretty-printed, keys in order, one final newline.
import type { KnowledgeGraph } from "../graph/index.js";
import { canonicalCopy } from "./canonical.js";

export function toJson(graph: KnowledgeGraph): string {
  return JSON.stringify(canonicalCopy(graph).export(), null, 2) + "\n";
}
