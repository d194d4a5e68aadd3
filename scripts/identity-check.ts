// Identity check for refactors of the extraction pipeline: hashes the extractions of the
// seed, the dev and dev-real articles and 1,000 generated articles, and the files of a
// graph built from seeds/ (needs `npm run build:lib` first), and compares them with the
// hashes recorded in scripts/identity-hashes.json. Not part of `npm test` (about a minute).
//
//   npx tsx scripts/identity-check.ts            compare, exit 1 on any difference
//   npx tsx scripts/identity-check.ts --record   record the current hashes
//   npx tsx scripts/identity-check.ts --dump DIR write each set's extractions to DIR for diffing
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extract, hashText } from "../src/extract.js";
import { generateCorpus } from "../bench/generate-corpus.js";
import type { Document } from "../src/model.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HASHES = path.join(ROOT, "scripts/identity-hashes.json");
const args = process.argv.slice(2);
const dumpAt = args.indexOf("--dump");
const dumpDir = dumpAt >= 0 ? args[dumpAt + 1] : undefined;

function textsIn(dir: string): Document[] {
  return readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()
    .map((n) => ({ id: n, text: readFileSync(path.join(dir, n), "utf8") }));
}

const sets: Record<string, Document[]> = {
  seed: textsIn(path.join(ROOT, "seeds")),
  dev: textsIn(path.join(ROOT, "../shared/dev")),
  "dev-real": textsIn(path.join(ROOT, "../shared/dev-real")),
  generated: [...generateCorpus({ articles: 1000, seed: 1 })],
};

const current: Record<string, string> = {};
for (const [name, documents] of Object.entries(sets)) {
  const lines = documents.map((d) => JSON.stringify(extract(d)));
  current[`extract:${name}`] = hashText(lines.join("\n"));
  if (dumpDir) {
    mkdirSync(dumpDir, { recursive: true });
    writeFileSync(path.join(dumpDir, `${name}.jsonl`), lines.join("\n") + "\n");
  }
}

const cli = path.join(ROOT, "dist/node/cli.js");
if (existsSync(cli)) {
  const out = mkdtempSync(path.join(os.tmpdir(), "identity-"));
  try {
    execFileSync(process.execPath, [cli, "build", "--format", "json,gexf,graphml,csv,cypher", "--out", out, path.join(ROOT, "seeds")], { stdio: "ignore" });
    for (const file of readdirSync(out).sort()) {
      if (file === "extractions.jsonl.gz") continue; // gzip bytes: its content is the seed set above
      current[`graph:${file}`] = hashText(readFileSync(path.join(out, file), "latin1"));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
} else {
  console.log("dist/node/cli.js missing: graph files not checked (run npm run build:lib)");
}

if (args.includes("--record")) {
  writeFileSync(HASHES, JSON.stringify(current, null, 2) + "\n");
  console.log(`recorded ${Object.keys(current).length} hashes in ${path.relative(ROOT, HASHES)}`);
} else {
  const recorded = JSON.parse(readFileSync(HASHES, "utf8")) as Record<string, string>;
  let differences = 0;
  for (const key of Object.keys({ ...recorded, ...current })) {
    const same = recorded[key] === current[key];
    if (!same) differences++;
    console.log(`${same ? "same     " : "DIFFERENT"} ${key}`);
  }
  console.log(differences === 0 ? "identity: all identical" : `identity: ${differences} difference(s)`);
  process.exitCode = differences === 0 ? 0 : 1;
}
