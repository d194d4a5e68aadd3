// Web worker: runs the extraction pipeline (src/extract.ts) off the main thread, so a
// long article never freezes the graph. One message in (a Document), one out.
// Trained weights (models/) are fetched once, before the first extraction, and handed to
// the core with provideModelFile: a worker cannot read the package's files.
import { extract } from "../../src/extract.js";
import type { Document, Extraction } from "../../src/model.js";
import { provideModelFile } from "../../src/models.js";
import { PARSER_MODEL_FILE, parserWeights } from "../../src/parser/index.js";
import parserModelUrl from "../../models/parser/parser.bin?url";

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

const models: Promise<void> = fetch(parserModelUrl)
  .then((response) => {
    if (!response.ok) throw new Error(`parser model: HTTP ${response.status}`);
    return response.arrayBuffer();
  })
  .then((buffer) => {
    provideModelFile(PARSER_MODEL_FILE, new Uint8Array(buffer));
    parserWeights(); // decoded here, so a broken file shows as the first extraction's error
  });

scope.onmessage = (event) => {
  const { id, document } = event.data;
  models
    .then(() => scope.postMessage({ id, extraction: extract(document) }))
    .catch((error: unknown) => {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    });
};
