// Web worker: runs the extraction pipeline (src/extract.ts) off the main thread, so a
// long article never freezes the graph. One message in (a Document), one out.
// Trained weights (models/) are fetched once, before the first extraction, and handed to
// the core with provideModelFile: a worker cannot read the package's files.
import { extract } from "../../src/extract.js";
import type { Document, Extraction } from "../../src/model.js";
import { provideModelFile } from "../../src/models.js";
import { PARSER_MODEL_FILE, parserWeights } from "../../src/parser/index.js";
import parserModelUrl from "../../models/parser/parser.bin?url";
import { NER_GAZETTEER_FILE, NER_WEIGHTS_FILE, nerGazetteer, nerModel } from "../../src/ner/index.js";
import nerWeightsUrl from "../../models/ner/weights.bin?url";
import nerGazetteerUrl from "../../models/ner/gazetteer.txt?url";

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

/** One model file fetched and handed to the core. */
function fetchModel(url: string, file: string, what: string): Promise<void> {
  return fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${what}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => provideModelFile(file, new Uint8Array(buffer)));
}

// The parser and the entity tagger (weights and gazetteer): the same pipeline as in Node.
const models: Promise<void> = Promise.all([
  fetchModel(parserModelUrl, PARSER_MODEL_FILE, "parser model"),
  fetchModel(nerWeightsUrl, NER_WEIGHTS_FILE, "ner model"),
  fetchModel(nerGazetteerUrl, NER_GAZETTEER_FILE, "ner gazetteer"),
]).then(() => {
  // Decoded here, so a broken file shows as the first extraction's error.
  parserWeights();
  nerModel();
  nerGazetteer();
});

scope.onmessage = (event) => {
  const { id, document } = event.data;
  models
    .then(() => scope.postMessage({ id, extraction: extract(document) }))
    .catch((error: unknown) => {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    });
};
