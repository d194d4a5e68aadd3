// One build at a time per folder. Two builds writing one folder would each rename their own
// store and manifest into place, and the later one would drop the other's documents. A build
// creates DIR/.newsgraph.lock (exclusively, holding its pid) before it reads or writes DIR,
// and removes it when done; a lock whose process is gone (killed, crashed) is taken over.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { isRunning, keep, removeOnExit } from "../cleanup.js";

export const LOCK_FILE = ".newsgraph.lock";

/** Takes the lock of `dir` (which exists); returns its release. A live holder is a UsageError. */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      removeOnExit(file);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        rmSync(file, { force: true });
        keep(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw error;
    }
    const holder = lockHolder(file);
    if (holder !== undefined ? isRunning(holder) : isFresh(file)) {
      throw new UsageError(`${dir} is being built by another newsgraph process (pid ${holder ?? "unknown"}): wait for it to end`
        + ` (or remove ${file} if that process is not newsgraph)`);
    }
    // The holder is gone (or the file is unreadable junk): take the lock over.
    rmSync(file, { force: true });
  }
}

/** The pid in the lock; undefined when it has none (junk, or gone meanwhile). */
function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A lock without a pid that is less than a few seconds old may be one being written now. */
function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 5_000;
  } catch {
    return false;
  }
}
