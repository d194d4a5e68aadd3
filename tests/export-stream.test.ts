// The exports are written as chunks (src/export/*Chunks), read straight from the graph in key
// order. These tests hold them to the bytes the earlier whole-string implementations gave
// (kept in tests/fixtures/export-reference/: JSON.stringify of a sorted copy's export(),
// graphology-gexf's writer, xmlbuilder2, one csv-stringify call, one joined script), for the
// seed graph, a generated corpus and graphs of awkward values; and writeFilesAtomic to write
// chunk sequences exactly and atomically.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/generate-corpus.js";
import { extract } from "../src/extract.js";
import { EXPORT_FORMATS, exportFiles } from "../src/export/formats.js";
import { joinChunks, toCsv, toCypher, toGexf, toGraphml, toJson } from "../src/export/index.js";
import { buildGraph, createGraph, type KnowledgeGraph } from "../src/graph/index.js";
import { applyLayout } from "../src/layout/index.js";
import type { EdgeAttributes, NodeAttributes } from "../src/model.js";
import { writeFilesAtomic } from "../src/node/write.js";
import { toCsv as referenceCsv } from "./fixtures/export-reference/csv.js";
import { toCypher as referenceCypher } from "./fixtures/export-reference/cypher.js";
import { toGexf as referenceGexf } from "./fixtures/export-reference/gexf.js";
import { toGraphml as referenceGraphml } from "./fixtures/export-reference/graphml.js";
import { toJson as referenceJson } from "./fixtures/export-reference/json.js";
import { exportGraph } from "./fixtures/export-graph.js";
import { GEXF_SCHEMA, REPO_ROOT, missingTools, requireTools } from "./helpers/tools.js";

const work = mkdtempSync(path.join(tmpdir(), "newsgraph-stream-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Control characters and lone surrogates, which no XML 1.0 document may contain. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every file of every format, as the earlier implementations wrote it. */
function referenceFiles(graph: KnowledgeGraph): Record<string, string> {
  const csv = referenceCsv(graph);
  return {
    "graph.json": referenceJson(graph),
    // The earlier GEXF writer passed characters XML 1.0 cannot carry through raw (invalid
    // XML); the streamed one writes U+FFFD for them, as the GraphML writer always did.
    // It also wrote an empty, invalid <viz:color/> for a colour it could not read; that is left out now.
    "graph.gexf": referenceGexf(graph).replace(NOT_XML, "\ufffd").replace(/\n *<viz:color\/>/g, ""),
    "graph.graphml": referenceGraphml(graph),
    "nodes.csv": csv["nodes.csv"],
    "edges.csv": csv["edges.csv"],
    "graph.cypher": referenceCypher(graph),
  };
}

/** Every file of every format from the chunked exports, and from the string functions. */
function expectSameAsReference(graph: KnowledgeGraph): Record<string, string> {
  const expected = referenceFiles(graph);
  const streamed = Object.fromEntries(exportFiles(graph, EXPORT_FORMATS).map((file) => [file.name, joinChunks(file.chunks)]));
  expect(Object.keys(streamed)).toEqual(Object.keys(expected));
  for (const [name, text] of Object.entries(expected)) expect(streamed[name], name).toBe(text);
  const csv = toCsv(graph);
  expect({
    "graph.json": toJson(graph), "graph.gexf": toGexf(graph), "graph.graphml": toGraphml(graph),
    "nodes.csv": csv["nodes.csv"], "edges.csv": csv["edges.csv"], "graph.cypher": toCypher(graph),
  }).toEqual(expected);
  return expected;
}

function seedGraph(): KnowledgeGraph {
  const seeds = path.join(REPO_ROOT, "seeds");
  const extractions = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()
    .map((name) => extract({ id: name, text: readFileSync(path.join(seeds, name), "utf8") }));
  return applyLayout(buildGraph(extractions));
}

function corpusGraph(articles: number, seed: number): KnowledgeGraph {
  const extractions = [...generateCorpus({ articles, seed })]
    .map(({ id, text, date, source }) => extract({ id, text, date, source }));
  return applyLayout(buildGraph(extractions));
}

const node = (label: string, extra: Partial<NodeAttributes> = {}): NodeAttributes =>
  ({ label, kind: "PERSON", aliases: [], mentions: 1, documents: ["d.txt"], ...extra });

const edge = (relation: EdgeAttributes["relation"], extra: Partial<EdgeAttributes> = {}): EdgeAttributes => ({
  relation, label: relation.toLowerCase(), polarity: "neutral", cameo: "040", weight: 1, confidence: 0.5,
  evidence: [{ document: "d.txt", sentence: 0, start: 0, end: 4, text: "text" }], ...extra,
});

/**
 * Values at the edges of what each writer does: control characters XML 1.0 cannot hold, a lone
 * surrogate, CR/LF/TAB in keys and text, entity-like text, empty labels, nulls, a NaN weight,
 * whole and fractional numbers in one attribute, a number beyond 32 bits, colours that are not
 * "#rrggbb", nodes without attributes, an edge key that is not source|RELATION|target, and
 * keys whose order differs from insertion order.
 */
function awkwardGraph(): KnowledgeGraph {
  const graph = createGraph();
  graph.addNode("z\r\nlast\tkey", node("bell\u0007 & vertical\u000b tab, lone \ud800 surrogate", {
    aliases: ["&amp; already", "<tag attr=\"v\">", "]]>"], color: "#abc", size: 2.5, x: 1, y: undefined,
  }));
  graph.addNode("a", node("", { mentions: 2 ** 40, color: "red", kind: "COUNTRY" }));
  graph.addNode("m", node("M \"quoted\" 'single'", { mentions: 1.5, color: "rgb(1, 2, 3)", x: -0.5, y: 2 }));
  graph.addNode("b", {} as NodeAttributes);
  graph.addNode("ключ", node("Ким 北朝鮮 😀", { color: "#12345", documents: [] }));
  graph.addDirectedEdgeWithKey("m|MEET|a", "m", "a", edge("MEET", { weight: Number.NaN, size: 0, color: "#d62728" }));
  graph.addDirectedEdgeWithKey("a|ACCUSE|m", "a", "m", edge("ACCUSE", {
    label: "", confidence: 1, modality: "reported", attributedTo: "m", role: "chair, \"acting\"\r\n<interim>",
    evidence: [{ document: "d\u0001.txt", sentence: 3, start: 10, end: 12, text: "a\u0000b\r\nc\td &#13; ]]>" }],
  }));
  graph.addDirectedEdgeWithKey("custom key", "ключ", "z\r\nlast\tkey", edge("VISIT", { modality: undefined, role: "" }));
  graph.addDirectedEdgeWithKey("a|MEET|a", "a", "a", { weight: 3 } as EdgeAttributes);
  return graph;
}

describe("chunked exports give the bytes of the earlier whole-string exports", () => {
  it("for the seed graph (extracted from seeds/, laid out)", () => {
    const files = expectSameAsReference(seedGraph());
    expect(files["graph.gexf"]).toContain("<viz:position");
  });

  it("for the committed seed graph (graph-output/graph.json)", () => {
    const graph = createGraph();
    graph.import(JSON.parse(readFileSync(path.join(REPO_ROOT, "graph-output/graph.json"), "utf8")));
    const files = expectSameAsReference(graph);
    expect(files["graph.json"]).toBe(readFileSync(path.join(REPO_ROOT, "graph-output/graph.json"), "utf8"));
  });

  it("for a generated corpus of 300 articles, in chunks of about 64 KB", () => {
    const graph = corpusGraph(300, 5);
    expect(graph.size).toBeGreaterThan(1000);
    const files = expectSameAsReference(graph);
    const gexf = exportFiles(graph, ["gexf"])[0]!;
    const chunks = [...gexf.chunks];
    expect(chunks.length).toBeGreaterThan(files["graph.gexf"]!.length / (128 * 1024));
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 64 * 1024)).toBe(true);
    expect(chunks.join("")).toBe(files["graph.gexf"]);
    writeFileSync(path.join(work, "corpus.gexf"), files["graph.gexf"]!);
  });

  it("for the export fixture (hostile text, layout attributes)", () => {
    expectSameAsReference(exportGraph());
  });

  it("for awkward values and keys", () => {
    const files = expectSameAsReference(awkwardGraph());
    // The cases are really there: no attribute values; NaN weight left out; no label.
    expect(files["graph.gexf"]).toContain('<node id="b">\n        <attvalues/>\n      </node>');
    expect(files["graph.gexf"]).toContain('<edge id="m|MEET|a" source="m" target="a" kind="MEET" label="meet">');
    expect(files["graph.graphml"]).toContain('<node id="b"/>');
    expect(files["graph.json"]).toContain('{\n      "key": "b"\n    }');
  });

  it("for an empty graph", () => {
    const files = expectSameAsReference(createGraph());
    expect(files["graph.json"]).toContain('"nodes": [],\n  "edges": []\n}');
    expect(files["graph.gexf"]).toContain("<nodes/>");
  });

  it("does not depend on the order nodes and edges were added", () => {
    const graph = awkwardGraph();
    const reversed = createGraph();
    for (const key of [...graph.nodes()].reverse()) reversed.addNode(key, graph.getNodeAttributes(key));
    for (const key of [...graph.edges()].reverse()) {
      reversed.addDirectedEdgeWithKey(key, graph.source(key), graph.target(key), graph.getEdgeAttributes(key));
    }
    const names = exportFiles(graph, EXPORT_FORMATS).map((file) => file.name);
    const text = (g: KnowledgeGraph) => exportFiles(g, EXPORT_FORMATS).map((file) => joinChunks(file.chunks));
    expect(Object.fromEntries(names.map((name, i) => [name, text(reversed)[i]])))
      .toEqual(Object.fromEntries(names.map((name, i) => [name, text(graph)[i]])));
  });

  it("the corpus GEXF and the GEXF of awkward values validate against the GEXF 1.3 schema (jing)", (context) => {
    requireTools(missingTools({ jing: true, shared: true }), context);
    const awkward = path.join(work, "awkward.gexf");
    writeFileSync(awkward, toGexf(awkwardGraph()));
    expect(readFileSync(awkward, "utf8")).toContain("bell\ufffd &amp; vertical\ufffd tab, lone \ufffd surrogate");
    for (const file of [path.join(work, "corpus.gexf"), awkward]) {
      const result = spawnSync("jing", ["-c", GEXF_SCHEMA, file], { encoding: "utf8" });
      expect({ status: result.status, output: result.stdout }, file).toEqual({ status: 0, output: "" });
    }
  });
});

describe("writeFilesAtomic with chunked content", () => {
  const out = path.join(work, "write");
  mkdirSync(out, { recursive: true });
  const listing = () => readdirSync(out).sort();

  it("writes strings, iterables and async iterables byte for byte", async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i}: Ким & 北朝鮮 😀 ${"x".repeat(i % 97)}\n`);
    async function* slowly(): AsyncGenerator<string> {
      for (const piece of pieces) yield piece;
    }
    await writeFilesAtomic([
      { path: path.join(out, "string.txt"), content: pieces.join("") },
      { path: path.join(out, "iterable.txt"), content: pieces },
      { path: path.join(out, "async.txt"), content: slowly() },
      { path: path.join(out, "empty.txt"), content: [] },
    ]);
    expect(listing()).toEqual(["async.txt", "empty.txt", "iterable.txt", "string.txt"]);
    for (const name of ["string.txt", "iterable.txt", "async.txt"]) {
      expect(readFileSync(path.join(out, name), "utf8"), name).toBe(pieces.join(""));
    }
    expect(readFileSync(path.join(out, "empty.txt"), "utf8")).toBe("");
  });

  it("writes a file of many chunks larger than the stream's buffer (backpressure)", async () => {
    const chunk = "0123456789abcdef".repeat(4096); // 64 KB
    function* chunks(): Generator<string> {
      for (let i = 0; i < 320; i++) yield `${i}`.padStart(8, "0") + chunk; // 20 MB in all
    }
    await writeFilesAtomic([{ path: path.join(out, "large.txt"), content: chunks() }]);
    const written = readFileSync(path.join(out, "large.txt"), "latin1");
    expect(written.length).toBe(320 * (8 + chunk.length));
    expect(written.slice(-(8 + chunk.length))).toBe(`00000319${chunk}`);
  });

  it("leaves every target untouched and no temporary file when producing content fails midway", async () => {
    writeFileSync(path.join(out, "first.txt"), "old first");
    writeFileSync(path.join(out, "second.txt"), "old second");
    const before = listing();
    function* failing(): Generator<string> {
      yield "new second, part 1";
      throw new Error("export failed");
    }
    await expect(writeFilesAtomic([
      { path: path.join(out, "first.txt"), content: ["new first"] },
      { path: path.join(out, "second.txt"), content: failing() },
      { path: path.join(out, "third.txt"), content: "never" },
    ])).rejects.toThrow("export failed");
    expect(listing()).toEqual(before);
    expect(readFileSync(path.join(out, "first.txt"), "utf8")).toBe("old first");
    expect(readFileSync(path.join(out, "second.txt"), "utf8")).toBe("old second");
  });

  it("writes the export files of a graph as the string exports give them", async () => {
    const graph = exportGraph();
    const dir = path.join(out, "export");
    await writeFilesAtomic(exportFiles(graph, EXPORT_FORMATS).map((file) => ({ path: path.join(dir, file.name), content: file.chunks })));
    const expected = referenceFiles(graph);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) expect(readFileSync(path.join(dir, name), "utf8"), name).toBe(text);
  });
});
