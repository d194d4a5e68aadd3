// Relations stage (first cut): none yet. Replaced by the full stage.
import type { AnalyzedText, Relation, ResolvedText } from "../model.js";

export function extractRelations(_analyzed: AnalyzedText, _resolved: ResolvedText): Relation[] {
  return [];
}
