// Types for the browser-safe GEXF writer module (the package only types its Node entry,
// which also pulls in an XML parser the writer does not need).
declare module "graphology-gexf/common/writer.js" {
  import type { AbstractGraph } from "graphology-types";
  import type { GexfWriterOptions } from "graphology-gexf/common/types.js";
  export default function write(graph: AbstractGraph, options?: GexfWriterOptions): string;
}
