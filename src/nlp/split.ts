// Overlong sentences, split. Later stages look at a sentence as a whole (every verb reads its
// sentence for subjects, objects, modality), so their work grows with the square of a
// sentence's length: text without full stops (a scraped page, a list, a run-on transcript)
// would take minutes. No news sentence comes near MAX_SENTENCE_TOKENS (the longest in the
// seed, dev and dev-real articles has 74 tokens), so normal articles are never touched; a
// longer stretch is cut into pieces of at most MAX_SENTENCE_TOKENS tokens, each cut at the
// best break in the second half of the piece: after ";" or ":" (rule split-clause-mark), else
// after a comma (split-comma), else before a conjunction (split-conjunction), else at the cap
// (split-cap).
import type { Sentence } from "../model.js";

/** What a cut reads of a token; `sentence`, where a token has it, is re-indexed. */
interface SplitToken {
  start: number;
  end: number;
  value: string;
  normal: string;
  sentence?: number;
}

/** Tokens per sentence at most; the work per sentence is bounded by its square. */
export const MAX_SENTENCE_TOKENS = 200;

/** Words that open a new clause: a cut just before one keeps the clause whole. */
const CLAUSE_OPENERS = new Set([
  "and", "but", "or", "nor", "yet", "so", "while", "whereas", "although", "though", "because",
  "after", "before", "when", "which", "who", "where",
]);

/**
 * The sentences with every one longer than `max` tokens cut into pieces of at most `max`
 * tokens. Re-indexes the sentences and each token's `sentence`; returns `sentences` itself
 * when none is too long.
 */
export function splitOverlongSentences(tokens: SplitToken[], sentences: Sentence[], max = MAX_SENTENCE_TOKENS): Sentence[] {
  if (!sentences.some((s) => s.lastToken - s.firstToken > max)) return sentences;
  const result: Sentence[] = [];
  const push = (firstToken: number, lastToken: number): void => {
    const index = result.length;
    for (let t = firstToken; t < lastToken; t++) if (tokens[t].sentence !== undefined) tokens[t].sentence = index;
    result.push({ index, firstToken, lastToken, start: tokens[firstToken].start, end: tokens[lastToken - 1].end });
  };
  for (const sentence of sentences) {
    let first = sentence.firstToken;
    while (sentence.lastToken - first > max) {
      const cut = bestCut(tokens, first, first + max);
      push(first, cut);
      first = cut;
    }
    push(first, sentence.lastToken);
  }
  return result;
}

/** Where to end a piece that starts at `first` and may end at `limit` at the latest. */
function bestCut(tokens: readonly SplitToken[], first: number, limit: number): number {
  const earliest = first + Math.ceil((limit - first) / 2);
  let comma = -1;
  let conjunction = -1;
  for (let t = limit; t > earliest; t--) {
    // A cut at t ends the piece before token t.
    const before = tokens[t - 1].value;
    if (before === ";" || before === ":") return t;
    if (comma < 0 && before === ",") comma = t;
    if (conjunction < 0 && CLAUSE_OPENERS.has(tokens[t].normal)) conjunction = t;
  }
  if (comma >= 0) return comma;
  if (conjunction >= 0) return conjunction;
  return limit;
}
