// Corpus builds: many documents, worker threads, cross-document resolution, incremental updates.
export { NoDocumentsError, buildCorpus, summarize, type CorpusBuild, type CorpusOptions, type CorpusStats } from "./build.js";
export { discover, countWords, parseLine, type SourceDocument } from "./discover.js";
export { plan, type Plan, type Entry } from "./plan.js";
export { MANIFEST_FILE, STORE_FILE, formatManifest, readManifest, type Manifest, type ManifestEntry } from "./store.js";
export { SILENT, createProgress, type Progress } from "./progress.js";
