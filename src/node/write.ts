// Atomic file writes: each file is written to a temporary name in the same folder, then
// renamed over the target, so a reader never sees a half-written file. Content may be a
// string or a sequence of chunks (the export of a large graph does not fit in one string);
// chunks are piped into a write stream, which takes the next one only when it has room
// (backpressure), so memory stays flat however large the file.
// Temporary files go when the process ends (cleanup.ts), also on Ctrl-C; those a killed
// process left (kill -9) are removed by removeStaleTemps the next time.
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isRunning, keep, removeOnExit } from "./cleanup.js";

export interface OutputFile {
  path: string;
  content: string | Iterable<string> | AsyncIterable<string>;
}

/** The temporary sibling a write of `target` uses: `.NAME.PID.N.tmp`. */
function tempPath(target: string, n: number): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${n}.tmp`);
}

/**
 * Writes every file to a temporary sibling first, then renames them all into place; if any
 * write fails, or producing the content throws, the temporary files are removed and no target
 * is touched. `onFile` hears of each file as its write starts (progress).
 */
export async function writeFilesAtomic(
  files: readonly OutputFile[], onFile?: (file: OutputFile, index: number) => void,
): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      onFile?.(file, staged.length);
      await mkdir(path.dirname(file.path), { recursive: true });
      const temp = tempPath(file.path, staged.length);
      staged.push({ temp, target: file.path });
      removeOnExit(temp);
      // Readable.from sends a string as one chunk, and any (async) iterable chunk by chunk.
      await pipeline(Readable.from(file.content), createWriteStream(temp));
    }
    for (const { temp, target } of staged) {
      await rename(temp, target);
      keep(temp);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    for (const { temp } of staged) keep(temp);
    throw error;
  }
}

/**
 * Removes from `dir` the temporary files of writes of `names` (file names in `dir`) that a
 * process now gone left behind: `.NAME.PID.N.tmp` and `.NAME[.new].PID.tmp` (the corpus's staging).
 */
export async function removeStaleTemps(dir: string, names: readonly string[]): Promise<void> {
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`^\\.(?:${alternatives})(?:\\.new)?\\.(\\d+)(?:\\.\\d+)?\\.tmp$`);
  for (const name of await readdir(dir)) {
    const pid = pattern.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(path.join(dir, name), { force: true });
  }
}
