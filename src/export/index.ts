// Exports: one file per format, each a pure function from a graph to a string (toJson, ...)
// and to the same text as a sequence of chunks (jsonChunks, ...) for graphs too large for one string.
export { toJson, jsonChunks } from "./json.js";
export { toGexf, gexfChunks } from "./gexf.js";
export { toGraphml, graphmlChunks } from "./graphml.js";
export { toCsv, csvChunks, type CsvFiles } from "./csv.js";
export { toCypher, cypherChunks } from "./cypher.js";
export { sortedNodes, sortedEdges, joinChunks } from "./chunks.js";
