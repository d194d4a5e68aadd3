// The trained entity tagger (models/ner/) on real text: held-out test splits it was neither
// trained nor tuned on, and sentences read through the real NLP stage. Thresholds are the
// measured scores minus 0.02 (README, "Entity tagger").
import "./helpers/ner-models.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/nlp/index.js";
import { ENTITY_TYPES, evaluateNer, tagDocument, tagText, gazetteerLists, type NerReport } from "../src/ner/index.js";
import { gum, uner } from "../training/ner/corpora.js";

/** The tagger's names in a text, as "TYPE:words". */
function names(text: string): string[] {
  const analyzed = analyze({ id: "t", text });
  const sentences = analyzed.sentences.map((s) => analyzed.tokens.slice(s.firstToken, s.lastToken));
  const tagged = tagDocument(sentences.map((tokens) => ({
    words: tokens.map((t) => t.value), upos: tokens.map((t) => t.pos),
    glued: tokens.map((t, k) => k > 0 && tokens[k - 1].end === t.start),
  })));
  return tagged.flatMap((row, s) => row.map((span) => `${span.type}:${text.slice(sentences[s][span.start].start, sentences[s][span.end - 1].end)}`));
}

describe("entity tagger on held-out test splits (exact typed F1)", () => {
  const scores: Record<string, NerReport> = {};
  const score = (name: string, read: () => Parameters<typeof evaluateNer>[0]) => (scores[name] ??= evaluateNer(read(), tagText));

  it.each([
    // corpus, overall, PER, ORG, LOC
    ["UNER English-EWT test", 0.72, 0.79, 0.54, 0.78],
    ["GUM test", 0.63, 0.59, 0.59, 0.68],
  ] as const)("%s", (name, overall, per, org, loc) => {
    const report = score(name, () => (name.startsWith("UNER") ? uner("test") : gum("test")));
    expect(report.f1).toBeGreaterThanOrEqual(overall);
    expect(report.byType.PER.f1).toBeGreaterThanOrEqual(per);
    expect(report.byType.ORG.f1).toBeGreaterThanOrEqual(org);
    expect(report.byType.LOC.f1).toBeGreaterThanOrEqual(loc);
  });
});

describe("entity tagger on sentences", () => {
  it("declares its types", () => {
    expect(ENTITY_TYPES).toEqual(["PER", "ORG", "LOC", "GPE"]);
  });

  it.each(SENTENCES)("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("gives the same names on every run and for each sentence alone as in its document", () => {
    const text = SENTENCES.map(([t]) => t).join(" ");
    expect(names(text)).toEqual(names(text));
    expect(tagDocument([])).toEqual([]);
    expect(tagDocument([{ words: [], upos: [] }])).toEqual([[]]);
  });

  it("looks phrases up in the gazetteer lists", () => {
    expect(gazetteerLists("france")).toContain("country");
    expect(gazetteerLists("kandahar")).toContain("city");
    expect(gazetteerLists("president")).toContain("role");
    expect(gazetteerLists("the")).toEqual([]);
  });
});

// News-style sentences through the real NLP stage: names, types (GPE from the gazetteer),
// titles left outside (rules ner.title-outside-name, ner.title-before-person), a transcript
// label and a weekday that are not names, a name wink cuts at "ř" read whole.
const SENTENCES: [string, string[]][] = [
  ["German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.", ["PER:Angela Merkel", "PER:Emmanuel Macron", "GPE:Paris"]],
  ["The United Nations warned that fighting near Kandahar could spread.", ["ORG:United Nations", "GPE:Kandahar"]],
  ["Russian President Vladimir Putin spoke with Chinese leader Xi Jinping by phone.", ["PER:Vladimir Putin", "PER:Xi Jinping"]],
  ["The World Health Organization said the outbreak in Uganda was under control.", ["ORG:World Health Organization", "GPE:Uganda"]],
  ["Lt. Gen. John Smith told Reuters that the army would withdraw from Mosul.", ["PER:John Smith", "ORG:Reuters", "GPE:Mosul"]],
  ["Antonín Dvořák moved to New York City in 1892.", ["PER:Antonín Dvořák", "GPE:New York City"]],
  ["Microsoft and Google agreed to pay fines imposed by the European Commission.", ["ORG:Microsoft", "ORG:Google", "ORG:European Commission"]],
  ["Kenya's President William Ruto visited Washington last week.", ["PER:William Ruto", "GPE:Washington"]],
  ["QUESTION: What did the minister say on Tuesday?", []],
];
