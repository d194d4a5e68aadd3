// `newsgraph build [inputs...] [--out DIR]`: placeholder until layout and export land.
import type { Command } from "commander";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("build graph-output/ (graph.json, graph.gexf) from articles")
    .action(() => {
      throw new Error("build is not implemented yet");
    });
}
