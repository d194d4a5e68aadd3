// `newsgraph build` is deterministic: same input, same bytes; and the committed graph-output/
// is what `npm start` makes from seeds/ today.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { REPO_ROOT } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(out: string, inputs: string[] = ["seeds"]): Record<string, string> {
  const result = runCli(["build", ...inputs, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^built .+: 1 document, \d+ entities, \d+ relations in \d+\.\d\d s\n$/);
  return Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(path.join(out, name), "utf8")]));
}

describe("newsgraph build", () => {
  const first = build(path.join(work, "first"));

  it("writes graph.json, graph.gexf and the manifest and store that --update reads, nothing else", () => {
    expect(Object.keys(first)).toEqual(["extractions.jsonl.gz", "graph.gexf", "graph.json", "manifest.json"]);
    const json = JSON.parse(first["graph.json"]) as { options: { type: string; multi: boolean }; nodes: unknown[] };
    expect(json.options).toEqual({ type: "directed", multi: true, allowSelfLoops: true });
    expect(json.nodes.length).toBeGreaterThan(0);
  });

  it("gives byte-identical files when run twice", () => {
    expect(build(path.join(work, "second"))).toEqual(first);
  });

  it("matches the committed graph-output/ (regenerate with `npm start` after changing extraction)", () => {
    const committed = path.join(REPO_ROOT, "graph-output");
    for (const name of ["graph.json", "graph.gexf"]) {
      expect(readFileSync(path.join(committed, name), "utf8"), `graph-output/${name} is stale`).toBe(first[name]);
    }
  });
});
