// The entity tagger: names and their types (PER, ORG, LOC, GPE) in sentences the NLP stage
// has read. Weights and gazetteer come through src/models.ts (models/ner/), so this runs in
// browsers and workers as in Node. Training lives in training/ner/ and is never imported here.
import { loadModel } from "../models.js";
import { analyze } from "../nlp/index.js";
import { MODEL_TYPES } from "./features.js";
import { decodeGazetteer, listsOf, type Gazetteer, type GazetteerList } from "./gazetteer.js";
import { decodeModel, tagSentences, type TaggerModel } from "./tagger.js";
import { personAfterTitles, trimTitles } from "./rules.js";
import type { CharSpan, ScoredType } from "./iob.js";

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "GPE"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const NER_WEIGHTS_FILE = "ner/weights.bin";
export const NER_GAZETTEER_FILE = "ner/gazetteer.txt";

export interface TaggedSpan {
  /** Token index of the first word and one past the last, within its sentence. */
  start: number;
  end: number;
  type: EntityType;
}

export interface TaggerInput {
  words: readonly string[];
  /** wink's Universal POS tag per word (the NLP stage's Token.pos). */
  upos: readonly string[];
  /**
   * Optional, per word: true when it follows the previous word with no space between
   * (Token.start === previous Token.end). wink cuts words at letters outside Latin-1
   * ("Dvořák" -> "Dvo" "ř" "ák"); with this the tagger reads such pieces as one word.
   */
  glued?: readonly boolean[];
}

export function nerModel(): TaggerModel {
  return loadModel(NER_WEIGHTS_FILE, decodeModel);
}

export function nerGazetteer(): Gazetteer {
  return loadModel(NER_GAZETTEER_FILE, decodeGazetteer);
}

/** The gazetteer lists a phrase is in ("new york" -> ["city", ...]); tokens lower-cased, one space. */
export function gazetteerLists(phrase: string): GazetteerList[] {
  return listsOf(nerGazetteer(), phrase);
}

/**
 * Rule ner.gpe-from-gazetteer: a LOC name that the gazetteer lists as a country, a city or a
 * Phoenix country-level place is a GPE (a place with a government). The entity stage decides
 * COUNTRY or LOCATION from that by the rules of relations.md.
 */
const GPE_LISTS: readonly GazetteerList[] = ["country", "city", "place"];

function isGpe(gazetteer: Gazetteer, words: readonly string[], start: number, end: number): boolean {
  const phrase = words.slice(start, end).map((w) => w.toLowerCase().replace(/’/g, "'")).join(" ");
  return listsOf(gazetteer, phrase).some((list) => GPE_LISTS.includes(list));
}

/** Names per sentence: token spans (end exclusive), in order, not overlapping. */
export function tagDocument(sentences: readonly TaggerInput[]): TaggedSpan[][] {
  const model = nerModel();
  const gazetteer = nerGazetteer();
  return tagSentences(model, gazetteer, sentences).map((row, s) => {
    const words = sentences[s].words;
    return row.map((span) => {
      let type: EntityType = MODEL_TYPES[span.type];
      let start = span.start;
      if (type !== "PER" && span.end - start > 2) {
        const person = personAfterTitles(gazetteer, words, start, span.end);
        if (person >= 0) { type = "PER"; start = person; }
      }
      if (type === "PER" && span.end - start > 1) {
        start = trimTitles(gazetteer, words.map((w) => w.toLowerCase()), start, span.end);
      }
      if (type === "LOC" && isGpe(gazetteer, words, start, span.end)) type = "GPE";
      return { start, end: span.end, type };
    });
  });
}

/** The tagger alone on a text (read by the NLP stage): typed character spans, GPE scored as LOC. */
export function tagText(text: string, id = "text"): CharSpan[] {
  const analyzed = analyze({ id, text });
  const sentences = analyzed.sentences.map((s) => {
    const tokens = analyzed.tokens.slice(s.firstToken, s.lastToken);
    return {
      tokens, words: tokens.map((t) => t.value), upos: tokens.map((t) => t.pos),
      glued: tokens.map((t, k) => k > 0 && tokens[k - 1].end === t.start),
    };
  });
  const tagged = tagDocument(sentences);
  const spans: CharSpan[] = [];
  tagged.forEach((row, s) => {
    for (const span of row) {
      const type: ScoredType = span.type === "GPE" ? "LOC" : span.type;
      spans.push({ start: sentences[s].tokens[span.start].start, end: sentences[s].tokens[span.end - 1].end, type });
    }
  });
  return spans;
}

export { parseIob, evaluateNer, formatNerReport, IobFormatError, SCORED_TYPES } from "./iob.js";
export type { LabeledDocument, NerReport, PRF, CharSpan, ScoredType } from "./iob.js";
export { GAZETTEER_LISTS, type GazetteerList } from "./gazetteer.js";
