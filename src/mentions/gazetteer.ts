// Countries, capitals and demonyms from the world-countries package, indexed by a
// normalised form. A handful of everyday English short forms the package lacks are
// added below; they are general knowledge, not tied to any article.
import countriesModule, { type Countries } from "world-countries";
import { memoized } from "../memo.js";

// The package's types describe its ES module; under NodeNext TypeScript reads the CommonJS
// face, whose default export is the same array.
const countries = countriesModule as unknown as Countries;

export type PlaceRole = "country" | "capital" | "demonym" | "demonym-plural";

export interface GazetteerEntry {
  /** ISO 3166-1 alpha-3 code. */
  code: string;
  /** The country's common English name. */
  country: string;
  role: PlaceRole;
}

import { EXTRA_DEMONYMS, EXTRA_NAMES, SEATS_OF_GOVERNMENT } from "./places.js";

/** Lower-case, no accents, no dots, straight apostrophes: "U.S." and "US" meet. Memoised: NFKD is the cost. */
export const normalizeName: (text: string) => string = memoized(normalizeUncached, 200_000);

function normalizeUncached(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** "Russians", "Malians"; none for "Chinese", "British", "French". */
function plural(demonym: string): string[] {
  return /(ese|ss|sh|ch)$/i.test(demonym) ? [] : [`${demonym}s`];
}

function buildIndex(): Map<string, GazetteerEntry[]> {
  const index = new Map<string, GazetteerEntry[]>();
  // Everyday forms go first, so "Congo" names the Democratic Republic, as news uses it.
  const add = (form: string, entry: GazetteerEntry, first = false): void => {
    const key = normalizeName(form);
    if (key.length < 2) return;
    const list = index.get(key) ?? [];
    if (list.some((e) => e.code === entry.code && e.role === entry.role)) return;
    if (first) list.unshift(entry); else list.push(entry);
    index.set(key, list);
  };
  const sovereign = new Set(countries.filter((c) => c.unMember).map((c) => c.cca3));
  for (const c of countries) {
    const code = c.cca3;
    const country = c.name.common;
    const entry = (role: PlaceRole): GazetteerEntry => ({ code, country, role });
    for (const name of EXTRA_NAMES[code] ?? []) add(name, entry("country"), true);
    for (const seat of SEATS_OF_GOVERNMENT[code] ?? []) add(seat, entry("capital"), true);
    const names = new Set<string>([c.name.common, c.name.official]);
    // Latin-script alternative spellings of three letters or more ("DPRK", "Russian Federation").
    for (const alt of c.altSpellings) {
      if (alt.length > 2 && /^[\p{Script=Latin}\s'’.,()-]+$/u.test(alt) && !alt.includes(",")) names.add(alt);
    }
    for (const name of names) add(name, entry("country"));
    for (const capital of c.capital ?? []) add(capital.replace(/\s+D\.C\.$/, ""), entry("capital"));
    const demonyms = new Set<string>();
    const eng = c.demonyms?.eng;
    if (eng) for (const d of [eng.m, eng.f]) if (d) demonyms.add(d);
    for (const d of EXTRA_DEMONYMS[code] ?? []) demonyms.add(d);
    for (const d of demonyms) {
      add(d, entry("demonym"));
      for (const p of plural(d)) add(p, entry("demonym-plural"));
    }
  }
  // An ambiguous form ("French", "Congo") names the sovereign state before a territory.
  const rank = (e: GazetteerEntry): number => (sovereign.has(e.code) ? 0 : 1);
  for (const list of index.values()) list.sort((a, b) => rank(a) - rank(b));
  return index;
}

let cached: Map<string, GazetteerEntry[]> | undefined;

const NONE: GazetteerEntry[] = [];

/**
 * Entries for a surface form, or an empty list. Country names win over other roles. Called
 * for every capitalised word: memoised on the raw surface, since normalising is the cost.
 */
export const lookupPlace: (surface: string) => GazetteerEntry[] = memoized((surface) => {
  cached ??= buildIndex();
  return cached.get(normalizeName(surface)) ?? NONE;
});

/** The country a surface form names directly ("Russia", "DPRK"), if any. */
export function countryByName(surface: string): GazetteerEntry | undefined {
  return lookupPlace(surface).find((e) => e.role === "country");
}

export function countryByCapital(surface: string): GazetteerEntry | undefined {
  return lookupPlace(surface).find((e) => e.role === "capital");
}

export function countryByDemonym(surface: string): GazetteerEntry | undefined {
  return lookupPlace(surface).find((e) => e.role === "demonym" || e.role === "demonym-plural");
}
