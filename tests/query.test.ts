import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { constants } from "node:buffer";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toGexf, toJson } from "../src/export/index.js";
import { toGraphml } from "../src/export/graphml.js";
import { buildGraph } from "../src/graph/index.js";
import { loadGraph as loadNodeGraph } from "../src/node/load.js";
import { CLI, runCli } from "./helpers/cli.js";
import {
  GraphFormatError, GraphQuery, normalizeName, parseGraphJSON, queryGraph, loadGraph as loadCore,
} from "../src/query/index.js";
import {
  FOLLOWUP_SENTENCES, SUMMIT_SENTENCES, evidenceFor, sampleExtractions, textOf,
} from "./fixtures/sample-extractions.js";

function sample(): GraphQuery {
  return new GraphQuery(buildGraph(sampleExtractions()));
}

const triple = (r: { source: { id: string }; relation: string; target: { id: string } }): string =>
  `${r.source.id} ${r.relation} ${r.target.id}`;

describe("normalizeName", () => {
  it("ignores case, a leading 'the', a trailing 's, dots, accents, curly quotes and hyphens", () => {
    expect(normalizeName("The U.S.")).toBe("us");
    expect(normalizeName("Russia’s")).toBe("russia");
    expect(normalizeName("Erdoğan")).toBe("erdogan");
    expect(normalizeName("  the  North   Korean leader ")).toBe("north korean leader");
    expect(normalizeName("Kim Jong-un")).toBe("kim jong un");
    expect(normalizeName("평양")).toBe("평양");
  });
});

describe("entity", () => {
  const kg = sample();

  it("resolves names and aliases case-insensitively", () => {
    for (const name of ["the North Korean leader", "KIM JONG-UN", "kim", "Kim Jong Un", "kim"]) {
      expect(kg.entity(name).entity?.id, name).toBe("kim");
    }
    expect(kg.entity("the U.S.").entity?.id).toBe("united-states");
    expect(kg.entity("US").entity?.id).toBe("united-states");
    expect(kg.entity("Moscow's").entity?.id).toBe("russia");
    expect(kg.entity("erdogan").entity?.id).toBe("erdogan");
    expect(kg.entity("north-korea").entity?.id).toBe("north-korea");
  });

  it("returns the full record with merged aliases, documents and evidence", () => {
    const kim = kg.entity("Kim").entity!;
    expect(kim).toMatchObject({
      id: "kim", label: "Kim Jong Un", kind: "PERSON",
      aliases: ["Kim", "Kim Jong-un", "North Korean leader"],
      mentions: 5, documents: ["followup.txt", "summit.txt"], degree: 5,
    });
    expect(kim.evidence.map((e) => `${e.document}#${e.sentence}`)).toEqual([
      "followup.txt#0", "followup.txt#1", "summit.txt#0", "summit.txt#1", "summit.txt#2",
    ]);
    expect(kim.evidence[2]).toEqual({ ...evidenceFor("summit.txt", SUMMIT_SENTENCES, 0), date: "2023-09-13" });
  });

  it("gives an empty result with close names for unknown names", () => {
    const result = kg.entity("Kimm Jong Un");
    expect(result.entity).toBeNull();
    expect(result.results).toEqual([]);
    expect(result.unresolved).toEqual([{ name: "Kimm Jong Un", field: "name", suggestions: ["Kim Jong Un"] }]);
    expect(kg.entity("Putn").unresolved[0]!.suggestions).toEqual(["Vladimir Putin"]);
    expect(kg.entity("Korea").unresolved[0]!.suggestions)
      .toEqual(["North Korea", "South Korea", "South Korea's Foreign Ministry"]);
    expect(kg.entity("zzzzzz").unresolved[0]!.suggestions).toEqual([]);
    expect(kg.entity("President Vladimir Putin of Russia").unresolved[0]!.suggestions).toEqual(["Vladimir Putin"]);
    // A one-word name inside a longer query is no hint: "Kim" alone must not be offered here.
    expect(kg.entity("Kim Il Sung").unresolved[0]!.suggestions).toEqual([]);
  });
});

describe("relations", () => {
  const kg = sample();

  it("filters by source and relation, with every supporting sentence", () => {
    const { results, unresolved } = kg.relations({ source: "Kim", relation: "SUPPORT" });
    expect(unresolved).toEqual([]);
    expect(results.map(triple)).toEqual(["kim SUPPORT russia"]);
    expect(results[0]).toMatchObject({
      id: "kim|SUPPORT|russia", label: "supports", polarity: "cooperative", cameo: "05",
      confidence: 0.8, weight: 2, modality: "asserted", symmetric: false,
    });
    const text = textOf(SUMMIT_SENTENCES);
    for (const item of results[0]!.evidence) {
      expect(text.slice(item.start, item.end)).toBe(item.text);
    }
    expect(results[0]!.evidence.map((e) => e.sentence)).toEqual([0, 1]);
  });

  it("composes target, polarity and minimum confidence", () => {
    const all = kg.relations({ target: "United States", polarity: "conflictual" });
    expect(all.results.map(triple)).toEqual(["russia DENY united-states", "north-korea DENY united-states"]);
    const confident = kg.relations({ target: "United States", polarity: "conflictual", minConfidence: 0.5 });
    expect(confident.results.map(triple)).toEqual(["russia DENY united-states"]);
    expect(kg.relations({ polarity: "conflictual", relation: "ACCUSE" }).results.map(triple))
      .toEqual(["united-states ACCUSE north-korea"]);
    expect(kg.relations({ modality: "reported" }).results.map(triple)).toEqual(["north-korea AID russia"]);
    expect(kg.relations({ modality: "reported" }).results[0]!.attributedTo).toBe("united-states");
  });

  it("matches symmetric relations either way round and orients them from the query", () => {
    const { results } = kg.relations({ source: "Putin", relation: "meet" });
    expect(results.map(triple)).toEqual(["putin MEET kim"]);
    expect(results[0]!.evidence.map((e) => `${e.document}#${e.sentence}`))
      .toEqual(["followup.txt#0", "summit.txt#0"]);
    expect(kg.relations({ target: "Putin", relation: "HOST" }).results).toEqual([]);
  });

  it("restricts evidence to the documents asked for", () => {
    const { results } = kg.relations({ entity: "Kim", document: "followup.txt" });
    expect(results.map(triple).sort()).toEqual(["kim MEET putin", "kim VISIT vladivostok", "putin PRAISE kim"]);
    expect(results.every((r) => r.evidence.every((e) => e.document === "followup.txt"))).toBe(true);
  });

  it("reports unknown names with suggestions instead of throwing", () => {
    const result = kg.relations({ source: "Kimm", relation: "SUPPORT" });
    expect(result.results).toEqual([]);
    expect(result.unresolved).toEqual([{ name: "Kimm", field: "source", suggestions: ["Kim Jong Un"] }]);
  });

  it("rejects values outside the vocabulary", () => {
    expect(() => kg.relations({ relation: "SUPORT" as "SUPPORT" })).toThrow(/unknown relation "SUPORT"/);
    expect(() => kg.relations({ polarity: "hostile" as "conflictual" })).toThrow(RangeError);
  });
});

describe("neighbors", () => {
  const kg = sample();

  it("follows direction and relation filters", () => {
    const out = kg.neighbors("Putin", { relation: ["MEET", "HOST"], direction: "out" });
    expect(out.results.map((n) => [n.entity.id, n.relations.map(triple)])).toEqual([
      ["kim", ["putin MEET kim", "putin HOST kim"]],
    ]);
    const incoming = kg.neighbors("Putin", { relation: ["MEET", "HOST"], direction: "in" });
    expect(incoming.results.map((n) => [n.entity.id, n.relations.map(triple)])).toEqual([
      ["kim", ["putin MEET kim"]],
    ]);
  });

  it("lists every neighbour, best supported first", () => {
    const { results } = kg.neighbors("North Korea");
    // united-states has two sentences; the rest one each, so they go by label.
    expect(results.map((n) => n.entity.id)).toEqual(["united-states", "russia", "shoigu", "south-korea"]);
    expect(results[0]!.relations.map(triple)).toEqual(["united-states ACCUSE north-korea", "north-korea DENY united-states"]);
  });
});

describe("paths", () => {
  const kg = sample();

  it("finds every shortest connection with the relations of each hop", () => {
    // Symmetric relations on a hop are oriented along the path (russia CONSULT south-korea).
    const { results } = kg.paths("Shoigu", "Lim Soo-suk", { maxLength: 4 });
    expect(results.map((p) => p.entities.map((e) => e.id))).toEqual([
      ["shoigu", "north-korea", "south-korea", "foreign-ministry", "lim"],
      ["shoigu", "russia", "south-korea", "foreign-ministry", "lim"],
    ]);
    expect(results[1]!.length).toBe(4);
    expect(results[1]!.hops.map((hop) => hop.relations.map(triple))).toEqual([
      ["shoigu ROLE russia"], ["russia CONSULT south-korea"], ["foreign-ministry PART_OF south-korea"],
      ["lim ROLE foreign-ministry"],
    ]);
    expect(results[1]!.hops[3]!.relations[0]!.role).toBe("spokesperson");
    expect(results[1]!.hops[0]!.relations[0]!.evidence[0]!.text).toBe(SUMMIT_SENTENCES[7]);
  });

  it("respects maxLength and relation filters", () => {
    expect(kg.paths("Shoigu", "Lim", { maxLength: 3 }).results).toEqual([]);
    const noMonitor = kg.paths("Shoigu", "Lim", { relation: ["ROLE", "PART_OF", "CONSULT", "VISIT"] });
    expect(noMonitor.results.map((p) => p.entities.map((e) => e.id).join(">")))
      .toEqual(["shoigu>russia>south-korea>foreign-ministry>lim"]);
  });

  it("gives all relations between neighbours on a one-hop path", () => {
    const { results } = kg.paths("Kim", "Putin");
    expect(results).toHaveLength(1);
    expect(results[0]!.hops[0]!.relations.map(triple)).toEqual(["kim MEET putin", "putin HOST kim", "putin PRAISE kim"]);
  });

  it("reports unknown ends", () => {
    const result = kg.paths("Shoygu", "Lim");
    expect(result.results).toEqual([]);
    expect(result.unresolved).toEqual([{ name: "Shoygu", field: "from", suggestions: ["Sergei Shoigu"] }]);
  });
});

describe("evidence", () => {
  const kg = sample();

  it("lists every sentence linking two actors, once, with the relations it supports", () => {
    const { results } = kg.evidence("Kim", "Putin");
    expect(results.map((e) => [e.document, e.sentence, e.relations.map(triple)])).toEqual([
      ["followup.txt", 0, ["kim MEET putin"]],
      ["followup.txt", 1, ["putin PRAISE kim"]],
      ["summit.txt", 0, ["kim MEET putin"]],
      ["summit.txt", 2, ["putin HOST kim"]],
    ]);
    expect(results[1]).toMatchObject(evidenceFor("followup.txt", FOLLOWUP_SENTENCES, 1));
  });

  it("merges relations that share a sentence", () => {
    const { results } = kg.evidence("United States", "North Korea");
    expect(results.map((e) => [e.sentence, e.relations.map(triple)])).toEqual([
      [5, ["united-states ACCUSE north-korea"]],
      [6, ["north-korea DENY united-states"]],
    ]);
    const all = kg.evidence("Lim");
    expect(all.results.map((e) => e.relations.map(triple))).toEqual([["lim ROLE foreign-ministry"]]);
  });
});

describe("stats", () => {
  it("counts by kind, relation and polarity and ranks actors", () => {
    // Degree ties (5 each) are broken by mentions: kim 5, north-korea 4, russia 3.
    const stats = sample().stats();
    expect(stats).toMatchObject({ entities: 11, relations: 15, documents: 2, evidence: 17 });
    expect(stats.byKind).toEqual({ PERSON: 5, ORGANIZATION: 1, COUNTRY: 4, LOCATION: 1 });
    expect(stats.byRelation).toMatchObject({ MEET: 1, DENY: 2, ROLE: 2, VISIT: 2, ATTACK: 0 });
    expect(stats.byPolarity).toEqual({ cooperative: 8, neutral: 1, conflictual: 3, structural: 3 });
    expect(stats.topActors.slice(0, 3).map((a) => [a.id, a.degree])).toEqual([
      ["kim", 5], ["north-korea", 5], ["russia", 5],
    ]);
  });
});

describe("loading serialized graphs", () => {
  it("reads back graphology's serialization identically", () => {
    const graph = buildGraph(sampleExtractions());
    const json = JSON.stringify(graph.export());
    const loaded = parseGraphJSON(json);
    expect(loaded.export()).toEqual(graph.export());
    expect(queryGraph(JSON.parse(json)).entity("Kim").entity?.id).toBe("kim");
  });

  it("explains what is wrong with a bad graph in one line", () => {
    const json = JSON.stringify(buildGraph(sampleExtractions()).export());
    const problems: Array<[string, RegExp]> = [
      ["", /^empty file/],
      [json.slice(0, 200), /^truncated JSON \(/],
      ["{nodes: []}", /^malformed JSON \(/],
      ["[1,2]", /^not a graph: expected a JSON object/],
      ['{"nodes": []}', /^not a graph: missing "edges" array/],
      ['{"nodes": [{"key": "a", "attributes": {"label": "A", "kind": "ROBOT"}}], "edges": []}',
        /^node 0 \(a\): kind "ROBOT" is not one of PERSON/],
      ['{"nodes": [{"key": "a", "attributes": {"label": "A", "kind": "PERSON"}}], "edges": ' +
        '[{"source": "a", "target": "b", "attributes": {"relation": "MEET", "evidence": []}}]}',
        /^edge 0: target "b" is not a node$/],
      ['{"nodes": [{"key": "a", "attributes": {"label": "A", "kind": "PERSON"}}], "edges": ' +
        '[{"source": "a", "target": "a", "attributes": {"relation": "HUG"}}]}',
        /^edge 0: relation "HUG" is not one of MEET/],
    ];
    for (const [text, message] of problems) {
      let caught: unknown;
      try { parseGraphJSON(text); } catch (error) { caught = error; }
      expect(caught, text.slice(0, 40)).toBeInstanceOf(GraphFormatError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain("\n");
    }
  });

  it("loads an in-memory graph through the browser-safe loader", async () => {
    const kg = await loadCore(buildGraph(sampleExtractions()));
    expect(kg.relations({ source: "Kim", relation: "SUPPORT" }).results.map(triple)).toEqual(["kim SUPPORT russia"]);
  });
});

describe("loadGraph from files (Node entry)", () => {
  const work = mkdtempSync(path.join(tmpdir(), "newsgraph-query-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const graph = buildGraph(sampleExtractions());
  const file = (name: string, content: string | Buffer): string => {
    const target = path.join(work, name);
    writeFileSync(target, content);
    return target;
  };

  it("reads graph.json, .gexf and .graphml back to the same graph", async () => {
    for (const [name, content] of [
      ["g.json", toJson(graph)], ["g.gexf", toGexf(graph)], ["g.graphml", toGraphml(graph)],
    ] as const) {
      const kg = await loadNodeGraph(file(name, content));
      expect(toJson(kg.graph), name).toBe(toJson(graph));
    }
  });

  it("names the file and the problem in one line", async () => {
    const json = toJson(graph);
    const cases: Array<[string, RegExp]> = [
      [path.join(work, "missing.json"), /missing\.json: no such file$/],
      [work, /: is a directory, expected a graph file/],
      [file("cut.json", json.slice(0, json.length / 2)), /cut\.json: truncated JSON \(/],
      [file("bad.json", "{\"nodes\": [}"), /bad\.json: malformed JSON \(/],
      [file("latin1.json", Buffer.from([0x7b, 0xe9, 0x7d])), /latin1\.json: not UTF-8 text/],
      [file("cut.gexf", toGexf(graph).slice(0, 2000)), /cut\.gexf: truncated GEXF \(no closing <\/gexf> tag\)$/],
      [file("broken.graphml", toGraphml(graph).replace("<graph ", "<graph <")), /broken\.graphml: malformed GraphML \(/],
    ];
    for (const [target, message] of cases) {
      const error = await loadNodeGraph(target).then(() => undefined, (e: unknown) => e);
      expect(error, target).toBeInstanceOf(GraphFormatError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message.startsWith(target)).toBe(true);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("says a file too large to read as one text is too large, with its size", async () => {
    // Sparse: no disk is used, but reading it gives more bytes than a string can hold.
    const huge = path.join(work, "huge.json");
    const handle = openSync(huge, "w");
    ftruncateSync(handle, constants.MAX_STRING_LENGTH + 64 * 2 ** 20);
    closeSync(handle);
    const error = await loadNodeGraph(huge).then(() => undefined, (e: unknown) => e);
    rmSync(huge);
    expect(error).toBeInstanceOf(GraphFormatError);
    expect((error as Error).message).toBe(`${huge}: too large to load (576 MB; files are read as one text, at most 512 MB)`);
  });
});

describe("newsgraph query and stats (compiled CLI)", () => {
  const work = mkdtempSync(path.join(tmpdir(), "newsgraph-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const graphFile = path.join(work, "graph.json");
  writeFileSync(graphFile, toJson(buildGraph(sampleExtractions())));
  const query = (...args: string[]) => runCli(["query", "--graph", graphFile, ...args]);

  it("needs the compiled CLI (npm test runs tsc first)", () => {
    expect(existsSync(CLI), `${CLI} missing: run npx tsc -p .`).toBe(true);
  });

  it("prints the relations of an entity as a table, resolving aliases", () => {
    const result = query("--entity", "the north korean leader", "--relation", "support,meet", "--direction", "out");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe([
      "Kim Jong Un (PERSON; also Kim, Kim Jong-un, North Korean leader): 5 relations, 5 mentions in 2 documents",
      "WHO          RELATION  WHOM            CONF  EVIDENCE",
      // Both have two sentences; the more confident comes first.
      `Kim Jong Un  MEET      Vladimir Putin  0.95  "${FOLLOWUP_SENTENCES[0]}" [followup.txt#0] (+1 more)`,
      `Kim Jong Un  SUPPORT   Russia          0.80  "${SUMMIT_SENTENCES[0]!.slice(0, 89)}…" [summit.txt#0] (+1 more)`,
      "",
    ].join("\n"));
  });

  it("prints JSON for scripts, with evidence", () => {
    const result = query("--entity", "Putin", "--target", "KIM", "--json");
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { results: Array<{ id: string; evidence: unknown[] }>; unresolved: unknown[] };
    expect(parsed.unresolved).toEqual([]);
    expect(parsed.results.map((r) => r.id)).toEqual(["kim|MEET|putin", "putin|HOST|kim", "putin|PRAISE|kim"]);
    expect(parsed.results[2]!.evidence).toEqual([evidenceFor("followup.txt", FOLLOWUP_SENTENCES, 1)]);
  });

  it("follows --direction in", () => {
    const result = query("--entity", "Putin", "--direction", "in", "--json");
    const parsed = JSON.parse(result.stdout) as { results: Array<{ id: string }> };
    expect(parsed.results.map((r) => r.id)).toEqual(["kim|MEET|putin"]);
  });

  it("prints the shortest paths hop by hop", () => {
    const result = query("--path", "Shoigu", "Lim Soo-suk", "--max-length", "4");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "2 shortest connections between Sergei Shoigu and Lim Soo-suk (4 hops):",
      "1. Sergei Shoigu -> North Korea -> South Korea -> South Korea's Foreign Ministry -> Lim Soo-suk",
    ]);
    expect(lines).toContain("2. Sergei Shoigu -> Russia -> South Korea -> South Korea's Foreign Ministry -> Lim Soo-suk");
    expect(lines).toContain(`   Russia CONSULT South Korea: "${SUMMIT_SENTENCES[3]!.slice(0, 89)}…" [summit.txt#3]`);
    expect(query("--path", "Shoigu", "Lim", "--max-length", "3").stdout)
      .toBe("no connection between Sergei Shoigu and Lim Soo-suk found\n");
  });

  it("answers an unknown name with suggestions and exit code 1", () => {
    const result = query("--entity", "Kimm Jong Un");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('newsgraph: no entity named "Kimm Jong Un"; did you mean: Kim Jong Un?\n');
    const json = query("--entity", "Kimm Jong Un", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ results: [], unresolved: [{ name: "Kimm Jong Un", suggestions: ["Kim Jong Un"] }] });
  });

  it("prints stats as text and JSON", () => {
    const json = runCli(["stats", "--graph", graphFile, "--json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(sample().stats());
    const text = runCli(["stats", "--graph", graphFile]);
    expect(text.stdout.split("\n").slice(0, 3)).toEqual([
      `${graphFile}: 11 entities, 15 relations, 2 documents, 17 evidence sentences`,
      "entities by kind: PERSON 5, ORGANIZATION 1, COUNTRY 4, LOCATION 1",
      "relations by type: DENY 2, ROLE 2, VISIT 2, ACCUSE 1, AID 1, CONSULT 1, HOST 1, MEET 1, MONITOR 1, PART_OF 1, PRAISE 1, SUPPORT 1",
    ]);
  });

  it("exits 2 with one line naming the file for missing, truncated and malformed graphs", () => {
    const json = toJson(buildGraph(sampleExtractions()));
    const truncated = path.join(work, "truncated.json");
    writeFileSync(truncated, json.slice(0, 300));
    const malformed = path.join(work, "malformed.gexf");
    writeFileSync(malformed, "<gexf><graph><nodes><node id='a' label='x></nodes></graph></gexf>");
    const cases: Array<[string[], string]> = [
      [["query", "--graph", path.join(work, "none.json"), "--entity", "Kim"], `${path.join(work, "none.json")}: no such file`],
      [["stats", "--graph", truncated], `${truncated}: truncated JSON (`],
      [["query", "--graph", malformed, "--entity", "Kim"], `${malformed}: malformed GEXF (`],
      [["query", "--graph", graphFile, "--entity", "Kim", "--relation", "HUG"], 'unknown relation "HUG"'],
      [["query", "--graph", graphFile, "--path", "Kim"], "--path takes two names, got 1"],
      [["query", "--graph", graphFile], "say what to query"],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.startsWith(`newsgraph: ${message}`), result.stderr).toBe(true);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
