// `newsgraph build [inputs...] [--out DIR]`: articles -> graph.json and graph.gexf.
import path from "node:path";
import type { Command } from "commander";
import { EXIT_OK, EXIT_SKIPPED, UsageError, reportProblems } from "../errors.js";
import { readInputs } from "../read.js";
import { writeFilesAtomic } from "../write.js";

interface BuildOptions {
  out: string;
  format: string;
}

export const DEFAULT_INPUT = "seeds";
export const DEFAULT_OUT = "graph-output";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("extract every article and write the graph as graph.json and graph.gexf")
    .argument("[inputs...]", ".txt/.md files or folders of them", [DEFAULT_INPUT])
    .option("-o, --out <dir>", "output folder", DEFAULT_OUT)
    .option("-f, --format <list>", "comma-separated: json, gexf, graphml, csv (nodes.csv, edges.csv), cypher", "json,gexf")
    .addHelpText("after", `
Writes <dir>/graph.json (graphology export, lossless) and <dir>/graph.gexf (GEXF 1.3),
each atomically, and prints one summary line. --format picks the files instead:
json (graph.json), gexf (graph.gexf), graphml (graph.graphml), csv (nodes.csv, edges.csv),
cypher (graph.cypher, MERGE statements for Neo4j).
Exit code: 0 all read, 1 some inputs skipped, 2 usage error or nothing readable.

Example:
  newsgraph build article.txt more-articles/ --out my-graph/
  newsgraph build --format json,gexf,graphml,csv,cypher`)
    .action(async (inputs: string[], options: BuildOptions) => {
      process.exitCode = await runBuild(inputs, options);
    });
}

async function runBuild(inputs: string[], options: BuildOptions): Promise<number> {
  const started = performance.now();
  const { parseFormats, exportFiles } = await import("../../export/formats.js");
  let formats;
  try {
    formats = parseFormats(options.format);
  } catch (error) {
    throw new UsageError(`--format: ${(error as Error).message}`);
  }
  const { documents, problems } = await readInputs(inputs);
  reportProblems(problems);
  if (documents.length === 0) throw new UsageError(`no readable input texts in ${inputs.join(", ")}`);

  // Loaded here, not at the top, so `--help` and usage errors answer at once.
  const [{ extract }, { buildGraph }, { applyLayout }] = await Promise.all([
    import("../../extract.js"), import("../../graph/index.js"), import("../../layout/index.js"),
  ]);
  const graph = applyLayout(buildGraph(documents.map((document) => extract(document))));
  try {
    await writeFilesAtomic(
      exportFiles(graph, formats).map((file) => ({ path: path.join(options.out, file.name), content: file.content })));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write to ${options.out} (${code})`);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  process.stdout.write(
    `built ${options.out}: ${count(documents.length, "document", "documents")}, ` +
    `${count(graph.order, "entity", "entities")}, ${count(graph.size, "relation", "relations")} in ${seconds} s\n`,
  );
  return problems.length > 0 ? EXIT_SKIPPED : EXIT_OK;
}
