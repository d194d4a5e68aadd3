// Library entry point. Browser-safe: nothing here imports Node built-ins.
export * from "./model.js";
export { extract, annotate, toExtraction, hashText, PIPELINE, type ExtractOptions } from "./extract.js";
export { analyze, normalizeText, winkTokenizer } from "./nlp/index.js";
// The document model, the component contract and the rule tables.
export {
  Doc, TokenView, SpanView, UPOS, FLAG, ENT_IOB, uposId,
  type Annotation, type DocColumns, type EntityRow, type RelationRow, type TokenInput, type TitleSpan, type Upos,
} from "./doc/doc.js";
export { Pipeline, PipelineOrderError, type Component, type Tokenizer } from "./doc/pipeline.js";
export { SpanGroup, type TokenRange } from "./doc/spans.js";
export { StringStore } from "./doc/strings.js";
export { mentionsComponent } from "./mentions/index.js";
export { entitiesComponent } from "./entities/index.js";
export { relationsComponent } from "./relations/index.js";
export { KIND_RULES, type KindRuleId } from "./entities/kinds.js";
export { RELATION_RULES, CONFIDENCE, MODALITY_FACTOR, type RelationRuleId } from "./relations/rules.js";
export { DEP_LABELS, parse, parseInto, type Parse } from "./parser/index.js";
export { parserComponent, fullParserComponent } from "./parser/component.js";
export { provideModelFile } from "./models.js";
export { buildGraph, mergeExtraction, createGraph, type KnowledgeGraph } from "./graph/index.js";
export { ResolutionIndex, resolveExtraction, normalizeName, type ExistingNode } from "./graph/resolve.js";
export * from "./query/index.js";
// Each export as a string, and as chunks of text for graphs too large for one string.
export { toJson, jsonChunks } from "./export/json.js";
export { toGexf, gexfChunks } from "./export/gexf.js";
export { toGraphml, graphmlChunks } from "./export/graphml.js";
export { toCsv, csvChunks, type CsvFiles } from "./export/csv.js";
export { toCypher, cypherChunks } from "./export/cypher.js";
