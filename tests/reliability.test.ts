// Nothing lost, nothing hung: builds into one folder exclude each other, signals stop a
// build at once, killed builds leave nothing behind for long, stored extractions and JSON
// Lines dates are checked, output folders that cannot be written are named, folder walks
// skip node_modules and follow symbolic links. Runs the compiled CLI (npm test compiles first).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, watch, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/generate-corpus.js";
import { CLI, runCli } from "./helpers/cli.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-reliability-"));
// Readable by the unprivileged user the permission test runs the CLI as.
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LOCK = ".newsgraph.lock";
const articles = [...generateCorpus({ articles: 120, seed: 11 })];
const corpusFile = path.join(work, "corpus.jsonl");
writeFileSync(corpusFile, articles.map((a) => JSON.stringify(a)).join("\n") + "\n");
const small = path.join(work, "small.txt");
writeFileSync(small, "President Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n");
const other = path.join(work, "other.txt");
writeFileSync(other, "Japan protested to North Korea over the missile launch.\n");

function start(args: string[]): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; at: number }> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  return { child, exited };
}

async function waitFor(condition: () => boolean, what: string, seconds = 120): Promise<void> {
  for (const until = performance.now() + seconds * 1000; performance.now() < until;) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function documentIds(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { documents: { id: string }[] };
  return manifest.documents.map((d) => d.id);
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".tmp") || name === LOCK).sort();
}

/** A pid that is certainly not running: a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("builds into one folder", () => {
  it("exclude each other: a second --update while one runs exits 2, and neither loses documents", async () => {
    const out = path.join(work, "locked");
    expect(runCli(["build", small, "--out", out]).status).toBe(0);
    const first = start(["build", corpusFile, "--update", out, "--workers", "1"]);
    await waitFor(() => existsSync(path.join(out, LOCK)), "the first build's lock");
    const second = runCli(["build", other, "--update", out]);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`newsgraph: ${out} is being built by another newsgraph process (pid ${first.child.pid}): `
      + `wait for it to end (or remove ${path.join(out, LOCK)} if that process is not newsgraph)\n`);
    expect((await first.exited).code).toBe(0);
    expect(documentIds(out)).toEqual([...articles.map((a) => a.id), "small.txt"].sort());
    expect(runCli(["build", other, "--update", out]).status).toBe(0);
    expect(documentIds(out)).toEqual([...articles.map((a) => a.id), "other.txt", "small.txt"].sort());
    expect(leftovers(out)).toEqual([]);
  }, 300_000);

  it("take over the lock of a process that is gone, and refuse one held by a live process", () => {
    const out = path.join(work, "stale-lock");
    mkdirSync(out);
    writeFileSync(path.join(out, LOCK), `${deadPid()}\n`);
    expect(runCli(["build", small, "--out", out]).status).toBe(0);
    expect(leftovers(out)).toEqual([]);
    writeFileSync(path.join(out, LOCK), `${process.pid}\n`);
    const refused = runCli(["build", small, "--out", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^newsgraph: ${out} is being built by another newsgraph process \\(pid ${process.pid}\\)`));
    expect(readFileSync(path.join(out, LOCK), "utf8")).toBe(`${process.pid}\n`);
  });
});

describe("interrupting a build", () => {
  it("SIGTERM stops a build within a second even while one huge document is extracted", async () => {
    const huge = path.join(work, "huge.txt");
    writeFileSync(huge, "Biden met Scholz and Macron ".repeat(110_000));
    const out = path.join(work, "sigterm");
    const build = start(["build", huge, "--out", out]);
    await waitFor(() => existsSync(out) && readdirSync(out).some((name) => name.endsWith(".tmp")), "the staged store");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = performance.now();
    build.child.kill("SIGTERM");
    const { code, at } = await build.exited;
    expect(code).toBe(143);
    expect(at - sent).toBeLessThan(1000);
    expect(leftovers(out)).toEqual([]);
  }, 120_000);

  for (const signal of ["SIGINT", "SIGKILL"] as const) {
    it(`${signal} during the export leaves no temporary file once the next build has run`, async () => {
      const out = path.join(work, `export-${signal}`);
      mkdirSync(out);
      const build = start(["build", corpusFile, "--out", out, "--format", "json,gexf,graphml,csv,cypher"]);
      // Signal the moment the first export file is staged (inotify, not polling: the export is short).
      const watcher = watch(out, (_event, name) => {
        if (name !== null && /^\.graph\.json\.\d+\.0\.tmp$/.test(name)) build.child.kill(signal);
      });
      const { code } = await build.exited;
      watcher.close();
      if (signal === "SIGINT") {
        expect(code).toBe(130);
        expect(leftovers(out)).toEqual([]);
      } else {
        expect(leftovers(out)).toContain(`.graph.json.${build.child.pid}.0.tmp`);
        expect(runCli(["build", small, "--out", out]).status).toBe(0);
        expect(leftovers(out)).toEqual([]);
      }
      expect(existsSync(path.join(out, "graph.json"))).toBe(signal === "SIGKILL");
    }, 300_000);
  }
});

describe("stored extractions", () => {
  const out = path.join(work, "store");
  const storeFile = path.join(out, "extractions.jsonl.gz");
  const storeLines = (): string[] => gunzipSync(readFileSync(storeFile)).toString("utf8").trimEnd().split("\n");
  const writeStore = (lines: string[]): void => writeFileSync(storeFile, gzipSync(lines.join("\n") + "\n"));

  it("are checked on read: a line of the wrong shape or vocabulary is named by file and line, exit 2", () => {
    const inputs = path.join(work, "store-inputs");
    mkdirSync(inputs);
    writeFileSync(path.join(inputs, "a.txt"), readFileSync(small));
    writeFileSync(path.join(inputs, "b.txt"), readFileSync(other));
    expect(runCli(["build", inputs, "--out", out]).status).toBe(0);
    const good = storeLines();
    expect(good).toHaveLength(2);
    const graph = readFileSync(path.join(out, "graph.json"));
    const second = JSON.parse(good[1]) as { document: string; hash: string; entities: { kind: string }[] };

    const cases: [string, string, string][] = [
      ["entities null", JSON.stringify({ ...second, entities: null }), '"entities" is not a list'],
      ["an alien kind", JSON.stringify({ ...second, entities: second.entities.map((e, i) => (i === 0 ? { ...e, kind: "ALIEN" } : e)) }),
        'entities[0].kind "ALIEN" is not one of PERSON, ORGANIZATION, COUNTRY, LOCATION'],
      ["relations not a list", JSON.stringify({ ...second, relations: {} }), '"relations" is not a list'],
      ["null", "null", '"document" is not a non-empty string'],
      ["not JSON", "{oops", "not valid JSON"],
    ];
    for (const [name, line, problem] of cases) {
      writeStore([good[0], line]);
      const result = runCli(["build", small, "--update", out]);
      expect(result.stderr, name).toBe(`newsgraph: ${storeFile}:2: not a stored extraction (${problem}): rebuild without --update\n`);
      expect(result.status, name).toBe(2);
      expect(readFileSync(path.join(out, "graph.json")).equals(graph), name).toBe(true);
    }
    writeStore(good);
    expect(runCli(["build", small, "--update", out]).status).toBe(0);
  }, 120_000);
});

describe("output folders", () => {
  it("--out naming a file is 'not a folder', exit 2", () => {
    const file = path.join(work, "a-file");
    writeFileSync(file, "keep me");
    const result = runCli(["build", small, "--out", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`newsgraph: --out ${file} is not a folder\n`);
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  it("an existing --out folder the user cannot write is one line, exit 2", () => {
    const out = path.join(work, "read-only");
    mkdirSync(out);
    // Root writes anywhere: run the CLI as "nobody" then, in a folder only root may write.
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(out, 0o555);
    const result = spawnSync(process.execPath, [CLI, "build", small, "--out", out], {
      encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.stderr).toBe(`newsgraph: cannot write to ${out}: permission denied\n`);
    expect(result.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("inputs", () => {
  it("JSON Lines dates that do not exist are rejected per line", () => {
    const file = path.join(work, "dates.jsonl");
    const lines = [
      ["ok-date", "2024-02-29"], ["ok-time", "2023-09-13T10:30:00Z"], ["ok-offset", "2023-09-13T10:30+02:00"],
      ["bad-month", "2024-13-45T99:99"], ["bad-day", "2023-02-29"], ["bad-hour", "2023-09-13T24:00"], ["bad-junk", "2023-09-13yesterday"],
    ].map(([id, date], i) => JSON.stringify({ id, text: `Text ${i}: President Vladimir Putin met Kim Jong Un.`, date }));
    writeFileSync(file, lines.join("\n") + "\n");
    const result = runCli(["build", file, "--out", path.join(work, "dates")]);
    expect(result.status).toBe(1);
    const message = (date: string) => `skipped: "date" must be a real ISO date (YYYY-MM-DD, optionally THH:MM[:SS][Z|±HH:MM]), got "${date}"`;
    expect(result.stderr).toBe([
      `newsgraph: ${file}:4: ${message("2024-13-45T99:99")}`,
      `newsgraph: ${file}:5: ${message("2023-02-29")}`,
      `newsgraph: ${file}:6: ${message("2023-09-13T24:00")}`,
      `newsgraph: ${file}:7: ${message("2023-09-13yesterday")}`,
    ].join("\n") + "\n");
    expect(documentIds(path.join(work, "dates"))).toEqual(["ok-date", "ok-offset", "ok-time"]);
  });

  it("folder walks skip node_modules and hidden folders, follow symbolic links to folders and report loops", () => {
    const project = path.join(work, "project");
    const elsewhere = path.join(work, "elsewhere");
    for (const dir of ["node_modules/pkg", ".cache", "articles/deep"]) mkdirSync(path.join(project, dir), { recursive: true });
    mkdirSync(elsewhere);
    writeFileSync(path.join(project, "node_modules/pkg/README.md"), "Putin met Kim.\n");
    writeFileSync(path.join(project, ".cache/note.txt"), "Putin met Kim.\n");
    writeFileSync(path.join(project, "articles/deep/a.txt"), "Putin met Kim in Vladivostok.\n");
    writeFileSync(path.join(elsewhere, "b.txt"), "Japan protested to North Korea.\n");
    symlinkSync(elsewhere, path.join(project, "articles/linked"));
    symlinkSync(project, path.join(project, "articles/loop"));
    const result = runCli(["extract", project]);
    expect(result.stdout.trimEnd().split("\n").map((line) => (JSON.parse(line) as { document: string }).document))
      .toEqual(["articles/deep/a.txt", "articles/linked/b.txt"]);
    expect(result.stderr).toBe(`newsgraph: ${path.join(project, "articles/loop")}: skipped: symbolic link loop (leads back into a folder being read)\n`);
    expect(result.status).toBe(1);
  });
});
