// Library entry point. Browser-safe: nothing here imports Node built-ins.
export * from "./model.js";
export { extract, hashText } from "./extract.js";
export { analyze, normalizeText } from "./nlp/index.js";
export { DEP_LABELS, parse, parseInto, type Parse } from "./parser/index.js";
export { provideModelFile } from "./models.js";
export { buildGraph, mergeExtraction, createGraph, type KnowledgeGraph } from "./graph/index.js";
export { ResolutionIndex, resolveExtraction, normalizeName, type ExistingNode } from "./graph/resolve.js";
export * from "./query/index.js";
// Each export as a string, and as chunks of text for graphs too large for one string.
export { toJson, jsonChunks } from "./export/json.js";
export { toGexf, gexfChunks } from "./export/gexf.js";
export { toGraphml, graphmlChunks } from "./export/graphml.js";
export { toCsv, csvChunks, type CsvFiles } from "./export/csv.js";
export { toCypher, cypherChunks } from "./export/cypher.js";
