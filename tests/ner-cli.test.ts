// `newsgraph eval --ner FILE [--tagger] [--json]` as a user runs it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { REPO_ROOT, SHARED } from "./helpers/tools.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/ner");
const UNER_TEST = path.join(SHARED, "corpora/uner-english-ewt/en_ewt-ud-test.iob2");

describe("newsgraph eval --ner", () => {
  it("prints P/R/F1 overall and per type as JSON", () => {
    const result = runCli(["eval", "--ner", path.join(FIXTURES, "news.iob2"), "--tagger", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["mentions", "precision", "recall", "f1", "byType"]);
    expect(Object.keys(report.byType)).toEqual(["PER", "ORG", "LOC"]);
    expect(Object.keys(report.byType.PER)).toEqual(["precision", "recall", "f1"]);
    expect(report.mentions).toBe(8);
  });

  it("prints a table by default", () => {
    const result = runCli(["eval", "--ner", path.join(FIXTURES, "news.iob2")]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      `pipeline on ${path.join(FIXTURES, "news.iob2")}: exact typed name mentions`,
      "             P     R    F1    gold predicted",
    ]);
    expect(result.stdout).toMatch(/^all +[\d.]+ +[\d.]+ +[\d.]+ +8 +\d+$/m);
  });

  it.each([
    [["--ner", "no-such.iob2"], "newsgraph: cannot read no-such.iob2"],
    [["--ner", path.join(FIXTURES, "bad.iob2")], `newsgraph: ${path.join(FIXTURES, "bad.iob2")}: line 2: "PERSON-ish" is not an IOB tag`],
    [["--ner", path.join(FIXTURES)], `newsgraph: cannot read ${FIXTURES}`],
  ])("%j exits 2 with one line", (args, message) => {
    const result = runCli(["eval", ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("scores the real pipeline and the tagger alone on UNER English-EWT test", () => {
    const pipeline = JSON.parse(runCli(["eval", "--ner", UNER_TEST, "--json"]).stdout);
    const tagger = JSON.parse(runCli(["eval", "--ner", UNER_TEST, "--tagger", "--json"]).stdout);
    expect(pipeline.mentions).toBe(1088);
    expect(tagger.mentions).toBe(1088);
    // Today's extract() (rules; the tagger is not wired in yet) and the tagger alone.
    expect(pipeline.f1).toBeGreaterThanOrEqual(0.33);
    expect(tagger.f1).toBeGreaterThanOrEqual(0.72);
  }, 180_000);
});
