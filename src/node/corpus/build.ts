// A corpus build: discover documents, extract the new ones on worker threads, resolve
// entities across all documents, merge into one graph, and stage the manifest and the
// extraction store that the next `--update` starts from.
//
// Memory stays bounded: texts are read when a worker needs them; extractions go to a gzip
// store as they arrive (in id order, through a bounded reorder window), and are streamed
// back for the merge. Only the graph, the resolution index and per-document metadata stay.
//
// Determinism: documents are merged in id order, and resolution depends on the set of
// entities only, so the graph is the same for any worker count and for an update as for a
// full build of the same documents.
import { availableParallelism } from "node:os";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import path from "node:path";
import { createGraph, mergeExtraction, trimLists, type KnowledgeGraph } from "../../graph/index.js";
import { ResolutionIndex, resolveExtraction } from "../../graph/resolve.js";
import type { Extraction } from "../../model.js";
import type { Problem } from "../errors.js";
import { UsageError, describeError } from "../errors.js";
import { keep, removeOnExit } from "../cleanup.js";
import { removeStaleTemps } from "../write.js";
import { acquireLock } from "./lock.js";
import { entitiesProblem, extractionProblem } from "./validate.js";
import { discover, TextReader, type SourceDocument } from "./discover.js";
import { createExtractorPool, mapOrdered } from "./extractor.js";
import { plan, type Plan } from "./plan.js";
import { createProgress, type Progress } from "./progress.js";
import {
  MANIFEST_FILE, STORE_FILE, StoreWriter, formatManifest, readManifest, readStore,
  type ManifestEntry,
} from "./store.js";
import type { ExtractResult } from "./worker.js";

export interface CorpusOptions {
  /** Files (.txt, .md, .jsonl) and folders of them. */
  inputs: readonly string[];
  /** Folder the manifest and the extraction store are written to (on commit). */
  out: string;
  /** Folder of an earlier build whose documents the result keeps (its manifest and store). */
  update?: string;
  /** Extraction threads; 1 extracts in the main thread. Default: every core. */
  workers?: number;
  /** Default: a progress bar when stderr is a terminal. */
  progress?: Progress;
  /** URL of a module exporting `extract`, used instead of the pipeline (tests). */
  extractor?: string;
  /**
   * Below this many words to extract, threads cost more to start than they save and the
   * main thread extracts (same output either way). Default 10,000: at most about a second of
   * work, so a signal is answered within a second; above it even one worker is a thread.
   */
  minWordsForThreads?: number;
}

export interface CorpusStats {
  /** Documents in the graph. */
  documents: number;
  /** Documents extracted by this build. */
  extracted: number;
  /** Inputs already in the updated graph with the same text. */
  unchanged: number;
  /** Stored documents whose text changed. */
  replaced: number;
  /** Documents counted once because another id has the same text. */
  duplicates: number;
  /** Documents whose extraction failed (each is also a problem). */
  failed: number;
  /** Words of the documents extracted by this build. */
  words: number;
  /** Extraction threads used (1: the main thread). */
  workers: number;
  extractSeconds: number;
  mergeSeconds: number;
}

export interface CorpusBuild {
  graph: KnowledgeGraph;
  /** Skipped inputs (unreadable, bad lines, failed extraction): the build exits non-zero. */
  problems: Problem[];
  /** Worth saying but not wrong: a text given twice under two names. */
  notes: Problem[];
  stats: CorpusStats;
  /** Moves the staged manifest and store into `out` (each an atomic rename). */
  commit(): Promise<void>;
  /** Removes the staged files; the previous output stays as it was. */
  discard(): Promise<void>;
}

/** Nothing to build; `problems` says what was wrong with each input. */
export class NoDocumentsError extends UsageError {
  constructor(message: string, readonly problems: readonly Problem[]) {
    super(message);
  }
}

interface Staged {
  newStore: string;
  store: string;
  manifest: string;
}

/** Builds the graph of a corpus; see the file comment. */
export async function buildCorpus(options: CorpusOptions): Promise<CorpusBuild> {
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const progress = options.progress ?? createProgress();
  const { documents: inputs, problems } = await discover(options.inputs);
  if (inputs.length === 0 && options.update === undefined) {
    throw new NoDocumentsError(`no readable input texts in ${options.inputs.join(", ")}`, problems);
  }
  // A folder with no manifest is refused before anything is created or locked.
  if (options.update !== undefined && !(await stat(path.join(options.update, MANIFEST_FILE)).catch(() => undefined))) {
    await readManifest(options.update);
  }
  const releaseLocks = await lockFolders(options.out, options.update);
  const staged = stagingPaths(options.out);
  for (const file of Object.values(staged)) removeOnExit(file);
  const removeStaged = (): void => {
    for (const file of Object.values(staged)) {
      rmSync(file, { force: true });
      keep(file);
    }
  };
  const release = (): void => {
    removeStaged();
    releaseLocks();
  };

  try {
    // Read under the lock, so no other build changes it meanwhile.
    const manifest = options.update !== undefined ? await readManifest(options.update) : undefined;
    const stored = manifest?.documents ?? [];
    const decided = plan<SourceDocument>(stored, inputs);
    const notes = duplicateNotes(decided.duplicates);

    // 1. Extract the new documents, in id order, into a store of their own.
    const index = new ResolutionIndex();
    const extractedIds = new Set<string>();
    const started = performance.now();
    let words = 0;
    const newStore = new StoreWriter(staged.newStore);
    const wordsToExtract = decided.extract.reduce((sum, d) => sum + d.words, 0);
    // Small inputs extract in the main thread (a second at most, so a signal waits no longer).
    const inThreads = wordsToExtract >= (options.minWordsForThreads ?? 10_000);
    const threads = inThreads ? Math.max(1, Math.min(workers, decided.extract.length)) : 1;
    const pool = createExtractorPool(threads, inThreads);
    const reader = new TextReader();
    progress.start(decided.extract.length, wordsToExtract);
    try {
      const work = async (document: SourceDocument): Promise<ExtractResult> => {
        const read = await reader.read(document);
        if ("message" in read) return { ok: false, error: read.message };
        try {
          return await pool.run({ document: read, hash: document.hash, extractor: options.extractor });
        } catch (error) {
          return { ok: false, error: `worker failed: ${error instanceof Error ? error.message : String(error)}` };
        }
      };
      for await (const { item, result } of mapOrdered(decided.extract, work, Math.max(4, threads * 4))) {
        progress.advance(item.words);
        words += item.words;
        if (!result.ok) {
          problems.push({ path: item.origin, message: `skipped: extraction failed: ${result.error}` });
          continue;
        }
        await newStore.write(result.json);
        index.add(result);
        extractedIds.add(item.id);
      }
    } finally {
      progress.stop();
      await reader.close();
      await pool.close();
      await newStore.close();
    }
    const extractSeconds = (performance.now() - started) / 1000;

    // 2. Index the stored documents that stay (an update), checking the store against the manifest.
    const mergeStarted = performance.now();
    const storedKept = new Map<string, ManifestEntry>();
    const storedEntries = new Map(stored.map((entry) => [entry.id, entry]));
    for (const slot of decided.keep) if (slot.stored) storedKept.set(slot.entry.id, storedEntries.get(slot.entry.id)!);
    const storeFile = options.update !== undefined ? path.join(options.update, STORE_FILE) : "";
    // Where each kept document is in the store, to name the line if its relations are bad.
    const storedLineOf = new Map<string, number>();
    if (storedKept.size > 0) {
      for await (const { line, number, document } of storedLines(storeFile, storedKept)) {
        const entities = entitiesOf(line);
        const problem = entitiesProblem(entities.entities);
        if (problem !== undefined) throw badStoreLine(storeFile, number, problem);
        index.add(entities);
        storedLineOf.set(document, number);
      }
      if (storedLineOf.size !== storedKept.size) throw inconsistent(options.update!);
    }

    // 3. Merge everything in id order; write the store and manifest of the result.
    const graph = createGraph();
    const entries: ManifestEntry[] = [];
    const newEntries = new Map(decided.extract.filter((d) => extractedIds.has(d.id)).map((d) => [d.id, d]));
    const finalStore = storedKept.size > 0 ? new StoreWriter(staged.store) : undefined;
    try {
      const streams = [
        storedKept.size > 0 ? linesOnly(storedLines(storeFile, storedKept)) : undefined,
        newEntries.size > 0 ? readStore(staged.newStore) : undefined,
      ];
      const total = storedKept.size + newEntries.size;
      let merged = 0;
      let shown = 0;
      for await (const line of mergeById(streams)) {
        // A line a few times a second, not one per document.
        if (merged++ % 100 === 0 && performance.now() - shown > 200) {
          progress.phase?.(`merging ${merged.toLocaleString("en-US")}/${total.toLocaleString("en-US")} documents`);
          shown = performance.now();
        }
        const extraction = JSON.parse(line) as Extraction;
        const storedLine = storedLineOf.get(extraction.document);
        if (storedLine !== undefined && !newEntries.has(extraction.document)) {
          const problem = extractionProblem(extraction);
          if (problem !== undefined) throw badStoreLine(storeFile, storedLine, problem);
        }
        mergeExtraction(graph, resolveExtraction(index, extraction));
        await finalStore?.write(line);
        const source = newEntries.get(extraction.document);
        entries.push(source ? manifestEntry(source) : storedKept.get(extraction.document)!);
      }
    } finally {
      await finalStore?.close();
    }
    trimLists(graph);
    if (finalStore) await rm(staged.newStore, { force: true });
    else await rename(staged.newStore, staged.store);
    await writeFile(staged.manifest, formatManifest(entries), "utf8");
    const mergeSeconds = (performance.now() - mergeStarted) / 1000;

    const stats: CorpusStats = {
      documents: entries.length,
      extracted: extractedIds.size,
      unchanged: decided.unchanged.length,
      replaced: decided.replaced.length,
      duplicates: decided.duplicates.length,
      failed: decided.extract.length - extractedIds.size,
      words,
      workers: threads,
      extractSeconds,
      mergeSeconds,
    };
    let settled = false;
    return {
      graph, problems, notes, stats,
      async commit() {
        if (settled) return;
        settled = true;
        await rename(staged.store, path.join(options.out, STORE_FILE));
        await rename(staged.manifest, path.join(options.out, MANIFEST_FILE));
        release();
      },
      async discard() {
        if (settled) return;
        settled = true;
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The store's lines for the kept documents (with their line numbers), checking each against
 * the manifest's hash.
 */
async function* storedLines(
  file: string, kept: ReadonlyMap<string, ManifestEntry>,
): AsyncGenerator<{ line: string; number: number; document: string }> {
  const dir = path.dirname(file);
  let number = 0;
  try {
    for await (const line of readStore(file)) {
      number++;
      let identity;
      try {
        identity = identityOf(line);
      } catch {
        throw badStoreLine(file, number, "not valid JSON");
      }
      const { document, hash } = identity;
      if (typeof document !== "string" || document === "") throw badStoreLine(file, number, `"document" is not a non-empty string`);
      const entry = kept.get(document);
      if (!entry) continue;
      if (entry.hash !== hash) throw inconsistent(dir);
      yield { line, number, document };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${dir} has ${MANIFEST_FILE} but no ${STORE_FILE}: rebuild without --update`);
    throw inconsistent(dir);
  }
}

async function* linesOnly(lines: AsyncGenerator<{ line: string }>): AsyncGenerator<string> {
  for await (const { line } of lines) yield line;
}

function badStoreLine(file: string, line: number, problem: string): UsageError {
  return new UsageError(`${file}:${line}: not a stored extraction (${problem}): rebuild without --update`);
}

function inconsistent(dir: string): UsageError {
  return new UsageError(`${path.join(dir, STORE_FILE)} does not match ${MANIFEST_FILE} (interrupted build?): rebuild without --update`);
}

/** Merges streams of store lines, each in document id order, into one in id order. */
async function* mergeById(streams: (AsyncGenerator<string> | undefined)[]): AsyncGenerator<string> {
  const live = streams.filter((s): s is AsyncGenerator<string> => s !== undefined);
  const heads: { line: string; id: string }[] = [];
  const advance = async (i: number): Promise<boolean> => {
    const next = await live[i].next();
    if (next.done) return false;
    heads[i] = { line: next.value, id: documentOf(next.value) };
    return true;
  };
  const active: number[] = [];
  for (let i = 0; i < live.length; i++) if (await advance(i)) active.push(i);
  while (active.length > 0) {
    let best = 0;
    for (let k = 1; k < active.length; k++) if (heads[active[k]].id < heads[active[best]].id) best = k;
    const i = active[best];
    yield heads[i].line;
    if (!(await advance(i))) active.splice(best, 1);
  }
}

/**
 * The entities of a store line. The pipeline writes them before the relations, which hold
 * most of a line (every evidence sentence), so only that head is parsed. The cut is safe:
 * inside a JSON string a quote is always escaped, so `,"relations":` only ever starts the key.
 */
function entitiesOf(line: string): Pick<Extraction, "entities"> {
  const cut = line.indexOf(',"relations":');
  if (cut >= 0) {
    try {
      const head = JSON.parse(line.slice(0, cut) + "}") as Partial<Extraction>;
      if (Array.isArray(head.entities)) return { entities: head.entities };
    } catch {
      // Not the layout the pipeline writes: read the whole line below.
    }
  }
  return JSON.parse(line) as Extraction;
}

/** The "document" field of a store line. */
function documentOf(line: string): string {
  return identityOf(line).document;
}

/**
 * The document id and hash of a store line, read from its start when it begins with them
 * (as the pipeline writes it), else by parsing it all.
 */
function identityOf(line: string): { document: string; hash: string | undefined } {
  const match = /^\{"document":("(?:[^"\\]|\\.)*"),"hash":"([^"\\]*)"/.exec(line);
  if (match) return { document: JSON.parse(match[1]) as string, hash: match[2] };
  const value = JSON.parse(line) as Partial<Extraction> | null;
  return { document: value?.document as string, hash: value?.hash };
}

function manifestEntry(document: SourceDocument): ManifestEntry {
  const entry: ManifestEntry = { id: document.id, hash: document.hash, words: document.words };
  if (document.date !== undefined) entry.date = document.date;
  if (document.source !== undefined) entry.source = document.source;
  return entry;
}

function stagingPaths(out: string): Staged {
  const stamp = `${process.pid}.tmp`;
  return {
    newStore: path.join(out, `.${STORE_FILE}.new.${stamp}`),
    store: path.join(out, `.${STORE_FILE}.${stamp}`),
    manifest: path.join(out, `.${MANIFEST_FILE}.${stamp}`),
  };
}

/**
 * Creates `out` if need be and takes the lock of it (and of the updated folder, when that is
 * another one), then removes the staging files killed builds left; a folder that cannot be
 * written, or a file where a folder should be, is a UsageError.
 */
async function lockFolders(out: string, update: string | undefined): Promise<() => void> {
  const releases: (() => void)[] = [];
  const releaseAll = (): void => {
    for (const release of releases.splice(0)) release();
  };
  try {
    await makeFolder(out, "--out");
    releases.push(acquireLock(out));
    await removeStaleTemps(out, [STORE_FILE, MANIFEST_FILE]);
  } catch (error) {
    releaseAll();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write to ${out}: ${describeError(error)}`);
  }
  if (update !== undefined && path.resolve(update) !== path.resolve(out)) {
    try {
      releases.push(acquireLock(update));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder this user cannot write is one no build of theirs changes: read it unlocked.
      if (!(code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOENT")) {
        releaseAll();
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot lock ${update}: ${describeError(error)}`);
      }
    }
  }
  return releaseAll;
}

async function makeFolder(dir: string, option: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${option} ${dir} is not a folder`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") throw new UsageError(`${option} ${dir} is not a folder (a file is in its path)`);
    throw error;
  }
}

/** Up to this many duplicate texts are noted one per line; more, in one line with a count. */
export const MAX_DUPLICATE_NOTES = 3;

function duplicateNotes(duplicates: Plan<SourceDocument>["duplicates"]): Problem[] {
  const notes = duplicates.map(({ entry, stored: wasStored, sameAs }) => ({
    path: wasStored ? `${entry.id} (stored)` : (entry as SourceDocument).origin ?? entry.id,
    message: `same text as "${sameAs}": counted once`,
  }));
  if (notes.length <= MAX_DUPLICATE_NOTES) return notes;
  const [first] = notes;
  return [{
    path: `${notes.length} documents`,
    message: `same text as another document: each counted once, under the smallest id (first: ${first.path}, ${first.message.replace(/: counted once$/, "")})`,
  }];
}

/** One summary line: what the build did and how fast. */
export function summarize(stats: CorpusStats): string {
  const parts = [`${stats.extracted} extracted`];
  if (stats.unchanged) parts.push(`${stats.unchanged} unchanged`);
  if (stats.replaced) parts.push(`${stats.replaced} replaced`);
  if (stats.duplicates) parts.push(`${stats.duplicates} duplicate${stats.duplicates === 1 ? "" : "s"}`);
  if (stats.failed) parts.push(`${stats.failed} failed`);
  const rate = stats.extractSeconds > 0 ? Math.round(stats.words / stats.extractSeconds) : 0;
  return `${parts.join(", ")}; ${stats.words.toLocaleString("en-US")} words at ${rate.toLocaleString("en-US")} words/s on ${stats.workers} worker${stats.workers === 1 ? "" : "s"}`;
}
