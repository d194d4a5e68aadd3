import { describe, expect, it } from "vitest";
import {
  evaluate, formatReport, normalizeName, parseGold, scoreExtraction, validateGold, GoldFormatError,
} from "../src/eval/index.js";
import type { Score } from "../src/eval/index.js";
import type { Entity, Extraction, Relation, RelationType } from "../src/model.js";

/** Counts exactly; the ratios to 12 decimals (floating point). */
function expectScore(
  actual: Score,
  counts: { predicted: number; correct: number; gold: number; found: number },
  ratios: { precision: number; recall: number; f1: number },
): void {
  expect({ predicted: actual.predicted, correct: actual.correct, gold: actual.gold, found: actual.found }).toEqual(counts);
  expect(actual.precision).toBeCloseTo(ratios.precision, 12);
  expect(actual.recall).toBeCloseTo(ratios.recall, 12);
  expect(actual.f1).toBeCloseTo(ratios.f1, 12);
}

const gold = validateGold({
  document: "summit.txt",
  entities: [
    { id: "kim", name: "Kim Jong Un", kind: "PERSON", aliases: ["Kim", "North Korean leader"] },
    { id: "putin", name: "Vladimir Putin", kind: "PERSON", aliases: ["Putin"] },
    { id: "russia", name: "Russia", kind: "COUNTRY", aliases: ["Moscow"] },
    { id: "us", name: "United States", kind: "COUNTRY", aliases: ["U.S."] },
    { id: "ukraine", name: "Ukraine", kind: "COUNTRY", aliases: [] },
    { id: "kcna", name: "KCNA", kind: "ORGANIZATION", aliases: [], optional: true },
    { id: "vostochny", name: "Vostochny Cosmodrome", kind: "LOCATION", aliases: [] },
  ],
  relations: [
    { source: "kim", relation: "MEET", target: "putin" },
    { source: "putin", relation: "ROLE", target: "russia", role: "President" },
    { source: ["russia", "putin"], relation: "ATTACK", target: "ukraine" },
    { source: "us", relation: "ACCUSE", target: "russia" },
    { source: "kcna", relation: "QUOTE", target: "kim", optional: true },
    { source: "kim", relation: ["VISIT", "MEET"], target: "vostochny" },
  ],
});

function entity(id: string, name: string, kind: Entity["kind"], aliases: string[] = []): Entity {
  return { id, name, kind, aliases, mentions: [] };
}

function relation(source: string, type: RelationType, target: string, extra: Partial<Relation> = {}): Relation {
  return {
    source, relation: type, target, confidence: 0.9, modality: "asserted",
    evidence: [{ document: "summit.txt", sentence: 0, start: 0, end: 10, text: `${source} ${type} ${target}` }],
    ...extra,
  };
}

const extraction: Extraction = {
  document: "summit.txt",
  entities: [
    entity("kim-jong-un", "Kim Jong Un", "PERSON", ["the North Korean leader's"]),
    entity("putin", "Putin", "PERSON", ["Vladimir Putin"]),
    entity("kremlin", "Kremlin", "ORGANIZATION"),
    entity("moscow", "Moscow", "LOCATION"),
    entity("us", "US", "COUNTRY"),
    entity("russia", "Russia", "COUNTRY"),
    entity("kcna", "KCNA", "ORGANIZATION"),
    entity("ukraine", "Ukraine", "LOCATION"),
  ],
  relations: [
    relation("kim-jong-un", "MEET", "putin"),
    relation("putin", "MEET", "kim-jong-un"), // symmetric: same edge as the one above
    relation("putin", "ROLE", "russia"),
    relation("moscow", "ATTACK", "ukraine"), // duplicate node of russia: stands for russia
    relation("putin", "ATTACK", "ukraine"), // the other alternative of the same gold relation
    relation("russia", "ATTACK", "ukraine"), // same gold triple as moscow -> ukraine
    relation("us", "ACCUSE", "russia", { negated: true }), // not an edge
    relation("kcna", "QUOTE", "kim-jong-un"), // optional relation: left out
    relation("kremlin", "ACCUSE", "us"), // unmatched endpoint
    relation("russia", "ROLE", "putin"), // wrong direction
    relation("kim-jong-un", "VISIT", "russia"), // wrong target
    relation("kcna", "ACCUSE", "us"), // optional entity, but no such gold relation
    relation("ghost", "MEET", "putin"), // endpoint is not an entity of the extraction
  ],
};

describe("normalizeName", () => {
  it("applies exactly the normalisations of gold-format.md", () => {
    expect(normalizeName("The U.S.'s")).toBe("us");
    expect(normalizeName("U.N. Security Council")).toBe("un security council");
    expect(normalizeName("Brasília")).toBe("brasilia");
    expect(normalizeName("Russia’s")).toBe("russia");
    expect(normalizeName("  the  North   Korean leader ")).toBe("north korean leader");
    expect(normalizeName("“Workers’ Party”")).toBe("\"workers' party\"");
    expect(normalizeName("Russia's Far East")).toBe("russia's far east");
    // Not on the list, so not equal.
    expect(normalizeName("Kim Jong-un")).not.toBe(normalizeName("Kim Jong Un"));
    expect(normalizeName("Theodore")).toBe("theodore");
  });
});

describe("scoreExtraction", () => {
  const score = scoreExtraction(gold, extraction);

  it("scores entities: duplicates are false positives, optional-only nodes are left out", () => {
    expectScore(score.entities, { predicted: 7, correct: 5, gold: 6, found: 5 },
      { precision: 5 / 7, recall: 5 / 6, f1: 10 / 13 });
    expect(score.nodes.map((n) => [n.id, n.status, n.gold])).toEqual([
      ["kim-jong-un", "matched", "kim"],
      ["putin", "matched", "putin"],
      ["kremlin", "unmatched", undefined],
      ["moscow", "duplicate", "russia"],
      ["us", "matched", "us"],
      ["russia", "matched", "russia"],
      ["kcna", "optional", "kcna"],
      ["ukraine", "matched", "ukraine"],
    ]);
    expect(score.missedEntities.map((m) => m.id)).toEqual(["vostochny"]);
  });

  it("scores typed entities on the same nodes, requiring the kind to agree", () => {
    expectScore(score.typedEntities, { predicted: 7, correct: 4, gold: 6, found: 4 },
      { precision: 4 / 7, recall: 4 / 6, f1: 8 / 13 });
    expect(score.mistypedEntities).toEqual([
      { id: "ukraine", name: "Ukraine", kind: "COUNTRY", extractedKind: "LOCATION" },
    ]);
  });

  it("scores relations once per gold triple, symmetric either way, alternatives all right", () => {
    expect(score.relations.predicted).toBe(8);
    expect(score.relations.correct).toBe(4);
    expect(score.relations.gold).toBe(5);
    expect(score.relations.found).toBe(3);
    expect(score.relations.precision).toBe(0.5);
    expect(score.relations.recall).toBe(0.6);
    expect(score.relations.f1).toBeCloseTo(6 / 11, 12);
    expect(score.edges.map((e) => `${e.source} ${e.relation} ${e.target} ${e.status}`)).toEqual([
      "kim-jong-un MEET putin correct",
      "putin ROLE russia correct",
      "moscow ATTACK ukraine correct",
      "putin ATTACK ukraine correct",
      "kcna QUOTE kim-jong-un optional",
      "kremlin ACCUSE us spurious",
      "russia ROLE putin spurious",
      "kim-jong-un VISIT russia spurious",
      "kcna ACCUSE us spurious",
    ]);
    expect(score.missedRelations).toEqual([
      { source: ["us"], relation: ["ACCUSE"], target: ["russia"] },
      { source: ["kim"], relation: ["VISIT", "MEET"], target: ["vostochny"] },
    ]);
  });

  it("prefers a node of the right kind over a same-named node of the wrong kind", () => {
    const swapped: Extraction = {
      document: "summit.txt",
      entities: [entity("moscow", "Moscow", "LOCATION"), entity("russia", "Russia", "COUNTRY")],
      relations: [],
    };
    const result = scoreExtraction(gold, swapped);
    expect(result.nodes.map((n) => n.status)).toEqual(["duplicate", "matched"]);
    expect(result.typedEntities.correct).toBe(1);
  });

  it("gives precision 1 for an empty extraction and recall 1 when nothing is owed", () => {
    const empty = scoreExtraction(gold, { document: "summit.txt", entities: [], relations: [] });
    expect(empty.entities).toEqual({ predicted: 0, correct: 0, gold: 6, found: 0, precision: 1, recall: 0, f1: 0 });
    const nothingOwed = validateGold({ document: "x.txt", entities: [], relations: [] });
    const none = scoreExtraction(nothingOwed, { document: "x.txt", entities: [], relations: [] });
    expect(none.relations.f1).toBe(1);
  });
});

describe("evaluate", () => {
  it("micro-averages by summing counts over documents", () => {
    const report = evaluate([
      { gold, extraction },
      { gold, extraction: { document: "summit.txt", entities: [], relations: [] } },
    ]);
    expectScore(report.overall.entities, { predicted: 7, correct: 5, gold: 12, found: 5 },
      { precision: 5 / 7, recall: 5 / 12, f1: 10 / 19 });
    expect(report.overall.relations.found).toBe(3);
    expect(report.overall.relations.gold).toBe(10);
  });

  it("formats a table, with missed and spurious items when verbose", () => {
    const report = evaluate([{ gold, extraction }]);
    const plain = formatReport(report);
    expect(plain.split("\n")[2]).toBe(
      "summit.txt  0.714 0.833 0.769     0.571 0.667 0.615     0.500 0.600 0.545",
    );
    const verbose = formatReport(report, { verbose: true });
    expect(verbose).toContain("missed entity    Vostochny Cosmodrome (LOCATION) [vostochny]");
    expect(verbose).toContain("duplicate entity Moscow (LOCATION) [moscow] of gold russia");
    expect(verbose).toContain("spurious relation kremlin -ACCUSE-> us [? -> us]");
    expect(verbose).toContain("missed relation  kim -VISIT|MEET-> vostochny");
  });
});

describe("parseGold", () => {
  it("reads lists and single values alike", () => {
    const parsed = parseGold(JSON.stringify({
      document: "a.txt",
      entities: [{ id: "a", name: "A", kind: "COUNTRY" }, { id: "b", name: "B", kind: "PERSON", aliases: ["Bee"] }],
      relations: [{ source: ["a", "b"], relation: "ATTACK", target: "a", optional: true }],
    }));
    expect(parsed.entities[0]).toEqual({ id: "a", name: "A", kind: "COUNTRY", aliases: [], optional: false });
    expect(parsed.relations[0]).toEqual({
      sources: ["a", "b"], relations: ["ATTACK"], targets: ["a"], optional: true,
    });
  });

  it("names what is wrong", () => {
    expect(() => parseGold("{", "g.json")).toThrow(GoldFormatError);
    expect(() => parseGold(JSON.stringify({ document: "a", entities: [{ id: "a", name: "A", kind: "CITY" }] }), "g.json"))
      .toThrow('g.json: entities[0].kind "CITY" is not an entity kind');
    expect(() => parseGold(JSON.stringify({
      document: "a", entities: [], relations: [{ source: "x", relation: "MEET", target: "y" }],
    }), "g.json")).toThrow('g.json: relations[0] refers to unknown entity id "x"');
  });
});
