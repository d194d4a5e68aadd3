// Evaluation against gold annotations (shared/spec/gold-format.md). Browser-safe.
export { parseGold, validateGold, GoldFormatError, type Gold, type GoldEntity, type GoldRelation } from "./gold.js";
export { normalizeName } from "./normalize.js";
export {
  scoreExtraction, evaluate, toScore,
  type Counts, type Score, type DocumentScore, type EvaluationReport, type NodeOutcome, type NodeStatus,
  type EdgeOutcome, type EdgeStatus, type MissedEntity, type MissedRelation,
} from "./score.js";
export { formatReport, type FormatOptions } from "./format.js";
