// Converts the PETRARCH unit-test records into gold files (../shared/spec/gold-format.md) under
// tests/fixtures/petr/: one text and one gold file per record.
//
//   npx tsx scripts/convert-petr.ts [<records.xml> [<out dir>]]
//
// Source: ../shared/corpora/petr-unit-tests/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml,
// UniversalPetrarch's copy of the 284 records, whose expected codings use CAMEO 2.0 codes
// ("restore diplomatic ties" 050, "warned" 130, "condemned" 111). The older
// PETR.UnitTest.records.xml codes the same sentences with the toy verb dictionary the records
// were written for (PETR.Validate.verbs.txt: "warned" 160, "condemned" 122, "shot dead" 224, a
// code CAMEO does not have), so its codes cannot be read as CAMEO.
//
// - Event code -> relation type by src/relations/cameo/code-map.json (the lexicon's table); an
//   event whose code has no type (statements 01x, yielding 08x, protest 14x, the records' test
//   codes such as 345 or 903) is not a gold relation.
// - Actor codes -> the names the sentence uses, by scripts/petr-actors.json (the records' own
//   actor dictionary): an actor is every dictionary name found in the sentence whose code is
//   the event's code or its root ("ARNGOV" is Arnor's government: Arnor; "NGOARN" an NGO of
//   Arnor; "BREGOV" also Romendacil, Bree's prime minister, as the spec accepts either). An
//   event with an actor the sentence does not name ("---GOV", "+++", an empty target) or with
//   the same actor on both ends is left out; the README in the output counts what was left out.
// - A 04 code accepts CONSULT or MEET (code-map alternatives: the spec ties both to CAMEO 04).
// - CAMEO codes events only: an optional relation per record lets any ROLE, PART_OF,
//   LOCATED_IN, ACCOMPANY or QUOTE edge between the sentence's actors pass unscored.
// - Entities are all optional, so only relations are scored.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { cameoTypes } from "../src/relations/cameo/index.js";
import { VOCABULARY, type EntityKind, type RelationType } from "../src/model.js";

/** Relation types with no CAMEO event code (relations.md): PETR's codings cannot speak to them. */
const UNCODED = (Object.keys(VOCABULARY) as RelationType[]).filter((t) => VOCABULARY[t].cameo === "-" || t === "QUOTE");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = process.argv[2]
  ?? path.join(ROOT, "../shared/corpora/petr-unit-tests/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml");
const OUT = process.argv[3] ?? path.join(ROOT, "tests/fixtures/petr");
const ACTORS = path.join(ROOT, "scripts/petr-actors.json");

interface Actor { code: string; names: string[]; kind: EntityKind; from?: string; until?: string }
interface GoldEntity { id: string; name: string; kind: EntityKind; aliases: string[]; optional: true }
interface GoldRelation {
  source: string | string[]; relation: RelationType | RelationType[]; target: string | string[];
  evidence: string; cameo?: string; optional?: true;
}

function fail(message: string): never {
  process.stderr.write(`newsgraph: convert-petr: ${message}\n`);
  process.exit(1);
}

let xml: string;
let actors: Actor[];
try {
  xml = readFileSync(SOURCE, "utf8");
  actors = (JSON.parse(readFileSync(ACTORS, "utf8")) as { actors: Actor[] }).actors;
} catch (error) {
  fail((error as Error).message);
}
const problems: string[] = [];
const dom = new DOMParser({ onError: (level: string, message: string) => { if (level !== "warning") problems.push(message); } } as never)
  .parseFromString(xml, "text/xml");
if (problems.length) fail(`${path.basename(SOURCE)} is not well-formed XML: ${problems[0]}`);
const records = Array.from(dom.getElementsByTagName("Sentence"));
if (records.length === 0) fail(`${path.basename(SOURCE)} has no <Sentence> records`);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Dictionary names in the sentence, longest first, no two overlapping ("New Zealand" beats
 *  "Zealand"). Each actor entry found becomes one entity. */
function findActors(text: string, date: string) {
  const hits: { actor: Actor; name: string; start: number; end: number }[] = [];
  for (const actor of actors) {
    if ((actor.from && date < actor.from) || (actor.until && date >= actor.until)) continue;
    for (const name of actor.names) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "giu");
      for (const m of text.matchAll(re)) hits.push({ actor, name: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  }
  hits.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: typeof hits = [];
  for (const hit of hits) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept.sort((a, b) => a.start - b.start);
}

/** Does an event's actor code stand for a dictionary actor's code? Equal, or the dictionary
 *  code is its root (followed by agent codes: ARNGOV, ARNGOVFRM), or it follows the NGO/IGO
 *  agent prefix (NGOARN). "FRO/BIL/SAM" lists alternatives. */
function codeStandsFor(eventCode: string, actorCode: string): boolean {
  const alternatives = eventCode.split("/");
  if (actorCode.includes("/")) return actorCode === eventCode || actorCode.split("/").some((c) => alternatives.includes(c));
  return alternatives.some((code) => code === actorCode || code.startsWith(actorCode)
    || ((code.startsWith("NGO") || code.startsWith("IGO")) && code.slice(3).startsWith(actorCode)));
}

const stats = { records: 0, events: 0, untyped: 0, unnamed: 0, self: 0, relations: 0, byType: {} as Record<string, number> };
const untypedCodes: Record<string, number> = {};
const files = new Map<string, string>();

records.forEach((record, index) => {
  const id = record.getAttribute("id") ?? `record-${index + 1}`;
  if (id === "FINAL-RECORD") return;
  const date = record.getAttribute("date") ?? "";
  const text = (record.getElementsByTagName("Text")[0]?.textContent ?? "").replace(/\s+/g, " ").trim();
  if (!text) fail(`record ${id} has no text`);
  stats.records++;
  const base = `petr-${String(index + 1).padStart(3, "0")}-${slug(id)}`;

  const found = findActors(text, date);
  const entities: GoldEntity[] = [];
  const entityOf = new Map<Actor, GoldEntity>();
  for (const hit of found) {
    let entity = entityOf.get(hit.actor);
    if (!entity) {
      entity = { id: slug(`${hit.actor.code}-${hit.name}`), name: hit.name, kind: hit.actor.kind, aliases: [], optional: true };
      while (entities.some((e) => e.id === entity!.id)) entity.id += "-x";
      entities.push(entity);
      entityOf.set(hit.actor, entity);
    } else if (entity.name.toLowerCase() !== hit.name.toLowerCase()
      && !entity.aliases.some((a) => a.toLowerCase() === hit.name.toLowerCase())) {
      entity.aliases.push(hit.name);
    }
  }

  const relations: GoldRelation[] = [];
  const seen = new Set<string>();
  for (const coding of Array.from(record.getElementsByTagName("EventCoding"))) {
    const code = coding.getAttribute("eventcode");
    if (!code) continue; // noevents / error records: nothing owed
    stats.events++;
    const types = cameoTypes(code);
    const type = types[0];
    if (!type) { stats.untyped++; untypedCodes[code] = (untypedCodes[code] ?? 0) + 1; continue; }
    const side = (attr: string) => {
      const actorCode = coding.getAttribute(attr) ?? "";
      return [...entityOf].filter(([actor]) => actorCode && codeStandsFor(actorCode, actor.code)).map(([, e]) => e.id);
    };
    const sources = side("sourcecode");
    const targets = side("targetcode");
    if (sources.length === 0 || targets.length === 0) { stats.unnamed++; continue; }
    if (sources.some((s) => targets.includes(s))) { stats.self++; continue; }
    const symmetric = types.every((t) => VOCABULARY[t].symmetric);
    const key = (a: string[], b: string[]) => `${a.join(",")}|${type}|${b.join(",")}`;
    if (seen.has(key(sources, targets)) || (symmetric && seen.has(key(targets, sources)))) continue;
    seen.add(key(sources, targets));
    relations.push({
      source: sources.length === 1 ? sources[0]! : sources, relation: types.length === 1 ? type : types,
      target: targets.length === 1 ? targets[0]! : targets, evidence: text, cameo: code,
    });
    stats.relations++;
    stats.byType[type] = (stats.byType[type] ?? 0) + 1;
  }

  // CAMEO codes events only: the records say nothing about roles, membership, places or quoting,
  // so such edges between the sentence's actors are neither owed nor wrong.
  if (entities.length >= 2) {
    const ids = entities.map((e) => e.id);
    relations.push({ source: ids, relation: [...UNCODED], target: ids, evidence: text, optional: true });
  }
  const gold = { document: `${base}.txt`, petr: { id, date }, entities, relations };
  files.set(`${base}.txt`, `${text}\n`);
  files.set(`${base}.json`, `${JSON.stringify(gold, null, 2)}\n`);
});

const readme = `# PETR unit-test records as gold files

Converted by \`scripts/convert-petr.ts\` (do not edit by hand; re-run it) from
\`../shared/corpora/petr-unit-tests/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml\`:
UniversalPetrarch's copy of PETRARCH's ${stats.records} unit-test records (the closing record left out),
stylised one-sentence news items with fictional actors (Arnor, Gondor, ...), each with its expected
CAMEO codings. One text and one gold file per record (\`petr-<n>-<id>\`). Score with
\`newsgraph eval --gold tests/fixtures/petr\`; entities are all optional, so read only the
relation figures.

- CAMEO code -> relation type by \`src/relations/cameo/code-map.json\` (the CAMEO lexicon's table).
  The older \`PETR.UnitTest.records.xml\` is not used: it codes the same sentences with the toy
  verb dictionary the records were written for, not with CAMEO.
- Actor codes -> the names the sentence uses, by \`scripts/petr-actors.json\` (after the records'
  own actor dictionary); a code with agent suffixes ("ARNGOV") stands for its country or person.
- A 04 "consult" code accepts CONSULT or MEET (the spec ties both to CAMEO 04: \`alternatives\` in
  the code map).
- CAMEO codes events only, so each record also carries one optional relation that makes any
  ${UNCODED.join(", ")} edge between the sentence's actors neither owed nor wrong.
- Each gold relation keeps its CAMEO code (\`cameo\`) and the record's id and date (\`petr\`);
  both are extra fields the scorer ignores.

| | count |
|---|---|
| records | ${stats.records} |
| expected events | ${stats.events} |
| left out: code without a relation type | ${stats.untyped} |
| left out: an actor the sentence does not name | ${stats.unnamed} |
| left out: the same actor on both ends | ${stats.self} |
| gold relations | ${stats.relations} |
${Object.entries(stats.byType).sort().map(([type, n]) => `| - ${type} | ${n} |`).join("\n")}

Codes without a type, with their counts: ${Object.entries(untypedCodes).sort().map(([c, n]) => `${c} (${n})`).join(", ")}.

Licence: the records are MIT (Copyright (c) 2016 Open Event Data Alliance,
\`../shared/corpora/petr-unit-tests/LICENSE\`); the conversion is newsgraph's (MIT).
`;
files.set("README.md", readme);

// Replace the folder's contents in one step: build beside it, then swap.
const tmp = `${OUT}.tmp`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) writeFileSync(path.join(tmp, name), content);
rmSync(OUT, { recursive: true, force: true });
renameSync(tmp, OUT);
process.stdout.write(`convert-petr: ${stats.records} records, ${stats.events} events -> ${stats.relations} gold relations ` +
  `(left out: ${stats.untyped} untyped, ${stats.unnamed} unnamed actor, ${stats.self} same actor) in ${path.relative(ROOT, OUT)}/ ` +
  `(${readdirSync(OUT).length} files)\n`);
