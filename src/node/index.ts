// Library entry point for Node (package.json "exports" condition "node"): the browser-safe
// core, with a loadGraph that also reads graph files from disk and a writer for exports.
export * from "../index.js";
export { loadGraph, readGraphFile } from "./load.js";
export { writeFilesAtomic, type OutputFile } from "./write.js";
