// Readers for the training corpora in ../shared/corpora/ (see its README for licences):
// everything becomes LabeledDocument (words, PER/ORG/LOC or none, begins), as src/ner/iob.ts reads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseIob, scoredType, type LabeledDocument, type LabeledSentence, type ScoredType } from "../../src/ner/iob.js";

export const CORPORA = path.join(fileURLToPath(new URL("../..", import.meta.url)), "../shared/corpora");

const read = (relative: string) => readFileSync(path.join(CORPORA, relative), "utf8");

export function uner(split: "train" | "dev" | "test"): LabeledDocument[] {
  return parseIob(read(`uner-english-ewt/en_ewt-ud-${split}.iob2`), `uner-${split}`);
}

export function wikigold(): LabeledDocument[] {
  return parseIob(read("wikigold/wikigold.conll"), "wikigold");
}

export function btc(): LabeledDocument[] {
  return ["a", "b", "e", "f", "g", "h"].flatMap((section) => parseIob(read(`btc/${section}.conll`), `btc-${section}`));
}

export function wnut17(split: "train" | "dev" | "test"): LabeledDocument[] {
  return parseIob(read(`wnut17/${split}.conll`), `wnut17-${split}`);
}

const PROPER = new Set(["NNP", "NNPS"]);
/** Words that may sit inside a name between proper nouns ("Bank of England", "Bailey-Ross"). */
const CONNECTORS = new Set(["of", "the", "&", "-", ".", "de", "du", "la", "van", "von", "der", "al", "bin", "for", "'s", "on"]);

interface GumToken { word: string; xpos: string; head: number }

/** Titles that UNER leaves outside a person's name ("President Obama" -> "Obama"). */
const TITLES = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor",
  "president", "senator", "sen.", "governor", "gov.", "rep.", "representative", "king", "queen", "prince",
  "princess", "sir", "lord", "lady", "general", "gen.", "minister", "pope", "captain", "capt.", "judge",
  "justice", "chief", "secretary", "mayor", "chancellor", "premier", "mp", "sheikh", "emperor", "empress",
  "fellow", "protector", "earl", "duke", "count", "baron", "bishop", "father", "saint", "st.", "uncle", "aunt"]);

let commonWords: Set<string> | undefined;
/**
 * Words written in lower case as nouns, adjectives or verbs at least twice in the UD train
 * splits: a one-word GUM "name" among them with no Wikipedia link ("Court", "Petitioner",
 * "Nation") is a capitalised common noun, not a name.
 */
function common(): Set<string> {
  if (commonWords) return commonWords;
  const counts = new Map<string, number>();
  for (const file of ["ud-english-ewt/en_ewt-ud-train.conllu", "ud-english-gum/en_gum-ud-train.conllu"]) {
    for (const line of read(file).split("\n")) {
      const cols = line.split("\t");
      if (cols.length < 4 || !/^\d+$/.test(cols[0])) continue;
      const word = cols[1];
      if (word !== word.toLowerCase() || !/^(NOUN|ADJ|VERB)$/.test(cols[3])) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  commonWords = new Set([...counts].filter(([, c]) => c >= 2).map(([w]) => w));
  return commonWords;
}
interface GumMention { start: number; end: number; type: ScoredType }

/**
 * GUM's entity annotation marks every mention (pronouns and common nouns too) with a type.
 * A name is the run of proper nouns (NNP/NNPS, with connectors between them) that holds the
 * mention's syntactic head: "the University of Portsmouth, United Kingdom" gives
 * ORG "University of Portsmouth"; "the president of France" gives no PER (its head is a noun).
 * Outer names win over names nested in them. person -> PER, organization -> ORG, place -> LOC.
 */
export function gum(split: "train" | "dev" | "test"): LabeledDocument[] {
  const documents: LabeledDocument[] = [];
  let document: LabeledDocument | undefined;
  let tokens: GumToken[] = [];
  let entities: string[] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    if (!document) { document = { id: `gum-${split}#${documents.length + 1}`, sentences: [] }; documents.push(document); }
    document.sentences.push(gumSentence(tokens, entities));
    tokens = [];
    entities = [];
  };
  for (const line of read(`ud-english-gum/en_gum-ud-${split}.conllu`).split(/\r?\n/)) {
    if (line === "") { flush(); continue; }
    if (line.startsWith("#")) {
      const doc = /^# newdoc id = (.*)$/.exec(line);
      if (doc) { flush(); document = { id: doc[1].trim(), sentences: [] }; documents.push(document); }
      continue;
    }
    const cols = line.split("\t");
    if (!/^\d+$/.test(cols[0])) continue; // multi-word ranges and empty nodes
    tokens.push({ word: cols[1], xpos: cols[4], head: Number(cols[6]) });
    entities.push(/(?:^|\|)Entity=([^|]*)/.exec(cols[9])?.[1] ?? "");
  }
  flush();
  return documents;
}

function gumSentence(tokens: GumToken[], entities: string[]): LabeledSentence {
  const mentions: { start: number; end: number; type: string; linked: boolean }[] = [];
  const open: { eid: string; type: string; start: number; linked: boolean }[] = [];
  entities.forEach((value, i) => {
    for (let k = 0; k < value.length;) {
      if (value[k] === "(") {
        let j = k + 1;
        while (j < value.length && value[j] !== "(" && value[j] !== ")") j++;
        const parts = value.slice(k + 1, j).split("-");
        const [eid, type] = parts;
        // eid-type-infstat-salience-centering-minspan-coref[-Wikipedia_identity]
        const linked = parts.length > 7;
        if (value[j] === ")") { mentions.push({ start: i, end: i + 1, type, linked }); j++; }
        else open.push({ eid, type, start: i, linked });
        k = j;
      } else {
        let j = k;
        while (j < value.length && value[j] !== ")") j++;
        const eid = value.slice(k, j);
        for (let o = open.length - 1; o >= 0; o--) {
          if (open[o].eid === eid) { mentions.push({ start: open[o].start, end: i + 1, type: open[o].type, linked: open[o].linked }); open.splice(o, 1); break; }
        }
        k = j + 1;
      }
    }
  });
  const names: GumMention[] = [];
  for (const mention of mentions) {
    const type = scoredType(mention.type);
    if (!type) continue;
    const inside = (t: number) => t >= mention.start && t < mention.end;
    let head = -1;
    for (let t = mention.start; t < mention.end && head < 0; t++) {
      if (!inside(tokens[t].head - 1)) head = t;
    }
    if (head < 0 || !PROPER.has(tokens[head].xpos)) continue;
    let start = head;
    let end = head + 1;
    while (start > mention.start && (PROPER.has(tokens[start - 1].xpos)
      || (CONNECTORS.has(tokens[start - 1].word.toLowerCase()) && start - 2 >= mention.start && PROPER.has(tokens[start - 2].xpos) && tokens[start - 1].word !== "the"))) start--;
    while (end < mention.end && (PROPER.has(tokens[end].xpos)
      || (CONNECTORS.has(tokens[end].word.toLowerCase()) && end + 1 < mention.end && PROPER.has(tokens[end + 1].xpos)))) end++;
    while (end - start > 1 && !PROPER.has(tokens[end - 1].xpos)) end--;
    while (end - start > 1 && !PROPER.has(tokens[start].xpos)) start++;
    if (type === "PER") {
      while (end - start > 1 && TITLES.has(tokens[start].word.toLowerCase())) start++;
      while (end - start > 1 && !PROPER.has(tokens[start].xpos)) start++;
      // "Senate Democrats", "Libertarians": a group of people, not a person's name.
      if (tokens[end - 1].xpos === "NNPS") continue;
      // "Emperor", "Fellow", "Protector of Mexico": a title or role standing for the person.
      if (TITLES.has(tokens[start].word.toLowerCase()) || common().has(tokens[start].word.toLowerCase()) && !mention.linked && end - start > 1 && !PROPER.has(tokens[start + 1].xpos)) continue;
    }
    if (end - start === 1 && !mention.linked && common().has(tokens[start].word.toLowerCase())) continue;
    names.push({ start, end, type });
  }
  names.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const types: (ScoredType | null)[] = tokens.map(() => null);
  const begins = tokens.map(() => false);
  const taken = new Uint8Array(tokens.length);
  for (const name of names) {
    let free = true;
    for (let t = name.start; t < name.end; t++) if (taken[t]) free = false;
    if (!free) continue;
    for (let t = name.start; t < name.end; t++) { taken[t] = 1; types[t] = name.type; }
    begins[name.start] = true;
  }
  return { words: tokens.map((t) => t.word), types, begins };
}

/** Writes documents as IOB2 (word TAB tag), `# newdoc` between documents: for `newsgraph eval --ner`. */
export function toIob2(documents: readonly LabeledDocument[]): string {
  const out: string[] = [];
  for (const document of documents) {
    out.push(`# newdoc id = ${document.id}`);
    for (const sentence of document.sentences) {
      sentence.words.forEach((word, i) => {
        const type = sentence.types[i];
        out.push(`${word}\t${type === null ? "O" : `${sentence.begins[i] ? "B" : "I"}-${type}`}`);
      });
      out.push("");
    }
  }
  return out.join("\n");
}
