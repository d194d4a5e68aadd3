// Running extractions: a piscina pool of worker threads, or the main thread for one worker,
// and an ordered map that keeps a bounded number of documents in flight and hands results
// back in input order (so merging is deterministic whatever finishes first).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { ExtractResult, ExtractTask } from "./worker.js";

export interface ExtractorPool {
  /** Worker threads used; 0 when extraction runs in the main thread. */
  readonly threads: number;
  /** Aborting a task run on a thread ends that thread (piscina starts another). */
  run(task: ExtractTask, signal?: AbortSignal): Promise<ExtractResult>;
  close(): Promise<void>;
}

/**
 * `workers` threads; one worker extracts in the main thread (no thread start-up) unless
 * `inThreads` says otherwise. A build gives a large input to threads even with one worker:
 * a main thread busy extracting could not answer Ctrl-C until the document is done.
 */
export function createExtractorPool(workers: number, inThreads = workers > 1): ExtractorPool {
  if (!inThreads) {
    // Imported here, not at the top: the pipeline (and its ~50 MB wink model) is loaded only
    // by the thread that extracts, never by a main thread that only merges.
    const worker = import("./worker.js");
    worker.catch(() => undefined); // a failure surfaces from run(), not as an unhandled rejection
    return {
      threads: 0,
      run: async (task) => {
        const { extractorFor, runExtraction } = await worker;
        return runExtraction(await extractorFor(task.extractor), task);
      },
      close: async () => undefined,
    };
  }
  const { filename, execArgv } = workerEntry();
  const pool = new Piscina<ExtractTask, ExtractResult>({
    filename, execArgv, minThreads: Math.max(1, workers), maxThreads: Math.max(1, workers),
    // Each thread loads its own wink model; keep them for the whole build.
    idleTimeout: 60_000,
  });
  return {
    threads: workers,
    run: (task, signal) => pool.run(task, { signal }),
    close: () => pool.destroy(),
  };
}

/**
 * The worker module next to this one: worker.js once compiled; from TypeScript sources
 * (tests, tsx) worker.ts, loaded through tsx.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { filename: new URL("./worker.js", here).href, execArgv: [] };
  const tsx = pathToFileURL(createRequire(here).resolve("tsx")).href;
  return { filename: new URL("./worker.ts", here).href, execArgv: ["--import", tsx] };
}

/**
 * Applies `work` to every item with at most `window` in flight, yielding results in input
 * order. Memory holds at most `window` results however uneven the work is.
 */
export async function* mapOrdered<T, R>(
  items: Iterable<T>, work: (item: T) => Promise<R>, window: number,
): AsyncGenerator<{ item: T; result: R }> {
  type Settled = { item: T; ok: true; result: R } | { item: T; ok: false; error: unknown };
  const queue: Promise<Settled>[] = [];
  const iterator = items[Symbol.iterator]();
  let exhausted = false;
  const refill = (): void => {
    while (!exhausted && queue.length < window) {
      const next = iterator.next();
      if (next.done) { exhausted = true; break; }
      const item = next.value;
      // Settle into a value at once, so a failure waiting in the queue is never "unhandled".
      queue.push(work(item).then(
        (result): Settled => ({ item, ok: true, result }),
        (error: unknown): Settled => ({ item, ok: false, error }),
      ));
    }
  };
  refill();
  while (queue.length > 0) {
    const settled = await queue.shift()!;
    refill();
    if (!settled.ok) throw settled.error;
    yield { item: settled.item, result: settled.result };
  }
}
