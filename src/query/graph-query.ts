// The typed query API over a built graph: entities by name or alias, relations by
// any combination of endpoints and conditions, neighbours, shortest connections,
// the evidence linking two actors, and summary counts. Browser-safe.
import {
  ENTITY_KINDS, MODALITIES, POLARITIES, RELATION_TYPES, VOCABULARY,
  type EdgeAttributes, type EntityKind, type Evidence, type Modality, type NodeAttributes,
  type Polarity, type RelationType,
} from "../model.js";
import { compare, type KnowledgeGraph } from "../graph/index.js";
import { NameIndex } from "./names.js";
import type {
  Direction, EntityLookup, EntityRecord, EntityRef, EvidenceRecord, GraphPath, GraphStats,
  Neighbor, NeighborOptions, PathHop, PathOptions, QueryResult, RelationConditions,
  RelationFilter, RelationRecord, UnresolvedName,
} from "./types.js";

const DEFAULT_MAX_PATH_LENGTH = 4;
const DEFAULT_PATH_LIMIT = 20;
const TOP_ACTORS = 10;

/** Evidence kept for an edge under some conditions; null when the edge fails them. */
type EdgeCheck = (attributes: EdgeAttributes) => Evidence[] | null;

interface Resolution {
  unresolved: UnresolvedName[];
  resolved: Record<string, EntityRef[]>;
}

export class GraphQuery {
  private index: NameIndex | undefined;
  private indexedOrder = -1;

  constructor(readonly graph: KnowledgeGraph) {}

  /** Call after changing node labels or aliases in place, so names resolve afresh. */
  refresh(): void {
    this.index = undefined;
  }

  /** Resolves a name, alias or node key to the entity it stands for. */
  entity(name: string): EntityLookup {
    const resolution: Resolution = { unresolved: [], resolved: {} };
    const nodes = this.resolveField("name", name, resolution);
    const results = nodes ? [...nodes].map((node) => this.entityRecord(node)) : [];
    return { results, entity: results[0] ?? null, ...resolution };
  }

  /** Relations matching every condition given; symmetric ones match either way round. */
  relations(filter: RelationFilter = {}): QueryResult<RelationRecord> {
    const check = edgeCheck(filter);
    const resolution: Resolution = { unresolved: [], resolved: {} };
    const sources = this.resolveField("source", filter.source, resolution);
    const targets = this.resolveField("target", filter.target, resolution);
    const either = this.resolveField("entity", filter.entity, resolution);
    if (resolution.unresolved.length > 0) return { results: [], ...resolution };

    const fits = (source: string, target: string): boolean =>
      (!sources || sources.has(source)) && (!targets || targets.has(target)) &&
      (!either || either.has(source) || either.has(target));
    const anchor = sources ?? targets ?? either;
    const results: RelationRecord[] = [];
    for (const edge of this.candidateEdges(anchor)) {
      const attributes = this.graph.getEdgeAttributes(edge);
      const evidence = check(attributes);
      if (!evidence) continue;
      const source = this.graph.source(edge);
      const target = this.graph.target(edge);
      if (fits(source, target)) {
        results.push(this.relationRecord(edge, evidence, false));
      } else if (isSymmetric(attributes) && fits(target, source)) {
        results.push(this.relationRecord(edge, evidence, true));
      }
    }
    return { results: results.sort(byStrength), ...resolution };
  }

  /** Entities linked to `name`, each with the relations that link them. */
  neighbors(name: string, options: NeighborOptions = {}): QueryResult<Neighbor> {
    const check = edgeCheck(options);
    const direction = checkDirection(options.direction ?? "both");
    const resolution: Resolution = { unresolved: [], resolved: {} };
    const centre = this.resolveField("name", name, resolution);
    if (!centre) return { results: [], ...resolution };

    const byNeighbor = new Map<string, RelationRecord[]>();
    for (const edge of this.candidateEdges(centre)) {
      const attributes = this.graph.getEdgeAttributes(edge);
      const source = this.graph.source(edge);
      const target = this.graph.target(edge);
      if (centre.has(source) && centre.has(target)) continue;
      const outgoing = centre.has(source);
      const inDirection = direction === "both" || isSymmetric(attributes) ||
        (direction === "out") === outgoing;
      if (!inDirection) continue;
      const evidence = check(attributes);
      if (!evidence) continue;
      const other = outgoing ? target : source;
      const records = byNeighbor.get(other) ?? [];
      records.push(this.relationRecord(edge, evidence, !outgoing && isSymmetric(attributes)));
      byNeighbor.set(other, records);
    }
    const results = [...byNeighbor.entries()]
      .map(([node, relations]): Neighbor => ({ entity: this.ref(node), relations: relations.sort(byStrength) }))
      .sort((a, b) =>
        evidenceCount(b.relations) - evidenceCount(a.relations) ||
        compare(a.entity.label, b.entity.label) || compare(a.entity.id, b.entity.id));
    return { results, ...resolution };
  }

  /**
   * The shortest connections between two entities, ignoring edge direction, up to
   * `maxLength` hops; each hop lists every relation between its two entities.
   */
  paths(from: string, to: string, options: PathOptions = {}): QueryResult<GraphPath> {
    const check = edgeCheck(options);
    const maxLength = positiveInteger("maxLength", options.maxLength ?? DEFAULT_MAX_PATH_LENGTH);
    const limit = positiveInteger("limit", options.limit ?? DEFAULT_PATH_LIMIT);
    const resolution: Resolution = { unresolved: [], resolved: {} };
    const starts = this.resolveField("from", from, resolution);
    const ends = this.resolveField("to", to, resolution);
    if (!starts || !ends) return { results: [], ...resolution };

    const evidenceCache = new Map<string, Evidence[] | null>();
    const usable = (edge: string): Evidence[] | null => {
      if (!evidenceCache.has(edge)) evidenceCache.set(edge, check(this.graph.getEdgeAttributes(edge)));
      return evidenceCache.get(edge)!;
    };

    // Breadth-first from every start, remembering all predecessors on shortest routes.
    const predecessors = new Map<string, string[]>();
    for (const node of starts) predecessors.set(node, []);
    let frontier = [...starts];
    let reached = frontier.filter((node) => ends.has(node));
    for (let depth = 0; reached.length === 0 && depth < maxLength && frontier.length > 0; depth++) {
      const next = new Map<string, string[]>();
      for (const node of frontier) {
        this.graph.forEachEdge(node, (edge, _attributes, source, target) => {
          const other = source === node ? target : source;
          if (other === node || predecessors.has(other) || !usable(edge)) return;
          const before = next.get(other) ?? [];
          if (!before.includes(node)) before.push(node);
          next.set(other, before);
        });
      }
      for (const [node, before] of next) predecessors.set(node, before);
      frontier = [...next.keys()];
      reached = frontier.filter((node) => ends.has(node));
    }

    const routes: string[][] = [];
    const walkBack = (node: string, suffix: string[]): void => {
      if (routes.length >= limit) return;
      const before = predecessors.get(node)!;
      if (before.length === 0) {
        routes.push([node, ...suffix]);
        return;
      }
      for (const previous of [...before].sort((a, b) => this.compareNodes(a, b))) {
        walkBack(previous, [node, ...suffix]);
      }
    };
    for (const end of reached.sort((a, b) => this.compareNodes(a, b))) walkBack(end, []);

    const results = routes.map((route): GraphPath => {
      const hops: PathHop[] = [];
      for (let i = 0; i + 1 < route.length; i++) {
        const a = route[i]!;
        const b = route[i + 1]!;
        const relations: RelationRecord[] = [];
        for (const edge of this.graph.outEdges(a, b)) {
          const evidence = usable(edge);
          if (evidence) relations.push(this.relationRecord(edge, evidence, false));
        }
        for (const edge of this.graph.outEdges(b, a)) {
          const evidence = usable(edge);
          if (evidence) {
            relations.push(this.relationRecord(edge, evidence, isSymmetric(this.graph.getEdgeAttributes(edge))));
          }
        }
        hops.push({ from: this.ref(a), to: this.ref(b), relations: relations.sort(byStrength) });
      }
      return { length: route.length - 1, entities: route.map((node) => this.ref(node)), hops };
    });
    return { results, ...resolution };
  }

  /** Every sentence supporting a relation between `a` and `b` (or any relation of `a`). */
  evidence(a: string, b?: string, conditions: RelationConditions = {}): QueryResult<EvidenceRecord> {
    const check = edgeCheck(conditions);
    const resolution: Resolution = { unresolved: [], resolved: {} };
    const first = this.resolveField("a", a, resolution);
    const second = b === undefined ? undefined : this.resolveField("b", b, resolution);
    if (resolution.unresolved.length > 0 || !first) return { results: [], ...resolution };

    const bySentence = new Map<string, EvidenceRecord>();
    for (const edge of this.candidateEdges(first)) {
      const source = this.graph.source(edge);
      const target = this.graph.target(edge);
      const linked = second
        ? (first.has(source) && second.has(target)) || (first.has(target) && second.has(source))
        : true;
      if (!linked) continue;
      const attributes = this.graph.getEdgeAttributes(edge);
      const evidence = check(attributes);
      if (!evidence) continue;
      const orient = isSymmetric(attributes) && first.has(target) && !first.has(source);
      const relation = {
        id: edge,
        source: this.ref(orient ? target : source),
        relation: attributes.relation,
        target: this.ref(orient ? source : target),
      };
      for (const item of evidence) {
        const key = `${item.document}\u0000${item.sentence}`;
        const record = bySentence.get(key) ?? { ...item, relations: [] };
        record.relations.push(relation);
        bySentence.set(key, record);
      }
    }
    const results = [...bySentence.values()].sort(byPlace);
    for (const record of results) record.relations.sort((x, y) => compare(x.id, y.id));
    return { results, ...resolution };
  }

  /** Counts by kind, relation and polarity, and the most connected actors. */
  stats(): GraphStats {
    const byKind = zeroes(ENTITY_KINDS);
    const byRelation = zeroes(RELATION_TYPES);
    const byPolarity = zeroes(POLARITIES);
    const documents = new Set<string>();
    let evidence = 0;
    this.graph.forEachNode((_node, attributes) => {
      if (attributes.kind in byKind) byKind[attributes.kind]++;
      for (const document of listOf<string>(attributes.documents)) documents.add(document);
    });
    this.graph.forEachEdge((_edge, attributes) => {
      if (attributes.relation in byRelation) byRelation[attributes.relation]++;
      if (attributes.polarity in byPolarity) byPolarity[attributes.polarity]++;
      const items = listOf<Evidence>(attributes.evidence);
      evidence += items.length;
      for (const item of items) documents.add(item.document);
    });
    const topActors = this.graph.nodes()
      .map((node) => ({
        node,
        degree: this.graph.degree(node),
        mentions: numberOr(this.graph.getNodeAttribute(node, "mentions"), 0),
        label: this.ref(node).label,
      }))
      .sort((a, b) =>
        b.degree - a.degree || b.mentions - a.mentions || compare(a.label, b.label) || compare(a.node, b.node))
      .slice(0, TOP_ACTORS)
      .map(({ node, degree, mentions }) => ({
        ...this.ref(node),
        degree,
        mentions,
        evidence: this.graph.edges(node)
          .reduce((sum, edge) => sum + listOf(this.graph.getEdgeAttribute(edge, "evidence")).length, 0),
      }));
    return {
      entities: this.graph.order,
      relations: this.graph.size,
      documents: documents.size,
      evidence,
      byKind, byRelation, byPolarity, topActors,
    };
  }

  private names(): NameIndex {
    if (!this.index || this.indexedOrder !== this.graph.order) {
      this.index = new NameIndex(this.graph);
      this.indexedOrder = this.graph.order;
    }
    return this.index;
  }

  /** Node keys for the names given in one field; undefined when the field is absent or unresolved. */
  private resolveField(
    field: string, names: string | readonly string[] | undefined, resolution: Resolution,
  ): Set<string> | undefined {
    if (names === undefined) return undefined;
    const nodes = new Set<string>();
    let unresolved = false;
    for (const name of typeof names === "string" ? [names] : names) {
      const found = this.names().resolve(name);
      resolution.resolved[name] = found.map((node) => this.ref(node));
      if (found.length === 0) {
        unresolved = true;
        resolution.unresolved.push({ name, field, suggestions: this.names().suggest(name) });
      }
      for (const node of found) nodes.add(node);
    }
    return unresolved ? undefined : nodes;
  }

  /** Edges touching any of `nodes` (each once, in graph order), or all edges. */
  private candidateEdges(nodes: Set<string> | undefined): string[] {
    if (!nodes) return this.graph.edges();
    const edges = new Set<string>();
    for (const node of nodes) for (const edge of this.graph.edges(node)) edges.add(edge);
    return [...edges];
  }

  private ref(node: string): EntityRef {
    const attributes = this.graph.getNodeAttributes(node);
    return {
      id: node,
      label: typeof attributes.label === "string" ? attributes.label : node,
      kind: attributes.kind as EntityKind,
    };
  }

  private compareNodes(a: string, b: string): number {
    return compare(this.ref(a).label, this.ref(b).label) || compare(a, b);
  }

  private entityRecord(node: string): EntityRecord {
    const attributes: Partial<NodeAttributes> = this.graph.getNodeAttributes(node);
    const evidence = new Map<string, Evidence>();
    for (const edge of this.graph.edges(node)) {
      for (const item of listOf<Evidence>(this.graph.getEdgeAttribute(edge, "evidence"))) {
        evidence.set(`${item.document}\u0000${item.sentence}`, item);
      }
    }
    return {
      ...this.ref(node),
      aliases: listOf<string>(attributes.aliases),
      mentions: numberOr(attributes.mentions, 0),
      documents: listOf<string>(attributes.documents),
      degree: this.graph.degree(node),
      evidence: [...evidence.values()].sort(byPlace),
    };
  }

  private relationRecord(edge: string, evidence: Evidence[], reversed: boolean): RelationRecord {
    const attributes = this.graph.getEdgeAttributes(edge);
    const source = this.ref(this.graph.source(edge));
    const target = this.ref(this.graph.target(edge));
    const info = VOCABULARY[attributes.relation];
    const record: RelationRecord = {
      id: edge,
      source: reversed ? target : source,
      relation: attributes.relation,
      target: reversed ? source : target,
      label: attributes.label ?? info.label,
      polarity: attributes.polarity ?? info.polarity,
      cameo: attributes.cameo ?? info.cameo,
      symmetric: info.symmetric,
      confidence: numberOr(attributes.confidence, 0),
      weight: numberOr(attributes.weight, listOf(attributes.evidence).length),
      evidence,
    };
    if (attributes.modality) record.modality = attributes.modality;
    if (attributes.attributedTo) record.attributedTo = attributes.attributedTo;
    if (attributes.role) record.role = attributes.role;
    return record;
  }
}

/** Builds the test an edge must pass, validating the conditions once. */
function edgeCheck(conditions: RelationConditions): EdgeCheck {
  const relations = optionSet("relation", conditions.relation, RELATION_TYPES, (v) => v.toUpperCase());
  const polarities = optionSet<Polarity>("polarity", conditions.polarity, POLARITIES, (v) => v.toLowerCase());
  const modalities = optionSet<Modality>("modality", conditions.modality, MODALITIES, (v) => v.toLowerCase());
  const documents = conditions.document === undefined
    ? undefined
    : new Set(typeof conditions.document === "string" ? [conditions.document] : conditions.document);
  const minConfidence = conditions.minConfidence;
  if (minConfidence !== undefined && (typeof minConfidence !== "number" || Number.isNaN(minConfidence))) {
    throw new RangeError(`minConfidence must be a number, got ${String(minConfidence)}`);
  }
  return (attributes) => {
    if (relations && !relations.has(attributes.relation)) return null;
    if (polarities && !polarities.has(attributes.polarity)) return null;
    if (modalities && !modalities.has(attributes.modality ?? "asserted")) return null;
    if (minConfidence !== undefined && numberOr(attributes.confidence, 0) < minConfidence) return null;
    const evidence = listOf<Evidence>(attributes.evidence);
    if (!documents) return evidence;
    const kept = evidence.filter((item) => documents.has(item.document));
    return kept.length > 0 ? kept : null;
  };
}

function optionSet<T extends string>(
  name: string, given: string | readonly string[] | undefined, allowed: readonly T[],
  canonical: (value: string) => string,
): Set<T> | undefined {
  if (given === undefined) return undefined;
  const values = new Set<T>();
  for (const value of typeof given === "string" ? [given] : given) {
    const form = canonical(String(value));
    if (!(allowed as readonly string[]).includes(form)) {
      throw new RangeError(`unknown ${name} "${value}"; expected one of ${allowed.join(", ")}`);
    }
    values.add(form as T);
  }
  return values;
}

function checkDirection(direction: string): Direction {
  if (direction === "out" || direction === "in" || direction === "both") return direction;
  throw new RangeError(`unknown direction "${direction}"; expected out, in or both`);
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function isSymmetric(attributes: EdgeAttributes): boolean {
  return VOCABULARY[attributes.relation]?.symmetric === true;
}

function evidenceCount(relations: RelationRecord[]): number {
  return relations.reduce((sum, relation) => sum + relation.evidence.length, 0);
}

/** Best supported first, then most confident, then by key: stable across runs. */
function byStrength(a: RelationRecord, b: RelationRecord): number {
  return b.evidence.length - a.evidence.length || b.confidence - a.confidence || compare(a.id, b.id);
}

function byPlace(a: Evidence, b: Evidence): number {
  return compare(a.document, b.document) || a.sentence - b.sentence || a.start - b.start;
}

function zeroes<T extends string>(keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<T, number>;
}

function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
