// Library entry point for Node (package.json "exports" condition "node"): the browser-safe
// core, with a loadGraph that also reads graph files from disk.
export * from "../index.js";
export { loadGraph, readGraphFile } from "./load.js";
