// Runs the examples of README's "Library API" section and of the GraphML/CSV/Cypher part of
// "Output formats" as written, against the committed graph-output/: TypeScript blocks with
// tsx (importing "newsgraph" resolves to this package through package.json "exports", so
// dist/ must be built: `npm test` runs tsc first), shell lines through the compiled CLI,
// Python blocks with networkx, Cypher blocks through Neo4j's parser.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, runCli } from "./helpers/cli.js";
import { REPO_ROOT } from "./helpers/tools.js";
import { findNetworkx, requireTools } from "./fixtures/networkx.js";

const README = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

function section(name: string): string {
  const start = README.indexOf(`<!-- section: ${name} -->`);
  if (start < 0) throw new Error(`README has no section ${name}`);
  const end = README.indexOf("<!-- section:", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

function blocks(text: string, language: string): string[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter((match) => match[1] === language)
    .map((match) => match[2]!);
}

const api = section("api");
const formats = section("formats");
const exportFormats = formats.slice(formats.indexOf("### More formats"));

// Files importing "newsgraph" must sit inside the package for the self-reference to resolve.
const work = mkdtempSync(path.join(REPO_ROOT, ".readme-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("README examples run as written", () => {
  it("has the examples this test expects", () => {
    expect(blocks(api, "ts").length).toBeGreaterThanOrEqual(3);
    expect(blocks(api, "sh").length).toBe(1);
    expect(blocks(exportFormats, "python").length).toBe(1);
    expect(blocks(exportFormats, "cypher").length).toBe(2);
    expect(existsSync(CLI), `${CLI} missing: run npx tsc -p .`).toBe(true);
  });

  blocks(api, "ts").forEach((code, index) => {
    it(`Library API example ${index + 1} runs with tsx`, () => {
      const file = path.join(work, `example-${index + 1}.mts`);
      writeFileSync(file, code);
      const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");
      const result = spawnSync(tsx, [file], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).not.toBe("");
      expect(result.stdout).not.toMatch(/undefined/);
    });
  });

  for (const line of blocks(api, "sh").flatMap((block) => block.split("\n")).filter((l) => l.startsWith("newsgraph "))) {
    it(`shell example: ${line}`, () => {
      const args = [...line.slice("newsgraph ".length).matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)]
        .map((m) => m[1] ?? m[2] ?? m[3]!);
      const result = runCli(args);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(/^no (relations|connection)/);
      expect(result.stdout.trim()).not.toBe("");
    });
  }

  it.skipIf(!findNetworkx().python && !requireTools)("the GraphML Python example runs with networkx", () => {
    const { python, reason } = findNetworkx();
    if (!python) throw new Error(reason);
    for (const code of blocks(exportFormats, "python")) {
      const result = spawnSync(python, ["-c", code], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split("\n")).toHaveLength(5);
    }
  });

  it("the Cypher examples parse in Neo4j's parser", () => {
    const require = createRequire(import.meta.url);
    const { lintCypherQuery } = require("@neo4j-cypher/language-support") as {
      lintCypherQuery: (query: string, schema: object) => Array<{ severity: number; message: string }>;
    };
    for (const code of blocks(exportFormats, "cypher")) {
      expect(lintCypherQuery(code, {}).filter((d) => d.severity === 1)).toEqual([]);
    }
  });
});
