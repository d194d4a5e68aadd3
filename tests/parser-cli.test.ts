// `newsgraph eval --treebank`: the compiled CLI scores the parser on a CoNLL-U file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scoreTreebank } from "../src/parser/score.js";
import { readConllu } from "../src/parser/treebank.js";
import { runCli } from "./helpers/cli.js";
import { SHARED } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-parser-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The first 150 sentences of EWT dev: small enough to run quickly, real enough to score.
const blocks = readFileSync(path.join(SHARED, "corpora/ud-english-ewt/en_ewt-ud-dev.conllu"), "utf8").split(/\n\n/);
const sample = path.join(work, "sample.conllu");
writeFileSync(sample, blocks.slice(0, 150).join("\n\n") + "\n\n");

describe("eval --treebank", () => {
  it("prints the scores as JSON, the same as the library computes", () => {
    const result = runCli(["eval", "--treebank", sample, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, number>;
    expect(Object.keys(printed)).toEqual(["tokens", "aligned", "uas", "las", "uasNoPunct", "lasNoPunct", "wordsPerSecond"]);
    const expected = scoreTreebank(readConllu(readFileSync(sample, "utf8")));
    expect({ ...printed, wordsPerSecond: 0 }).toEqual({ ...expected, wordsPerSecond: 0 });
    expect(printed.tokens).toBe(readConllu(readFileSync(sample, "utf8")).reduce((n, s) => n + s.words.length, 0));
    expect(printed.aligned).toBeLessThanOrEqual(printed.tokens);
    expect(printed.uas).toBeGreaterThan(0.7);
    expect(printed.las).toBeLessThanOrEqual(printed.uas);
    expect(printed.wordsPerSecond).toBeGreaterThan(0);
  });

  it("prints a readable report", () => {
    const result = runCli(["eval", "--treebank", sample]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^treebank: {2}sample\.conllu \(150 sentences, \d+ gold words\)\n/);
    expect(result.stdout).toMatch(/\nUAS: +\d+\.\d\d {2}\(punctuation excluded: \d+\.\d\d\)\n/);
    expect(result.stdout).toMatch(/\nLAS: +\d+\.\d\d /);
    expect(result.stdout).toMatch(/\naligned: +\d+\.\d\d% /);
  });

  it.each([
    ["a missing file", path.join(work, "none.conllu"), (f: string) => `newsgraph: cannot read treebank file: ${f}`],
    ["a file that is not CoNLL-U", path.join(work, "text.conllu"), (f: string) => `newsgraph: ${f}: not CoNLL-U: line 1: expected 10 tab-separated fields, found 1`],
    ["a file without sentences", path.join(work, "empty.conllu"), (f: string) => `newsgraph: ${f}: no sentences`],
  ])("answers %s with one line and exit 2", (_, file, message) => {
    writeFileSync(path.join(work, "text.conllu"), "This is prose, not a treebank.\n");
    writeFileSync(path.join(work, "empty.conllu"), "\n\n");
    const result = runCli(["eval", "--treebank", file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message(file)}\n`);
  });
});
