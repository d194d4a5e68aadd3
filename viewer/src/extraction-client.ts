// The main thread's side of the extraction worker: a promise per document.
import type { Document, Extraction } from "../../src/model.js";
import type { ExtractRequest, ExtractResponse } from "./paste-worker.js";

export class ExtractionClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve(e: Extraction): void; reject(error: Error): void }>();

  extract(document: Document): Promise<Extraction> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, document } satisfies ExtractRequest);
    });
  }

  /** The worker (and the NLP model in it) loads on first use only. */
  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./paste-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<ExtractResponse>) => {
      const request = this.pending.get(event.data.id);
      if (!request) return;
      this.pending.delete(event.data.id);
      if ("error" in event.data) request.reject(new Error(event.data.error));
      else request.resolve(event.data.extraction);
    };
    worker.onerror = (event) => {
      const error = new Error(`the extraction worker failed: ${event.message || "could not start"}`);
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
