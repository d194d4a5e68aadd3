// Training sentences as the pipeline sees them: each treebank sentence's text is read by
// analyze() (wink's tokens and UPOS tags), and the gold tree is carried onto those tokens.
import { readFileSync } from "node:fs";
import { analyze } from "../../src/nlp/index.js";
import { align, projectTree, readConllu } from "../../src/parser/treebank.js";

export interface TrainingSentence {
  words: string[];
  upos: string[];
  heads: Int32Array;
  labels: string[];
  /** Gold UPOS carried onto the tokens (wink's tag for tokens standing for no word). */
  goldUpos: string[];
}

export interface LoadStats {
  sentences: number;
  goldWords: number;
  exactWords: number;
}

/** Reads a CoNLL-U file and re-tokenises/tags each sentence with the pipeline. */
export function loadTreebank(file: string, stats?: LoadStats): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const sentence of readConllu(readFileSync(file, "utf8"))) {
    const analysed = analyze({ id: sentence.id, text: sentence.text });
    const tokens = analysed.tokens;
    if (tokens.length === 0) continue;
    const upos = tokens.map((t) => t.pos);
    const alignment = align(sentence.words, tokens, upos);
    const { heads, labels } = projectTree(sentence.words, alignment, upos);
    const goldUpos = upos.map((tag, u) => (alignment.wordOf[u] >= 0 ? sentence.words[alignment.wordOf[u]].upos : tag));
    out.push({ words: tokens.map((t) => t.value), upos, heads, labels, goldUpos });
    if (stats) {
      stats.sentences++;
      stats.goldWords += sentence.words.length;
      for (const e of alignment.exact) stats.exactWords += e;
    }
  }
  return out;
}
