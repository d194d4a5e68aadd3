// The parser as a pipeline component: fills the Doc's `head` (absolute token index, -1 at a
// sentence's root) and `dep` (id into DEP_LABELS) columns, one sentence at a time, from the
// tokens' text and wink's UPOS tags. Needs the parser model (src/models.ts).
import type { Component } from "../doc/pipeline.js";
import { UPOS } from "../doc/doc.js";
import { parseInto } from "./index.js";

/**
 * Longest stretch parsed as one: a "sentence" without full stops (a list, a megabyte of text)
 * is parsed in windows of this many tokens, each with its own root, so time stays linear.
 */
export const MAX_PARSE_TOKENS = 150;

export const parserComponent: Component = {
  name: "parser",
  requires: ["tokens", "pos", "sentences"],
  assigns: ["dependencies"],
  run(doc) {
    const { head, dep } = doc;
    const strings = doc.strings.strings;
    for (const sentence of doc.sentences) {
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
  },
};
