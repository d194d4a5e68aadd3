// Library entry point. Browser-safe: nothing here imports Node built-ins.
export * from "./model.js";
export { extract, hashText } from "./extract.js";
export { analyze, normalizeText } from "./nlp/index.js";
export { buildGraph, mergeExtraction, createGraph, type KnowledgeGraph } from "./graph/index.js";
