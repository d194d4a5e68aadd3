// The grammar the relation rules share: subjects and objects of a trigger, coordination,
// clause bounds, passive, negation and modality, read from POS tags and word order.
import type { Modality, RelationType, ResolvedMention, Token } from "../model.js";
import { GOVERNING_NOUNS, STATE_ACTOR_NOUNS, TITLE_HEADS, TITLE_JOINERS, TITLE_MODIFIERS, isTitleWord } from "../mentions/lexicon.js";
import { countryByDemonym, countryByName } from "../mentions/index.js";
import { SPEECH_VERBS, VERB_TRIGGERS } from "./triggers.js";
import { MODALITY_MARKERS, POSSESSIVE_OBJECT_RELATIONS, RELATION_WORDS } from "./words.js";
import type { RelationContext } from "./context.js";

const { INVITING_NOUNS, PEOPLE_OF_A_BODY, PASSIVE_AUXILIARIES, NEGATIONS, RELATIVE_PRONOUNS, OBJECT_PRONOUNS, MEMBERS_PREPOSITIONS, SEGMENT_OPENERS, COORDINATION_LINKS } = RELATION_WORDS;

/** The first finite verb of the clause that ends at `end`: after ", who"/", which", outside quotes. */
export function firstVerbOfClause(ctx: RelationContext, first: number, end: number): number {
  const { tokens } = ctx;
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

export function subjectsOf(ctx: RelationContext, v: number, first: number, coordinated = true): ResolvedMention[] {
  const { tokens, slots, slotAt } = ctx;
  let k = v - 1;
  // "his invitation to visit Russia": the one invited does it, not the one inviting.
  if (tokens[v - 1]?.normal === "to" && INVITING_NOUNS.has(tokens[v - 2]?.lemma.toLowerCase() ?? "")) return [];
  // A gerund after a comma ("..., including selling X") takes no subject across the comma.
  const gerund = /ing$/.test(tokens[v].normal);
  // "X thanked Y but urged Z": a verb after "and"/"but" shares the subject of the verb before.
  let c = v - 1;
  while (c >= first && (tokens[c].pos === "ADV" || tokens[c].pos === "AUX")) c--;
  if (coordinated && c > first && (tokens[c].normal === "and" || tokens[c].normal === "but") && tokens[c].pos === "CCONJ" && slotAt[c - 1] < 0) {
    const main = firstVerbOfClause(ctx, first, c);
    if (main >= 0) return subjectsOf(ctx, main, first, false);
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
      if (after && isPossessiveToken(after) && STATE_ACTOR_NOUNS.has(tokens[m.lastToken + 1]?.normal ?? "")) return withCoordinated(ctx, m, first, -1);
      if (after && isPossessiveToken(after) && m.lastToken < v - 1) return [];
      // "was accused by the EU of shipping": the agent of the passive is not the gerund's subject.
      if (gerund && before && before.normal === "by") { k = m.firstToken - 2; continue; }
      // "Fighters from X attacked": the group named after "from" acts.
      if (before && MEMBERS_PREPOSITIONS.has(before.normal) && /s$/.test(tokens[m.firstToken - 2]?.value ?? "")
        && tokens[m.firstToken - 2]?.pos === "NOUN" && directlyBefore(ctx, m, v)) return withCoordinated(ctx, m, first, -1);
      if (before && before.pos === "ADP" && m.firstToken - 1 >= first && !isPossessiveToken(before) && !directlyBefore(ctx, m, v)) {
        k = m.firstToken - 2;
        continue;
      }
      return withCoordinated(ctx, m, first, -1);
    }
    if (RELATIVE_PRONOUNS.has(w) && t.pos !== "SCONJ" || (w === "who" || w === "which")) {
      // "X, who arrived ...": the antecedent before the relative pronoun.
      let j = k - 1;
      if (tokens[j]?.value === ",") j--;
      if (j >= first && slotAt[j] >= 0) return [slots[slotAt[j]]];
      return [];
    }
    if (w === ";" || (t.pos === "SCONJ" && w !== "that") || w === ":" || w === "“" || w === "\"") return [];
    if (t.pos === "VERB" && !isParticiple(t) && !isInsideCommas(ctx, k, v, first)) return [];
    if (w === ",") {
      const jumped = skipCommaSegment(ctx, k, first);
      if (jumped !== k) { k = jumped; continue; }
    }
    k--;
  }
  return [];
}

/** Only adverbs, auxiliaries or an enclosed apposition stand between the mention and the verb. */
export function directlyBefore(ctx: RelationContext, m: ResolvedMention, v: number): boolean {
  const { tokens } = ctx;
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
export function skipCommaSegment(ctx: RelationContext, k: number, first: number): number {
  const { tokens, kindOf, slots, slotAt } = ctx;
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

export function isInsideCommas(ctx: RelationContext, k: number, v: number, first: number): boolean {
  const { tokens } = ctx;
  let commas = 0;
  for (let j = k; j < v; j++) if (tokens[j].value === ",") commas++;
  let before = 0;
  for (let j = k; j >= first; j--) if (tokens[j].value === ",") { before++; break; }
  return commas > 0 && before > 0;
}

export function objectsAfter(ctx: RelationContext, v: number, last: number, preps: string[], nounTrigger = false): ResolvedMention[] {
  const { tokens, inAffiliation, slots, slotAt } = ctx;
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
      const gov = governorOf(ctx, m, v);
      if ((gov === v && preps.includes("")) || (gov !== v && preps.includes(tokens[gov].normal))) {
        return withCoordinated(ctx, m, -1, last);
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
export function governorOf(ctx: RelationContext, m: ResolvedMention, v: number): number {
  const { tokens, anyAt } = ctx;
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
export function withCoordinated(ctx: RelationContext, m: ResolvedMention, first: number, last: number): ResolvedMention[] {
  const { tokens, slots, slotAt, anyAt } = ctx;
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
      const prev = idx >= 0 ? slots[idx] : bareDemonymEndingAt(ctx, k);
      if (!prev || found.includes(prev)) break;
      found.push(prev);
      cur = prev;
    }
  }
  return found;
}

export function bareDemonymEndingAt(ctx: RelationContext, k: number): ResolvedMention | undefined {
  const { group } = ctx;
  const list = group.endingAt(k + 1);
  for (let j = list.length - 1; j >= 0; j--) if (list[j].placeRole === "demonym" || list[j].placeRole === "demonym-plural") return list[j];
  return undefined;
}

export function modalityAt(ctx: RelationContext, v: number, first: number, last: number, speaker: string | undefined): Modality {
  const { tokens, slotAt } = ctx;
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

/** The first mention lying inside tokens [from, to) that passes the test. */
export function mentionWithin(ctx: RelationContext, from: number, to: number, test: (x: ResolvedMention) => boolean): ResolvedMention | undefined {
  const { group } = ctx;
  for (let k = from; k < to; k++) {
    for (const x of group.startingAt(k)) if (x.lastToken <= to && test(x)) return x;
  }
  return undefined;
}

export function possessorPronoun(ctx: RelationContext, j: number): ResolvedMention | undefined {
  const { tokens, all, anyAt } = ctx;
  const index = anyAt[j];
  if (index >= 0 && all[index].form === "pronoun") return all[index];
  // "whose": the mention right before ", whose".
  let k = j - 1;
  if (tokens[k]?.value === ",") k--;
  return k >= 0 && anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
}

export function isPassive(ctx: RelationContext, v: number, first: number): boolean {
  const { tokens } = ctx;
  for (let k = v - 1; k >= Math.max(first, v - 3); k--) {
    const t = tokens[k];
    if (t.pos === "ADV" || NEGATIONS.has(t.normal)) continue;
    return t.pos === "AUX" && PASSIVE_AUXILIARIES.has(t.normal) && /(ed|en|wn|ught|ung|id|eld|ent|ome|un)$/.test(tokens[v].normal);
  }
  return false;
}

export function isNegated(ctx: RelationContext, v: number, first: number): boolean {
  const { tokens, slotAt } = ctx;
  for (let k = v - 1; k >= Math.max(first, v - 3); k--) {
    const w = tokens[k].normal;
    if (NEGATIONS.has(w)) return true;
    if (slotAt[k] >= 0) return false;
  }
  return false;
}

/** A title without its demonyms and capitals: "Russian President" and "President" hold one office. */
export function officeOf(title: string): string {
  return title.toLowerCase().split(/\s+/).filter(isTitleWord).join(" ");
}

export function countryCodeOf(text: string): string | undefined {
  return (countryByName(text) ?? countryByDemonym(text))?.code;
}

export function isPossessiveToken(t: Token | undefined): boolean {
  return !!t && (t.value === "'s" || t.value === "’s" || t.value === "'" || t.value === "’");
}

export function isParticiple(t: Token): boolean {
  return /(ed|ing|en)$/.test(t.normal) && t.pos === "VERB";
}

export function isTitleToken(t: Token): boolean {
  const w = t.normal;
  return (TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w)) && t.pos !== "PUNCT";
}

/** Whether the text is inside a quotation after this token, given whether it was before. */
export function insideQuotesAfter(token: Token, quoted: boolean): boolean {
  if (token.value === "“") return true;
  if (token.value === "”") return false;
  if (token.value === "\"") return !quoted;
  return quoted;
}
