// What a build keeps next to its graph so that a later `--update` need not re-read or
// re-extract old articles:
//   manifest.json         every document of the graph: id, text hash, words, date, source
//   extractions.jsonl.gz  each document's Extraction, one JSON per line, in the same order
// The graph is a function of these extractions (resolve.ts + mergeExtraction), so an update
// merges the stored ones with the new ones and gets what a full build would.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import { UsageError } from "../errors.js";

export const MANIFEST_FILE = "manifest.json";
export const STORE_FILE = "extractions.jsonl.gz";
const FORMAT = "newsgraph-manifest";
const VERSION = 1;

export interface ManifestEntry {
  id: string;
  hash: string;
  words: number;
  date?: string;
  source?: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  documents: ManifestEntry[];
}

/** manifest.json text: one document per line, so diffs and greps stay readable. */
export function formatManifest(documents: readonly ManifestEntry[]): string {
  const lines = documents.map((entry) => {
    const ordered: ManifestEntry = { id: entry.id, hash: entry.hash, words: entry.words };
    if (entry.date !== undefined) ordered.date = entry.date;
    if (entry.source !== undefined) ordered.source = entry.source;
    return "    " + JSON.stringify(ordered);
  });
  return `{\n  "format": "${FORMAT}",\n  "version": ${VERSION},\n  "documents": [\n${lines.join(",\n")}${lines.length ? "\n" : ""}  ]\n}\n`;
}

/** Reads DIR/manifest.json of an earlier build; a missing or foreign file is a UsageError. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UsageError(`${dir} has no ${MANIFEST_FILE}: build it first (newsgraph build ... --out ${dir})`);
    }
    throw new UsageError(`cannot read ${file}: ${code ?? String(error)}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new UsageError(`${file} is not valid JSON: rebuild without --update`);
  }
  if (manifest?.format !== FORMAT || manifest.version !== VERSION || !Array.isArray(manifest.documents)) {
    throw new UsageError(`${file} is not a newsgraph manifest (version ${VERSION}): rebuild without --update`);
  }
  return manifest;
}

/** zlib's default 16 KB chunks cost a callback each; stores run to hundreds of megabytes. */
const ZLIB_CHUNK = 256 * 1024;

/** Writes lines to a gzip file, waiting when the stream asks to. */
export class StoreWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;
  /** Lines go to zlib in batches of about ZLIB_CHUNK characters. */
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    // Level 1: the store is written on the main thread while workers extract; speed first.
    this.gzip = createGzip({ level: 1, chunkSize: ZLIB_CHUNK });
    const output = createWriteStream(file);
    this.gzip.pipe(output);
    this.done = finished(output);
    // Errors surface from close(); keep them from being unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingLength += line.length + 1;
    if (this.pendingLength >= ZLIB_CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending.join("\n") + "\n";
    this.pending = [];
    this.pendingLength = 0;
    if (!this.gzip.write(batch)) await once(this.gzip, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await this.done;
  }
}

/** The lines of a store file, in order. */
export async function* readStore(file: string): AsyncGenerator<string> {
  // pipeline, not pipe: a missing or unreadable file must reach the reader as an error.
  const input = pipeline(createReadStream(file, { highWaterMark: ZLIB_CHUNK }), createGunzip({ chunkSize: ZLIB_CHUNK }), () => undefined);
  input.setEncoding("utf8");
  // Split by hand: readline's line-ending regex is a measurable share of a merge. A line
  // longer than a chunk is gathered in parts, so long lines cost no repeated copying.
  let parts: string[] = [];
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", from)) {
      const line = parts.length > 0 ? parts.join("") + chunk.slice(from, end) : chunk.slice(from, end);
      parts = [];
      if (line !== "") yield line;
      from = end + 1;
    }
    if (from < chunk.length) parts.push(chunk.slice(from));
  }
  const last = parts.join("");
  if (last !== "") yield last;
}
