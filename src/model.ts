// Types shared by every stage, and the graph's vocabulary as data.
// The vocabulary is fixed by shared/spec/relations.md: graphs built from different
// articles must merge, filter and compare, so nothing here is article-specific.
import { memoized } from "./memo.js";

export const ENTITY_KINDS = ["PERSON", "ORGANIZATION", "COUNTRY", "LOCATION"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type Polarity = "cooperative" | "neutral" | "conflictual" | "structural";

export const RELATION_TYPES = [
  "MEET", "CONSULT", "VISIT", "HOST", "SUPPORT", "PRAISE", "AGREE", "AID", "REQUEST",
  "QUOTE", "MONITOR", "ACCOMPANY", "ACCUSE", "DENY", "WARN", "DEMAND", "SANCTION",
  "ATTACK", "ROLE", "PART_OF", "LOCATED_IN",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface RelationInfo {
  label: string;
  symmetric: boolean;
  cameo: string;
  polarity: Polarity;
  /** The entity kinds the relation accepts at its source and at its target. */
  source: readonly EntityKind[];
  target: readonly EntityKind[];
}

/** Who can act: people, organisations and states (places cannot). */
const ACTORS: readonly EntityKind[] = ["PERSON", "ORGANIZATION", "COUNTRY"];
const NOT_PLACE: readonly EntityKind[] = ACTORS;
const ANY: readonly EntityKind[] = ENTITY_KINDS;
const actors = { source: ACTORS, target: ACTORS };

export const VOCABULARY: Readonly<Record<RelationType, RelationInfo>> = {
  MEET: { label: "met", symmetric: true, cameo: "04", polarity: "cooperative", ...actors },
  CONSULT: { label: "consulted", symmetric: true, cameo: "04", polarity: "cooperative", ...actors },
  VISIT: { label: "visited", symmetric: false, cameo: "042", polarity: "cooperative", source: NOT_PLACE, target: ANY },
  HOST: { label: "hosted", symmetric: false, cameo: "043", polarity: "cooperative", ...actors },
  SUPPORT: { label: "supports", symmetric: false, cameo: "05", polarity: "cooperative", ...actors },
  PRAISE: { label: "praised", symmetric: false, cameo: "051", polarity: "cooperative", ...actors },
  AGREE: { label: "agreed with", symmetric: true, cameo: "057", polarity: "cooperative", ...actors },
  AID: { label: "aided", symmetric: false, cameo: "07", polarity: "cooperative", ...actors },
  REQUEST: { label: "asked", symmetric: false, cameo: "02", polarity: "neutral", ...actors },
  QUOTE: { label: "quoted", symmetric: false, cameo: "01", polarity: "neutral", ...actors },
  MONITOR: { label: "monitored", symmetric: false, cameo: "09", polarity: "neutral", source: NOT_PLACE, target: ANY },
  ACCOMPANY: { label: "accompanied", symmetric: false, cameo: "-", polarity: "neutral", ...actors },
  ACCUSE: { label: "accused", symmetric: false, cameo: "112", polarity: "conflictual", ...actors },
  DENY: { label: "denied", symmetric: false, cameo: "12", polarity: "conflictual", ...actors },
  WARN: { label: "warned", symmetric: false, cameo: "13", polarity: "conflictual", ...actors },
  DEMAND: { label: "demanded", symmetric: false, cameo: "10", polarity: "conflictual", ...actors },
  SANCTION: { label: "sanctioned", symmetric: false, cameo: "16", polarity: "conflictual", ...actors },
  ATTACK: { label: "attacked", symmetric: false, cameo: "18", polarity: "conflictual", source: NOT_PLACE, target: ANY },
  ROLE: { label: "holds role in", symmetric: false, cameo: "-", polarity: "structural", source: ["PERSON"], target: ["ORGANIZATION", "COUNTRY"] },
  PART_OF: { label: "part of", symmetric: false, cameo: "-", polarity: "structural", source: ["ORGANIZATION", "COUNTRY", "LOCATION"], target: ["ORGANIZATION", "COUNTRY"] },
  LOCATED_IN: { label: "located in", symmetric: false, cameo: "-", polarity: "structural", source: ["LOCATION", "ORGANIZATION"], target: ["LOCATION", "COUNTRY"] },
};

/** Whether a relation accepts these kinds at its ends (VOCABULARY's source and target kinds). */
export function kindsFit(relation: RelationType, source: EntityKind, target: EntityKind): boolean {
  const info = VOCABULARY[relation];
  return info.source.includes(source) && info.target.includes(target);
}

export const POLARITIES: readonly Polarity[] = ["cooperative", "neutral", "conflictual", "structural"];

export type Modality = "asserted" | "reported" | "expected" | "possible" | "hypothetical" | "future";
export const MODALITIES: readonly Modality[] = [
  "asserted", "reported", "expected", "possible", "hypothetical", "future",
];

/** One input text. `id` is what evidence names as its document (usually the file name). */
export interface Document {
  id: string;
  text: string;
  /** ISO date, when the source gives one. */
  date?: string;
  source?: string;
}

export interface Token {
  /** Character offsets into Document.text: text.slice(start, end) === value. */
  start: number;
  end: number;
  value: string;
  /** Lower-cased normal form. */
  normal: string;
  lemma: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, ADP, PUNCT, ...). */
  pos: string;
  /** Sentence index. */
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Index of the first token and one past the last, into the token array. */
  firstToken: number;
  lastToken: number;
}

/** What the NLP stage gives the later stages. */
export interface AnalyzedText {
  document: Document;
  tokens: readonly Token[];
  sentences: Sentence[];
}

export type MentionForm = "name" | "nominal" | "pronoun";

export interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  form: MentionForm;
}

export interface Entity {
  /** Stable key: slug of the canonical name. */
  id: string;
  /** Canonical name: the longest proper form seen. */
  name: string;
  kind: EntityKind;
  /** Every other surface form seen, canonical name excluded. */
  aliases: string[];
  mentions: Mention[];
  /** With `explain`: the id of the rule that decided the kind. */
  kindRule?: string;
}

export interface Evidence {
  document: string;
  sentence: number;
  /** Character offsets of the sentence in the document. */
  start: number;
  end: number;
  text: string;
  date?: string;
  source?: string;
}

export interface Relation {
  source: string;
  relation: RelationType;
  target: string;
  evidence: Evidence[];
  confidence: number;
  modality: Modality;
  /** Entity id of whoever the text says made the claim. */
  attributedTo?: string;
  /** Only set when true; negated relations are not edges. */
  negated?: boolean;
  /** ROLE only: the role word as the text gives it. */
  role?: string;
  /** With `explain`: the id of the rule that made the relation (its first occurrence). */
  rule?: string;
  /** With `explain`: the word or words that triggered it, as offsets into the text. */
  trigger?: { start: number; end: number; text: string };
  /** With `explain`: the trigger's CAMEO event code, where the CAMEO lexicon codes it. */
  cameo?: string;
}

/** The contract between extracting one document and building a graph of many. */
export interface Extraction {
  document: string;
  /** Hash of the text, so a document added twice is recognised. */
  hash?: string;
  date?: string;
  source?: string;
  entities: Entity[];
  relations: Relation[];
}

/** Node attributes in the graph (graph.json). */
export interface NodeAttributes {
  label: string;
  kind: EntityKind;
  aliases: string[];
  mentions: number;
  documents: string[];
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

/** Edge attributes in the graph (graph.json). Never `type`: sigma reserves it. */
export interface EdgeAttributes {
  relation: RelationType;
  label: string;
  polarity: Polarity;
  cameo: string;
  evidence: Evidence[];
  weight: number;
  confidence: number;
  modality?: Modality;
  attributedTo?: string;
  role?: string;
  size?: number;
  color?: string;
}

export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/** Lower-case ASCII slug; keeps non-Latin letters so keys never collapse to "". Memoised. */
export const slugify: (name: string) => string = memoized(makeSlug);

function makeSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "entity";
}

export function edgeKey(source: string, relation: RelationType, target: string): string {
  return `${source}|${relation}|${target}`;
}

/** A mention found by the mentions stage, with its token range and what it hints about kind. */
export interface MentionCandidate extends Mention {
  firstToken: number;
  lastToken: number;
  /** Kind suggested by the mention itself (a country name, a title before a name, ...). */
  kindHint?: EntityKind;
  /** The id of the kind rule (src/entities/kinds.ts) that gave kindHint. */
  kindRule?: string;
  /** ISO alpha-3 code when the mention names a country, its capital or its people. */
  country?: string;
  placeRole?: "country" | "capital" | "demonym" | "demonym-plural";
  /** Title or role words as the text gives them ("Deputy Foreign Minister", "leader"). */
  title?: string;
  /** Lower-cased head noun of a nominal ("leader", "group"). */
  head?: string;
  /** Token range of an affiliation written before a title: "Russian", "NATO", "Brazil's". */
  affiliation?: { firstToken: number; lastToken: number };
  /** From the given name, for pronouns. */
  gender?: "male" | "female";
}

/** A mention after resolution: which entity it refers to. */
export interface ResolvedMention extends MentionCandidate {
  entity: string;
}

/** What the entities stage gives the relations stage. */
export interface ResolvedText {
  entities: Entity[];
  /** Resolved mentions in text order. */
  mentions: ResolvedMention[];
}
