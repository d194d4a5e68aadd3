// The viewer in a real browser (Debian Chromium, WebGL 2 in software), served by
// `newsgraph serve`'s server: the seed graph, search and panel, filters and the URL,
// pasted text, and hostile text that must stay text.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityKind } from "../../src/model.js";
import type { RunningServer } from "../../src/node/commands/serve.js";
import { startServer } from "../../src/node/commands/serve.js";
import { FADED_NODE_COLOR, NODE_COLORS } from "../../viewer/src/palette.js";
import { OUTPUT_DIR, REPO_ROOT, buildViewer, hasChromium, launchChromium, serveGraph } from "./browser.js";
import { parse as parseCsv } from "csv-parse/sync";
import { loadGraph } from "../../src/node/load.js";
import { queryGraph } from "../../src/query/load.js";
import { DATED_CORPUS, XSS_PAYLOAD, XSS_SCRIPT, hubGraph, syntheticGraph, xssGraph } from "./fixtures.js";

interface SerializedEdge { key: string; source: string; target: string; attributes: Record<string, any> }
interface SerializedNode { key: string; attributes: Record<string, any> }
interface GraphFile { nodes: SerializedNode[]; edges: SerializedEdge[] }

const browserMissing = !hasChromium();
const underCi = process.env.CI === "true";

if (browserMissing && !underCi) {
  console.warn("viewer browser tests skipped: /usr/bin/chromium is missing (apt-get install -y chromium)");
}

describe.runIf(browserMissing && underCi)("viewer browser tests under CI", () => {
  it("needs /usr/bin/chromium", () => {
    expect.fail("/usr/bin/chromium is missing: CI must install it (apt-get install -y chromium)");
  });
});

describe.skipIf(browserMissing)("viewer in Chromium", () => {
  let browser: Browser;
  let seed: RunningServer;
  let seedGraph: GraphFile;
  let synthetic: RunningServer;
  let dated: RunningServer;
  let datedGraph: GraphFile;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await buildViewer();
    // The seed graph exactly as `npm start` builds it: the CLI's build command on seeds/.
    const seedDir = path.join(OUTPUT_DIR, "seed");
    const cli = path.join(REPO_ROOT, "dist", "node", "cli.js");
    if (!existsSync(cli)) throw new Error("dist/node/cli.js is missing: run `npx tsc -p .` (npm test does)");
    const built = spawnSync(process.execPath, [cli, "build", "seeds", "--out", seedDir], { cwd: REPO_ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`newsgraph build failed: ${built.stderr}`);
    const seedFile = path.join(seedDir, "graph.json");
    seedGraph = JSON.parse(readFileSync(seedFile, "utf8")) as GraphFile;
    seed = await startServer({ graphFile: seedFile, port: 0 });
    synthetic = await serveGraph("synthetic", syntheticGraph());
    // A dated corpus through the CLI, from JSON Lines with dates and sources.
    const datedDir = path.join(OUTPUT_DIR, "dated");
    mkdirSync(datedDir, { recursive: true });
    const corpus = path.join(datedDir, "corpus.jsonl");
    writeFileSync(corpus, DATED_CORPUS.map((article) => JSON.stringify(article)).join("\n") + "\n");
    const builtDated = spawnSync(process.execPath, [cli, "build", corpus, "--out", datedDir], { cwd: REPO_ROOT, encoding: "utf8" });
    if (builtDated.status !== 0) throw new Error(`newsgraph build failed: ${builtDated.stderr}`);
    datedGraph = JSON.parse(readFileSync(path.join(datedDir, "graph.json"), "utf8")) as GraphFile;
    dated = await startServer({ graphFile: path.join(datedDir, "graph.json"), port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await seed?.close();
    await synthetic?.close();
    await dated?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    return page;
  }

  const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

  it("draws every node and edge of the seed graph.json", async () => {
    const page = await open(seed.url);
    expect(seedGraph.nodes.length).toBeGreaterThan(0);
    const rendered = await page.evaluate(() => window.__newsgraph!.rendered());
    expect(rendered).toEqual({ nodes: seedGraph.nodes.length, edges: seedGraph.edges.length });
    await expect(page.locator("#counts").textContent()).resolves.toBe(
      `${seedGraph.nodes.length} of ${seedGraph.nodes.length} actors · ${seedGraph.edges.length} of ${seedGraph.edges.length} relations`);
    await expect(page.locator("#empty-message").isHidden()).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it("paints a canvas that is not blank, and saves a screenshot", async () => {
    const page = await open(seed.url);
    const file = path.join(OUTPUT_DIR, "graph-canvas.png");
    const png = await page.locator("#graph").screenshot({ path: file });
    const stats = await pixelStats(page, png);
    // A blank canvas has one colour; a drawn graph has node, edge and label colours.
    expect(stats.colors).toBeGreaterThan(20);
    expect(stats.inked).toBeGreaterThan(0.002);
    expect(existsSync(file)).toBe(true);
  });

  it("searching Putin opens his panel with the MEET relation with Kim Jong Un and its evidence", async () => {
    const putin = seedGraph.nodes.find((n) => /Putin/.test(n.attributes.label));
    const kim = seedGraph.nodes.find((n) => n.attributes.label === "Kim Jong Un");
    expect(putin, "the seed graph has a node for Putin").toBeDefined();
    expect(kim, "the seed graph has a node for Kim Jong Un").toBeDefined();
    const meet = seedGraph.edges.find((e) => e.attributes.relation === "MEET"
      && [e.source, e.target].sort().join() === [putin!.key, kim!.key].sort().join());
    expect(meet, "the seed graph has Putin MEET Kim Jong Un").toBeDefined();

    const page = await open(seed.url);
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search-input");
    await page.keyboard.type("Putin");
    await page.waitForSelector("#search-suggestions li");
    await expect(page.locator("#search-suggestions li").first().getAttribute("data-node")).resolves.toBe(putin!.key);
    await page.keyboard.press("Enter");

    await expect(page.locator("#panel h2").textContent()).resolves.toBe(putin!.attributes.label);
    const item = page.locator(`#panel ul.relations[data-relation="MEET"] li[data-edge="${meet!.key}"]`);
    await expect(item.locator(".statement").textContent()).resolves.toContain("Kim Jong Un");
    const quotes = await item.locator("blockquote").allTextContents();
    expect(quotes).toEqual(meet!.attributes.evidence.map((e: { text: string }) => e.text));
    await expect(item.locator("mark").allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/Putin|Kim/)]));
    await expect(page.evaluate(() => new URL(location.href).searchParams.get("node"))).resolves.toBe(putin!.key);

    const shot = path.join(OUTPUT_DIR, "viewer.png");
    await page.screenshot({ path: shot });
    // The README's picture; refreshed on request so test runs leave the work tree clean.
    const docs = path.join(REPO_ROOT, "docs", "viewer.png");
    if (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(docs)) {
      mkdirSync(path.dirname(docs), { recursive: true });
      copyFileSync(shot, docs);
    }

    await page.keyboard.press("Escape");
    await expect(page.locator("#panel").isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => new URL(location.href).searchParams.get("node"))).resolves.toBe(null);
  });

  it("hides the edges of an unchecked relation type, and a link restores the filter", async () => {
    const graph = syntheticGraph();
    const accusations = graph.edges.filter((e) => e.attributes!.relation === "ACCUSE").map((e) => e.key!);
    expect(accusations.length).toBe(2);
    const page = await open(synthetic.url);
    await expect(page.evaluate(() => window.__newsgraph!.rendered())).resolves.toEqual({
      nodes: graph.nodes.length, edges: graph.edges.length,
    });

    await page.locator('#filter-relations input[value="ACCUSE"]').uncheck();
    const filtered = { nodes: graph.nodes.length, edges: graph.edges.length - accusations.length };
    expect(await renderedOnceSettled(page, filtered)).toEqual(filtered);
    const hidden = await page.evaluate((keys) => keys.map((key) =>
      window.__newsgraph!.sigma()!.getEdgeDisplayData(key)?.visibility), accusations);
    expect(hidden).toEqual(["hidden", "hidden"]);
    await expect(page.locator('#filter-relations label[data-value="ACCUSE"] .count').textContent()).resolves.toBe("0");
    const url = page.url();
    expect(new URL(url).searchParams.get("hideRelations")).toBe("ACCUSE");

    const again = await open(url);
    await expect(again.locator('#filter-relations input[value="ACCUSE"]').isChecked()).resolves.toBe(false);
    expect(await renderedOnceSettled(again, filtered)).toEqual(filtered);
  });

  it("fades all but a hovered node's neighbourhood, and opens a clicked node's panel", async () => {
    const graph = syntheticGraph();
    const node = "port-royal";
    const neighbours = new Set(graph.edges.filter((e) => e.source === node || e.target === node)
      .flatMap((e) => [e.source, e.target]));
    const stranger = graph.nodes.map((n) => n.key).find((key) => !neighbours.has(key))!;
    const friend = [...neighbours].find((key) => key !== node)!;
    const page = await open(synthetic.url);
    const { x, y } = await page.evaluate((key) => {
      const sigma = window.__newsgraph!.sigma()!;
      const point = sigma.framedGraphToViewport(sigma.getNodeDisplayData(key)!);
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }, node);
    await page.mouse.move(x, y);
    await page.waitForFunction((key) => window.__newsgraph!.sigma()!.getNodeState(key).isHovered, node);
    // Styles are evaluated again on the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const colors = await page.evaluate(([a, b]) => {
      const sigma = window.__newsgraph!.sigma()!;
      return [sigma.getNodeDisplayData(a)!.color, sigma.getNodeDisplayData(b)!.color];
    }, [friend, stranger]);
    const friendKind = graph.nodes.find((n) => n.key === friend)!.attributes!.kind as EntityKind;
    expect(colors).toEqual([NODE_COLORS[friendKind], FADED_NODE_COLOR]);

    await page.mouse.click(x, y);
    await expect(page.locator("#panel h2").textContent()).resolves.toBe("Port Royal");
    await page.locator(`#panel button.link[data-node="${friend}"]`).first().click();
    await expect(page.locator("#panel h2").getAttribute("data-node")).resolves.toBe(friend);
    await expect(page.evaluate(() => new URL(location.href).searchParams.get("node"))).resolves.toBe(friend);

    await page.locator("#toggle-edge-labels").uncheck();
    await expect(page.evaluate(() => window.__newsgraph!.sigma()!.getSetting("renderEdgeLabels"))).resolves.toBe(false);
    await expect(page.evaluate(() => new URL(location.href).searchParams.get("edgeLabels"))).resolves.toBe("off");
  });

  it("adds the actors of a pasted article to the graph", async () => {
    const page = await open(synthetic.url);
    const before = await page.evaluate(() => window.__newsgraph!.counts());
    await page.locator("#toggle-paste").click();
    await page.locator("#paste-title").fill("summit.txt");
    await page.locator("#paste-text").fill(
      "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. "
      + "Scholz said Germany would support France.");
    await page.locator("#paste-submit").click();
    await page.waitForSelector("#paste-panel[data-status=done], #paste-panel[data-status=error]", { timeout: 60_000 });
    await expect(page.locator("#paste-status").textContent()).resolves.toMatch(/^summit\.txt: \d+ actors found/);
    const labels = await page.evaluate(() => window.__newsgraph!.graph()!.mapNodes((_, a) => a.label));
    expect(labels).toEqual(expect.arrayContaining(["Olaf Scholz", "Emmanuel Macron"]));
    const after = await page.evaluate(() => window.__newsgraph!.counts());
    expect(after.nodes).toBeGreaterThanOrEqual(before.nodes + 2);
    expect(await renderedOnceSettled(page, after)).toEqual(after);
    const documents = await page.evaluate(() => {
      const graph = window.__newsgraph!.graph()!;
      const scholz = graph.findNode((_, a) => a.label === "Olaf Scholz");
      return scholz ? graph.getNodeAttribute(scholz, "documents") : null;
    });
    expect(documents).toEqual(["summit.txt"]);
    // The camera follows: the new actors end up inside the stage.
    await page.waitForFunction(() => {
      const sigma = window.__newsgraph!.sigma()!;
      const graph = window.__newsgraph!.graph()!;
      const { width, height } = sigma.getContainer().getBoundingClientRect();
      return ["Olaf Scholz", "Emmanuel Macron"].every((label) => {
        const node = graph.findNode((_, a) => a.label === label);
        const data = node ? sigma.getNodeDisplayData(node) : undefined;
        if (!data || sigma.getCamera().isAnimating()) return false;
        const point = sigma.framedGraphToViewport(data);
        return point.x >= 0 && point.x <= width && point.y >= 0 && point.y <= height;
      });
    }, undefined, { timeout: 10_000 });
    expect(pageErrors(page)).toEqual([]);
  });

  it("shows names and evidence that are HTML as text, and runs none of it", async () => {
    const server = await serveGraph("xss", xssGraph());
    try {
      const dialogs: string[] = [];
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on("dialog", (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
      await page.goto(`${server.url}?node=evil`);
      await page.waitForSelector("body[data-ready=true]");
      const evil = `Evil ${XSS_PAYLOAD}`;
      await expect(page.locator("#panel h2").textContent()).resolves.toBe(evil);
      await expect(page.locator("#panel .aliases li").allTextContents()).resolves.toEqual([XSS_SCRIPT]);
      const quote = await page.locator("#panel blockquote").textContent();
      expect(quote).toBe(`${evil} accused Victim ${XSS_PAYLOAD} of ${XSS_SCRIPT} things.`);
      await expect(page.locator("#panel .source").first().textContent()).resolves.toContain(`doc ${XSS_SCRIPT}.txt`);

      await page.locator("#search-input").fill("Evil");
      await page.waitForSelector("#search-suggestions li");
      await expect(page.locator("#search-suggestions li .name").first().textContent()).resolves.toBe(evil);

      await page.locator("#panel .statement .verb").first().click();
      await expect(page.locator("#panel blockquote").textContent()).resolves.toBe(quote);

      const injected = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss ?? 0,
        images: document.querySelectorAll("img").length,
        scripts: [...document.scripts].filter((script) => script.textContent?.includes("__xss")).length,
      }));
      expect(injected).toEqual({ xss: 0, images: 0, scripts: 0 });
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it("opens a GEXF file, runs and stops ForceAtlas2, and exports the view as PNG", async () => {
    const page = await open(`${seed.url}?node=vladimir-putin`);
    const gexf = path.join(OUTPUT_DIR, "seed", "graph.gexf");
    // The file holds the same graph as the page shows: wait for the graph object to change.
    await page.evaluate(() => { (window as unknown as { shownBefore: unknown }).shownBefore = window.__newsgraph!.graph(); });
    await page.locator("#open-graph-input").setInputFiles(gexf);
    await page.waitForFunction(() => window.__newsgraph!.graph() !== (window as unknown as { shownBefore: unknown }).shownBefore);
    const expected = { nodes: seedGraph.nodes.length, edges: seedGraph.edges.length };
    expect(await renderedOnceSettled(page, expected)).toEqual(expected);
    await expect(page.evaluate(() => window.__newsgraph!.counts())).resolves.toEqual(expected);
    // A new graph starts with no selection.
    await expect(page.locator("#panel").isHidden()).resolves.toBe(true);

    const positions = () => page.evaluate(() => window.__newsgraph!.graph()!.mapNodes((_, a) => [a.x, a.y]));
    const before = await positions();
    await page.locator("#toggle-layout").click();
    await expect(page.locator("#toggle-layout").textContent()).resolves.toBe("Stop layout");
    await page.waitForFunction((start) => JSON.stringify(window.__newsgraph!.graph()!.mapNodes((_, a) => [a.x, a.y])) !== start,
      JSON.stringify(before), { timeout: 30_000 });
    await page.locator("#toggle-layout").click();
    await expect(page.locator("#toggle-layout").textContent()).resolves.toBe("Run layout");
    const stopped = await positions();
    await page.waitForTimeout(300);
    expect(await positions()).toEqual(stopped);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    expect(download.suggestedFilename()).toBe("newsgraph.png");
    const file = path.join(OUTPUT_DIR, "export.png");
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const stats = await pixelStats(page, png);
    expect(stats.colors).toBeGreaterThan(20);
  });

  it("labels every node of the seed graph at the default view or after one zoom step", async () => {
    const page = await open(seed.url);
    const seen = new Set(await labelsOnceDrawn(page));
    const missing = (): string[] => seedGraph.nodes.map((n) => n.key).filter((key) => !seen.has(key));
    if (missing().length > 0) {
      // One wheel step towards the middle of the drawing, as a user zooms in.
      const box = (await page.locator("#graph").boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const before = await page.evaluate(() => window.__newsgraph!.sigma()!.getCamera().ratio);
      await page.mouse.wheel(0, -100);
      await page.waitForFunction((ratio) => {
        const camera = window.__newsgraph!.sigma()!.getCamera();
        return camera.ratio < ratio && !camera.isAnimating();
      }, before);
      for (const key of await labelsOnceDrawn(page)) seen.add(key);
    }
    expect(missing()).toEqual([]);
  });

  it("filters edges by a timeline range and by source, and a link restores both", async () => {
    const page = await open(dated.url);
    const all = { nodes: datedGraph.nodes.length, edges: datedGraph.edges.length };
    expect(await renderedOnceSettled(page, all)).toEqual(all);
    const days = (edge: SerializedEdge): (string | undefined)[] =>
      edge.attributes.evidence.map((e: { date?: string }) => e.date?.slice(0, 10));
    expect(datedGraph.edges.some((edge) => days(edge).includes(undefined)), "the corpus has undated evidence").toBe(true);
    await expect(page.locator("#timeline-undated-text").textContent()).resolves.toMatch(/^[1-9]\d* undated sentences?$/);

    // One bar per day from 2024-01-05 to 2024-03-15; the range 2024-01-20 .. 2024-02-24.
    const dayIndex = (day: string): number => Math.round((Date.parse(day) - Date.parse("2024-01-05")) / 86_400_000);
    await page.locator("#timeline-from").fill(String(dayIndex("2024-01-20")));
    await page.locator("#timeline-to").fill(String(dayIndex("2024-02-24")));
    const inRange = (day: string | undefined): boolean => day !== undefined && day >= "2024-01-20" && day <= "2024-02-24";
    // Undated evidence stays by default, and is dropped with its checkbox.
    const withUndated = datedGraph.edges.filter((edge) => days(edge).some((day) => day === undefined || inRange(day)));
    const expectedWith = { nodes: datedGraph.nodes.length, edges: withUndated.length };
    expect(await renderedOnceSettled(page, expectedWith)).toEqual(expectedWith);
    await page.locator("#timeline-undated").uncheck();
    const inside = datedGraph.edges.filter((edge) => days(edge).some(inRange));
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(withUndated.length);
    // Actors left without a relation go too.
    await page.locator("#filter-isolated").check();
    const ends = new Set(inside.flatMap((edge) => [edge.source, edge.target]));
    const expected = { nodes: ends.size, edges: inside.length };
    expect(await renderedOnceSettled(page, expected)).toEqual(expected);
    const shownEdges = await page.evaluate(() => {
      const sigma = window.__newsgraph!.sigma()!;
      return window.__newsgraph!.graph()!.filterEdges((edge) => sigma.getEdgeDisplayData(edge)?.visibility !== "hidden");
    });
    expect(shownEdges.sort()).toEqual(inside.map((edge) => edge.key).sort());
    await expect(page.locator("#timeline-range").textContent()).resolves.toMatch(/^2024-01-20 – 2024-02-24 · /);
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to"), url.searchParams.get("undated"), url.searchParams.get("isolated")])
      .toEqual(["2024-01-20", "2024-02-24", "hide", "hide"]);

    const again = await open(page.url());
    expect(await renderedOnceSettled(again, expected)).toEqual(expected);
    await expect(again.locator("#timeline-from").inputValue()).resolves.toBe(String(dayIndex("2024-01-20")));
    await expect(again.locator("#timeline-undated").isChecked()).resolves.toBe(false);

    // Source filter: hiding "Beta News" leaves the range's Alpha Wire relations.
    await again.locator('#filter-sources input[value="Beta News"]').uncheck();
    const alpha = datedGraph.edges.filter((edge) => edge.attributes.evidence
      .some((e: { date?: string; source?: string }) => inRange(e.date?.slice(0, 10)) && e.source !== "Beta News"));
    const alphaEnds = new Set(alpha.flatMap((edge) => [edge.source, edge.target]));
    const expectedAlpha = { nodes: alphaEnds.size, edges: alpha.length };
    expect(await renderedOnceSettled(again, expectedAlpha)).toEqual(expectedAlpha);
    expect(new URL(again.url()).searchParams.get("hideSources")).toBe("Beta News");

    // The view exports as graph.json and GEXF that loadGraph reads back with the same items.
    const shown = await again.evaluate(() => {
      const sigma = window.__newsgraph!.sigma()!;
      const graph = window.__newsgraph!.graph()!;
      return {
        nodes: graph.filterNodes((node) => sigma.getNodeDisplayData(node)?.visibility !== "hidden").sort(),
        edges: graph.filterEdges((edge) => sigma.getEdgeDisplayData(edge)?.visibility !== "hidden").sort(),
      };
    });
    expect(shown.edges).toEqual(alpha.map((edge) => edge.key).sort());
    for (const [button, name] of [["#export-json", "view.graph.json"], ["#export-gexf", "view.gexf"]] as const) {
      const [download] = await Promise.all([again.waitForEvent("download"), again.locator(button).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const file = path.join(OUTPUT_DIR, name);
      await download.saveAs(file);
      const query = await loadGraph(file);
      expect(query.graph.nodes().sort()).toEqual(shown.nodes);
      expect(query.graph.mapEdges((_edge, _attributes, source, target) => `${source} ${target}`).sort())
        .toEqual(alpha.map((edge) => `${edge.source} ${edge.target}`).sort());
      // Only the sentences inside the filters travel with the view.
      query.graph.forEachEdge((_edge, attributes) => {
        expect(attributes.evidence.every((e) => inRange(e.date?.slice(0, 10)) && e.source !== "Beta News")).toBe(true);
      });
    }
  });

  it("shows the neighbourhood of a node, 1 and 2 hops", async () => {
    const putin = "vladimir-putin";
    const adjacent = (node: string): string[] => seedGraph.edges
      .filter((e) => e.source === node || e.target === node).map((e) => (e.source === node ? e.target : e.source));
    const one = new Set([putin, ...adjacent(putin)]);
    const two = new Set([...one, ...[...one].flatMap(adjacent)]);
    expect(two.size).toBeGreaterThan(one.size);
    const within = (nodes: Set<string>) => ({
      nodes: nodes.size, edges: seedGraph.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).length,
    });
    const page = await open(`${seed.url}?node=${putin}`);
    // The panel's CSV: one row per sentence of each of his relations.
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#panel button.export-csv").click()]);
    expect(csvDownload.suggestedFilename()).toBe(`${putin}-relations.csv`);
    const csvFile = path.join(OUTPUT_DIR, "putin.csv");
    await csvDownload.saveAs(csvFile);
    const rows = parseCsv(readFileSync(csvFile, "utf8"), { columns: true }) as Record<string, string>[];
    const mine = seedGraph.edges.filter((e) => e.source === putin || e.target === putin);
    const key = (cells: string[]): string => JSON.stringify(cells);
    expect(rows.map((row) => key([row.source, row.relation, row.target, row.sentence, row.text])).sort()).toEqual(
      mine.flatMap((e) => e.attributes.evidence.map((ev: { sentence: number; text: string }) =>
        key([e.source, e.attributes.relation, e.target, String(ev.sentence), ev.text]))).sort());
    await page.locator('#panel button.neighbourhood[data-hops="1"]').click();
    expect(await renderedOnceSettled(page, within(one))).toEqual(within(one));
    await expect(page.locator("#focus-text").textContent()).resolves.toContain("Vladimir Putin (1 hop)");
    await page.locator('#panel button.neighbourhood[data-hops="2"]').click();
    expect(await renderedOnceSettled(page, within(two))).toEqual(within(two));
    expect(new URL(page.url()).searchParams.get("focus")).toBe(`2:${putin}`);
    await page.locator("#focus-clear").click();
    const all = { nodes: seedGraph.nodes.length, edges: seedGraph.edges.length };
    expect(await renderedOnceSettled(page, all)).toEqual(all);
  });

  it("shows the shortest paths between two seed actors, hop by hop with evidence", async () => {
    const query = queryGraph(seedGraph as never);
    const from = "kim-jong-un";
    // The first actor (by key) two hops from Kim Jong Un.
    const to = seedGraph.nodes.map((n) => n.key).sort()
      .find((key) => key !== from && query.paths(from, key).results[0]?.length === 2)!;
    expect(to, "some actor is two hops from Kim Jong Un").toBeDefined();
    const expected = query.paths(from, to, { limit: 10 }).results;
    const page = await open(`${seed.url}?node=${from}`);
    const label = seedGraph.nodes.find((n) => n.key === to)!.attributes.label as string;
    await page.locator("#panel .path-input").fill(label);
    await page.locator("#panel .path-search li").first().waitFor();
    await page.locator("#panel .path-input").press("Enter");
    await page.locator("#panel .path").first().waitFor();
    const chains = await page.locator("#panel .path").evaluateAll((paths) => paths.map((p) => (p as HTMLElement).dataset.path));
    expect(chains).toEqual(expected.map((path) => path.entities.map((e) => e.id).join(" ")));
    const relations = await page.locator("#panel .path li[data-edge]").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.edge));
    expect(relations).toEqual(expected.flatMap((path) => path.hops.flatMap((hop) => hop.relations.map((r) => r.id))));
    const quotes = await page.locator("#panel .path blockquote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("path")).toBe(`${from} ${to}`);
    const onPath = new Set(expected.flatMap((path) => path.entities.map((e) => e.id)));
    await page.waitForFunction((keys) => keys.every((key) => (window.__newsgraph!.sigma()!.getNodeState(key) as { isActive?: boolean }).isActive), [...onPath]);
    const stranger = seedGraph.nodes.map((n) => n.key).find((key) => !onPath.has(key))!;
    await expect(page.evaluate((key) => (window.__newsgraph!.sigma()!.getNodeState(key) as { isActive?: boolean }).isActive, stranger)).resolves.toBe(false);

    const again = await open(page.url());
    await again.locator("#panel .path").first().waitFor();
    await expect(again.locator("#panel .path").count()).resolves.toBe(expected.length);
  });

  it("opens the panel of a node with 2,000 relations in under 300 ms, counts first, and keeps hub labels sparse", async () => {
    const server = await serveGraph("hub", hubGraph());
    try {
      const page = await open(server.url);
      const degree = await page.evaluate(() => window.__newsgraph!.graph()!.degree("hub"));
      expect(degree).toBe(2000);
      const took = await page.evaluate(() => window.__newsgraph!.selectNode("hub"));
      expect(took).toBeLessThan(300);
      await expect(page.locator("#panel h3", { hasText: "Relations" }).textContent()).resolves.toBe("Relations (2000)");
      const summaries = await page.locator("#panel details > summary").allTextContents();
      expect(summaries.map((text) => Number(/\((\d+)\)$/.exec(text)![1])).reduce((a, b) => a + b, 0)).toBe(2000);
      // Counts first: no relation row is built until a group opens.
      await expect(page.locator("#panel li[data-edge]").count()).resolves.toBe(0);
      await page.locator("#panel details > summary").first().click();
      // The rows come with the details element's toggle event, a task after the click.
      await page.locator("#panel details[open] li[data-edge]").nth(24).waitFor();
      await expect(page.locator("#panel details[open] li[data-edge]").count()).resolves.toBe(25);
      await page.locator("#panel details[open] .show-more").first().click();
      await page.locator("#panel details[open] li[data-edge]").nth(49).waitFor();
      await expect(page.locator("#panel details[open] li[data-edge]").count()).resolves.toBe(50);
      // Each relation shows its first three sentences.
      await expect(page.locator("#panel details[open] li[data-edge]").first().locator("blockquote").count()).resolves.toBe(3);
      // Grouped by counterpart instead.
      await page.locator('#panel input[name="group-by"][value="actor"]').check();
      await expect(page.locator("#panel details > summary").count()).resolves.toBe(1000);
      // The hub's 1,000 neighbours are highlighted without all their labels.
      const labels = await labelsOnceDrawn(page);
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.length).toBeLessThan(200);
    } finally {
      await server.close();
    }
  });

  it("resolves a pasted article against the graph on screen: Putin joins Vladimir Putin", async () => {
    const page = await open(seed.url);
    const before = await page.evaluate(() => window.__newsgraph!.counts());
    await page.locator("#toggle-paste").click();
    await page.locator("#paste-title").fill("putin.txt");
    await page.locator("#paste-text").fill("Putin said Russia would support North Korea. Putin praised Kim Jong Un.");
    await page.locator("#paste-submit").click();
    await page.waitForSelector("#paste-panel[data-status=done], #paste-panel[data-status=error]", { timeout: 60_000 });
    await expect(page.locator("#paste-status").textContent()).resolves.toMatch(/^putin\.txt: 4 actors found \(0 new\)/);
    const after = await page.evaluate(() => {
      const graph = window.__newsgraph!.graph()!;
      return { order: graph.order, putin: graph.hasNode("putin"), documents: graph.getNodeAttribute("vladimir-putin", "documents") };
    });
    expect(after.order).toBe(before.nodes);
    expect(after.putin).toBe(false);
    expect(after.documents).toContain("putin.txt");
  });

  it("says so when the graph is empty", async () => {
    const server = await serveGraph("empty", { options: { type: "directed", multi: true }, attributes: {}, nodes: [], edges: [] });
    try {
      const page = await open(server.url);
      await expect(page.locator("#empty-message").isVisible()).resolves.toBe(true);
      await expect(page.locator("#empty-message").textContent()).resolves.toContain("This graph is empty");
    } finally {
      await server.close();
    }
  });
});

/**
 * What sigma draws, once it matches `expected` or after 15 s: sigma applies graph and
 * state changes on its next frame, so counts read right after an action can lag.
 */
async function renderedOnceSettled(page: Page, expected: { nodes: number; edges: number }) {
  await page.waitForFunction((want) => {
    const rendered = window.__newsgraph!.rendered();
    return rendered.nodes === want.nodes && rendered.edges === want.edges;
  }, expected, { timeout: 15_000 }).catch(() => undefined);
  return page.evaluate(() => window.__newsgraph!.rendered());
}

/** The node labels sigma draws once the camera has settled and two more frames have passed. */
async function labelsOnceDrawn(page: Page): Promise<string[]> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const sigma = window.__newsgraph!.sigma()!;
    sigma.once("afterRender", () => requestAnimationFrame(() => resolve()));
    sigma.scheduleRender();
  }));
  return page.evaluate(() => window.__newsgraph!.displayedLabels());
}

/** Distinct colours (5 bits per channel) and share of non-white pixels in a PNG, decoded by the page. */
async function pixelStats(page: Page, png: Buffer): Promise<{ colors: number; inked: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colors = new Set<number>();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      colors.add(((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3));
      if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked++;
    }
    return { colors: colors.size, inked: inked / (data.length / 4) };
  }, png.toString("base64"));
}

// Keeps the TypeScript view of the page's hook object in this file.
declare global {
  interface Window {
    __newsgraph?: import("../../viewer/src/test-hooks.js").NewsgraphHooks;
  }
}
