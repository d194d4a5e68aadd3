// Relations stage: typed, evidenced relations between resolved entities, from trigger
// verbs and nouns (active and passive, coordinated actors), titles and appositions (ROLE),
// possessives and "of"/"in" phrases (PART_OF, LOCATED_IN), speech and "according to"
// (QUOTE, attribution). A DENY points at whoever made the claim denied.
import {
  VOCABULARY, kindsFit,
  type Entity, type EntityKind, type Evidence, type Modality, type Relation,
  type RelationType, type ResolvedMention, type Token,
} from "../model.js";
import type { Doc, RelationRow } from "../doc/doc.js";
import { SpanGroup } from "../doc/spans.js";
import type { Component } from "../doc/pipeline.js";
import {
  GOVERNING_NOUNS, HONORIFICS, LOCATION_HEADS, ORGANIZATION_HEADS, ORGANIZATION_NOMINALS, STATE_ACTOR_NOUNS, TITLE_HEADS,
  TITLE_JOINERS, TITLE_MODIFIERS, isTitleWord,
} from "../mentions/lexicon.js";
import { countryByDemonym, countryByName, isCapitalized, normalizeName } from "../mentions/index.js";
import { NOUN_TRIGGERS, SPEECH_VERBS, VERB_TRIGGERS, type Trigger } from "./triggers.js";
import { MODALITY_FACTOR, RELATION_RULES, type RelationRuleId } from "./rules.js";
import { CLAIM_RELATIONS, MODALITY_MARKERS, PHRASAL_VERBS, POSSESSIVE_OBJECT_RELATIONS, RELATION_WORDS } from "./words.js";

/** Longest evidence text kept; longer sentences are shown as a window around the relation. */
const MAX_EVIDENCE = 1000;
const {
  INVITING_NOUNS, PEOPLE_OF_A_BODY, VISITING_GROUPS, PASSIVE_AUXILIARIES, NEGATIONS, LIGHT_VERBS, GOVERNMENT_TITLES,
  RELATIVE_PRONOUNS, OBJECT_PRONOUNS, CLAUSE_PREPOSITIONS, MEMBERS_PREPOSITIONS, SEGMENT_OPENERS, COORDINATION_LINKS,
  TITLE_DETERMINERS, NOMINAL_OWNER_PRONOUNS, TITLE_OWNER_PRONOUNS,
} = RELATION_WORDS;
/** Kinds that act (VOCABULARY's actors): a PERSON, ORGANIZATION or COUNTRY. */
const ACTOR_KINDS: ReadonlySet<EntityKind> = new Set(VOCABULARY.MEET.source);

/** Where a rule read a relation: its id, the trigger's token range, and the evidence window's centre. */
interface Site {
  rule: RelationRuleId;
  /** Token range [from, to) of the trigger word(s). */
  from: number;
  to: number;
  /** Character offset of what states the relation, for the evidence window of a long sentence. */
  anchor: number;
}

interface Draft {
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

/** Reads the relations of a Doc whose entities are resolved into its relation table. */
export const relationsComponent: Component = {
  name: "relations",
  requires: ["tokens", "pos", "lemmas", "sentences", "mentions", "entities"],
  assigns: ["relations"],
  run(doc) {
    doc.relations = extractRelations(doc);
  },
};

export function extractRelations(analyzed: Doc): RelationRow[] {
  const { tokens, sentences, document } = analyzed;
  const group = analyzed.spans.entities;
  const resolved = { entities: analyzed.entities, mentions: group.items };
  const kindOf = new Map<string, EntityKind>(resolved.entities.map((e: Entity) => [e.id, e.kind]));
  const drafts: Draft[] = [];
  const pendingRoles: { mention: ResolvedMention; title: string; site: Site }[] = [];
  const pendingDenials: { denier: string; sentence: number; modality: Modality; verb: number }[] = [];

  // Outermost actor mentions by token: the slots relations are read from.
  const all = resolved.mentions;
  // Longest mention covering each token: a mention inside a longer one is not a slot.
  const longestAt = group.coveringIndex("longest");
  const outer = all.filter((m) => {
    const o = all[longestAt[m.firstToken]];
    return o === m || !(o.firstToken <= m.firstToken && o.lastToken >= m.lastToken && o.lastToken - o.firstToken > m.lastToken - m.firstToken);
  });
  const inAffiliation = new Uint8Array(tokens.length);
  for (const m of all) if (m.affiliation) for (let k = m.affiliation.firstToken; k < m.affiliation.lastToken; k++) inAffiliation[k] = 1;
  let bodyByName: Map<string, string> | undefined;
  // Indexes that keep every look-up below linear in the document.
  const bySentence = (s: number): readonly ResolvedMention[] => group.inSentence(s);
  const stateByCode = new Map<string, ResolvedMention>();
  for (const m of all) if (m.country && !stateByCode.has(m.country) && kindOf.get(m.entity) === "COUNTRY") stateByCode.set(m.country, m);
  const withRole = new Set<string>();
  const officeHolders = new Map<string, Set<string>>();
  let main: ResolvedMention | undefined | null = null;
  const slots = outer.filter((m) => !isBareDemonym(m) && !isAffiliationOfNext(m));
  // The slot at each token (the last one holding it), and the shortest mention holding it.
  const slotAt = new SpanGroup("slots", tokens.length, slots).coveringIndex("last");
  const anyAt = group.coveringIndex("shortest");

  /** The site of a rule that read tokens [from, to), its evidence centred on `anchor`. */
  const at = (rule: RelationRuleId, from: number, to = from + 1, anchor = tokens[from].start): Site => ({ rule, from, to, anchor });
  const add = (site: Site, source: string | undefined, relation: RelationType, target: string | undefined, sentence: number,
    extra: Partial<Draft> = {}): void => {
    const confidence = RELATION_RULES[site.rule].confidence;
    if (!source || !target || source === target) return;
    const sk = kindOf.get(source);
    const tk = kindOf.get(target);
    if (!sk || !tk || !kindsFit(relation, sk, tk)) return;
    let [s, t] = [source, target];
    if (VOCABULARY[relation].symmetric && s > t) [s, t] = [t, s];
    if (relation === "ROLE") {
      withRole.add(s);
      const key = `${t}|${officeOf(extra.role ?? "")}`;
      const holders = officeHolders.get(key) ?? new Set<string>();
      holders.add(s);
      officeHolders.set(key, holders);
    }
    drafts.push({ site, source: s, relation, target: t, sentence, confidence, modality: "asserted", ...extra });
  };

  for (const sentence of sentences) {
    const speaker = speakerOf(sentence.firstToken, sentence.lastToken);
    for (let v = sentence.firstToken; v < sentence.lastToken; v++) {
      const token = tokens[v];
      if (slotAt[v] >= 0 && token.pos !== "VERB") continue;
      // A noun right after infinitive "to" is a mistagged verb ("decision to visit Russia").
      const infinitive = token.pos === "NOUN" && tokens[v - 1]?.normal === "to" && tokens[v - 1].pos === "PART";
      if (token.pos === "VERB" || infinitive) {
        readVerb(v, sentence.firstToken, sentence.lastToken, speaker);
      } else if (token.pos === "NOUN" && !/^\p{Lu}/u.test(token.value)) {
        readNoun(v, sentence.firstToken, sentence.lastToken, speaker);
      }
    }
    readAccordingTo(sentence.firstToken, sentence.lastToken, speaker);
  }
  readStructure();
  resolveDenials();

  return finish();

  // ---------------------------------------------------------------- verbs and nouns

  function readVerb(v: number, first: number, last: number, speaker: string | undefined): void {
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
    const passive = isPassive(v, first) || (/ed$/.test(token.normal) && tokens[v + 1]?.normal === "by" && tokens[v - 1]?.pos !== "AUX" && !/^(have|has|had)$/.test(tokens[v - 1]?.normal ?? ""));
    const negated = isNegated(v, first);
    const modality = modalityAt(v, first, last, speaker);
    const attributedTo = modality === "reported" ? speaker : undefined;
    const subjects = subjectsOf(v, first);
    if (passive) {
      const agents = objectsAfter(v, last, ["by"]);
      for (const a of agents) for (const s of subjects) add(at("verb.passive", v), a.entity, trigger.relation, s.entity, token.sentence, { modality, attributedTo, negated });
      return;
    }
    // "X told Reuters": the outlet quotes the speaker.
    if (lemma === "tell") return;
    const objects = objectsAfter(v, last, trigger.preps);
    // "Brazil and Indonesia signed ...": a symmetric relation among coordinated subjects.
    if (objects.length === 0 && subjects.length >= 2 && VOCABULARY[trigger.relation].symmetric) {
      for (let a = 0; a < subjects.length; a++) {
        for (let b = a + 1; b < subjects.length; b++) add(at("verb.coordinated-subjects", v), subjects[a].entity, trigger.relation, subjects[b].entity, token.sentence, { modality, attributedTo, negated });
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
        if (relation === "HOST" && toKind !== "PERSON" && lemma === "welcome") { relation = "SUPPORT"; rule = "verb.welcome-decision"; }
        add(at(rule, v), from.entity, relation, to.entity, token.sentence, { modality, attributedTo, negated });
      }
    }
    if (trigger.relation === "DENY" && objects.length === 0 && !negated) {
      for (const s of subjects) pendingDenials.push({ denier: s.entity, sentence: token.sentence, modality, verb: v });
    }
  }

  function readNoun(n: number, first: number, last: number, speaker: string | undefined): void {
    const token = tokens[n];
    const lemma = token.lemma.toLowerCase();
    const trigger: Trigger | undefined = NOUN_TRIGGERS.get(lemma) ?? NOUN_TRIGGERS.get(token.normal);
    if (!trigger) return;
    const modality = modalityAt(n, first, last, speaker);
    const attributedTo = modality === "reported" ? speaker : undefined;
    const negated = isNegated(n, first);
    let objects = objectsAfter(n, last, trigger.preps, true);
    let owners = ownersOf(n, first);
    let rule: RelationRuleId = "noun.owner-object";
    if (objects.length >= 2 && tokens[n + 1]?.normal === "between") {
      // "a summit between X and Y".
      owners = [objects[0]];
      objects = objects.slice(1);
      rule = "noun.between";
    }
    for (const o of owners) for (const t of objects) add(at(rule, n), o.entity, trigger.relation, t.entity, token.sentence, { modality, attributedTo, negated });
  }

  /** Who owns a noun: "X's war", "Security Council sanctions", "his visit", or the subject of the verb it follows. */
  function ownersOf(n: number, first: number): ResolvedMention[] {
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
        return subjectsOf(j, first, false);
      }
      if (t.pos === "PUNCT" && t.value !== "-") break;
      j--;
    }
    // A noun phrase at the head of the sentence's subject ("The talks with X lasted"), or
    // a prepositional phrase on the main clause ("during a summit with Y").
    const det = tokens[k];
    if (det && CLAUSE_PREPOSITIONS.has(det.normal)) {
      return mainSubject(first, n);
    }
    return [];
  }

  /** The subject of the first finite verb of the sentence, for phrases hung on the main clause. */
  function mainSubject(first: number, before: number): ResolvedMention[] {
    for (let j = first; j < before; j++) {
      if (tokens[j].pos === "VERB" && slotAt[j] < 0) return subjectsOf(j, first);
    }
    return [];
  }

  // ---------------------------------------------------------------- subjects and objects

  /** The first finite verb of the clause that ends at `end`: after ", who"/", which", outside quotes. */
  function firstVerbOfClause(first: number, end: number): number {
    let start = first;
    for (let j = first; j < end; j++) {
      if ((tokens[j].normal === "who" || tokens[j].normal === "which") && tokens[j - 1]?.value === ",") start = j + 1;
      if (tokens[j].value === ";") start = j + 1;
    }
    let quoted = false;
    for (let j = start; j < end; j++) {
      const t = tokens[j];
      quoted = insideQuotesAfter(t, quoted);
      if (quoted || t.pos !== "VERB" || /ing$/.test(t.normal) || tokens[j - 1]?.pos === "DET" || tokens[j - 1]?.normal === "to") continue;
      return j;
    }
    return -1;
  }

  function subjectsOf(v: number, first: number, coordinated = true): ResolvedMention[] {
    let k = v - 1;
    // "his invitation to visit Russia": the one invited does it, not the one inviting.
    if (tokens[v - 1]?.normal === "to" && INVITING_NOUNS.has(tokens[v - 2]?.lemma.toLowerCase() ?? "")) return [];
    // A gerund after a comma ("..., including selling X") takes no subject across the comma.
    const gerund = /ing$/.test(tokens[v].normal);
    // "X thanked Y but urged Z": a verb after "and"/"but" shares the subject of the verb before.
    let c = v - 1;
    while (c >= first && (tokens[c].pos === "ADV" || tokens[c].pos === "AUX")) c--;
    if (coordinated && c > first && (tokens[c].normal === "and" || tokens[c].normal === "but") && tokens[c].pos === "CCONJ" && slotAt[c - 1] < 0) {
      const main = firstVerbOfClause(first, c);
      if (main >= 0) return subjectsOf(main, first, false);
    }
    while (k >= first) {
      const t = tokens[k];
      const w = t.normal;
      if (gerund && w === ",") return [];
      if (slotAt[k] >= 0) {
        const m = slots[slotAt[k]];
        const before = tokens[m.firstToken - 1];
        const after = tokens[m.lastToken];
        // "Sudan's government accused": the state acts through its government.
        if (after && isPossessiveToken(after) && STATE_ACTOR_NOUNS.has(tokens[m.lastToken + 1]?.normal ?? "")) return withCoordinated(m, first, -1);
        if (after && isPossessiveToken(after) && m.lastToken < v - 1) return [];
        // "was accused by the EU of shipping": the agent of the passive is not the gerund's subject.
        if (gerund && before && before.normal === "by") { k = m.firstToken - 2; continue; }
        // "Fighters from X attacked": the group named after "from" acts.
        if (before && MEMBERS_PREPOSITIONS.has(before.normal) && /s$/.test(tokens[m.firstToken - 2]?.value ?? "")
          && tokens[m.firstToken - 2]?.pos === "NOUN" && directlyBefore(m, v)) return withCoordinated(m, first, -1);
        if (before && before.pos === "ADP" && m.firstToken - 1 >= first && !isPossessiveToken(before) && !directlyBefore(m, v)) {
          k = m.firstToken - 2;
          continue;
        }
        return withCoordinated(m, first, -1);
      }
      if (RELATIVE_PRONOUNS.has(w) && t.pos !== "SCONJ" || (w === "who" || w === "which")) {
        // "X, who arrived ...": the antecedent before the relative pronoun.
        let j = k - 1;
        if (tokens[j]?.value === ",") j--;
        if (j >= first && slotAt[j] >= 0) return [slots[slotAt[j]]];
        return [];
      }
      if (w === ";" || (t.pos === "SCONJ" && w !== "that") || w === ":" || w === "“" || w === "\"") return [];
      if (t.pos === "VERB" && !isParticiple(t) && !isInsideCommas(k, v, first)) return [];
      if (w === ",") {
        const jumped = skipCommaSegment(k, first);
        if (jumped !== k) { k = jumped; continue; }
      }
      k--;
    }
    return [];
  }

  /** Only adverbs, auxiliaries or an enclosed apposition stand between the mention and the verb. */
  function directlyBefore(m: ResolvedMention, v: number): boolean {
    let k = m.lastToken;
    while (k < v) {
      const t = tokens[k];
      if (t.pos === "ADV" || t.pos === "AUX" || t.pos === "PART") { k++; continue; }
      if (t.value === ",") {
        let j = k + 1;
        while (j < v && tokens[j].value !== ",") j++;
        if (j >= v) return false;
        k = j + 1;
        continue;
      }
      return false;
    }
    return true;
  }

  /** From a comma at k, the index before an enclosed segment ", who ... ," / ", a ...,"; or k. */
  function skipCommaSegment(k: number, first: number): number {
    let j = k - 1;
    while (j >= first && tokens[j].value !== ",") j--;
    if (j < first) return k;
    const opener = tokens[j + 1]?.normal;
    if (RELATIVE_PRONOUNS.has(opener) || SEGMENT_OPENERS.has(opener)) return j - 1;
    // "Lim Soo-suk, South Korea's Foreign Ministry spokesperson, said": a verbless apposition after a name.
    const verbless = tokens.slice(j + 1, k).every((t) => t.pos !== "VERB" && t.pos !== "AUX");
    if (verbless && j - 1 >= first && slotAt[j - 1] >= 0 && kindOf.get(slots[slotAt[j - 1]].entity) === "PERSON") return j - 1;
    return k;
  }

  function isInsideCommas(k: number, v: number, first: number): boolean {
    let commas = 0;
    for (let j = k; j < v; j++) if (tokens[j].value === ",") commas++;
    let before = 0;
    for (let j = k; j >= first; j--) if (tokens[j].value === ",") { before++; break; }
    return commas > 0 && before > 0;
  }

  function objectsAfter(v: number, last: number, preps: string[], nounTrigger = false): ResolvedMention[] {
    let k = v + 1;
    const limit = Math.min(last, v + 12);
    while (k < limit) {
      const t = tokens[k];
      const w = t.normal;
      if (w === ";" || w === "." || (t.pos === "SCONJ" && !preps.includes(w)) || w === "“" || w === "(") return [];
      if (slotAt[k] >= 0) {
        const m = slots[slotAt[k]];
        // "his weapons factories", "Kim's translator": owners, not objects (but "welcomed Kim's limousine").
        const possessive = m.form === "pronoun" ? !OBJECT_PRONOUNS.has(m.text.toLowerCase())
          : isPossessiveToken(tokens[m.lastToken]);
        // "warned the group's leaders": the people of a body stand for it.
        const forTheBody = m.form !== "pronoun" && possessive && PEOPLE_OF_A_BODY.has(tokens[m.lastToken + 1]?.normal ?? "");
        if (possessive && !forTheBody && !(m.form !== "pronoun" && (nounTrigger || POSSESSIVE_OBJECT_RELATIONS.has(VERB_TRIGGERS.get(tokens[v].lemma.toLowerCase())?.relation as RelationType)))) {
          k = m.lastToken + 1;
          continue;
        }
        const gov = governorOf(m, v);
        if ((gov === v && preps.includes("")) || (gov !== v && preps.includes(tokens[gov].normal))) {
          return withCoordinated(m, -1, last);
        }
        if (gov !== v && tokens[gov].pos === "ADP") { k = m.lastToken; continue; }
        return [];
      }
      const hyphenated = tokens[k - 1]?.value === "-" && tokens[k - 1].end === t.start;
      if (t.pos === "VERB" && !isParticiple(t) && k > v + 1 && !hyphenated) return [];
      // Another noun ends a noun trigger's reach ("talks on trade"), but not a title or an
      // affiliation before a name ("talks with US President Joe Biden").
      if (nounTrigger && t.pos === "NOUN" && k > v + 2 && !preps.includes(w) && !inAffiliation[k]
        && !isTitleWord(w)) return [];
      k++;
    }
    return [];
  }

  /** The word a mention hangs on: the preposition before it, or the verb (direct object). */
  function governorOf(m: ResolvedMention, v: number): number {
    let j = m.firstToken - 1;
    while (j > v) {
      const t = tokens[j];
      const w = t.normal;
      const titleWord = TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || TITLE_JOINERS.has(w);
      // Part of a hyphenated modifier: "the state-run Anadolu Agency".
      const hyphenated = tokens[j - 1]?.value === "-" && tokens[j - 1].end === t.start;
      if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || titleWord || anyAt[j] >= 0 || isPossessiveToken(t)
        || (t.pos === "NOUN" && !/^(of|with|to|for|on|in)$/.test(w)) || t.value === "-" || t.pos === "ADV" || hyphenated) {
        j--;
        continue;
      }
      // "asked the authorities in Niamey": the state's people stand for it.
      if (w === "in" && GOVERNING_NOUNS.has(tokens[j - 1]?.normal ?? "") && j - 1 > v) {
        j -= 2;
        continue;
      }
      return j;
    }
    return v;
  }

  /** A mention plus those coordinated with it ("X and Y", "X, Y and Z", ";"-lists after "by"). */
  function withCoordinated(m: ResolvedMention, first: number, last: number): ResolvedMention[] {
    const found = [m];
    if (last >= 0) {
      // Rightwards.
      let cur = m;
      for (;;) {
        let k = cur.lastToken;
        let sawLink = false;
        let semicolon = false;
        while (k < last) {
          const w = tokens[k].normal;
          if (w === "and" || w === "or" || w === "," || w === ";") { sawLink = true; if (w === ";") semicolon = true; k++; continue; }
          if (semicolon || (sawLink && (tokens[k].pos === "DET" || TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || TITLE_JOINERS.has(w) || anyAt[k] >= 0 && slotAt[k] < 0))) {
            if (slotAt[k] >= 0) break;
            k++;
            if (semicolon && tokens[k - 1].value === ";") continue;
            continue;
          }
          break;
        }
        if (!sawLink || k >= last || slotAt[k] < 0) break;
        const next = slots[slotAt[k]];
        // "MONUSCO, the United Nations peacekeeping mission": an apposition, not a second actor.
        const linkWords = tokens.slice(cur.lastToken, next.firstToken).map((t) => t.normal);
        const commaOnly = !linkWords.some((w) => w === "and" || w === "or" || w === ";");
        const described = tokens[next.lastToken] && tokens[next.lastToken].pos === "NOUN" && !/^\p{Lu}/u.test(tokens[next.lastToken].value);
        if (commaOnly && described) break;
        if (next === cur || found.includes(next)) break;
        found.push(next);
        cur = next;
        // A ";"-list continues past descriptions to the next ";".
        if (semicolon || tokens.slice(m.lastToken, next.firstToken).some((t) => t.value === ";")) {
          let j = next.lastToken;
          while (j < last && tokens[j].value !== ";") j++;
          if (j < last) { cur = { ...next, lastToken: j }; }
        }
      }
    }
    if (first >= 0) {
      // Leftwards: "Brazil and Indonesia signed", "Both Russian and North Korean officials".
      let cur = m;
      for (;;) {
        let k = cur.firstToken - 1;
        let sawLink = false;
        while (k >= first && (COORDINATION_LINKS.has(tokens[k].normal) || (sawLink && tokens[k].pos === "DET"))) {
          if (tokens[k].pos !== "DET") sawLink = true;
          k--;
        }
        // "Japan and the Philippines": the article belongs to the second actor.
        if (!sawLink && tokens[k]?.pos === "DET") {
          let j = k - 1;
          while (j >= first && COORDINATION_LINKS.has(tokens[j].normal)) { sawLink = true; j--; }
          if (sawLink) k = j;
        }
        if (!sawLink || k < first) break;
        const idx = slotAt[k] >= 0 ? slotAt[k] : -1;
        const prev = idx >= 0 ? slots[idx] : bareDemonymEndingAt(k);
        if (!prev || found.includes(prev)) break;
        found.push(prev);
        cur = prev;
      }
    }
    return found;
  }

  function bareDemonymEndingAt(k: number): ResolvedMention | undefined {
    const list = group.endingAt(k + 1);
    for (let j = list.length - 1; j >= 0; j--) if (list[j].placeRole === "demonym" || list[j].placeRole === "demonym-plural") return list[j];
    return undefined;
  }


  // ---------------------------------------------------------------- speech, QUOTE, modality

  /** The entity whose words the sentence reports ("X said", "X told", "said X"). */
  function speakerOf(first: number, last: number): string | undefined {
    let quoted = false;
    for (let k = first; k < last; k++) {
      const t = tokens[k];
      quoted = insideQuotesAfter(t, quoted);
      if (quoted || t.pos !== "VERB" || !SPEECH_VERBS.has(t.lemma.toLowerCase())) continue;
      const subjects = subjectsOf(k, first);
      if (subjects.length > 0) {
        if (t.lemma.toLowerCase() === "tell") quoteOutlet(k, last, subjects[0]);
        return subjects[0].entity;
      }
      // "..., said Rono" / "..., the minister said".
      if (slotAt[k + 1] >= 0) return slots[slotAt[k + 1]].entity;
    }
    return undefined;
  }

  function quoteOutlet(v: number, last: number, speaker: ResolvedMention): void {
    const objects = objectsAfter(v, last, [""]);
    for (const o of objects) if (kindOf.get(o.entity) === "ORGANIZATION") add(at("quote.told-outlet", v), o.entity, "QUOTE", speaker.entity, tokens[v].sentence);
  }

  function readAccordingTo(first: number, last: number, speaker: string | undefined): void {
    for (let k = first; k + 2 < last; k++) {
      if (tokens[k].normal !== "according" || tokens[k + 1].normal !== "to") continue;
      const objects = objectsAfter(k + 1, last, [""]);
      for (const o of objects) {
        if (kindOf.get(o.entity) !== "ORGANIZATION") continue;
        if (speaker && speaker !== o.entity) add(at("quote.according-to", k, k + 2), o.entity, "QUOTE", speaker, tokens[k].sentence);
      }
    }
  }

  function modalityAt(v: number, first: number, last: number, speaker: string | undefined): Modality {
    for (let k = v - 1; k >= Math.max(first, v - 4); k--) {
      const w = tokens[k].normal;
      for (const marker of MODALITY_MARKERS) if (marker.words.has(w)) return marker.modality;
      if (slotAt[k] >= 0 || w === ",") break;
    }
    // Said by someone: in a speech clause, or in a sentence "according to" someone.
    for (let k = first; k < last; k++) {
      const t = tokens[k];
      if (t.normal === "according") return "reported";
      if (k !== v && t.pos === "VERB" && (SPEECH_VERBS.has(t.lemma.toLowerCase()) || t.lemma === "accuse") && k < v) return "reported";
      if (k > v && t.pos === "VERB" && SPEECH_VERBS.has(t.lemma.toLowerCase()) && tokens[k - 1]?.value === ",") return "reported";
    }
    return speaker && tokens.slice(first, last).some((t) => t.value === "“" || t.value === "\"") ? "reported" : "asserted";
  }

  // ---------------------------------------------------------------- structure: ROLE, PART_OF, LOCATED_IN

  function readStructure(): void {
    for (const m of all) {
      const kind = kindOf.get(m.entity);
      if (!kind) continue;
      if (kind === "PERSON" && (m.form === "name" || m.form === "nominal")) readRole(m);
      if (kind === "ORGANIZATION" || kind === "LOCATION") readOwner(m, kind);
    }
    datelines();
    resolvePendingRoles();
  }

  function readRole(m: ResolvedMention): void {
    const sentence = m.sentence;
    // Title written before the name, in capitals or not: "Russian President X", "North Korean leader X", "Brazil's Foreign Minister X".
    let j = m.firstToken - 1;
    const titleWords: string[] = [];
    while (j >= 0 && tokens[j].sentence === sentence && isTitleToken(tokens[j]) && slotAt[j] < 0 && anyAt[j] < 0) { titleWords.unshift(tokens[j].value); j--; }
    let title = m.title ?? (titleWords.length ? titleWords.join(" ") : undefined);
    let owner: ResolvedMention | undefined;
    if (m.affiliation) owner = mentionWithin(m.affiliation.firstToken, m.affiliation.lastToken, (x) => x !== m);
    if (!owner && title) {
      const before = m.title ? titleStart(m) - 1 : j;
      if (before >= 0 && isPossessiveToken(tokens[before]) && anyAt[before - 1] >= 0) owner = all[anyAt[before - 1]];
      else if (before >= 0 && anyAt[before] >= 0 && tokens[before].sentence === sentence) owner = all[anyAt[before]];
    }
    // Nominal with an owner: "Its spokeswoman, X", "the group's military commander, X", "Congo's defence minister".
    if (!owner && m.form === "nominal") {
      const before = m.firstToken - 1;
      if (before >= 0 && isPossessiveToken(tokens[before]) && anyAt[before - 1] >= 0) owner = all[anyAt[before - 1]];
      else if (NOMINAL_OWNER_PRONOUNS.has(tokens[m.firstToken].normal)) owner = possessorPronoun(m.firstToken);
      title = m.title ?? title;
    }
    // A title set off before the name: "Its spokesman, Rear Admiral X"; "the bloc's foreign policy chief, X".
    if (m.form === "name" && tokens[m.firstToken - 1 - titleWords.length]?.value === ",") {
      let k = m.firstToken - 2 - titleWords.length;
      const words: string[] = [];
      while (k >= 0 && ((tokens[k].pos === "NOUN" && !isCapitalized(tokens[k])) || tokens[k].pos === "ADJ")) words.unshift(tokens[k--].value);
      const head = words[words.length - 1]?.toLowerCase();
      if (head && TITLE_HEADS.has(head) && k >= 0) {
        let possessor: ResolvedMention | undefined;
        if (isPossessiveToken(tokens[k]) && anyAt[k - 1] >= 0) possessor = all[anyAt[k - 1]];
        else if (anyAt[k] >= 0 && all[anyAt[k]].form === "pronoun" && TITLE_OWNER_PRONOUNS.has(tokens[k].normal)) possessor = all[anyAt[k]];
        if (possessor && kindOf.get(possessor.entity) !== "PERSON") {
          owner = owner ?? possessor;
          title = title ?? words.join(" ");
        }
      }
    }
    // "Director General X of the Ministry's Political Department".
    if (!owner && title && tokens[m.lastToken]?.normal === "of") {
      for (let k = m.lastToken + 1; k < Math.min(tokens.length, m.lastToken + 4); k++) {
        const x = anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
        if (x && kindOf.get(x.entity) !== "PERSON" && kindOf.get(x.entity) !== "LOCATION" && !isPossessiveToken(tokens[x.lastToken])) { owner = x; break; }
      }
    }
    // Apposition after the name: "X, South Korea's Foreign Ministry spokesperson," / "X, a SIPRI researcher".
    if (m.form === "name" && tokens[m.lastToken]?.value === ",") {
      const app = apposition(m.lastToken + 1);
      if (app && (!owner || !title)) { owner = owner ?? app.owner; title = title ?? app.title; }
    }
    if (!title) return;
    const head = title.toLowerCase().split(/\s+/).filter((w) => TITLE_HEADS.has(w)).pop();
    if (!head || HONORIFICS.has(head)) return;
    const site = roleSite("role.title", m, j + 1);
    if (!owner && GOVERNMENT_TITLES.has(head)) {
      pendingRoles.push({ mention: m, title, site: { ...site, rule: "role.government-title" } });
      return;
    }
    if (!owner) return;
    add(site, m.entity, "ROLE", owner.entity, sentence, { role: title });
  }

  /** A government title with no owner in reach: the entity's owner elsewhere, else the nearest country. */
  function resolvePendingRoles(): void {
    const main = mainCountry();
    const mainSentences = new Set(main ? all.filter((x) => x.entity === main.entity).map((x) => x.sentence) : []);
    for (const { mention, title, site } of pendingRoles) {
      if (withRole.has(mention.entity)) continue;
      // A state acting in the same sentence ("X said Russia may ..."), else the document's
      // main state when it is near, else the nearest state.
      const acting = bySentence(mention.sentence).find((x) => kindOf.get(x.entity) === "COUNTRY" && x.form === "name"
        && tokens[x.firstToken - 1]?.pos !== "ADP" && (tokens[x.lastToken]?.pos === "AUX" || tokens[x.lastToken]?.pos === "VERB"));
      let mainNear = false;
      for (let d = -3; d <= 3 && !mainNear; d++) mainNear = mainSentences.has(mention.sentence + d);
      const owner = acting ?? (mainNear ? main : undefined) ?? nearestCountry(mention) ?? main;
      // A guessed state that already has someone with this title ("President") is not his.
      const holders = owner ? officeHolders.get(`${owner.entity}|${officeOf(title)}`) : undefined;
      const taken = !!holders && [...holders].some((h) => h !== mention.entity);
      if (owner && !taken) add(site, mention.entity, "ROLE", owner.entity, mention.sentence, { role: title });
    }
  }

  /** The country the document speaks of most, for officials whose country goes unsaid. */
  function mainCountry(): ResolvedMention | undefined {
    if (main !== null) return main;
    const counts = new Map<string, number>();
    for (const x of all) if (kindOf.get(x.entity) === "COUNTRY") counts.set(x.entity, (counts.get(x.entity) ?? 0) + 1);
    let best: string | undefined;
    for (const [id, n] of counts) if (!best || n > counts.get(best)!) best = id;
    main = best ? all.find((x) => x.entity === best) : undefined;
    return main;
  }

  /** The first mention lying inside tokens [from, to) that passes the test. */
  function mentionWithin(from: number, to: number, test: (x: ResolvedMention) => boolean): ResolvedMention | undefined {
    for (let k = from; k < to; k++) {
      for (const x of group.startingAt(k)) if (x.lastToken <= to && test(x)) return x;
    }
    return undefined;
  }

  /** A ROLE's trigger: the title words before the name, else the mention that carries the title. */
  function roleSite(rule: RelationRuleId, m: ResolvedMention, titleFrom: number): Site {
    const before = titleFrom < m.firstToken;
    return at(rule, before ? titleFrom : m.firstToken, before ? m.firstToken : m.lastToken, m.start);
  }

  function titleStart(m: ResolvedMention): number {
    let j = m.firstToken - 1;
    while (j >= 0 && isTitleToken(tokens[j])) j--;
    return j + 1;
  }

  function apposition(k: number): { owner?: ResolvedMention; title?: string } | undefined {
    let title: string | undefined;
    let owner: ResolvedMention | undefined;
    const words: string[] = [];
    for (let j = k; j < Math.min(tokens.length, k + 14); j++) {
      const t = tokens[j];
      if (t.sentence !== tokens[k].sentence || t.value === "," || t.value === "." || t.value === ";") break;
      if ((t.pos === "VERB" && !isParticiple(t)) || t.pos === "AUX") break;
      const w = t.normal;
      if (anyAt[j] >= 0 && !owner) {
        const x = all[anyAt[j]];
        if (ACTOR_KINDS.has(kindOf.get(x.entity)!) && kindOf.get(x.entity) !== "PERSON") owner = x;
        else if (x.form === "pronoun") owner = possessorPronoun(j);
        else if (x.form === "nominal" && x.title && !title) {
          title = x.title;
          // "a former Kenyan foreign minister": the nominal's own affiliation.
          if (x.affiliation && !owner) owner = mentionWithin(x.affiliation.firstToken, x.affiliation.lastToken, (y) => !!y.country);
        }
        j = x.lastToken - 1;
        continue;
      }
      if (w === "its" || w === "whose") owner = owner ?? possessorPronoun(j);
      words.push(t.value);
      if (TITLE_HEADS.has(w) && !title) title = words.filter((x) => !TITLE_DETERMINERS.has(x.toLowerCase())).join(" ");
    }
    if (!title) return undefined;
    return { owner, title };
  }

  function possessorPronoun(j: number): ResolvedMention | undefined {
    const at = anyAt[j];
    if (at >= 0 && all[at].form === "pronoun") return all[at];
    // "whose": the mention right before ", whose".
    let k = j - 1;
    if (tokens[k]?.value === ",") k--;
    return k >= 0 && anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
  }

  function nearestCountry(m: ResolvedMention): ResolvedMention | undefined {
    let best: ResolvedMention | undefined;
    let bestDistance = Infinity;
    for (const x of [...bySentence(m.sentence - 1), ...bySentence(m.sentence)]) {
      if (kindOf.get(x.entity) !== "COUNTRY") continue;
      const distance = Math.abs(x.start - m.start) + (x.sentence < m.sentence ? 200 : 0);
      if (distance < bestDistance) { best = x; bestDistance = distance; }
    }
    return best;
  }

  /** PART_OF / LOCATED_IN for an organisation or place from how it is introduced. */
  function readOwner(m: ResolvedMention, kind: EntityKind): void {
    const rel: RelationType = kind === "LOCATION" ? "LOCATED_IN" : "PART_OF";
    const site = (rule: RelationRuleId, from = m.firstToken, to = m.lastToken): Site => at(rule, from, to, m.start);
    const sentence = m.sentence;
    if (m.form !== "name") return;
    // "X's Foreign Ministry", "Russia's Far East", "Russia's state news agency TASS".
    let j = m.firstToken - 1;
    let descriptor = false;
    while (j >= 0 && tokens[j].sentence === sentence && (anyAt[j] < 0 || all[anyAt[j]].entity === m.entity) && /^[a-z-]/.test(tokens[j].value) && ["NOUN", "ADJ", "PUNCT", "VERB"].includes(tokens[j].pos) && tokens[j].value !== ",") {
      const w = tokens[j].normal;
      if (ORGANIZATION_NOMINALS.has(w) || ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w)) descriptor = true;
      j--;
    }
    if (j >= 0 && (descriptor || j === m.firstToken - 1 || j === m.firstToken - 2)) {
      let ownerIdx = -1;
      if (isPossessiveToken(tokens[j]) && anyAt[j - 1] >= 0) ownerIdx = anyAt[j - 1];
      else if (anyAt[j] >= 0 && (descriptor || j === m.firstToken - 1)) ownerIdx = anyAt[j];
      if (ownerIdx >= 0) {
        const owner = all[ownerIdx];
        const ok = kind === "LOCATION" ? ["COUNTRY", "LOCATION"].includes(kindOf.get(owner.entity)!) : kindOf.get(owner.entity) !== "PERSON";
        if (ok && (descriptor || isPossessiveToken(tokens[j]) || owner.placeRole === "demonym" || kindOf.get(owner.entity) === "COUNTRY")) {
          add(site("owner.possessive", j, j + 1), m.entity, rel, owner.entity, sentence);
        }
      }
    }
    // A country or parent written inside the name: "U.S. State Department", "Finnish Defence Forces",
    // "Ministry for Foreign Affairs of Finland".
    for (let k = m.firstToken; k < m.lastToken; k++) {
      for (const x of group.startingAt(k)) {
        if (x === m || x.lastToken > m.lastToken) continue;
        if (kindOf.get(x.entity) === "COUNTRY") add(site("owner.inside-name", x.firstToken, x.lastToken), m.entity, rel, x.entity, sentence);
      }
    }
    const headOwner = ownerInNameHead(m);
    if (headOwner) add(site("owner.name-head"), m.entity, rel, headOwner, sentence);
    const after = tokens[m.lastToken];
    const after2 = tokens[m.lastToken + 1];
    // "X in Y" (places), "X of the Y" (bodies).
    if (after && after2) {
      const w = after.normal;
      let k = m.lastToken + 1;
      while (k < tokens.length && (tokens[k].pos === "DET" || (tokens[k].pos === "ADJ" && anyAt[k] < 0))) k++;
      const y = anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
      if (y && y.sentence === sentence && y.form === "name") {
        const yk = kindOf.get(y.entity)!;
        if (kind === "LOCATION" && w === "in" && (yk === "LOCATION" || yk === "COUNTRY")) add(site("owner.in-phrase", m.lastToken, m.lastToken + 1), m.entity, "LOCATED_IN", y.entity, sentence);
        if (kind === "ORGANIZATION" && w === "of" && (yk === "ORGANIZATION" || yk === "COUNTRY")) add(site("owner.of-phrase", m.lastToken, m.lastToken + 1), m.entity, "PART_OF", y.entity, sentence);
      }
    }
    // Apposition: "Antara, Indonesia's state news agency"; "Surabaya, Indonesia's second-largest city".
    if (after && after.value === ",") {
      let k = m.lastToken + 1;
      let found: ResolvedMention | undefined;
      let head = false;
      for (; k < Math.min(tokens.length, m.lastToken + 10); k++) {
        const t = tokens[k];
        if (t.sentence !== sentence || t.value === "," || (t.pos === "VERB" && !isParticiple(t)) || t.pos === "AUX") break;
        const w = t.normal;
        if (anyAt[k] >= 0 && !found && all[anyAt[k]].form !== "pronoun") { found = all[anyAt[k]]; k = found.lastToken - 1; continue; }
        if (anyAt[k] >= 0) break;
        if (kind === "ORGANIZATION" && (ORGANIZATION_NOMINALS.has(w) || ORGANIZATION_HEADS.has(w))) { head = true; break; }
        if (kind === "LOCATION" && LOCATION_HEADS.has(w)) { head = true; break; }
      }
      if (found && head && found.entity !== m.entity) add(site("owner.apposition", m.lastToken, m.lastToken + 1), m.entity, rel, found.entity, sentence);
    }
    // "the central Iranian city of Isfahan".
    if (kind === "LOCATION" && tokens[m.firstToken - 1]?.normal === "of" && LOCATION_HEADS.has(tokens[m.firstToken - 2]?.normal ?? "")) {
      for (let k = m.firstToken - 3; k >= Math.max(0, m.firstToken - 6); k--) {
        if (anyAt[k] >= 0) { add(site("owner.city-of", m.firstToken - 2, m.firstToken), m.entity, "LOCATED_IN", all[anyAt[k]].entity, sentence); break; }
      }
    }
  }

  /** An owner written at the head of the name: "Finnish Defence Forces", "U.S. State Department", "ECOWAS Commission". */
  function ownerInNameHead(m: ResolvedMention): string | undefined {
    if (m.lastToken - m.firstToken < 2) return undefined;
    for (const width of [2, 1]) {
      if (m.lastToken - m.firstToken <= width) continue;
      const head = document.text.slice(tokens[m.firstToken].start, tokens[m.firstToken + width - 1].end);
      const code = countryCodeOf(head);
      if (code) {
        const country = stateByCode.get(code);
        if (country) return country.entity;
      }
      if (!bodyByName) {
        bodyByName = new Map();
        for (const e of resolved.entities) {
          if (e.kind !== "ORGANIZATION") continue;
          for (const name of [e.name, ...e.aliases]) if (!bodyByName.has(normalizeName(name))) bodyByName.set(normalizeName(name), e.id);
        }
      }
      const body = bodyByName.get(normalizeName(head));
      if (body && body !== m.entity) return body;
    }
    return undefined;
  }

  function datelines(): void {
    // "BUNIA, Democratic Republic of Congo —": a place, then its country, before a dash.
    for (const s of sentences) {
      const ms = bySentence(s.index).filter((m) => m.form === "name");
      if (ms.length < 2) continue;
      const [a, b] = ms;
      if (a.firstToken !== s.firstToken) continue;
      if (tokens[a.lastToken]?.value !== "," || b.firstToken !== a.lastToken + 1) continue;
      const dash = tokens[b.lastToken]?.value;
      if (dash !== "—" && dash !== "-" && dash !== "–") continue;
      add(at("located-in.dateline", b.lastToken, b.lastToken + 1, a.start), a.entity, "LOCATED_IN", b.entity, s.index);
    }
  }

  // ---------------------------------------------------------------- DENY targets

  function resolveDenials(): void {
    const claims = drafts.filter((x) => CLAIM_RELATIONS.has(x.relation));
    for (const d of pendingDenials) {
      // Whoever most recently accused, asked or demanded something of the denier (or of
      // anyone, within a few sentences); the last 50 claims are far enough to look back.
      const before = claims.filter((x) => x.sentence <= d.sentence).slice(-50);
      const aimed = before.filter((x) => x.target === d.denier);
      const pool = aimed.length > 0 ? aimed : before.filter((x) => d.sentence - x.sentence <= 4);
      const claim = pool[pool.length - 1];
      if (claim) add(at("deny.claim", d.verb), d.denier, "DENY", claim.source, d.sentence, { modality: d.modality });
    }
  }

  // ---------------------------------------------------------------- helpers

  function isPassive(v: number, first: number): boolean {
    for (let k = v - 1; k >= Math.max(first, v - 3); k--) {
      const t = tokens[k];
      if (t.pos === "ADV" || NEGATIONS.has(t.normal)) continue;
      return t.pos === "AUX" && PASSIVE_AUXILIARIES.has(t.normal) && /(ed|en|wn|ught|ung|id|eld|ent|ome|un)$/.test(tokens[v].normal);
    }
    return false;
  }

  function isNegated(v: number, first: number): boolean {
    for (let k = v - 1; k >= Math.max(first, v - 3); k--) {
      const w = tokens[k].normal;
      if (NEGATIONS.has(w)) return true;
      if (slotAt[k] >= 0) return false;
    }
    return false;
  }

  function isBareDemonym(m: ResolvedMention): boolean {
    return (m.placeRole === "demonym" || m.placeRole === "demonym-plural") && !m.head;
  }

  function isAffiliationOfNext(m: ResolvedMention): boolean {
    return inAffiliation[m.firstToken] === 1 && inAffiliation[m.lastToken - 1] === 1;
  }

  /** The sentence; in a sentence too long to show (a text without full stops), a window of it. */
  function evidenceFor(d: Draft, s: { start: number; end: number }): Evidence {
    let start = s.start;
    let end = s.end;
    if (end - start > MAX_EVIDENCE) {
      start = Math.max(s.start, d.site.anchor - MAX_EVIDENCE / 2);
      end = Math.min(s.end, start + MAX_EVIDENCE);
      // Whole words at both ends.
      while (start > s.start && /\S/.test(document.text[start - 1])) start--;
      while (end < s.end && /\S/.test(document.text[end])) end++;
    }
    return { document: document.id, sentence: d.sentence, start, end, text: document.text.slice(start, end) };
  }

  function finish(): RelationRow[] {
    const merged = new Map<string, RelationRow>();
    for (const d of drafts) {
      const key = `${d.source}|${d.relation}|${d.target}`;
      const s = sentences[d.sentence];
      const evidence = evidenceFor(d, s);
      const existing = merged.get(key);
      if (existing) {
        if (!existing.evidence.some((e) => e.sentence === d.sentence)) existing.evidence.push(evidence);
        existing.confidence = Math.max(existing.confidence, adjusted(d));
        if (d.modality === "asserted") existing.modality = "asserted";
        if (!d.negated) delete existing.negated;
        continue;
      }
      const relation: Relation = { source: d.source, relation: d.relation, target: d.target, evidence: [evidence], confidence: adjusted(d), modality: d.modality };
      if (d.attributedTo && d.attributedTo !== d.source) relation.attributedTo = d.attributedTo;
      if (d.negated) relation.negated = true;
      if (d.role) relation.role = d.role;
      const row = relation as RelationRow;
      row.rule = d.site.rule;
      const from = tokens[d.site.from].start;
      const to = tokens[d.site.to - 1].end;
      row.trigger = { start: from, end: to, text: document.text.slice(from, to) };
      merged.set(key, row);
    }
    return [...merged.values()];
  }
}

/** A title without its demonyms and capitals: "Russian President" and "President" hold one office. */
function officeOf(title: string): string {
  return title.toLowerCase().split(/\s+/).filter(isTitleWord).join(" ");
}

function countryCodeOf(text: string): string | undefined {
  return (countryByName(text) ?? countryByDemonym(text))?.code;
}

function adjusted(d: Draft): number {
  const factor = d.modality === "asserted" ? MODALITY_FACTOR.asserted : d.modality === "reported" ? MODALITY_FACTOR.reported : MODALITY_FACTOR.other;
  return Math.round(d.confidence * factor * 100) / 100;
}

function isPossessiveToken(t: Token | undefined): boolean {
  return !!t && (t.value === "'s" || t.value === "’s" || t.value === "'" || t.value === "’");
}

function isParticiple(t: Token): boolean {
  return /(ed|ing|en)$/.test(t.normal) && t.pos === "VERB";
}

function isTitleToken(t: Token): boolean {
  const w = t.normal;
  return (TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w)) && t.pos !== "PUNCT";
}

/** Whether the text is inside a quotation after this token, given whether it was before. */
function insideQuotesAfter(token: Token, quoted: boolean): boolean {
  if (token.value === "“") return true;
  if (token.value === "”") return false;
  if (token.value === "\"") return !quoted;
  return quoted;
}
