// `npm run bench:corpus`: corpus builds at scale, printed as a table (not a test: timings
// depend on the machine and its load).
//
// For each size it generates a seeded corpus (bench/generate-corpus.ts), then runs, each in
// a fresh process so that peak memory is its own:
//   - wink readDoc alone on every text, one thread (the speed limit of the NLP underneath);
//   - the full build as `newsgraph build` does it (discover, extract on N workers, resolve,
//     merge, layout, export graph.json + graph.gexf, write manifest and store), per worker count.
//
// The sources are compiled once into node_modules/.cache/newsgraph-bench and every run uses
// that snapshot (compiled JavaScript, as the CLI runs), so edits made meanwhile do not mix in.
//
//   npx tsx bench/corpus.ts [--sizes 1000,10000,50000] [--workers 1,2] [--seed 1] [--keep DIR]
//                           [--formats json,gexf | none]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeCorpus } from "./generate-corpus.js";

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), "..");
const SNAPSHOT = path.join(ROOT, "node_modules/.cache/newsgraph-bench");
const compiled = (relative: string) => pathToFileURL(path.join(SNAPSHOT, relative)).href;

/** Compiles src/ into SNAPSHOT (type errors elsewhere do not stop tsc from emitting). */
function compileSnapshot(): void {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", SNAPSHOT],
    { cwd: ROOT, stdio: "ignore" });
  if (!existsSync(path.join(SNAPSHOT, "node/corpus/index.js"))) {
    process.stderr.write(`bench/corpus: compiling src/ into ${SNAPSHOT} failed\n`);
    process.exit(1);
  }
}

interface RunResult {
  run: string;
  seconds: number;
  words: number;
  peakMb: number;
  nodes?: number;
  edges?: number;
  phases?: { extract: number; merge: number; layout: number; export: number };
}

function option(argv: string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
}

function numbers(list: string, name: string): number[] {
  const values = list.split(",").map((item) => Number(item.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    process.stderr.write(`bench/corpus: ${name} expects whole numbers from 1, got "${list}"\n`);
    process.exit(2);
  }
  return values;
}

/**
 * Child: wink readDoc over every text of a .jsonl file, one thread. "default" is wink as it
 * ships (its whole pipe: sentences, negation, sentiment, POS, NER), the speed the issue
 * compares against; "pipeline" is the pipe the extraction runs (WINK_PIPE).
 */
async function childWink(file: string, pipe: string): Promise<RunResult> {
  const { WINK_PIPE, wink } = await import(compiled("nlp/index.js")) as typeof import("../src/nlp/index.js");
  const { createReadStream } = await import("node:fs");
  const { createInterface } = await import("node:readline");
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const nlp = pipe === "default" ? winkNLP(model) : wink();
  nlp.readDoc("Warm up the model before timing.");
  let words = 0;
  const started = performance.now();
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    nlp.readDoc(text);
    words += text.match(/\S+/g)?.length ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  const run = pipe === "default" ? "wink readDoc, 1 thread" : `wink readDoc (${WINK_PIPE.join("+")}), 1 thread`;
  return { run, seconds, words, peakMb: process.resourceUsage().maxRSS / 1024 };
}

/** Child: the whole build, as src/node/commands/build.ts runs it. */
async function childBuild(file: string, out: string, workers: number, formats: string): Promise<RunResult> {
  const [{ buildCorpus }, { applyLayout }, { exportFiles, parseFormats }, { writeFilesAtomic }] = await Promise.all([
    import(compiled("node/corpus/index.js")) as Promise<typeof import("../src/node/corpus/index.js")>,
    import(compiled("layout/index.js")) as Promise<typeof import("../src/layout/index.js")>,
    import(compiled("export/formats.js")) as Promise<typeof import("../src/export/formats.js")>,
    import(compiled("node/write.js")) as Promise<typeof import("../src/node/write.js")>,
  ]);
  const started = performance.now();
  const corpus = await buildCorpus({ inputs: [file], out, workers, progress: { start() {}, advance() {}, stop() {} } });
  const layoutStarted = performance.now();
  const graph = applyLayout(corpus.graph);
  const exportStarted = performance.now();
  if (formats !== "none") {
    const files = exportFiles(graph, parseFormats(formats));
    await writeFilesAtomic(files.map((f) => ({ path: path.join(out, f.name), content: f.chunks })));
  }
  await corpus.commit();
  const finished = performance.now();
  return {
    run: `pipeline, ${workers} worker${workers === 1 ? "" : "s"}${formats === "none" ? " (no export)" : ""}`,
    seconds: (finished - started) / 1000,
    words: corpus.stats.words,
    peakMb: process.resourceUsage().maxRSS / 1024,
    nodes: graph.order,
    edges: graph.size,
    phases: {
      extract: corpus.stats.extractSeconds,
      merge: corpus.stats.mergeSeconds,
      layout: (exportStarted - layoutStarted) / 1000,
      export: (finished - exportStarted) / 1000,
    },
  };
}

function runChild(args: string[]): RunResult {
  const result = spawnSync(process.execPath, [...process.execArgv, HERE, "--child", ...args], {
    encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`bench child ${args.join(" ")} exited ${result.status}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as RunResult;
}

const format = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--child") {
    const [, kind, file, out, workers, formats] = argv;
    const result = kind === "wink" ? await childWink(file, out) : await childBuild(file, out, Number(workers), formats);
    process.stdout.write(JSON.stringify(result) + "\n");
    // Worker threads of the pool are gone; leave at once rather than wait for timers.
    process.exit(0);
  }
  const sizes = numbers(option(argv, "--sizes", "1000,10000"), "--sizes");
  const workerCounts = numbers(option(argv, "--workers", [1, availableParallelism()].filter((v, i, a) => a.indexOf(v) === i).join(",")), "--workers");
  const seed = numbers(option(argv, "--seed", "1"), "--seed")[0];
  const keep = argv.includes("--keep") ? option(argv, "--keep", "") : undefined;
  const formats = option(argv, "--formats", "json,gexf");
  compileSnapshot();
  const work = keep ?? mkdtempSync(path.join(tmpdir(), "newsgraph-bench-"));

  const header = "| articles | words | run | wall s | words/s | peak MB | nodes | edges | extract s | merge s | layout s | export s |";
  const lines = [header, header.replace(/[^|]+/g, (cell) => "-".repeat(Math.max(3, cell.length)))];
  console.log(`corpus bench: ${availableParallelism()} cores, load average ${loadavg().map((v) => v.toFixed(2)).join(" ")}, node ${process.version}, seed ${seed}`);
  try {
    for (const size of sizes) {
      const file = path.join(work, `corpus-${size}-${seed}.jsonl`);
      const words = existsSync(file) ? undefined : await writeCorpus({ articles: size, seed }, file, "jsonl");
      if (words !== undefined) console.error(`generated ${format(size)} articles (${format(words)} words) in ${file}`);
      const results = [runChild(["wink", file, "default"]), runChild(["wink", file, "pipeline"])];
      for (const workers of workerCounts) {
        const out = path.join(work, `out-${size}-w${workers}`);
        rmSync(out, { recursive: true, force: true });
        results.push(runChild(["build", file, out, String(workers), formats]));
      }
      for (const r of results) {
        const cells = [
          format(size), format(r.words), r.run, format(r.seconds, 1), format(r.words / r.seconds), format(r.peakMb),
          r.nodes === undefined ? "" : format(r.nodes), r.edges === undefined ? "" : format(r.edges),
          ...(r.phases ? [r.phases.extract, r.phases.merge, r.phases.layout, r.phases.export].map((s) => format(s, 1)) : ["", "", "", ""]),
        ];
        const line = `| ${cells.join(" | ")} |`;
        lines.push(line);
        console.log(line);
      }
      const [winkRun, , ...builds] = results;
      const one = builds.find((b) => b.run.startsWith("pipeline, 1 worker"));
      const most = builds[builds.length - 1];
      const winkRate = winkRun.words / winkRun.seconds;
      const extractRate = (b: RunResult) => b.words / b.phases!.extract;
      const notes = [];
      if (one) {
        notes.push(`1 worker / wink: ${(extractRate(one) / winkRate).toFixed(2)} extracting, ${(one.words / one.seconds / winkRate).toFixed(2)} end to end`);
      }
      if (one && most !== one) {
        notes.push(`${most.run.replace("pipeline, ", "")} / 1 worker: ${(extractRate(most) / extractRate(one)).toFixed(2)}x extracting, ${(one.seconds / most.seconds).toFixed(2)}x end to end`);
      }
      notes.push(`end to end: ${format(most.seconds / (most.words / 1e6), 1)} s per million words`);
      console.log(`  ${format(size)} articles: ${notes.join("; ")}`);
    }
  } finally {
    if (keep === undefined) rmSync(work, { recursive: true, force: true });
  }
  console.log("\n" + lines.join("\n"));
}

await main(process.argv.slice(2));
