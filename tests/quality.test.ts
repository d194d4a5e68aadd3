// Extraction quality against the gold annotations, scored by src/eval exactly as
// `newsgraph eval` does. Fixtures are copies of ../shared/seeds, gold and dev. Thresholds are
// the measured scores minus 0.02 (measured: seed 1.000 / 1.000 / 1.000; dev entity 0.946,
// typed 0.946, relation 0.819), so a drop of more than that fails.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract } from "../src/extract.js";
import { evaluate, parseGold, type EvaluationReport, type Score } from "../src/eval/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));

function score(folder: string): EvaluationReport {
  const dir = path.join(FIXTURES, folder);
  const pairs = readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) => {
    const gold = parseGold(readFileSync(path.join(dir, name), "utf8"), name);
    const text = readFileSync(path.join(dir, gold.document), "utf8");
    return { gold, extraction: extract({ id: gold.document, text }) };
  });
  return evaluate(pairs);
}

const show = (s: Score) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

describe("extraction quality", () => {
  it("seed article: entity, typed entity and relation F1 >= 0.98", () => {
    const report = score("seed");
    expect(report.documents).toHaveLength(1);
    const { entities, typedEntities, relations } = report.overall;
    console.info(`seed: entity ${show(entities)}; typed ${show(typedEntities)}; relation ${show(relations)}`);
    expect(entities.f1, `seed entity ${show(entities)}`).toBeGreaterThanOrEqual(0.98);
    expect(typedEntities.f1, `seed typed entity ${show(typedEntities)}`).toBeGreaterThanOrEqual(0.98);
    expect(relations.f1, `seed relation ${show(relations)}`).toBeGreaterThanOrEqual(0.98);
  });

  it("dev articles, micro-averaged over all five: entity and typed entity F1 >= 0.926, relation F1 >= 0.799", () => {
    const report = score("dev");
    expect(report.documents).toHaveLength(5);
    const { entities, typedEntities, relations } = report.overall;
    console.info(`dev: entity ${show(entities)}; typed ${show(typedEntities)}; relation ${show(relations)}`);
    expect(entities.f1, `dev entity ${show(entities)}`).toBeGreaterThanOrEqual(0.926);
    expect(typedEntities.f1, `dev typed entity ${show(typedEntities)}`).toBeGreaterThanOrEqual(0.926);
    expect(relations.f1, `dev relation ${show(relations)}`).toBeGreaterThanOrEqual(0.799);
  });
});
