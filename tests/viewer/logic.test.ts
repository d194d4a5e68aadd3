// The viewer's pure parts, without a browser: URL state, filters, search, evidence
// highlighting and graph-file normalisation.
import { describe, expect, it } from "vitest";
import { buildTimeline, computeVisibility, NO_FILTERS, type Filters } from "../../viewer/src/filters.js";
import { sizeFor } from "../../viewer/src/sizes.js";
import { buildGraph } from "../../src/graph/index.js";
import { highlightActors } from "../../viewer/src/evidence.js";
import { fromSerialized, GraphLoadError, placeMissingNodes } from "../../viewer/src/graph-source.js";
import { buildSearchIndex, normalizeName, searchNodes } from "../../viewer/src/search-index.js";
import { decodeViewState, encodeViewState, isSameOriginPath, type ViewState } from "../../viewer/src/url-state.js";
import { syntheticGraph } from "./fixtures.js";

describe("URL state", () => {
  it("round-trips selection, filters, camera and edge labels", () => {
    const state: ViewState = {
      graph: "other/graph.json",
      node: "ana-lopez",
      filters: {
        hiddenKinds: new Set(["LOCATION"]),
        hiddenRelations: new Set(["MEET", "ACCUSE"]),
        hiddenPolarities: new Set(["structural"]),
        hiddenModalities: new Set(["hypothetical"]),
        minConfidence: 0.65,
        dateFrom: "2024-01-20",
        dateTo: "2024-02-24",
        hideUndated: true,
        hiddenSources: new Set(["Beta News", ""]),
        minEvidence: 2,
        minDegree: 3,
        hideIsolated: true,
        focus: { node: "ana-lopez", hops: 2 },
      },
      camera: { x: 0.51234567, y: 0.4, ratio: 0.25 },
      edgeLabels: false,
      path: ["ana-lopez", "port-royal"],
    };
    const query = encodeViewState(state);
    expect(query).toBe("graph=other%2Fgraph.json&node=ana-lopez&hideKinds=LOCATION&hideRelations=ACCUSE%2CMEET"
      + "&hidePolarity=structural&hideModality=hypothetical&hideSources=-%2CBeta+News&minConfidence=0.65"
      + "&from=2024-01-20&to=2024-02-24&undated=hide&minEvidence=2&minDegree=3&isolated=hide&focus=2%3Aana-lopez"
      + "&path=ana-lopez+port-royal&edgeLabels=off&camera=0.5123%2C0.4%2C0.25");
    expect(decodeViewState(`?${query}`)).toEqual({ ...state, camera: { x: 0.5123, y: 0.4, ratio: 0.25 } });
  });

  it("reads an empty or broken query as the default view", () => {
    expect(encodeViewState({ filters: NO_FILTERS })).toBe("");
    expect(decodeViewState("?camera=1,2&minConfidence=lots&edgeLabels=maybe")).toEqual({ filters: NO_FILTERS });
    expect(decodeViewState("?edgeLabels=on")).toEqual({ filters: NO_FILTERS, edgeLabels: true });
  });

  it("takes only same-origin paths as ?graph= (no data:, blob:, other hosts)", () => {
    for (const graph of ["graph.json", "/graph.json", "other/graph.gexf", "../up/graph.json?v=2", "./g%20h.json", "my graph.json"]) {
      expect(isSameOriginPath(graph), graph).toBe(true);
      expect(decodeViewState(`?graph=${encodeURIComponent(graph)}`).graph, graph).toBe(graph);
    }
    const fabricated = "data:application/json," + encodeURIComponent(JSON.stringify({ nodes: [{ key: "fake" }], edges: [] }));
    for (const graph of [
      fabricated, "DATA:application/json,{}", "blob:http://127.0.0.1:5173/0b1e", "https://attacker.example/graph.json",
      "//attacker.example/graph.json", "/\\attacker.example/graph.json", "\\\\attacker.example/g.json", " data:,{}",
      "java\tscript:alert(1)", "javascript:alert(1)", "file:///etc/passwd",
    ]) {
      expect(isSameOriginPath(graph), graph).toBe(false);
      expect(decodeViewState(`?graph=${encodeURIComponent(graph)}`), graph).toEqual({ filters: NO_FILTERS });
    }
  });
});

describe("filters", () => {
  const graph = fromSerialized(syntheticGraph());

  it("counts what each filter leaves visible", () => {
    const all = computeVisibility(graph, NO_FILTERS);
    expect([all.visibleNodes, all.visibleEdges, all.hiddenEdges.size]).toEqual([8, 23, 0]);
    expect(all.edgesByRelation.get("ACCUSE")).toBe(2);
    const filters: Filters = { ...NO_FILTERS, hiddenRelations: new Set(["ACCUSE"]) };
    const some = computeVisibility(graph, filters);
    expect(some.visibleEdges).toBe(21);
    expect([...some.hiddenEdges].sort()).toEqual(["ana-lopez|ACCUSE|boris-petrov", "freedonia|ACCUSE|ruritanian-foreign-ministry"]);
    expect(some.edgesByRelation.get("ACCUSE")).toBeUndefined();
  });

  it("hides the edges of hidden kinds, and edges by modality and confidence", () => {
    const noLocations = computeVisibility(graph, { ...NO_FILTERS, hiddenKinds: new Set(["LOCATION"]) });
    expect([...noLocations.hiddenNodes]).toEqual(["port-royal"]);
    expect(noLocations.hiddenEdges.size).toBe(graph.edges("port-royal").length);
    const hypothetical = graph.filterEdges((_, a) => a.modality === "hypothetical").length;
    expect(hypothetical).toBe(3);
    expect(computeVisibility(graph, { ...NO_FILTERS, hiddenModalities: new Set(["hypothetical"]) }).visibleEdges)
      .toBe(23 - hypothetical);
    const confident = graph.filterEdges((_, a) => a.confidence >= 0.8).length;
    expect(computeVisibility(graph, { ...NO_FILTERS, minConfidence: 0.8 }).visibleEdges).toBe(confident);
  });
});

describe("time, source and structure filters", () => {
  // a -> b on 2024-01-05 (Alpha) and 2024-03-01 (Beta); b -> c on 2024-02-10 (Beta); c -> d undated; e alone.
  const evidence = (sentence: number, date?: string, source?: string) => ({
    document: "d.txt", sentence, start: 0, end: 1, text: "x", ...(date ? { date } : {}), ...(source ? { source } : {}),
  });
  const entity = (id: string) => ({ id, name: id.toUpperCase(), kind: "PERSON" as const, aliases: [], mentions: [] });
  const graph = buildGraph([{
    document: "d.txt",
    entities: ["a", "b", "c", "d", "e"].map(entity),
    relations: [
      { source: "a", relation: "MEET", target: "b", confidence: 1, evidence: [evidence(0, "2024-01-05", "Alpha"), evidence(1, "2024-03-01T10:00:00Z", "Beta")] },
      { source: "b", relation: "PRAISE", target: "c", confidence: 1, evidence: [evidence(2, "2024-02-10", "Beta")] },
      { source: "c", relation: "WARN", target: "d", confidence: 1, evidence: [evidence(3)] },
    ],
  }]);
  const shown = (filters: Partial<Filters>) => {
    const v = computeVisibility(graph, { ...NO_FILTERS, ...filters });
    return { nodes: graph.filterNodes((n) => !v.hiddenNodes.has(n)), edges: graph.filterEdges((e) => !v.hiddenEdges.has(e)).length };
  };

  it("keeps edges with a sentence inside the date range, undated ones unless hidden", () => {
    expect(shown({ dateFrom: "2024-02-01", dateTo: "2024-02-29" }).edges).toBe(2);
    expect(shown({ dateFrom: "2024-02-01", dateTo: "2024-02-29", hideUndated: true }).edges).toBe(1);
    expect(shown({ dateFrom: "2024-03-01", hideUndated: true, hideIsolated: true })).toEqual({ nodes: ["a", "b"], edges: 1 });
    expect(shown({ hiddenSources: new Set(["Beta"]) }).edges).toBe(2);
    expect(shown({ hiddenSources: new Set(["Beta", ""]) }).edges).toBe(1);
  });

  it("hides by evidence count, degree and neighbourhood", () => {
    expect(shown({ minEvidence: 2 }).edges).toBe(1);
    expect(shown({ minDegree: 2 })).toEqual({ nodes: ["b", "c"], edges: 1 });
    expect(shown({ hideIsolated: true }).nodes).toEqual(["a", "b", "c", "d"]);
    expect(shown({ focus: { node: "a", hops: 1 } })).toEqual({ nodes: ["a", "b"], edges: 1 });
    expect(shown({ focus: { node: "a", hops: 2 } })).toEqual({ nodes: ["a", "b", "c"], edges: 2 });
  });

  it("buckets evidence dates by day and counts the undated", () => {
    const timeline = buildTimeline(graph);
    expect([timeline.unit, timeline.buckets[0], timeline.buckets.at(-1), timeline.buckets.length, timeline.undated])
      .toEqual(["day", "2024-01-05", "2024-03-01", 57, 1]);
    expect(timeline.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("sizes nodes on a log scale, hubs capped at the largest size", () => {
    const range = { min: 3, max: 16 };
    expect([sizeFor(0, 1577, range), sizeFor(1577, 1577, range), sizeFor(1, 1, range)]).toEqual([3, 16, 16]);
    expect(sizeFor(10, 1577, range)).toBeGreaterThan(5);
    expect(sizeFor(10, 1577, range)).toBeLessThan(8);
  });
});

describe("search", () => {
  const graph = fromSerialized(syntheticGraph());
  const index = buildSearchIndex(graph);

  it("finds names by prefix and by word, best first", () => {
    expect(searchNodes(index, "lop")).toEqual([{ node: "ana-lopez", label: "Ana Lopez", alias: "Lopez" }]);
    expect(searchNodes(index, "ana")).toEqual([{ node: "ana-lopez", label: "Ana Lopez" }]);
    expect(searchNodes(index, "ru").map((hit) => hit.node)).toEqual(["ruritania", "ruritanian-foreign-ministry"]);
    expect(searchNodes(index, "petrov")).toEqual([{ node: "boris-petrov", label: "Boris Petrov", alias: "Petrov" }]);
    expect(searchNodes(index, "boris petrov")).toEqual([{ node: "boris-petrov", label: "Boris Petrov" }]);
  });

  it("finds aliases, ignoring case, accents and a leading 'the'", () => {
    expect(searchNodes(index, "The Minister")).toEqual([{ node: "ana-lopez", label: "Ana Lopez", alias: "the minister" }]);
    expect(searchNodes(index, "strelsau")).toEqual([{ node: "ruritania", label: "Ruritania", alias: "Strelsau" }]);
    expect(normalizeName("  The  Élysée’s")).toBe("elysee");
    expect(searchNodes(index, "")).toEqual([]);
  });
});

describe("evidence highlighting", () => {
  it("marks both actors by name or alias, whole words only, longest first", () => {
    const pieces = highlightActors("Lopez met Petrov; Lopezville and the minister did not.", [
      ["Ana Lopez", "Lopez", "the minister"], ["Boris Petrov", "Petrov"],
    ]);
    expect(pieces).toEqual([
      { text: "Lopez", actor: 0 }, { text: " met ", actor: -1 }, { text: "Petrov", actor: 1 },
      { text: "; Lopezville and the ", actor: -1 }, { text: "minister", actor: 0 }, { text: " did not.", actor: -1 },
    ]);
    expect(highlightActors("<b>Kim</b>", [["Kim"], []]).map((p) => p.text).join("")).toBe("<b>Kim</b>");
  });
});

describe("graph files", () => {
  it("normalises GEXF-style attributes and places nodes without positions", () => {
    const graph = fromSerialized({
      nodes: [
        { key: "a", attributes: { label: "A", kind: "person", aliases: "[\"Ay\"]", x: 0, y: 0 } },
        { key: "b", attributes: { label: "B", kind: "COUNTRY", aliases: "Bee|B." } },
      ],
      edges: [{ key: "e", source: "a", target: "b", attributes: {
        relation: "accuse", evidence: "[{\"document\":\"d\",\"sentence\":\"2\",\"start\":0,\"end\":5,\"text\":\"A accused B\"}]",
        confidence: "0.5",
      } }],
    });
    expect(graph.getNodeAttributes("a")).toMatchObject({ kind: "PERSON", aliases: ["Ay"], x: 0, y: 0 });
    expect(graph.getNodeAttribute("b", "aliases")).toEqual(["Bee", "B."]);
    expect(Number.isFinite(graph.getNodeAttribute("b", "x"))).toBe(true);
    expect(graph.getEdgeAttributes("e")).toMatchObject({
      relation: "ACCUSE", label: "accused", polarity: "conflictual", confidence: 0.5,
      evidence: [{ document: "d", sentence: 2, start: 0, end: 5, text: "A accused B" }],
    });
    expect(placeMissingNodes(graph)).toEqual([]);
  });

  it("refuses what is not a graph", () => {
    expect(() => fromSerialized({ hello: 1 } as never, "x.json"))
      .toThrow(new GraphLoadError('x.json is not a graph: expected a graphology export with a "nodes" array'));
  });
});
