// Compiles the PETRARCH2 CAMEO verb dictionary (../shared/corpora/petrarch/CAMEO.2.0.txt, MIT)
// into src/relations/cameo/verbs.json, the relation stage's verb lexicon.
//
//   npm run compile:cameo [-- <CAMEO.2.0.txt> [<out.json>]]
//
// The source format (PETRreader.read_verb_dictionary in PETRARCH2):
// - `&NAME` starts a synonym set, `+WORD` lines fill it (`_` joins words of a phrase; a
//   trailing `_` means "no plural").
// - `---  NAME  [CODE]  ---` starts a verb block; CODE is the block's default ("---": none).
// - Verb lines: `LEMMA {irregular forms} [own code]  # comment`. `+ASK_FOR`: the verb is the word
//   after `+`, the other words come before / after it (`RE_+ARREST`, `+CALL_OFF`).
// - Pattern lines `- PRE * POST [CODE]  # verb the pattern came from`, shared by every verb of
//   the block: `*` is the verb, bare words are phrase heads (or particles), `{A B}` a phrase
//   with head B, `(P ...)` a prepositional phrase, `&NAME` a synset, `$` / `+` the source /
//   target position, `^` a skipped phrase.
// - CODE `A:B` is a paired event (A source -> target, B target -> source); `:B` only the
//   reverse one.
// Output is deterministic: verbs and synsets sorted, blocks and patterns in file order.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = process.argv[2] ?? path.join(ROOT, "../shared/corpora/petrarch/CAMEO.2.0.txt");
const OUT = process.argv[3] ?? path.join(ROOT, "src/relations/cameo/verbs.json");
const CODE_MAP = path.join(ROOT, "src/relations/cameo/code-map.json");

interface CodeMapRow { code: string; type: string | null; reason: string }
/** A pattern element: a word, a phrase "mod ... head", "&synset", or a marker "$", "+", "^". */
type Element = string | { p: string; n?: string[] };
interface Pattern {
  /** Source line in CAMEO.2.0.txt. */
  l: number;
  c: string | null; t?: string;
  r?: string; rt?: string;
  pre?: Element[];
  post?: Element[];
}
interface VerbEntry {
  b: string;
  c: string | null; t?: string;
  r?: string; rt?: string;
  before?: string[];
  after?: string[];
}

function fail(message: string): never {
  process.stderr.write(`newsgraph: compile-cameo: ${message}\n`);
  process.exit(1);
}

let text: string;
let codeMap: CodeMapRow[];
try {
  text = readFileSync(SOURCE, "utf8");
  codeMap = (JSON.parse(readFileSync(CODE_MAP, "utf8")) as { rows: CodeMapRow[] }).rows;
} catch (error) {
  fail((error as Error).message);
}

const typeOf = (code: string): string | undefined => {
  let best: CodeMapRow | undefined;
  for (const row of codeMap) {
    if (code.startsWith(row.code) && (!best || row.code.length > best.code.length)) best = row;
  }
  return best?.type ?? undefined;
};

/** "[042:043]" -> forward and reverse codes, each with its type. */
function parseCode(raw: string, line: number): Pick<VerbEntry, "c" | "t" | "r" | "rt"> {
  const body = raw.slice(1, -1).replace(/!$/, "").trim();
  if (body === "---" || body === "") return { c: null };
  const [forward, reverse] = body.split(":");
  const check = (code: string) => {
    if (!/^\d{3,4}$/.test(code)) fail(`line ${line}: unexpected code "${raw}"`);
    return code;
  };
  const out: Pick<VerbEntry, "c" | "t" | "r" | "rt"> = { c: forward ? check(forward) : null };
  if (out.c) { const t = typeOf(out.c); if (t) out.t = t; }
  if (reverse) {
    out.r = check(reverse);
    const rt = typeOf(out.r);
    if (rt) out.rt = rt;
  }
  return out;
}

const lower = (word: string) => word.toLowerCase();

/** Splits a pattern half into elements; phrases keep their words in order, head last. */
function parseElements(tokens: string[], line: number): Element[] {
  const out: Element[] = [];
  let prep: { p: string; n?: string[] } | undefined;
  let phrase: string[] | undefined;
  const push = (element: string) => {
    if (prep) (prep.n ??= []).push(element);
    else out.push(element);
  };
  for (let token of tokens) {
    let closesPrep = false;
    if (token.startsWith("(")) {
      if (prep) fail(`line ${line}: nested "("`);
      token = token.slice(1);
      prep = { p: "" };
    }
    if (token.endsWith(")")) { closesPrep = true; token = token.slice(0, -1); }
    if (prep && prep.p === "") {
      prep.p = lower(token);
    } else if (token.startsWith("{") || phrase) {
      const ends = token.endsWith("}");
      const word = token.replace(/^\{/, "").replace(/\}$/, "");
      (phrase ??= []).push(lower(word));
      if (ends) { push(phrase.join(" ")); phrase = undefined; }
    } else if (token) {
      push(lower(token));
    }
    if (closesPrep && prep) { out.push(prep); prep = undefined; }
  }
  if (prep || phrase) fail(`line ${line}: unclosed "(" or "{"`);
  return out;
}

const synsets: Record<string, string[]> = {};
const verbs: Record<string, VerbEntry[]> = {};
const blocks: Record<string, { c: string | null; t?: string; r?: string; rt?: string; patterns: Pattern[] }> = {};
let synset: string | undefined;
let block: string | undefined;
let inVerbs = false;
const counts = { verbLines: 0, patterns: 0 };
const formOf = new Map<string, string>();
const AUXILIARY = new Set(["is", "was", "were", "are", "am", "been", "being"]);
/** PETRARCH's regular forms of a verb without irregular ones listed: -s/-es/-ies, -d/-ed, -ing. */
function regularForms(stem: string): string[] {
  const third = /[sxz]$/.test(stem) ? `${stem}es` : stem.endsWith("y") ? `${stem.slice(0, -1)}ies` : `${stem}s`;
  const past = stem.endsWith("e") ? `${stem}d` : `${stem}ed`;
  const ing = stem.endsWith("e") && !/[aeiou]e$/.test(stem) ? `${stem.slice(0, -1)}ing` : `${stem}ing`;
  return [third, past, ing];
}
const skipped: string[] = [];
const synsetNames = (elements: Element[]): string[] => elements.flatMap((e) =>
  typeof e === "string" ? e.split(" ").filter((w) => w.startsWith("&")).map((w) => w.slice(1)) : synsetNames(e.n ?? []));

const lines = text.split(/\r?\n/);
lines.forEach((rawLine, index) => {
  const n = index + 1;
  if (rawLine.startsWith("####### VERB PATTERNS")) { inVerbs = true; return; }
  if (rawLine.startsWith("######## TRANSFORMATIONS")) { inVerbs = false; block = undefined; return; }
  if (rawLine.startsWith("#") || rawLine.startsWith("~") || !rawLine.trim()) return;
  if (!inVerbs) {
    if (block) return;
    if (rawLine.startsWith("&")) { synset = lower(rawLine.trim().slice(1).replace(/_$/, "")); synsets[synset] = []; return; }
    if (rawLine.startsWith("+") && synset) {
      const term = lower(rawLine.trim().slice(1).split("#")[0]!.trim()).replace(/_+$/, "").replace(/_/g, " ").trim();
      if (term) synsets[synset]!.push(term);
    }
    return;
  }
  if (rawLine.startsWith("---")) {
    const m = /^---\s+(\S+)\s+(\[[^\]]*\])\s*-*\s*---/.exec(rawLine);
    if (!m) fail(`line ${n}: unreadable block header`);
    block = m[1]!;
    if (blocks[block]) fail(`line ${n}: block ${block} defined twice`);
    blocks[block] = { ...parseCode(m[2]!, n), patterns: [] };
    return;
  }
  if (!block) fail(`line ${n}: verb or pattern outside a block`);
  const content = rawLine.split("#")[0]!.trim();
  if (!content) return;
  if (content.startsWith("-")) {
    const m = /^-\s*(.*?)\s*(\[[^\]]*\])\s*$/.exec(content);
    if (!m) fail(`line ${n}: pattern without a code`);
    const [preText, postText, ...rest] = m[1]!.split("*");
    if (postText === undefined || rest.length > 0) fail(`line ${n}: pattern needs exactly one "*"`);
    const pattern: Pattern = { l: n, ...parseCode(m[2]!, n) };
    const pre = parseElements(preText!.trim().split(/\s+/).filter(Boolean), n);
    const post = parseElements(postText.trim().split(/\s+/).filter(Boolean), n);
    // PETRARCH ignores a pattern that names an undefined synset; so does the lexicon.
    const missing = [...synsetNames(pre), ...synsetNames(post)].filter((name) => !synsets[name]);
    if (missing.length) { skipped.push(`line ${n}: &${missing.join(", &")}`); return; }
    if (pre.length) pattern.pre = pre;
    if (post.length) pattern.post = post;
    blocks[block]!.patterns.push(pattern);
    counts.patterns++;
    return;
  }
  // A verb line: the first token is the primary form; `{...}` lists irregular forms (not kept:
  // the lexicon is keyed by lemma); a trailing [code] overrides the block's.
  const codeMatch = /(\[[^\]]*\])\s*$/.exec(content);
  const head = content.replace(/\{[^}]*\}/g, " ").replace(/\[[^\]]*\]\s*$/, "").trim().split(/\s+/)[0];
  if (!head) fail(`line ${n}: empty verb line`);
  const code = codeMatch ? parseCode(codeMatch[1]!, n) : { c: blocks[block]!.c, t: blocks[block]!.t, r: blocks[block]!.r, rt: blocks[block]!.rt };
  const entry: VerbEntry = { b: block, c: code.c };
  if (code.t) entry.t = code.t;
  if (code.r) entry.r = code.r;
  if (code.rt) entry.rt = code.rt;
  let lemma = lower(head);
  if (head.includes("_")) {
    const words = head.split("_");
    let at = words.findIndex((w) => w.startsWith("+"));
    if (at < 0) at = 0;
    const plain = words.map((w) => lower(w.replace(/^\+/, "")));
    lemma = plain[at]!;
    if (at > 0) entry.before = plain.slice(0, at);
    if (at < plain.length - 1) entry.after = plain.slice(at + 1);
  } else if (head.startsWith("+")) {
    lemma = lower(head.slice(1));
  }
  (verbs[lemma] ??= []).push(entry);
  counts.verbLines++;
  // Inflected forms, to key the few multiword verbs CAMEO writes inflected ("+KILLED_AND").
  if (!entry.before && !entry.after) {
    const irregular = /\{([^}]*)\}/.exec(content)?.[1]?.trim().split(/\s+/).filter(Boolean);
    for (const form of irregular?.length ? irregular : regularForms(lemma)) formOf.set(lower(form), lemma);
  }
});

// Multiword verbs keyed by an inflected form move to the lemma ("killed and" -> kill).
for (const key of Object.keys(verbs)) {
  const base = AUXILIARY.has(key) ? "be" : formOf.get(key);
  if (!base || base === key) continue;
  const multiword = verbs[key]!.filter((v) => v.before || v.after);
  if (multiword.length === 0) continue;
  verbs[base] = [...(verbs[base] ?? []), ...multiword];
  const rest = verbs[key]!.filter((v) => !v.before && !v.after);
  if (rest.length) verbs[key] = rest; else delete verbs[key];
}

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));

// Only synsets that some pattern uses are kept.
const used = new Set<string>();
for (const b of Object.values(blocks)) {
  for (const p of b.patterns) for (const name of [...synsetNames(p.pre ?? []), ...synsetNames(p.post ?? [])]) used.add(name);
}
const keptSynsets = Object.fromEntries([...used].sort().map((name) => [name, synsets[name]!]));

const single = Object.values(verbs).flat().filter((v) => !v.before && !v.after).length;
const typed = Object.values(verbs).flat().filter((v) => v.t || v.rt).length;
const about = {
  what: "CAMEO verb lexicon compiled by scripts/compile-cameo.ts from PETRARCH2's CAMEO.2.0.txt (MIT, see NOTICE). Do not edit by hand: change code-map.json or the script and run `npm run compile:cameo`.",
  format: {
    verbs: "lemma -> entries {b: block, c: CAMEO code (null: no event), t: our relation type (absent: none), r/rt: reverse event (target -> source) code/type, before/after: the other words of a multiword verb}",
    blocks: "block -> {c, t, r, rt: block default, patterns: [{l: source line, c, t, r, rt, pre: elements before the verb, post: elements after it}]}; element: word, phrase 'modifier ... head', '&synset', '$' source, '+' target, '^' skipped phrase, or {p: preposition, n: elements}",
    synsets: "name -> words and phrases (singular as the source gives them)",
  },
  counts: {
    lemmas: Object.keys(verbs).length, verbEntries: counts.verbLines, singleWordEntries: single,
    multiwordEntries: counts.verbLines - single, entriesWithType: typed,
    blocks: Object.keys(blocks).length, patterns: counts.patterns, patternsSkipped: skipped.length, synsets: Object.keys(keptSynsets).length,
  },
};

// One verb, one pattern per line: compact, and a re-compile diffs readably.
const rows = (record: Record<string, unknown>, indent: string) =>
  Object.entries(record).map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(",\n");
const blockRows = Object.entries(blocks).map(([name, { patterns, ...code }]) =>
  `    ${JSON.stringify(name)}: { ${Object.entries(code).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}, "patterns": [` +
  (patterns.length ? "\n" + patterns.map((p) => `      ${JSON.stringify(p)}`).join(",\n") + "\n    " : "") + "] }").join(",\n");
const json = `{\n  "about": ${JSON.stringify(about)},\n  "verbs": {\n${rows(sortedKeys(verbs), "    ")}\n  },\n  "blocks": {\n${blockRows}\n  },\n  "synsets": {\n${rows(keptSynsets, "    ")}\n  }\n}\n`;
JSON.parse(json);
const tmp = `${OUT}.tmp`;
writeFileSync(tmp, json);
renameSync(tmp, OUT);
process.stdout.write(`compile-cameo: ${about.counts.lemmas} lemmas (${counts.verbLines} verb entries, ${typed} typed), ` +
  `${counts.patterns} patterns (${skipped.length} skipped for an undefined synset: ${skipped.join("; ")}) in ${about.counts.blocks} blocks, ${about.counts.synsets} synsets -> ${path.relative(ROOT, OUT)} ` +
  `(${(json.length / 1024).toFixed(0)} KB)\n`);
