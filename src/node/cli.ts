#!/usr/bin/env node
// The `newsgraph` command: a thin registry. Each command lives in ./commands/<name>.ts and
// exports register<Name>(program); add one import and one register line per command.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EXIT_USAGE, UsageError } from "./errors.js";
import "./models.js";
import { registerBuild } from "./commands/build.js";
import { registerExtract } from "./commands/extract.js";
import { registerEval } from "./commands/eval.js";
import { registerQuery } from "./commands/query.js";
import { registerStats } from "./commands/stats.js";
import { registerServe } from "./commands/serve.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

const program = new Command()
  .name("newsgraph")
  .description("turn news articles into an evidenced knowledge graph of actors and their relations")
  .version(version)
  .showSuggestionAfterError()
  // Set before the commands are added, so that every command inherits them.
  .configureOutput({ outputError: (message, write) => write(`newsgraph: ${message.replace(/^error: /, "")}`) })
  .exitOverride();

registerBuild(program);
registerExtract(program);
registerEval(program);
registerQuery(program);
registerStats(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

/** Commander has already printed its own errors; everything else gets one line, no stack. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`newsgraph: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`newsgraph: internal error: ${message}\n`);
  if (process.env.NEWSGRAPH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
