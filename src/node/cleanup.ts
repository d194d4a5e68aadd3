// Files a command must not leave behind: temporary outputs and the build lock. They are
// removed on exit, also when the process ends by an error or by SIGINT, SIGTERM or SIGHUP
// (which then exits with 128 + the signal number). SIGKILL cannot be caught: what a killed
// process leaves, the next build removes (removeStaleTemps in write.ts, the lock's take-over).
import { rmSync } from "node:fs";

const files = new Set<string>();
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const handlers = new Map<NodeJS.Signals, () => void>();

/** Removes `file` when the process ends, unless `keep(file)` is called first. */
export function removeOnExit(file: string): void {
  files.add(file);
  if (handlers.size > 0) return;
  process.on("exit", removeAll);
  for (const [signal, number] of Object.entries(SIGNALS) as [NodeJS.Signals, number][]) {
    const handler = (): void => {
      removeAll();
      process.exit(128 + number);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

/** Forgets `file` (renamed into place, or removed by its owner); the last one detaches the handlers. */
export function keep(file: string): void {
  files.delete(file);
  if (files.size > 0 || handlers.size === 0) return;
  process.off("exit", removeAll);
  for (const [signal, handler] of handlers) process.off(signal, handler);
  handlers.clear();
}

function removeAll(): void {
  for (const file of files) rmSync(file, { force: true });
  files.clear();
}

/** Whether a process with this pid exists (EPERM: it does, owned by someone else). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
