// `newsgraph build [inputs...] [--out DIR]`: articles -> graph.json and graph.gexf.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { EXIT_OK, EXIT_SKIPPED, UsageError, describeError, reportProblems } from "../errors.js";
import { removeStaleTemps, writeFilesAtomic } from "../write.js";

interface BuildOptions {
  out: string;
  quiet?: boolean;
  format: string;
  workers: string;
  update?: string;
}

export const DEFAULT_INPUT = "seeds";
export const DEFAULT_OUT = "graph-output";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("extract every article and write the graph as graph.json and graph.gexf")
    .argument("[inputs...]", ".txt/.md/.html/.jsonl files or folders of them", [DEFAULT_INPUT])
    .option("-o, --out <dir>", "output folder", DEFAULT_OUT)
    .option("-w, --workers <n>", "extraction threads (small inputs extract in the main thread)", String(availableParallelism()))
    .option("-u, --update <dir>", "add the inputs to the graph built in <dir> (written back there unless --out is given)")
    .option("-f, --format <list>", "comma-separated: json, gexf, graphml, csv (nodes.csv, edges.csv), cypher", "json,gexf")
    .option("-q, --quiet", "print only problems: no progress, notes or summary")
    .addHelpText("after", `
Writes <dir>/graph.json (graphology export, lossless) and <dir>/graph.gexf (GEXF 1.3),
each atomically, and prints one summary line. --format picks the files instead:
json (graph.json), gexf (graph.gexf), graphml (graph.graphml), csv (nodes.csv, edges.csv),
cypher (graph.cypher, MERGE statements for Neo4j).
A .jsonl input holds one {"id", "text", "date"?, "source"?} per line. <dir>/manifest.json and
<dir>/extractions.jsonl.gz record every document, so that --update extracts only new ones
(same id and text: unchanged) and gives what a full build of all documents gives.
Exit code: 0 all read, 1 some inputs skipped, 2 usage error or nothing readable.

Example:
  newsgraph build article.txt more-articles/ --out my-graph/
  newsgraph build new-articles/ news.jsonl --update my-graph/ --workers 2
  newsgraph build --format json,gexf,graphml,csv,cypher`)
    .action(async (inputs: string[], options: BuildOptions, command: Command) => {
      if (options.update !== undefined) {
        // An update with no inputs rebuilds from what is stored; its output goes back in place.
        if (command.args.length === 0) inputs = [];
        if (command.getOptionValueSource("out") === "default") options.out = options.update;
      }
      process.exitCode = await runBuild(inputs, options);
    });
}

async function runBuild(inputs: string[], options: BuildOptions): Promise<number> {
  const started = performance.now();
  const { EXPORT_FORMATS, parseFormats, exportFiles } = await import("../../export/formats.js");
  let formats;
  try {
    formats = parseFormats(options.format);
  } catch (error) {
    throw new UsageError(`--format: ${(error as Error).message}`);
  }
  const workers = Number(options.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers: expected a whole number from 1, got "${options.workers}"`);

  // Loaded here, not at the top, so `--help` and usage errors answer at once.
  const [{ NoDocumentsError, SILENT, buildCorpus, createProgress, summarize }, { applyLayout }] = await Promise.all([
    import("../corpus/index.js"), import("../../layout/index.js"),
  ]);
  const progress = options.quiet ? SILENT : createProgress();
  const corpus = await buildCorpus({ inputs, out: options.out, update: options.update, workers, progress })
    .catch((error: unknown) => {
      if (error instanceof NoDocumentsError) reportProblems(error.problems);
      throw error;
    });
  const { problems } = corpus;
  reportProblems(options.quiet ? problems : [...problems, ...corpus.notes]);
  progress.phase?.(`laying out ${corpus.graph.order.toLocaleString("en-US")} entities`);
  const graph = applyLayout(corpus.graph);
  try {
    // Every name an export can write, so that no format's leftovers from a killed build stay.
    await removeStaleTemps(options.out, exportFiles(graph, EXPORT_FORMATS).map((file) => file.name));
    const files = exportFiles(graph, formats);
    await writeFilesAtomic(
      files.map((file) => ({ path: path.join(options.out, file.name), content: file.chunks })),
      (file, index) => progress.phase?.(`writing ${path.basename(file.path)} (${index + 1}/${files.length})`));
    await corpus.commit();
  } catch (error) {
    progress.phase?.("");
    await corpus.discard();
    throw new UsageError(`cannot write to ${options.out}: ${describeError(error)}`);
  }
  progress.phase?.("");
  if (options.quiet) return problems.length > 0 ? EXIT_SKIPPED : EXIT_OK;
  if (process.stderr.isTTY) process.stderr.write(`${summarize(corpus.stats)}\n`);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  process.stdout.write(
    `${options.update !== undefined ? "updated" : "built"} ${options.out}: ${count(corpus.stats.documents, "document", "documents")}, ` +
    `${count(graph.order, "entity", "entities")}, ${count(graph.size, "relation", "relations")} in ${seconds} s\n`,
  );
  return problems.length > 0 ? EXIT_SKIPPED : EXIT_OK;
}
