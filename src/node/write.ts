// Atomic file writes: each file is written to a temporary name in the same folder, then
// renamed over the target, so a reader never sees a half-written file. Content may be a
// string or a sequence of chunks (the export of a large graph does not fit in one string);
// chunks are piped into a write stream, which takes the next one only when it has room
// (backpressure), so memory stays flat however large the file.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface OutputFile {
  path: string;
  content: string | Iterable<string> | AsyncIterable<string>;
}

/**
 * Writes every file to a temporary sibling first, then renames them all into place; if any
 * write fails, or producing the content throws, the temporary files are removed and no target
 * is touched.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const dir = path.dirname(file.path);
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${path.basename(file.path)}.${process.pid}.${staged.length}.tmp`);
      staged.push({ temp, target: file.path });
      // Readable.from sends a string as one chunk, and any (async) iterable chunk by chunk.
      await pipeline(Readable.from(file.content), createWriteStream(temp));
    }
    for (const { temp, target } of staged) await rename(temp, target);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
