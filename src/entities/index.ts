// Entities stage (first cut): one entity per distinct name. Replaced by the full stage.
import { slugify, type AnalyzedText, type Entity, type MentionCandidate, type ResolvedText } from "../model.js";

export function resolveEntities(_analyzed: AnalyzedText, mentions: MentionCandidate[]): ResolvedText {
  const byId = new Map<string, Entity>();
  const resolved = mentions.map((m) => {
    const id = slugify(m.text);
    if (!byId.has(id)) byId.set(id, { id, name: m.text, kind: "PERSON", aliases: [], mentions: [] });
    const { firstToken: _f, lastToken: _l, kindHint: _k, ...mention } = m;
    byId.get(id)!.mentions.push(mention);
    return { ...m, entity: id };
  });
  return { entities: [...byId.values()], mentions: resolved };
}
