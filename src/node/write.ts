// Atomic file writes: each file is written to a temporary name in the same folder, then
// renamed over the target, so a reader never sees a half-written file.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * Writes every file to a temporary sibling first, then renames them all into place; if any
 * write fails, the temporary files are removed and no target is touched.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const dir = path.dirname(file.path);
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${path.basename(file.path)}.${process.pid}.${staged.length}.tmp`);
      staged.push({ temp, target: file.path });
      await writeFile(temp, file.content, "utf8");
    }
    for (const { temp, target } of staged) await rename(temp, target);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
