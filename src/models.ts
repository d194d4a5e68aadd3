// Trained weights are data files under the package's models/ folder. The core cannot read
// files (it runs in browsers and workers too), so each platform registers where the bytes
// come from: Node reads the models/ folder (src/node/models.ts), the viewer's worker fetches
// the files before its first extraction and hands them over with provideModelFile.
export type ModelSource = (file: string) => Uint8Array;

let source: ModelSource | undefined;
const provided = new Map<string, Uint8Array>();
const decoded = new Map<string, unknown>();

/** Where model files are read from when not provided directly (Node: the models/ folder). */
export function setModelSource(read: ModelSource): void {
  source = read;
}

/** Bytes of one model file (a path under models/, e.g. "parser/weights.bin"), for platforms that fetch. */
export function provideModelFile(file: string, bytes: Uint8Array): void {
  provided.set(file, bytes);
  decoded.delete(file);
}

/**
 * A model file decoded once per process and kept: weights are read-only after loading, so
 * every document shares them and nothing about one document leaks into the next.
 */
export function loadModel<T>(file: string, decode: (bytes: Uint8Array) => T): T {
  const known = decoded.get(file);
  if (known !== undefined) return known as T;
  const bytes = provided.get(file) ?? source?.(file);
  if (!bytes) throw new Error(`model file models/${file} is not available (no model source registered)`);
  const model = decode(bytes);
  decoded.set(file, model);
  return model;
}
