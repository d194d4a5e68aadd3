// Library entry point. Browser-safe: nothing here imports Node built-ins.
export * from "./model.js";
export { extract, hashText } from "./extract.js";
export { analyze, normalizeText } from "./nlp/index.js";
export { buildGraph, mergeExtraction, createGraph, type KnowledgeGraph } from "./graph/index.js";
export { ResolutionIndex, resolveExtraction, normalizeName, type ExistingNode } from "./graph/resolve.js";
export * from "./query/index.js";
export { toGraphml } from "./export/graphml.js";
export { toCsv, type CsvFiles } from "./export/csv.js";
export { toCypher } from "./export/cypher.js";
