// Corpus builds (src/node/corpus): folders and JSON Lines, worker threads, incremental
// updates, failing documents, interruption. CLI cases run the compiled CLI (npm test compiles
// first); library cases run the sources.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, type GeneratedArticle } from "../bench/generate-corpus.js";
import { hashText } from "../src/extract.js";
import { toJson } from "../src/export/index.js";
import { buildCorpus, countWords, type CorpusOptions } from "../src/node/corpus/index.js";
import { mapOrdered } from "../src/node/corpus/extractor.js";
import { plan } from "../src/node/corpus/plan.js";
import { CLI, runCli } from "./helpers/cli.js";
import { REPO_ROOT } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FAILING_EXTRACTOR = pathToFileURL(path.join(REPO_ROOT, "tests/fixtures/corpus/failing-extract.mjs")).href;
const quiet = { start() {}, advance() {}, stop() {} };

/** Every file of a folder (recursively), by relative path, as bytes in hex-free Buffers. */
function snapshot(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    try {
      files[name] = readFileSync(full);
    } catch {
      // a folder
    }
  }
  return files;
}

function writeTxtTree(dir: string, articles: GeneratedArticle[]): void {
  for (const article of articles) {
    const folder = path.join(dir, article.date.slice(0, 7));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${article.id}.txt`), article.text);
  }
}

function writeJsonLines(file: string, articles: GeneratedArticle[]): void {
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join("\n") + "\n");
}

async function build(options: Partial<CorpusOptions> & { inputs: string[]; out: string }) {
  const result = await buildCorpus({ progress: quiet, ...options });
  return result;
}

/** Graph, manifest and store of a library build, as the CLI would write them. */
async function buildBytes(options: Partial<CorpusOptions> & { inputs: string[]; out: string }) {
  const result = await build(options);
  await result.commit();
  return {
    result,
    graph: toJson(result.graph),
    manifest: readFileSync(path.join(options.out, "manifest.json"), "utf8"),
    store: readFileSync(path.join(options.out, "extractions.jsonl.gz")),
  };
}

// 16 generated articles: even ones as a folder tree of .txt, odd ones as JSON Lines, so the
// documents an update adds sort between the ones already built.
const articles = [...generateCorpus({ articles: 16, seed: 7 })];
const evenDir = path.join(work, "even");
const oddFile = path.join(work, "odd.jsonl");
writeTxtTree(evenDir, articles.filter((_, i) => i % 2 === 0));
writeJsonLines(oddFile, articles.filter((_, i) => i % 2 === 1));

describe("plan", () => {
  it("keeps unchanged documents, replaces changed ones and counts a text once, under its smallest id", () => {
    const decided = plan(
      [{ id: "a", hash: "1" }, { id: "b", hash: "2" }, { id: "d", hash: "4" }],
      [{ id: "b", hash: "2" }, { id: "d", hash: "5" }, { id: "c", hash: "1" }, { id: "0", hash: "6" }, { id: "e", hash: "6" }],
    );
    expect(decided.keep.map((slot) => [slot.entry.id, slot.stored])).toEqual([["0", false], ["a", true], ["b", true], ["d", false]]);
    expect(decided.extract.map((entry) => entry.id)).toEqual(["0", "d"]);
    expect(decided.unchanged.map((entry) => entry.id)).toEqual(["b"]);
    expect(decided.replaced).toEqual(["d"]);
    expect(decided.duplicates.map((d) => [d.entry.id, d.sameAs])).toEqual([["c", "a"], ["e", "0"]]);
  });
});

describe("mapOrdered", () => {
  it("yields results in input order with a bounded number in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 15, 2, 25, 3];
    const seen: number[] = [];
    for await (const { item, result } of mapOrdered(delays.keys(), async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delays[i]));
      inFlight--;
      return i * 10;
    }, 3)) {
      expect(result).toBe(item * 10);
      seen.push(item);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});

describe("corpus build (library)", () => {
  it("reads a folder tree and JSON Lines, naming documents by relative path and by id", async () => {
    const { result, manifest } = await buildBytes({ inputs: [evenDir, oddFile], out: path.join(work, "lib-all"), workers: 1 });
    const ids = (JSON.parse(manifest) as { documents: { id: string }[] }).documents.map((d) => d.id);
    const expected = articles.map((a, i) => (i % 2 === 0 ? `${a.date.slice(0, 7)}/${a.id}.txt` : a.id)).sort();
    expect(ids).toEqual(expected);
    expect(result.problems).toEqual([]);
    expect(result.stats.documents).toBe(16);
    expect(result.stats.extracted).toBe(16);
    // Every node lists the documents it appears in; every document is in some node.
    const documents = new Set<string>();
    result.graph.forEachNode((_key, a) => a.documents.forEach((d) => documents.add(d)));
    expect([...documents].sort()).toEqual(expected);
  }, 120_000);

  it("keeps each JSON Lines document's date and source on its evidence", async () => {
    const { result } = await buildBytes({ inputs: [oddFile], out: path.join(work, "lib-odd"), workers: 1 });
    const byId = new Map(articles.map((a) => [a.id, a]));
    let checked = 0;
    result.graph.forEachEdge((_key, a) => {
      for (const evidence of a.evidence) {
        expect([evidence.date, evidence.source]).toEqual([byId.get(evidence.document)!.date, byId.get(evidence.document)!.source]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  }, 120_000);

  it("gives the same bytes with one worker and with two threads", async () => {
    const one = await buildBytes({ inputs: [evenDir, oddFile], out: path.join(work, "lib-w1"), workers: 1 });
    const two = await buildBytes({ inputs: [evenDir, oddFile], out: path.join(work, "lib-w2"), workers: 2, minWordsForThreads: 0 });
    expect(one.result.stats.workers).toBe(1);
    expect(two.result.stats.workers).toBe(2);
    expect(two.graph).toBe(one.graph);
    expect(two.manifest).toBe(one.manifest);
    expect(two.store.equals(one.store)).toBe(true);
  }, 180_000);

  it("updates without re-extracting, to the bytes of a full build, and adding the same documents again changes nothing", async () => {
    const out = path.join(work, "lib-update");
    await buildBytes({ inputs: [evenDir], out, workers: 1 });
    const updated = await buildBytes({ inputs: [oddFile], out, update: out, workers: 1 });
    expect(updated.result.stats).toMatchObject({ documents: 16, extracted: 8, unchanged: 0 });
    const full = await buildBytes({ inputs: [evenDir, oddFile], out: path.join(work, "lib-full"), workers: 1 });
    expect(updated.graph).toBe(full.graph);
    expect(updated.manifest).toBe(full.manifest);
    expect(updated.store.equals(full.store)).toBe(true);

    const again = await buildBytes({ inputs: [oddFile, evenDir], out, update: out, workers: 1 });
    expect(again.result.stats).toMatchObject({ documents: 16, extracted: 0, unchanged: 16, failed: 0 });
    expect(again.graph).toBe(full.graph);
    expect(again.store.equals(full.store)).toBe(true);
  }, 180_000);

  it("replaces a document whose text changed and counts a text given twice once", async () => {
    const dir = path.join(work, "changing");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "a.txt"), "President Vladimir Putin met Kim Jong Un in Vladivostok.");
    writeFileSync(path.join(dir, "b.txt"), "North Korea fired two missiles toward the sea.");
    const out = path.join(work, "lib-changing");
    await buildBytes({ inputs: [dir], out, workers: 1 });
    writeFileSync(path.join(dir, "b.txt"), "Japan protested to North Korea over the missile launch.");
    writeFileSync(path.join(dir, "c.txt"), "President Vladimir Putin met Kim Jong Un in Vladivostok.");
    const updated = await buildBytes({ inputs: [dir], out, update: out, workers: 1 });
    expect(updated.result.stats).toMatchObject({ documents: 2, extracted: 1, unchanged: 1, replaced: 1, duplicates: 1 });
    expect(updated.result.notes).toEqual([{ path: path.join(dir, "c.txt"), message: 'same text as "a.txt": counted once' }]);
    const full = await buildBytes({ inputs: [dir], out: path.join(work, "lib-changing-full"), workers: 1 });
    expect(updated.graph).toBe(full.graph);
    expect(updated.manifest).toBe(full.manifest);
    const lines = gunzipSync(updated.store).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { document: string; hash: string });
    expect(lines.map((l) => [l.document, l.hash])).toEqual([
      ["a.txt", hashText("President Vladimir Putin met Kim Jong Un in Vladivostok.")],
      ["b.txt", hashText("Japan protested to North Korea over the missile launch.")],
    ]);
  }, 120_000);

  for (const workers of [1, 2]) {
    it(`reports a document whose extraction throws by name and builds the rest (${workers} worker${workers > 1 ? "s" : ""})`, async () => {
      const file = path.join(work, `failing-${workers}.jsonl`);
      writeJsonLines(file, [
        { id: "ok-1", text: "President Vladimir Putin met Kim Jong Un in Vladivostok.", date: "2023-09-13", source: "AP" },
        { id: "bad", text: "This text will EXPLODE the extractor.", date: "2023-09-14", source: "AP" },
        { id: "ok-2", text: "Japan protested to North Korea over the missile launch.", date: "2023-09-15", source: "AP" },
      ]);
      const out = path.join(work, `lib-failing-${workers}`);
      const { result, manifest } = await buildBytes({
        inputs: [file], out, workers, minWordsForThreads: 0, extractor: FAILING_EXTRACTOR,
      });
      expect(result.problems).toEqual([{ path: `${file}:2`, message: "skipped: extraction failed: cannot read bad" }]);
      expect(result.stats).toMatchObject({ documents: 2, extracted: 2, failed: 1, workers });
      expect((JSON.parse(manifest) as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual(["ok-1", "ok-2"]);
      // Not stored, so the next update tries the failed document again.
      const retried = await build({ inputs: [file], out, update: out, workers: 1 });
      await retried.discard();
      expect(retried.stats).toMatchObject({ extracted: 1, unchanged: 2 });
      expect(retried.stats.documents).toBe(3);
    }, 120_000);
  }

  it("names each bad JSON Lines record by file and line and builds the good ones", async () => {
    const file = path.join(work, "mixed.jsonl");
    writeFileSync(file, [
      JSON.stringify({ id: "good", text: "President Vladimir Putin met Kim Jong Un in Vladivostok." }),
      "{not json",
      JSON.stringify({ id: "", text: "no id" }),
      JSON.stringify({ id: "no-text" }),
      "",
      JSON.stringify({ id: "blank", text: "   " }),
      JSON.stringify({ id: "bad-date", text: "Some text.", date: "yesterday" }),
      JSON.stringify(["an", "array"]),
      JSON.stringify({ id: "good", text: "Another text under a name already used." }),
    ].join("\r\n"));
    const result = await build({ inputs: [file], out: path.join(work, "lib-mixed"), workers: 1 });
    await result.discard();
    expect(result.problems.map((p) => [p.path, p.message.replace(/\(.*\)$/, "(...)")])).toEqual([
      [`${file}:2`, "skipped: not valid JSON (...)"],
      [`${file}:3`, 'skipped: "id" must be a non-empty string'],
      [`${file}:4`, 'skipped: "text" must be a string'],
      [`${file}:6`, "skipped: empty text"],
      [`${file}:7`, 'skipped: "date" must be a real ISO date (YYYY-MM-DD, optionally THH:MM[:SS][Z|±HH:MM]), got "yesterday"'],
      [`${file}:8`, 'skipped: expected an object {"id", "text", "date"?, "source"?}'],
      [`${file}:9`, `skipped: same document name "good" as ${file}:1`],
    ]);
    expect(result.stats.documents).toBe(1);
    // Nothing was committed: the staged files are gone and nothing else was written.
    expect(readdirSync(path.join(work, "lib-mixed"))).toEqual([]);
  }, 60_000);
});

describe("newsgraph build (corpus)", () => {
  // Above the 10,000 words from which the CLI starts threads.
  const big = [...generateCorpus({ articles: 30, seed: 11 })];
  const bigFile = path.join(work, "big.jsonl");
  writeJsonLines(bigFile, big);

  it("writes byte-identical output with --workers 1 and --workers 2", () => {
    expect(big.reduce((sum, a) => sum + countWords(a.text), 0)).toBeGreaterThan(10_000);
    const outputs = [1, 2].map((workers) => {
      const out = path.join(work, `cli-w${workers}`);
      const result = runCli(["build", bigFile, "--out", out, "--workers", String(workers)]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^built .*cli-w\d: 30 documents, \d+ entities, \d+ relations in \d+\.\d\d s\n$/);
      return snapshot(out);
    });
    expect(Object.keys(outputs[0]).sort()).toEqual(["extractions.jsonl.gz", "graph.gexf", "graph.json", "manifest.json"]);
    expect(outputs[1]).toEqual(outputs[0]);
  }, 240_000);

  it("--update adds documents to the bytes of a full build; again, it changes nothing", () => {
    const out = path.join(work, "cli-update");
    expect(runCli(["build", evenDir, "--out", out]).status).toBe(0);
    const update = runCli(["build", oddFile, "--update", out]);
    expect(update.stderr).toBe("");
    expect(update.stdout).toMatch(/^updated .*cli-update: 16 documents, \d+ entities, \d+ relations in \d+\.\d\d s\n$/);
    const full = path.join(work, "cli-full");
    expect(runCli(["build", oddFile, evenDir, "--out", full]).status).toBe(0);
    const updated = snapshot(out);
    expect(updated).toEqual(snapshot(full));
    expect(runCli(["build", oddFile, "--update", out]).status).toBe(0);
    expect(snapshot(out)).toEqual(updated);
  }, 240_000);

  it("refuses --update of a folder without a manifest, or whose store does not match it", () => {
    const empty = path.join(work, "no-graph");
    mkdirSync(empty);
    const missing = runCli(["build", oddFile, "--update", empty]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`newsgraph: ${empty} has no manifest.json: build it first (newsgraph build ... --out ${empty})\n`);

    const out = path.join(work, "cli-mismatch");
    expect(runCli(["build", evenDir, "--out", out]).status).toBe(0);
    const before = snapshot(out);
    writeFileSync(path.join(out, "extractions.jsonl.gz"), readFileSync(path.join(work, "lib-odd", "extractions.jsonl.gz")));
    const mismatch = runCli(["build", oddFile, "--update", out]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toBe(`newsgraph: ${path.join(out, "extractions.jsonl.gz")} does not match manifest.json (interrupted build?): rebuild without --update\n`);
    expect(snapshot(out)["graph.json"].equals(before["graph.json"])).toBe(true);

    rmSync(path.join(out, "extractions.jsonl.gz"));
    const noStore = runCli(["build", oddFile, "--update", out]);
    expect(noStore.status).toBe(2);
    expect(noStore.stderr).toBe(`newsgraph: ${out} has manifest.json but no extractions.jsonl.gz: rebuild without --update\n`);
  }, 120_000);

  it("rejects a bad --workers value with one line", () => {
    const result = runCli(["build", oddFile, "--workers", "0", "--out", path.join(work, "never")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('newsgraph: --workers: expected a whole number from 1, got "0"\n');
  });

  for (const signal of ["SIGINT", "SIGKILL"] as const) {
    it(`leaves the previous output as it was when a build is interrupted (${signal})`, async () => {
      const out = path.join(work, `cli-interrupt-${signal}`);
      expect(runCli(["build", oddFile, "--out", out]).status).toBe(0);
      const before = snapshot(out);
      const large = path.join(work, `large-${signal}.jsonl`);
      writeJsonLines(large, [...generateCorpus({ articles: 400, seed: 3 })]);
      const child = spawn(process.execPath, [CLI, "build", large, "--out", out, "--workers", "2"], { stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? -1 : null))));
      // Interrupt once the build has started writing its staged store.
      for (let waited = 0; waited < 60_000; waited += 20) {
        if (readdirSync(out).some((name) => name.endsWith(".tmp"))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill(signal);
      const code = await exited;
      expect(code).toBe(signal === "SIGINT" ? 130 : -1);
      const after = snapshot(out);
      // The lock file too: kill -9 leaves it, and the next build takes it over.
      const left = Object.keys(after).filter((name) => name.endsWith(".tmp") || name === ".newsgraph.lock");
      // SIGINT cleans up; SIGKILL cannot, and the next build removes what it left.
      expect(left.length > 0).toBe(signal === "SIGKILL");
      for (const name of left) delete after[name];
      expect(after).toEqual(before);
      if (signal === "SIGKILL") {
        expect(runCli(["build", oddFile, "--out", out]).status).toBe(0);
        expect(snapshot(out)).toEqual(before);
      }
    }, 180_000);
  }
});
