// The whole single-document pipeline: text -> Extraction.
import { analyze } from "./nlp/index.js";
import { hashText, normalizeText } from "./identity.js";
import { findMentions } from "./mentions/index.js";
import { resolveEntities } from "./entities/index.js";
import { extractRelations } from "./relations/index.js";
import type { Document, Extraction } from "./model.js";

export { hashText } from "./identity.js";

export function extract(input: Document): Extraction {
  const document: Document = { ...input, text: normalizeText(input.text) };
  const analyzed = analyze(document);
  const mentions = findMentions(analyzed);
  const resolved = resolveEntities(analyzed, mentions);
  const relations = extractRelations(analyzed, resolved);
  const extraction: Extraction = {
    document: document.id,
    hash: hashText(document.text),
    entities: resolved.entities,
    relations,
  };
  if (document.date) extraction.date = document.date;
  if (document.source) extraction.source = document.source;
  return extraction;
}
