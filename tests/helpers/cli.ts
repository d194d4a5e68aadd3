// Runs the compiled CLI (dist/node/cli.js: `npm test` compiles first) as a user would.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./tools.js";

export const CLI = path.join(REPO_ROOT, "dist/node/cli.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd = REPO_ROOT): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
