// The CAMEO verb lexicon (verbs.json, compiled from PETRARCH2's CAMEO.2.0.txt by
// scripts/compile-cameo.ts; MIT, see NOTICE) and the CAMEO-code -> relation-type table
// (code-map.json). Browser-safe: data only, no Node built-ins.
//
// CAMEO codes a verb by its block (a group of near-synonyms sharing patterns); a pattern refines
// the code by the words around the verb: the head of its object, a particle, a preposition and
// the head of that preposition's object, the head of the subject. A paired code "A:B" is two
// events: A from source to target, B from target back to source ("visit" 042 gives the host's
// 043).
import verbsData from "./verbs.json" with { type: "json" };
import codeMapData from "./code-map.json" with { type: "json" };
import { isRelationType, type RelationType } from "../../model.js";

/** A pattern element: word, phrase "modifier ... head", "&synset", marker ("$" source, "+"
 *  target, "^" any phrase), or a prepositional phrase. */
export type PatternElement = string | { p: string; n?: PatternElement[] };

/** One coding of a verb: CAMEO's code and, where the code has one, our relation type. */
export interface CameoCoding {
  /** CAMEO event code, source -> target; absent when only the reverse event is coded. */
  code?: string;
  type?: RelationType;
  /** Paired event, target -> source. */
  reverseCode?: string;
  reverseType?: RelationType;
}

export interface CameoVerb extends CameoCoding {
  lemma: string;
  /** CAMEO's verb block (its group of synonyms, which share the patterns). */
  block: string;
  /** Multiword verbs: the words before and after the verb ("call off": after ["off"]). */
  before?: string[];
  after?: string[];
}

export interface CameoPattern extends CameoCoding {
  block: string;
  /** Line in CAMEO.2.0.txt, for provenance. */
  line: number;
  /** Elements before the verb (subject side) and after it (object, particles, obliques). */
  pre: readonly PatternElement[];
  post: readonly PatternElement[];
}

/** The words around a verb occurrence, as the parse gives them (lower case; forms or lemmas). */
export interface VerbFrame {
  /** Words of the subject phrase. */
  subject?: readonly string[];
  /** Words of the direct object phrase and of particles / complements after the verb. */
  object?: readonly string[];
  /** Prepositional obliques: the preposition and the words of its object. */
  obliques?: readonly { prep: string; words: readonly string[] }[];
}

interface RawCoding { c: string | null; t?: string; r?: string; rt?: string }
interface RawVerb extends RawCoding { b: string; before?: string[]; after?: string[] }
interface RawPattern extends RawCoding { l: number; pre?: PatternElement[]; post?: PatternElement[] }
interface RawBlock extends RawCoding { patterns: RawPattern[] }
interface CodeMapRow { code: string; type: string | null; alternatives?: string[]; reason: string }

const VERBS = (verbsData as unknown as { verbs: Record<string, RawVerb[]> }).verbs;
const BLOCKS = (verbsData as unknown as { blocks: Record<string, RawBlock> }).blocks;
const SYNSETS = (verbsData as unknown as { synsets: Record<string, string[]> }).synsets;
const CODE_MAP = (codeMapData as { rows: CodeMapRow[] }).rows;

function coding(raw: RawCoding): CameoCoding {
  const out: CameoCoding = {};
  if (raw.c) out.code = raw.c;
  if (raw.t && isRelationType(raw.t)) out.type = raw.t;
  if (raw.r) out.reverseCode = raw.r;
  if (raw.rt && isRelationType(raw.rt)) out.reverseType = raw.rt;
  return out;
}

/** Our relation type for a CAMEO code (longest listed prefix of code-map.json), or undefined
 *  when the code has none among the 21. */
export function cameoType(code: string): RelationType | undefined {
  const row = codeMapRow(code);
  return row?.type && isRelationType(row.type) ? row.type : undefined;
}

/** Every type the spec ties to a CAMEO code: the lexicon's type first, then the alternatives
 *  (a 04 "consult" code is CONSULT or MEET). Empty when the code has no type. */
export function cameoTypes(code: string): RelationType[] {
  const row = codeMapRow(code);
  if (!row?.type) return [];
  return [row.type, ...(row.alternatives ?? [])].filter(isRelationType);
}

/** The code-map row that decides a code, with its reason. */
export function codeMapRow(code: string): Readonly<CodeMapRow> | undefined {
  let best: CodeMapRow | undefined;
  for (const row of CODE_MAP) {
    if (code.startsWith(row.code) && (!best || row.code.length > best.code.length)) best = row;
  }
  return best;
}

function rawEntries(lemma: string): RawVerb[] {
  const key = lemma.toLowerCase();
  // CAMEO writes "RE-ARREST"; text and lemmatisers give "rearrest" or "re-arrest".
  return VERBS[key] ?? (/^re[a-z]/.test(key) ? VERBS[`re-${key.slice(2)}`] : undefined) ?? [];
}

function verb(lemma: string, raw: RawVerb): CameoVerb {
  const out: CameoVerb = { lemma: lemma.toLowerCase(), block: raw.b, ...coding(raw) };
  if (raw.before) out.before = raw.before;
  if (raw.after) out.after = raw.after;
  return out;
}

/** Whether CAMEO lists the lemma as a verb at all (with or without an event code). */
export function isCameoVerb(lemma: string): boolean {
  return rawEntries(lemma).length > 0;
}

/** Every CAMEO entry of the lemma: single-word and multiword, coded or not. */
export function verbEntries(lemma: string): CameoVerb[] {
  return rawEntries(lemma).map((raw) => verb(lemma, raw));
}

/** The event codings of the lemma on its own (no pattern, no multiword): what "X <lemma> Y"
 *  codes when nothing around the verb refines it. Entries without any code are left out. */
export function verbCodes(lemma: string): CameoVerb[] {
  return verbEntries(lemma).filter((v) => !v.before && !v.after && (v.code || v.reverseCode));
}

/** Multiword verbs built on the lemma ("call off", "crack down", "re-arrest"). */
export function phrasesFor(lemma: string): CameoVerb[] {
  return verbEntries(lemma).filter((v) => v.before || v.after);
}

/** The patterns of every block the lemma belongs to, in dictionary order. */
export function patternsFor(lemma: string): CameoPattern[] {
  const blocks = [...new Set(rawEntries(lemma).map((raw) => raw.b))];
  return blocks.flatMap((block) => BLOCKS[block]!.patterns.map((raw) => ({
    block, line: raw.l, pre: raw.pre ?? [], post: raw.post ?? [], ...coding(raw),
  })));
}

/** A synset's members (words and phrases), e.g. synset("military"). */
export function synset(name: string): readonly string[] {
  return SYNSETS[name.replace(/^&/, "").toLowerCase()] ?? [];
}

const MARKERS = new Set(["$", "+", "^"]);
const sameWord = (a: string, b: string) =>
  a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;

/** Does a word, phrase or synset element occur among the words? Returns the words it used. */
function matchTerm(term: string, words: readonly string[]): number {
  if (MARKERS.has(term)) return 0;
  const parts = term.split(" ");
  if (parts.length === 1 && term.startsWith("&")) {
    let best = -1;
    for (const member of synset(term)) best = Math.max(best, matchTerm(member, words));
    return best;
  }
  // A phrase: every word present (synsets inside a phrase match any member).
  for (const part of parts) {
    const ok = part.startsWith("&")
      ? synset(part).some((member) => matchTerm(member, words) >= 0)
      : words.some((w) => sameWord(w, part));
    if (!ok) return -1;
  }
  return parts.length;
}

function matchElements(elements: readonly PatternElement[], words: readonly string[],
  obliques: VerbFrame["obliques"]): number {
  let score = 0;
  for (const element of elements) {
    if (typeof element === "string") {
      const s = matchTerm(element, words);
      if (s < 0) return -1;
      score += s;
      continue;
    }
    const preps = element.p.split("/");
    let best = -1;
    for (const oblique of obliques ?? []) {
      if (!preps.includes(oblique.prep.toLowerCase())) continue;
      const inner = matchElements(element.n ?? [], oblique.words, undefined);
      if (inner >= 0) best = Math.max(best, inner + 1);
    }
    if (best < 0) return -1;
    score += best;
  }
  return score;
}

/** The lemma's patterns that the frame satisfies, most specific first (more matched words),
 *  dictionary order among equals. A pattern matches when each of its words, phrases and
 *  synsets occurs in the subject (before the verb) or in the object and particles (after it),
 *  and each prepositional phrase in an oblique with that preposition. Plural -s is ignored. */
export function matchPatterns(lemma: string, frame: VerbFrame): (CameoPattern & { score: number })[] {
  const subject = frame.subject ?? [];
  const object = frame.object ?? [];
  const out: (CameoPattern & { score: number })[] = [];
  for (const pattern of patternsFor(lemma)) {
    const pre = matchElements(pattern.pre, subject, undefined);
    if (pre < 0) continue;
    const post = matchElements(pattern.post, object, frame.obliques);
    if (post < 0) continue;
    out.push({ ...pattern, score: pre + post });
  }
  return out.map((p, i) => ({ p, i })).sort((a, b) => b.p.score - a.p.score || a.i - b.i).map(({ p }) => p);
}

/** The prepositions a pattern names with their object ("clash over efforts": ["over"]; "to +": the
 *  target), lower case. A bare preposition ("- for") is left out: written for one verb of the
 *  block ("head for"), it would make any oblique of its synonyms a target ("conduct work for X"). */
export function patternPrepositions(pattern: Pick<CameoPattern, "post">): string[] {
  const out: string[] = [];
  for (const element of pattern.post) {
    if (typeof element === "string") continue;
    const named = (element.n ?? []).some((e) => typeof e === "string" && e !== "$" && e !== "^");
    if (!named) continue;
    for (const p of element.p.toLowerCase().split("/")) if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The best matching pattern of a verb occurrence (most specific first), if any pattern matches. */
export function bestPattern(lemma: string, frame: VerbFrame = {}): (CameoPattern & { score: number }) | undefined {
  return matchPatterns(lemma, frame).find((p) => p.score > 0);
}

/** The multiword verbs on the lemma whose other words stand around it: `after` the words that
 *  follow the verb (a particle, a preposition), `before` those right before it. Longest first. */
export function matchPhrases(lemma: string, before: readonly string[], after: readonly string[]): CameoVerb[] {
  const fits = (want: readonly string[] | undefined, got: readonly string[], fromEnd: boolean) => {
    if (!want) return true;
    if (want.length > got.length) return false;
    const slice = fromEnd ? got.slice(got.length - want.length) : got.slice(0, want.length);
    return want.every((w, i) => w === slice[i]);
  };
  return phrasesFor(lemma)
    .filter((v) => fits(v.before, before, true) && fits(v.after, after, false))
    .sort((a, b) => ((b.before?.length ?? 0) + (b.after?.length ?? 0)) - ((a.before?.length ?? 0) + (a.after?.length ?? 0)));
}

/** The coding of one verb occurrence: the best matching pattern's, else the verb's own. */
export function codeVerb(lemma: string, frame: VerbFrame = {}): CameoCoding | undefined {
  const best = bestPattern(lemma, frame);
  if (best) return coding({ c: best.code ?? null, t: best.type, r: best.reverseCode, rt: best.reverseType });
  const own = verbCodes(lemma)[0];
  return own && coding({ c: own.code ?? null, t: own.type, r: own.reverseCode, rt: own.reverseType });
}
