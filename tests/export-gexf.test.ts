import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract } from "../src/extract.js";
import { buildGraph, type KnowledgeGraph } from "../src/graph/index.js";
import { applyLayout } from "../src/layout/index.js";
import { toGexf, toJson } from "../src/export/index.js";
import type { Extraction, Relation } from "../src/model.js";
import { GEXF_SCHEMA, REPO_ROOT, missingTools, requireTools } from "./helpers/tools.js";

const missing = missingTools({ jing: true, networkx: true, shared: true });
const work = mkdtempSync(path.join(tmpdir(), "newsgraph-gexf-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const evidence = (document: string, sentence: number, text: string) => ({
  document, sentence, start: sentence * 100, end: sentence * 100 + text.length, text,
});

function relation(source: string, type: Relation["relation"], target: string, text: string, extra: Partial<Relation> = {}): Relation {
  return { source, relation: type, target, confidence: 0.8, modality: "asserted", evidence: [evidence("a.txt", 1, text)], ...extra };
}

// Commas, quotes, an ampersand, angle brackets and non-ASCII in the text: what GEXF mangles
// when lists are not stored as JSON strings or values are not escaped.
const handmade: Extraction[] = [
  {
    document: "a.txt",
    entities: [
      { id: "kim-jong-un", name: "Kim Jong Un", kind: "PERSON", aliases: ["Kim", "the North Korean leader"], mentions: [] },
      { id: "vladimir-putin", name: "Vladimir Putin", kind: "PERSON", aliases: ["Putin"], mentions: [] },
      { id: "russia", name: "Russia", kind: "COUNTRY", aliases: ["Moscow"], mentions: [] },
      { id: "ria-novosti", name: "RIA Novosti", kind: "ORGANIZATION", aliases: [], mentions: [] },
      { id: "vostochny-cosmodrome", name: "Vostochny Cosmodrome", kind: "LOCATION", aliases: ["Vostochny"], mentions: [] },
      { id: "sao-paulo", name: "São Paulo & \"Co\" <x>", kind: "LOCATION", aliases: [], mentions: [] },
    ],
    relations: [
      relation("kim-jong-un", "MEET", "vladimir-putin", "Kim met Putin, who said \"welcome\" & smiled, at <Vostochny>."),
      relation("kim-jong-un", "PRAISE", "vladimir-putin", "Kim praised Putin’s “leadership”."),
      relation("vladimir-putin", "ROLE", "russia", "Russian President Vladimir Putin", { role: "President" }),
      relation("ria-novosti", "QUOTE", "vladimir-putin", "RIA quoted Putin as saying so", { modality: "reported", attributedTo: "ria-novosti" }),
      relation("kim-jong-un", "VISIT", "vostochny-cosmodrome", "Kim visited the cosmodrome"),
      relation("vostochny-cosmodrome", "LOCATED_IN", "sao-paulo", "a test, with commas, inside"),
    ],
  },
  {
    document: "b.txt",
    entities: [
      { id: "kim-jong-un", name: "Kim", kind: "PERSON", aliases: [], mentions: [] },
      { id: "vladimir-putin", name: "Putin", kind: "PERSON", aliases: [], mentions: [] },
    ],
    relations: [{ ...relation("kim-jong-un", "MEET", "vladimir-putin", "They met again."), evidence: [evidence("b.txt", 0, "They met again.")] }],
  },
];

interface NetworkxView {
  multigraph: boolean;
  directed: boolean;
  nodes: { id: string; label: string; kind: string; aliases: string[]; documents: string[]; mentions: number; color: number[]; x: number }[];
  edges: { source: string; target: string; id: string; relation: string; weight: number; evidence: unknown; role: string | null }[];
}

const NETWORKX_READER = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
nodes = [{"id": n, "label": d["label"], "kind": d["kind"], "aliases": json.loads(d["aliases"]),
          "documents": json.loads(d["documents"]), "mentions": d["mentions"],
          "color": [d["viz"]["color"][c] for c in "rgb"], "x": d["viz"]["position"]["x"]}
         for n, d in g.nodes(data=True)]
edges = [{"source": u, "target": v, "id": d["id"], "relation": d["relation"], "weight": d["weight"],
          "evidence": json.loads(d["evidence"]), "role": d.get("role")}
         for u, v, d in g.edges(data=True)]
print(json.dumps({"multigraph": g.is_multigraph(), "directed": g.is_directed(), "nodes": nodes, "edges": edges}))
`;

function jing(file: string): { status: number | null; output: string } {
  const result = spawnSync("jing", ["-c", GEXF_SCHEMA, file], { encoding: "utf8" });
  // Debian's jing wrapper warns about optional jars on stderr; only stdout carries errors.
  return { status: result.status, output: result.stdout };
}

function readWithNetworkx(file: string): NetworkxView {
  const result = spawnSync("python3", ["-c", NETWORKX_READER, file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`networkx could not read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as NetworkxView;
}

function expectNetworkxToMatch(view: NetworkxView, graph: KnowledgeGraph): void {
  expect(view.directed).toBe(true);
  expect(view.nodes.map((n) => n.id).sort()).toEqual(graph.nodes().sort());
  for (const node of view.nodes) {
    const attributes = graph.getNodeAttributes(node.id);
    expect(node.label).toBe(attributes.label);
    expect(node.kind).toBe(attributes.kind);
    expect(node.aliases).toEqual(attributes.aliases);
    expect(node.documents).toEqual(attributes.documents);
    expect(node.mentions).toBe(attributes.mentions);
    expect(node.x).toBeCloseTo(attributes.x ?? NaN, 6);
    const hex = attributes.color ?? "";
    expect(node.color).toEqual([1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
  }
  expect(view.edges.map((e) => e.id).sort()).toEqual(graph.edges().sort());
  for (const edge of view.edges) {
    const attributes = graph.getEdgeAttributes(edge.id);
    expect([edge.source, edge.relation, edge.target]).toEqual([graph.source(edge.id), attributes.relation, graph.target(edge.id)]);
    expect(edge.weight).toBe(attributes.weight);
    expect(edge.evidence).toEqual(attributes.evidence);
    expect(edge.role).toBe(attributes.role ?? null);
  }
}

describe("GEXF export", () => {
  const graph = applyLayout(buildGraph(handmade));
  const gexf = toGexf(graph);
  const file = path.join(work, "handmade.gexf");
  writeFileSync(file, gexf);

  it("is GEXF 1.3 without xsi:schemaLocation, with r/g/b colours and the relation as edge kind", () => {
    expect(gexf.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3"')).toBe(true);
    expect(gexf).not.toContain("schemaLocation");
    expect(gexf).not.toContain("hex=");
    expect(gexf).toContain('<viz:color r="78" g="121" b="167"/>');
    expect(gexf).toContain('<edge id="kim-jong-un|PRAISE|vladimir-putin" source="kim-jong-un" target="vladimir-putin" weight="1" kind="PRAISE" label="praised">');
    expect(gexf).not.toMatch(/<attribute id="type"/);
    expect(gexf.endsWith("</gexf>\n")).toBe(true);
  });

  it("is byte-stable and independent of the order documents were merged in", () => {
    const reversed = applyLayout(buildGraph([...handmade].reverse()));
    expect(toGexf(reversed)).toBe(gexf);
    expect(toJson(reversed)).toBe(toJson(graph));
  });

  it("validates against the official GEXF 1.3 schema (jing)", (context) => {
    requireTools(missing, context);
    expect(jing(file)).toEqual({ status: 0, output: "" });
  });

  it("loads in networkx with the same nodes, edges, labels, kinds, relations and evidence", (context) => {
    requireTools(missing, context);
    const view = readWithNetworkx(file);
    expect(view.multigraph).toBe(true); // kim MEET putin and kim PRAISE putin stay apart
    expect(view.nodes).toHaveLength(6);
    expect(view.edges).toHaveLength(6);
    expectNetworkxToMatch(view, graph);
    const meet = view.edges.find((e) => e.relation === "MEET");
    expect(meet?.weight).toBe(2);
  });

  it("validates and loads for the graph built from seeds/", (context) => {
    requireTools(missing, context);
    const seeds = path.join(REPO_ROOT, "seeds");
    const extractions = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()
      .map((name) => extract({ id: name, text: readFileSync(path.join(seeds, name), "utf8") }));
    const seedGraph = applyLayout(buildGraph(extractions));
    const seedFile = path.join(work, "seed.gexf");
    writeFileSync(seedFile, toGexf(seedGraph));
    expect(jing(seedFile)).toEqual({ status: 0, output: "" });
    expectNetworkxToMatch(readWithNetworkx(seedFile), seedGraph);
  });
});
