// Viewer benchmark (not a test): a generated graph of 5,000 nodes and 20,000 edges in
// headless Chromium (WebGL 2 in software). Prints the time to first render and the
// frames per second while the camera moves. Run: npm run bench:viewer
import { rmSync } from "node:fs";
import path from "node:path";
import { OUTPUT_DIR, buildViewer, hasChromium, launchChromium, serveGraph, CHROMIUM } from "../tests/viewer/browser.js";
import { generatedGraph } from "../tests/viewer/fixtures.js";

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20000);
const MOVE_SECONDS = 5;

interface Measurement {
  nodes: number;
  edges: number;
  firstRenderMs: number;
  fps: number;
  frames: number;
  seconds: number;
}

/**
 * Runs in the page: pans, zooms and rotates the camera every animation frame and counts
 * sigma's frames. Plain JavaScript text, so no build helper leaks into the page.
 */
const MEASURE = `async (seconds) => {
  const hooks = window.__newsgraph;
  const sigma = hooks.sigma();
  const camera = sigma.getCamera();
  let frames = 0;
  const count = () => { frames++; };
  sigma.on("afterRender", count);
  const start = performance.now();
  await new Promise((resolve) => {
    const step = (now) => {
      const t = (now - start) / 1000;
      camera.setState({ x: 0.5 + 0.2 * Math.sin(t), y: 0.5 + 0.2 * Math.cos(t), ratio: 0.6 + 0.3 * Math.sin(t / 2), angle: t / 4 });
      if (t < seconds) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  sigma.off("afterRender", count);
  const elapsed = (performance.now() - start) / 1000;
  return { ...hooks.counts(), firstRenderMs: hooks.firstRenderAt(), fps: frames / elapsed, frames, seconds: elapsed };
}`;

if (!hasChromium()) {
  process.stderr.write(`bench:viewer needs ${CHROMIUM} (apt-get install -y chromium)\n`);
  process.exit(2);
}

await buildViewer();
const server = await serveGraph("bench", generatedGraph(NODES, EDGES));
const browser = await launchChromium();
try {
  for (const edgeLabels of [true, false]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}${edgeLabels ? "" : "?edgeLabels=off"}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
    const result = await page.evaluate(`(${MEASURE})(${MOVE_SECONDS})`) as Measurement;
    process.stdout.write(
      `viewer, ${result.nodes} nodes, ${result.edges} edges, edge labels ${edgeLabels ? "on" : "off"}: `
      + `first render ${(result.firstRenderMs / 1000).toFixed(2)} s (target < 3 s), `
      + `${result.fps.toFixed(1)} frames/s while the camera moves (target > 30), `
      + `${result.frames} frames in ${result.seconds.toFixed(1)} s\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(path.join(OUTPUT_DIR, "graphs", "bench.json"), { force: true });
}
