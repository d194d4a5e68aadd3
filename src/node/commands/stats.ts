// `newsgraph stats`: counts by kind, relation type and polarity, and the top actors.
import type { Command } from "commander";
import { formatStats } from "../../query/format.js";
import { EXIT_OK } from "../errors.js";
import { DEFAULT_GRAPH, openGraph } from "./query.js";

interface StatsOptions {
  graph: string;
  json?: boolean;
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("summarise a graph: counts by kind, relation and polarity; most connected actors")
    .option("-g, --graph <file>", "graph file (graph.json, .gexf or .graphml)", DEFAULT_GRAPH)
    .option("--json", "print JSON for scripts instead of text")
    .addHelpText("after", `
Exit code: 0 done, 2 usage error or unreadable graph file.

Examples:
  newsgraph stats
  newsgraph stats --graph my-graph/graph.json --json`)
    .action(async (options: StatsOptions) => {
      const stats = (await openGraph(options.graph)).stats();
      process.stdout.write(options.json ? JSON.stringify(stats, null, 2) + "\n" : `${options.graph}: ${formatStats(stats)}`);
      process.exitCode = EXIT_OK;
    });
}
