// Gazetteer look-up: lists of countries, cities and Phoenix actors (models/ner/gazetteer.txt,
// compiled by training/ner/compile-gazetteer.ts). They are features the tagger weighs, not
// answers: a match says "this phrase is listed as a city", the tagger reads the sentence.

/** The lists, in the order of the file's `@name` sections; a phrase may be in several. */
export const GAZETTEER_LISTS = [
  "country", "demonym", "city", "place", "person", "organization", "armed", "role",
] as const;
export type GazetteerList = (typeof GAZETTEER_LISTS)[number];

const PREFIX = 1 << 30;
/** Longest listed phrase in tokens; longer ones are not compiled. */
export const MAX_PHRASE = 8;

export interface Gazetteer {
  /** Lower-cased tokens joined by one space -> bit per list, PREFIX when a longer phrase starts so. */
  readonly phrases: ReadonlyMap<string, number>;
}

/** The lists a phrase (lower-cased tokens joined by spaces) is in. */
export function listsOf(gazetteer: Gazetteer, phrase: string): GazetteerList[] {
  const bits = gazetteer.phrases.get(phrase) ?? 0;
  return GAZETTEER_LISTS.filter((_, k) => (bits & (1 << k)) !== 0);
}

export function decodeGazetteer(bytes: Uint8Array): Gazetteer {
  const text = new TextDecoder().decode(bytes);
  const phrases = new Map<string, number>();
  let bit = -1;
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("@")) {
      bit = GAZETTEER_LISTS.indexOf(line.slice(1) as GazetteerList);
      if (bit < 0) throw new Error(`gazetteer: unknown list ${line}`);
      continue;
    }
    if (bit < 0) throw new Error("gazetteer: phrase before the first @list");
    phrases.set(line, (phrases.get(line) ?? 0) | (1 << bit));
    let space = line.indexOf(" ");
    while (space > 0) {
      const prefix = line.slice(0, space);
      phrases.set(prefix, (phrases.get(prefix) ?? 0) | PREFIX);
      space = line.indexOf(" ", space + 1);
    }
  }
  return { phrases };
}

// Position codes of a token inside a match, 3 bits per list in one number.
export const GAZ_BEGIN = 1;
export const GAZ_INSIDE = 2;
export const GAZ_LAST = 3;
export const GAZ_UNIT = 4;

/**
 * For each token, where it sits in the longest match of each list (left to right, matches of
 * one list do not overlap): 3 bits per list, list k at bits 3k..3k+2.
 */
export function matchSentence(gazetteer: Gazetteer, lowers: readonly string[]): Int32Array {
  const n = lowers.length;
  const codes = new Int32Array(n);
  const lists = GAZETTEER_LISTS.length;
  // longest[i * lists + k]: length of the longest phrase of list k starting at token i.
  const longest = new Uint8Array(n * lists);
  let any = false;
  for (let i = 0; i < n; i++) {
    let key = lowers[i];
    for (let len = 1; len <= MAX_PHRASE && i + len <= n; len++) {
      if (len > 1) key = key + " " + lowers[i + len - 1];
      const bits = gazetteer.phrases.get(key);
      if (bits === undefined) break;
      for (let k = 0; k < lists; k++) if ((bits & (1 << k)) !== 0) { longest[i * lists + k] = len; any = true; }
      if ((bits & PREFIX) === 0) break;
    }
  }
  if (!any) return codes;
  for (let k = 0; k < lists; k++) {
    for (let i = 0; i < n;) {
      const len = longest[i * lists + k];
      if (len === 0) { i++; continue; }
      const shift = 3 * k;
      if (len === 1) codes[i] |= GAZ_UNIT << shift;
      else {
        codes[i] |= GAZ_BEGIN << shift;
        for (let j = i + 1; j < i + len - 1; j++) codes[j] |= GAZ_INSIDE << shift;
        codes[i + len - 1] |= GAZ_LAST << shift;
      }
      i += len;
    }
  }
  return codes;
}
