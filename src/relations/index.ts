// Relations stage: typed, evidenced relations between resolved entities. Each reading of
// the text is a rule with an id (rules.ts): trigger verbs and nouns (verbs.ts), speech and
// quotes (speech.ts), titles, owners and datelines (structure.ts), denials (denials.ts), on
// the grammar they share (grammar.ts) over one context per document (context.ts). Every
// relation row records its rule and trigger; `extract --explain` shows them.
import type { Evidence, Relation } from "../model.js";
import type { Doc, RelationRow } from "../doc/doc.js";
import type { Component } from "../doc/pipeline.js";
import { MODALITY_FACTOR } from "./rules.js";
import { RelationContext, type Draft } from "./context.js";
import { readNoun, readVerb } from "./verbs.js";
import { readAccordingTo, speakerOf } from "./speech.js";
import { readStructure } from "./structure.js";
import { resolveDenials } from "./denials.js";
import { cameoTypes, verbCodes } from "./cameo/index.js";
import { ParseIndex, parseOverridesNounScan, parseOverridesTokenScan, readNominalization, readNounArguments, readPredicateTitle, readStatementTo, readVerbArguments } from "./arguments.js";

/** Longest evidence text kept; longer sentences are shown as a window around the relation. */
const MAX_EVIDENCE = 1000;

/** Reads the relations of a Doc whose entities are resolved into its relation table. */
export const relationsComponent: Component = {
  name: "relations",
  requires: ["tokens", "pos", "lemmas", "sentences", "dependencies", "mentions", "entities"],
  assigns: ["relations"],
  run(doc) {
    doc.relations = extractRelations(doc);
  },
};

export function extractRelations(doc: Doc): RelationRow[] {
  const ctx = new RelationContext(doc);
  const { tokens, slotAt } = ctx;
  const parse = new ParseIndex(ctx);
  // Sentence by sentence: its speaker, then each verb and noun as a possible trigger.
  for (const sentence of ctx.sentences) {
    const speaker = speakerOf(ctx, sentence.firstToken, sentence.lastToken);
    // The argument rules read the parse, where the parser parsed the sentence (doc.parsed).
    const parsed = ctx.doc.parsed[sentence.index] === 1;
    for (let v = sentence.firstToken; v < sentence.lastToken; v++) {
      const token = tokens[v];
      if (slotAt[v] >= 0 && token.pos !== "VERB") continue;
      // A noun right after infinitive "to" is a mistagged verb ("decision to visit Russia").
      const infinitive = token.pos === "NOUN" && tokens[v - 1]?.normal === "to" && tokens[v - 1].pos === "PART";
      if (token.pos === "VERB" || infinitive) {
        const before = ctx.drafts.length;
        if (!(parsed && parseOverridesTokenScan(parse, v))) readVerb(ctx, v, sentence.firstToken, sentence.lastToken, speaker);
        // The parse reads the verbs the token scan found no actors for.
        if (parsed && ctx.drafts.length === before) readVerbArguments(parse, v, sentence.firstToken, sentence.lastToken, speaker);
      } else if (token.pos === "NOUN" && !/^\p{Lu}/u.test(token.value)) {
        const before = ctx.drafts.length;
        if (!(parsed && parseOverridesNounScan(parse, v))) readNoun(ctx, v, sentence.firstToken, sentence.lastToken, speaker);
        if (parsed && ctx.drafts.length === before) readNounArguments(parse, v, sentence.firstToken, sentence.lastToken, speaker);
        if (parsed) {
          readNominalization(parse, v, sentence.firstToken, sentence.lastToken, speaker);
          readStatementTo(parse, v);
          readPredicateTitle(parse, v);
        }
      }
    }
    readAccordingTo(ctx, sentence.firstToken, sentence.lastToken, speaker);
  }
  readStructure(ctx);
  resolveDenials(ctx);
  return finish(ctx);
}

/** The sentence; in a sentence too long to show (a text without full stops), a window of it. */
function evidenceFor(ctx: RelationContext, d: Draft, s: { start: number; end: number }): Evidence {
  const { document } = ctx;
  let start = s.start;
  let end = s.end;
  if (end - start > MAX_EVIDENCE) {
    start = Math.max(s.start, d.site.anchor - MAX_EVIDENCE / 2);
    end = Math.min(s.end, start + MAX_EVIDENCE);
    // Whole words at both ends.
    while (start > s.start && /\S/.test(document.text[start - 1])) start--;
    while (end < s.end && /\S/.test(document.text[end])) end++;
  }
  return { document: document.id, sentence: d.sentence, start, end, text: document.text.slice(start, end) };
}

function finish(ctx: RelationContext): RelationRow[] {
  const { tokens, sentences, document, drafts } = ctx;
  const merged = new Map<string, RelationRow>();
  // The sentences each relation already cites: a Set, since a relation stated in thousands of
  // sentences (a long transcript) would make a scan of its evidence quadratic.
  const cited = new Map<string, Set<number>>();
  for (const d of drafts) {
    const key = `${d.source}|${d.relation}|${d.target}`;
    const s = sentences[d.sentence];
    const existing = merged.get(key);
    if (existing) {
      const seen = cited.get(key)!;
      if (!seen.has(d.sentence)) {
        seen.add(d.sentence);
        existing.evidence.push(evidenceFor(ctx, d, s));
      }
      existing.confidence = Math.max(existing.confidence, adjusted(d));
      if (d.modality === "asserted") existing.modality = "asserted";
      if (!d.negated) delete existing.negated;
      if (!existing.cameo && d.site.cameo) existing.cameo = d.site.cameo;
      continue;
    }
    cited.set(key, new Set([d.sentence]));
    const relation: Relation = { source: d.source, relation: d.relation, target: d.target, evidence: [evidenceFor(ctx, d, s)], confidence: adjusted(d), modality: d.modality };
    if (d.attributedTo && d.attributedTo !== d.source) relation.attributedTo = d.attributedTo;
    if (d.negated) relation.negated = true;
    if (d.role) relation.role = d.role;
    const row = relation as RelationRow;
    row.rule = d.site.rule;
    const cameo = d.site.cameo ?? cameoCodeOf(tokens[d.site.from].lemma, d.relation);
    if (cameo) row.cameo = cameo;
    const from = tokens[d.site.from].start;
    const to = tokens[d.site.to - 1].end;
    row.trigger = { start: from, end: to, text: document.text.slice(from, to) };
    merged.set(key, row);
  }
  return [...merged.values()];
}

/** The CAMEO code of a trigger word read by our own tables, where CAMEO codes the lemma with the same type. */
function cameoCodeOf(lemma: string, relation: Relation["relation"]): string | undefined {
  for (const coding of verbCodes(lemma.toLowerCase())) if (coding.code && cameoTypes(coding.code).includes(relation)) return coding.code;
  return undefined;
}

function adjusted(d: Draft): number {
  const factor = d.modality === "asserted" ? MODALITY_FACTOR.asserted : d.modality === "reported" ? MODALITY_FACTOR.reported : MODALITY_FACTOR.other;
  return Math.round(d.confidence * factor * 100) / 100;
}
