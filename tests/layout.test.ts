import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/index.js";
import {
  KIND_COLORS, POLARITY_COLORS, applyLayout, edgeSize, hashString, iterationsFor, mulberry32, nodeSize,
} from "../src/layout/index.js";
import type { Extraction, Relation } from "../src/model.js";

const evidence = (sentence: number) => ({ document: "a.txt", sentence, start: 0, end: 1, text: "x" });
const relation = (source: string, type: Relation["relation"], target: string, sentences = [0]): Relation => ({
  source, relation: type, target, confidence: 1, modality: "asserted", evidence: sentences.map(evidence),
});

const extraction: Extraction = {
  document: "a.txt",
  entities: [
    { id: "kim", name: "Kim Jong Un", kind: "PERSON", aliases: [], mentions: [] },
    { id: "putin", name: "Vladimir Putin", kind: "PERSON", aliases: [], mentions: [] },
    { id: "russia", name: "Russia", kind: "COUNTRY", aliases: [], mentions: [] },
    { id: "tass", name: "TASS", kind: "ORGANIZATION", aliases: [], mentions: [] },
    { id: "vostochny", name: "Vostochny Cosmodrome", kind: "LOCATION", aliases: [], mentions: [] },
  ],
  relations: [
    relation("kim", "MEET", "putin", [0, 1, 2, 3]),
    relation("putin", "ROLE", "russia"),
    relation("tass", "PART_OF", "russia"),
    relation("kim", "VISIT", "vostochny", [1, 2]),
    relation("russia", "ACCUSE", "tass"),
  ],
};

describe("applyLayout", () => {
  const graph = applyLayout(buildGraph([extraction]));

  it("puts nodes without edges on a ring just outside the connected ones, not far out", () => {
    const lonely: Extraction = {
      ...extraction,
      entities: [...extraction.entities,
        { id: "rudenko", name: "Andrei Rudenko", kind: "PERSON", aliases: [], mentions: [] },
        { id: "seoul", name: "Seoul", kind: "LOCATION", aliases: [], mentions: [] }],
    };
    const laid = applyLayout(buildGraph([lonely]));
    const connected = laid.filterNodes((key) => laid.degree(key) > 0);
    const cx = connected.reduce((sum, key) => sum + laid.getNodeAttribute(key, "x")!, 0) / connected.length;
    const cy = connected.reduce((sum, key) => sum + laid.getNodeAttribute(key, "y")!, 0) / connected.length;
    const distance = (key: string) => Math.hypot(laid.getNodeAttribute(key, "x")! - cx, laid.getNodeAttribute(key, "y")! - cy);
    const reach = Math.max(...connected.map(distance));
    for (const key of ["rudenko", "seoul"]) {
      expect(distance(key)).toBeGreaterThan(reach);
      expect(distance(key)).toBeLessThan(reach * 1.1 + 1.01);
    }
  });

  it("is deterministic to the byte", () => {
    const again = applyLayout(buildGraph([extraction]));
    expect(JSON.stringify(again.export())).toBe(JSON.stringify(graph.export()));
  });

  it("spreads nodes apart and rounds positions to 3 decimals", () => {
    const positions = graph.mapNodes((_key, a) => [a.x ?? NaN, a.y ?? NaN]);
    for (const [x, y] of positions) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 1000) / 1000).toBe(x);
      expect(Math.round(y * 1000) / 1000).toBe(y);
    }
    expect(new Set(positions.map((p) => p.join(","))).size).toBe(5);
  });

  it("sizes nodes by degree and colours them by kind", () => {
    expect(graph.getNodeAttributes("kim")).toMatchObject({ size: nodeSize(2), color: KIND_COLORS.PERSON });
    expect(graph.getNodeAttributes("russia")).toMatchObject({ size: nodeSize(3), color: KIND_COLORS.COUNTRY });
    expect(graph.getNodeAttributes("vostochny")).toMatchObject({ size: 5, color: "#59a14f" });
  });

  it("sizes edges by weight and colours them by polarity", () => {
    expect(graph.getEdgeAttributes("kim|MEET|putin")).toMatchObject({ weight: 4, size: 3, color: POLARITY_COLORS.cooperative });
    expect(graph.getEdgeAttributes("russia|ACCUSE|tass")).toMatchObject({ size: 1, color: POLARITY_COLORS.conflictual });
    expect(graph.getEdgeAttributes("putin|ROLE|russia").color).toBe(POLARITY_COLORS.structural);
  });

  it("leaves a single node at its seeded start", () => {
    const lone = applyLayout(buildGraph([{ document: "b.txt", entities: [extraction.entities[0]], relations: [] }]));
    const start = mulberry32(hashString("kim") ^ 1);
    const angle = 2 * Math.PI * start();
    const distance = 10 * Math.sqrt(start());
    expect(lone.getNodeAttribute("kim", "x")).toBe(Math.round(distance * Math.cos(angle) * 1000) / 1000);
  });
});

describe("helpers", () => {
  it("size grows with the square root of degree and the log of weight", () => {
    expect([0, 1, 4, 9].map(nodeSize)).toEqual([3, 5, 7, 9]);
    expect([1, 2, 4, 3].map(edgeSize)).toEqual([1, 2, 3, 2.58]);
  });

  it("uses fewer iterations for bigger graphs", () => {
    expect([10, 500, 5000, 50000].map((order) => iterationsFor(order))).toEqual([500, 200, 100, 50]);
    // Many edges cap the passes (nodes + edges per pass, within LAYOUT_WORK_BUDGET), never below 20.
    expect(iterationsFor(5000, 245_000)).toBe(80);
    expect(iterationsFor(5000, 935_000)).toBe(21);
    expect(iterationsFor(5000, 5_000_000)).toBe(20);
    expect(iterationsFor(50, 10_000_000)).toBe(20);
  });

  it("mulberry32 is a seeded sequence in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(values);
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
    expect(hashString("kim")).not.toBe(hashString("kin"));
  });
});
