// Web worker: runs the extraction pipeline (src/extract.ts) off the main thread, so a
// long article never freezes the graph. One message in (a Document), one out.
import { extract } from "../../src/extract.js";
import type { Document, Extraction } from "../../src/model.js";

export interface ExtractRequest {
  id: number;
  document: Document;
}

export type ExtractResponse =
  | { id: number; extraction: Extraction }
  | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null;
  postMessage(message: ExtractResponse): void;
};

scope.onmessage = (event) => {
  const { id, document } = event.data;
  try {
    scope.postMessage({ id, extraction: extract(document) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
