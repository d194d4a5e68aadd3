// `newsgraph extract <inputs...>`: one Extraction per document as JSON Lines on stdout.
import type { Command } from "commander";
import type { Extraction } from "../../model.js";
import { EXIT_OK, EXIT_SKIPPED, UsageError, reportProblems } from "../errors.js";
import { readInputs } from "../read.js";

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("print the entities and relations of each document as JSON Lines")
    .argument("<inputs...>", '.txt/.md/.html files or folders of them; "-" reads one document from standard input')
    .option("--explain", "add to each relation the rule that made it and its trigger, and to each entity the rule that decided its kind")
    .addHelpText("after", `
One JSON object per line and per document:
  {"document", "entities": [{"id", "name", "kind", "aliases",
     "mentions": [{"start", "end", "text", "sentence", "form"}]}],
   "relations": [{"source", "relation", "target", "evidence", "confidence",
     "modality", "attributedTo", "negated", "role"?}]}
With --explain, each entity also has "kindRule" and each relation "rule",
"trigger": {"start", "end", "text"} and "cameo" (the trigger's CAMEO event code,
null where CAMEO codes none) (rule ids: README, "How extraction works").
Offsets are JavaScript string indices into the file's text (for .html/.htm, into the
article text read from it: title, then main text). "-" reads standard input (document "stdin").
Exit code: 0 all read, 1 some inputs skipped, 2 usage error or nothing readable.

Example:
  newsgraph extract article.txt > article.jsonl`)
    .action(async (inputs: string[], options: { explain?: boolean }) => {
      const { documents, problems } = await readInputs(inputs);
      reportProblems(problems);
      if (documents.length === 0) throw new UsageError("no readable input texts");
      // Loaded here, not at the top, so `--help` and usage errors answer at once.
      const { extract } = await import("../../extract.js");
      const explain = options.explain === true;
      for (const document of documents) {
        process.stdout.write(JSON.stringify(toJsonLine(extract(document, { explain }), explain)) + "\n");
      }
      process.exitCode = problems.length > 0 ? EXIT_SKIPPED : EXIT_OK;
    });
}

/** The documented line shape, with every key present and nothing internal (token indices). */
export function toJsonLine(extraction: Extraction, explain = false): object {
  return {
    document: extraction.document,
    entities: extraction.entities.map((entity) => ({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      aliases: entity.aliases,
      mentions: entity.mentions.map((m) => ({
        start: m.start, end: m.end, text: m.text, sentence: m.sentence, form: m.form,
      })),
      ...(explain ? { kindRule: entity.kindRule } : {}),
    })),
    relations: extraction.relations.map((r) => ({
      source: r.source,
      relation: r.relation,
      target: r.target,
      evidence: r.evidence,
      confidence: r.confidence,
      modality: r.modality,
      attributedTo: r.attributedTo ?? null,
      negated: r.negated === true,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(explain ? { rule: r.rule, trigger: r.trigger, cameo: r.cameo ?? null } : {}),
    })),
  };
}
