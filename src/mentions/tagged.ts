// The tagger's spans reshape the scanner's name mentions (after the ner component has filled
// the Doc's entity columns). Where the tagger tags a name, that span, with its boundaries and
// type, is the name mention, unless a strong rule of the scanner says otherwise; a capitalised
// run the tagger leaves out is dropped unless the gazetteer, a strong rule or a word no English
// dictionary lists backs it. Nominals, demonyms and pronouns are the scanner's alone.
import type { EntityKind, MentionCandidate } from "../model.js";
import type { Doc } from "../doc/doc.js";
import { entitySpans, type EntitySpan } from "../ner/component.js";
import { gazetteerLists, type EntityType } from "../ner/index.js";
import { wink } from "../nlp/index.js";
import { countryByDemonym, countryByName, lookupPlace } from "./gazetteer.js";
import { getGender, isAcronym } from "./index.js";
import { LOCATION_HEADS, NAME_PARTICLES, ORGANIZATION_HEADS, TITLE_HEADS, isTitleWord } from "./lexicon.js";

/** The mention rules of the tagger's spans, by id, with their reason (README, "Entity tagger"). */
export const TAGGED_NAME_RULES = {
  "tagger.span-is-name": "a span the tagger tags is the name mention: its boundaries and its type",
  "tagger.name-ends-capitalised": "a tagged span neither starts nor ends on a lower-case common word or loose punctuation: 'EU of shipping' -> 'EU'",
  "tagger.lower-case-name": "a tagged span all in lower case is a name only in a text that writes sentences in lower case",
  "tagger.title-is-no-name": "a tagged span made only of title words ('Assistant Secretary General') is a title, not a name",
  "tagger.around-kept-name": "a tagged span over a name the scanner keeps yields the words after it: 'Iran's semi-official Tasnim' -> 'Tasnim'",
  "tagger.acronym-body": "an acronym tagged as a place that the gazetteer does not list as one stays a body ('EU', 'NATO')",
  "tagger.country-then-person": "a tagged span opening with a country's name, then two or more capitalised words with no organisation, place or title word, is the country and a person",
  "tagger.particle-joins": "tagged parts of one type joined by name particles are the scanner's one name: 'Mohammed bin Salman'",
  "tagger.hyphenated-modifier": "a tagged span of hyphen-joined words with a people's or country's name is a modifier: 'Franco-German'",
  "tagger.person-run-on": "a PER span stopping short inside the scanner's run of capitalised words, or starting late in a run that opens with a given name, is the whole run: 'Patrice Mwamba Ilunga', 'Hunter Biden'",
  "tagger.acronym-of-long-form": "an untagged acronym whose letters are the initials of a name kept in the text stays: 'WHO'",
  "tagger.rejects-candidate": "a capitalised run the tagger leaves out is no name (a label, a header, a common word: 'Look', 'Green Tea')",
  "tagger.gazetteer-keeps": "a run the gazetteer lists as a country, capital or people stays, tagged or not",
  "tagger.strong-rule-keeps": "a run with a title before it, a place or body head word, or a world region stays as the scanner read it",
  "tagger.unknown-word-keeps": "in edited text (sentences open in capitals), an untagged run stays when it holds a word of three letters or more no English dictionary lists ('Arnor', 'MONUSCO')",
} as const;

/**
 * Scanner kind rules that outweigh the tagger's type and boundaries (rule
 * tagger.strong-rule-keeps): the mention's own words or the title before it say what it is.
 */
export const STRONG_SCANNER_RULES: ReadonlySet<string> = new Set([
  "name.gazetteer-country", "name.title-before", "name.lower-case-title-before", "name.demonym-then-given-name",
  "name.organisation-head", "name.location-head", "name.world-region", "name.demonym-before-body",
]);

/** The kind a tagger type gives (a GPE or LOC the gazetteer lists as a country or capital: see withTaggerKind). */
const TYPE_KIND: Record<EntityType, { kind: EntityKind; rule: string }> = {
  PER: { kind: "PERSON", rule: "tagger.per" },
  ORG: { kind: "ORGANIZATION", rule: "tagger.org" },
  LOC: { kind: "LOCATION", rule: "tagger.loc" },
  GPE: { kind: "LOCATION", rule: "tagger.gpe" },
};

let lexicon: { isOOV(text: string): boolean } | undefined;
/** Whether wink's English lexicon holds the word, lower-cased ("look", "green": yes; "arnor", "fardc": no). */
export function isLexiconWord(word: string): boolean {
  lexicon ??= wink().readDoc("") as unknown as { isOOV(text: string): boolean };
  return !lexicon.isOOV(word.toLowerCase());
}

const WORD = /^\p{L}[\p{L}'’.-]*$/u;

/** Rule tagger.unknown-word-keeps: the run holds a word of letters no English dictionary lists. */
function hasUnknownWord(doc: Doc, m: MentionCandidate): boolean {
  for (let k = m.firstToken; k < m.lastToken; k++) {
    const w = doc.tokens[k].value;
    if (w.length >= 3 && WORD.test(w) && !isLexiconWord(w)) return true;
  }
  return false;
}

function strong(m: MentionCandidate): boolean {
  return m.placeRole !== undefined || (m.kindRule !== undefined && STRONG_SCANNER_RULES.has(m.kindRule));
}

function overlaps(a: { firstToken: number; lastToken: number }, b: { firstToken: number; lastToken: number }): boolean {
  return a.firstToken < b.lastToken && b.firstToken < a.lastToken;
}

const LOWER_START = /^\p{Ll}/u;

/**
 * Rule tagger.name-ends-capitalised: a tagged span does not end on a lower-case common word
 * ("EU of shipping" -> "EU"); particles inside stay ("Osama bin Laden"). Rule
 * tagger.lower-case-name: a span all in lower case ("chicago") is a name only in a text that
 * writes in lower case (sentences opening in lower case); in edited text it is no name.
 */
export function trimSpan(doc: Doc, s: EntitySpan, edited: boolean): EntitySpan | undefined {
  const { tokens } = doc;
  let first = s.firstToken;
  let last = s.lastToken;
  // A lower-case word glued to the one before stays: "Lee Cheuk-yan".
  const lowerWord = (k: number): boolean => LOWER_START.test(tokens[k].value) && tokens[k].pos !== "PROPN" && tokens[k - 1].end !== tokens[k].start;
  if (LOWER_START.test(tokens[first].value)) return edited ? undefined : s;
  const loosePunct = (k: number): boolean => !/^[\p{L}\p{N}]/u.test(tokens[k].value) && tokens[k - 1].end !== tokens[k].start;
  const possessive = (k: number): boolean => /^['’]s?$/.test(tokens[k].value) || /^[,.;:"“”‘’()]$/.test(tokens[k].value);
  while (last > first + 1 && (lowerWord(last - 1) || loosePunct(last - 1) || possessive(last - 1))) last--;
  return first === s.firstToken && last === s.lastToken ? s : { firstToken: first, lastToken: last, type: s.type };
}

/**
 * Rule tagger.country-then-person: a span that opens with a country's name and goes on with
 * two or more capitalised words, none an organisation or place head word, is the country
 * then a person ("the United States Hamdullah Mohib" -> "United States", "Hamdullah Mohib").
 */
function splitCountryPerson(doc: Doc, s: EntitySpan): EntitySpan[] {
  const { tokens } = doc;
  if (s.type === "PER" || s.lastToken - s.firstToken < 3) return [s];
  for (let k = s.firstToken + 1; k <= s.lastToken - 2; k++) {
    if (!countryByName(doc.textOf(s.firstToken, k))) continue;
    for (let j = k; j < s.lastToken; j++) {
      const w = tokens[j].normal;
      if (!tokens[j].capitalized || ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w) || isTitleWord(w)) return [s];
    }
    return [{ firstToken: s.firstToken, lastToken: k, type: "GPE" }, { firstToken: k, lastToken: s.lastToken, type: "PER" }];
  }
  return [s];
}

/** Whether the text writes like edited prose: at most one sentence in ten opens in lower case. */
function editedText(doc: Doc): boolean {
  let lower = 0;
  let counted = 0;
  for (const sentence of doc.sentences) {
    for (let k = sentence.firstToken; k < sentence.lastToken; k++) {
      const v = doc.tokens[k].value;
      if (!/^\p{L}/u.test(v)) continue;
      counted++;
      if (LOWER_START.test(v)) lower++;
      break;
    }
  }
  return lower * 10 <= counted;
}

/** The scanner's mentions reshaped by the Doc's tagged spans; unchanged when no tagger ran. */
export function reshapeByTagger(doc: Doc, found: readonly MentionCandidate[]): MentionCandidate[] {
  if (!doc.assigned.has("entity-tags")) return [...found];
  const edited = editedText(doc);
  const spans = entitySpans(doc).map((s) => trimSpan(doc, s, edited)).filter((s): s is EntitySpan => s !== undefined)
    .flatMap((s) => splitCountryPerson(doc, s));
  const byRange = new Map<string, EntitySpan>();
  for (const s of spans) byRange.set(`${s.firstToken}:${s.lastToken}`, s);
  const out: MentionCandidate[] = [];
  const kept: MentionCandidate[] = [];
  const used = new Set<EntitySpan>();
  const acronyms: MentionCandidate[] = [];
  // Spans are in text order: the overlap look-up starts from the first span ending after m starts.
  const overlapping = (m: MentionCandidate): EntitySpan[] => {
    const list: EntitySpan[] = [];
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].lastToken <= m.firstToken) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < spans.length && spans[k].firstToken < m.lastToken; k++) list.push(spans[k]);
    return list;
  };
  for (const m of found) {
    if (m.form !== "name") { out.push(m); continue; }
    const exact = byRange.get(`${m.firstToken}:${m.lastToken}`);
    if (exact) {
      // Rule tagger.span-is-name (the type; the boundaries agree).
      used.add(exact);
      if (!strong(m) && hyphenatedModifier(doc, exact)) continue;
      // Rule tagger.acronym-body: an acronym the gazetteer does not list as a place is a body, whatever place type the tagger gives.
      const acronymBody = m.kindRule === "name.acronym" && (exact.type === "LOC" || exact.type === "GPE") && isAcronym(m.text)
        && !gazetteerLists(m.text.toLowerCase()).some((list) => list === "country" || list === "city" || list === "place");
      const typed = strong(m) || acronymBody ? m : withTaggerKind(m, exact.type);
      out.push(typed);
      kept.push(typed);
      continue;
    }
    const over = overlapping(m);
    const joined = joinedByParticles(doc, m, over) ?? personRunOn(doc, m, over);
    if (joined) {
      // Rule tagger.particle-joins: the scanner's run over tagged parts joined by particles.
      for (const s of over) used.add(s);
      const typed = strong(m) ? m : withTaggerKind(m, joined);
      out.push(typed);
      kept.push(typed);
      continue;
    }
    if (strong(m) || (edited && over.length === 0 && hasUnknownWord(doc, m))) {
      out.push(m);
      kept.push(m);
    }
    // Otherwise (rule tagger.rejects-candidate) the run yields to the tagged spans over it, or is no name.
    else if (over.length === 0 && isAcronym(m.text) && m.lastToken - m.firstToken === 1) acronyms.push(m);
  }
  if (acronyms.length > 0) {
    const longForms = new Set<string>();
    for (const k of kept) if (k.lastToken - k.firstToken >= 2) longForms.add(initialsOf(doc, k));
    for (const sp of spans) if (sp.lastToken - sp.firstToken >= 2) longForms.add(initialsOf(doc, sp));
    for (const m of acronyms) {
      if (!longForms.has(m.text.replace(/\./g, ""))) continue;
      out.push(m);
      kept.push(m);
    }
  }
  const nominals = found.filter((m) => m.form === "nominal" && (m.placeRole !== undefined || m.kindRule === "nominal.title"));
  const added: MentionCandidate[] = [];
  for (const span of spans) {
    if (used.has(span)) continue;
    let s: EntitySpan | undefined = span;
    // Rule tagger.around-kept-name: the words after a kept name inside the span stay a name of their own.
    const before = kept.filter((m) => overlaps(m, span) && m.firstToken <= span.firstToken && m.lastToken < span.lastToken);
    if (before.length > 0) s = afterKept(doc, span, Math.max(...before.map((m) => m.lastToken)));
    if (!s || kept.some((m) => overlaps(m, s!)) || nominals.some((m) => overlaps(m, s!))) continue;
    if (titleOnly(doc, s) || hyphenatedModifier(doc, s)) continue;
    // A scanner run over the same words lends its title and affiliation.
    const run = found.find((m) => m.form === "name" && m.lastToken === s!.lastToken && m.firstToken <= s!.firstToken);
    const m = fromSpan(doc, s, run);
    out.push(m);
    added.push(m);
  }
  return surnamesOfPersons(out);
}

/**
 * Rule tagger.particle-joins: tagged spans of one type that fill a scanner run but for name
 * particles between them ("Mohammed" "bin" "Salman") are one name, the scanner's.
 */
function joinedByParticles(doc: Doc, m: MentionCandidate, over: readonly EntitySpan[]): EntityType | undefined {
  if (over.length < 2 || over[0].firstToken !== m.firstToken || over[over.length - 1].lastToken !== m.lastToken) return undefined;
  for (let k = 1; k < over.length; k++) {
    if (over[k].type !== over[0].type) return undefined;
    for (let t = over[k - 1].lastToken; t < over[k].firstToken; t++) if (!NAME_PARTICLES.has(doc.tokens[t].normal)) return undefined;
  }
  return over[0].type;
}

/**
 * Rule tagger.person-run-on: a PER span that stops short inside the scanner's run of
 * capitalised words ("Patrice Mwamba" of "Patrice Mwamba Ilunga") is the whole run, when the
 * words after it are no head or title words.
 */
function personRunOn(doc: Doc, m: MentionCandidate, over: readonly EntitySpan[]): EntityType | undefined {
  if (over.length !== 1 || over[0].type !== "PER") return undefined;
  // Starting late: the words before the tagged surname open with a given name ("Hunter Biden" tagged "Biden").
  if (over[0].lastToken === m.lastToken && over[0].firstToken > m.firstToken) return m.kindRule === "name.given-name" ? "PER" : undefined;
  if (over[0].firstToken !== m.firstToken || over[0].lastToken >= m.lastToken) return undefined;
  for (let k = over[0].lastToken; k < m.lastToken; k++) {
    const t = doc.tokens[k];
    if (!t.capitalized || ORGANIZATION_HEADS.has(t.normal) || LOCATION_HEADS.has(t.normal) || isTitleWord(t.normal)) return undefined;
  }
  return "PER";
}

/**
 * Rule tagger.acronym-of-long-form: an untagged acronym whose letters are the initials of a
 * name kept in the same text ("WHO", "World Health Organization") stays.
 */
function initialsOf(doc: Doc, m: { firstToken: number; lastToken: number }): string {
  let letters = "";
  for (let k = m.firstToken; k < m.lastToken; k++) {
    const t = doc.tokens[k];
    if (t.capitalized && /^\p{Lu}/u.test(t.value)) letters += t.value[0];
  }
  return letters;
}


/**
 * Rule tagger.hyphenated-modifier: a tagged span joining words by a hyphen with a people's or
 * country's name among them ("Franco-German", "Kurdish-controlled") is a modifier, not a name.
 */
function hyphenatedModifier(doc: Doc, s: EntitySpan): boolean {
  const { tokens } = doc;
  let hyphen = false;
  let people = false;
  for (let k = s.firstToken; k < s.lastToken; k++) {
    const v = tokens[k].value;
    if (v === "-" && k > s.firstToken && k + 1 < s.lastToken && tokens[k - 1].end === tokens[k].start && tokens[k].end === tokens[k + 1].start) hyphen = true;
    else if (countryByDemonym(v) || countryByName(v)) people = true;
  }
  return hyphen && people;
}

/** Rule tagger.title-is-no-name: every word a title word, with a title head among them. */
function titleOnly(doc: Doc, s: EntitySpan): boolean {
  let head = false;
  for (let k = s.firstToken; k < s.lastToken; k++) {
    const w = doc.tokens[k].normal;
    if (!isTitleWord(w)) return false;
    if (TITLE_HEADS.has(w)) head = true;
  }
  return head;
}

/** The part of a span after token `from`, without a possessive, lower-case words or punctuation first. */
function afterKept(doc: Doc, s: EntitySpan, from: number): EntitySpan | undefined {
  let first = from;
  while (first < s.lastToken && !/^\p{Lu}/u.test(doc.tokens[first].value)) first++;
  return first < s.lastToken ? { firstToken: first, lastToken: s.lastToken, type: s.type } : undefined;
}

/**
 * Rule entity.surname-of-person (the entity stage's): a one-word name the tagger typed that is
 * a word of a full person name in the same text loses the tagger's type, so the entity stage
 * reads it as that person's surname ("Karimzadeh" after "Hossein Karimzadeh").
 */
function surnamesOfPersons(mentions: MentionCandidate[]): MentionCandidate[] {
  const personWords = new Set<string>();
  for (const m of mentions) {
    if (m.form !== "name" || m.kindHint !== "PERSON" || m.lastToken - m.firstToken < 2) continue;
    for (const w of m.text.split(/\s+/)) personWords.add(w);
  }
  if (personWords.size === 0) return mentions;
  return mentions.map((m) => (m.form === "name" && m.lastToken - m.firstToken === 1 && m.kindRule?.startsWith("tagger.")
    && m.kindHint !== "PERSON" && personWords.has(m.text) ? { ...m, kindHint: undefined, kindRule: undefined } : m));
}

/** A tagged span as a name mention (rule tagger.span-is-name). */
function fromSpan(doc: Doc, s: EntitySpan, run: MentionCandidate | undefined): MentionCandidate {
  const { tokens, document } = doc;
  const start = tokens[s.firstToken].start;
  const end = tokens[s.lastToken - 1].end;
  const m: MentionCandidate = {
    start, end, text: document.text.slice(start, end), sentence: tokens[s.firstToken].sentence,
    form: "name", firstToken: s.firstToken, lastToken: s.lastToken, kindHint: undefined, kindRule: undefined, country: undefined,
    placeRole: undefined, title: run?.title, head: undefined,
    affiliation: run?.affiliation, gender: genderOf(tokens[s.firstToken].value),
  };
  return withTaggerKind(m, s.type);
}

function genderOf(word: string): "male" | "female" | undefined {
  const g = getGender(word);
  return g === "male" || g === "female" ? g : undefined;
}

/**
 * The kind of a tagged name: PER, ORG, LOC by their rules; a GPE or LOC the gazetteer lists
 * as a country or capital gets its code, and COUNTRY or LOCATION by the country rules of
 * relations.md (a country's name is the state; a capital that acts is its state, else a place).
 */
function withTaggerKind(m: MentionCandidate, type: EntityType): MentionCandidate {
  if (type === "GPE" || type === "LOC") {
    const place = lookupPlace(m.text).filter((e) => e.role === "country" || e.role === "capital");
    if (place.length > 0) {
      const entry = place.find((e) => e.role === "country") ?? place[0];
      return {
        ...m, country: entry.code, placeRole: entry.role,
        kindHint: entry.role === "country" ? "COUNTRY" : undefined,
        kindRule: entry.role === "country" ? "name.gazetteer-country" : undefined,
      };
    }
  }
  const { kind, rule } = TYPE_KIND[type];
  return { ...m, kindHint: kind, kindRule: rule };
}
