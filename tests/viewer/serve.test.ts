// `newsgraph serve`'s server: what it serves, what it refuses, and how it reports bad input.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/index.js";
import { buildGraph } from "../../src/graph/index.js";
import {
  CONTENT_SECURITY_POLICY, HOST, parsePort, readGraphAsJson, startServer, type RunningServer,
} from "../../src/node/commands/serve.js";
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
  symlinkSync(path.join(dir, "secret.txt"), path.join(viewerDir, "leak.txt"));
  symlinkSync(dir, path.join(viewerDir, "outside"));
  symlinkSync(path.join(viewerDir, "assets", "app.js"), path.join(viewerDir, "inside.js"));
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

  it("answers only requests addressed to a loopback name with its port (no DNS rebinding)", async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      expect((await raw(server.port, `GET /graph.json HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).status, host).toBe(200);
    }
    for (const host of ["attacker.example:" + server.port, "attacker.example", `127.0.0.1:${server.port + 1}`, "127.0.0.1", `localhost.attacker.example:${server.port}`]) {
      const response = await raw(server.port, `GET /graph.json HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(response.status, host).toBe(421);
      expect(response.text, host).not.toContain('"nodes"');
    }
    // HTTP/1.0 without any Host header.
    expect((await raw(server.port, "GET /graph.json HTTP/1.0\r\n\r\n")).status).toBe(421);
  });

  it("sends the content security policy (no framing) and nosniff as headers", async () => {
    for (const pathname of ["", "graph.json", "assets/app.js", "missing.js"]) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.headers.get("content-security-policy"), pathname).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get("x-content-type-options"), pathname).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), pathname).toBe("DENY");
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self' blob:;/);
  });

  it("serves no file a symbolic link leads to outside the viewer build", async () => {
    expect((await fetch(`${server.url}leak.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}outside/secret.txt`)).status).toBe(404);
    const inside = await fetch(`${server.url}inside.js`);
    expect(inside.status).toBe(200);
    expect(await inside.text()).toBe("export {};");
  });

  it("refuses a request body at once, without reading it", async () => {
    // Announce 50 MB, send 1 KB: the answer and the close come before the rest is sent.
    const head = `POST /graph.json HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`;
    const post = await raw(server.port, head + "x".repeat(1024));
    expect(post.status).toBe(405);
    expect(post.closedByServer).toBe(true);
    const get = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`;
    const withBody = await raw(server.port, get + "x".repeat(1024));
    expect(withBody.status).toBe(413);
    expect(withBody.closedByServer).toBe(true);
  });

  it("converts a GEXF graph once per change of the file, not on every request", async () => {
    const file = path.join(dir, "cached.gexf");
    const graph = syntheticGraph();
    const rebuilt = buildGraph([]);
    rebuilt.import(graph);
    const gexf = toGexf(rebuilt);
    writeFileSync(file, gexf);
    // Whole seconds, so that setting the same time again gives the same mtimeMs.
    const atime = new Date(Date.UTC(2024, 0, 1));
    const mtime = new Date(Date.UTC(2024, 0, 2));
    utimesSync(file, atime, mtime);
    const gexfServer = await startServer({ graphFile: file, port: 0, viewerDir });
    try {
      const first = await (await fetch(`${gexfServer.url}graph.json`)).text();
      expect(JSON.parse(first).nodes).toHaveLength(8);
      // Same size and modification time: the cached conversion is served, the file not re-read.
      writeFileSync(file, gexf.replace("<gexf", "<xxxx"));
      utimesSync(file, atime, mtime);
      expect(await (await fetch(`${gexfServer.url}graph.json`)).text()).toBe(first);
      // A rebuilt file (new modification time) is read again.
      const renamed = gexf.replace(/label="[^"]*"/, 'label="Renamed entity"');
      writeFileSync(file, renamed);
      utimesSync(file, atime, new Date(mtime.getTime() + 5_000));
      expect(await (await fetch(`${gexfServer.url}graph.json`)).text()).toContain("Renamed entity");
    } finally {
      await gexfServer.close();
    }
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

/** Sends `request` as bytes; the status, the text received, and whether the server closed first. */
async function raw(port: number, request: string): Promise<{ status: number; text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, HOST);
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => { text += chunk; });
    socket.on("error", reject);
    // The client never ends its side: an "end" can only come from the server.
    socket.on("end", () => {
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text, closedByServer: true });
    });
    setTimeout(() => {
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text, closedByServer: false });
    }, 5_000);
    socket.write(request);
  });
}
