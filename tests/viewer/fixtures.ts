// Graphs for the viewer tests, built through the real graph stage (mergeExtraction) from
// hand-written Extractions: every relation type and polarity, parallel edges between the
// same two actors, hedged modalities, and a graph whose text is hostile HTML.
import type { SerializedGraph } from "graphology-types";
import { buildGraph } from "../../src/graph/index.js";
import {
  RELATION_TYPES, slugify,
  type Entity, type EntityKind, type Extraction, type Modality, type Relation, type RelationType,
} from "../../src/model.js";

const ACTORS: [string, EntityKind, string[]][] = [
  ["Ana Lopez", "PERSON", ["Lopez", "the minister"]],
  ["Boris Petrov", "PERSON", ["Petrov"]],
  ["Carla Mendes", "PERSON", []],
  ["Ruritania", "COUNTRY", ["Strelsau"]],
  ["Freedonia", "COUNTRY", []],
  ["Ruritanian Foreign Ministry", "ORGANIZATION", ["the ministry"]],
  ["Daily Courier", "ORGANIZATION", []],
  ["Port Royal", "LOCATION", []],
];

const id = (name: string): string => slugify(name);

function entity(name: string, kind: EntityKind, aliases: string[]): Entity {
  return { id: id(name), name, kind, aliases, mentions: [] };
}

function relation(
  source: string, type: RelationType, target: string, sentence: number, text: string,
  extra: Partial<Relation> = {},
): Relation {
  return {
    source: id(source), relation: type, target: id(target), confidence: 0.9, modality: "asserted",
    evidence: [{ document: "synthetic.txt", sentence, start: sentence * 100, end: sentence * 100 + text.length, text }],
    ...extra,
  };
}

/** One edge per relation type, cycling through actor pairs, plus parallel edges. */
export function syntheticGraph(): SerializedGraph {
  const names = ACTORS.map(([name]) => name);
  const relations: Relation[] = RELATION_TYPES.map((type, index) => {
    const source = names[index % names.length];
    const target = names[(index * 3 + 1) % names.length] === source
      ? names[(index + 1) % names.length] : names[(index * 3 + 1) % names.length];
    const modality: Modality = index % 7 === 3 ? "hypothetical" : index % 5 === 2 ? "reported" : "asserted";
    return relation(source, type, target, index, `${source} ${type.toLowerCase()} ${target} (sentence ${index}).`, {
      modality, confidence: 0.5 + (index % 5) / 10,
      ...(type === "ROLE" ? { role: "minister" } : {}),
    });
  });
  // Parallel edges: Lopez and Petrov met, Lopez accused Petrov, Petrov denied Lopez.
  relations.push(
    relation("Ana Lopez", "MEET", "Boris Petrov", 30, "Lopez met Petrov in Port Royal."),
    relation("Ana Lopez", "ACCUSE", "Boris Petrov", 31, "Lopez accused Petrov of lying."),
    relation("Boris Petrov", "DENY", "Ana Lopez", 32, "Petrov denied the claims made by the minister."),
  );
  const extraction: Extraction = {
    document: "synthetic.txt",
    entities: ACTORS.map(([name, kind, aliases]) => entity(name, kind, aliases)),
    relations,
  };
  return withCirclePositions(buildGraph([extraction]).export());
}

export const XSS_PAYLOAD = `<img src=x onerror="window.__xss=(window.__xss||0)+1">`;
export const XSS_SCRIPT = `<script>window.__xss=(window.__xss||0)+1</script>`;

/** Names, aliases, document names and evidence that are HTML; they must show as text. */
export function xssGraph(): SerializedGraph {
  const evil = `Evil ${XSS_PAYLOAD}`;
  const extraction: Extraction = {
    document: `doc ${XSS_SCRIPT}.txt`,
    entities: [
      { id: "evil", name: evil, kind: "PERSON", aliases: [XSS_SCRIPT], mentions: [] },
      { id: "victim", name: "Victim", kind: "COUNTRY", aliases: [], mentions: [] },
    ],
    relations: [{
      source: "evil", relation: "ACCUSE", target: "victim", confidence: 1, modality: "asserted",
      evidence: [{
        document: `doc ${XSS_SCRIPT}.txt`, sentence: 0, start: 0, end: 80,
        text: `${evil} accused Victim ${XSS_PAYLOAD} of ${XSS_SCRIPT} things.`,
      }],
    }],
  };
  return withCirclePositions(buildGraph([extraction]).export());
}

/**
 * n nodes and m edges with seeded random relations, for the benchmark. Shaped like a laid
 * out news graph: communities of about 50 actors around their own centres, 80% of the
 * edges inside a community (short on screen) and the rest between communities.
 */
export function generatedGraph(nodeCount: number, edgeCount: number, seed = 42): SerializedGraph {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const kinds: EntityKind[] = ["PERSON", "ORGANIZATION", "COUNTRY", "LOCATION"];
  const entities: Entity[] = [];
  for (let i = 0; i < nodeCount; i++) {
    entities.push({ id: `n${i}`, name: `Actor ${i}`, kind: kinds[i % 4], aliases: [], mentions: [] });
  }
  const relations: Relation[] = [];
  const seen = new Set<string>();
  while (relations.length < edgeCount) {
    const source = Math.floor(random() * nodeCount);
    // Mostly local links, so the drawing has structure like a real graph.
    const community = Math.floor(source / COMMUNITY) * COMMUNITY;
    const target = random() < 0.8
      ? Math.min(nodeCount - 1, community + Math.floor(random() * COMMUNITY))
      : Math.floor(random() * nodeCount);
    const type = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)];
    const key = `${source}|${type}|${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    relations.push({
      source: `n${source}`, relation: type, target: `n${target}`, confidence: 0.8, modality: "asserted",
      evidence: [{ document: "generated.txt", sentence: relations.length, start: 0, end: 10, text: "Generated." }],
    });
  }
  const graph = buildGraph([{ document: "generated.txt", entities, relations }]).export();
  const communities = Math.max(1, Math.round(nodeCount / COMMUNITY));
  const side = Math.ceil(Math.sqrt(communities));
  for (const node of graph.nodes) {
    const index = Number(node.key.slice(1));
    const community = Math.floor(index / COMMUNITY);
    const cx = (community % side) * 100;
    const cy = Math.floor(community / side) * 100;
    const angle = random() * 2 * Math.PI;
    const radius = Math.sqrt(random()) * 35;
    node.attributes = { ...node.attributes, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  }
  return graph;
}

const COMMUNITY = 50;

function withCirclePositions(graph: SerializedGraph): SerializedGraph {
  graph.nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / graph.nodes.length;
    node.attributes = { ...node.attributes, x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) };
  });
  return graph;
}

/**
 * A small dated corpus as JSON Lines (what `newsgraph build` reads): articles over three
 * months from two outlets, and one article with neither date nor source.
 */
export const DATED_CORPUS: { id: string; text: string; date?: string; source?: string }[] = [
  { id: "jan-05", date: "2024-01-05", source: "Alpha Wire",
    text: "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday." },
  { id: "jan-20", date: "2024-01-20", source: "Beta News",
    text: "Russian President Vladimir Putin accused Ukraine of attacking the city of Belgorod." },
  { id: "feb-10", date: "2024-02-10", source: "Alpha Wire",
    text: "Chinese President Xi Jinping praised Brazil for its leadership on trade." },
  { id: "feb-24", date: "2024-02-24", source: "Beta News",
    text: "Japanese Prime Minister Fumio Kishida warned North Korea against further missile tests." },
  { id: "mar-15", date: "2024-03-15", source: "Alpha Wire",
    text: "Indian Prime Minister Narendra Modi visited Kenya on Friday. Modi met Kenyan President William Ruto in Nairobi." },
  { id: "undated",
    text: "Turkish President Recep Tayyip Erdogan criticized Sweden over the protests." },
];

/**
 * A hub with 2,000 relations: one actor linked to 1,000 others by two relation types each
 * (every relation with three sentences), and some links among the others.
 */
export function hubGraph(): SerializedGraph {
  const entities: Entity[] = [{ id: "hub", name: "Hub Actor", kind: "PERSON", aliases: [], mentions: [] }];
  const relations: Relation[] = [];
  const types: RelationType[] = ["MEET", "CONSULT", "SUPPORT", "ACCUSE", "PRAISE", "VISIT", "WARN", "DENY"];
  for (let i = 0; i < 1000; i++) {
    entities.push({ id: `n${i}`, name: `Actor ${i}`, kind: i % 2 ? "COUNTRY" : "PERSON", aliases: [], mentions: [] });
    for (const [offset, type] of [types[i % types.length], types[(i + 3) % types.length]].entries()) {
      const evidence = [0, 1, 2].map((k) => {
        const sentence = i * 6 + offset * 3 + k;
        return { document: `doc-${i % 50}.txt`, sentence, start: 0, end: 20, text: `Hub Actor and Actor ${i}, sentence ${sentence}.` };
      });
      relations.push({
        source: offset === 0 ? "hub" : `n${i}`, relation: type, target: offset === 0 ? `n${i}` : "hub",
        confidence: 0.8, modality: "asserted", evidence,
      });
    }
    if (i > 0) {
      relations.push({
        source: `n${i}`, relation: "MEET", target: `n${i - 1}`, confidence: 0.8, modality: "asserted",
        evidence: [{ document: "doc-x.txt", sentence: i, start: 0, end: 10, text: `Actor ${i} met Actor ${i - 1}.` }],
      });
    }
  }
  const graph = buildGraph([{ document: "hub.txt", entities, relations }]).export();
  graph.nodes.forEach((node, index) => {
    const angle = index * 2.399963;
    const radius = node.key === "hub" ? 0 : 10 * Math.sqrt(index);
    node.attributes = { ...node.attributes, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  return graph;
}
