// Scores one Extraction against one gold file, following shared/spec/gold-format.md.
//
// Entities. A node (an extracted entity: its name and aliases) is a candidate for every gold
// entity that shares a normalised name with it. Nodes are assigned to required gold entities
// by a maximum one-to-one matching (augmenting paths, nodes in extraction order, entities in
// gold order: deterministic, and the number matched never depends on node order; it starts
// from the typed matching below, so a node of the right kind is preferred over a duplicate
// of the wrong kind). Then each node is exactly one of:
//   - matched: assigned to a required entity (a true positive);
//   - optional: not assigned, and every candidate is optional (left out of precision and recall);
//   - duplicate: not assigned, but a candidate is a required entity another node already took
//     (a false positive: entity resolution matters);
//   - unmatched: no candidate at all (a false positive).
// Typed scores use the same nodes and the same exclusions, with a second maximum matching
// that only pairs a node with an entity of the same kind.
//
// Relations. Each endpoint node stands for one gold entity: the entity it was assigned to;
// for a duplicate, the (first, in gold order) required entity it duplicates, so a relation
// found on a duplicate node still counts as found; for an optional node, its first optional
// entity; an unmatched node stands for none. Negated relations and relations whose endpoints
// are not entities of the extraction are not edges (the graph drops them too). Edges are then
// counted once per (source entity, relation, target entity); for a symmetric relation (MEET,
// CONSULT, AGREE) the two directions are one edge. Edges between unmatched nodes are counted
// once per (source node, relation, target node). A counted edge is
//   - correct when it matches a required gold relation (relation type agrees with one of the
//     gold types, source among the gold sources and target among the gold targets, or the
//     other way round for a symmetric relation), also when another edge matched it already;
//   - left out when it matches only optional gold relations;
//   - spurious otherwise.
// Recall counts the required gold relations matched by at least one edge.
//
// Empty denominators: precision is 1 when nothing was extracted, recall is 1 when nothing
// was owed; F1 is 0 when precision + recall is 0.
import { VOCABULARY, type EntityKind, type Extraction, type RelationType } from "../model.js";
import type { Gold, GoldRelation } from "./gold.js";
import { normalizeName } from "./normalize.js";

export interface Counts {
  /** Extracted items counted (optional-only matches left out). */
  predicted: number;
  /** Extracted items that are right. */
  correct: number;
  /** Required gold items. */
  gold: number;
  /** Required gold items found. */
  found: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export type NodeStatus = "matched" | "optional" | "duplicate" | "unmatched";

export interface NodeOutcome {
  id: string;
  label: string;
  kind: EntityKind;
  status: NodeStatus;
  /** The gold entity id the node stands for (undefined when unmatched). */
  gold?: string;
  /** True when the node is matched with its kind agreeing (typed matching). */
  typed: boolean;
}

export interface MissedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** An extracted node with this entity's name but another kind, when typed scoring missed it. */
  extractedKind?: EntityKind;
}

export type EdgeStatus = "correct" | "optional" | "spurious";

export interface EdgeOutcome {
  source: string;
  relation: RelationType;
  target: string;
  /** Gold entity ids the endpoints stand for, when they stand for one. */
  goldSource?: string;
  goldTarget?: string;
  status: EdgeStatus;
  /** Text of the first evidence sentence. */
  evidence?: string;
  /** The extraction rule that made the relation, when the extraction was explained. */
  rule?: string;
}

export interface MissedRelation {
  source: string[];
  relation: RelationType[];
  target: string[];
  evidence?: string;
}

export interface DocumentScore {
  document: string;
  entities: Score;
  typedEntities: Score;
  relations: Score;
  nodes: NodeOutcome[];
  edges: EdgeOutcome[];
  missedEntities: MissedEntity[];
  /** Required gold entities matched untyped but not typed (kind disagrees). */
  mistypedEntities: MissedEntity[];
  missedRelations: MissedRelation[];
}

export interface EvaluationReport {
  documents: DocumentScore[];
  /** Micro-averaged over all documents (counts summed, then divided). */
  overall: { entities: Score; typedEntities: Score; relations: Score };
}

export function toScore(counts: Counts): Score {
  const precision = counts.predicted === 0 ? 1 : counts.correct / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.found / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

export function scoreExtraction(gold: Gold, extraction: Extraction): DocumentScore {
  const entityScoring = scoreEntities(gold, extraction);
  const relationScoring = scoreRelations(gold, extraction, entityScoring.standsFor);
  return {
    document: gold.document,
    entities: entityScoring.entities,
    typedEntities: entityScoring.typedEntities,
    relations: relationScoring.score,
    nodes: entityScoring.nodes,
    edges: relationScoring.edges,
    missedEntities: entityScoring.missed,
    mistypedEntities: entityScoring.mistyped,
    missedRelations: relationScoring.missed,
  };
}

/** Scores many documents and micro-averages them. */
export function evaluate(pairs: readonly { gold: Gold; extraction: Extraction }[]): EvaluationReport {
  const documents = pairs.map(({ gold, extraction }) => scoreExtraction(gold, extraction));
  const sum = (pick: (d: DocumentScore) => Score): Score => toScore(documents.reduce<Counts>(
    (total, d) => {
      const s = pick(d);
      return {
        predicted: total.predicted + s.predicted, correct: total.correct + s.correct,
        gold: total.gold + s.gold, found: total.found + s.found,
      };
    },
    { predicted: 0, correct: 0, gold: 0, found: 0 },
  ));
  return {
    documents,
    overall: {
      entities: sum((d) => d.entities),
      typedEntities: sum((d) => d.typedEntities),
      relations: sum((d) => d.relations),
    },
  };
}

function scoreEntities(gold: Gold, extraction: Extraction) {
  const byName = new Map<string, number[]>();
  gold.entities.forEach((entity, index) => {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = normalizeName(name);
      const list = byName.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      byName.set(key, list);
    }
  });
  const candidates = extraction.entities.map((node) => {
    const found = new Set<number>();
    for (const name of [node.name, ...node.aliases]) {
      for (const index of byName.get(normalizeName(name)) ?? []) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  });
  const required = candidates.map((list) => list.filter((i) => !gold.entities[i].optional));
  const typedAssigned = maximumMatching(
    required.map((list, n) => list.filter((i) => gold.entities[i].kind === extraction.entities[n].kind)),
    gold.entities.length,
  );
  const assigned = maximumMatching(required, gold.entities.length, typedAssigned);

  const nodes: NodeOutcome[] = extraction.entities.map((node, n) => {
    let status: NodeStatus;
    let standsFor: number | undefined;
    if (assigned[n] !== undefined) {
      status = "matched";
      standsFor = assigned[n];
    } else if (candidates[n].length === 0) {
      status = "unmatched";
    } else if (required[n].length === 0) {
      status = "optional";
      standsFor = candidates[n][0];
    } else {
      status = "duplicate";
      standsFor = required[n][0];
    }
    const outcome: NodeOutcome = {
      id: node.id, label: node.name, kind: node.kind, status, typed: typedAssigned[n] !== undefined,
    };
    if (standsFor !== undefined) outcome.gold = gold.entities[standsFor].id;
    return outcome;
  });

  const requiredCount = gold.entities.filter((e) => !e.optional).length;
  const predicted = nodes.filter((n) => n.status !== "optional").length;
  const correct = nodes.filter((n) => n.status === "matched").length;
  const typedCorrect = nodes.filter((n) => n.typed).length;

  const matchedEntities = new Set(assigned.filter((i): i is number => i !== undefined));
  const typedEntities = new Set(typedAssigned.filter((i): i is number => i !== undefined));
  const missed: MissedEntity[] = [];
  const mistyped: MissedEntity[] = [];
  gold.entities.forEach((entity, index) => {
    if (entity.optional) return;
    const item: MissedEntity = { id: entity.id, name: entity.name, kind: entity.kind };
    if (!matchedEntities.has(index)) missed.push(item);
    else if (!typedEntities.has(index)) {
      const node = assigned.findIndex((i) => i === index);
      mistyped.push({ ...item, extractedKind: extraction.entities[node].kind });
    }
  });

  const standsFor = new Map<string, string>();
  for (const node of nodes) if (node.gold !== undefined) standsFor.set(node.id, node.gold);

  return {
    entities: toScore({ predicted, correct, gold: requiredCount, found: correct }),
    typedEntities: toScore({ predicted, correct: typedCorrect, gold: requiredCount, found: typedCorrect }),
    nodes, missed, mistyped, standsFor,
  };
}

function scoreRelations(gold: Gold, extraction: Extraction, standsFor: Map<string, string>) {
  const nodeIds = new Set(extraction.entities.map((e) => e.id));
  const counted = new Map<string, EdgeOutcome>();
  const foundGold = new Set<number>();

  for (const relation of extraction.relations) {
    if (relation.negated) continue;
    if (!nodeIds.has(relation.source) || !nodeIds.has(relation.target)) continue;
    const goldSource = standsFor.get(relation.source);
    const goldTarget = standsFor.get(relation.target);
    const symmetric = VOCABULARY[relation.relation].symmetric;
    let identity: string;
    if (goldSource !== undefined && goldTarget !== undefined) {
      const [a, b] = symmetric && goldTarget < goldSource ? [goldTarget, goldSource] : [goldSource, goldTarget];
      identity = `gold\u0000${a}\u0000${relation.relation}\u0000${b}`;
    } else {
      const [a, b] = symmetric && relation.target < relation.source
        ? [relation.target, relation.source] : [relation.source, relation.target];
      identity = `node\u0000${a}\u0000${relation.relation}\u0000${b}`;
    }
    if (counted.has(identity)) continue;

    let status: EdgeStatus = "spurious";
    if (goldSource !== undefined && goldTarget !== undefined) {
      gold.relations.forEach((goldRelation, index) => {
        if (!relationMatches(goldRelation, goldSource, relation.relation, goldTarget)) return;
        if (goldRelation.optional) {
          if (status === "spurious") status = "optional";
        } else {
          status = "correct";
          foundGold.add(index);
        }
      });
    }
    const outcome: EdgeOutcome = {
      source: relation.source, relation: relation.relation, target: relation.target, status,
    };
    if (goldSource !== undefined) outcome.goldSource = goldSource;
    if (goldTarget !== undefined) outcome.goldTarget = goldTarget;
    if (relation.evidence[0]) outcome.evidence = relation.evidence[0].text;
    if (relation.rule !== undefined) outcome.rule = relation.rule;
    counted.set(identity, outcome);
  }

  const edges = [...counted.values()];
  const missed: MissedRelation[] = [];
  gold.relations.forEach((r, index) => {
    if (r.optional || foundGold.has(index)) return;
    const item: MissedRelation = { source: r.sources, relation: r.relations, target: r.targets };
    if (r.evidence !== undefined) item.evidence = r.evidence;
    missed.push(item);
  });
  const score = toScore({
    predicted: edges.filter((e) => e.status !== "optional").length,
    correct: edges.filter((e) => e.status === "correct").length,
    gold: gold.relations.filter((r) => !r.optional).length,
    found: foundGold.size,
  });
  return { score, edges, missed };
}

function relationMatches(gold: GoldRelation, source: string, relation: RelationType, target: string): boolean {
  if (!gold.relations.includes(relation)) return false;
  if (gold.sources.includes(source) && gold.targets.includes(target)) return true;
  return VOCABULARY[relation].symmetric && gold.sources.includes(target) && gold.targets.includes(source);
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths) between left items (nodes) and right
 * items (gold entities), grown from `initial` (a valid matching). Returns, per left item, the
 * right item assigned to it.
 */
function maximumMatching(
  candidates: readonly number[][],
  rightCount: number,
  initial: readonly (number | undefined)[] = [],
): (number | undefined)[] {
  const owner: (number | undefined)[] = new Array(rightCount).fill(undefined);
  initial.forEach((right, left) => {
    if (right !== undefined) owner[right] = left;
  });
  const isAssigned = new Set(initial.map((right, left) => (right === undefined ? -1 : left)));
  const tryAssign = (left: number, visited: boolean[]): boolean => {
    for (const right of candidates[left]) {
      if (visited[right]) continue;
      visited[right] = true;
      const current = owner[right];
      if (current === undefined || tryAssign(current, visited)) {
        owner[right] = left;
        return true;
      }
    }
    return false;
  };
  for (let left = 0; left < candidates.length; left++) {
    if (!isAssigned.has(left)) tryAssign(left, new Array(rightCount).fill(false));
  }
  const assigned: (number | undefined)[] = new Array(candidates.length).fill(undefined);
  owner.forEach((left, right) => {
    if (left !== undefined) assigned[left] = right;
  });
  return assigned;
}
