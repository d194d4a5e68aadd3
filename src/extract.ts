// The whole single-document pipeline: text -> Doc -> Extraction. The CLI, the corpus
// workers and the viewer's web worker all call extract(), so they run the same pipeline.
import { normalizeText, hashText } from "./identity.js";
import { winkTokenizer } from "./nlp/index.js";
import { mentionsComponent } from "./mentions/index.js";
import { entitiesComponent } from "./entities/index.js";
import { relationsComponent } from "./relations/index.js";
import { parserComponent } from "./parser/component.js";
import { nerComponent } from "./ner/component.js";
import { Pipeline } from "./doc/pipeline.js";
import type { Doc } from "./doc/doc.js";
import type { Document, Entity, Extraction, Relation } from "./model.js";

export { hashText } from "./identity.js";

/**
 * The components in order: wink's tokens, tags and sentences, the entity tagger, mentions
 * (reshaped by the tagger's spans), entities, the dependency parse (of the sentences naming an
 * actor: src/parser/component.ts), relations. Another component goes in with
 * `PIPELINE.insertAfter(name, component)`; the pipeline checks that every component's
 * requirements are assigned before it.
 */
export const PIPELINE = new Pipeline(winkTokenizer, [nerComponent, mentionsComponent, entitiesComponent, parserComponent, relationsComponent]);

export interface ExtractOptions {
  /** Adds `rule` and `trigger` to each relation and `kindRule` to each entity. */
  explain?: boolean;
  /** Another pipeline (one with a parser or a tagger added); PIPELINE by default. */
  pipeline?: Pipeline;
}

/** Runs the pipeline over a document and returns its Doc, for callers that read the columns. */
export function annotate(input: Document, pipeline: Pipeline = PIPELINE): Doc {
  return pipeline.run({ ...input, text: normalizeText(input.text) });
}

export function extract(input: Document, options: ExtractOptions = {}): Extraction {
  const doc = annotate(input, options.pipeline);
  return toExtraction(doc, options.explain === true);
}

/** The Extraction of an annotated Doc; with `explain`, the rule behind each row. */
export function toExtraction(doc: Doc, explain = false): Extraction {
  const document = doc.document;
  const entities: Entity[] = doc.entities.map((e) => {
    const entity: Entity = { id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, mentions: e.mentions };
    if (explain) entity.kindRule = e.kindRule;
    return entity;
  });
  const relations: Relation[] = doc.relations.map((r) => {
    const relation: Relation = {
      source: r.source, relation: r.relation, target: r.target, evidence: r.evidence, confidence: r.confidence, modality: r.modality,
    };
    if (r.attributedTo !== undefined) relation.attributedTo = r.attributedTo;
    if (r.negated !== undefined) relation.negated = r.negated;
    if (r.role !== undefined) relation.role = r.role;
    if (explain) {
      relation.rule = r.rule;
      relation.trigger = r.trigger;
      if (r.cameo) relation.cameo = r.cameo;
    }
    return relation;
  });
  const extraction: Extraction = {
    document: document.id,
    hash: hashText(document.text),
    entities,
    relations,
  };
  if (document.date) extraction.date = document.date;
  if (document.source) extraction.source = document.source;
  return extraction;
}
