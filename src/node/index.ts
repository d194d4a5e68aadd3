// Library entry point for Node (package.json "exports" condition "node"): the browser-safe
// core, with a loadGraph that also reads graph files from disk and a writer for exports.
// Registers the models/ folder as where trained weights are read from (parser, ...).
import "./models.js";

export * from "../index.js";
export { loadGraph, readGraphFile } from "./load.js";
export { writeFilesAtomic, type OutputFile } from "./write.js";
