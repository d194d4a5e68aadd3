// Checking stored extractions as they are read back: a store is a file on disk that anything
// may have changed, and a line of the wrong shape must be named (file and line), not crash
// the merge or put a value outside the vocabulary into the graph.
import { ENTITY_KINDS, MODALITIES, RELATION_TYPES, type Entity, type Extraction } from "../../model.js";

const FORMS = ["name", "nominal", "pronoun"];

/** What is wrong with a stored extraction's entities, or undefined when nothing is. */
export function entitiesProblem(entities: unknown): string | undefined {
  if (!Array.isArray(entities)) return `"entities" is not a list`;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i] as Partial<Entity> | null;
    const at = `entities[${i}]`;
    if (!isObject(entity)) return `${at} is not an object`;
    if (!isText(entity.id) || entity.id === "") return `${at}.id is not a non-empty string`;
    if (!isText(entity.name)) return `${at}.name is not a string`;
    if (!oneOf(entity.kind, ENTITY_KINDS)) return `${at}.kind ${show(entity.kind)} is not one of ${ENTITY_KINDS.join(", ")}`;
    if (!Array.isArray(entity.aliases) || !entity.aliases.every(isText)) return `${at}.aliases is not a list of strings`;
    if (!Array.isArray(entity.mentions)) return `${at}.mentions is not a list`;
    for (let k = 0; k < entity.mentions.length; k++) {
      const mention = entity.mentions[k];
      const where = `${at}.mentions[${k}]`;
      if (!isObject(mention)) return `${where} is not an object`;
      if (!isOffset(mention.start) || !isOffset(mention.end) || mention.end < mention.start) return `${where} has bad offsets`;
      if (!isText(mention.text)) return `${where}.text is not a string`;
      if (!isOffset(mention.sentence)) return `${where}.sentence is not a sentence number`;
      if (!oneOf(mention.form, FORMS)) return `${where}.form ${show(mention.form)} is not one of ${FORMS.join(", ")}`;
    }
  }
  return undefined;
}

/** What is wrong with a stored extraction, or undefined when nothing is. */
export function extractionProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "not an object";
  const extraction = value as Partial<Extraction>;
  if (!isText(extraction.document) || extraction.document === "") return `"document" is not a non-empty string`;
  for (const field of ["hash", "date", "source"] as const) {
    if (extraction[field] !== undefined && !isText(extraction[field])) return `"${field}" is not a string`;
  }
  const entities = entitiesProblem(extraction.entities);
  if (entities !== undefined) return entities;
  const ids = new Set((extraction.entities as Entity[]).map((entity) => entity.id));
  if (!Array.isArray(extraction.relations)) return `"relations" is not a list`;
  for (let i = 0; i < extraction.relations.length; i++) {
    const relation = extraction.relations[i];
    const at = `relations[${i}]`;
    if (!isObject(relation)) return `${at} is not an object`;
    if (!oneOf(relation.relation, RELATION_TYPES)) return `${at}.relation ${show(relation.relation)} is not a relation type`;
    for (const end of ["source", "target"] as const) {
      if (!isText(relation[end]) || !ids.has(relation[end])) return `${at}.${end} ${show(relation[end])} is not one of its entities`;
    }
    if (relation.attributedTo != null && (!isText(relation.attributedTo) || !ids.has(relation.attributedTo))) {
      return `${at}.attributedTo ${show(relation.attributedTo)} is not one of its entities`;
    }
    if (typeof relation.confidence !== "number" || !(relation.confidence >= 0 && relation.confidence <= 1)) {
      return `${at}.confidence is not a number from 0 to 1`;
    }
    if (!oneOf(relation.modality, MODALITIES)) return `${at}.modality ${show(relation.modality)} is not one of ${MODALITIES.join(", ")}`;
    if (relation.negated !== undefined && typeof relation.negated !== "boolean") return `${at}.negated is not true or false`;
    if (relation.role !== undefined && !isText(relation.role)) return `${at}.role is not a string`;
    if (!Array.isArray(relation.evidence)) return `${at}.evidence is not a list`;
    for (let k = 0; k < relation.evidence.length; k++) {
      const evidence = relation.evidence[k];
      const where = `${at}.evidence[${k}]`;
      if (!isObject(evidence)) return `${where} is not an object`;
      if (!isText(evidence.document) || !isText(evidence.text)) return `${where} has no document or text`;
      if (!isOffset(evidence.start) || !isOffset(evidence.end) || !isOffset(evidence.sentence)) return `${where} has bad offsets`;
      for (const field of ["date", "source"] as const) {
        if (evidence[field] !== undefined && !isText(evidence[field])) return `${where}.${field} is not a string`;
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === "string";
}

function isOffset(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === "string" && allowed.includes(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
