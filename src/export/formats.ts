// Which files each export format writes, for `newsgraph build --format json,gexf,...`.
import type { KnowledgeGraph } from "../graph/index.js";
import { csvChunks } from "./csv.js";
import { cypherChunks } from "./cypher.js";
import { gexfChunks } from "./gexf.js";
import { graphmlChunks } from "./graphml.js";
import { jsonChunks } from "./json.js";

export const EXPORT_FORMATS = ["json", "gexf", "graphml", "csv", "cypher"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const DEFAULT_FORMATS: readonly ExportFormat[] = ["json", "gexf"];

export interface ExportFile {
  /** File name inside the output folder. */
  name: string;
  /**
   * The file's text as a sequence of chunks, made as it is read (write them one after the
   * other; joined, they may not fit in one string for a large graph).
   */
  chunks: Iterable<string>;
}

/** "json, GEXF,csv" -> ["json", "gexf", "csv"]; RangeError naming any unknown format. */
export function parseFormats(list: string): ExportFormat[] {
  const formats: ExportFormat[] = [];
  for (const item of list.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(item)) {
      throw new RangeError(`unknown format "${item}"; expected some of ${EXPORT_FORMATS.join(", ")}`);
    }
    if (!formats.includes(item as ExportFormat)) formats.push(item as ExportFormat);
  }
  if (formats.length === 0) throw new RangeError(`no format given; expected some of ${EXPORT_FORMATS.join(", ")}`);
  return formats;
}

/** The files of the formats asked for, in the order asked; nothing is computed until read. */
export function exportFiles(graph: KnowledgeGraph, formats: readonly ExportFormat[]): ExportFile[] {
  return formats.flatMap((format): ExportFile[] => {
    switch (format) {
      case "json": return [{ name: "graph.json", chunks: jsonChunks(graph) }];
      case "gexf": return [{ name: "graph.gexf", chunks: gexfChunks(graph) }];
      case "graphml": return [{ name: "graph.graphml", chunks: graphmlChunks(graph) }];
      case "csv": {
        const files = csvChunks(graph);
        return [{ name: "nodes.csv", chunks: files["nodes.csv"] }, { name: "edges.csv", chunks: files["edges.csv"] }];
      }
      case "cypher": return [{ name: "graph.cypher", chunks: cypherChunks(graph) }];
    }
  });
}
