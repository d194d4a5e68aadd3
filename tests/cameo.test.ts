// The CAMEO verb lexicon (src/relations/cameo): real entries of CAMEO.2.0.txt as compiled,
// the code -> type table, pattern matching on the words around a verb, and the compiled file
// being exactly what the script makes of the source today.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  cameoType, cameoTypes, codeMapRow, codeVerb, isCameoVerb, matchPatterns, patternsFor, phrasesFor, synset, verbCodes, verbEntries,
} from "../src/relations/cameo/index.js";
import { RELATION_TYPES } from "../src/model.js";
import { requireTools } from "./helpers/tools.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COMPILED = path.join(ROOT, "src/relations/cameo/verbs.json");
const SOURCE = path.join(ROOT, "../shared/corpora/petrarch/CAMEO.2.0.txt");

const own = (lemma: string) => verbCodes(lemma).map((v) => [v.code, v.type ?? null, v.reverseCode ?? null, v.reverseType ?? null]);

describe("CAMEO verbs on their own", () => {
  it.each([
    ["accuse", [["112", "ACCUSE", null, null]]],
    ["arrest", [["173", "SANCTION", null, null]]],
    ["deport", [["174", "SANCTION", null, null]]],
    ["jail", [["173", "SANCTION", null, null]]],
    ["kill", [["190", "ATTACK", null, null]]],
    ["invade", [["192", "ATTACK", null, null]]],
    ["veto", [["172", "SANCTION", null, null]]],
    ["telephone", [["041", "CONSULT", "041", "CONSULT"]]],
    ["visit", [["042", "VISIT", "043", "HOST"]]],
    ["host", [["043", "HOST", "042", "VISIT"]]],
    ["criticize", [["111", "ACCUSE", null, null]]],
    ["threaten", [["130", "WARN", null, null]]],
    ["demand", [["100", "DEMAND", null, null]]],
    ["order", [["100", "DEMAND", null, null]]],
    ["decline", [["120", "DENY", null, null]]],
    ["praise", [["051", "PRAISE", null, null]]],
    ["investigate", [["090", "MONITOR", null, null]]],
    ["apologize", [["055", null, null, null]]],
    ["protest", [["140", null, null, null]]],
    ["say", [["010", null, null, null]]],
  ])("%s -> %j", (lemma, expected) => {
    expect(own(lemma)).toEqual(expected);
  });

  it("keeps verbs CAMEO lists without a code of their own (they code only through patterns)", () => {
    expect(isCameoVerb("deny")).toBe(true);
    expect(verbCodes("deny")).toEqual([]);
    expect(verbEntries("deny")).toEqual([{ lemma: "deny", block: "REFUSE" }]);
    expect(isCameoVerb("sanction")).toBe(false);
    expect(verbEntries("sanction")).toEqual([]);
  });

  it("finds a re- verb written with or without the hyphen", () => {
    expect(own("re-arrest")).toEqual([["173", "SANCTION", null, null]]);
    expect(own("rearrest")).toEqual(own("re-arrest"));
  });

  it("lists the multiword verbs built on a lemma", () => {
    expect(phrasesFor("call").map((v) => [v.after, v.code, v.type ?? null])).toEqual([
      [["off"], "160", "SANCTION"], [["up"], "150", null],
    ]);
    // CAMEO writes a few inflected ("+KILLED_AND", "+IS_DETERMINED"): keyed by the lemma here.
    expect(phrasesFor("kill").map((v) => v.after)).toEqual([["and"], ["or"]]);
    expect(phrasesFor("be")).toMatchObject([{ after: ["determined"], code: "030", type: "AGREE" }]);
    expect(verbEntries("killed")).toEqual([]);
    expect(phrasesFor("crack")).toEqual([{ lemma: "crack", block: "SUPPRESS", code: "170", type: "SANCTION", after: ["down"] }]);
  });
});

describe("CAMEO patterns on the words around the verb", () => {
  it.each([
    ["veto", { object: ["the", "resolution"] }, "129", "DENY"],
    ["deny", { object: ["the", "allegations"] }, "016", "DENY"],
    ["reject", { object: ["proposal"] }, "120", "DENY"],
    ["sign", { object: ["peace", "treaty"] }, "057", "AGREE"],
    ["impose", { object: ["sanctions"] }, "163", "SANCTION"],
    ["call", { obliques: [{ prep: "for", words: ["a", "ceasefire"] }] }, "0256", "REQUEST"],
    ["lodge", { object: ["a", "protest"], obliques: [{ prep: "with", words: ["gondor"] }] }, "110", "ACCUSE"],
    ["hold", { object: ["talks"], obliques: [{ prep: "with", words: ["gondor"] }] }, "046", "CONSULT"],
  ] as const)("%s %j -> %s %s", (lemma, frame, code, type) => {
    expect(codeVerb(lemma, frame)).toMatchObject({ code, type });
  });

  it("falls back to the verb's own code when no pattern word is there, and to nothing for an uncoded verb", () => {
    expect(codeVerb("veto", { object: ["the", "budget"] })).toEqual({ code: "172", type: "SANCTION" });
    expect(codeVerb("deny", { object: ["the", "budget"] })).toBeUndefined();
    expect(codeVerb("deny", { object: ["entry"] })).toEqual({ code: "144" });
  });

  it("matches synsets, prepositions with alternatives, and ranks the more specific pattern first", () => {
    expect(synset("&ceasefire")).toContain("truce");
    const matches = matchPatterns("call", { obliques: [{ prep: "for", words: ["truce"] }] });
    expect(matches[0]).toMatchObject({ code: "0256", line: 5518, score: 2 });
    expect(matches.at(-1)).toMatchObject({ code: "020", score: 1, post: [{ p: "for" }] });
    expect(patternsFor("telephone").every((p) => p.block === "CALL")).toBe(true);
  });
});

describe("CAMEO code -> relation type (code-map.json)", () => {
  it("takes the longest listed prefix", () => {
    expect(cameoType("1823")).toBe("ATTACK");
    expect(cameoType("173")).toBe("SANCTION");
    expect(cameoType("1712")).toBe("ATTACK");
    expect(cameoType("1711")).toBe("SANCTION");
    expect(cameoType("0841")).toBeUndefined();
    expect(cameoType("016")).toBe("DENY");
    expect(cameoType("010")).toBeUndefined();
    expect(codeMapRow("129")?.reason).toMatch(/reject/);
    expect(cameoTypes("040")).toEqual(["CONSULT", "MEET"]);
    expect(cameoTypes("042")).toEqual(["VISIT"]);
    expect(cameoTypes("0841")).toEqual([]);
  });

  it("gives every code a reason and only types from the vocabulary", () => {
    const rows = (JSON.parse(readFileSync(path.join(ROOT, "src/relations/cameo/code-map.json"), "utf8")) as {
      rows: { code: string; type: string | null; alternatives?: string[]; reason: string }[] }).rows;
    for (const row of rows) {
      expect(row.reason.length, row.code).toBeGreaterThan(10);
      if (row.type !== null) expect(RELATION_TYPES, row.code).toContain(row.type);
      for (const alternative of row.alternatives ?? []) {
        expect(RELATION_TYPES, row.code).toContain(alternative);
        expect(row.type, row.code).not.toBeNull();
      }
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it("every compiled verb and pattern carries the type code-map gives its code", () => {
    const data = JSON.parse(readFileSync(COMPILED, "utf8")) as {
      verbs: Record<string, { c: string | null; t?: string; r?: string; rt?: string }[]>;
      blocks: Record<string, { patterns: { c: string | null; t?: string; r?: string; rt?: string }[] }>;
    };
    const codings = [...Object.values(data.verbs).flat(), ...Object.values(data.blocks).flatMap((b) => b.patterns)];
    expect(codings.length).toBeGreaterThan(6000);
    for (const c of codings) {
      expect(c.t).toBe(c.c ? cameoType(c.c) : undefined);
      expect(c.rt).toBe(c.r ? cameoType(c.r) : undefined);
    }
  });
});

describe("compiled lexicon", () => {
  it("is exactly what scripts/compile-cameo.ts makes of CAMEO.2.0.txt", (context) => {
    requireTools(existsSync(SOURCE) ? [] : [`../shared (no ${SOURCE})`], context);
    const dir = mkdtempSync(path.join(tmpdir(), "cameo-"));
    try {
      const out = path.join(dir, "verbs.json");
      const log = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/compile-cameo.ts", SOURCE, out], { cwd: ROOT, encoding: "utf8" });
      expect(log).toMatch(/1682 lemmas \(1817 verb entries/);
      expect(readFileSync(out, "utf8")).toBe(readFileSync(COMPILED, "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails with one clear line on a missing source", () => {
    let stderr = "";
    try {
      execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/compile-cameo.ts", "/nonexistent/CAMEO.txt", "/tmp/never.json"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^newsgraph: compile-cameo: ENOENT/);
  });
});
