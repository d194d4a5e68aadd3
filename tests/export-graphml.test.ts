import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/index.js";
import { toGraphml } from "../src/export/graphml.js";
import { LIST_ATTRIBUTES, exportGraph } from "./fixtures/export-graph.js";
import { findNetworkx, requireTools, runPython } from "./fixtures/networkx.js";
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

const PYTHON_TYPE: Record<string, string> = { string: "str", number: "float", boolean: "bool" };

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
    const { python, reason } = findNetworkx();
    if (!python) throw new Error(reason);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsgraph-graphml-")), "graph.graphml");
    writeFileSync(file, xml);
    const dump = runPython(python, NETWORKX_DUMP, [file]) as {
      multigraph: boolean; directed: boolean;
      nodes: Record<string, Record<string, [string, unknown]>>;
      edges: Record<string, { source: string; target: string; data: Record<string, [string, unknown]> }>;
    };
    expect(dump.multigraph).toBe(true);
    expect(dump.directed).toBe(true);
    expect(Object.keys(dump.nodes).sort()).toEqual(graph.nodes().sort());
    expect(Object.keys(dump.edges).sort()).toEqual(graph.edges().sort());
    const check = (read: Record<string, [string, unknown]>, attributes: Record<string, unknown>, where: string): void => {
      const values = Object.fromEntries(Object.entries(read).map(([name, [, value]]) => [name, value]));
      expect(decoded(values), where).toEqual(attributes);
      for (const [name, [type]] of Object.entries(read)) {
        const value = attributes[name];
        const expected = typeof value === "number" && Number.isInteger(value) && name !== "x" && name !== "y" &&
          !(name === "size" && where.includes("|")) ? "int" : PYTHON_TYPE[typeof value] ?? "str";
        expect(type, `${where}.${name}`).toBe(expected);
      }
    };
    graph.forEachNode((node, attributes) => check(dump.nodes[node]!, attributes, node));
    graph.forEachEdge((edge, attributes, source, target) => {
      expect([dump.edges[edge]!.source, dump.edges[edge]!.target]).toEqual([source, target]);
      check(dump.edges[edge]!.data, attributes, edge);
    });
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
