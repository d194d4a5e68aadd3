// Shared setup for the browser tests and the viewer benchmark: the Debian Chromium,
// the flags that give WebGL 2 in software, the viewer build and served graphs.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";
import { startServer, type RunningServer } from "../../src/node/commands/serve.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";
export const OUTPUT_DIR = path.join(REPO_ROOT, "test-output", "viewer");

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(args: readonly string[] = CHROMIUM_ARGS): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...args] });
}

/** Builds viewer/dist, as `npm start` does, so the tests run what users get. */
export async function buildViewer(): Promise<void> {
  await build({ configFile: path.join(REPO_ROOT, "viewer", "vite.config.ts"), logLevel: "error" });
}

/** Writes a graph under test-output/viewer/graphs/ and serves it with the viewer. */
export async function serveGraph(name: string, graph: unknown, viewerDir?: string): Promise<RunningServer> {
  const dir = path.join(OUTPUT_DIR, "graphs");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(graph));
  return startServer({ graphFile: file, port: 0, ...(viewerDir ? { viewerDir } : {}) });
}
