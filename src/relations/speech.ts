// Speech rules: who speaks in a sentence, and the outlets that quote them.
// Rules: quote.told-outlet, quote.according-to.
import type { ResolvedMention } from "../model.js";
import { SPEECH_VERBS } from "./triggers.js";
import { subjectsOf, objectsAfter, insideQuotesAfter } from "./grammar.js";
import type { RelationContext } from "./context.js";

/** The entity whose words the sentence reports ("X said", "X told", "said X"). */
export function speakerOf(ctx: RelationContext, first: number, last: number): string | undefined {
  const { tokens, slots, slotAt } = ctx;
  let quoted = false;
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    quoted = insideQuotesAfter(t, quoted);
    if (quoted || t.pos !== "VERB" || !SPEECH_VERBS.has(t.lemma.toLowerCase())) continue;
    const subjects = subjectsOf(ctx, k, first);
    if (subjects.length > 0) {
      if (t.lemma.toLowerCase() === "tell") quoteOutlet(ctx, k, last, subjects[0]);
      return subjects[0].entity;
    }
    // "..., said Rono" / "..., the minister said".
    if (slotAt[k + 1] >= 0) return slots[slotAt[k + 1]].entity;
  }
  return undefined;
}

export function quoteOutlet(ctx: RelationContext, v: number, last: number, speaker: ResolvedMention): void {
  const { tokens, kindOf } = ctx;
  const objects = objectsAfter(ctx, v, last, [""]);
  for (const o of objects) if (kindOf.get(o.entity) === "ORGANIZATION") ctx.add(ctx.at("quote.told-outlet", v), o.entity, "QUOTE", speaker.entity, tokens[v].sentence);
}

export function readAccordingTo(ctx: RelationContext, first: number, last: number, speaker: string | undefined): void {
  const { tokens, kindOf } = ctx;
  for (let k = first; k + 2 < last; k++) {
    if (tokens[k].normal !== "according" || tokens[k + 1].normal !== "to") continue;
    const objects = objectsAfter(ctx, k + 1, last, [""]);
    for (const o of objects) {
      if (kindOf.get(o.entity) !== "ORGANIZATION") continue;
      // "According to ABC News, Basya also believes ...": without a speech verb, the clause's subject right after it.
      const who = speaker ?? clauseSubjectAfter(ctx, o, last);
      if (who && who !== o.entity) ctx.add(ctx.at("quote.according-to", k, k + 2), o.entity, "QUOTE", who, tokens[k].sentence);
    }
  }
}

/** "OUTLET, X (also) believes": the actor named right after the phrase's comma, followed by its verb. */
function clauseSubjectAfter(ctx: RelationContext, o: ResolvedMention, last: number): string | undefined {
  const { tokens, slots, slotAt, kindOf } = ctx;
  if (tokens[o.lastToken]?.value !== "," || o.lastToken + 1 >= last) return undefined;
  const i = slotAt[o.lastToken + 1];
  if (i < 0 || slots[i].firstToken !== o.lastToken + 1 || kindOf.get(slots[i].entity) !== "PERSON") return undefined;
  let k = slots[i].lastToken;
  while (k < last && tokens[k].pos === "ADV") k++;
  return k < last && (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") ? slots[i].entity : undefined;
}
