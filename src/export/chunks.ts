// Exports are produced as sequences of text chunks rather than one string: a large graph's
// file can pass V8's maximum string length (about 512 MB), and a writer that consumes chunk
// after chunk keeps memory flat. Nodes and edges come in key order (the canonical order that
// makes an export depend only on the graph's content), read straight from the graph: only the
// key arrays are sorted, nothing is copied.
import type { KnowledgeGraph } from "../graph/index.js";
import { compare } from "../graph/index.js";

/** About 64 KB per chunk: few writes, little memory. */
const CHUNK_LENGTH = 64 * 1024;

/** Node keys in canonical (key) order. */
export function sortedNodes(graph: KnowledgeGraph): string[] {
  return graph.nodes().sort(compare);
}

/** Edge keys in canonical (key) order. */
export function sortedEdges(graph: KnowledgeGraph): string[] {
  return graph.edges().sort(compare);
}

/** Joins small pieces (one per node or edge) into chunks of about 64 KB; same text. */
export function* batched(pieces: Iterable<string>, length = CHUNK_LENGTH): Generator<string, void, undefined> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= length) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join("");
}

/** The whole text of a chunk sequence (for callers that want a string and a small graph). */
export function joinChunks(chunks: Iterable<string>): string {
  return Array.from(chunks).join("");
}
