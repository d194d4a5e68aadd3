// NLP stage: wink-nlp tokens, POS, lemmas and sentences with exact character offsets.
// wink has no offset API, so offsets come from summing precedingSpaces and token lengths.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { AnalyzedText, Document, Sentence, Token } from "../model.js";

type Wink = ReturnType<typeof winkNLP>;
// One instance per process: a second winkNLP(model) silently breaks POS patterns.
let instance: Wink | undefined;

export function wink(): Wink {
  instance ??= winkNLP(model);
  return instance;
}

/** Strips a BOM. CRLF stays, so offsets index the file's own text; analyze() reads "\r\n" as a line end. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, "");
}

/**
 * Splits the text into lines and reads each on its own, so a headline or a dateline
 * without a full stop never merges into the next sentence.
 */
export function analyze(document: Document): AnalyzedText {
  const nlp = wink();
  const its = nlp.its;
  const text = document.text;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd);
    if (line.trim()) readLine(line, lineStart);
    lineStart = lineEnd + 1;
  }
  return { document, tokens, sentences };

  function readLine(line: string, base: number): void {
    const doc = nlp.readDoc(line);
    const values = doc.tokens().out() as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as never) as string[];
    const normals = doc.tokens().out(its.normal) as string[];
    const first = tokens.length;
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      cursor += spaces[i].length;
      let start = cursor;
      // Guard against any normalisation wink applies: re-anchor on the real text.
      if (line.slice(start, start + values[i].length) !== values[i]) {
        const found = line.indexOf(values[i], start);
        if (found >= 0) start = found;
      }
      const end = start + values[i].length;
      tokens.push({
        start: base + start, end: base + end, value: line.slice(start, end),
        normal: normals[i], lemma: lemmas[i], pos: pos[i], sentence: -1,
      });
      cursor = end;
    }
    const spans = doc.sentences().out(its.span) as unknown as number[][];
    for (const [from, to] of spans) {
      const index = sentences.length;
      const firstToken = first + from;
      const lastToken = first + to + 1;
      for (let t = firstToken; t < lastToken; t++) tokens[t].sentence = index;
      sentences.push({
        index, firstToken, lastToken,
        start: tokens[firstToken].start, end: tokens[lastToken - 1].end,
      });
    }
  }
}
