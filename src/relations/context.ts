// What every relation rule reads: the Doc, its resolved mentions as slots (the outermost
// actor mentions relations are read from) with per-token indexes, and the drafts the rules
// add. One context per document, made by extractRelations and dropped after it.
import { VOCABULARY, kindsFit, type EntityKind, type Modality, type RelationType, type ResolvedMention } from "../model.js";
import type { Doc } from "../doc/doc.js";
import { SpanGroup } from "../doc/spans.js";
import { RELATION_RULES, type RelationRuleId } from "./rules.js";
import { officeOf } from "./grammar.js";

/** Kinds that act (VOCABULARY's actors): a PERSON, ORGANIZATION or COUNTRY. */
export const ACTOR_KINDS: ReadonlySet<EntityKind> = new Set(VOCABULARY.MEET.source);

/** Where a rule read a relation: its id, the trigger's token range, and the evidence window's centre. */
export interface Site {
  rule: RelationRuleId;
  /** Token range [from, to) of the trigger word(s). */
  from: number;
  to: number;
  /** Character offset of what states the relation, for the evidence window of a long sentence. */
  anchor: number;
  /** CAMEO event code of the trigger, where the CAMEO lexicon codes it. */
  cameo?: string;
}

export interface Draft {
  site: Site;
  source: string;
  relation: RelationType;
  target: string;
  sentence: number;
  confidence: number;
  modality: Modality;
  attributedTo?: string;
  negated?: boolean;
  role?: string;
}

export class RelationContext {
  readonly doc: Doc;
  readonly tokens: Doc["tokens"];
  readonly sentences: Doc["sentences"];
  readonly document: Doc["document"];
  /** Resolved mentions (the `entities` span group) and the entity table. */
  readonly group: Doc["spans"]["entities"];
  readonly all: readonly ResolvedMention[];
  readonly kindOf: Map<string, EntityKind>;
  readonly drafts: Draft[] = [];
  readonly pendingRoles: { mention: ResolvedMention; title: string; site: Site }[] = [];
  readonly pendingDenials: { denier: string; sentence: number; modality: Modality; verb: number }[] = [];
  /** 1 on tokens of an affiliation written before a title ("Russian" in "Russian President X"). */
  readonly inAffiliation: Uint8Array;
  /** The first country mention of each country code. */
  readonly stateByCode = new Map<string, ResolvedMention>();
  /** Entities that hold a ROLE, and the holders of each office (`body|office`). */
  readonly withRole = new Set<string>();
  readonly officeHolders = new Map<string, Set<string>>();
  /** The slots: outermost mentions that can fill a relation's ends. */
  readonly slots: readonly ResolvedMention[];
  /** Per token, the index of the slot holding it (the last one), and of the shortest mention holding it. */
  readonly slotAt: Int32Array;
  readonly anyAt: Int32Array;
  /** Organisations by normalised name and alias, built on first use. */
  bodyByName: Map<string, string> | undefined;

  constructor(doc: Doc) {
    this.doc = doc;
    this.tokens = doc.tokens;
    this.sentences = doc.sentences;
    this.document = doc.document;
    this.group = doc.spans.entities;
    const all = this.group.items;
    this.all = all;
    this.kindOf = new Map<string, EntityKind>(doc.entities.map((e) => [e.id, e.kind]));
    // Longest mention covering each token: a mention inside a longer one is not a slot.
    const longestAt = this.group.coveringIndex("longest");
    const outer = all.filter((m) => {
      const o = all[longestAt[m.firstToken]];
      return o === m || !(o.firstToken <= m.firstToken && o.lastToken >= m.lastToken && o.lastToken - o.firstToken > m.lastToken - m.firstToken);
    });
    this.inAffiliation = new Uint8Array(doc.length);
    for (const m of all) if (m.affiliation) for (let k = m.affiliation.firstToken; k < m.affiliation.lastToken; k++) this.inAffiliation[k] = 1;
    for (const m of all) if (m.country && !this.stateByCode.has(m.country) && this.kindOf.get(m.entity) === "COUNTRY") this.stateByCode.set(m.country, m);
    this.slots = outer.filter((m) => !isBareDemonym(this, m) && !isAffiliationOfNext(this, m));
    this.slotAt = new SpanGroup("slots", doc.length, this.slots).coveringIndex("last");
    this.anyAt = this.group.coveringIndex("shortest");
  }

  /** The resolved mentions of sentence s. */
  bySentence(s: number): readonly ResolvedMention[] {
    return this.group.inSentence(s);
  }

  /** The site of a rule that read tokens [from, to), its evidence centred on `anchor`. */
  at(rule: RelationRuleId, from: number, to = from + 1, anchor = this.tokens[from].start): Site {
    return { rule, from, to, anchor };
  }

  /** Adds a draft relation when both ends are entities of kinds the relation accepts. */
  add(site: Site, source: string | undefined, relation: RelationType, target: string | undefined, sentence: number,
    extra: Partial<Draft> = {}): void {
    const confidence = RELATION_RULES[site.rule].confidence;
    if (!source || !target || source === target) return;
    const sk = this.kindOf.get(source);
    const tk = this.kindOf.get(target);
    if (!sk || !tk || !kindsFit(relation, sk, tk)) return;
    let [s, t] = [source, target];
    if (VOCABULARY[relation].symmetric && s > t) [s, t] = [t, s];
    if (relation === "ROLE") {
      this.withRole.add(s);
      const key = `${t}|${officeOf(extra.role ?? "")}`;
      const holders = this.officeHolders.get(key) ?? new Set<string>();
      holders.add(s);
      this.officeHolders.set(key, holders);
    }
    this.drafts.push({ site, source: s, relation, target: t, sentence, confidence, modality: "asserted", ...extra });
  }
}

export function isBareDemonym(_ctx: RelationContext, m: ResolvedMention): boolean {
  return (m.placeRole === "demonym" || m.placeRole === "demonym-plural") && !m.head;
}

export function isAffiliationOfNext(ctx: RelationContext, m: ResolvedMention): boolean {
  const { inAffiliation } = ctx;
  return inAffiliation[m.firstToken] === 1 && inAffiliation[m.lastToken - 1] === 1;
}
