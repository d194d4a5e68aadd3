// scripts/convert-petr.ts: the PETR unit-test records as gold files. The committed fixtures are
// exactly what the script makes of the records today, and real records convert as the code map
// and the records' actor dictionary say.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseGold } from "../src/eval/index.js";
import { requireTools } from "./helpers/tools.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = path.join(ROOT, "tests/fixtures/petr");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const RECORDS = path.join(ROOT, "../shared/corpora/petr-unit-tests/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml");

const gold = (name: string) => parseGold(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"), name);
const required = (name: string) => gold(name).relations.filter((r) => !r.optional)
  .map((r) => `${r.sources.join("|")} ${r.relations.join("|")} ${r.targets.join("|")}`);

describe("PETR unit-test records as gold", () => {
  it("the fixtures are what the converter makes of the records", (context) => {
    requireTools(existsSync(RECORDS) ? [] : [`../shared (no ${RECORDS})`], context);
    const dir = mkdtempSync(path.join(tmpdir(), "petr-"));
    try {
      const out = path.join(dir, "petr");
      const log = execFileSync(TSX, ["scripts/convert-petr.ts", RECORDS, out], { cwd: ROOT, encoding: "utf8" });
      expect(log).toMatch(/283 records, 349 events -> 259 gold relations/);
      const names = readdirSync(out).sort();
      expect(names).toEqual(readdirSync(FIXTURES).sort());
      expect(names).toHaveLength(283 * 2 + 1);
      for (const name of names) expect(readFileSync(path.join(out, name), "utf8"), name).toBe(readFileSync(path.join(FIXTURES, name), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    // condemned (111) and promised aid (033, intent to cooperate)
    ["petr-007-demo-06", ["cal-calenardhon ACCUSE osg-osgiliath", "cal-calenardhon AGREE ith-ithilen"]],
    // "Bree Prime Minister Romendacil will meet ..." (040): the state or its official; CONSULT or MEET
    ["petr-011-demo-11", [
      "bre-bree|bre-romendacil CONSULT|MEET eri-eriadori", "bre-bree|bre-romendacil CONSULT|MEET cal-calenardhon",
    ]],
    // "The Hermit Kingdom fired two artillery shells at New Zealand" (180): New Zealand, not Zealand
    ["petr-144-actor-10", ["prk-the-hermit-kingdom ATTACK nze-new-zealand"]],
    // an untyped code (010, a statement) owes nothing
    ["petr-061-compound-03", ["arn-arnor SUPPORT osg-osgiliath", "gon-gondor SUPPORT osg-osgiliath"]],
  ])("%s", (name, expected) => {
    expect(required(name)).toEqual(expected);
  });

  it("names actors by the record's date (the dictionary's date restrictions)", () => {
    expect(gold(readdirSync(FIXTURES).find((n) => n.endsWith("date-09.json"))!.replace(".json", "")).entities
      .map((e) => e.id)).toEqual(["orchob-sam-gamgee", "mrgorc-morgul-orcs"]);
  });

  it("fails with one clear line on a missing source", () => {
    let stderr = "";
    try {
      execFileSync(TSX, ["scripts/convert-petr.ts", "/nonexistent/records.xml", "/tmp/never-petr"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^newsgraph: convert-petr: ENOENT/);
  });
});
