// Mentions stage: finds names (proper-noun runs with their particles, hyphens and
// "of"-phrases), titles before names, demonyms that stand for a state, nominal
// descriptions ("the North Korean leader", "the group") and pronouns.
import { getGender as lookupGender } from "gender-detection-from-name";
import type { EntityKind, MentionCandidate, Token } from "../model.js";
import { FLAG, isAcronymText, type Doc, type TitleSpan, type TokenView } from "../doc/doc.js";
import type { Component } from "../doc/pipeline.js";
import { memoized } from "../memo.js";
import { countryByDemonym, countryByName, lookupPlace } from "./gazetteer.js";
import {
  DETERMINERS_OF_NOMINALS, HONORIFICS, LOCATION_HEADS, NAME_PARTICLES, NEWS_LABELS, NOT_LAST_IN_NAME, NOT_NAME_WORDS,
  OF_HEADS_EXTRA, OF_THE_HEADS, ORGANIZATION_HEADS, ORGANIZATION_NOMINALS, PERSON_PRONOUNS, STATE_ACTOR_NOUNS,
  THING_PRONOUNS, TITLE_HEADS, TITLE_MODIFIERS, TITLE_PREPOSITIONS, isTitleWord,
} from "./lexicon.js";
import { kindOfName } from "../entities/kinds.js";
import { reshapeByTagger } from "./tagged.js";

export { normalizeName, lookupPlace, countryByName, countryByDemonym, countryByCapital } from "./gazetteer.js";

const UPPER_START = /^\p{Lu}/u;
/** Words after which "of"/"for" continues a name. */
const OF_HEADS: ReadonlySet<string> = new Set([...ORGANIZATION_HEADS, ...TITLE_HEADS, ...OF_THE_HEADS, ...OF_HEADS_EXTRA]);

/** Given-name look-up, memoised: the package lower-cases and tries six maps per call. */
export const getGender: (name: string) => string = memoized((name) => lookupGender(name));

export function isCapitalized(token: Token): boolean {
  const flagged = (token as Partial<TokenView>).capitalized;
  if (flagged !== undefined) return flagged;
  const c = token.value.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 && token.pos !== "PUNCT" && token.pos !== "SYM";
  return UPPER_START.test(token.value) && token.pos !== "PUNCT" && token.pos !== "SYM";
}

export const isAcronym = isAcronymText;

function lower(token: Token | undefined): string {
  return token ? token.normal : "";
}

function glued(a: Token, b: Token): boolean {
  return a.end === b.start;
}

function isPossessive(token: Token | undefined): boolean {
  if (!token || token.value.length > 2) return false;
  const v = token.value;
  return v === "'s" || v === "’s" || v === "'" || v === "’";
}

export function findMentions(analyzed: Doc): MentionCandidate[] {
  const found: MentionCandidate[] = [];
  // Words the text also writes in lower case are common words when they open a sentence.
  const lowerCaseWords = new Set<string>();
  for (let k = 0; k < analyzed.length; k++) if (analyzed.flags[k] & FLAG.LOWER_START) lowerCaseWords.add(analyzed.tokens[k].normal);
  for (const sentence of analyzed.sentences) {
    scanSentence(analyzed, sentence.firstToken, sentence.lastToken, found, lowerCaseWords);
  }
  return found;
}

function scanSentence(analyzed: Doc, first: number, last: number, out: MentionCandidate[], lowerCaseWords: ReadonlySet<string>): void {
  const { tokens } = analyzed;
  let i = first;
  while (i < last) {
    const token = tokens[i];
    const word = lower(token);
    if (startsName(tokens, i, first, last, lowerCaseWords)) {
      const end = extendRun(tokens, i, last);
      emitRun(analyzed, i, end, out);
      i = end;
      continue;
    }
    if (token.pos === "PRON" && (PERSON_PRONOUNS.has(word) || THING_PRONOUNS.has(word))) {
      out.push(make(analyzed, i, i + 1, "pronoun", { head: word }));
      i++;
      continue;
    }
    const nominalEnd = matchNominal(tokens, i, last);
    if (nominalEnd > i) {
      emitNominal(analyzed, i, nominalEnd, out);
      i = nominalEnd;
      continue;
    }
    i++;
  }
}

function startsName(tokens: readonly Token[], i: number, first: number, last: number, lowerCaseWords: ReadonlySet<string>): boolean {
  const token = tokens[i];
  if (!isCapitalized(token)) return false;
  const word = lower(token);
  if (lookupPlace(token.value).length > 0) return true;
  // "WHO" is a name; "ANALYSIS-" and "UPDATE" are labels.
  if (NOT_NAME_WORDS.has(word) && !(isAcronym(token.value) && !NEWS_LABELS.has(word))) return false;
  // A capitalised adjective before a common noun ("Western suppliers", "Allied air policing").
  if (token.pos === "ADJ" && tokens[i + 1] && !isCapitalized(tokens[i + 1])) return false;
  if (i === first && !isAcronym(token.value)) {
    if (lowerCaseWords.has(word) && (i + 1 >= last || !isCapitalized(tokens[i + 1]))) return false;
    // "Fighters from ...": an inflected common noun opening the sentence.
    if (token.lemma.toLowerCase() !== word && (i + 1 >= last || !isCapitalized(tokens[i + 1]))) return false;
    // A capitalised first word is a name only if the tagger says so or a name follows.
    const next = tokens[i + 1];
    if (token.pos !== "PROPN" && !(next && i + 1 < last && isCapitalized(next) && next.pos === "PROPN")) {
      return false;
    }
  }
  return /\p{L}/u.test(token.value);
}

/** Exclusive end of the proper-name run that starts at i. */
function extendRun(tokens: readonly Token[], i: number, last: number): number {
  let j = i + 1;
  let sawOf = false;
  while (j < last) {
    const u = tokens[j];
    const w = lower(u);
    const next = tokens[j + 1];
    const hasNext = j + 1 < last && !!next;
    if (isCapitalized(u) && !(NOT_NAME_WORDS.has(w) && !lookupPlace(u.value).length && !isAcronym(u.value))) {
      if (tokens[j - 1].sentence !== u.sentence) break;
      j++;
      continue;
    }
    if ((u.value === "-" || u.value === "–") && hasNext && glued(tokens[j - 1], u) && glued(u, next) && /\p{L}/u.test(next.value)) {
      j += 2;
      continue;
    }
    if (NAME_PARTICLES.has(w) && hasNext && (isCapitalized(next) || NAME_PARTICLES.has(lower(next)) || (next.value === "-" && glued(u, next)))) {
      j++;
      continue;
    }
    // "Ituri People's Liberation Front": a possessive inside an organisation's name.
    if (isPossessive(u) && hasNext && isCapitalized(next) && lookupPlace(tokens.slice(i, j).map((x) => x.value).join(" ")).length === 0) {
      let e = j + 1;
      while (e < last && isCapitalized(tokens[e])) e++;
      if (tokens.slice(j + 1, e).some((x) => ORGANIZATION_HEADS.has(lower(x)))) { j = e; continue; }
    }
    if (TITLE_PREPOSITIONS.has(w) && hasNext) {
      const prev = lower(tokens[j - 1]);
      if (OF_HEADS.has(prev) || (sawOf && isTitleWord(prev))) {
        if (isCapitalized(next) && !isPersonish(tokens, j + 1, last)) { sawOf = true; j++; continue; }
        if (lower(next) === "the" && OF_THE_HEADS.has(prev) && tokens[j + 2] && isCapitalized(tokens[j + 2])) {
          sawOf = true; j += 2; continue;
        }
      }
      break;
    }
    if (w === "and" && hasNext && isCapitalized(next) && andContinuesName(tokens, i, j, last, sawOf)) {
      j++;
      continue;
    }
    break;
  }
  // A run never ends on a particle or connector (a glued hyphen part like "Soo-suk" stays).
  while (j > i + 1 && (NAME_PARTICLES.has(lower(tokens[j - 1])) || NOT_LAST_IN_NAME.has(lower(tokens[j - 1])))) j--;
  return j;
}

/** "of Finland" continues "Ministry for Foreign Affairs"; "of Ville Hirvonen" would not. */
function isPersonish(tokens: readonly Token[], k: number, last: number): boolean {
  return k + 1 < last && getGender(tokens[k].value) !== "unknown" && isCapitalized(tokens[k + 1]) && tokens[k + 1].pos === "PROPN"
    && !ORGANIZATION_HEADS.has(lower(tokens[k + 1])) && lookupPlace(tokens[k].value).length === 0;
}

/** "and" joins "NATO Communications and Information Agency" but not "Brazil and Indonesia". */
function andContinuesName(tokens: readonly Token[], start: number, at: number, last: number, sawOf: boolean): boolean {
  const before = tokens.slice(start, at).map((t) => t.value).join(" ");
  if (countryByName(before) || countryByDemonym(before)) return false;
  let k = at + 1;
  while (k < last && isCapitalized(tokens[k])) {
    const w = lower(tokens[k]);
    if (ORGANIZATION_HEADS.has(w)) return true;
    k++;
  }
  if (sawOf) {
    // Inside an of-phrase: "Ministry of Defence and Armed Forces Logistics".
    const after = tokens.slice(at + 1, k).map((t) => t.value).join(" ");
    return k > at + 1 && !countryByName(after) && lookupPlace(tokens[at + 1].value).length === 0;
  }
  return false;
}

function make(
  analyzed: Doc, from: number, to: number, form: MentionCandidate["form"],
  extra: Partial<MentionCandidate> = {},
): MentionCandidate {
  const { tokens, document } = analyzed;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  // One fixed shape for every mention: later stages read these fields in hot loops.
  return {
    start, end, text: document.text.slice(start, end), sentence: tokens[from].sentence,
    form, firstToken: from, lastToken: to, kindHint: extra.kindHint, kindRule: extra.kindRule, country: extra.country,
    placeRole: extra.placeRole, title: extra.title, head: extra.head,
    affiliation: extra.affiliation, gender: extra.gender,
  };
}

/** Splits a run into affiliation + title + name, and types the name. */
function emitRun(analyzed: Doc, from: number, to: number, out: MentionCandidate[]): void {
  const { tokens } = analyzed;
  const words = tokens.slice(from, to).map(lower);

  // A whole run that is a place from the gazetteer.
  const place = lookupPlace(analyzed.document.text.slice(tokens[from].start, tokens[to - 1].end));
  if (place.length > 0) {
    const entry = place.find((e) => e.role === "country") ?? place[0];
    const isPeople = entry.role === "demonym" || entry.role === "demonym-plural";
    if (!isPeople) {
      out.push(make(analyzed, from, to, "name", {
        kindHint: entry.role === "country" ? "COUNTRY" : undefined,
        kindRule: entry.role === "country" ? "name.gazetteer-country" : undefined,
        country: entry.code, placeRole: entry.role,
      }));
      return;
    }
    // A demonym alone: "Russian officials", "the North Koreans".
    emitDemonym(analyzed, from, to, entry.code, entry.role, out);
    return;
  }

  // One generic head word ("the Alliance", "the Agency's", "state TV"): a description, not a name.
  if (to - from === 1 && ORGANIZATION_HEADS.has(words[0])) {
    out.push(make(analyzed, from, to, "nominal", { kindHint: "ORGANIZATION", kindRule: "nominal.organisation-head", head: words[0] }));
    return;
  }

  // Title span: the first stretch of title words holding a title head, with a name after it.
  let titleStart = -1;
  let titleEnd = -1;
  for (let k = 0; k < words.length; k++) {
    if (!TITLE_HEADS.has(words[k]) && !TITLE_MODIFIERS.has(words[k])) continue;
    let e = k;
    let hasHead = false;
    // A glued hyphen stays inside a title: "Director-General".
    while (e < words.length && (isTitleWord(words[e]) || (words[e] === "-" && e + 1 < words.length && isTitleWord(words[e + 1])))) {
      if (TITLE_HEADS.has(words[e])) hasHead = true;
      e++;
    }
    // The name is what follows; it must not itself look like an organisation.
    const rest = words.slice(e);
    if (hasHead && rest.length > 0 && !rest.some((w) => ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w))
      && !isAcronym(tokens[from + e].value)) {
      titleStart = k;
      titleEnd = e;
      break;
    }
    if (hasHead && rest.length === 0) {
      titleStart = k;
      titleEnd = e;
      break;
    }
    k = e;
  }

  if (titleStart >= 0 && titleEnd === words.length) {
    // Only title words ("the Minister", "Secretary General"): a nominal for a person.
    const affiliation = titleStart > 0 ? { firstToken: from, lastToken: from + titleStart } : undefined;
    if (affiliation) emitRun(analyzed, from, from + titleStart, out);
    const head = words[titleEnd - 1];
    out.push(make(analyzed, from + titleStart, to, "nominal", {
      kindHint: "PERSON", kindRule: "nominal.title", head, title: analyzed.document.text.slice(tokens[from + titleStart].start, tokens[to - 1].end),
      affiliation,
    }));
    return;
  }

  if (titleStart >= 0) {
    const nameFrom = from + titleEnd;
    const affiliation = titleStart > 0 ? { firstToken: from, lastToken: from + titleStart } : undefined;
    if (affiliation) emitRun(analyzed, from, from + titleStart, out);
    const title = analyzed.document.text.slice(tokens[from + titleStart].start, tokens[nameFrom - 1].end);
    const honorific = HONORIFICS.has(words[titleStart]) && titleEnd - titleStart === 1;
    out.push(make(analyzed, nameFrom, to, "name", {
      kindHint: "PERSON", kindRule: "name.title-before", title: honorific ? undefined : title, affiliation, gender: genderOf(tokens[nameFrom]),
    }));
    return;
  }

  // A leading demonym before a person name ("Brazilian Helena Valente") is an affiliation.
  const lead = leadingDemonym(tokens, from, to);
  if (lead > from && lead < to && looksLikePersonName(tokens, lead, to)) {
    emitRun(analyzed, from, lead, out);
    out.push(make(analyzed, lead, to, "name", {
      kindHint: "PERSON", kindRule: "name.demonym-then-given-name", affiliation: { firstToken: from, lastToken: lead }, gender: genderOf(tokens[lead]),
    }));
    return;
  }

  // Lower-case title words before the name: "North Korean leader Kim Jong Un".
  let t = from;
  while (t - 1 >= 0 && tokens[t - 1].sentence === tokens[from].sentence && !isCapitalized(tokens[t - 1])
    && tokens[t - 1].pos === "NOUN" && TITLE_HEADS.has(lower(tokens[t - 1]))) t--;
  const lowerTitle = t < from ? tokens.slice(t, from).map((x) => x.value).join(" ") : undefined;
  let affiliation: MentionCandidate["affiliation"];
  if (lowerTitle && t - 1 >= 0) {
    let a = t - 1;
    while (a - 1 >= 0 && isCapitalized(tokens[a - 1]) && tokens[a - 1].sentence === tokens[from].sentence) a--;
    if (isCapitalized(tokens[t - 1]) && lookupPlace(tokens.slice(a, t).map((x) => x.value).join(" ")).length > 0) {
      affiliation = { firstToken: a, lastToken: t };
    }
  }
  const decision = lowerTitle ? { kind: "PERSON" as const, rule: "name.lower-case-title-before" } : kindOfName(tokens, from, to);
  out.push(make(analyzed, from, to, "name", { kindHint: decision?.kind, kindRule: decision?.rule, gender: genderOf(tokens[from]), title: lowerTitle, affiliation }));
  // Countries named inside a longer name ("Ministry for Foreign Affairs of Finland") are
  // mentions of their own, for PART_OF.
  for (let k = from + 1; k < to; k++) {
    if (lower(tokens[k - 1]) !== "of") continue;
    for (let e = to; e > k; e--) {
      const inner = analyzed.document.text.slice(tokens[k].start, tokens[e - 1].end);
      const entry = countryByName(inner);
      if (entry) {
        out.push(make(analyzed, k, e, "name", { kindHint: "COUNTRY", kindRule: "name.gazetteer-country", country: entry.code, placeRole: "country" }));
        break;
      }
    }
  }
}

function emitDemonym(
  analyzed: Doc, from: number, to: number, code: string,
  role: MentionCandidate["placeRole"], out: MentionCandidate[],
): void {
  const { tokens } = analyzed;
  // A demonym stands for its state before an acting noun ("Russian officials",
  // "North Korean and Russian officials") or as a plural people ("the North Koreans").
  let k = to;
  while (k < tokens.length && (lower(tokens[k]) === "and" || lower(tokens[k]) === "or" || lower(tokens[k]) === "," || countryByDemonym(tokens[k].value) || isCapitalized(tokens[k]) && countryByDemonym(`${tokens[k].value} ${tokens[k + 1]?.value ?? ""}`))) {
    if (tokens[k].sentence !== tokens[from].sentence) break;
    k++;
  }
  const noun = lower(tokens[k]);
  const acting = role === "demonym-plural" || STATE_ACTOR_NOUNS.has(noun);
  out.push(make(analyzed, from, to, "nominal", {
    kindHint: "COUNTRY", kindRule: "demonym.state", country: code, placeRole: role, head: acting ? noun || "people" : undefined,
  }));
}

function leadingDemonym(tokens: readonly Token[], from: number, to: number): number {
  for (let e = Math.min(to - 1, from + 2); e > from; e--) {
    const entry = countryByDemonym(tokens.slice(from, e).map((t) => t.value).join(" "));
    if (entry) return e;
  }
  return from;
}

function looksLikePersonName(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).map(lower);
  if (words.some((w) => ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w))) return false;
  return to - from >= 2 && getGender(tokens[from].value) !== "unknown";
}

function genderOf(token: Token): "male" | "female" | undefined {
  const g = getGender(token.value);
  return g === "male" || g === "female" ? g : undefined;
}

/** End of a nominal description starting at i ("the North Korean leader", "its spokeswoman"), or i. */
function matchNominal(tokens: readonly Token[], i: number, last: number): number {
  const word = lower(tokens[i]);
  const determiner = DETERMINERS_OF_NOMINALS.has(word) || isPossessive(tokens[i]);
  if (!determiner) return i;
  // Modifiers then a head noun; capitalised words other than demonyms belong to names.
  let k = i + 1;
  let headEnd = -1;
  while (k < last && k - i <= 6) {
    const t = tokens[k];
    const w = lower(t);
    if (t.value === "-" && glued(tokens[k - 1], t)) { k++; continue; }
    if (t.pos === "PUNCT") break;
    if (isCapitalized(t)) {
      const demonymEnd = [2, 1].map((n) => k + n).find((e) => e <= last
        && countryByDemonym(tokens.slice(k, e).map((x) => x.value).join(" ")));
      if (demonymEnd === undefined) {
        // "the Korean leader": a capitalised modifier directly before a lower-case noun.
        const next = tokens[k + 1];
        if (!/(an|ian|ese|ish|ic)$/.test(w) || !next || isCapitalized(next) || next.pos !== "NOUN") break;
        k++;
        continue;
      }
      k = demonymEnd;
      continue;
    }
    if (t.pos === "NOUN") {
      const plural = /s$/.test(w) && !/ss$/.test(w);
      if ((TITLE_HEADS.has(w) || ORGANIZATION_NOMINALS.has(w)) && !plural) headEnd = k + 1;
      else headEnd = -1;
      k++;
      if (isPossessive(tokens[k])) break;
      continue;
    }
    if (t.pos === "ADJ" || t.pos === "NUM" || (t.pos === "VERB" && /(ed|ing)$/.test(w))) {
      if (headEnd > 0) break;
      k++;
      continue;
    }
    break;
  }
  return headEnd > 0 ? headEnd : i;
}

function emitNominal(analyzed: Doc, from: number, to: number, out: MentionCandidate[]): void {
  const { tokens } = analyzed;
  // Mentions inside it come first: "the Russian defence minister" holds "Russian".
  let modifierFrom = from + 1;
  if (isPossessive(tokens[from])) modifierFrom = from + 1;
  const words = tokens.slice(modifierFrom, to).map(lower);
  const head = words[words.length - 1];
  let affiliation: MentionCandidate["affiliation"];
  for (let k = modifierFrom; k < to - 1; k++) {
    // Demonyms and country names are capitalised; nothing else needs a look-up.
    if (!isCapitalized(tokens[k])) continue;
    for (let e = Math.min(to - 1, k + 3); e > k; e--) {
      const words = tokens.slice(k, e).map((t) => t.value).join(" ");
      const entry = countryByDemonym(words) ?? countryByName(words);
      if (entry) {
        affiliation = { firstToken: k, lastToken: e };
        out.push(make(analyzed, k, e, "nominal", { kindHint: "COUNTRY", kindRule: "demonym.state", country: entry.code, placeRole: entry.role }));
        k = e;
        break;
      }
    }
  }
  const kindHint: EntityKind = TITLE_HEADS.has(head) ? "PERSON" : "ORGANIZATION";
  const start = isPossessive(tokens[from]) ? from + 1 : from;
  out.push(make(analyzed, start, to, "nominal", {
    kindHint, kindRule: kindHint === "PERSON" ? "nominal.title" : "nominal.organisation", head, affiliation,
    title: TITLE_HEADS.has(head) ? tokens.slice(modifierFrom, to).map((t) => t.value).join(" ") : undefined,
  }));
}

/** Finds the mentions of a Doc: the `mentions` group in text order (longer first), and `names`. */
export const mentionsComponent: Component = {
  name: "mentions",
  requires: ["tokens", "pos", "lemmas", "sentences"],
  assigns: ["mentions"],
  run(doc) {
    const found = reshapeByTagger(doc, findMentions(doc)).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const m of found) {
      doc.spans.mentions.add(m);
      if (m.form === "name") doc.spans.names.add(m);
      const title = m.title === undefined ? undefined : titleSpan(doc, m, m.title);
      if (title) doc.spans.titles.add(title);
    }
  },
};

/** Where a mention's title stands: the words right before a name, or a title nominal's own words. */
function titleSpan(doc: Doc, m: MentionCandidate, title: string): TitleSpan | undefined {
  if (m.form === "nominal") {
    const first = DETERMINERS_OF_NOMINALS.has(doc.tokens[m.firstToken].normal) ? m.firstToken + 1 : m.firstToken;
    return first < m.lastToken ? { firstToken: first, lastToken: m.lastToken, text: title } : undefined;
  }
  const sentenceStart = doc.sentences[m.sentence].firstToken;
  for (let k = m.firstToken - 1; k >= Math.max(sentenceStart, m.firstToken - 8); k--) {
    const words = doc.tokens.slice(k, m.firstToken).map((t) => t.value).join(" ");
    if (doc.textOf(k, m.firstToken) === title || words === title) return { firstToken: k, lastToken: m.firstToken, text: title };
  }
  return undefined;
}
