// A denial without object points at the claim it denies. Rule: deny.claim.
import { CLAIM_RELATIONS } from "./words.js";
import type { RelationContext } from "./context.js";

export function resolveDenials(ctx: RelationContext): void {
  const { drafts, pendingDenials } = ctx;
  const claims = drafts.filter((x) => CLAIM_RELATIONS.has(x.relation));
  for (const d of pendingDenials) {
    // Whoever most recently accused, asked or demanded something of the denier (or of
    // anyone, within a few sentences); the last 50 claims are far enough to look back.
    const before = claims.filter((x) => x.sentence <= d.sentence).slice(-50);
    const aimed = before.filter((x) => x.target === d.denier);
    const pool = aimed.length > 0 ? aimed : before.filter((x) => d.sentence - x.sentence <= 4);
    const claim = pool[pool.length - 1];
    if (claim) ctx.add(ctx.at("deny.claim", d.verb), d.denier, "DENY", claim.source, d.sentence, { modality: d.modality });
  }
}
