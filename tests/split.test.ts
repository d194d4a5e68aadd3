// Overlong sentences are cut (src/nlp/split.ts); sentences of normal length are left alone.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, normalizeText } from "../src/nlp/index.js";
import { MAX_SENTENCE_TOKENS } from "../src/nlp/split.js";
import type { AnalyzedText } from "../src/model.js";
import { REPO_ROOT, SHARED } from "./helpers/tools.js";

function analyzeText(text: string): AnalyzedText {
  return analyze({ id: "t", text: normalizeText(text) });
}

/** Sentences tile the tokens in order, and each token names its sentence. */
function checkTiling(analyzed: AnalyzedText): void {
  let next = 0;
  analyzed.sentences.forEach((sentence, index) => {
    expect(sentence.index).toBe(index);
    expect(sentence.firstToken).toBe(next);
    expect(sentence.start).toBe(analyzed.tokens[sentence.firstToken].start);
    expect(sentence.end).toBe(analyzed.tokens[sentence.lastToken - 1].end);
    for (let t = sentence.firstToken; t < sentence.lastToken; t++) expect(analyzed.tokens[t].sentence).toBe(index);
    next = sentence.lastToken;
  });
  expect(next).toBe(analyzed.tokens.length);
}

describe("splitting overlong sentences", () => {
  it("cuts a run-on text into pieces of at most MAX_SENTENCE_TOKENS tokens, before a conjunction", () => {
    const analyzed = analyzeText("Biden met Scholz and Macron ".repeat(200));
    expect(analyzed.tokens.length).toBe(1000);
    checkTiling(analyzed);
    expect(analyzed.sentences.length).toBe(6);
    for (const sentence of analyzed.sentences) {
      expect(sentence.lastToken - sentence.firstToken).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
      if (sentence.index > 0) expect(analyzed.tokens[sentence.firstToken].value).toBe("and");
    }
  });

  it("prefers a comma, and a semicolon over a comma", () => {
    const clause = "officials said the talks went well";
    const withComma = analyzeText(Array.from({ length: 60 }, () => clause).join(", "));
    checkTiling(withComma);
    for (const s of withComma.sentences.slice(0, -1)) expect(withComma.tokens[s.lastToken - 1].value).toBe(",");
    const mixed = analyzeText(Array.from({ length: 60 }, (_, i) => clause + (i % 7 === 6 ? ";" : ",")).join(" "));
    checkTiling(mixed);
    for (const s of mixed.sentences.slice(0, -1)) expect(mixed.tokens[s.lastToken - 1].value).toBe(";");
  });

  it("cuts a text of one repeated word at the cap", () => {
    const analyzed = analyzeText("word ".repeat(450));
    checkTiling(analyzed);
    expect(analyzed.sentences.map((s) => s.lastToken - s.firstToken)).toEqual([200, 200, 50]);
  });

  it("no sentence of the seed and dev articles comes near the cap", () => {
    const dirs = [path.join(REPO_ROOT, "seeds"), path.join(SHARED, "dev"), path.join(SHARED, "dev-real")];
    let longest = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
        const analyzed = analyzeText(readFileSync(path.join(dir, name), "utf8"));
        checkTiling(analyzed);
        for (const s of analyzed.sentences) longest = Math.max(longest, s.lastToken - s.firstToken);
      }
    }
    // Far below the cap, so no cut can fall into a normal article.
    expect(longest).toBeLessThan(MAX_SENTENCE_TOKENS / 2);
  });
});
