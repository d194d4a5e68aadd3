// NLP stage: wink-nlp tokens, POS, lemmas and sentences with exact character offsets.
// wink has no offset API, so offsets come from summing precedingSpaces and token lengths.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Document, Sentence } from "../model.js";
import { Doc, type TokenInput } from "../doc/doc.js";
import type { Tokenizer } from "../doc/pipeline.js";
import { splitOverlongSentences } from "./split.js";

export { normalizeText } from "../identity.js";

type Wink = ReturnType<typeof winkNLP>;
// One instance per process: a second winkNLP(model) silently breaks POS patterns.
let instance: Wink | undefined;

/**
 * The annotations the pipeline reads: sentences, POS and lemmas. wink's default pipe also
 * runs its own NER, negation and sentiment automata (a quarter of readDoc's time), whose
 * output nothing here uses; they do not change tokens, POS, lemmas or sentences.
 */
export const WINK_PIPE = ["sbd", "pos"];

export function wink(): Wink {
  instance ??= winkNLP(model, WINK_PIPE);
  return instance;
}

const MAX_WORD = 256;

/**
 * The text as wink is given it, same length so offsets hold. wink slows down with the square
 * of a word's length and of the line breaks in one stretch of white space, so characters
 * past MAX_WORD in a run without spaces, and all but the last line break of a stretch of
 * white space, are read as spaces. Sentences still end at every line break: analyze() finds
 * them in the text itself.
 */
function forWink(text: string): string {
  let prepared = text.replace(/\s{2,}/g, (run) => (/[\n\r]/.test(run) ? " ".repeat(run.length - 1) + "\n" : run));
  if (hasOverlongWord(prepared)) {
    prepared = prepared.replace(/\S{257,}/g, (run) => run.slice(0, MAX_WORD) + " ".repeat(run.length - MAX_WORD));
  }
  return prepared;
}

/** A scan, not /\S{257}/: V8 runs that regex slowly, and this runs on every document. */
function hasOverlongWord(text: string): boolean {
  let run = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 10 || c === 13 || c === 9) run = 0;
    else if (++run > MAX_WORD) return true;
  }
  return false;
}

/** Lower case with straight apostrophes: cheaper than asking wink for its.normal. */
function normalForm(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
}

function isBlank(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 160 && !(c >= 0x2000 && c <= 0x200b)) return false;
  }
  return true;
}

/**
 * Reads the whole text with one readDoc, then also ends a sentence at every line break,
 * so a headline or a dateline without a full stop never merges into the next sentence.
 */
export function analyze(document: Document): Doc {
  const nlp = wink();
  const its = nlp.its;
  const text = document.text;
  const tokens: TokenInput[] = [];
  const sentences: Sentence[] = [];
  const doc = nlp.readDoc(forWink(text));
  const all = doc.tokens();
  const values = all.out() as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as never) as string[];
  // wink keeps line breaks as tokens of their own; they become sentence ends instead.
  const ours = new Int32Array(values.length).fill(-1);
  const lineBreakBefore: boolean[] = [];
  let breakPending = false;
  let nextNewline = text.indexOf("\n");
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i].length;
    if (isBlank(values[i])) {
      cursor += values[i].length;
      if (values[i].includes("\n") || values[i].includes("\r")) breakPending = true;
      continue;
    }
    let start = cursor;
    let value = values[i];
    // Guard against any normalisation wink applies: re-anchor on the real text.
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, start);
      if (found >= 0) start = found;
      value = text.slice(start, start + value.length);
    }
    const end = start + value.length;
    const previousEnd = tokens.length > 0 ? tokens[tokens.length - 1].end : 0;
    // The next line break at or after the previous token, found once per line, not per token.
    if (nextNewline >= 0 && nextNewline < previousEnd) nextNewline = text.indexOf("\n", previousEnd);
    const breakBefore = breakPending || (nextNewline >= 0 && nextNewline < start);
    lineBreakBefore.push(breakBefore);
    breakPending = false;
    ours[i] = tokens.length;
    tokens.push({ start, end, value, normal: normalForm(value), lemma: lemmas[i], pos: pos[i], lineBreakBefore: breakBefore });
    cursor = end;
  }
  const spans = doc.sentences().out(its.span) as unknown as number[][];
  for (const [from, to] of spans) {
    let firstToken = -1;
    let lastToken = -1;
    for (let w = from; w <= to; w++) {
      const t = ours[w];
      if (t < 0) continue;
      if (firstToken >= 0 && lineBreakBefore[t]) {
        push(firstToken, lastToken + 1);
        firstToken = -1;
      }
      if (firstToken < 0) firstToken = t;
      lastToken = t;
    }
    if (firstToken >= 0) push(firstToken, lastToken + 1);
  }
  // Bounds the later stages' work per sentence (see split.ts).
  return Doc.fromTokens(document, tokens, splitOverlongSentences(tokens, sentences));

  function push(firstToken: number, lastToken: number): void {
    const index = sentences.length;
    sentences.push({ index, firstToken, lastToken, start: tokens[firstToken].start, end: tokens[lastToken - 1].end });
  }
}

/** wink's tokenizer, tagger and sentence splitter as the pipeline's first step. */
export const winkTokenizer: Tokenizer = {
  name: "wink",
  assigns: ["tokens", "pos", "lemmas", "sentences"],
  make: analyze,
};
