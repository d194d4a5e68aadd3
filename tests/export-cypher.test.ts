import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/index.js";
import { toCypher } from "../src/export/cypher.js";
import type { KnowledgeGraph } from "../src/graph/index.js";
import { parseGraphJSON } from "../src/query/index.js";
import { REPO_ROOT } from "./helpers/tools.js";
import type { Evidence } from "../src/model.js";
import { exportGraph } from "./fixtures/export-graph.js";
import { HOSTILE_TEXT, hostileExtraction, sampleExtractions } from "./fixtures/sample-extractions.js";

// Neo4j's own Cypher parser and semantic analysis (the one its editors use). Its ESM build
// has extensionless imports that Node cannot load, so the CommonJS build is used.
const require = createRequire(import.meta.url);
const { lintCypherQuery } = require("@neo4j-cypher/language-support") as {
  lintCypherQuery: (query: string, schema: object) => Array<{ severity: number; message: string }>;
};

// A reader for the two statement shapes of the script, written from the Cypher manual's
// literal rules (not from the writer), so that escaping is checked independently.
type Value = string | number | boolean | Value[] | { [key: string]: Value };
type Token = { kind: "word" | "string" | "number" | "punct"; text: string; value?: Value };

function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < script.length) {
    const char = script[i]!;
    if (/\s/.test(char)) { i++; continue; }
    if (script.startsWith("//", i)) { i = script.indexOf("\n", i) === -1 ? script.length : script.indexOf("\n", i); continue; }
    if (char === "'" || char === '"') {
      let value = "";
      i++;
      while (script[i] !== char) {
        if (i >= script.length) throw new Error("unterminated string");
        if (script[i] === "\\") {
          const next = script[i + 1]!;
          const simple: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
          if (next === "u") { value += String.fromCharCode(parseInt(script.slice(i + 2, i + 6), 16)); i += 6; continue; }
          if (!(next in simple)) throw new Error(`bad escape \\${next}`);
          value += simple[next]; i += 2; continue;
        }
        if (script[i] === "\n" || script[i] === "\r") throw new Error("raw line break in string");
        value += script[i]; i++;
      }
      i++;
      tokens.push({ kind: "string", text: "", value });
      continue;
    }
    if (char === "`") {
      const end = script.indexOf("`", i + 1);
      tokens.push({ kind: "word", text: script.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(script.slice(i));
    if (number && (char !== "-" || tokens.at(-1)?.text === ":" || tokens.at(-1)?.text === "," || tokens.at(-1)?.text === "[")) {
      tokens.push({ kind: "number", text: number[0], value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i));
    if (word) { tokens.push({ kind: "word", text: word[0] }); i += word[0].length; continue; }
    const punct = ["+=", "->", "-", ".", "[", "]", "(", ")", "{", "}", ":", ",", ";"].find((p) => script.startsWith(p, i));
    if (!punct) throw new Error(`unexpected ${char}`);
    tokens.push({ kind: "punct", text: punct });
    i += punct.length;
  }
  return tokens;
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}
  done(): boolean { return this.at >= this.tokens.length; }
  peek(): Token | undefined { return this.tokens[this.at]; }
  next(): Token { return this.tokens[this.at++]!; }
  expect(...texts: string[]): void {
    for (const text of texts) {
      const token = this.next();
      if (token.text !== text || token.kind === "string") throw new Error(`expected ${text}, got ${token.text}`);
    }
  }
  word(): string { const token = this.next(); if (token.kind !== "word") throw new Error("expected a name"); return token.text; }
  value(): Value {
    const token = this.next();
    if (token.kind === "string" || token.kind === "number") return token.value!;
    if (token.text === "true" || token.text === "false") return token.text === "true";
    if (token.text === "[") {
      const items: Value[] = [];
      while (this.peek()?.text !== "]") { items.push(this.value()); if (this.peek()?.text === ",") this.next(); }
      this.next();
      return items;
    }
    if (token.text === "{") {
      const map: Record<string, Value> = {};
      while (this.peek()?.text !== "}") {
        const key = this.word(); this.expect(":"); map[key] = this.value();
        if (this.peek()?.text === ",") this.next();
      }
      this.next();
      return map;
    }
    throw new Error(`expected a value, got ${token.text}`);
  }
}

interface ReadGraph {
  nodes: Map<string, { labels: string[]; properties: Record<string, Value> }>;
  edges: Map<string, { type: string; source: string; target: string; properties: Record<string, Value> }>;
}

function readScript(script: string): ReadGraph {
  const reader = new Reader(tokenize(script));
  const graph: ReadGraph = { nodes: new Map(), edges: new Map() };
  reader.expect("CREATE", "CONSTRAINT");
  while (reader.peek()?.text !== ";") reader.next();
  reader.next();
  while (!reader.done()) {
    const first = reader.word();
    if (first === "MERGE") {
      reader.expect("(", "n", ":", "Entity");
      const { id } = reader.value() as { id: string };
      reader.expect(")", "SET", "n", ":");
      const label = reader.word();
      reader.expect(",", "n", "+=");
      const properties = reader.value() as Record<string, Value>;
      reader.expect(";");
      graph.nodes.set(id, { labels: ["Entity", label], properties });
    } else {
      reader.expect("(", "a", ":", "Entity");
      const source = (reader.value() as { id: string }).id;
      reader.expect(")", "MATCH", "(", "b", ":", "Entity");
      const target = (reader.value() as { id: string }).id;
      reader.expect(")", "MERGE", "(", "a", ")", "-", "[", "r", ":");
      const type = reader.word();
      const { id } = reader.value() as { id: string };
      reader.expect("]", "->", "(", "b", ")", "SET", "r", "+=");
      const properties = reader.value() as Record<string, Value>;
      reader.expect(";");
      graph.edges.set(id, { type, source, target, properties });
    }
  }
  return graph;
}

describe("Cypher export", () => {
  const graph = exportGraph();
  const script = toCypher(graph);

  it("passes Neo4j's parser and semantic analysis without errors or warnings", () => {
    // The hostile-text graph's whole script: every escaping case in four statements.
    expect(lintCypherQuery(toCypher(buildGraph([hostileExtraction()])), {})).toEqual([]);
    expect(lintCypherQuery(sampleOf(script), {})).toEqual([]);
  });

  it("is caught by the linter when a quote is left unescaped (the check can fail)", () => {
    const small = toCypher(buildGraph([hostileExtraction()]));
    const broken = small.replace("'x\\'y'", "'x'y'");
    expect(broken).not.toBe(small);
    expect(lintCypherQuery(broken, {}).some((d) => d.severity === 1)).toBe(true);
  });

  it("MERGEs every entity with a label from its kind and all its properties", () => {
    checkNodes(readScript(script), graph);
  });

  it("MERGEs every relation with its vocabulary type, properties and evidence", () => {
    const read = readScript(script);
    checkEdges(read, graph);
    expect((read.edges.get("ко-ря|ROLE|x'y")!.properties.evidence_text as string[])[0]).toBe(HOSTILE_TEXT);
  });

  it("writes whole-number floats as floats, so a property keeps one type", () => {
    const g = buildGraph([hostileExtraction()]);
    g.setEdgeAttribute("ко-ря|ROLE|x'y", "confidence", 1);
    expect(toCypher(g)).toContain("confidence: 1, ");
    g.addNode("z", { label: "Z", kind: "PERSON", aliases: [], mentions: 0, documents: [], x: 2 });
    g.setNodeAttribute("x'y", "x", 0.5);
    expect(toCypher(g)).toContain("x: 2.0}");
  });

  it("is deterministic whatever the merge order", () => {
    const forward = toCypher(buildGraph([...sampleExtractions(), hostileExtraction()]));
    const backward = toCypher(buildGraph([hostileExtraction(), ...sampleExtractions()].reverse()));
    expect(backward).toBe(forward);
  });
});

/**
 * Neo4j's semantic analysis takes about half a second per statement, so whole scripts are
 * checked by the literal reader and a sample by the linter: the constraint, the first entity
 * and relation statements, and every statement with an escape in it.
 */
function sampleOf(script: string): string {
  const statements = script.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("//"));
  const picked = statements.filter((line, index) =>
    index === 0 || line === statements.find((l) => l.startsWith("MERGE")) ||
    line === statements.find((l) => l.startsWith("MATCH")) || line.includes("\\"));
  return picked.slice(0, 12).join("\n") + "\n";
}

const KIND_LABELS = { PERSON: "Person", ORGANIZATION: "Organization", COUNTRY: "Country", LOCATION: "Location" };

function checkNodes(read: ReadGraph, graph: KnowledgeGraph): void {
  expect([...read.nodes.keys()].sort()).toEqual(graph.nodes().sort());
  graph.forEachNode((node, attributes) => {
    const written = read.nodes.get(node)!;
    expect(written.labels).toEqual(["Entity", KIND_LABELS[attributes.kind]]);
    expect(written.properties, node).toEqual(attributes);
  });
}

function checkEdges(read: ReadGraph, graph: KnowledgeGraph): void {
  expect(read.edges.size).toBe(graph.size);
  graph.forEachEdge((edge, attributes, source, target) => {
    const written = read.edges.get(edge)!;
    expect([written.type, written.source, written.target]).toEqual([attributes.relation, source, target]);
    const { evidence, evidence_text, evidence_documents, ...rest } = written.properties;
    const { evidence: original, ...expected } = attributes;
    expect(rest, edge).toEqual(expected);
    expect(JSON.parse(evidence as string)).toEqual(original);
    expect(evidence_text).toEqual((original as Evidence[]).map((item) => item.text));
    expect(evidence_documents).toEqual((original as Evidence[]).map((item) => item.document));
  });
}

describe("graph-output/graph.cypher (the seed graph)", () => {
  const graph = parseGraphJSON(readFileSync(path.join(REPO_ROOT, "graph-output/graph.json"), "utf8"));
  const committed = readFileSync(path.join(REPO_ROOT, "graph-output/graph.cypher"), "utf8");

  it("is the Cypher export of graph-output/graph.json (regenerate with npm start)", () => {
    expect(committed).toBe(toCypher(graph));
  });

  it("passes Neo4j's linter and reads back to the same entities and relations", () => {
    expect(lintCypherQuery(sampleOf(committed), {})).toEqual([]);
    const read = readScript(committed);
    checkNodes(read, graph);
    checkEdges(read, graph);
  });
});
