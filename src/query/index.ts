// Query capability: name resolution, the GraphQuery API and loading graphs to query.
export { GraphQuery } from "./graph-query.js";
export { NameIndex, normalizeName, editDistance } from "./names.js";
export {
  GraphFormatError, graphFromSerialized, loadGraph, parseGraphJSON, queryGraph,
  type GraphSource, type SerializedKnowledgeGraph,
} from "./load.js";
export type * from "./types.js";
