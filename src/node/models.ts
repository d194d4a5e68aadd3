// Node's model source: reads the package's models/ folder synchronously. The folder is found
// relative to this module, which sits at src/node/ (vitest, tsx) or dist/node/ (after tsc):
// both are two levels below the package root. Importing this module registers the source.
import { readFileSync } from "node:fs";
import { setModelSource } from "../models.js";

const MODELS = new URL("../../models/", import.meta.url);

export function readModelFile(file: string): Uint8Array {
  if (file.includes("..") || file.startsWith("/")) throw new Error(`model file name not allowed: ${file}`);
  try {
    return readFileSync(new URL(file, MODELS));
  } catch {
    throw new Error(`model file models/${file} not found (is the package's models/ folder installed?)`);
  }
}

setModelSource(readModelFile);
