// Cross-document entity resolution (src/graph/resolve.ts) and its use by buildGraph.
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/index.js";
import { ResolutionIndex, normalizeName, resolveExtraction } from "../src/graph/resolve.js";
import { extract } from "../src/extract.js";
import type { Entity, EntityKind, Extraction, Relation } from "../src/model.js";

function entity(id: string, name: string, kind: EntityKind = "PERSON", aliases: string[] = []): Entity {
  return { id, name, kind, aliases, mentions: [{ start: 0, end: name.length, text: name, sentence: 0, form: "name" }] };
}

function relation(source: string, type: Relation["relation"], target: string, document: string, extra: Partial<Relation> = {}): Relation {
  return {
    source, relation: type, target, confidence: 0.8, modality: "asserted",
    evidence: [{ document, sentence: 0, start: 0, end: 10, text: "0123456789" }], ...extra,
  };
}

function extraction(document: string, entities: Entity[], relations: Relation[] = []): Extraction {
  return { document, entities, relations };
}

/** Node key -> [label, kind, documents], for compact exact expectations. */
function nodes(extractions: Extraction[]): Record<string, [string, EntityKind, string[]]> {
  const graph = buildGraph(extractions);
  const result: Record<string, [string, EntityKind, string[]]> = {};
  graph.forEachNode((key, a) => { result[key] = [a.label, a.kind, a.documents]; });
  return result;
}

describe("normalizeName", () => {
  it("ignores case, accents, dots in abbreviations, a leading 'the', possessives, hyphens and honorifics", () => {
    expect(normalizeName("The U.S.")).toBe("us");
    expect(normalizeName("Kim Jong-un's")).toBe("kim jong un");
    expect(normalizeName("  José  Müller ")).toBe("jose muller");
    expect(normalizeName("Mr. Putin")).toBe("putin");
    expect(normalizeName("Russia’s Far East")).toBe("russia far east");
    expect(normalizeName("")).toBe("");
  });
});

describe("cross-document resolution", () => {
  it("merges a surname in one article into the full name in another", () => {
    expect(nodes([
      extraction("a.txt", [entity("kim-jong-un", "Kim Jong Un")]),
      extraction("b.txt", [entity("kim", "Kim"), entity("vladimir-putin", "Vladimir Putin")]),
      extraction("c.txt", [entity("putin", "Putin")]),
    ])).toEqual({
      "kim-jong-un": ["Kim Jong Un", "PERSON", ["a.txt", "b.txt"]],
      "vladimir-putin": ["Vladimir Putin", "PERSON", ["b.txt", "c.txt"]],
    });
  });

  it("keeps two people who share a surname apart, and a bare surname that could be either", () => {
    expect(nodes([
      extraction("a.txt", [entity("kim-jong-un", "Kim Jong Un", "PERSON", ["Kim"])]),
      extraction("b.txt", [entity("kim-yo-jong", "Kim Yo Jong", "PERSON", ["Kim"])]),
      extraction("c.txt", [entity("kim", "Kim")]),
    ])).toEqual({
      "kim-jong-un": ["Kim Jong Un", "PERSON", ["a.txt"]],
      "kim-yo-jong": ["Kim Yo Jong", "PERSON", ["b.txt"]],
      kim: ["Kim", "PERSON", ["c.txt"]],
    });
  });

  it("never merges different full names, even when an alias says so", () => {
    expect(nodes([
      extraction("a.txt", [entity("kim-jong-un", "Kim Jong Un", "PERSON", ["Kim Yo Jong"])]),
      extraction("b.txt", [entity("kim-yo-jong", "Kim Yo Jong")]),
    ])).toEqual({
      "kim-jong-un": ["Kim Jong Un", "PERSON", ["a.txt"]],
      "kim-yo-jong": ["Kim Yo Jong", "PERSON", ["b.txt"]],
    });
  });

  it("merges a longer full name with the shorter one it contains", () => {
    expect(nodes([
      extraction("a.txt", [entity("vladimir-putin", "Vladimir Putin")]),
      extraction("b.txt", [entity("vladimir-vladimirovich-putin", "Vladimir Vladimirovich Putin")]),
    ])).toEqual({
      "vladimir-vladimirovich-putin": ["Vladimir Vladimirovich Putin", "PERSON", ["a.txt", "b.txt"]],
    });
  });

  it("requires kinds to agree, and gives a second kind of the same name its own key", () => {
    expect(nodes([
      extraction("a.txt", [entity("georgia", "Georgia", "COUNTRY")]),
      extraction("b.txt", [entity("georgia", "Georgia", "LOCATION")]),
      extraction("c.txt", [entity("georgia", "Georgia", "COUNTRY")]),
      extraction("d.txt", [entity("jordan", "Jordan", "COUNTRY"), entity("michael-jordan", "Michael Jordan")]),
    ])).toEqual({
      georgia: ["Georgia", "COUNTRY", ["a.txt", "c.txt"]],
      "georgia-location": ["Georgia", "LOCATION", ["b.txt"]],
      jordan: ["Jordan", "COUNTRY", ["d.txt"]],
      "michael-jordan": ["Michael Jordan", "PERSON", ["d.txt"]],
    });
  });

  it("links organisations through an alias another article gave, but not by shared words", () => {
    expect(nodes([
      extraction("a.txt", [entity("korean-central-news-agency", "Korean Central News Agency", "ORGANIZATION", ["KCNA"])]),
      extraction("b.txt", [entity("kcna", "KCNA", "ORGANIZATION")]),
      extraction("c.txt", [entity("news-agency", "News Agency", "ORGANIZATION")]),
    ])).toEqual({
      "korean-central-news-agency": ["Korean Central News Agency", "ORGANIZATION", ["a.txt", "b.txt"]],
      "news-agency": ["News Agency", "ORGANIZATION", ["c.txt"]],
    });
  });

  it("treats spelling variants of one name (hyphens, accents, case) as one actor", () => {
    expect(nodes([
      extraction("a.txt", [entity("kim-jong-un", "Kim Jong-un")]),
      extraction("b.txt", [entity("kim-jong-un-2", "KIM JONG UN")]),
    ])).toEqual({
      "kim-jong-un": ["Kim Jong-un", "PERSON", ["a.txt", "b.txt"]],
    });
  });

  it("rewrites relation ends and attributions, and drops the self-loops a merge creates", () => {
    const index = new ResolutionIndex();
    const a = extraction("a.txt", [entity("kim-jong-un", "Kim Jong Un"), entity("russia", "Russia", "COUNTRY")]);
    const b = extraction("b.txt", [entity("kim", "Kim"), entity("kim-jong-un", "Kim Jong Un"), entity("russia", "Russia", "COUNTRY")], [
      relation("kim", "SUPPORT", "russia", "b.txt", { attributedTo: "kim" }),
      relation("kim", "MEET", "kim-jong-un", "b.txt"),
    ]);
    index.add(a);
    index.add(b);
    const resolved = resolveExtraction(index, b);
    expect(resolved.entities.map((e) => e.id)).toEqual(["kim-jong-un", "kim-jong-un", "russia"]);
    expect(resolved.relations.map((r) => [r.source, r.relation, r.target, r.attributedTo])).toEqual([
      ["kim-jong-un", "SUPPORT", "russia", "kim-jong-un"],
    ]);
    // The input is left as it was.
    expect(b.entities[0].id).toBe("kim");
    expect(b.relations).toHaveLength(2);
  });

  it("gives the same graph whatever order the extractions come in", () => {
    const all = [
      extraction("a.txt", [entity("kim-jong-un", "Kim Jong Un"), entity("russia", "Russia", "COUNTRY")],
        [relation("kim-jong-un", "VISIT", "russia", "a.txt")]),
      extraction("b.txt", [entity("kim", "Kim"), entity("russia", "Russia", "COUNTRY")],
        [relation("kim", "SUPPORT", "russia", "b.txt")]),
      extraction("c.txt", [entity("putin", "Putin"), entity("kim", "Kim")],
        [relation("putin", "MEET", "kim", "c.txt")]),
      extraction("d.txt", [entity("vladimir-putin", "Vladimir Putin")]),
    ];
    const expected = JSON.stringify(buildGraph(all).export());
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      expect(JSON.stringify(buildGraph(order.map((i) => all[i])).export())).toBe(expected);
    }
    const graph = buildGraph(all);
    expect(graph.edges().sort()).toEqual([
      "kim-jong-un|SUPPORT|russia", "kim-jong-un|VISIT|russia", "vladimir-putin|MEET|kim-jong-un",
    ]);
    expect(graph.getEdgeAttribute("vladimir-putin|MEET|kim-jong-un", "evidence").map((e) => e.document)).toEqual(["c.txt"]);
  });

  it("resolves a new article against an index built from a graph's nodes", () => {
    const graph = buildGraph([
      extraction("a.txt", [entity("vladimir-putin", "Vladimir Putin"), entity("kim-jong-un", "Kim Jong Un")]),
      extraction("b.txt", [entity("kim-yo-jong", "Kim Yo Jong")]),
    ]);
    const index = new ResolutionIndex();
    index.addNodes(graph.mapNodes((key, a) => ({ key, label: a.label, kind: a.kind, aliases: a.aliases, documents: a.documents })));
    const next = resolveExtraction(index, extraction("c.txt", [
      entity("putin", "Putin"), entity("kim", "Kim"), entity("vladimir-putin", "Vladimir Putin", "ORGANIZATION"),
    ]));
    expect(next.entities.map((e) => e.id)).toEqual(["vladimir-putin", "kim", "vladimir-putin-organization"]);
  });
});

describe("resolution on extracted articles", () => {
  it("puts 'Putin' of a second article on the node of 'Vladimir Putin' of the first", () => {
    const graph = buildGraph([
      extract({ id: "one.txt", text: "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Wednesday." }),
      extract({ id: "two.txt", text: "President Putin said the talks in Moscow were useful." }),
      extract({ id: "three.txt", text: "Mr. Putin later flew back to Moscow." }),
    ]);
    const putin = graph.filterNodes((_key, a) => a.kind === "PERSON" && /Putin/.test(a.label));
    expect(putin).toHaveLength(1);
    expect(graph.getNodeAttribute(putin[0], "label")).toBe("Vladimir Putin");
    expect(graph.getNodeAttribute(putin[0], "documents")).toEqual(["one.txt", "three.txt", "two.txt"]);
  });
});
