// Token-per-line NER files (IOB2 / BIO / IO / BIOES; UNER's 5 columns, CoNLL's word-tag):
// reading, rebuilding the text from the tokens, and exact typed span scoring. Browser-safe.

/** The types scored; GPE and our COUNTRY count as LOC. */
export const SCORED_TYPES = ["PER", "ORG", "LOC"] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

export interface LabeledSentence {
  words: string[];
  /** Per word: a scored type, or null outside a name. */
  types: (ScoredType | null)[];
  /** Per word: a name starts here. */
  begins: boolean[];
}

export interface LabeledDocument {
  id: string;
  sentences: LabeledSentence[];
}

export interface TokenSpan { start: number; end: number; type: ScoredType }

export class IobFormatError extends Error {}

/** Corpus type names to the scored types; anything else (MISC, OTH, product...) is not a name here. */
const TYPE_MAP: Record<string, ScoredType> = {
  PER: "PER", PERSON: "PER",
  ORG: "ORG", ORGANIZATION: "ORG", ORGANISATION: "ORG", CORPORATION: "ORG", GROUP: "ORG",
  LOC: "LOC", LOCATION: "LOC", GPE: "LOC", PLACE: "LOC", COUNTRY: "LOC", FAC: "LOC",
};

export function scoredType(name: string): ScoredType | null {
  return TYPE_MAP[name.toUpperCase()] ?? null;
}

const TAG = /^(?:([BIESLU])-(.+)|O)$/;

/**
 * Documents start at `# newdoc` comments and -DOCSTART- lines; without either, every sentence
 * is a document of its own (tweets, questions), so no document-level evidence crosses them.
 */
export function parseIob(text: string, name = "input"): LabeledDocument[] {
  const documents: LabeledDocument[] = [];
  let current: LabeledDocument | undefined;
  let sentence: LabeledSentence = { words: [], types: [], begins: [] };
  let marked = false;
  let lastTag = "O";
  let tokens = 0;
  const closeSentence = () => {
    if (sentence.words.length > 0) {
      if (!marked || !current) { current = { id: `${name}#${documents.length + 1}`, sentences: [] }; documents.push(current); }
      current.sentences.push(sentence);
    }
    sentence = { words: [], types: [], begins: [] };
    lastTag = "O";
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === "") { closeSentence(); continue; }
    if (line.startsWith("#")) {
      const doc = /^#\s*newdoc(?:\s+id\s*=\s*(.*))?/.exec(line);
      if (doc) {
        closeSentence();
        marked = true;
        current = { id: doc[1]?.trim() || `${name}#${documents.length + 1}`, sentences: [] };
        documents.push(current);
      }
      continue;
    }
    const columns = line.includes("\t") ? line.split("\t") : line.trim().split(/\s+/);
    if (columns[0] === "-DOCSTART-") {
      closeSentence();
      marked = true;
      current = { id: `${name}#${documents.length + 1}`, sentences: [] };
      documents.push(current);
      continue;
    }
    if (columns.length < 2) throw new IobFormatError(`${name}: line ${n + 1}: expected a token and a tag`);
    const indexed = columns.length >= 3 && /^\d+$/.test(columns[0]);
    const word = indexed ? columns[1] : columns[0];
    const tag = (indexed ? columns[2] : columns[columns.length - 1]).trim();
    const match = TAG.exec(tag);
    // A blank word in a tab-separated file (BTC has some) carries nothing to read.
    if (word.trim() === "" && match) continue;
    if (!match) throw new IobFormatError(`${name}: line ${n + 1}: "${tag}" is not an IOB tag`);
    const type = match[2] ? scoredType(match[2]) : null;
    const prefix = match[1];
    const previousType = TAG.exec(lastTag)?.[2];
    const begins = type !== null && (prefix === "B" || prefix === "S" || prefix === "U"
      || previousType === undefined || previousType !== match[2]
      || /^[ESLU]-/.test(lastTag));
    sentence.words.push(word);
    sentence.types.push(type);
    sentence.begins.push(begins);
    lastTag = tag;
    tokens++;
  }
  closeSentence();
  if (tokens === 0) throw new IobFormatError(`${name}: no tokens (expected one token and its tag a line)`);
  return documents.filter((d) => d.sentences.length > 0);
}

/** Gold spans of one sentence. */
export function spansOfSentence(sentence: LabeledSentence): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let i = 0; i < sentence.words.length; i++) {
    const type = sentence.types[i];
    if (type === null) continue;
    if (sentence.begins[i] || spans.length === 0 || spans[spans.length - 1].end !== i || spans[spans.length - 1].type !== type) {
      spans.push({ start: i, end: i + 1, type });
    } else spans[spans.length - 1].end = i + 1;
  }
  return spans;
}

export interface RebuiltText {
  text: string;
  /** Per sentence, per word: character offsets in text. */
  offsets: { start: number; end: number }[][];
}

/** The text as a reader would get it: words joined by a space, a sentence a line. */
export function rebuildText(document: LabeledDocument): RebuiltText {
  let text = "";
  const offsets: { start: number; end: number }[][] = [];
  for (const sentence of document.sentences) {
    if (text !== "") text += "\n";
    const row: { start: number; end: number }[] = [];
    sentence.words.forEach((word, k) => {
      if (k > 0) text += " ";
      row.push({ start: text.length, end: text.length + word.length });
      text += word;
    });
    offsets.push(row);
  }
  return { text, offsets };
}

export interface CharSpan { start: number; end: number; type: ScoredType }

/** Predicted character spans onto the words they overlap, sentence by sentence. */
export function projectToWords(rebuilt: RebuiltText, spans: readonly CharSpan[]): TokenSpan[][] {
  const out: TokenSpan[][] = rebuilt.offsets.map(() => []);
  for (const span of spans) {
    for (let s = 0; s < rebuilt.offsets.length; s++) {
      const row = rebuilt.offsets[s];
      if (row.length === 0 || row[row.length - 1].end <= span.start || row[0].start >= span.end) continue;
      let first = -1;
      let last = -1;
      for (let w = 0; w < row.length; w++) {
        if (row[w].end > span.start && row[w].start < span.end) { if (first < 0) first = w; last = w; }
      }
      if (first >= 0) out[s].push({ start: first, end: last + 1, type: span.type });
      break;
    }
  }
  return out;
}

export interface PRF { precision: number; recall: number; f1: number; gold: number; predicted: number; correct: number }
export interface NerReport extends PRF {
  mentions: number;
  byType: Record<ScoredType, PRF>;
}

function prf(gold: number, predicted: number, correct: number): PRF {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Exact typed match: same words, same type. */
export function scoreSpans(gold: readonly TokenSpan[][], predicted: readonly TokenSpan[][]): NerReport {
  const counts = Object.fromEntries(SCORED_TYPES.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }])) as
    Record<ScoredType, { gold: number; predicted: number; correct: number }>;
  for (let s = 0; s < gold.length; s++) {
    const keys = new Set<string>();
    for (const g of gold[s]) { counts[g.type].gold++; keys.add(`${g.start}:${g.end}:${g.type}`); }
    const seen = new Set<string>();
    for (const p of predicted[s] ?? []) {
      const key = `${p.start}:${p.end}:${p.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts[p.type].predicted++;
      if (keys.has(key)) counts[p.type].correct++;
    }
  }
  const total = { gold: 0, predicted: 0, correct: 0 };
  for (const t of SCORED_TYPES) { total.gold += counts[t].gold; total.predicted += counts[t].predicted; total.correct += counts[t].correct; }
  const byType = Object.fromEntries(SCORED_TYPES.map((t) => [t, prf(counts[t].gold, counts[t].predicted, counts[t].correct)])) as Record<ScoredType, PRF>;
  return { mentions: total.gold, ...prf(total.gold, total.predicted, total.correct), byType };
}

/**
 * Scores a predictor that reads text and returns typed character spans: each document's text
 * is rebuilt from its words, predicted, projected back onto the words, and matched exactly.
 */
export function evaluateNer(
  documents: readonly LabeledDocument[], predict: (text: string, id: string) => CharSpan[],
): NerReport {
  const gold: TokenSpan[][] = [];
  const predicted: TokenSpan[][] = [];
  for (const document of documents) {
    const rebuilt = rebuildText(document);
    gold.push(...document.sentences.map(spansOfSentence));
    predicted.push(...projectToWords(rebuilt, predict(rebuilt.text, document.id)));
  }
  return scoreSpans(gold, predicted);
}

export function formatNerReport(report: NerReport, title: string): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (label: string, s: PRF) =>
    `${label.padEnd(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.gold).padStart(7)} ${String(s.predicted).padStart(9)}`;
  return [
    title,
    `${"".padEnd(8)} ${"P".padStart(5)} ${"R".padStart(5)} ${"F1".padStart(5)} ${"gold".padStart(7)} ${"predicted".padStart(9)}`,
    row("all", report),
    ...SCORED_TYPES.map((t) => row(t, report.byType[t])),
    "",
  ].join("\n");
}
