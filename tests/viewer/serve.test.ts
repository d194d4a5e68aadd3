// `newsgraph serve`'s server: what it serves, what it refuses, and how it reports bad input.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/index.js";
import { buildGraph } from "../../src/graph/index.js";
import { HOST, parsePort, readGraphAsJson, startServer, type RunningServer } from "../../src/node/commands/serve.js";
import { UsageError } from "../../src/node/errors.js";
import { fromSerialized } from "../../viewer/src/graph-source.js";
import { syntheticGraph } from "./fixtures.js";

let dir: string;
let viewerDir: string;
let jsonFile: string;
let gexfFile: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "newsgraph-serve-"));
  viewerDir = path.join(dir, "viewer");
  mkdirSync(path.join(viewerDir, "assets"), { recursive: true });
  writeFileSync(path.join(viewerDir, "index.html"), "<!doctype html><title>viewer</title>");
  writeFileSync(path.join(viewerDir, "assets", "app.js"), "export {};");
  writeFileSync(path.join(dir, "secret.txt"), "not for the web");
  jsonFile = path.join(dir, "graph.json");
  gexfFile = path.join(dir, "graph.gexf");
  const graph = syntheticGraph();
  writeFileSync(jsonFile, JSON.stringify(graph));
  const rebuilt = buildGraph([]);
  rebuilt.import(graph);
  writeFileSync(gexfFile, toGexf(rebuilt));
  server = await startServer({ graphFile: jsonFile, port: 0, viewerDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("newsgraph serve", () => {
  it("listens on 127.0.0.1 only and serves the viewer and the graph", async () => {
    expect(server.url).toBe(`http://${HOST}:${server.port}/`);
    expect(HOST).toBe("127.0.0.1");
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toBe("<!doctype html><title>viewer</title>");
    const script = await fetch(`${server.url}assets/app.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const graph = await fetch(`${server.url}graph.json`);
    expect(graph.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await graph.json()).toEqual(syntheticGraph());
  });

  it("serves nothing outside the viewer build and only GET and HEAD", async () => {
    for (const pathname of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/missing.js"]) {
      const response = await rawGet(server.port, pathname);
      expect(response, pathname).toBe(404);
    }
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
    const head = await fetch(`${server.url}graph.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("turns a GEXF file into the same viewer graph as graph.json", async () => {
    const fromJson = fromSerialized(JSON.parse(await readGraphAsJson(jsonFile)));
    const fromGexf = fromSerialized(JSON.parse(await readGraphAsJson(gexfFile)));
    // The GEXF writer orders items canonically; the content must be the same.
    const byKey = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    const view = (g: typeof fromJson) => ({
      nodes: g.mapNodes((key, a) => [key, a.label, a.kind, a.aliases, a.documents]).sort(byKey),
      edges: g.mapEdges((key, a, s, t) => [key, s, t, a.relation, a.label, a.polarity, a.evidence, a.confidence, a.modality ?? null])
        .sort(byKey),
    });
    expect(view(fromGexf)).toEqual(view(fromJson));
    expect(fromGexf.order).toBe(8);
    expect(fromGexf.size).toBe(syntheticGraph().edges.length);
  });

  it("rejects unusable graph files and ports with one clear line", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const notGraph = path.join(dir, "not-graph.json");
    writeFileSync(notGraph, JSON.stringify({ hello: "world" }));
    const badGexf = path.join(dir, "bad.gexf");
    writeFileSync(badGexf, "<gexf><oops");
    const text = path.join(dir, "graph.txt");
    writeFileSync(text, "text");
    await expect(readGraphAsJson(path.join(dir, "missing.json"), "missing.json")).rejects.toThrow(new UsageError("missing.json: no such file"));
    await expect(readGraphAsJson(bad, "bad.json")).rejects.toThrow(new UsageError("bad.json: not valid JSON"));
    await expect(readGraphAsJson(notGraph, "not-graph.json")).rejects.toThrow(
      new UsageError('not-graph.json: not a graph (expected a graphology export with a "nodes" array)'));
    await expect(readGraphAsJson(badGexf, "bad.gexf")).rejects.toThrow(/^bad\.gexf: not a readable GEXF file/);
    await expect(readGraphAsJson(text, "graph.txt")).rejects.toThrow(new UsageError("graph.txt: expected a .json or .gexf graph file"));
    await expect(startServer({ graphFile: jsonFile, port: 0, viewerDir: path.join(dir, "nowhere") }))
      .rejects.toThrow(/^the viewer is not built .* run "npm run build:viewer"$/);
    expect(() => parsePort("http")).toThrow(new UsageError('--port must be a whole number from 0 to 65535, got "http"'));
    expect(() => parsePort("70000")).toThrow(UsageError);
    expect(parsePort("5173")).toBe(5173);
  });

  it("says which port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, HOST, () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startServer({ graphFile: jsonFile, port, viewerDir }))
        .rejects.toThrow(new UsageError(`port ${port} is already in use: choose another with --port`));
    } finally {
      blocker.close();
    }
  });
});

/** GET without URL normalisation, so "../" reaches the server as sent. */
async function rawGet(port: number, pathname: string): Promise<number> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request({ host: HOST, port, path: pathname, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}
