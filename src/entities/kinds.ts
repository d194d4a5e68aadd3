// Every rule that decides an entity's kind, in one place. A mention's own words decide
// first (the mentions stage asks kindOfName); then the words around it (kindFromContext);
// then, for a name with no sign at all, news conventions (defaultKind); the entities stage
// records which rule decided each cluster (`kindRule`, shown by `extract --explain`).
import type { EntityKind, MentionCandidate, Token } from "../model.js";
import { countryByDemonym, getGender, isAcronym, isCapitalized } from "../mentions/index.js";
import { LEXICON } from "../mentions/lexicon.js";
import { KIND_WORDS } from "./words.js";

const { TITLE_HEADS, ORGANIZATION_HEADS, ORGANIZATION_NOMINALS, LOCATION_HEADS, NAME_PARTICLES, WORLD_REGIONS } = LEXICON;
const { DIRECTION_WORDS, PLACE_PREPOSITIONS, OUTLET_VERBS, TAKE_UP_PRONOUNS, DATELINE_FOLLOWERS } = KIND_WORDS;

/** The kind rules by id, with their reason. */
export const KIND_RULES = {
  // The mention's own words (mentions stage).
  "name.gazetteer-country": "the gazetteer names a country",
  "name.title-before": "a title before the name: 'President X', 'Deputy Foreign Minister X'",
  "name.lower-case-title-before": "a lower-case title before the name: 'North Korean leader X'",
  "name.demonym-then-given-name": "a demonym, then a given name: 'Brazilian Helena Valente'",
  "name.world-region": "a continent or world region",
  "name.demonym-before-body": "a demonym before an organisation head: 'Brazilian Air Force'",
  "name.demonym-before-place": "a demonym before other words: 'Brazilian Amazon'",
  "name.organisation-head": "an organisation head word in the name: 'Foreign Ministry', 'Wagner Group'",
  "name.location-head": "the name ends in a place head word: 'Red Sea', 'Merdeka Palace'",
  "name.dateline": "a name in capitals opening a sentence before '(', ',' or a dash: a dateline",
  "name.acronym": "one word in capitals: 'WHO', 'ECOWAS'",
  "name.given-name": "two words or more starting with a given name",
  "name.particle": "a name particle inside the name: 'van der Laan', 'bin Salman'",
  // The entity tagger's type for a span it tags (src/mentions/tagged.ts), when no strong rule of the mention's own words outweighs it.
  "tagger.per": "the tagger tags the name PER: a person",
  "tagger.org": "the tagger tags the name ORG: an organisation",
  "tagger.loc": "the tagger tags the name LOC: a place",
  "tagger.gpe": "the tagger tags a GPE the gazetteer does not list as a country or capital: a place (relations.md: COUNTRY is a state)",
  "nominal.organisation-head": "one generic organisation head as a name: 'the Alliance'",
  "nominal.title": "a title without a name: 'the Minister', 'the North Korean leader'",
  "nominal.organisation": "a description with an organisation head: 'the group'",
  "demonym.state": "a demonym or country name standing for its state: 'Russian officials'",
  // The words around the mention.
  "context.organisation-noun-before": "an organisation noun right before: 'mercenary group Wagner'",
  "context.place-noun-before": "a place noun right before: 'the city Goma'",
  "context.place-noun-after": "a lower-case place noun right after: 'Djugu territory'",
  "context.apposition-title": "an apposition with a title head: 'X, the Russian defence minister'",
  "context.apposition-body": "an apposition with an organisation head: 'Antara, Indonesia's state news agency'",
  "context.apposition-place": "an apposition with a place head: 'Surabaya, Indonesia's second-largest city'",
  // No sign in the mention or around it: news conventions.
  "default.acronym": "an acronym with no other sign is a body",
  "default.outlet": "'told X', 'according to X': a news outlet",
  "default.place-preposition": "after a place preposition: 'in X', 'in southern X'",
  "default.city-of": "'the city of X'",
  "default.coordinated-place": "coordinated with a place: 'on Sumatra and Kalimantan'",
  "default.two-words-person": "two capitalised words or more: news names people",
  "default.speaking-person": "one word that speaks and is a given name or taken up by he/she",
  "default.one-word-body": "one word with no other sign: an organisation",
  // Decisions on the entity (entities stage).
  "entity.country": "a country's name, demonym or seat of government",
  "entity.acting-capital": "a capital that acts ('Moscow said') stands for its state",
  "entity.capital-place": "a capital that does not act is a place",
  "entity.composite": "'X's Foreign Ministry': a body owned by a country",
  "entity.surname-of-person": "a surname of a full person name in the text",
  "entity.place-preposition-elsewhere": "a guessed kind yields to a place preposition at another mention ('in Gaza')",
} as const;

export type KindRuleId = keyof typeof KIND_RULES;

export interface KindDecision {
  kind: EntityKind;
  rule: KindRuleId;
}

const decide = (kind: EntityKind, rule: KindRuleId): KindDecision => ({ kind, rule });

const lower = (t: Token | undefined): string => (t ? t.normal : "");

/** Kind from the name's own words; context refines it in the entities stage. */
export function kindOfName(tokens: readonly Token[], from: number, to: number): KindDecision | undefined {
  const text = tokens.slice(from, to).map((t) => t.value).join(" ");
  const words = tokens.slice(from, to).map(lower);
  const last = words[words.length - 1];
  if (WORLD_REGIONS.has(words.join("-")) || WORLD_REGIONS.has(last)) return decide("LOCATION", "name.world-region");
  // "Brazilian Amazon": a people's name before a place or body is no person.
  if (words.length >= 2 && countryByDemonym(tokens[from].value)) {
    return words.some((w) => ORGANIZATION_HEADS.has(w)) ? decide("ORGANIZATION", "name.demonym-before-body") : decide("LOCATION", "name.demonym-before-place");
  }
  if (words.some((w) => ORGANIZATION_HEADS.has(w)) && !LOCATION_HEADS.has(last)) return decide("ORGANIZATION", "name.organisation-head");
  if (LOCATION_HEADS.has(last) && words.length > 1) return decide("LOCATION", "name.location-head");
  // A dateline: "GENEVA (AP) —", "NAIROBI, Kenya —".
  const opening = from === 0 || tokens[from - 1].sentence !== tokens[from].sentence;
  if (opening && text === text.toUpperCase() && text.length > 3 && DATELINE_FOLLOWERS.has(tokens[to]?.value ?? "")) return decide("LOCATION", "name.dateline");
  if (words.length === 1 && isAcronym(text)) return decide("ORGANIZATION", "name.acronym");
  // A given name first makes a person, unless it is written in capitals ("RIA Novosti").
  if (words.length >= 2 && !isAcronym(tokens[from].value) && getGender(tokens[from].value) !== "unknown") return decide("PERSON", "name.given-name");
  if (words.some((w, k) => k > 0 && NAME_PARTICLES.has(w))) return decide("PERSON", "name.particle");
  return undefined;
}

/** What the kind rules of context need from the entities stage. */
export interface KindContext {
  tokens: readonly Token[];
  /** Name mentions in text order. */
  names: readonly MentionCandidate[];
  /** The kind already known for a name (its cluster's, or its own), if any. */
  knownKind(n: MentionCandidate): EntityKind | undefined;
}

export function kindFromContext(ctx: KindContext, m: MentionCandidate): KindDecision | undefined {
  const { tokens } = ctx;
  const before = tokens[m.firstToken - 1];
  const after = tokens[m.lastToken];
  const w = (t: Token | undefined): string => (t ? t.normal : "");
  // "the state broadcaster RTNC", "mercenary group Wagner", "company Orano".
  if (before && before.pos === "NOUN" && ORGANIZATION_NOMINALS.has(w(before))) return decide("ORGANIZATION", "context.organisation-noun-before");
  if (before && before.pos === "NOUN" && LOCATION_HEADS.has(w(before)) && w(tokens[m.firstToken - 2]) !== "'s") return decide("LOCATION", "context.place-noun-before");
  // "Djugu territory", "Ituri province".
  if (after && !isCapitalized(after) && LOCATION_HEADS.has(w(after)) && !DIRECTION_WORDS.has(w(after))) return decide("LOCATION", "context.place-noun-after");
  // Appositions: "Antara, Indonesia's state news agency"; "Surabaya, Indonesia's second-largest city".
  if (after && after.value === ",") {
    const head = appositionHead(tokens, m.lastToken + 1);
    if (head) {
      if (TITLE_HEADS.has(head)) return decide("PERSON", "context.apposition-title");
      if (ORGANIZATION_NOMINALS.has(head) || ORGANIZATION_HEADS.has(head)) return decide("ORGANIZATION", "context.apposition-body");
      if (LOCATION_HEADS.has(head)) return decide("LOCATION", "context.apposition-place");
    }
  }
  return undefined;
}

/** Head noun of an apposition starting at k ("the Russian defence minister,"), if any. */
function appositionHead(tokens: readonly Token[], k: number): string | undefined {
  let head: string | undefined;
  for (let j = k; j < Math.min(tokens.length, k + 9); j++) {
    const t = tokens[j];
    if (t.sentence !== tokens[k - 1].sentence) break;
    if (t.value === "," || t.value === "." || t.pos === "VERB" || t.pos === "AUX" || t.value === "(" || t.pos === "CCONJ" || t.pos === "SCONJ") break;
    if (t.pos === "NOUN" && !isCapitalized(t)) head = t.normal;
    if (t.pos === "ADP" && head) break;
  }
  return head;
}

/**
 * The words around a name the tagger typed that outweigh its type: the context rules, and
 * "told X" / "according to X" for an outlet (rule default.outlet).
 */
export function kindOverTagger(ctx: KindContext, m: MentionCandidate): KindDecision | undefined {
  const context = kindFromContext(ctx, m);
  if (context) return context;
  const before = ctx.tokens[m.firstToken - 1];
  if (m.kindHint !== "ORGANIZATION" && (OUTLET_VERBS.has(before?.lemma ?? "") || (before?.normal === "to" && ctx.tokens[m.firstToken - 2]?.normal === "according"))) {
    return decide("ORGANIZATION", "default.outlet");
  }
  return undefined;
}

/** A name with no sign in its words or around it: the conventions of news writing. */
export function defaultKind(ctx: KindContext, m: MentionCandidate): KindDecision {
  const { tokens, names } = ctx;
  const before = tokens[m.firstToken - 1];
  const prep = before ? before.normal : "";
  if (isAcronym(m.text)) return decide("ORGANIZATION", "default.acronym");
  if (OUTLET_VERBS.has(before?.lemma ?? "") || (prep === "to" && tokens[m.firstToken - 2]?.normal === "according")) {
    return decide("ORGANIZATION", "default.outlet");
  }
  // "in southern Gaza": a direction word between the preposition and the name.
  const beforeDirection = DIRECTION_WORDS.has(prep) ? tokens[m.firstToken - 2]?.normal ?? "" : prep;
  if (PLACE_PREPOSITIONS.has(beforeDirection) && !/day$/i.test(m.text)) return decide("LOCATION", "default.place-preposition");
  // "the central Iranian city of Isfahan".
  if (prep === "of" && LOCATION_HEADS.has(tokens[m.firstToken - 2]?.normal ?? "")) return decide("LOCATION", "default.city-of");
  // Coordinated with a place: "on Sumatra and Kalimantan".
  if ((prep === "and" || prep === ",") && names.some((n) => n.lastToken === m.firstToken - 1 && kindOrPlace(ctx, n) === "LOCATION")) {
    return decide("LOCATION", "default.coordinated-place");
  }
  // Two capitalised words or more with no other sign: news names people.
  if (m.lastToken - m.firstToken >= 2) return decide("PERSON", "default.two-words-person");
  // One word that speaks ("Putin said", "Kim told") and is a given name or is taken up by
  // "he"/"she": a person named by surname only.
  const next = tokens[m.lastToken];
  const speaks = next && next.pos === "VERB" && (next.lemma === "say" || next.lemma === "tell" || next.lemma === "add");
  if (speaks && (getGender(m.text) !== "unknown" || heOrSheFollows(tokens, m))) return decide("PERSON", "default.speaking-person");
  // One word otherwise: an organisation.
  return decide("ORGANIZATION", "default.one-word-body");
}

/** "Putin said he ...": a personal pronoun within the next few words. */
function heOrSheFollows(tokens: readonly Token[], m: MentionCandidate): boolean {
  for (let k = m.lastToken; k < Math.min(tokens.length, m.lastToken + 6); k++) {
    if (TAKE_UP_PRONOUNS.has(tokens[k].normal)) return true;
  }
  return false;
}

function kindOrPlace(ctx: KindContext, n: MentionCandidate): EntityKind | undefined {
  const before = ctx.tokens[n.firstToken - 1]?.normal ?? "";
  return ctx.knownKind(n) ?? (PLACE_PREPOSITIONS.has(before) ? "LOCATION" : undefined);
}

/** "A guessed kind yields to a place preposition elsewhere": a mention right after "in", "at", ... */
export function inPlacePhrase(tokens: readonly Token[], x: MentionCandidate): boolean {
  let k = x.firstToken - 1;
  if (DIRECTION_WORDS.has(tokens[k]?.normal ?? "")) k--;
  return KIND_WORDS.IN_PLACE_PREPOSITIONS.has(tokens[k]?.normal ?? "");
}
