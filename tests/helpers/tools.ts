// External tools some tests need (Debian packages, ../shared). Locally a missing tool skips
// the test with a message saying what to install; under CI (CI=true) it fails the test.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHARED = path.resolve(REPO_ROOT, "../shared");
export const GEXF_SCHEMA = path.join(SHARED, "schemas/gexf-1.3/gexf.rnc");

export function hasCommand(command: string, args: string[] = ["--version"]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return result.error === undefined;
}

export function hasPythonModule(module: string): boolean {
  const result = spawnSync("python3", ["-c", `import ${module}`], { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

/** What is missing, each with how to get it; empty when everything is there. */
export function missingTools(needs: { jing?: boolean; networkx?: boolean; shared?: boolean }): string[] {
  const missing: string[] = [];
  if (needs.shared && !existsSync(GEXF_SCHEMA)) missing.push(`../shared (no ${GEXF_SCHEMA})`);
  // jing without arguments prints its usage and exits non-zero, but it runs.
  if (needs.jing && !hasCommand("jing", [])) missing.push("jing (apt-get install -y jing)");
  if (needs.networkx && !hasPythonModule("networkx")) missing.push("python3-networkx (apt-get install -y python3-networkx)");
  return missing;
}

/** Skips the running test locally, fails it under CI, when something it needs is missing. */
export function requireTools(missing: readonly string[], context: { skip: (note?: string) => void }): void {
  if (missing.length === 0) return;
  const message = `missing ${missing.join(", ")}`;
  if (process.env.CI === "true") throw new Error(`${message} (a skip is a failure under CI)`);
  console.warn(`skipped: ${message}`);
  context.skip(message);
}
