import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/index.js";
import { toCsv } from "../src/export/csv.js";
import type { KnowledgeGraph } from "../src/graph/index.js";
import { parseGraphJSON } from "../src/query/index.js";
import { REPO_ROOT } from "./helpers/tools.js";
import type { Evidence } from "../src/model.js";
import { exportGraph } from "./fixtures/export-graph.js";
import { HOSTILE_TEXT, hostileExtraction, sampleExtractions } from "./fixtures/sample-extractions.js";

type Row = Record<string, string>;

/** Reads a file the way a spreadsheet or LOAD CSV would: strict RFC 4180, header row. */
function read(text: string): Row[] {
  return parse(text, { columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false });
}

const NUMERIC = new Set(["mentions", "x", "y", "size", "weight", "confidence"]);
const JSON_COLUMNS = new Set(["aliases", "documents", "evidence"]);

/** Typed values back from cells: numbers, JSON lists; empty cells are absent attributes. */
function attributesOf(row: Row, skip: string[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(row)) {
    if (skip.includes(name) || cell === "") continue;
    attributes[name] = NUMERIC.has(name) ? Number(cell) : JSON_COLUMNS.has(name) ? JSON.parse(cell) : cell;
  }
  return attributes;
}

describe("CSV export", () => {
  const graph = exportGraph();
  const files = toCsv(graph);

  it("writes nodes.csv and edges.csv with the documented header", () => {
    expect(Object.keys(files)).toEqual(["nodes.csv", "edges.csv"]);
    expect(files["nodes.csv"].split("\r\n")[0]).toBe("id,label,kind,aliases,mentions,documents,x,y,size,color");
    expect(files["edges.csv"].split("\r\n")[0]).toBe(
      "id,source,target,relation,label,polarity,cameo,weight,confidence,modality,attributedTo,role,size,color," +
      "evidence_text,evidence");
    expect(files["nodes.csv"].endsWith("\r\n")).toBe(true);
  });

  it("reads back with csv-parse to the same nodes and attributes", () => {
    checkNodes(files["nodes.csv"], graph);
  });

  it("reads back with csv-parse to the same edges, evidence and all", () => {
    const rows = checkEdges(files["edges.csv"], graph);
    const hostile = rows.find((row) => row.id === "ко-ря|ROLE|x'y")!;
    expect(hostile.evidence_text).toBe(HOSTILE_TEXT);
    expect(hostile.role).toBe("chair, \"acting\"\r\n<interim>");
  });

  it("quotes by RFC 4180: doubled quotes, fields with commas and line breaks in quotes", () => {
    const row = files["nodes.csv"].split("\r\n").find((line) => line.startsWith("x'y,"))!;
    expect(row.startsWith(`x'y,"X'Y ""Corp"", Ltd. <&>",ORGANIZATION,"[""北朝鮮""]",1,`)).toBe(true);
  });

  it("is deterministic whatever the merge order", () => {
    const forward = toCsv(buildGraph([...sampleExtractions(), hostileExtraction()]));
    const backward = toCsv(buildGraph([hostileExtraction(), ...sampleExtractions()].reverse()));
    expect(backward).toEqual(forward);
  });
});

function checkNodes(text: string, graph: KnowledgeGraph): void {
  const rows = read(text);
  expect(rows.map((row) => row.id).sort()).toEqual(graph.nodes().sort());
  for (const row of rows) {
    expect(attributesOf(row, ["id"]), row.id).toEqual(graph.getNodeAttributes(row.id!));
  }
}

function checkEdges(text: string, graph: KnowledgeGraph): Row[] {
  const rows = read(text);
  expect(rows).toHaveLength(graph.size);
  for (const row of rows) {
    const edge = row.id!;
    expect([row.source, row.target]).toEqual([graph.source(edge), graph.target(edge)]);
    expect(attributesOf(row, ["id", "source", "target", "evidence_text"]), edge)
      .toEqual(graph.getEdgeAttributes(edge));
    const evidence: Evidence[] = graph.getEdgeAttribute(edge, "evidence");
    expect(row.evidence_text).toBe(evidence.map((item) => item.text).join("\n"));
  }
  return rows;
}

describe("graph-output/nodes.csv and edges.csv (the seed graph)", () => {
  const graph = parseGraphJSON(readFileSync(path.join(REPO_ROOT, "graph-output/graph.json"), "utf8"));
  const committed = (name: string): string => readFileSync(path.join(REPO_ROOT, "graph-output", name), "utf8");

  it("are the CSV export of graph-output/graph.json (regenerate with npm start)", () => {
    const files = toCsv(graph);
    expect(committed("nodes.csv")).toBe(files["nodes.csv"]);
    expect(committed("edges.csv")).toBe(files["edges.csv"]);
  });

  it("read back with csv-parse to the same nodes and edges", () => {
    checkNodes(committed("nodes.csv"), graph);
    checkEdges(committed("edges.csv"), graph);
  });
});
