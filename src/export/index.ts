// Exports: one file per format, each a pure function from a graph to a string.
export { toJson } from "./json.js";
export { toGexf } from "./gexf.js";
export { canonicalCopy } from "./canonical.js";
