// Viewer benchmark (not a test): a generated graph of 5,000 nodes and 20,000 edges in
// headless Chromium (WebGL 2 in software). Prints the time to first render and the
// frames per second while the camera moves. Run: npm run bench:viewer
import { rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { OUTPUT_DIR, buildViewer, hasChromium, launchChromium, serveGraph, CHROMIUM } from "../tests/viewer/browser.js";
import { generatedGraph } from "../tests/viewer/fixtures.js";

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20000);

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
    await page.goto(`${server.url}?edgeLabels=${edgeLabels ? "on" : "off"}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
    const { firstRenderMs, counts } = await page.evaluate(() => ({
      firstRenderMs: window.__newsgraph!.firstRenderAt()!,
      counts: window.__newsgraph!.counts(),
    }));
    await page.evaluate(COUNT_FRAMES);
    const moving = await dragAround(page);
    const frames = await page.evaluate(() => (window as unknown as { __benchFrames: number }).__benchFrames);
    process.stdout.write(
      `viewer, ${counts.nodes} nodes, ${counts.edges} edges, edge labels ${edgeLabels ? "on" : "off"}: `
      + `first render ${(firstRenderMs / 1000).toFixed(2)} s (target < 3 s), `
      + `${(frames / moving).toFixed(1)} frames/s while the camera moves (target > 30), `
      + `${frames} frames in ${moving.toFixed(1)} s of dragging and zooming\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(path.join(OUTPUT_DIR, "graphs", "bench.json"), { force: true });
}
