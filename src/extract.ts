// The whole single-document pipeline: text -> Extraction.
import { analyze, normalizeText } from "./nlp/index.js";
import { findMentions } from "./mentions/index.js";
import { resolveEntities } from "./entities/index.js";
import { extractRelations } from "./relations/index.js";
import type { Document, Extraction } from "./model.js";

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

/** Two 32-bit FNV-1a hashes as 16 hex digits: stable, fast, no Node crypto (runs in browsers). */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
