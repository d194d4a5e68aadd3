import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { buildGraph, type KnowledgeGraph } from "../src/graph/index.js";
import { parseGraphJSON } from "../src/query/index.js";
import { toGraphml } from "../src/export/graphml.js";
import { LIST_ATTRIBUTES, exportGraph } from "./fixtures/export-graph.js";
import { findNetworkx, requireTools, runPython } from "./fixtures/networkx.js";
import { REPO_ROOT } from "./helpers/tools.js";
import { HOSTILE_TEXT, hostileExtraction, sampleExtractions } from "./fixtures/sample-extractions.js";

/** Parses the JSON-text attributes back into lists, as a user of the file would. */
function decoded(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) =>
    [name, LIST_ATTRIBUTES.has(name) && typeof value === "string" ? JSON.parse(value) : value]));
}

const NETWORKX_DUMP = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
def typed(d):
    return {k: [type(v).__name__, v] for k, v in d.items()}
print(json.dumps({
    "multigraph": g.is_multigraph(), "directed": g.is_directed(),
    "nodes": {n: typed(d) for n, d in g.nodes(data=True)},
    "edges": {k: {"source": u, "target": v, "data": typed(d)} for u, v, k, d in g.edges(keys=True, data=True)},
}, ensure_ascii=False))
`;


describe("GraphML export", () => {
  const graph = exportGraph();
  const xml = toGraphml(graph);

  it("declares a typed key for every attribute", () => {
    const keys = [...xml.matchAll(/<key id="([^"]+)" for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)"\/>/g)]
      .map((m) => `${m[2]}.${m[3]}:${m[4]}`);
    expect(keys).toEqual([
      "node.label:string", "node.kind:string", "node.aliases:string", "node.mentions:int",
      "node.documents:string", "node.x:double", "node.y:double", "node.size:int", "node.color:string",
      "edge.relation:string", "edge.label:string", "edge.polarity:string", "edge.cameo:string",
      "edge.weight:int", "edge.confidence:double", "edge.modality:string", "edge.attributedTo:string",
      "edge.role:string", "edge.size:double", "edge.color:string", "edge.evidence:string",
    ]);
  });

  it("reads back equal through graphology-graphml's parser", () => {
    const read = parse(MultiDirectedGraph, xml);
    expect(read.order).toBe(graph.order);
    expect(read.size).toBe(graph.size);
    graph.forEachNode((node, attributes) => {
      expect(decoded(read.getNodeAttributes(node)), node).toEqual(attributes);
    });
    graph.forEachEdge((edge, attributes, source, target) => {
      expect(read.source(edge)).toBe(source);
      expect(read.target(edge)).toBe(target);
      expect(decoded(read.getEdgeAttributes(edge)), edge).toEqual(attributes);
    });
    const hostile = read.getEdgeAttributes("ко-ря|ROLE|x'y");
    expect(JSON.parse(hostile.evidence as string)[0].text).toBe(HOSTILE_TEXT);
    expect(hostile.role).toBe("chair, \"acting\"\r\n<interim>");
  });

  it.skipIf(!findNetworkx().python && !requireTools)("reads back equal in networkx read_graphml, typed", () => {
    checkWithNetworkx(xml, graph);
  });

  it("is deterministic: the same graph gives the same bytes whatever the merge order", () => {
    const forward = buildGraph([...sampleExtractions(), hostileExtraction()]);
    const backward = buildGraph([hostileExtraction(), ...sampleExtractions()].reverse());
    expect(toGraphml(backward)).toBe(toGraphml(forward));
    expect(toGraphml(graph)).toBe(xml);
  });

  it("keeps carriage returns, tabs and line breaks in ids and text, and replaces characters XML cannot hold", () => {
    const tricky = buildGraph([]);
    tricky.addNode("a\r\nb\tc", { label: "line\r\nbreak\ttab &amp; bell\u0007", kind: "PERSON", aliases: [], mentions: 1, documents: [] });
    const read = parse(MultiDirectedGraph, toGraphml(tricky));
    expect(read.nodes()).toEqual(["a\r\nb\tc"]);
    expect(read.getNodeAttribute("a\r\nb\tc", "label")).toBe("line\r\nbreak\ttab &amp; bell\ufffd");
  });
});

type TypedDump = Record<string, [string, unknown]>;

/** Writes the GraphML, reads it with networkx, and compares every value and its Python type. */
function checkWithNetworkx(xml: string, graph: KnowledgeGraph): void {
  const { python, reason } = findNetworkx();
  if (!python) throw new Error(reason);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "newsgraph-graphml-")), "graph.graphml");
  writeFileSync(file, xml);
  const dump = runPython(python, NETWORKX_DUMP, [file]) as {
    multigraph: boolean; directed: boolean;
    nodes: Record<string, TypedDump>;
    edges: Record<string, { source: string; target: string; data: TypedDump }>;
  };
  expect(dump.multigraph).toBe(true);
  expect(dump.directed).toBe(true);
  expect(Object.keys(dump.nodes).sort()).toEqual(graph.nodes().sort());
  expect(Object.keys(dump.edges).sort()).toEqual(graph.edges().sort());
  // The Python type each attribute must come back as, from the <key> declarations.
  const declared = new Map([...xml.matchAll(/for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)"/g)]
    .map((m) => [`${m[1]}.${m[2]}`, m[3] === "int" || m[3] === "long" ? "int" : m[3] === "double" ? "float" : m[3] === "boolean" ? "bool" : "str"]));
  const check = (read: TypedDump, attributes: Record<string, unknown>, domain: string, where: string): void => {
    const values = Object.fromEntries(Object.entries(read).map(([name, [, value]]) => [name, value]));
    expect(decoded(values), where).toEqual(attributes);
    for (const [name, [type]] of Object.entries(read)) {
      expect(type, `${where}.${name}`).toBe(declared.get(`${domain}.${name}`));
    }
  };
  graph.forEachNode((node, attributes) => check(dump.nodes[node]!, attributes, "node", node));
  graph.forEachEdge((edge, attributes, source, target) => {
    expect([dump.edges[edge]!.source, dump.edges[edge]!.target]).toEqual([source, target]);
    check(dump.edges[edge]!.data, attributes, "edge", edge);
  });
}

describe("graph-output/graph.graphml (the seed graph)", () => {
  const graph = parseGraphJSON(readFileSync(path.join(REPO_ROOT, "graph-output/graph.json"), "utf8"));
  const committed = readFileSync(path.join(REPO_ROOT, "graph-output/graph.graphml"), "utf8");

  it("is the GraphML export of graph-output/graph.json (regenerate with npm start)", () => {
    expect(committed).toBe(toGraphml(graph));
  });

  it("reads back equal through graphology-graphml's parser", () => {
    const read = parse(MultiDirectedGraph, committed);
    expect([read.order, read.size]).toEqual([graph.order, graph.size]);
    graph.forEachNode((node, attributes) => expect(decoded(read.getNodeAttributes(node))).toEqual(attributes));
    graph.forEachEdge((edge, attributes) => expect(decoded(read.getEdgeAttributes(edge))).toEqual(attributes));
  });

  it.skipIf(!findNetworkx().python && !requireTools)("reads back equal in networkx read_graphml, typed", () => {
    checkWithNetworkx(committed, graph);
  });
});
