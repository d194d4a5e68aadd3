// `newsgraph eval --ner FILE [--tagger] [--json]`: name mentions scored against a
// token-per-line IOB/BIO file. The text is rebuilt from the tokens (a space between words, a
// sentence a line), read by the real pipeline (extract(), or with --tagger the statistical
// tagger alone), and its names are matched exactly, with their type, on the file's words.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setModelSource } from "../../models.js";
import { evaluateNer, formatNerReport, IobFormatError, parseIob, SCORED_TYPES, type CharSpan, type NerReport } from "../../ner/iob.js";
import type { EntityKind } from "../../model.js";
import { UsageError } from "../errors.js";

const MODELS = fileURLToPath(new URL("../../../models/", import.meta.url));
// Node reads weights from the package's models/ folder (the core cannot read files).
setModelSource((file) => readFileSync(path.join(MODELS, file)));

const KIND_TYPE: Record<EntityKind, CharSpan["type"]> = {
  PERSON: "PER", ORGANIZATION: "ORG", COUNTRY: "LOC", LOCATION: "LOC",
};

export interface NerEvalOptions { tagger?: boolean; json?: boolean }

/** The report as `--json` prints it. */
export function nerReportJson(report: NerReport): object {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    mentions: report.mentions,
    precision: round(report.precision),
    recall: round(report.recall),
    f1: round(report.f1),
    byType: Object.fromEntries(SCORED_TYPES.map((t) => [t, {
      precision: round(report.byType[t].precision), recall: round(report.byType[t].recall), f1: round(report.byType[t].f1),
    }])),
  };
}

export async function runNerEval(file: string, options: NerEvalOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let documents;
  try {
    documents = parseIob(text, file);
  } catch (error) {
    if (error instanceof IobFormatError) throw new UsageError(error.message);
    throw error;
  }
  let predict: (text: string, id: string) => CharSpan[];
  if (options.tagger) {
    const { tagText } = await import("../../ner/index.js");
    predict = tagText;
  } else {
    const { extract } = await import("../../extract.js");
    predict = (body, id) => extract({ id, text: body }).entities.flatMap((entity) => entity.mentions
      .filter((m) => m.form === "name")
      .map((m) => ({ start: m.start, end: m.end, type: KIND_TYPE[entity.kind] })));
  }
  const report = evaluateNer(documents, predict);
  process.stdout.write(options.json
    ? JSON.stringify(nerReportJson(report)) + "\n"
    : formatNerReport(report, `${options.tagger ? "tagger" : "pipeline"} on ${file}: exact typed name mentions`));
  return 0;
}
