// Exit codes and the error a command throws for bad usage or unusable input.

/** Everything worked. */
export const EXIT_OK = 0;
/** Output was produced, but some inputs were skipped (each reported on stderr). */
export const EXIT_SKIPPED = 1;
/** Usage error (unknown option, missing file) or no usable input at all. */
export const EXIT_USAGE = 2;

/** A problem the user can fix; the CLI prints its message on one line and exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An input that was skipped, and why. */
export interface Problem {
  /** The path as the user gave it (or as found under a folder they gave). */
  path: string;
  message: string;
}

/** Prints each skipped input on its own stderr line. */
export function reportProblems(problems: readonly Problem[]): void {
  for (const problem of problems) process.stderr.write(`newsgraph: ${problem.path}: ${problem.message}\n`);
}

/** A file-system error in words: "permission denied", "no space left", else its code. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EDQUOT") return "disk quota exceeded";
  return code ?? (error instanceof Error ? error.message : String(error));
}
