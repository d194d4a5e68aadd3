// Sorts the relation misses of the extractor on dev-real and PETR into the groups issue 13
// names, for docs/relation-misses.md (a development tool, not part of the product):
//
//   npx tsx scripts/relation-misses.ts [--json]
//
// A missed gold relation is
// - "actor elsewhere": an endpoint is named neither by name, alias nor demonym in the relation's
//   evidence (a pronoun, "the government", an earlier sentence);
// - "demonym actor": an endpoint appears in the evidence only as a demonym or adjective
//   ("Eriadorian", "Turkish jets", "the Afghan team");
// - "unknown word": no word of the evidence is a trigger of ours for the gold type;
// - "structure": a trigger of ours for the type is there and both actors are named, yet the
//   arguments were not found (structural types ROLE / PART_OF / LOCATED_IN: always structure).
// For every miss it also lists the evidence lemmas the CAMEO lexicon codes with the gold type.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import countriesModule from "world-countries";
import { analyze } from "../src/nlp/index.js";
import { extract } from "../src/extract.js";
import { evaluate, normalizeName, parseGold, type Gold } from "../src/eval/index.js";
import { NOUN_TRIGGERS, VERB_TRIGGERS } from "../src/relations/triggers.js";
import { matchPatterns, phrasesFor, verbCodes } from "../src/relations/cameo/index.js";
import type { RelationType } from "../src/model.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STRUCTURAL = new Set<RelationType>(["ROLE", "PART_OF", "LOCATED_IN"]);

const DEMONYMS = new Set<string>();
for (const c of countriesModule as unknown as { demonyms?: Record<string, { m: string; f: string }> }[]) {
  for (const d of Object.values(c.demonyms ?? {})) { DEMONYMS.add(d.m.toLowerCase()); DEMONYMS.add(d.f.toLowerCase()); }
}
// The PETR actor dictionary's adjectives of fictional states.
for (const d of ["arnorian", "eriadori", "eriadorian", "dagolathi"]) DEMONYMS.add(d);

interface Miss {
  set: string; document: string; relation: string; source: string; target: string; evidence: string;
  group: "actor elsewhere" | "demonym actor" | "unknown word" | "structure";
  cameo: string[];
}

function load(folder: string): { gold: Gold; text: string }[] {
  const dir = path.join(ROOT, "tests/fixtures", folder);
  return readdirSync(dir).filter((n) => n.endsWith(".json")).sort().map((n) => {
    const gold = parseGold(readFileSync(path.join(dir, n), "utf8"), n);
    return { gold, text: readFileSync(path.join(dir, gold.document), "utf8") };
  });
}

const words = (s: string) => normalizeName(s.replace(/['’]s\b/g, "")).split(/[^\p{L}\p{N}.'-]+/u).filter(Boolean);
function occurs(name: string, evidence: string): boolean {
  const n = words(name).join(" ");
  return n.length > 0 && ` ${words(evidence).join(" ")} `.includes(` ${n} `);
}

const misses: Miss[] = [];
for (const set of ["dev-real", "petr"]) {
  const docs = load(set);
  const report = evaluate(docs.map(({ gold, text }) => ({ gold, extraction: extract({ id: gold.document, text }) })));
  report.documents.forEach((scored, i) => {
    const { gold } = docs[i]!;
    const byId = new Map(gold.entities.map((e) => [e.id, e]));
    for (const missed of scored.missedRelations) {
      const types = missed.relation;
      const evidence = missed.evidence ?? "";
      const side = (ids: string[]) => {
        let named = false;
        let demonym = false;
        for (const id of ids) {
          const e = byId.get(id)!;
          for (const form of [e.name, ...e.aliases]) {
            if (!occurs(form, evidence)) continue;
            if (DEMONYMS.has(normalizeName(form))) demonym = true; else named = true;
          }
        }
        return named ? "named" : demonym ? "demonym" : "absent";
      };
      const sides = [side(missed.source), side(missed.target)];
      const tokens = analyze({ id: "evidence", text: evidence }).tokens;
      const lemmas = tokens.map((t) => t.lemma.toLowerCase());
      const ours = types.some((type) => lemmas.some((l) =>
        VERB_TRIGGERS.get(l)?.relation === type || NOUN_TRIGGERS.get(l)?.relation === type));
      // CAMEO: the lemma's own code, a multiword verb, or a pattern on the words after it.
      const cameo = new Set<string>();
      tokens.forEach((token, k) => {
        if (token.pos !== "VERB" && token.pos !== "NOUN") return;
        const lemma = token.lemma.toLowerCase();
        const after = tokens.slice(k + 1, k + 8).map((t) => t.lemma.toLowerCase());
        const hits = [...verbCodes(lemma), ...phrasesFor(lemma).filter((p) => (p.after ?? []).every((w, j) => after[j] === w))]
          .filter((v) => v.type && types.includes(v.type)).map((v) => `${lemma} ${v.code}`);
        const pattern = matchPatterns(lemma, {
          object: after, obliques: after.map((w, j) => ({ prep: w, words: after.slice(j + 1) })),
        }).find((p) => p.score > 0 && p.type && types.includes(p.type));
        if (pattern) hits.push(`${lemma} ${pattern.code} (pattern line ${pattern.line})`);
        for (const h of hits) cameo.add(h);
      });
      const group: Miss["group"] = sides.includes("absent") ? "actor elsewhere"
        : sides.includes("demonym") ? "demonym actor"
        : STRUCTURAL.has(types[0]!) || ours ? "structure" : "unknown word";
      const names = (ids: string[]) => ids.map((id) => byId.get(id)!.name).join(" | ");
      misses.push({
        set, document: scored.document, relation: types.join("|"), source: names(missed.source),
        target: names(missed.target), evidence, group, cameo: [...cameo],
      });
    }
  });
}

if (process.argv.includes("--json")) {
  process.stdout.write(JSON.stringify(misses, null, 1) + "\n");
} else {
  for (const set of ["dev-real", "petr"]) {
    const of = misses.filter((m) => m.set === set);
    const groups = new Map<string, Miss[]>();
    for (const m of of) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    process.stdout.write(`${set}: ${of.length} misses; ` + [...groups].map(([g, ms]) =>
      `${g} ${ms.length} (CAMEO covers ${ms.filter((m) => m.cameo.length).length})`).join(", ") + "\n");
  }
}
