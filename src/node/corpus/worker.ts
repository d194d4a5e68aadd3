// Worker entry: extracts one document. Runs in a piscina worker thread, or in the main
// thread when the build uses one worker. Failures come back as values, so one bad document
// never takes a worker down; the extraction comes back as its JSON line, which is what the
// store keeps (serialising here spares the main thread).
import { extract } from "../../extract.js";
import "../models.js";
import type { Document, Entity, Extraction } from "../../model.js";

export interface ExtractTask {
  document: Document;
  /** The hash the build identifies the document by; written into the extraction. */
  hash: string;
  /** URL of a module exporting `extract` to use instead of the pipeline (tests). */
  extractor?: string;
}

/** What cross-document resolution needs of an entity. */
export type EntitySummary = Pick<Entity, "id" | "kind" | "name" | "aliases">;

export type ExtractResult =
  | { ok: true; json: string; entities: EntitySummary[] }
  | { ok: false; error: string };

type ExtractFunction = (document: Document) => Extraction;

const loaded = new Map<string, Promise<ExtractFunction>>();

/** Loads the extractor a task names (the pipeline when it names none). */
export function extractorFor(url: string | undefined): Promise<ExtractFunction> {
  if (url === undefined) return Promise.resolve(extract);
  let found = loaded.get(url);
  if (!found) {
    found = import(url).then((module: { extract: ExtractFunction }) => module.extract);
    loaded.set(url, found);
  }
  return found;
}

/** Runs one extraction; never throws. */
export function runExtraction(extractFunction: ExtractFunction, task: ExtractTask): ExtractResult {
  try {
    const extraction = extractFunction(task.document);
    extraction.hash = task.hash;
    return {
      ok: true,
      json: JSON.stringify(extraction),
      entities: extraction.entities.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases })),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.split("\n")[0] || "extraction failed" };
  }
}

export default async function extractTask(task: ExtractTask): Promise<ExtractResult> {
  return runExtraction(await extractorFor(task.extractor), task);
}
