// Gold names onto the pipeline's own tokens: the text is rebuilt from the corpus words (as
// `newsgraph eval --ner` does), read by analyze() (wink tokens, POS, sentences), and each wink
// token takes the name of the corpus word its first character is in. The tagger is trained on
// exactly what it sees at run time.
import { analyze } from "../../src/nlp/index.js";
import { rebuildText, spansOfSentence, SCORED_TYPES, type LabeledDocument } from "../../src/ner/iob.js";
import { bilou } from "../../src/ner/tagger.js";

export interface TrainingSentence {
  words: string[];
  upos: string[];
  glued: boolean[];
  /** BILOU labels (src/ner/features.ts). */
  labels: Uint8Array;
}

export interface TrainingDocument {
  id: string;
  sentences: TrainingSentence[];
}

export function alignDocument(document: LabeledDocument): TrainingDocument {
  const rebuilt = rebuildText(document);
  const { text } = rebuilt;
  // Per character: the name it belongs to (index into names) or -1.
  const owner = new Int32Array(text.length).fill(-1);
  const nameType: number[] = [];
  document.sentences.forEach((sentence, s) => {
    for (const span of spansOfSentence(sentence)) {
      const id = nameType.length;
      nameType.push(SCORED_TYPES.indexOf(span.type));
      const from = rebuilt.offsets[s][span.start].start;
      const to = rebuilt.offsets[s][span.end - 1].end;
      owner.fill(id, from, to);
    }
  });
  const analyzed = analyze({ id: document.id, text });
  const sentences: TrainingSentence[] = [];
  for (const sentence of analyzed.sentences) {
    const tokens = analyzed.tokens.slice(sentence.firstToken, sentence.lastToken);
    const names = tokens.map((t) => owner[t.start]);
    const types = names.map((name) => (name < 0 ? -1 : nameType[name]));
    const begins = names.map((name, k) => name >= 0 && (k === 0 || names[k - 1] !== name));
    sentences.push({ words: tokens.map((t) => t.value), upos: tokens.map((t) => t.pos),
      glued: tokens.map((t, k) => k > 0 && tokens[k - 1].end === t.start), labels: bilou(types, begins) });
  }
  return { id: document.id, sentences };
}
