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
import { createInterface } from "node:readline";
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

/** Writes lines to a gzip file, waiting when the stream asks to. */
export class StoreWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;

  constructor(readonly file: string) {
    // Level 1: the store is written on the main thread while workers extract; speed first.
    this.gzip = createGzip({ level: 1 });
    const output = createWriteStream(file);
    this.gzip.pipe(output);
    this.done = finished(output);
    // Errors surface from close(); keep them from being unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  async write(line: string): Promise<void> {
    if (!this.gzip.write(line + "\n")) await once(this.gzip, "drain");
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

/** The lines of a store file, in order. */
export async function* readStore(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) if (line !== "") yield line;
}
