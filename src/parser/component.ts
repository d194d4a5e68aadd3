// The parser as a pipeline component: fills the Doc's `head` (absolute token index, -1 at a
// sentence's root) and `dep` (id into DEP_LABELS) columns, one sentence at a time, from the
// tokens' text and wink's UPOS tags, and marks each sentence it parsed in `doc.parsed`.
// Needs the parser model (src/models.ts).
//
// The pipeline's parser runs after the entities and parses only the sentences where the
// relation stage can read a parse: its argument rules (src/relations/arguments.ts) need an
// actor entity (a PERSON, ORGANIZATION or COUNTRY) mentioned in the sentence, so a sentence
// without one is skipped (its heads stay -1, `parsed` 0) and the extraction is the same as
// with every sentence parsed. `fullParserComponent` parses every sentence.
import type { Component } from "../doc/pipeline.js";
import { UPOS, type Doc } from "../doc/doc.js";
import { ACTOR_KINDS } from "../relations/context.js";
import { parseInto } from "./index.js";

/**
 * Longest stretch parsed as one: a "sentence" without full stops (a list, a megabyte of text)
 * is parsed in windows of this many tokens, each with its own root, so time stays linear.
 */
export const MAX_PARSE_TOKENS = 150;

/**
 * Per sentence, 1 when an actor entity (PERSON, ORGANIZATION, COUNTRY) has a mention in it:
 * every argument rule needs an actor in the sentence, and the other end may come from an
 * earlier one ("The sanctions were condemned by China": the agent of the sanctions read before).
 */
export function actorSentences(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.sentences.length);
  const actors = new Set<string>();
  for (const e of doc.entities) if (ACTOR_KINDS.has(e.kind)) actors.add(e.id);
  for (const m of doc.spans.entities.items) {
    if (!actors.has(m.entity)) continue;
    const from = doc.sentence[m.firstToken];
    const to = doc.sentence[m.lastToken - 1];
    if (from < 0 || to < 0) continue;
    for (let s = from; s <= to; s++) out[s] = 1;
  }
  return out;
}

/** Parses the sentences `select` marks (all when absent) into the Doc's columns. */
export function parseDoc(doc: Doc, select?: Uint8Array): void {
  const { head, dep, parsed } = doc;
  const strings = doc.strings.strings;
  for (const sentence of doc.sentences) {
    if (select && select[sentence.index] !== 1) continue;
    parsed[sentence.index] = 1;
    for (let first = sentence.firstToken; first < sentence.lastToken; first += MAX_PARSE_TOKENS) {
      const n = Math.min(sentence.lastToken - first, MAX_PARSE_TOKENS);
      const words: string[] = new Array(n);
      const tags: string[] = new Array(n);
      for (let k = 0; k < n; k++) {
        words[k] = strings[doc.orth[first + k]];
        tags[k] = UPOS[doc.pos[first + k]];
      }
      parseInto(words, tags, head, dep, first);
      // Window-relative heads become absolute token indexes.
      for (let k = first; k < first + n; k++) if (head[k] >= 0) head[k] += first;
    }
  }
}

/** The pipeline's parser: after the entities, the sentences that mention an actor. */
export const parserComponent: Component = {
  name: "parser",
  requires: ["tokens", "pos", "sentences", "mentions", "entities"],
  assigns: ["dependencies"],
  run(doc) {
    parseDoc(doc, actorSentences(doc));
  },
};

/** A parser of every sentence, for callers that read the parse themselves (right after wink). */
export const fullParserComponent: Component = {
  name: "parser",
  requires: ["tokens", "pos", "sentences"],
  assigns: ["dependencies"],
  run(doc) {
    parseDoc(doc);
  },
};
