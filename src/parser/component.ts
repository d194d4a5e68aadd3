// The parser as a pipeline component: fills the Doc's `head` (absolute token index, -1 at a
// sentence's root) and `dep` (id into DEP_LABELS) columns, one sentence at a time, from the
// tokens' text and wink's UPOS tags. Needs the parser model (src/models.ts).
import type { Component } from "../doc/pipeline.js";
import { UPOS } from "../doc/doc.js";
import { parseInto } from "./index.js";

export const parserComponent: Component = {
  name: "parser",
  requires: ["tokens", "pos", "sentences"],
  assigns: ["dependencies"],
  run(doc) {
    const { head, dep } = doc;
    const strings = doc.strings.strings;
    for (const sentence of doc.sentences) {
      const first = sentence.firstToken;
      const n = sentence.lastToken - first;
      if (n <= 0) continue;
      const words: string[] = new Array(n);
      const tags: string[] = new Array(n);
      for (let k = 0; k < n; k++) {
        words[k] = strings[doc.orth[first + k]];
        tags[k] = UPOS[doc.pos[first + k]];
      }
      parseInto(words, tags, head, dep, first);
      // Sentence-relative heads become absolute token indexes.
      for (let k = first; k < first + n; k++) if (head[k] >= 0) head[k] += first;
    }
  },
};
