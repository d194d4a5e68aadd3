// Attachment scores of the parser over a treebank, through the real pipeline: each gold
// sentence's text is read by analyze() (wink's tokens, sentences and tags), every sentence
// wink finds is parsed, and the parse is compared with the gold tree on the gold words.
// A gold word scores only when one token covers exactly its characters (so tokenisation
// errors count against the parser), and its head only when the predicted head token is the
// one standing for its gold head.
import { analyze } from "../nlp/index.js";
import { DEP_LABELS } from "./labels.js";
import { parse, parserWeights } from "./index.js";
import { align, type TreebankSentence } from "./treebank.js";

export interface TreebankScore {
  /** Gold words. */
  tokens: number;
  /** Gold words exactly covered by one token. */
  aligned: number;
  uas: number;
  las: number;
  uasNoPunct: number;
  lasNoPunct: number;
  /** Tokens parsed per second (parser only, not wink). */
  wordsPerSecond: number;
}

/** The relation without its subtype is not enough: labels compare in full (nsubj:pass). */
export function scoreTreebank(sentences: readonly TreebankSentence[], now: () => number = () => performance.now()): TreebankScore {
  let tokens = 0, aligned = 0, heads = 0, both = 0, content = 0, contentHeads = 0, contentBoth = 0;
  let parsedWords = 0, parseMs = 0;
  parserWeights(); // loaded before the clock starts: words/s is parsing alone
  for (const sentence of sentences) {
    const analysed = analyze({ id: sentence.id, text: sentence.text });
    const toks = analysed.tokens;
    const upos = toks.map((t) => t.pos);
    const predictedHead = new Int32Array(toks.length).fill(-1);
    const predictedLabel: string[] = new Array<string>(toks.length).fill("");
    const started = now();
    for (const s of analysed.sentences) {
      const words = toks.slice(s.firstToken, s.lastToken).map((t) => t.value);
      const result = parse(words, upos.slice(s.firstToken, s.lastToken));
      for (let i = 0; i < words.length; i++) {
        predictedHead[s.firstToken + i] = result.heads[i] < 0 ? -1 : s.firstToken + result.heads[i];
        predictedLabel[s.firstToken + i] = DEP_LABELS[result.labels[i]];
      }
      parsedWords += words.length;
    }
    parseMs += now() - started;
    const alignment = align(sentence.words, toks, upos);
    sentence.words.forEach((word, w) => {
      tokens++;
      const punct = word.upos === "PUNCT";
      if (!punct) content++;
      if (!alignment.exact[w]) return;
      aligned++;
      const u = alignment.tokenOf[w];
      const goldHead = word.head < 0 ? -1 : alignment.exact[word.head] ? alignment.tokenOf[word.head] : -2;
      if (goldHead === -2 || predictedHead[u] !== goldHead) return;
      const labelRight = predictedLabel[u] === word.deprel;
      heads++;
      if (labelRight) both++;
      if (!punct) {
        contentHeads++;
        if (labelRight) contentBoth++;
      }
    });
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    tokens, aligned,
    uas: ratio(heads, tokens), las: ratio(both, tokens),
    uasNoPunct: ratio(contentHeads, content), lasNoPunct: ratio(contentBoth, content),
    wordsPerSecond: parseMs > 0 ? Math.round(parsedWords / (parseMs / 1000)) : 0,
  };
}
