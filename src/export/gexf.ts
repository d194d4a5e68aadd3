// graph.gexf: GEXF 1.3 for Gephi and networkx, through graphology-gexf's writer, made to
// validate against the official schema (`jing -c gexf.rnc`) and to load in networkx:
// - no `xsi:schemaLocation` on the root (the 1.3 schema does not allow it);
// - viz colours as r/g/b attributes (networkx's reader fails on `hex`);
// - list values (aliases, documents, evidence) as one JSON string each, because GEXF list
//   values are split on commas and evidence sentences are full of them;
// - the edge's `kind` is its relation, so Gephi keeps parallel edges (A met B, A praised B)
//   apart; the data attribute `relation` carries it too.
import writeGexf from "graphology-gexf/common/writer.js";
import type { KnowledgeGraph } from "../graph/index.js";
import type { EdgeAttributes, NodeAttributes } from "../model.js";
import { canonicalCopy } from "./canonical.js";

export function toGexf(graph: KnowledgeGraph): string {
  const copy = canonicalCopy(graph);
  copy.replaceAttributes({
    creator: "newsgraph",
    description: "Actors and relations extracted from news articles",
  });
  const xml = writeGexf(copy, {
    version: "1.3",
    formatNode: (_key, attributes) => formatNode(attributes as NodeAttributes),
    formatEdge: (_key, attributes) => formatEdge(attributes as EdgeAttributes),
  });
  return xml.replace(/\s+xsi:schemaLocation="[^"]*"/, "") + (xml.endsWith("\n") ? "" : "\n");
}

function formatNode(attributes: NodeAttributes) {
  return {
    label: attributes.label,
    attributes: {
      kind: attributes.kind,
      aliases: JSON.stringify(attributes.aliases),
      mentions: attributes.mentions,
      documents: JSON.stringify(attributes.documents),
    },
    viz: {
      ...(attributes.color ? { color: rgb(attributes.color) } : {}),
      ...(attributes.size !== undefined ? { size: attributes.size } : {}),
      ...(attributes.x !== undefined ? { x: attributes.x, y: attributes.y ?? 0 } : {}),
    },
  };
}

function formatEdge(attributes: EdgeAttributes) {
  const data: Record<string, string | number> = {
    relation: attributes.relation,
    polarity: attributes.polarity,
    cameo: attributes.cameo,
    confidence: attributes.confidence,
    evidence: JSON.stringify(attributes.evidence),
  };
  if (attributes.modality !== undefined) data.modality = attributes.modality;
  if (attributes.attributedTo !== undefined) data.attributedTo = attributes.attributedTo;
  if (attributes.role !== undefined) data.role = attributes.role;
  return {
    label: attributes.label,
    kind: attributes.relation,
    weight: attributes.weight,
    attributes: data,
    viz: {
      ...(attributes.color ? { color: rgb(attributes.color) } : {}),
      ...(attributes.size !== undefined ? { thickness: attributes.size } : {}),
    },
  };
}

/** "#rrggbb" (or "#rgb") as "rgb(r,g,b)", which the writer emits as r/g/b attributes. */
export function rgb(hex: string): string {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) return hex;
  const value = Number.parseInt(full, 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}
