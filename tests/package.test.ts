// The npm package works where it is installed: it ships the compiled library, the built
// viewer and the model files (package.json "files"), nothing for development (tests, benches,
// CI, sources), and `newsgraph build` and `newsgraph serve` run from a folder where it was
// installed without dev dependencies. Installing needs the npm registry (as `npm ci` does).
// The package is staged in a temporary folder (compiled and built there), so this test never
// rewrites dist/ or viewer/dist/ under tests that run meanwhile.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "vite";
import { REPO_ROOT } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NPM_FLAGS = ["--no-audit", "--no-fund", "--no-update-notifier", "--prefer-offline"];

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Paths a package of this repository may hold: what users run, and nothing else. */
const SHIPPED = /^(dist\/|viewer\/dist\/|models\/|package\.json$|README\.md$|LICENSE)/;

describe("the npm package", () => {
  it("lists only the library, the built viewer and the models in its files", () => {
    const [listing] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", ...NPM_FLAGS], REPO_ROOT)) as
      { files: { path: string }[] }[];
    const files = listing.files.map((file) => file.path);
    expect(files.filter((file) => !SHIPPED.test(file))).toEqual([]);
    expect(files).toContain("dist/node/cli.js");
    expect(files.some((file) => /^(tests|bench|scripts|src|\.ci)\//.test(file))).toBe(false);
  });

  it("installs from its tarball without dev dependencies, and builds and serves a graph there", async () => {
    // Stage: package.json and README beside a fresh compile and viewer build.
    const staged = path.join(work, "staged");
    mkdirSync(staged);
    for (const file of ["package.json", "README.md"]) cpSync(path.join(REPO_ROOT, file), path.join(staged, file));
    if (existsSync(path.join(REPO_ROOT, "models"))) cpSync(path.join(REPO_ROOT, "models"), path.join(staged, "models"), { recursive: true });
    run(process.execPath, [path.join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", path.join(staged, "dist")], REPO_ROOT);
    await build({
      configFile: path.join(REPO_ROOT, "viewer", "vite.config.ts"), logLevel: "error",
      build: { outDir: path.join(staged, "viewer", "dist"), emptyOutDir: true },
    });
    const tarball = run("npm", ["pack", "--ignore-scripts", "--pack-destination", work, ...NPM_FLAGS], staged).trim().split("\n").pop()!;

    const app = path.join(work, "app");
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    run("npm", ["install", "--omit=dev", ...NPM_FLAGS, path.join(work, tarball)], app);
    const installed = readdirSync(path.join(app, "node_modules"));
    for (const dev of ["typescript", "vite", "vitest", "tsx", "playwright-core"]) expect(installed).not.toContain(dev);
    const shipped = readdirSync(path.join(app, "node_modules/newsgraph")).sort();
    expect(shipped.filter((name) => !["README.md", "dist", "models", "package.json", "viewer"].includes(name))).toEqual([]);

    const cli = path.join(app, "node_modules/.bin/newsgraph");
    writeFileSync(path.join(app, "article.txt"), "President Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n");
    const built = spawnSync(cli, ["build", "article.txt", "--out", "graph"], { cwd: app, encoding: "utf8" });
    expect(built.stderr).toBe("");
    expect(built.stdout).toMatch(/^built graph: 1 document, \d+ entities, \d+ relations? in \d+\.\d\d s\n$/);
    expect(built.status).toBe(0);

    const server = spawn(cli, ["serve", "graph/graph.json", "--port", "0"], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        server.stdout!.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) resolve(found[0]);
        });
        server.on("exit", (code) => reject(new Error(`serve exited (${code}) before listening`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("newsgraph viewer");
      const graph = await fetch(`${url}graph.json`);
      expect(graph.status).toBe(200);
      expect(((await graph.json()) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
    } finally {
      server.kill("SIGTERM");
    }
  }, 300_000);
});
