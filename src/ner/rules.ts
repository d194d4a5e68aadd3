// Name conventions applied to the tagger's spans, each with an id (README, "Entity tagger").
import { getGender } from "gender-detection-from-name";
import { listsOf, type Gazetteer, type GazetteerList } from "./gazetteer.js";

/** Titles and ranks written before a name; with the gazetteer's role nouns and demonyms. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
  "president", "vice", "prime", "minister", "chancellor", "premier", "senator", "sen.", "rep.", "gov.",
  "governor", "mayor", "king", "queen", "prince", "princess", "sheikh", "emir", "pope", "cardinal",
  "general", "gen.", "lt.", "lt", "col.", "colonel", "maj.", "major", "capt.", "captain", "sgt.", "sergeant",
  "adm.", "admiral", "cmdr.", "commander", "marshal", "field", "brig.", "brigadier", "lieutenant",
  "judge", "justice", "secretary", "foreign", "defence", "defense", "interior", "finance", "deputy",
  "chief", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
  "ceo", "director", "head", "leader", "former", "late", "acting", "interim", "state", "u.s.", "us",
]);
const TITLE_LISTS: readonly GazetteerList[] = ["role", "demonym"];

function isTitle(gazetteer: Gazetteer, lower: string): boolean {
  return TITLE_WORDS.has(lower) || listsOf(gazetteer, lower).some((list) => TITLE_LISTS.includes(list));
}

/**
 * Rule ner.title-outside-name: titles, ranks and nationalities before a person's name leave
 * the name ("German Chancellor Angela Merkel" -> "Angela Merkel", "Lt. Gen. X" -> "X"); the
 * entity stage reads them as the person's role. At least one word stays.
 */
export function trimTitles(gazetteer: Gazetteer, lowers: readonly string[], start: number, end: number): number {
  let first = start;
  while (end - first > 1 && isTitle(gazetteer, lowers[first])) first++;
  return first;
}

/** Person titles proper (not "foreign", "state": those start organisation names too). */
const PERSON_TITLES: ReadonlySet<string> = new Set([
  "president", "chancellor", "premier", "senator", "governor", "mayor", "king", "queen", "prince",
  "princess", "sheikh", "emir", "pope", "general", "gen.", "colonel", "col.", "minister", "secretary",
  "ambassador", "envoy", "leader", "judge", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
]);

/**
 * Rule ner.title-before-person: a name of any type made of titles (optionally after a
 * country and "'s") then a given name and more is that person: "French President Emmanuel
 * Macron", "Kenya's President William Ruto" -> PER "Emmanuel Macron", "William Ruto".
 * Returns the person's first word, or -1 when the rule does not apply.
 */
export function personAfterTitles(gazetteer: Gazetteer, words: readonly string[], start: number, end: number): number {
  let k = start;
  const lower = (j: number) => words[j].toLowerCase().replace(/’/g, "'");
  // An optional "<country or place> 's" before the titles.
  for (let j = start + 1; j < end - 2 && j <= start + 3; j++) {
    if (lower(j) === "'s") { k = j + 1; break; }
  }
  let personTitle = false;
  while (k < end - 1 && isTitle(gazetteer, lower(k))) {
    if (PERSON_TITLES.has(lower(k))) personTitle = true;
    k++;
  }
  if (!personTitle || k >= end - 1 || k === start) return -1;
  return getGender(lower(k), "en") === "unknown" ? -1 : k;
}
