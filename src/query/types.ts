// What queries take and give. Every answer about relations carries the evidence
// sentences (document, sentence index, offsets, text) that support it.
import type {
  EntityKind, Evidence, Modality, Polarity, RelationType,
} from "../model.js";

/** An entity as other results point at it. */
export interface EntityRef {
  id: string;
  label: string;
  kind: EntityKind;
}

/** Everything the graph knows about one entity. */
export interface EntityRecord extends EntityRef {
  aliases: string[];
  mentions: number;
  documents: string[];
  /** Number of relations (edges) the entity takes part in. */
  degree: number;
  /** The sentences of all its relations, one entry per (document, sentence). */
  evidence: Evidence[];
}

/** One edge of the graph: who did what to whom, and the sentences that say so. */
export interface RelationRecord {
  /** The edge key: `source|RELATION|target`. */
  id: string;
  source: EntityRef;
  relation: RelationType;
  target: EntityRef;
  label: string;
  polarity: Polarity;
  cameo: string;
  /**
   * Symmetric relations (MEET, CONSULT, AGREE) have no real direction; results
   * orient them from the entity the query asked about.
   */
  symmetric: boolean;
  confidence: number;
  /** Number of supporting sentences in the whole graph. */
  weight: number;
  modality?: Modality;
  /** Node key of whoever the text says made the claim. */
  attributedTo?: string;
  role?: string;
  evidence: Evidence[];
}

/** A name that matched no entity, with close names to try instead. */
export interface UnresolvedName {
  name: string;
  /** Which argument or filter field the name was given in. */
  field: string;
  suggestions: string[];
}

export interface QueryResult<T> {
  results: T[];
  /** Names that matched nothing; when non-empty, `results` is empty. */
  unresolved: UnresolvedName[];
  /** How each name given was resolved (a name may stand for several entities). */
  resolved: Record<string, EntityRef[]>;
}

export interface EntityLookup extends QueryResult<EntityRecord> {
  /** The best match, or null when the name is unknown. */
  entity: EntityRecord | null;
}

type OneOrMany<T> = T | readonly T[];

/** Conditions on relations; every field given must hold (filters compose). */
export interface RelationConditions {
  /** Relation types; case does not matter ("support" = "SUPPORT"). */
  relation?: OneOrMany<RelationType | Lowercase<RelationType>>;
  polarity?: OneOrMany<Polarity>;
  modality?: OneOrMany<Modality>;
  /** Keep relations whose confidence is at least this. */
  minConfidence?: number;
  /** Keep only evidence from these documents (and relations that have some). */
  document?: OneOrMany<string>;
}

export interface RelationFilter extends RelationConditions {
  /** Names (or aliases, or node keys) of the acting side. */
  source?: OneOrMany<string>;
  /** Names of the receiving side. */
  target?: OneOrMany<string>;
  /** Names that may be on either side. */
  entity?: OneOrMany<string>;
}

export type Direction = "out" | "in" | "both";

export interface NeighborOptions extends RelationConditions {
  /** out: relations the entity is the source of; in: the target of; both (default). */
  direction?: Direction;
}

export interface Neighbor {
  entity: EntityRef;
  /** The relations linking the queried entity and this neighbour, with evidence. */
  relations: RelationRecord[];
}

export interface PathOptions extends RelationConditions {
  /** Longest connection looked for, in hops (default 4). */
  maxLength?: number;
  /** Most paths returned (default 20). */
  limit?: number;
}

/** One step of a path: every relation between two consecutive entities. */
export interface PathHop {
  from: EntityRef;
  to: EntityRef;
  relations: RelationRecord[];
}

export interface GraphPath {
  /** Number of hops. */
  length: number;
  entities: EntityRef[];
  hops: PathHop[];
}

/** One sentence, with the relations it supports. */
export interface EvidenceRecord extends Evidence {
  relations: Array<{ id: string; source: EntityRef; relation: RelationType; target: EntityRef }>;
}

export interface ActorStats extends EntityRef {
  degree: number;
  mentions: number;
  /** Supporting sentences over all the actor's relations. */
  evidence: number;
}

export interface GraphStats {
  entities: number;
  relations: number;
  documents: number;
  /** Sentence references over all relations. */
  evidence: number;
  byKind: Record<EntityKind, number>;
  byRelation: Record<RelationType, number>;
  byPolarity: Record<Polarity, number>;
  /** Most connected entities: by degree, then mentions, then label. */
  topActors: ActorStats[];
}
