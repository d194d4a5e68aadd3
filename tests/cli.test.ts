// The CLI as a user meets it: help, errors, bad files, JSON Lines, atomic writes.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Moscow on Tuesday.\n";
const NESTED = "South Korea's Foreign Ministry said Lim Soo-suk would visit Tokyo.\n";
const CRLF = "Kim Jong Un visited Russia.\r\nPutin welcomed him.\r\n";

// A folder with three good texts (one nested, one .md with BOM and CRLF), three bad ones and
// a file of another type that a folder walk ignores.
const inputs = path.join(work, "inputs");
mkdirSync(path.join(inputs, "sub"), { recursive: true });
writeFileSync(path.join(inputs, "good.txt"), GOOD);
writeFileSync(path.join(inputs, "sub", "nested.txt"), NESTED);
writeFileSync(path.join(inputs, "crlf-bom.md"), "\uFEFF" + CRLF);
writeFileSync(path.join(inputs, "empty.txt"), "");
writeFileSync(path.join(inputs, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
writeFileSync(path.join(inputs, "latin1.txt"), Buffer.from("Caf\xe9 in S\xe3o Paulo.\n", "latin1"));
writeFileSync(path.join(inputs, "notes.json"), "{}");

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

describe("help", () => {
  it("lists the commands", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: newsgraph \[options\] \[command\]/);
    for (const command of ["build", "extract", "eval"]) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it.each([
    ["build", "Usage: newsgraph build [options] [inputs...]", "--out <dir>"],
    ["extract", "Usage: newsgraph extract [options] <inputs...>", "JSON Lines"],
    ["eval", "Usage: newsgraph eval [options] [inputs...]", "--gold <file-or-dir>"],
  ])("explains %s", (command, usage, detail) => {
    const result = runCli([command, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(usage)).toBe(true);
    expect(result.stdout).toContain(detail);
  });
});

describe("usage errors", () => {
  it.each([
    [["build", "--bogus"], "newsgraph: unknown option '--bogus'"],
    [["extract", "--json-lines", "x.txt"], "newsgraph: unknown option '--json-lines'"],
    [["frobnicate"], "newsgraph: unknown command 'frobnicate'"],
    [["extract"], "newsgraph: missing required argument 'inputs'"],
    [["eval", "x.txt"], "newsgraph: required option '--gold <file-or-dir>' not specified"],
    [["extract", "no-such-file.txt"], "newsgraph: no such file or directory: no-such-file.txt"],
    [["build", "no-such-folder", "--out", path.join(work, "never")], "newsgraph: no such file or directory: no-such-folder"],
    [["eval", "--gold", "no-such-gold.json"], "newsgraph: no such file or directory: no-such-gold.json"],
  ])("%j exits 2 with one line and no stack", (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("exits 2 when no input is usable, after naming each bad file", () => {
    const result = runCli(["extract", path.join(inputs, "empty.txt"), path.join(inputs, "binary.txt")]);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `newsgraph: ${path.join(inputs, "empty.txt")}: skipped: empty file`,
      `newsgraph: ${path.join(inputs, "binary.txt")}: skipped: binary file (contains NUL bytes)`,
      "newsgraph: no readable input texts",
    ]);
    expect(result.stdout).toBe("");
  });
});

describe("extract", () => {
  const result = runCli(["extract", inputs]);
  const records = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);

  it("names every bad file, still processes the others and exits 1", () => {
    expect(result.status).toBe(1);
    expect(lines(result.stderr)).toEqual([
      `newsgraph: ${path.join(inputs, "binary.txt")}: skipped: binary file (contains NUL bytes)`,
      `newsgraph: ${path.join(inputs, "empty.txt")}: skipped: empty file`,
      `newsgraph: ${path.join(inputs, "latin1.txt")}: skipped: not valid UTF-8 (byte 3)`,
    ]);
    // Relative to the folder given, in sorted order; .json ignored.
    expect(records.map((r) => r.document)).toEqual(["crlf-bom.md", "good.txt", "sub/nested.txt"]);
  });

  it("prints one JSON object per document in the documented shape", () => {
    for (const record of records) {
      expect(Object.keys(record)).toEqual(["document", "entities", "relations"]);
      for (const entity of record.entities as Record<string, unknown>[]) {
        expect(Object.keys(entity)).toEqual(["id", "name", "kind", "aliases", "mentions"]);
        for (const mention of entity.mentions as Record<string, unknown>[]) {
          expect(Object.keys(mention)).toEqual(["start", "end", "text", "sentence", "form"]);
        }
      }
      for (const relation of record.relations as Record<string, unknown>[]) {
        expect(Object.keys(relation).slice(0, 8)).toEqual([
          "source", "relation", "target", "evidence", "confidence", "modality", "attributedTo", "negated",
        ]);
      }
    }
  });

  it("gives mention offsets into the file's text", () => {
    const texts: Record<string, string> = { "good.txt": GOOD, "sub/nested.txt": NESTED };
    let checked = 0;
    for (const record of records.filter((r) => (r.document as string) in texts)) {
      const text = texts[record.document as string];
      for (const entity of record.entities as { name: string; mentions: { start: number; end: number; text: string }[] }[]) {
        for (const mention of entity.mentions) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
    const good = records.find((r) => r.document === "good.txt") as { entities: { name: string; kind: string }[] };
    expect(good.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Vladimir Putin", "Kim Jong Un"]));
  });

  it("names a single file by its base name", () => {
    const single = runCli(["extract", path.join(inputs, "sub", "nested.txt")]);
    expect(single.status).toBe(0);
    expect(single.stderr).toBe("");
    expect(lines(single.stdout).map((line) => (JSON.parse(line) as { document: string }).document)).toEqual(["nested.txt"]);
  });
});

describe("build", () => {
  it("writes both files atomically, leaves no temporary file, and reports skipped inputs", () => {
    const out = path.join(work, "out");
    const result = runCli(["build", inputs, "--out", out]);
    expect(result.status).toBe(1);
    expect(lines(result.stderr)).toHaveLength(3);
    expect(result.stdout).toMatch(/^built .*out: 3 documents, \d+ entities, \d+ relations in \d+\.\d\d s\n$/);
    expect(readdirSync(out).sort()).toEqual(["extractions.jsonl.gz", "graph.gexf", "graph.json", "manifest.json"]);
  });

  it("fails with one line and touches nothing when the output folder cannot be made", () => {
    const blocker = path.join(work, "blocker");
    writeFileSync(blocker, "not a folder");
    const result = runCli(["build", path.join(inputs, "good.txt"), "--out", path.join(blocker, "graph")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`newsgraph: --out ${path.join(blocker, "graph")} is not a folder (a file is in its path)\n`);
    expect(readFileSync(blocker, "utf8")).toBe("not a folder");
  });

  it("replaces existing output without leaving temporary files", () => {
    const out = path.join(work, "replace");
    mkdirSync(out);
    writeFileSync(path.join(out, "graph.json"), "old");
    const result = runCli(["build", path.join(inputs, "good.txt"), "--out", out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["extractions.jsonl.gz", "graph.gexf", "graph.json", "manifest.json"]);
    expect(readFileSync(path.join(out, "graph.json"), "utf8")).not.toBe("old");
  });
});

describe("eval", () => {
  const goldDir = path.join(work, "gold");
  mkdirSync(goldDir);
  writeFileSync(path.join(goldDir, "good.json"), JSON.stringify({
    document: "good.txt",
    entities: [
      { id: "putin", name: "Vladimir Putin", kind: "PERSON", aliases: ["Putin"] },
      { id: "kim", name: "Kim Jong Un", kind: "PERSON", aliases: ["Kim"] },
      { id: "russia", name: "Russia", kind: "COUNTRY", aliases: ["Moscow"] },
      { id: "north_korea", name: "North Korea", kind: "COUNTRY", aliases: [] },
    ],
    relations: [{ source: "putin", relation: "MEET", target: "kim" }],
  }));

  it("pairs gold files with texts by document name and prints scores", () => {
    const result = runCli(["eval", "--gold", goldDir, inputs, "--json"]);
    expect(result.status).toBe(1); // the bad files of the input folder are reported
    const report = JSON.parse(result.stdout) as { documents: { document: string; entities: { gold: number } }[] };
    expect(report.documents.map((d) => [d.document, d.entities.gold])).toEqual([["good.txt", 4]]);
  });

  it("reports a gold file without a text and still scores the rest", () => {
    writeFileSync(path.join(goldDir, "zz-missing.json"), JSON.stringify({ document: "missing.txt", entities: [], relations: [] }));
    const result = runCli(["eval", "--gold", goldDir, path.join(inputs, "good.txt")]);
    rmSync(path.join(goldDir, "zz-missing.json"));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`newsgraph: ${path.join(goldDir, "zz-missing.json")}: skipped: no input text for document "missing.txt"\n`);
    expect(result.stdout.split("\n")[2]).toMatch(/^good\.txt {2}(\d\.\d{3} ){2}\d\.\d{3}/);
  });

  it("rejects a malformed gold file by name", () => {
    const bad = path.join(work, "bad-gold.json");
    writeFileSync(bad, JSON.stringify({ document: "good.txt", entities: [{ id: "x", name: "X", kind: "THING" }] }));
    const result = runCli(["eval", "--gold", bad, path.join(inputs, "good.txt")]);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `newsgraph: ${bad}: skipped gold file: entities[0].kind "THING" is not an entity kind`,
      "newsgraph: nothing to score: no gold file could be paired with a readable text",
    ]);
  });
});
