// Argument rules over the dependency parse: a trigger verb or event noun (our trigger tables
// first, else the CAMEO lexicon) and its actors read from its dependents. Each rule has an id
// (rules.ts); every relation carries the CAMEO code of its trigger where CAMEO has one.
// Rules: arg.subject-object, arg.event-object, arg.nominal-event, arg.passive-agent, arg.control, arg.clausal-target,
// arg.relative-clause, arg.conj-verb, arg.light-verb, arg.noun-owner, arg.noun-agent, arg.including, arg.founder, arg.predicate-title,
// arg.pattern-preposition, arg.endorsed-event, arg.agreement-purpose.
import { VOCABULARY, type RelationType, type ResolvedMention } from "../model.js";
import { DEP_LABELS } from "../parser/labels.js";
import { bestPattern, cameoTypes, codeVerb, matchPhrases, patternPrepositions, verbCodes, verbEntries, type CameoVerb } from "./cameo/index.js";
import { NOUN_TRIGGERS, VERB_TRIGGERS, SPEECH_VERBS } from "./triggers.js";
import { TITLE_HEADS } from "../mentions/lexicon.js";
import { ARGUMENT_WORDS, PHRASAL_VERBS, RELATION_WORDS } from "./words.js";
import { modalityAt } from "./grammar.js";
import type { RelationRuleId } from "./rules.js";
import { ACTOR_KINDS, type RelationContext } from "./context.js";

const L = (label: string): number => DEP_LABELS.indexOf(label);
const DEP = {
  nsubj: L("nsubj"), nsubjPass: L("nsubj:pass"), obj: L("obj"), iobj: L("iobj"), obl: L("obl"), oblAgent: L("obl:agent"),
  nmod: L("nmod"), poss: L("nmod:poss"), amod: L("amod"), compound: L("compound"), conj: L("conj"), appos: L("appos"),
  xcomp: L("xcomp"), ccomp: L("ccomp"), relcl: L("acl:relcl"), acl: L("acl"), case: L("case"), auxPass: L("aux:pass"),
  advmod: L("advmod"), cc: L("cc"), preconj: L("cc:preconj"), prt: L("compound:prt"), mark: L("mark"), flat: L("flat"),
  advcl: L("advcl"), aux: L("aux"),
};
const { LIGHT_VERBS } = RELATION_WORDS;
const { TYPE_PREPOSITIONS, CLAUSAL_TARGET_TYPES, NEGATION_ADVERBS, ACTOR_NOUNS, EVENT_OBJECT_TYPES, INCLUDING_WORDS } = ARGUMENT_WORDS;

interface Reading {
  relation: RelationType;
  /** Prepositions whose object is the target ("" allows the direct object). */
  preps: readonly string[];
  /** Prepositions the matching CAMEO pattern names ("clash over efforts"): their phrase, or its noun's owner, is the target. */
  patternPreps: readonly string[];
  reverse: boolean;
  code?: string;
  /** "ours": our trigger tables; "cameo": the CAMEO lexicon. */
  from: "ours" | "cameo";
}

/** Children of every token of the Doc, built once per document. */
export class ParseIndex {
  readonly children: number[][];
  constructor(readonly ctx: RelationContext) {
    const { head } = ctx.doc;
    this.children = Array.from({ length: ctx.doc.length }, () => []);
    for (let k = 0; k < head.length; k++) if (head[k] >= 0) this.children[head[k]].push(k);
  }
  private holders: Map<number, ResolvedMention> | undefined;
  /** The slot whose affiliation holds token k ("Bree" in "Bree Prime Minister Romendacil"), built on first use. */
  affiliationHolder(k: number): ResolvedMention | undefined {
    if (!this.holders) {
      this.holders = new Map();
      for (const m of this.ctx.slots) if (m.affiliation) for (let t = m.affiliation.firstToken; t < m.affiliation.lastToken; t++) if (!this.holders.has(t)) this.holders.set(t, m);
    }
    return this.holders.get(k);
  }
  dep(k: number): number { return this.ctx.doc.dep[k]; }
  head(k: number): number { return this.ctx.doc.head[k]; }
  childrenWith(k: number, ...labels: number[]): number[] {
    return this.children[k].filter((c) => labels.includes(this.ctx.doc.dep[c]));
  }
  /** The preposition of an oblique or nominal modifier (its "case" child), lower case; "" without. */
  caseOf(k: number): string {
    let c = this.children[k].find((x) => this.ctx.doc.dep[x] === DEP.case && x < k);
    // "of Amnesty International" with the preposition hung on the first word of the name.
    if (c === undefined) {
      const first = this.children[k].find((x) => x < k && (this.ctx.doc.dep[x] === DEP.compound || this.ctx.doc.dep[x] === DEP.flat));
      if (first !== undefined) c = this.children[first].find((x) => this.ctx.doc.dep[x] === DEP.case && x < first);
    }
    return c === undefined ? "" : this.ctx.tokens[c].normal;
  }
  /** Words of k's subtree, lower case. */
  words(k: number, out: string[] = []): string[] {
    out.push(this.ctx.tokens[k].normal);
    for (const c of this.children[k]) this.words(c, out);
    return out;
  }
  /** The token and its conj dependents (and theirs): "X, Y and Z". */
  withConjuncts(k: number, out: number[] = []): number[] {
    out.push(k);
    for (const c of this.children[k]) if (this.ctx.doc.dep[c] === DEP.conj) this.withConjuncts(c, out);
    return out;
  }
}

/**
 * The actor entities an argument headed by token h stands for (with its conjuncts). With
 * `places`, a place name counts too (the target of an attack or a visit: "fired at Seoul").
 */
export function actorsOf(ix: ParseIndex, h: number, places = false): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  for (const k of ix.withConjuncts(h)) {
    for (const m of actorsAt(ix, k, places)) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** The first actor an argument head stands for (see actorsAt). */
export function actorAt(ix: ParseIndex, h: number, places = false): ResolvedMention | undefined {
  return actorsAt(ix, h, places)[0];
}

/**
 * The mentions an argument head stands for: the slot holding the head; else, for a noun of
 * people or forces ("Turkish jets", "the Calenardhon government", "officials of X and Y",
 * "a group of X"), the demonym, names or possessor modifying it; else its apposition.
 */
export function actorsAt(ix: ParseIndex, h: number, places = false): ResolvedMention[] {
  const { ctx } = ix;
  const { slotAt, slots, anyAt, all, kindOf, tokens } = ctx;
  const fits = (m: ResolvedMention) => actorKind(ctx, m) || (places && kindOf.get(m.entity) === "LOCATION");
  const t = tokens[h];
  let lemma = t.lemma.toLowerCase();
  let misread = false;
  if (slotAt[h] >= 0) {
    const m = slots[slotAt[h]];
    // "Lawmakers in X": a common noun of people capitalised at the head of a sentence is not a name.
    misread = m.lastToken - m.firstToken === 1 && (h === 0 || tokens[h - 1].sentence !== t.sentence) && ACTOR_NOUNS.has(t.normal);
    if (!misread && (m.form !== "pronoun" || kindOf.get(m.entity))) return fits(m) ? [m] : [];
    if (misread) lemma = t.normal;
  }
  // "Bree Prime Minister Romendacil" parsed with the affiliation as head: the person it belongs to.
  if (slotAt[h] < 0 && ctx.inAffiliation[h] === 1) {
    const holder = ix.affiliationHolder(h);
    if (holder && fits(holder)) return [holder];
  }
  // A demonym standing for its state ("the Nigerian attack", "Turkish" in "Turkish jets").
  if (anyAt[h] >= 0) {
    const m = all[anyAt[h]];
    if ((m.placeRole === "demonym" || m.placeRole === "demonym-plural") && actorKind(ctx, m)) return [m];
  }
  if (t.pos === "NOUN" || misread) {
    if (ACTOR_NOUNS.has(lemma)) {
      const owners = modifierActors(ix, h, 0);
      if (owners.length > 0) return owners;
    }
    // "a bunch of X", "members of X": the group named in the "of" phrase.
    if (ARGUMENT_WORDS.PARTITIVE_NOUNS.has(lemma)) {
      for (const c of ix.childrenWith(h, DEP.nmod)) {
        if (ix.caseOf(c) !== "of" || c === h) continue;
        const owners = actorsOf(ix, c);
        if (owners.length > 0) return owners;
      }
    }
  }
  // "the state's fiercest foe, X" / "X, the group's leader" / "the publication Freedom Magazine": an apposition names the noun's actor.
  if (t.pos === "PROPN" || t.pos === "NOUN") for (const c of ix.childrenWith(h, DEP.appos)) {
    if (slotAt[c] >= 0 && actorKind(ctx, slots[slotAt[c]])) return [slots[slotAt[c]]];
  }
  // "actor Jason Beghe": a common noun with the name right after it as its dependent.
  if (t.pos === "NOUN" && slotAt[h + 1] >= 0 && slots[slotAt[h + 1]].firstToken === h + 1 && ix.head(h + 1) === h && actorKind(ctx, slots[slotAt[h + 1]])) {
    return [slots[slotAt[h + 1]]];
  }
  return [];
}

/** "defectors ..., including X and Y": the phrases after an argument that name its members, hung on the argument or on the verb. */
function includedHeads(ix: ParseIndex, v: number, arg: number): number[] {
  const out: number[] = [];
  for (const holder of [arg, v]) {
    for (const c of ix.children[holder]) {
      const d = ix.dep(c);
      if ((d === DEP.obl || d === DEP.nmod) && c > arg && INCLUDING_WORDS.has(ix.caseOf(c))) out.push(c);
    }
  }
  return out;
}

/** An argument's actors; for a group noun without one ("defectors"), the actors its "including" phrase names. */
function actorsOrIncluded(ix: ParseIndex, v: number, h: number, places = false): { actors: ResolvedMention[]; included: boolean } {
  const actors = actorsOf(ix, h, places);
  if (actors.length > 0 || ix.ctx.tokens[h].pos !== "NOUN") return { actors, included: false };
  const included = includedHeads(ix, v, h).flatMap((c) => actorsOf(ix, c));
  return { actors: included, included: included.length > 0 };
}

/** The actors named in a modifier of a noun of people ("Turkish", "Arnor security", "Gondor's", "of X and Y", "in X"). */
function modifierActors(ix: ParseIndex, h: number, depth: number): ResolvedMention[] {
  const { anyAt, all } = ix.ctx;
  for (const c of ix.children[h]) {
    const d = ix.dep(c);
    const prep = d === DEP.nmod ? ix.caseOf(c) : "";
    const viaPrep = prep === "of" || prep === "from" || prep === "in";
    if (!viaPrep && d !== DEP.amod && d !== DEP.compound && d !== DEP.poss) continue;
    const found: ResolvedMention[] = [];
    // "officials in Arnor and Gondor": each conjunct of the modifier.
    for (const k of viaPrep ? ix.withConjuncts(c) : [c]) {
      const index = anyAt[k];
      if (index < 0) continue;
      const m = all[index];
      if (actorKind(ix.ctx, m) && m.form !== "pronoun" && !found.includes(m)) found.push(m);
    }
    if (found.length > 0) return found;
    // "Arnor security officials": the name modifies the modifier.
    if (depth === 0 && d === DEP.compound) {
      const inner = modifierActors(ix, c, 1);
      if (inner.length > 0) return inner;
    }
  }
  return [];
}

/**
 * The actor behind an event noun or a message: "condemned an attack by X", "regretted X's
 * refusal", "clashed over the efforts of X" (a noun whose "of" phrase is its agent),
 * "welcomed memos from X", "welcomed assurances sent by X".
 */
function eventAgent(ix: ParseIndex, h: number): ResolvedMention | undefined {
  const { tokens } = ix.ctx;
  const lemma = tokens[h].lemma.toLowerCase();
  if (tokens[h].pos !== "NOUN") return undefined;
  const event = NOUN_TRIGGERS.has(lemma) || ARGUMENT_WORDS.EVENT_NOUNS.has(lemma);
  const message = ARGUMENT_WORDS.MESSAGE_NOUNS.has(lemma);
  if (!event && !message && !ARGUMENT_WORDS.AGENT_OF_NOUNS.has(lemma)) return undefined;
  for (const c of ix.children[h]) {
    const d = ix.dep(c);
    const prep = d === DEP.nmod || d === DEP.acl ? ix.caseOf(c) : "";
    const agentPrep = prep === "by" || (message && prep === "from") || (ARGUMENT_WORDS.AGENT_OF_NOUNS.has(lemma) && prep === "of");
    if (((event || message) && d === DEP.poss) || agentPrep) {
      const m = actorAt(ix, c);
      if (m) return m;
    }
    // "memos sent by X", "assurances sent from X": a participle's agent or source.
    if ((event || message) && d === DEP.acl && tokens[c].pos === "VERB") {
      for (const a of ix.children[c]) {
        const ad = ix.dep(a);
        if (ad === DEP.oblAgent || (ad === DEP.obl && (ix.caseOf(a) === "by" || (message && ix.caseOf(a) === "from")))) {
          const m = actorAt(ix, a);
          if (m) return m;
        }
      }
    }
  }
  return earlierEventAgent(ix, h);
}

/**
 * "The sanctions were also condemned by China": a definite event noun without owner is the one
 * read before with the same word ("the EU imposed sanctions on ..."); its agent is that edge's source.
 */
function earlierEventAgent(ix: ParseIndex, h: number): ResolvedMention | undefined {
  const { tokens, drafts, all } = ix.ctx;
  if (!ix.children[h].some((c) => ix.dep(c) === L("det") && ARGUMENT_WORDS.DEFINITE_DETERMINERS.has(tokens[c].normal))) return undefined;
  const lemma = tokens[h].lemma.toLowerCase();
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (d.site.from >= h || tokens[d.site.from].lemma.toLowerCase() !== lemma || tokens[d.site.from].pos !== "NOUN") continue;
    return all.find((x) => x.entity === d.source);
  }
  return undefined;
}

function actorKind(ctx: RelationContext, m: ResolvedMention): boolean {
  const kind = ctx.kindOf.get(m.entity);
  return !!kind && ACTOR_KINDS.has(kind);
}

/**
 * The reading of a verb: a CAMEO multiword verb written around it ("crack down on", "call
 * off"; one coded without an event blocks the verb: "back down", "break down"); else our
 * trigger (with its CAMEO code where CAMEO agrees); else CAMEO's pattern or lemma. The
 * prepositions a matching pattern names mark targets too ("clash over the efforts of X").
 */
function readingOfVerb(ix: ParseIndex, v: number, lemma: string): Reading | undefined {
  const ours = VERB_TRIGGERS.get(lemma);
  const phrase = phraseAt(ix, v, lemma);
  if (phrase) {
    if (!phrase.code || !phrase.type) return undefined;
    if (ours) return { relation: ours.relation, preps: ours.preps, patternPreps: [], reverse: ours.reverse === true, code: phrase.code, from: "ours" };
    if (verbEntries(lemma).some((e) => ARGUMENT_WORDS.SKIPPED_CAMEO_BLOCKS.has(e.block) && e.block === phrase.block)) return undefined;
    return { relation: phrase.type, preps: TYPE_PREPOSITIONS[phrase.type] ?? [""], patternPreps: [], reverse: false, code: phrase.code, from: "cameo" };
  }
  const frame = frameOf(ix, v);
  const coding = codeVerb(lemma, frame);
  const pattern = bestPattern(lemma, frame);
  const patternPreps = pattern && pattern.type && pattern.type === coding?.type ? patternPrepositions(pattern) : [];
  if (ours) {
    // Where CAMEO codes the verb with our type, its code, its pattern's prepositions and the type's prepositions hold too ("warned of X").
    const agrees = !!coding?.code && cameoTypes(coding.code).includes(ours.relation);
    const preps = agrees && !ours.reverse ? [...new Set([...ours.preps, ...(TYPE_PREPOSITIONS[ours.relation] ?? [])])] : ours.preps;
    return { relation: ours.relation, preps, patternPreps: agrees ? patternPreps : [], reverse: ours.reverse === true, code: coding?.code, from: "ours" };
  }
  if (!coding?.type || !coding.code) return undefined;
  if (SPEECH_VERBS.has(lemma)) return undefined;
  if (verbEntries(lemma).some((e) => ARGUMENT_WORDS.SKIPPED_CAMEO_BLOCKS.has(e.block))) return undefined;
  return { relation: coding.type, preps: TYPE_PREPOSITIONS[coding.type] ?? [""], patternPreps, reverse: false, code: coding.code, from: "cameo" };
}

/** The CAMEO multiword verb written around the verb: its particle ("called the talks off") or the words right after it ("cracked down on"), and the words before it. */
function phraseAt(ix: ParseIndex, v: number, lemma: string): CameoVerb | undefined {
  const { tokens } = ix.ctx;
  const sentence = tokens[v].sentence;
  const around = (from: number, to: number) => tokens.slice(Math.max(0, from), to).filter((t) => t.sentence === sentence).map((t) => t.normal);
  const after = around(v + 1, v + 4);
  const particle = ix.childrenWith(v, DEP.prt)[0];
  if (particle !== undefined && particle > v + 1) after.unshift(tokens[particle].normal);
  return matchPhrases(lemma, around(v - 2, v), after)[0];
}

/** The verb's frame for CAMEO's patterns: subject words, object words, obliques. */
function frameOf(ix: ParseIndex, v: number) {
  const subject: string[] = [];
  const object: string[] = [];
  const obliques: { prep: string; words: string[] }[] = [];
  for (const c of ix.children[v]) {
    const d = ix.dep(c);
    if (d === DEP.nsubj) ix.words(c, subject);
    else if (d === DEP.obj || d === DEP.prt || d === DEP.xcomp || d === DEP.iobj) ix.words(c, object);
    else if (d === DEP.obl || d === DEP.oblAgent) {
      const words = ix.words(c);
      obliques.push({ prep: ix.caseOf(c), words });
      // An oblique noun can hold the pattern's object too ("deal with").
    }
  }
  return { subject, object, obliques };
}

/** Negated by the parse: "did not", "never"; not "neither ... nor" on a denial. */
function negatedAt(ix: ParseIndex, v: number): boolean {
  return ix.children[v].some((c) => ix.dep(c) === DEP.advmod && NEGATION_ADVERBS.has(ix.ctx.tokens[c].normal));
}

/** "neither confirmed nor denied": the verb is a conjunct of "neither ... nor". */
function neitherNor(ix: ParseIndex, v: number): boolean {
  const { tokens } = ix.ctx;
  const heads = [v, ix.dep(v) === DEP.conj ? ix.head(v) : -1].filter((x) => x >= 0);
  for (const h of heads) {
    for (const c of ix.children[h]) if ((ix.dep(c) === DEP.preconj || ix.dep(c) === DEP.cc) && (tokens[c].normal === "neither" || tokens[c].normal === "nor")) return true;
  }
  return false;
}

function isPassiveVerb(ix: ParseIndex, v: number): boolean {
  return ix.children[v].some((c) => ix.dep(c) === DEP.auxPass || ix.dep(c) === DEP.nsubjPass || ix.dep(c) === DEP.oblAgent);
}

/** The subject of a verb: its own nsubj; else the controller's (xcomp), the first conjunct's, a relative clause's antecedent. */
function subjectOf(ix: ParseIndex, v: number, depth = 0): { heads: number[]; rule?: RelationRuleId } {
  const { tokens } = ix.ctx;
  // A to-infinitive has no subject of its own: an nsubj on one is a misparse.
  const infinitive = ix.children[v].some((c) => ix.dep(c) === DEP.mark && tokens[c].normal === "to");
  const own = infinitive ? [] : ix.childrenWith(v, DEP.nsubj);
  if (own.length > 0) {
    const s = own[0];
    // "which attacked": the relative pronoun stands for the antecedent.
    if (ix.dep(v) === DEP.relcl && RELATION_WORDS.RELATIVE_PRONOUNS.has(tokens[s].normal)) return { heads: [ix.head(v)], rule: "arg.relative-clause" };
    return { heads: [s] };
  }
  if (depth > 3) return { heads: [] };
  const h = ix.head(v);
  if (h < 0) return { heads: [] };
  const d = ix.dep(v);
  if (d === DEP.xcomp) {
    // "urged X to withdraw": the controller's object acts; "threatened to sever": its subject.
    const objects = ix.childrenWith(h, DEP.obj, DEP.iobj);
    if (objects.length > 0) return { heads: [objects[0]], rule: "arg.control" };
    return { heads: subjectOf(ix, h, depth + 1).heads, rule: "arg.control" };
  }
  // A coordinated verb takes the first one's subject unless a noun before it stands in its own subject's place.
  const nounBefore = ix.children[v].some((c) => c < v && /^(NOUN|PROPN|PRON)$/.test(tokens[c].pos));
  if (d === DEP.conj && tokens[h].pos === "VERB" && !nounBefore) return { heads: subjectOf(ix, h, depth + 1).heads, rule: "arg.conj-verb" };
  if (d === DEP.relcl) return { heads: [h], rule: "arg.relative-clause" };
  return { heads: [] };
}

/** Speech frame: "X said (that) ...": the speaker of the clause the verb stands in. */
function speakerFrame(ix: ParseIndex, v: number): ResolvedMention | undefined {
  let k = v;
  for (let depth = 0; depth < 4; depth++) {
    const h = ix.head(k);
    if (h < 0) return undefined;
    const d = ix.dep(k);
    if ((d === DEP.ccomp || d === L("parataxis")) && SPEECH_VERBS.has(ix.ctx.tokens[h].lemma.toLowerCase())) {
      const s = ix.childrenWith(h, DEP.nsubj)[0];
      return s === undefined ? undefined : actorAt(ix, s);
    }
    k = h;
  }
  return undefined;
}

/** Whether an actor stands among the verb's subjects and another among its other dependents (a cheap test before the lexicon). */
function mayRelateActors(ix: ParseIndex, v: number): boolean {
  const subject = subjectOf(ix, v).heads.some((h) => actorsOf(ix, h).length > 0);
  let other = false;
  for (const c of ix.children[v]) {
    const d = ix.dep(c);
    if (d === DEP.nsubj && !subject) continue;
    if (d === DEP.obj || d === DEP.iobj || d === DEP.obl || d === DEP.oblAgent || d === DEP.nsubjPass || d === DEP.nsubj) {
      if (actorsOf(ix, c, d !== DEP.nsubj).length > 0 || eventAgent(ix, c)) { if (d !== DEP.nsubj) other = true; else if (isPassiveVerb(ix, v)) other = true; }
      if (d === DEP.obj) for (const m of objectPhrases(ix, c)) if (actorsOf(ix, m, true).length > 0) other = true;
      // "signed an accord to supply X".
      if (d === DEP.obj && ARGUMENT_WORDS.AGREEMENT_NOUNS.has(ix.ctx.tokens[c].lemma.toLowerCase())) {
        for (const a of purposesOf(ix, v, c)) for (const o of ix.childrenWith(a, DEP.obj, DEP.iobj, DEP.obl)) {
          if (actorsOf(ix, o).length > 0 || objectPhrases(ix, o).some((m) => actorsOf(ix, m).length > 0)) other = true;
        }
      }
    } else if (d === DEP.ccomp) {
      for (const s of ix.childrenWith(c, DEP.nsubj, DEP.nsubjPass)) if (actorsOf(ix, s).length > 0) other = true;
    } else if (d === DEP.advmod) {
      if (ix.childrenWith(c, DEP.oblAgent).length > 0) other = true;
    }
    if (other) break;
  }
  if (!other) return false;
  // Passive: the agent is the source.
  return subject || ix.children[v].some((c) => ix.dep(c) === DEP.oblAgent || ix.dep(c) === DEP.obl || ix.dep(c) === DEP.advmod);
}

/** The infinitive purposes of an agreement noun: on the noun ("an accord to supply X") or on the verb that has it as object ("signed a treaty to end the war with X"). */
function purposesOf(ix: ParseIndex, v: number, noun: number): number[] {
  const { tokens } = ix.ctx;
  const infinitive = (a: number) => ix.children[a].some((m) => ix.dep(m) === DEP.mark && tokens[m].normal === "to");
  return [...ix.childrenWith(noun, DEP.acl), ...ix.childrenWith(v, DEP.advcl, DEP.xcomp)].filter(infinitive);
}

/** The prepositional phrases on an object noun and on its "of" phrase ("ties with X", "a set of resolutions with X"). */
function objectPhrases(ix: ParseIndex, o: number): number[] {
  const out: number[] = [];
  for (const m of ix.childrenWith(o, DEP.nmod)) {
    if (ix.caseOf(m) === "of") { for (const n of ix.childrenWith(m, DEP.nmod)) if (ix.caseOf(n) !== "" && ix.caseOf(n) !== "of") out.push(n); }
    else if (ix.caseOf(m) !== "") out.push(m);
  }
  return out;
}

/**
 * Where the parse says the token scan (verbs.ts) would read a verb wrong, so only the parse
 * rules read it: a passive whose subject is a thing, not an actor ("the attack on X was condemned
 * by Y"); an active participle modifying a noun that is no actor ("boycotted the parade
 * supporting X": the parade supports X, not the subject of the sentence).
 */
export function parseOverridesTokenScan(ix: ParseIndex, v: number): boolean {
  const { tokens } = ix.ctx;
  // "The attack on Israel was condemned by Kenya": the patient is the attack, not Israel.
  const patient = ix.childrenWith(v, DEP.nsubjPass)[0];
  if (patient !== undefined && tokens[patient].pos === "NOUN" && actorsOf(ix, patient).length === 0) return true;
  const h = ix.head(v);
  if (h < 0 || ix.dep(v) !== DEP.acl || !/ing$/.test(tokens[v].normal) || tokens[h].pos !== "NOUN") return false;
  if (ix.childrenWith(v, DEP.nsubj, DEP.mark).length > 0) return false;
  return actorsOf(ix, h).length === 0;
}

/** "abandon improved relations with X", "its improved relations": a past participle before its noun is an adjective the parse took for a verb. */
function adjectivalParticiple(ix: ParseIndex, v: number): boolean {
  const { tokens } = ix.ctx;
  if (!/ed$/.test(tokens[v].normal) || ix.childrenWith(v, DEP.aux, DEP.auxPass, DEP.mark).length > 0) return false;
  const before = tokens[v - 1];
  if (ix.dep(v) !== DEP.xcomp && !(before && before.sentence === tokens[v].sentence && ARGUMENT_WORDS.DETERMINERS.has(before.normal))) return false;
  const object = ix.childrenWith(v, DEP.obj).find((o) => o > v);
  if (object === undefined) return false;
  for (let k = v + 1; k < object; k++) if (tokens[k].pos !== "ADJ" && tokens[k].pos !== "NOUN") return false;
  return true;
}

/**
 * Where the parse says the token scan would give an event noun the wrong owner: the object of a
 * verb that is no light verb, with no owner of its own ("Kenya condemned the attack on Israel":
 * Kenya did not attack; "held talks with", "imposed sanctions on" keep their subject).
 */
export function parseOverridesNounScan(ix: ParseIndex, n: number): boolean {
  const { tokens } = ix.ctx;
  const h = ix.head(n);
  if (h < 0 || ix.dep(n) !== DEP.obj || tokens[h].pos !== "VERB") return false;
  const verb = tokens[h].lemma.toLowerCase();
  if (LIGHT_VERBS.has(verb) || ARGUMENT_WORDS.EXTRA_LIGHT_VERBS.has(verb)) return false;
  if (ix.childrenWith(n, DEP.poss, DEP.amod, DEP.compound).length > 0) return false;
  // "a summit between X and Y" names both sides itself.
  if (ix.childrenWith(n, DEP.nmod).some((c) => ix.caseOf(c) === "between")) return false;
  // A name written right before the noun owns it, whatever the parse made of it ("violate Security Council sanctions").
  for (let k = h + 1; k < n; k++) if (ix.ctx.slotAt[k] >= 0) return false;
  return h < n;
}

/** Reads the relations of one verb from its dependents. */
export function readVerbArguments(ix: ParseIndex, v: number, first: number, last: number, speaker: string | undefined): void {
  const { ctx } = ix;
  const { tokens } = ctx;
  const token = tokens[v];
  let lemma = token.lemma.toLowerCase();
  const particle = ix.childrenWith(v, DEP.prt)[0];
  if (particle !== undefined) {
    const phrasal = PHRASAL_VERBS.get(`${lemma} ${tokens[particle].normal}`);
    if (phrasal === null) return;
    if (phrasal !== undefined) lemma = phrasal;
  }
  if (lemma === "tell") return;
  if (ARGUMENT_WORDS.FOUNDING_VERBS.has(lemma)) { readFounder(ix, v); return; }
  if (adjectivalParticiple(ix, v)) return;
  // Most verbs have no actor on one side or the other: look the lexicon up only for the rest.
  if (!mayRelateActors(ix, v)) return;
  const reading = readingOfVerb(ix, v, lemma);
  if (!reading) return;
  // "held talks with X": the event noun states the relation (readNounArguments), not CAMEO's light verb.
  if (reading.from === "cameo" && (LIGHT_VERBS.has(lemma) || ARGUMENT_WORDS.EXTRA_LIGHT_VERBS.has(lemma))
    && ix.childrenWith(v, DEP.obj).some((o) => NOUN_TRIGGERS.has(tokens[o].lemma.toLowerCase()))) return;
  if (reading.relation === "DENY" && neitherNor(ix, v)) return;
  // "defeating X by five thousand votes", "defeated Y in the election": a contest of votes, not an attack.
  if (reading.relation === "ATTACK" && ix.children[v].some((c) => ix.dep(c) === DEP.obl && ARGUMENT_WORDS.ELECTION_NOUNS.has(tokens[c].lemma.toLowerCase()))) return;
  const negated = negatedAt(ix, v);
  const frameSpeaker = speakerFrame(ix, v);
  const modality = frameSpeaker ? "reported" : modalityAt(ctx, v, first, last, speaker);
  const attributedTo = modality === "reported" ? frameSpeaker?.entity ?? speaker : undefined;
  const passive = isPassiveVerb(ix, v);
  let sources: number[] = [];
  const targets: { head: number; rule: RelationRuleId }[] = [];
  let rule: RelationRuleId = "arg.subject-object";
  if (passive) {
    const agents = ix.children[v].filter((c) => ix.dep(c) === DEP.oblAgent || (ix.dep(c) === DEP.obl && ix.caseOf(c) === "by"));
    // "was opposed earlier by X": an agent the parse hung on the verb's adverb.
    for (const a of ix.childrenWith(v, DEP.advmod)) agents.push(...ix.childrenWith(a, DEP.oblAgent));
    sources = agents;
    rule = "arg.passive-agent";
    // "X was opposed by Y" parsed as a copula: the nsubj is the patient.
    const patients = ix.childrenWith(v, DEP.nsubjPass, DEP.nsubj);
    if (patients.length > 0) for (const p of patients) targets.push({ head: p, rule });
    // "the group backed by Tehran": a participle's noun is the patient.
    else if (ix.dep(v) === DEP.acl || ix.dep(v) === DEP.relcl) targets.push({ head: ix.head(v), rule });
  } else {
    const subject = subjectOf(ix, v);
    sources = subject.heads;
    if (subject.rule) rule = subject.rule;
    const allows = (prep: string) => prep !== "" && reading.preps.includes(prep);
    const named = (prep: string) => prep !== "" && !reading.preps.includes(prep) && reading.patternPreps.includes(prep);
    for (const c of ix.children[v]) {
      const d = ix.dep(c);
      if ((d === DEP.obj || d === DEP.iobj) && reading.preps.includes("")) targets.push({ head: c, rule });
      // "restore ties with X", "fired rounds at X", "adopt a set of resolutions with X": the object's phrase names the target.
      if (d === DEP.obj && !actorAt(ix, c)) {
        for (const m of objectPhrases(ix, c)) {
          if (allows(ix.caseOf(m))) targets.push({ head: m, rule });
          else if (named(ix.caseOf(m))) targets.push({ head: m, rule: "arg.pattern-preposition" });
        }
      }
      else if (d === DEP.obl && allows(ix.caseOf(c))) targets.push({ head: c, rule });
      // "clashed over the efforts of X": a preposition CAMEO's pattern names.
      else if (d === DEP.obl && named(ix.caseOf(c))) targets.push({ head: c, rule: "arg.pattern-preposition" });
      // "signed an accord to supply X with wheat": the party of the agreement is named in its purpose.
      if (d === DEP.obj && reading.relation === "AGREE" && ARGUMENT_WORDS.AGREEMENT_NOUNS.has(tokens[c].lemma.toLowerCase())) {
        for (const a of purposesOf(ix, v, c)) {
          for (const o of ix.children[a]) {
            const od = ix.dep(o);
            if (od === DEP.obj || od === DEP.iobj) {
              targets.push({ head: o, rule: "arg.agreement-purpose" });
              for (const m of objectPhrases(ix, o)) if (ARGUMENT_WORDS.PURPOSE_PREPOSITIONS.has(ix.caseOf(m))) targets.push({ head: m, rule: "arg.agreement-purpose" });
            } else if (od === DEP.obl && ARGUMENT_WORDS.PURPOSE_PREPOSITIONS.has(ix.caseOf(o))) targets.push({ head: o, rule: "arg.agreement-purpose" });
          }
        }
      }
      // "demanded that X withdraw": the subject of the clause is the one asked.
      else if (d === DEP.ccomp && CLAUSAL_TARGET_TYPES.has(reading.relation)) {
        for (const s of ix.childrenWith(c, DEP.nsubj, DEP.nsubjPass)) targets.push({ head: s, rule: "arg.clausal-target" });
      }
    }
  }
  if (sources.length === 0 || targets.length === 0) return;
  // The edge keeps CAMEO's code where CAMEO codes the verb with the edge's type ("welcomed the decision": 052 SUPPORT).
  const site = (r: RelationRuleId, relation: RelationType) => ({ ...ctx.at(r, v), cameo: reading.code && cameoTypes(reading.code).includes(relation) ? reading.code : undefined });
  // An attack or a visit can aim at a place ("fired shells at Seoul").
  const places = (VOCABULARY[reading.relation].target as readonly string[]).includes("LOCATION");
  for (const s of sources) {
    const source = actorsOrIncluded(ix, v, s);
    for (const src of source.actors) {
      for (const t of targets) {
        // A place as the verb's own object or oblique ("fired at Seoul", "fired shells at Seoul"), not where its object is ("visit cities in X").
        const target = actorsOrIncluded(ix, v, t.head, places && t.rule !== "arg.clausal-target" && (ix.head(t.head) === v || ix.caseOf(t.head) !== "in"));
        let targetActors = target.actors;
        let targetRule: RelationRuleId = source.included || target.included ? "arg.including"
          : t.rule === "arg.clausal-target" || t.rule === "arg.pattern-preposition" || t.rule === "arg.agreement-purpose" ? t.rule : rule;
        // Welcoming a thing is support (below): its sender is the one supported ("welcomed memos from X").
        const eventType = reading.relation === "HOST" && lemma === "welcome" ? "SUPPORT" : reading.relation;
        if (targetActors.length === 0 && (EVENT_OBJECT_TYPES.has(eventType) || t.rule === "arg.pattern-preposition")) {
          const agent = eventAgent(ix, t.head);
          if (agent) { targetActors = [agent]; if (t.rule !== "arg.pattern-preposition") targetRule = "arg.event-object"; }
        }
        for (const tgt of targetActors) {
          const [from, to] = reading.reverse ? [tgt, src] : [src, tgt];
          let relation = reading.relation;
          // Welcoming what is not a person is support, not hosting.
          if (relation === "HOST" && lemma === "welcome" && ctx.kindOf.get(to.entity) !== "PERSON") relation = "SUPPORT";
          ctx.add(site(targetRule, relation), from.entity, relation, to.entity, token.sentence, { modality, attributedTo, negated });
        }
      }
    }
  }
}

/** "the organization founded by X", "X founded the group": the founder holds a ROLE in the body, not an event. */
function readFounder(ix: ParseIndex, v: number): void {
  const { ctx } = ix;
  const passive = isPassiveVerb(ix, v) || ix.dep(v) === DEP.acl;
  const founders = passive ? ix.children[v].filter((c) => ix.dep(c) === DEP.oblAgent || (ix.dep(c) === DEP.obl && ix.caseOf(c) === "by")) : subjectOf(ix, v).heads;
  const bodies = passive ? (ix.dep(v) === DEP.acl || ix.dep(v) === DEP.relcl ? [ix.head(v)] : ix.childrenWith(v, DEP.nsubjPass)) : ix.childrenWith(v, DEP.obj);
  for (const f of founders) {
    for (const person of actorsOf(ix, f)) {
      if (ctx.kindOf.get(person.entity) !== "PERSON") continue;
      for (const b of bodies) for (const body of actorsOf(ix, b)) ctx.add(ctx.at("arg.founder", v), person.entity, "ROLE", body.entity, ctx.tokens[v].sentence, { role: "founder" });
    }
  }
}

/**
 * A title as a predicate: "X is NATO's secretary general", "X becomes the youngest Legislative
 * Council member", "X, who serves as the EAC's envoy": the subject holds the title in the body
 * or state that owns the title noun (possessor, compound, demonym, "of" phrase).
 */
export function readPredicateTitle(ix: ParseIndex, n: number): void {
  const { ctx } = ix;
  const { tokens, kindOf, slotAt, slots, anyAt, all } = ctx;
  const word = tokens[n].normal;
  if (!TITLE_HEADS.has(word) && !RELATION_WORDS.MEMBER_NOUNS.has(word)) return;
  const v = ix.head(n);
  const d = ix.dep(n);
  let subjects: number[] = [];
  if (ix.children[n].some((c) => ix.dep(c) === L("cop"))) subjects = ix.childrenWith(n, DEP.nsubj);
  else if (v >= 0 && tokens[v].pos === "VERB") {
    const verb = tokens[v].lemma.toLowerCase();
    const complement = ((d === DEP.obj || d === DEP.xcomp) && ARGUMENT_WORDS.BECOMING_VERBS.has(verb))
      || (d === DEP.obl && ix.caseOf(n) === "as" && ARGUMENT_WORDS.SERVING_VERBS.has(verb));
    if (!complement) return;
    subjects = isPassiveVerb(ix, v) ? ix.childrenWith(v, DEP.nsubjPass) : subjectOf(ix, v).heads;
  }
  const person = (h: number): ResolvedMention | undefined => {
    const at = (k: number): ResolvedMention | undefined => (slotAt[k] >= 0 && kindOf.get(slots[slotAt[k]].entity) === "PERSON" ? slots[slotAt[k]] : undefined);
    // "X, a former minister who serves as": the apposition's person.
    return at(h) ?? (ix.dep(h) === DEP.appos ? at(ix.head(h)) : undefined) ?? ix.childrenWith(h, DEP.appos).map(at).find((x) => x);
  };
  let owner: ResolvedMention | undefined;
  for (const c of ix.children[n]) {
    const cd = ix.dep(c);
    if (!(cd === DEP.poss || cd === DEP.compound || cd === DEP.amod || (cd === DEP.nmod && ix.caseOf(c) === "of"))) continue;
    const m = slotAt[c] >= 0 ? slots[slotAt[c]] : anyAt[c] >= 0 ? all[anyAt[c]] : undefined;
    const kind = m ? kindOf.get(m.entity) : undefined;
    if (m && (kind === "ORGANIZATION" || kind === "COUNTRY") && m.form !== "pronoun") { owner = m; break; }
  }
  if (!owner) return;
  for (const s of subjects) {
    const p = person(s);
    if (p) ctx.add(ctx.at("arg.predicate-title", n), p.entity, "ROLE", owner.entity, tokens[n].sentence, { role: tokens[n].value });
  }
}

/** "In a statement to OUTLET, X denied ...", "X said in an interview with OUTLET": the outlet quotes the clause's subject. */
export function readStatementTo(ix: ParseIndex, n: number): void {
  const { ctx } = ix;
  const { tokens, kindOf } = ctx;
  if (!ARGUMENT_WORDS.STATEMENT_NOUNS.has(tokens[n].lemma.toLowerCase())) return;
  const v = ix.head(n);
  if (v < 0 || ix.dep(n) !== DEP.obl || tokens[v].pos !== "VERB") return;
  const outlets = ix.children[n].filter((c) => ix.dep(c) === DEP.nmod && (ix.caseOf(c) === "to" || ix.caseOf(c) === "with")).flatMap((c) => actorsOf(ix, c));
  if (outlets.length === 0) return;
  for (const s of subjectOf(ix, v).heads) {
    for (const speaker of actorsOf(ix, s)) {
      for (const o of outlets) if (kindOf.get(o.entity) === "ORGANIZATION") ctx.add(ctx.at("quote.statement-to", n), o.entity, "QUOTE", speaker.entity, tokens[n].sentence);
    }
  }
}

/** Reads the relations of an event noun: its owner or agent and its object. */
export function readNounArguments(ix: ParseIndex, n: number, first: number, last: number, speaker: string | undefined): void {
  const { ctx } = ix;
  const { tokens } = ctx;
  const token = tokens[n];
  const lemma = token.lemma.toLowerCase();
  const ours = NOUN_TRIGGERS.get(lemma) ?? NOUN_TRIGGERS.get(token.normal);
  const cameo = verbCodes(lemma).find((c) => c.code && c.type);
  const relation = ours?.relation;
  if (!relation) return;
  const preps = ours.preps;
  const code = cameo && cameo.type === relation ? cameo.code : undefined;
  const modality = modalityAt(ctx, n, first, last, speaker);
  const attributedTo = modality === "reported" ? speaker : undefined;
  const negated = negatedAt(ix, n);
  // Owners: "X's invasion", "a Nigerian ultimatum", "an attack by X"; else the subject of a light verb ("held talks with").
  const owners: { head: number; rule: RelationRuleId }[] = [];
  const targets: number[] = [];
  for (const c of ix.children[n]) {
    const d = ix.dep(c);
    if (d === DEP.poss || d === DEP.amod || d === DEP.compound) owners.push({ head: c, rule: "arg.noun-owner" });
    else if ((d === DEP.nmod || d === DEP.acl) && ix.caseOf(c) === "by") owners.push({ head: c, rule: "arg.noun-agent" });
    else if (d === DEP.nmod && preps.includes(ix.caseOf(c))) targets.push(c);
  }
  const h = ix.head(n);
  if (owners.length === 0 && h >= 0 && ix.dep(n) === DEP.obj && tokens[h].pos === "VERB") {
    const verb = tokens[h].lemma.toLowerCase();
    const subject = subjectOf(ix, h);
    // The light verb's own subject, or its controller's ("agreed to hold talks with"); not a coordinated verb's.
    if ((LIGHT_VERBS.has(verb) || ARGUMENT_WORDS.EXTRA_LIGHT_VERBS.has(verb)) && subject.rule !== "arg.conj-verb") {
      for (const s of subject.heads) owners.push({ head: s, rule: "arg.light-verb" });
      // "held talks with X": the oblique hangs on the verb.
      for (const c of ix.childrenWith(h, DEP.obl)) if (preps.includes(ix.caseOf(c))) targets.push(c);
    }
  }
  if (owners.length === 0 || targets.length === 0) return;
  for (const o of owners) {
    for (const src of actorsOf(ix, o.head)) {
      for (const t of targets) {
        for (const tgt of actorsOf(ix, t)) {
          if (VOCABULARY[relation].symmetric && src.entity === tgt.entity) continue;
          ctx.add({ ...ctx.at(o.rule, n), cameo: code }, src.entity, relation, tgt.entity, token.sentence, { modality, attributedTo, negated });
        }
      }
    }
  }
}

/**
 * An event noun read as its verb ("their resumption of diplomatic ties with X" = they resume
 * ties with X): CAMEO codes the verb with the noun's "of" phrase as its object; the owner is
 * the possessor, or (a pronoun or none) the subject of the verb the noun is the object of.
 */
export function readNominalization(ix: ParseIndex, n: number, first: number, last: number, speaker: string | undefined): void {
  const { ctx } = ix;
  const { tokens } = ctx;
  const verb = ARGUMENT_WORDS.NOMINALIZATIONS.get(tokens[n].lemma.toLowerCase()) ?? ARGUMENT_WORDS.NOMINALIZATIONS.get(tokens[n].normal);
  if (!verb) return;
  const object: string[] = [];
  const targets: number[] = [];
  const ofPhrases = ix.children[n].filter((c) => ix.dep(c) === DEP.nmod && ix.caseOf(c) === "of");
  for (const c of ofPhrases) ix.words(c, object);
  const coding = codeVerb(verb, { object });
  if (!coding?.type || !coding.code) return;
  const relation = coding.type;
  const preps = TYPE_PREPOSITIONS[relation] ?? [];
  // "ties between X and Y": both parties, when the one who speaks of the event endorses it.
  const between: number[] = [];
  for (const holder of [n, ...ofPhrases]) {
    for (const c of ix.childrenWith(holder, DEP.nmod)) {
      if (ix.caseOf(c) !== "of" && preps.includes(ix.caseOf(c))) targets.push(c);
      else if (ix.caseOf(c) === "between" && VOCABULARY[relation].polarity === "cooperative") between.push(c);
    }
  }
  if (targets.length === 0 && between.length === 0) return;
  let owners: ResolvedMention[] = [];
  let endorsers: ResolvedMention[] = [];
  const poss = ix.childrenWith(n, DEP.poss)[0];
  const h = ix.head(n);
  if (poss !== undefined && tokens[poss].pos !== "PRON") owners = actorsOf(ix, poss);
  else if (h >= 0 && ix.dep(n) === DEP.obj && tokens[h].pos === "VERB") for (const s of subjectOf(ix, h).heads) owners.push(...actorsOf(ix, s));
  if (between.length > 0 && h >= 0 && ix.dep(n) === DEP.obj && tokens[h].pos === "VERB" && endorses(tokens[h].lemma.toLowerCase())) {
    for (const s of subjectOf(ix, h).heads) endorsers.push(...actorsOf(ix, s));
  } else endorsers = [];
  const modality = modalityAt(ctx, n, first, last, speaker);
  const attributedTo = modality === "reported" ? speaker : undefined;
  for (const src of owners) {
    for (const t of targets) {
      for (const tgt of actorsOf(ix, t)) ctx.add({ ...ctx.at("arg.nominal-event", n), cameo: coding.code }, src.entity, relation, tgt.entity, tokens[n].sentence, { modality, attributedTo });
    }
  }
  for (const src of endorsers) {
    for (const t of between) {
      for (const tgt of actorsOf(ix, t)) ctx.add({ ...ctx.at("arg.endorsed-event", n), cameo: coding.code }, src.entity, relation, tgt.entity, tokens[n].sentence, { modality, attributedTo });
    }
  }
}

/** A verb of endorsement: ours or CAMEO's lemma codes it PRAISE or SUPPORT ("welcomed", "hailed", "backed"). */
function endorses(lemma: string): boolean {
  const ours = VERB_TRIGGERS.get(lemma)?.relation;
  if (ours === "PRAISE" || ours === "SUPPORT") return true;
  return verbCodes(lemma).some((c) => c.type === "PRAISE" || c.type === "SUPPORT");
}
