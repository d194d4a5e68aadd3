// Trigger rules: a verb or noun of the trigger tables (triggers.ts) with its actors.
// Rules: verb.active, verb.passive, verb.coordinated-subjects, verb.send-visitors,
// verb.join-body, verb.join-member, verb.welcome-decision, noun.owner-object, noun.between.
import { VOCABULARY, type ResolvedMention } from "../model.js";
import { NOUN_TRIGGERS, VERB_TRIGGERS, type Trigger } from "./triggers.js";
import type { RelationRuleId } from "./rules.js";
import { PHRASAL_VERBS, RELATION_WORDS } from "./words.js";
import { subjectsOf, objectsAfter, isPassive, isNegated, modalityAt, isPossessiveToken } from "./grammar.js";
import type { RelationContext } from "./context.js";

const { VISITING_GROUPS, LIGHT_VERBS, CLAUSE_PREPOSITIONS } = RELATION_WORDS;

export function readVerb(ctx: RelationContext, v: number, first: number, last: number, speaker: string | undefined): void {
  const { tokens, kindOf, pendingDenials } = ctx;
  const token = tokens[v];
  let lemma = token.lemma.toLowerCase();
  // Phrasal verbs and multiword triggers.
  const next = tokens[v + 1]?.normal;
  const phrasal = PHRASAL_VERBS.get(`${lemma} ${next}`);
  if (phrasal === null) return;
  if (phrasal !== undefined) lemma = phrasal;
  const trigger = VERB_TRIGGERS.get(lemma);
  if (!trigger) return;
  // "Hezbollah, the group backed by Tehran": a participle with its agent is passive too.
  const passive = isPassive(ctx, v, first) || (/ed$/.test(token.normal) && tokens[v + 1]?.normal === "by" && tokens[v - 1]?.pos !== "AUX" && !/^(have|has|had)$/.test(tokens[v - 1]?.normal ?? ""));
  const negated = isNegated(ctx, v, first);
  const modality = modalityAt(ctx, v, first, last, speaker);
  const attributedTo = modality === "reported" ? speaker : undefined;
  const subjects = subjectsOf(ctx, v, first);
  if (passive) {
    const agents = objectsAfter(ctx, v, last, ["by"]);
    for (const a of agents) for (const s of subjects) ctx.add(ctx.at("verb.passive", v), a.entity, trigger.relation, s.entity, token.sentence, { modality, attributedTo, negated });
    return;
  }
  // "X told Reuters": the outlet quotes the speaker.
  if (lemma === "tell") return;
  const objects = objectsAfter(ctx, v, last, trigger.preps);
  // "Brazil and Indonesia signed ...": a symmetric relation among coordinated subjects.
  if (objects.length === 0 && subjects.length >= 2 && VOCABULARY[trigger.relation].symmetric) {
    for (let a = 0; a < subjects.length; a++) {
      for (let b = a + 1; b < subjects.length; b++) ctx.add(ctx.at("verb.coordinated-subjects", v), subjects[a].entity, trigger.relation, subjects[b].entity, token.sentence, { modality, attributedTo, negated });
    }
  }
  for (const s of subjects) {
    for (const o of objects) {
      const [from, to] = trigger.reverse ? [o, s] : [s, o];
      let relation = trigger.relation;
      let rule: RelationRuleId = "verb.active";
      // "send a team to X" is a visit, not a delivery.
      if (lemma === "send" && tokens.slice(v + 1, o.firstToken).some((t) => VISITING_GROUPS.has(t.normal))) { relation = "VISIT"; rule = "verb.send-visitors"; }
      const fromKind = kindOf.get(from.entity);
      const toKind = kindOf.get(to.entity);
      // A state joining a body becomes part of it; welcoming a decision is support, not hosting.
      if (lemma === "join" && fromKind !== "PERSON" && toKind === "ORGANIZATION") { relation = "PART_OF"; rule = "verb.join-body"; }
      // A person joining a body becomes a member of it.
      if (lemma === "join" && fromKind === "PERSON" && toKind === "ORGANIZATION") { relation = "ROLE"; rule = "verb.join-member"; }
      if (relation === "HOST" && toKind !== "PERSON" && lemma === "welcome") { relation = "SUPPORT"; rule = "verb.welcome-decision"; }
      ctx.add(ctx.at(rule, v), from.entity, relation, to.entity, token.sentence, { modality, attributedTo, negated, ...(relation === "ROLE" ? { role: "member" } : {}) });
    }
  }
  if (trigger.relation === "DENY" && objects.length === 0 && !negated) {
    for (const s of subjects) pendingDenials.push({ denier: s.entity, sentence: token.sentence, modality, verb: v });
  }
}

export function readNoun(ctx: RelationContext, n: number, first: number, last: number, speaker: string | undefined): void {
  const { tokens } = ctx;
  const token = tokens[n];
  const lemma = token.lemma.toLowerCase();
  const trigger: Trigger | undefined = NOUN_TRIGGERS.get(lemma) ?? NOUN_TRIGGERS.get(token.normal);
  if (!trigger) return;
  const modality = modalityAt(ctx, n, first, last, speaker);
  const attributedTo = modality === "reported" ? speaker : undefined;
  const negated = isNegated(ctx, n, first);
  let objects = objectsAfter(ctx, n, last, trigger.preps, true);
  let owners = ownersOf(ctx, n, first);
  let rule: RelationRuleId = "noun.owner-object";
  if (objects.length >= 2 && tokens[n + 1]?.normal === "between") {
    // "a summit between X and Y".
    owners = [objects[0]];
    objects = objects.slice(1);
    rule = "noun.between";
  }
  for (const o of owners) for (const t of objects) ctx.add(ctx.at(rule, n), o.entity, trigger.relation, t.entity, token.sentence, { modality, attributedTo, negated });
}

/** Who owns a noun: "X's war", "Security Council sanctions", "his visit", or the subject of the verb it follows. */
export function ownersOf(ctx: RelationContext, n: number, first: number): ResolvedMention[] {
  const { tokens, slots, slotAt } = ctx;
  let k = n - 1;
  while (k >= first && (tokens[k].pos === "ADJ" || tokens[k].pos === "DET" || (tokens[k].pos === "VERB" && /(ed|ing)$/.test(tokens[k].value) && k === n - 1 && ["DET", "ADJ", "ADP", "PART", "ADV"].includes(tokens[k - 1]?.pos ?? "")) || (tokens[k].pos === "NOUN" && slotAt[k] < 0 && !/^\p{Lu}/u.test(tokens[k].value)) || tokens[k].value === "-" || tokens[k].pos === "NUM")) k--;
  if (k < first) return [];
  if (isPossessiveToken(tokens[k]) && k - 1 >= first && slotAt[k - 1] >= 0) return [slots[slotAt[k - 1]]];
  if (slotAt[k] >= 0) {
    const m = slots[slotAt[k]];
    // A pronoun owner ("his invitation") or a compound ("Security Council sanctions").
    if (m.form === "pronoun" || m.lastToken === k + 1) return [m];
  }
  // The noun is the object of a verb: "vowed support for", "imposed sanctions on", "held talks with".
  let j = k;
  while (j >= first && j > n - 6) {
    const t = tokens[j];
    if (t.pos === "VERB") {
      if (!LIGHT_VERBS.has(t.lemma.toLowerCase()) && !VERB_TRIGGERS.has(t.lemma.toLowerCase())) return [];
      return subjectsOf(ctx, j, first, false);
    }
    if (t.pos === "PUNCT" && t.value !== "-") break;
    j--;
  }
  // A noun phrase at the head of the sentence's subject ("The talks with X lasted"), or
  // a prepositional phrase on the main clause ("during a summit with Y").
  const det = tokens[k];
  if (det && CLAUSE_PREPOSITIONS.has(det.normal)) {
    return mainSubject(ctx, first, n);
  }
  return [];
}

/** The subject of the first finite verb of the sentence, for phrases hung on the main clause. */
export function mainSubject(ctx: RelationContext, first: number, before: number): ResolvedMention[] {
  const { tokens, slotAt } = ctx;
  for (let j = first; j < before; j++) {
    if (tokens[j].pos === "VERB" && slotAt[j] < 0) return subjectsOf(ctx, j, first);
  }
  return [];
}
