// The entity tagger as a pipeline component: fills the Doc's entIob (ENT_IOB) and entType
// (1 + index into ENTITY_TYPES: PER, ORG, LOC, GPE) columns for every sentence, from the
// tokens' text and wink's UPOS tags. The mentions stage reads these columns: a tagged span
// is a name's boundaries and type (src/mentions/tagged.ts). Needs the ner model (src/models.ts).
import type { Component } from "../doc/pipeline.js";
import { ENT_IOB, UPOS, type Doc } from "../doc/doc.js";
import { ENTITY_TYPES, tagDocument, type EntityType, type TaggerInput } from "./index.js";

export const nerComponent: Component = {
  name: "ner",
  requires: ["tokens", "pos", "sentences"],
  assigns: ["entity-tags"],
  run(doc) {
    const strings = doc.strings.strings;
    const inputs: TaggerInput[] = doc.sentences.map((s) => {
      const n = s.lastToken - s.firstToken;
      const words: string[] = new Array(n);
      const upos: string[] = new Array(n);
      const glued: boolean[] = new Array(n);
      for (let k = 0; k < n; k++) {
        const t = s.firstToken + k;
        words[k] = strings[doc.orth[t]];
        upos[k] = UPOS[doc.pos[t]];
        glued[k] = k > 0 && doc.end[t - 1] === doc.start[t];
      }
      return { words, upos, glued };
    });
    const tagged = tagDocument(inputs);
    const { entIob, entType } = doc;
    doc.sentences.forEach((s, k) => {
      entIob.fill(ENT_IOB.O, s.firstToken, s.lastToken);
      for (const span of tagged[k]) {
        const type = 1 + ENTITY_TYPES.indexOf(span.type);
        for (let t = s.firstToken + span.start; t < s.firstToken + span.end; t++) {
          entIob[t] = t === s.firstToken + span.start ? ENT_IOB.B : ENT_IOB.I;
          entType[t] = type;
        }
      }
    });
  },
};

/** A span the tagger found: absolute token range (end exclusive) and its type. */
export interface EntitySpan {
  firstToken: number;
  lastToken: number;
  type: EntityType;
}

/** The tagged spans of a Doc, read back from its entIob / entType columns, in text order. */
export function entitySpans(doc: Doc): EntitySpan[] {
  const spans: EntitySpan[] = [];
  const { entIob, entType } = doc;
  for (let t = 0; t < doc.length; t++) {
    if (entIob[t] !== ENT_IOB.B) continue;
    let e = t + 1;
    while (e < doc.length && entIob[e] === ENT_IOB.I && entType[e] === entType[t]) e++;
    spans.push({ firstToken: t, lastToken: e, type: ENTITY_TYPES[entType[t] - 1] });
  }
  return spans;
}
