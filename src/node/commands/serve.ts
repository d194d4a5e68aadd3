// `newsgraph serve [graph.json|graph.gexf] [--port N]`: serves the built viewer
// (viewer/dist) and one graph, on 127.0.0.1 only. The viewer loads /graph.json by
// default; a GEXF file is converted to graph.json on the fly (once per change of the file).
// What it refuses: requests naming another host (DNS rebinding: a page of another site
// resolving its name to 127.0.0.1 must not read the graph), files outside the viewer build
// (also through symbolic links), methods other than GET and HEAD, and request bodies.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { UsageError } from "../errors.js";

export const DEFAULT_PORT = 5173;
export const DEFAULT_GRAPH = path.join("graph-output", "graph.json");
/** Loopback only: the viewer shows article text and is not meant to be reachable from elsewhere. */
export const HOST = "127.0.0.1";
/** viewer/dist of this package, from both src/node/commands and dist/node/commands. */
export const VIEWER_DIR = fileURLToPath(new URL("../../../viewer/dist/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface ServeOptions {
  /** A graph.json (graphology export) or .gexf file. */
  graphFile: string;
  /** 0 picks a free port. */
  port: number;
  viewerDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(`serve the viewer for a graph on http://${HOST}:<port> (default graph: ${DEFAULT_GRAPH})`)
    .argument("[graph]", "graph.json or graph.gexf to show", DEFAULT_GRAPH)
    .option("-p, --port <port>", "port to listen on", String(DEFAULT_PORT))
    .action(async (graphFile: string, options: { port: string }) => {
      const server = await startServer({ graphFile, port: parsePort(options.port) });
      process.stdout.write(`newsgraph viewer: ${server.url} (graph: ${graphFile}; Ctrl+C to stop)\n`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** Checks the graph and the viewer build, then listens; every failure is a UsageError. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const viewerDir = path.resolve(options.viewerDir ?? VIEWER_DIR);
  const graphFile = path.resolve(options.graphFile);
  const graphs = new GraphCache();
  await graphs.read(graphFile, options.graphFile);
  if (!(await isFile(path.join(viewerDir, "index.html")))) {
    throw new UsageError(`the viewer is not built (${path.join(viewerDir, "index.html")} is missing): run "npm run build:viewer"`);
  }
  const realViewerDir = await realpath(viewerDir);
  let port = options.port;
  const server = createServer((request, response) => {
    handle(request, response, viewerDir, realViewerDir, graphFile, options.graphFile, port, graphs).catch(() => {
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "internal error\n");
      else response.destroy();
    });
  });
  port = await listen(server, options.port);
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE"
        ? new UsageError(`port ${port} is already in use: choose another with --port`)
        : new UsageError(`cannot listen on ${HOST}:${port}: ${error.message}`));
    });
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

async function handle(
  request: IncomingMessage, response: ServerResponse, viewerDir: string, realViewerDir: string,
  graphFile: string, graphName: string, port: number, graphs: GraphCache,
): Promise<void> {
  if (!isAllowedHost(request.headers.host, port)) {
    refuse(request, response, 421, `this server answers only to 127.0.0.1:${port}, localhost:${port} and [::1]:${port}`);
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    refuse(request, response, 405, "method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  if (hasBody(request)) {
    refuse(request, response, 413, "request bodies are not accepted");
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    send(response, 400, "text/plain; charset=utf-8", "bad request\n");
    return;
  }
  if (pathname === "/graph.json") {
    try {
      // Checked on every request, so a rebuilt graph shows on reload.
      send(response, 200, CONTENT_TYPES[".json"], await graphs.read(graphFile, graphName), request.method === "HEAD");
    } catch (error) {
      send(response, 500, "text/plain; charset=utf-8", `${(error as Error).message}\n`);
    }
    return;
  }
  const relative = pathname === "/" ? "index.html" : pathname.replace(/^\/+/, "");
  const file = path.resolve(viewerDir, relative);
  // Never serve anything outside the viewer build (no "../" escapes).
  if (file !== viewerDir && !file.startsWith(viewerDir + path.sep)) {
    send(response, 404, "text/plain; charset=utf-8", "not found\n");
    return;
  }
  // Nor anything a symbolic link inside it leads to outside it.
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined || !real.startsWith(realViewerDir + path.sep) || !(await isFile(real))) {
    send(response, 404, "text/plain; charset=utf-8", "not found\n");
    return;
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  send(response, 200, type, await readFile(real), request.method === "HEAD");
}

/**
 * The viewer's policy (as in viewer/index.html, whose <meta> copy cannot say
 * frame-ancestors), stricter: no data: fetches, no framing by other sites, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:", "connect-src 'self' blob:", "object-src 'none'", "base-uri 'none'",
  "form-action 'none'", "frame-ancestors 'none'",
].join("; ");

function send(
  response: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    ...extra,
  });
  response.end(headOnly ? undefined : body);
}

/** Ends the exchange without reading what the client still sends. */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(response, status, "text/plain; charset=utf-8", `${message}\n`, false, { Connection: "close", ...extra });
  request.socket.end();
  request.socket.once("finish", () => request.socket.destroy());
}

/** Host names that reach this server on loopback, with the port it serves. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  return ["127.0.0.1", "localhost", "[::1]"].some((allowed) => name === `${allowed}:${port}`);
}

/** A request that carries (or announces) a body. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * graph.json text of the graph file, re-read only when its modification time or size
 * changes: converting a large GEXF takes seconds (95 MB: 28 s), reading it again on every
 * page load would make each reload wait that long.
 */
export class GraphCache {
  private cached: { file: string; mtimeMs: number; size: number; json: string } | undefined;

  async read(file: string, name = file): Promise<string> {
    const info = await stat(file).catch(() => undefined);
    const cached = this.cached;
    if (info && cached && cached.file === file && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.json;
    const json = await readGraphAsJson(file, name);
    this.cached = info ? { file, mtimeMs: info.mtimeMs, size: info.size, json } : undefined;
    return json;
  }
}

/** The graph as graphology-export JSON text; a clear UsageError when it is not a graph. */
export async function readGraphAsJson(file: string, name = file): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = path.resolve(name) === path.resolve(DEFAULT_GRAPH) ? ` (build it first: "newsgraph build")` : "";
    throw new UsageError(code === "ENOENT" ? `${name}: no such file${hint}` : `${name}: cannot read (${code ?? "error"})`);
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === ".gexf") {
    try {
      return JSON.stringify(parseGexf(MultiGraph, text).export());
    } catch (error) {
      throw new UsageError(`${name}: not a readable GEXF file (${(error as Error).message.split("\n")[0]})`);
    }
  }
  if (extension !== ".json") throw new UsageError(`${name}: expected a .json or .gexf graph file`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${name}: not valid JSON`);
  }
  if (!data || typeof data !== "object" || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new UsageError(`${name}: not a graph (expected a graphology export with a "nodes" array)`);
  }
  return text;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
