// `newsgraph eval --gold <file-or-dir> [inputs...]`: scores extraction against gold files.
// `newsgraph eval --treebank FILE.conllu`: scores the dependency parser (src/parser/score.ts).
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { evaluate, formatReport, parseGold, GoldFormatError, type Gold } from "../../eval/index.js";
import type { Document } from "../../model.js";
import { EXIT_OK, EXIT_SKIPPED, UsageError, reportProblems, type Problem } from "../errors.js";
import { readInputs, readText } from "../read.js";

interface EvalOptions {
  gold?: string;
  treebank?: string;
  verbose?: boolean;
  json?: boolean;
}

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score extraction against gold annotation files (see shared/spec/gold-format.md)")
    .option("--gold <file-or-dir>", "a gold .json file, or a folder of them")
    .option("--treebank <file>", "instead: score the dependency parser on a CoNLL-U treebank (UAS, LAS)")
    .argument("[inputs...]", "article files or folders (default: each gold file's document, beside it)")
    .option("--verbose", "list missed and spurious entities and relations per document, with the rule behind each spurious relation")
    .option("--json", "print the full report as JSON")
    .addHelpText("after", `
Gold files are paired with texts by the gold file's "document" field (the text's path
relative to its input folder, or its file name), else by the same base name.
Exit code: 0 all scored, 1 some gold files or texts skipped, 2 usage error or nothing to score.

With --treebank, each sentence's '# text' goes through the pipeline (wink's tokens and
tags) and the parser; gold words count as aligned when one token covers exactly their
characters, and unaligned words count as errors.

Example:
  newsgraph eval --gold ../shared/dev ../shared/dev --verbose
  newsgraph eval --treebank ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu`)
    .action(async (inputs: string[], options: EvalOptions) => {
      if (options.treebank !== undefined) process.exitCode = await runTreebank(options.treebank, options.json === true);
      else if (options.gold === undefined) throw new UsageError("required option '--gold <file-or-dir>' not specified");
      else process.exitCode = await runEval(inputs, { ...options, gold: options.gold });
    });
}

async function runTreebank(file: string, json: boolean): Promise<number> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read treebank file: ${file}`);
  }
  const { readConllu, TreebankFormatError } = await import("../../parser/treebank.js");
  let sentences;
  try {
    sentences = readConllu(content);
  } catch (error) {
    if (error instanceof TreebankFormatError) throw new UsageError(`${file}: not CoNLL-U: ${error.message}`);
    throw error;
  }
  if (sentences.length === 0) throw new UsageError(`${file}: no sentences`);
  await import("../models.js");
  const { scoreTreebank } = await import("../../parser/score.js");
  const score = scoreTreebank(sentences);
  if (json) {
    process.stdout.write(JSON.stringify(score) + "\n");
  } else {
    const pct = (x: number) => (x * 100).toFixed(2);
    process.stdout.write([
      `treebank:  ${path.basename(file)} (${sentences.length} sentences, ${score.tokens} gold words)`,
      `aligned:   ${pct(score.aligned / Math.max(1, score.tokens))}% of gold words exactly matched by a token`,
      `UAS:       ${pct(score.uas)}  (punctuation excluded: ${pct(score.uasNoPunct)})`,
      `LAS:       ${pct(score.las)}  (punctuation excluded: ${pct(score.lasNoPunct)})`,
      `speed:     ${score.wordsPerSecond.toLocaleString("en-US")} words/s (parser alone)`,
    ].join("\n") + "\n");
  }
  return EXIT_OK;
}

async function runEval(inputs: string[], options: EvalOptions & { gold: string }): Promise<number> {
  const problems: Problem[] = [];
  const golds = await readGoldFiles(options.gold, problems);

  let documents: Document[];
  if (inputs.length > 0) {
    const read = await readInputs(inputs);
    problems.push(...read.problems);
    documents = read.documents;
  } else {
    documents = [];
    for (const { file, gold } of golds) {
      const textFile = path.join(path.dirname(file), gold.document);
      const text = await readText(textFile);
      if (typeof text === "string") documents.push({ id: gold.document, text });
      else problems.push({ path: textFile, message: text.message });
    }
  }

  const pairs: { gold: Gold; document: Document }[] = [];
  for (const { file, gold } of golds) {
    const document = findDocument(documents, gold, file);
    if (document) pairs.push({ gold, document });
    else if (inputs.length > 0) {
      problems.push({ path: file, message: `skipped: no input text for document "${gold.document}"` });
    }
  }
  reportProblems(problems);
  if (pairs.length === 0) throw new UsageError("nothing to score: no gold file could be paired with a readable text");

  // Loaded here, not at the top, so `--help` and usage errors answer at once.
  const { extract } = await import("../../extract.js");
  // Verbose output names the rule behind each spurious relation.
  const explain = options.verbose === true;
  const report = evaluate(pairs.map(({ gold, document }) => ({ gold, extraction: extract(document, { explain }) })));
  process.stdout.write(options.json
    ? JSON.stringify(report, null, 2) + "\n"
    : formatReport(report, { verbose: options.verbose === true }));
  return problems.length > 0 ? EXIT_SKIPPED : EXIT_OK;
}

/** The gold file itself, or every .json file under the folder (recursive, sorted). */
async function readGoldFiles(goldPath: string, problems: Problem[]): Promise<{ file: string; gold: Gold }[]> {
  let files: string[];
  try {
    files = (await stat(goldPath)).isDirectory() ? await jsonFiles(goldPath) : [goldPath];
  } catch {
    throw new UsageError(`no such file or directory: ${goldPath}`);
  }
  if (files.length === 0) throw new UsageError(`no gold .json files in ${goldPath}`);
  const golds: { file: string; gold: Gold }[] = [];
  for (const file of files) {
    try {
      golds.push({ file, gold: parseGold(await readFile(file, "utf8"), file) });
    } catch (error) {
      const message = error instanceof GoldFormatError ? error.detail : "cannot read";
      problems.push({ path: file, message: `skipped gold file: ${message}` });
    }
  }
  return golds;
}

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await jsonFiles(full));
    else if (entry.name.toLowerCase().endsWith(".json")) out.push(full);
  }
  return out;
}

/** Pairs by document id, then by file name, then by the gold file's base name. */
function findDocument(documents: readonly Document[], gold: Gold, goldFile: string): Document | undefined {
  const stem = (name: string) => path.posix.basename(name).replace(/\.[^.]*$/, "");
  return documents.find((d) => d.id === gold.document)
    ?? documents.find((d) => path.posix.basename(d.id) === path.posix.basename(gold.document))
    ?? documents.find((d) => stem(d.id) === stem(goldFile));
}
