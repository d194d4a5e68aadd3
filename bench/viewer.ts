// Viewer benchmark (not a test), in headless Chromium (WebGL 2 in software): a generated
// graph of 5,000 nodes and 20,000 edges, and the graph `newsgraph build` makes of a
// 3,000-article generated corpus (bench/generate-corpus.ts). For each it prints the time
// to first frame with the page's main-thread time split by a CPU profile into JavaScript
// (the app, graphology, sigma's data processing, GC: what the code controls) and native
// work (mostly WebGL calls waiting on SwiftShader, the software GPU), the phases between the
// app's performance marks, the frames per second while the camera moves, and how long the
// biggest hub's panel takes to open.
// Run: npm run bench:viewer. BENCH_ONLY=generated|corpus runs one graph, BENCH_LABELS=off|on one
// edge-label setting, BENCH_FPS=0 skips the camera moves, BENCH_PROFILE=1 lists the busiest
// functions, BENCH_VIEWER_DIR=dir measures another build of the viewer (before/after runs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { writeCorpus } from "./generate-corpus.js";
import { startServer, type RunningServer } from "../src/node/commands/serve.js";
import {
  OUTPUT_DIR, REPO_ROOT, buildViewer, hasChromium, launchChromium, serveGraph, CHROMIUM,
} from "../tests/viewer/browser.js";
import { generatedGraph } from "../tests/viewer/fixtures.js";

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 3000);
const ONLY = process.env.BENCH_ONLY;
/** A prebuilt viewer to measure instead of this one (for before/after runs). */
const VIEWER_DIR = process.env.BENCH_VIEWER_DIR;
/** BENCH_FPS=0 skips the camera moves (first frame only). */
const FPS = process.env.BENCH_FPS !== "0";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/**
 * Splits the page's main-thread CPU profile up to its first frame: time in JavaScript (the
 * app, graphology, sigma's data processing, garbage collection) versus time blocked in
 * WebGL calls (shader compilation and draws waiting on the GPU process, SwiftShader here).
 */
function splitProfile(profile: Profile, webgl: ReadonlySet<string>): { js: number; gpu: number; idle: number; top: string } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const blockedInWebgl = new Map<number, boolean>();
  const inWebgl = (id: number): boolean => {
    let cached = blockedInWebgl.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id)!;
    cached = (node.callFrame.url === "" && webgl.has(node.callFrame.functionName));
    if (!cached && node.callFrame.url === "" && parent.has(id)) cached = inWebgl(parent.get(id)!) && node.callFrame.functionName === "";
    blockedInWebgl.set(id, cached);
    return cached;
  };
  let js = 0, gpu = 0, idle = 0;
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName;
    if (name === "(idle)" || name === "(program)") idle += dt;
    else if (inWebgl(id)) gpu += dt;
    else {
      js += dt;
      const key = `${name || "(anonymous)"} ${frame.url.split("/").pop()}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    }
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([key, ms]) => `${key} ${ms.toFixed(0)} ms`).join("; ");
  return { js, gpu, idle, top };
}

/**
 * Pans with the mouse (three circles of drags) and zooms with the wheel, as a user does;
 * returns the seconds it took, during which sigma's frames are counted.
 */
async function dragAround(page: Page): Promise<number> {
  const box = (await page.locator("#graph").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const start = performance.now();
  for (let turn = 0; turn < 3; turn++) {
    await page.mouse.move(cx + 150, cy);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      const angle = (i / 24) * 2 * Math.PI;
      await page.mouse.move(cx + 150 * Math.cos(angle), cy + 150 * Math.sin(angle));
    }
    await page.mouse.up();
    await page.mouse.wheel(0, turn % 2 === 0 ? -240 : 240);
  }
  return (performance.now() - start) / 1000;
}

/** Runs in the page: counts sigma's frames. Plain JavaScript text, so no build helper leaks in. */
const COUNT_FRAMES = `(() => {
  const sigma = window.__newsgraph.sigma();
  window.__benchFrames = 0;
  sigma.on("afterRender", () => { window.__benchFrames++; });
})()`;

/** The corpus graph, built once by the CLI into test-output/ (kept for later runs). */
async function corpusGraphFile(): Promise<string> {
  const dir = path.join(OUTPUT_DIR, `bench-corpus-${ARTICLES}`);
  const graph = path.join(dir, "graph.json");
  if (existsSync(graph)) return graph;
  mkdirSync(dir, { recursive: true });
  const corpus = path.join(dir, "corpus.jsonl");
  await writeCorpus({ articles: ARTICLES, seed: 1 }, corpus, "jsonl");
  const cli = path.join(REPO_ROOT, "dist", "node", "cli.js");
  const built = spawnSync(process.execPath, [cli, "build", corpus, "--out", dir, "--format", "json"], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`newsgraph build failed: ${built.stderr}`);
  rmSync(corpus, { force: true });
  return graph;
}

async function measure(browser: Browser, server: RunningServer, name: string): Promise<void> {
  // BENCH_LABELS=off|on measures one setting only.
  const modes = process.env.BENCH_LABELS === "off" ? [false] : process.env.BENCH_LABELS === "on" ? [true] : [false, true];
  for (const edgeLabels of modes) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
    await page.goto(`${server.url}?edgeLabels=${edgeLabels ? "on" : "off"}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 300_000 });
    const { firstRenderMs, counts, marks } = await page.evaluate(() => ({
      firstRenderMs: window.__newsgraph!.firstRenderAt()!,
      counts: window.__newsgraph!.counts(),
      marks: Object.fromEntries(performance.getEntriesByType("mark")
        .filter((mark) => mark.name.startsWith("newsgraph:")).reverse()
        .map((mark) => [mark.name.slice("newsgraph:".length), mark.startTime])),
    }));
    const { profile } = await cdp.send("Profiler.stop") as unknown as { profile: Profile };
    const webgl = new Set(await page.evaluate(() => Object.getOwnPropertyNames(WebGL2RenderingContext.prototype)));
    const split = splitProfile(profile, webgl);
    const at = (name: string): number => marks[name] ?? NaN;
    const phase = (from: number, to: number): string => `${((to - from) / 1000).toFixed(2)}`;
    // Main-thread time of the page so far; the page did nothing else before its first frame.
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (key: string): number => (metrics.find((m) => m.name === key)?.value ?? 0) * 1000;
    const mainThread = metric("TaskDuration");
    let moving = NaN;
    let frames = NaN;
    if (FPS) {
      await page.evaluate(COUNT_FRAMES);
      moving = await dragAround(page);
      frames = await page.evaluate(() => (window as unknown as { __benchFrames: number }).__benchFrames);
    }
    // The biggest hub's panel: from the click to the panel laid out.
    const hub = await page.evaluate(() => {
      const hooks = window.__newsgraph!;
      const graph = hooks.graph()!;
      let best = "";
      graph.forEachNode((node) => { if (!best || graph.degree(node) > graph.degree(best)) best = node; });
      return hooks.selectNode ? { degree: graph.degree(best), ms: hooks.selectNode(best) } : null;
    });
    process.stdout.write(
      `viewer, ${name} (${counts.nodes} nodes, ${counts.edges} edges), edge labels ${edgeLabels ? "on" : "off"}: `
      + `first frame ${(firstRenderMs / 1000).toFixed(2)} s: main thread busy ${(mainThread / 1000).toFixed(2)} s, `
      + `of which JavaScript ${((split.js + split.gpu) / 1000).toFixed(2)} s and native work ${(Math.max(0, mainThread - split.js - split.gpu) / 1000).toFixed(2)} s `
      + `(WebGL calls waiting on the software GPU, style, layout); `
      + `${(frames / moving).toFixed(1)} frames/s while the camera moves `
      + `(${frames} frames in ${moving.toFixed(1)} s)\n`
      + `  phases (s): download ${phase(0, at("fetched"))}, parse ${phase(at("fetched"), at("parsed"))} [JS], `
      + `sigma setup ${phase(at("parsed"), at("view-created"))} [shaders: GPU], app setup ${phase(at("view-created"), at("app-ready"))} [JS], `
      + `first draw ${phase(at("app-ready"), at("drawn"))} [JS + upload], on screen ${phase(at("drawn"), firstRenderMs)} [GPU]\n`
      + (hub ? `  panel of the biggest hub (${hub.degree} relations): ${hub.ms.toFixed(0)} ms\n` : "")
      + (process.env.BENCH_PROFILE === "1" ? `  top JavaScript (self time): ${split.top}\n` : ""),
    );
    await cdp.detach();
    await page.close();
  }
}

if (!hasChromium()) {
  process.stderr.write(`bench:viewer needs ${CHROMIUM} (apt-get install -y chromium)\n`);
  process.exit(2);
}

if (!VIEWER_DIR) await buildViewer();
const browser = await launchChromium();
try {
  if (ONLY !== "corpus") {
    const server = await serveGraph("bench", generatedGraph(NODES, EDGES), VIEWER_DIR);
    try {
      await measure(browser, server, "generated graph");
    } finally {
      await server.close();
      rmSync(path.join(OUTPUT_DIR, "graphs", "bench.json"), { force: true });
    }
  }
  if (ONLY !== "generated") {
    const server = await startServer({ graphFile: await corpusGraphFile(), port: 0, ...(VIEWER_DIR ? { viewerDir: VIEWER_DIR } : {}) });
    try {
      await measure(browser, server, `${ARTICLES}-article corpus graph`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
