// The tagger's building blocks with exact expectations: IOB reading, span scoring, the
// gazetteer look-up, BILOU constraints, the weights format and training determinism.
import { describe, expect, it } from "vitest";
import {
  IobFormatError, evaluateNer, parseIob, projectToWords, rebuildText, scoreSpans, spansOfSentence,
} from "../src/ner/iob.js";
import { decodeGazetteer, listsOf, matchSentence, GAZ_BEGIN, GAZ_LAST, GAZ_UNIT } from "../src/ner/gazetteer.js";
import { allowed, bilou, decodeModel, encodeModel, spansOf } from "../src/ner/tagger.js";
import { FEATURE_VERSION, LABEL_COUNT, makeLabel, BEGIN, INSIDE, LAST, UNIT, sentenceContext } from "../src/ner/features.js";
import { Trainer, seeded } from "../training/ner/perceptron.js";

const spanText = (words: string[], spans: { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${s.type}:${words.slice(s.start, s.end).join(" ")}`);

describe("parseIob", () => {
  it.each([
    ["IOB2, word TAB tag", "John\tB-PER\nSmith\tI-PER\nvisited\tO\nParis\tB-LOC\n", ["PER:John Smith", "LOC:Paris"]],
    ["IO tags (wikigold)", "The I-ORG\nMad I-ORG\nCapsule I-ORG\nplayed O\nTokyo I-LOC\n", ["ORG:The Mad Capsule", "LOC:Tokyo"]],
    ["adjacent B- tags", "Anna\tB-PER\nBob\tB-PER\n", ["PER:Anna", "PER:Bob"]],
    ["UNER's five columns", "1\tIn\tO\t-\t-\n2\tNew\tB-LOC\t-\t-\n3\tYork\tI-LOC\t-\t-\n", ["LOC:New York"]],
    ["BIOES", "Bank\tB-ORG\nof\tI-ORG\nItaly\tE-ORG\nRome\tS-LOC\n", ["ORG:Bank of Italy", "LOC:Rome"]],
    ["WNUT types remapped, others dropped", "Apple\tB-corporation\niPhone\tB-product\nBob\tB-person\n", ["ORG:Apple", "PER:Bob"]],
    ["MISC and OTH are not names here", "German\tB-MISC\nIBM\tB-ORG\nX\tB-OTH\n", ["ORG:IBM"]],
  ])("%s", (_, text, expected) => {
    const [document] = parseIob(text);
    const sentence = document.sentences[0];
    expect(spanText(sentence.words, spansOfSentence(sentence))).toEqual(expected);
  });

  it("starts documents at # newdoc and -DOCSTART-, else one per sentence", () => {
    expect(parseIob("# newdoc id = a\nx\tO\n\ny\tO\n\n# newdoc id = b\nz\tO\n").map((d) => [d.id, d.sentences.length]))
      .toEqual([["a", 2], ["b", 1]]);
    expect(parseIob("-DOCSTART- O\n\nx O\n\ny O\n").map((d) => d.sentences.length)).toEqual([2]);
    expect(parseIob("x\tO\n\ny\tO\n").length).toBe(2);
  });

  it.each([
    ["a line without a tag", "John\n", 'f.iob: line 1: expected a token and a tag'],
    ["a tag that is not IOB", "John\tPERSON\n", 'f.iob: line 1: "PERSON" is not an IOB tag'],
    ["no tokens", "# just a comment\n\n", "f.iob: no tokens (expected one token and its tag a line)"],
  ])("rejects %s with one line", (_, text, message) => {
    expect(() => parseIob(text, "f.iob")).toThrow(IobFormatError);
    expect(() => parseIob(text, "f.iob")).toThrow(message);
  });
});

describe("scoring", () => {
  it("matches exact spans with their type", () => {
    const gold = [[{ start: 0, end: 2, type: "PER" as const }, { start: 3, end: 4, type: "LOC" as const }]];
    const predicted = [[{ start: 0, end: 2, type: "PER" as const }, { start: 3, end: 4, type: "ORG" as const }, { start: 5, end: 6, type: "LOC" as const }]];
    const report = scoreSpans(gold, predicted);
    expect(report.mentions).toBe(2);
    expect(report.precision).toBeCloseTo(1 / 3, 10);
    expect(report.recall).toBeCloseTo(1 / 2, 10);
    expect(report.f1).toBeCloseTo(0.4, 10);
    expect(report.byType.PER).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(report.byType.LOC).toMatchObject({ gold: 1, predicted: 1, correct: 0 });
    expect(report.byType.ORG).toMatchObject({ gold: 0, predicted: 1, correct: 0, f1: 0 });
  });

  it("rebuilds the text from the words and projects character spans back onto them", () => {
    const [document] = parseIob("# newdoc id = d\nDr.\tO\nJane\tB-PER\nDoe\tI-PER\n\nin\tO\nNew\tB-LOC\nYork\tI-LOC\n");
    const rebuilt = rebuildText(document);
    expect(rebuilt.text).toBe("Dr. Jane Doe\nin New York");
    expect(projectToWords(rebuilt, [{ start: 4, end: 12, type: "PER" }, { start: 16, end: 24, type: "LOC" }]))
      .toEqual([[{ start: 1, end: 3, type: "PER" }], [{ start: 1, end: 3, type: "LOC" }]]);
    const report = evaluateNer([document], (text) => [
      { start: text.indexOf("Jane"), end: text.indexOf("Doe") + 3, type: "PER" },
      { start: text.indexOf("York"), end: text.indexOf("York") + 4, type: "LOC" },
    ]);
    expect([report.byType.PER.f1, report.byType.LOC.f1]).toEqual([1, 0]);
  });
});

describe("gazetteer", () => {
  const gazetteer = decodeGazetteer(new TextEncoder().encode("# test\n@country\nfrance\n@city\nnew york\nnew york city\nparis\n@person\nparis\n"));

  it("lists the lists a phrase is in", () => {
    expect(listsOf(gazetteer, "paris")).toEqual(["city", "person"]);
    expect(listsOf(gazetteer, "new york city")).toEqual(["city"]);
    expect(listsOf(gazetteer, "new")).toEqual([]);
  });

  it("marks the longest match of each list, token by token", () => {
    const codes = matchSentence(gazetteer, ["in", "new", "york", "city", "and", "france"]);
    const city = (i: number) => (codes[i] >>> 6) & 7;
    const country = (i: number) => codes[i] & 7;
    expect([0, 1, 2, 3, 4, 5].map(city)).toEqual([0, GAZ_BEGIN, 2, GAZ_LAST, 0, 0]);
    expect(country(5)).toBe(GAZ_UNIT);
  });
});

describe("BILOU", () => {
  it("allows only well-formed sequences", () => {
    const bPer = makeLabel(0, BEGIN), iPer = makeLabel(0, INSIDE), lPer = makeLabel(0, LAST), uLoc = makeLabel(2, UNIT);
    expect(allowed(-1, bPer, false)).toBe(true);
    expect(allowed(-1, iPer, false)).toBe(false);
    expect(allowed(bPer, 0, false)).toBe(false);
    expect(allowed(bPer, lPer, true)).toBe(true);
    expect(allowed(bPer, iPer, true)).toBe(false);
    expect(allowed(-1, bPer, true)).toBe(false);
    expect(allowed(lPer, uLoc, false)).toBe(true);
    expect(allowed(bPer, makeLabel(1, LAST), false)).toBe(false);
  });

  it("round-trips spans", () => {
    const labels = bilou([0, 0, -1, 2, 2, 2, 1], [true, false, false, true, false, false, true]);
    expect(spansOf(labels)).toEqual([{ start: 0, end: 2, type: 0 }, { start: 3, end: 6, type: 2 }, { start: 6, end: 7, type: 1 }]);
  });
});

describe("weights file", () => {
  it("keeps the weights to the companded byte and rejects other files", () => {
    const table = new Float64Array((1 << 4) * LABEL_COUNT);
    table[3] = 2; table[40] = -0.5; table[200] = 0.02;
    const header = { featureVersion: FEATURE_VERSION, bits: 4, labels: LABEL_COUNT, max: 2, passes: 1 };
    const model = decodeModel(encodeModel(header, [table]));
    const weight = (k: number) => model.values[model.tables[0][k] & 0xff];
    expect(weight(3)).toBeCloseTo(2, 6);
    // One byte: within 2% of the weight over the range the tagger uses.
    expect(Math.abs(weight(40) / -0.5 - 1)).toBeLessThan(0.02);
    expect(Math.abs(weight(200) / 0.02 - 1)).toBeLessThan(0.1);
    expect(weight(4)).toBe(0);
    expect(() => decodeModel(new TextEncoder().encode("GIF89a"))).toThrow("not a newsgraph NER model file");
    expect(() => decodeModel(encodeModel({ ...header, featureVersion: FEATURE_VERSION + 1 }, [table]))).toThrow("retrain");
  });

  it("trains to the same bytes from the same data and seed", () => {
    const gazetteer = decodeGazetteer(new TextEncoder().encode("@city\nparis\n"));
    const [document] = parseIob("Anna\tB-PER\nlives\tO\nin\tO\nParis\tB-LOC\n.\tO\n\nBob\tB-PER\nworks\tO\nat\tO\nAcme\tB-ORG\n.\tO\n");
    const examples = document.sentences.map((s) => ({
      context: sentenceContext(s.words, s.words.map(() => "PROPN"), gazetteer),
      labels: bilou(s.types.map((t) => (t === null ? -1 : ["PER", "ORG", "LOC"].indexOf(t))), s.begins),
    }));
    const run = () => {
      const trainer = new Trainer(12);
      const random = seeded(7);
      for (let epoch = 0; epoch < 3; epoch++) trainer.epoch(examples, random);
      const weights = trainer.averaged();
      return encodeModel({ featureVersion: FEATURE_VERSION, bits: 12, labels: LABEL_COUNT, max: Math.max(...weights.map(Math.abs)), passes: 1 }, [weights]);
    };
    expect(Buffer.from(run()).equals(Buffer.from(run()))).toBe(true);
  });
});
