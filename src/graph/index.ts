// Graph stage: merges Extractions into one graphology MultiDirectedGraph.
// One node per entity key, one edge per (source, relation, target) with key
// `source|RELATION|target`; evidence accumulates, so merging is order-independent
// as long as callers sort their inputs (buildGraph does).
import { MultiDirectedGraph } from "graphology";
import {
  VOCABULARY, edgeKey,
  type EdgeAttributes, type Evidence, type Extraction, type NodeAttributes,
} from "../model.js";
import { ResolutionIndex, resolveExtraction } from "./resolve.js";

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function createGraph(): KnowledgeGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
}

/**
 * Builds a graph from extractions, in document order so the result is deterministic.
 * Entities are first resolved across documents (resolve.ts: "Kim" and "Kim Jong Un" are
 * one node when nothing contradicts it), a decision that depends only on the set.
 */
export function buildGraph(extractions: readonly Extraction[]): KnowledgeGraph {
  const graph = createGraph();
  const sorted = [...extractions].sort((a, b) => compare(a.document, b.document));
  const index = new ResolutionIndex();
  for (const extraction of sorted) index.add(extraction);
  for (const extraction of sorted) mergeExtraction(graph, resolveExtraction(index, extraction));
  trimLists(graph);
  return graph;
}

/** Adds one document's entities and relations to the graph, in place. */
export function mergeExtraction(graph: KnowledgeGraph, extraction: Extraction): void {
  for (const entity of extraction.entities) {
    if (!graph.hasNode(entity.id)) {
      graph.addNode(entity.id, {
        label: entity.name, kind: entity.kind, aliases: [], mentions: 0, documents: [],
      });
    }
    const node = graph.getNodeAttributes(entity.id);
    if (entity.name.length > node.label.length) node.label = entity.name;
    node.aliases = sortedUnique([...node.aliases, entity.name, ...entity.aliases]
      .filter((alias) => alias !== node.label));
    node.mentions += entity.mentions.length;
    // Callers merge in document order, so appending is the common case (keeps big corpora linear).
    const lastDocument = node.documents[node.documents.length - 1];
    if (lastDocument === undefined || compare(lastDocument, extraction.document) < 0) {
      node.documents.push(extraction.document);
    } else {
      node.documents = sortedUnique([...node.documents, extraction.document]);
    }
  }
  const evidenceOf = new Map<string, Evidence>();
  for (const relation of extraction.relations) {
    if (relation.negated) continue;
    if (!graph.hasNode(relation.source) || !graph.hasNode(relation.target)) continue;
    const key = edgeKey(relation.source, relation.relation, relation.target);
    const info = VOCABULARY[relation.relation];
    const evidence = relation.evidence.map((e) => {
      // Relations read from one sentence share one evidence object (never mutated later).
      const at = `${e.sentence}:${e.start}:${e.end}`;
      let item = evidenceOf.get(at);
      if (item === undefined || item.document !== e.document || item.text !== e.text) {
        item = evidenceWithMetadata(e, extraction);
        evidenceOf.set(at, item);
      }
      return item;
    });
    if (!graph.hasEdge(key)) {
      const attributes: EdgeAttributes = {
        relation: relation.relation, label: info.label, polarity: info.polarity,
        cameo: info.cameo, evidence: [], weight: 0, confidence: relation.confidence,
      };
      if (relation.modality) attributes.modality = relation.modality;
      if (relation.attributedTo) attributes.attributedTo = relation.attributedTo;
      if (relation.role) attributes.role = relation.role;
      graph.addDirectedEdgeWithKey(key, relation.source, relation.target, attributes);
    }
    const edge = graph.getEdgeAttributes(key);
    for (const item of evidence) {
      const last = edge.evidence[edge.evidence.length - 1];
      if (last === undefined || compareEvidence(last, item) < 0) {
        edge.evidence.push(item); // in order: no scan, no sort (keeps big corpora linear)
        continue;
      }
      const seen = edge.evidence.some((e) => e.document === item.document && e.sentence === item.sentence);
      if (!seen) edge.evidence.push(item);
      edge.evidence.sort(compareEvidence);
    }
    edge.weight = edge.evidence.length;
    edge.confidence = Math.max(edge.confidence, relation.confidence);
    // An asserted statement anywhere outweighs hedged ones elsewhere.
    if (relation.modality === "asserted") edge.modality = "asserted";
    if (!edge.role && relation.role) edge.role = relation.role;
    if (!edge.attributedTo && relation.attributedTo) edge.attributedTo = relation.attributedTo;
  }
}

/**
 * A copy of one evidence item carrying the document's date and source. Written as literals
 * of fixed shape: a spread copy costs about four times the memory, and a corpus graph holds
 * one of these per supporting sentence (most of its memory).
 */
function evidenceWithMetadata(e: Evidence, extraction: Extraction): Evidence {
  const date = e.date || extraction.date || undefined;
  const source = e.source || extraction.source || undefined;
  // The extraction's own id string, not the copy JSON.parse made for each item.
  const document = e.document === extraction.document ? extraction.document : e.document;
  const { sentence, start, end, text } = e;
  if (date !== undefined && source !== undefined) return { document, sentence, start, end, text, date, source };
  if (date !== undefined) return { document, sentence, start, end, text, date };
  if (source !== undefined) return { document, sentence, start, end, text, source };
  return { document, sentence, start, end, text };
}

/**
 * Gives back the spare room arrays keep for growth (an array grown by push holds at least
 * 17 slots): worth it once a corpus has been merged, as most edges have one or two
 * sentences and most nodes few documents.
 */
export function trimLists(graph: KnowledgeGraph): void {
  graph.forEachNode((_key, attributes) => {
    attributes.documents = attributes.documents.slice();
  });
  graph.forEachEdge((_key, attributes) => {
    attributes.evidence = attributes.evidence.slice();
  });
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return compare(a.document, b.document) || a.sentence - b.sentence;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compare);
}

/** Locale-independent string order, so output never depends on the machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
