// Structure rules: ROLE from titles, appositions and memberships ("X of the DAB", "DAB's X"),
// PART_OF and LOCATED_IN from how a body or place is introduced. A ROLE only where the text
// ties the person to the body or state. Rules: role.*, owner.*, located-in.dateline.
import type { EntityKind, RelationType, ResolvedMention } from "../model.js";
import { HONORIFICS, LOCATION_HEADS, ORGANIZATION_HEADS, ORGANIZATION_NOMINALS, TITLE_HEADS } from "../mentions/lexicon.js";
import { isCapitalized, normalizeName } from "../mentions/index.js";
import type { RelationRuleId } from "./rules.js";
import { mentionWithin, possessorPronoun, officeOf, countryCodeOf, isPossessiveToken, isParticiple, isTitleToken } from "./grammar.js";
import { ACTOR_KINDS, type RelationContext, type Site } from "./context.js";
import { RELATION_WORDS } from "./words.js";

const { MEMBER_NOUNS, OFFICE_BODIES, OWN_STATE_NOUNS, POSSESSIVE_PERSON_PRONOUNS, GOVERNMENT_TITLES, TITLE_DETERMINERS, NOMINAL_OWNER_PRONOUNS, TITLE_OWNER_PRONOUNS, MEMBERSHIP_PREPOSITIONS, PAIRING_ADVERBS, NAME_LIST_LINKS } = RELATION_WORDS;

export function readStructure(ctx: RelationContext): void {
  const { kindOf, all } = ctx;
  const nominalRoles: NominalRole[] = [];
  for (const m of all) {
    const kind = kindOf.get(m.entity);
    if (!kind) continue;
    if (kind === "PERSON" && (m.form === "name" || m.form === "nominal")) readRole(ctx, m, nominalRoles);
    if (kind === "PERSON" && m.form === "name") readMembership(ctx, m);
    if (kind === "ORGANIZATION" || kind === "LOCATION") readOwner(ctx, m, kind);
  }
  addNominalRoles(ctx, nominalRoles);
  readRespectively(ctx);
  datelines(ctx);
  resolvePendingRoles(ctx);
}

interface NominalRole { site: Site; person: string; owner: string; sentence: number; role: string }

/**
 * ROLEs read from a title nominal ("Thailand's foreign minister") resolved to a named person: kept
 * unless the person's name already holds another title in another body or state, which says
 * the nominal was resolved to the wrong person.
 */
function addNominalRoles(ctx: RelationContext, roles: NominalRole[]): void {
  const head = (title: string): string | undefined => title.toLowerCase().split(/\s+/).filter((w) => TITLE_HEADS.has(w)).pop();
  const named = ctx.drafts.filter((d) => d.relation === "ROLE");
  for (const r of roles) {
    const other = named.filter((d) => d.source === r.person);
    const conflict = other.length > 0 && other.every((d) => d.target !== r.owner && head(d.role ?? "") !== head(r.role));
    if (!conflict) ctx.add(r.site, r.person, "ROLE", r.owner, r.sentence, { role: r.role });
  }
}

/** The slot that starts at token k. */
function slotStarting(ctx: RelationContext, k: number): ResolvedMention | undefined {
  const i = ctx.slotAt[k];
  return i >= 0 && ctx.slots[i].firstToken === k ? ctx.slots[i] : undefined;
}
/** The slot that ends just before token `end`. */
function slotEnding(ctx: RelationContext, end: number): ResolvedMention | undefined {
  const i = end > 0 ? ctx.slotAt[end - 1] : -1;
  return i >= 0 && ctx.slots[i].lastToken === end ? ctx.slots[i] : undefined;
}

/** The title written right before a person's name, or the mention's own title. */
function titleBefore(ctx: RelationContext, m: ResolvedMention): string | undefined {
  const { tokens, slotAt, anyAt } = ctx;
  const words: string[] = [];
  for (let j = m.firstToken - 1; j >= 0 && tokens[j].sentence === m.sentence && isTitleToken(tokens[j]) && slotAt[j] < 0 && anyAt[j] < 0; j--) words.unshift(tokens[j].value);
  const title = m.title ?? (words.length ? words.join(" ") : undefined);
  const head = title?.toLowerCase().split(/\s+/).filter((w) => TITLE_HEADS.has(w)).pop();
  return head && !HONORIFICS.has(head) ? title : undefined;
}

/**
 * A coordination of names of one kind going on from `m` (forward) or back from it: "A, B and
 * C", "A and the B". Only a list closed by "and" counts; names with modifiers between the
 * link and the name ("and nonpartisan X") end it.
 */
function coordinated(ctx: RelationContext, m: ResolvedMention, forward: boolean, fits: (x: ResolvedMention) => boolean): ResolvedMention[] {
  const { tokens } = ctx;
  const out: ResolvedMention[] = [];
  const step = forward ? 1 : -1;
  const inSentence = (k: number): boolean => k >= 0 && k < tokens.length && tokens[k].sentence === m.sentence;
  let closed = false;
  let cur = m;
  for (;;) {
    let k = forward ? cur.lastToken : cur.firstToken - 1;
    if (!forward && inSentence(k) && tokens[k].pos === "DET") k--;
    const links: string[] = [];
    while (inSentence(k) && NAME_LIST_LINKS.has(tokens[k].normal) && links.length < 2) { links.push(tokens[k].normal); k += step; }
    if (!links.length || links[0] === links[1]) break;
    if (forward && inSentence(k) && tokens[k].pos === "DET") k++;
    const next = forward ? slotStarting(ctx, k) : slotEnding(ctx, k + 1);
    if (!next || next.sentence !== m.sentence || !fits(next)) break;
    out.push(next);
    cur = next;
    // Going forward the list closes at its "and"; going back, its last link must be "and".
    if (forward && links.includes("and")) { closed = true; break; }
    if (!forward && out.length === 1) closed = links.includes("and");
  }
  return closed ? out : [];
}

/**
 * Membership of a named person: "X of the DAB", "X from the Civic Party" (role.of-body),
 * "DAB's X" and "DAB's X and Y" (role.possessive-owner, role.coordinated). The role is the person's title, else "member".
 */
export function readMembership(ctx: RelationContext, m: ResolvedMention): void {
  const { tokens, kindOf } = ctx;
  const sentence = m.sentence;
  const role = titleBefore(ctx, m) ?? "member";
  const isBody = (x: ResolvedMention | undefined): x is ResolvedMention => !!x && x.form === "name" && kindOf.get(x.entity) === "ORGANIZATION";
  const isPerson = (x: ResolvedMention): boolean => x.form === "name" && kindOf.get(x.entity) === "PERSON";
  const prep = tokens[m.lastToken];
  if (prep && prep.sentence === sentence && MEMBERSHIP_PREPOSITIONS.has(prep.normal)) {
    let k = m.lastToken + 1;
    if (tokens[k]?.pos === "DET") k++;
    const body = slotStarting(ctx, k);
    // "X of the Ministry's Department": the owner is the later body; "of respectively" pairs lists.
    // "X of the A, B and C constituency": a list of names after "of" is not one body.
    const list = !!body && tokens[body.lastToken]?.value === "," && isBody(slotStarting(ctx, body.lastToken + 1));
    // "X and Y of A and B, respectively": readRespectively pairs them.
    const bodies = body ? [body, ...coordinated(ctx, body, true, isBody)] : [];
    let after = bodies.length ? bodies[bodies.length - 1].lastToken : -1;
    if (tokens[after]?.value === ",") after++;
    const paired = bodies.length > 1 && PAIRING_ADVERBS.has(tokens[after]?.normal ?? "");
    if (isBody(body) && body.sentence === sentence && !isPossessiveToken(tokens[body.lastToken]) && !list && !paired) {
      ctx.add(ctx.at("role.of-body", m.lastToken, m.lastToken + 1, m.start), m.entity, "ROLE", body.entity, sentence, { role });
    }
  }
  const before = tokens[m.firstToken - 1];
  if (before && before.sentence === sentence && isPossessiveToken(before)) {
    const owner = slotEnding(ctx, m.firstToken - 1);
    // A state's possessive without a title is a nationality ("Kenya's X"), not a role: readRole reads "Kenya's President X".
    if (isBody(owner) && owner.sentence === sentence) {
      const site = ctx.at("role.possessive-owner", m.firstToken - 1, m.firstToken, m.start);
      ctx.add(site, m.entity, "ROLE", owner.entity, sentence, { role });
      // "DAB's Ben Chan and Leung Che-cheung": a body's possessive reaches over a list of bare names
      // that have no owner of their own.
      const own = (x: ResolvedMention): boolean => MEMBERSHIP_PREPOSITIONS.has(tokens[x.lastToken]?.normal ?? "") || isPossessiveToken(tokens[x.lastToken]);
      const list = coordinated(ctx, m, true, isPerson);
      if (!list.some(own)) for (const x of list) ctx.add({ ...site, rule: "role.coordinated" }, x.entity, "ROLE", owner.entity, sentence, { role: "member" });
    }
  }
}

/** "X and Y of respectively A and B", "X and Y of A and B, respectively": the lists pair in order. */
export function readRespectively(ctx: RelationContext): void {
  const { tokens, kindOf } = ctx;
  const isBody = (x: ResolvedMention): boolean => x.form === "name" && kindOf.get(x.entity) === "ORGANIZATION";
  const isPerson = (x: ResolvedMention): boolean => x.form === "name" && kindOf.get(x.entity) === "PERSON";
  for (let r = 1; r < tokens.length; r++) {
    if (!PAIRING_ADVERBS.has(tokens[r].normal)) continue;
    const sentence = tokens[r].sentence;
    let bodies: ResolvedMention[] = [];
    let prep = -1;
    if (MEMBERSHIP_PREPOSITIONS.has(tokens[r - 1].normal)) {
      // "of respectively A and B"
      let k = r + 1;
      if (tokens[k]?.pos === "DET") k++;
      const first = slotStarting(ctx, k);
      if (first && isBody(first)) bodies = [first, ...coordinated(ctx, first, true, isBody)];
      prep = r - 1;
    } else {
      // "of A and B, respectively"
      const end = tokens[r - 1].value === "," ? r - 1 : r;
      const last = slotEnding(ctx, end);
      if (last && isBody(last)) {
        bodies = [...coordinated(ctx, last, false, isBody).reverse(), last];
        let k = bodies[0].firstToken - 1;
        if (tokens[k]?.pos === "DET") k--;
        prep = k >= 0 && MEMBERSHIP_PREPOSITIONS.has(tokens[k].normal) ? k : -1;
      }
    }
    if (prep < 0 || bodies.length < 2) continue;
    const lastPerson = slotEnding(ctx, prep);
    if (!lastPerson || !isPerson(lastPerson)) continue;
    const people = [...coordinated(ctx, lastPerson, false, isPerson).reverse(), lastPerson];
    if (people.length !== bodies.length) continue;
    people.forEach((p, i) => ctx.add(ctx.at("role.respectively", r, r + 1, p.start), p.entity, "ROLE", bodies[i].entity, sentence, { role: titleBefore(ctx, p) ?? "member" }));
  }
}

export function readRole(ctx: RelationContext, m: ResolvedMention, nominalRoles?: NominalRole[]): void {
  const { tokens, kindOf, pendingRoles, all, slotAt, anyAt } = ctx;
  const sentence = m.sentence;
  // Title written before the name, in capitals or not: "Russian President X", "North Korean leader X", "Brazil's Foreign Minister X".
  let j = m.firstToken - 1;
  const titleWords: string[] = [];
  while (j >= 0 && tokens[j].sentence === sentence && isTitleToken(tokens[j]) && slotAt[j] < 0 && anyAt[j] < 0) { titleWords.unshift(tokens[j].value); j--; }
  let title = m.title ?? (titleWords.length ? titleWords.join(" ") : undefined);
  let owner: ResolvedMention | undefined;
  if (m.affiliation) owner = mentionWithin(ctx, m.affiliation.firstToken, m.affiliation.lastToken, (x) => x !== m);
  if (!owner && title) {
    const before = m.title ? titleStart(ctx, m) - 1 : j;
    if (before >= 0 && isPossessiveToken(tokens[before]) && anyAt[before - 1] >= 0) owner = all[anyAt[before - 1]];
    else if (before >= 0 && anyAt[before] >= 0 && tokens[before].sentence === sentence) owner = all[anyAt[before]];
  }
  // Nominal with an owner: "Its spokeswoman, X", "the group's military commander, X", "Congo's defence minister".
  if (!owner && m.form === "nominal") {
    const before = m.firstToken - 1;
    if (before >= 0 && isPossessiveToken(tokens[before]) && anyAt[before - 1] >= 0) owner = all[anyAt[before - 1]];
    else if (NOMINAL_OWNER_PRONOUNS.has(tokens[m.firstToken].normal)) owner = possessorPronoun(ctx, m.firstToken);
    title = m.title ?? title;
  }
  // A title set off before the name: "Its spokesman, Rear Admiral X"; "the bloc's foreign policy chief, X".
  if (m.form === "name" && tokens[m.firstToken - 1 - titleWords.length]?.value === ",") {
    let k = m.firstToken - 2 - titleWords.length;
    const words: string[] = [];
    while (k >= 0 && ((tokens[k].pos === "NOUN" && !isCapitalized(tokens[k])) || tokens[k].pos === "ADJ")) words.unshift(tokens[k--].value);
    const head = words[words.length - 1]?.toLowerCase();
    if (head && TITLE_HEADS.has(head) && k >= 0) {
      let possessor: ResolvedMention | undefined;
      if (isPossessiveToken(tokens[k]) && anyAt[k - 1] >= 0) possessor = all[anyAt[k - 1]];
      else if (anyAt[k] >= 0 && all[anyAt[k]].form === "pronoun" && TITLE_OWNER_PRONOUNS.has(tokens[k].normal)) possessor = all[anyAt[k]];
      // "a Scientology attorney, X", "the Kremlin spokesman, X": a body or state named right before the title.
      else if (anyAt[k] >= 0 && all[anyAt[k]].form === "name" && all[anyAt[k]].lastToken === k + 1 && (kindOf.get(all[anyAt[k]].entity) === "ORGANIZATION" || kindOf.get(all[anyAt[k]].entity) === "COUNTRY")) possessor = all[anyAt[k]];
      if (possessor && kindOf.get(possessor.entity) !== "PERSON") {
        owner = owner ?? possessor;
        title = title ?? words.join(" ");
      }
    }
  }
  // "Director General X of the Ministry's Political Department".
  if (!owner && title && tokens[m.lastToken]?.normal === "of") {
    for (let k = m.lastToken + 1; k < Math.min(tokens.length, m.lastToken + 4); k++) {
      const x = anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
      if (x && kindOf.get(x.entity) !== "PERSON" && kindOf.get(x.entity) !== "LOCATION" && !isPossessiveToken(tokens[x.lastToken])) { owner = x; break; }
    }
  }
  // Apposition after the name: "X, South Korea's Foreign Ministry spokesperson," / "X, a SIPRI researcher".
  if (m.form === "name" && tokens[m.lastToken]?.value === ",") {
    // "Daniel Montalvo, 19, a member of X": an age set off before the apposition.
    const age = tokens[m.lastToken + 1]?.pos === "NUM" && tokens[m.lastToken + 2]?.value === "," ? 2 : 0;
    const app = apposition(ctx, m.lastToken + 1 + age);
    if (app && (!owner || !title)) { owner = owner ?? app.owner; title = title ?? app.title; }
  }
  if (!title) return;
  const head = title.toLowerCase().split(/\s+/).filter((w) => TITLE_HEADS.has(w) || MEMBER_NOUNS.has(w)).pop();
  if (!head || HONORIFICS.has(head)) return;
  const site = roleSite(ctx, "role.title", m, j + 1);
  if (!owner && GOVERNMENT_TITLES.has(head)) {
    pendingRoles.push({ mention: m, title, site });
    return;
  }
  if (!owner) return;
  if (m.form === "nominal" && nominalRoles) nominalRoles.push({ site, person: m.entity, owner: owner.entity, sentence, role: title });
  else ctx.add(site, m.entity, "ROLE", owner.entity, sentence, { role: title });
}

/**
 * A government title with no owner in reach of the name: a ROLE only where the text still ties
 * the person to a state or body elsewhere in the sentence ("said his country had never ...",
 * role.own-country) or by accompanying an official whose owner is known (role.delegation).
 * Never the document's main or nearest country by default.
 */
export function resolvePendingRoles(ctx: RelationContext): void {
  const { pendingRoles, withRole } = ctx;
  const waiting: typeof pendingRoles = [];
  for (const pending of pendingRoles) {
    if (withRole.has(pending.mention.entity)) continue;
    const own = ownCountry(ctx, pending.mention);
    const body = own ? undefined : titleBody(ctx, pending.title);
    if (own) ctx.add({ ...pending.site, rule: "role.own-country" }, pending.mention.entity, "ROLE", own.entity, pending.mention.sentence, { role: pending.title });
    else if (body) ctx.add({ ...pending.site, rule: "role.title-body" }, pending.mention.entity, "ROLE", body, pending.mention.sentence, { role: pending.title });
    else waiting.push(pending);
  }
  for (const { mention, title, site } of waiting) {
    if (withRole.has(mention.entity)) continue;
    const owner = delegationOwner(ctx, mention);
    if (owner) ctx.add({ ...site, rule: "role.delegation" }, mention.entity, "ROLE", owner, mention.sentence, { role: title });
  }
}

/**
 * "Defence Minister X ... said his country had never ...": the person's own "his/her country" in
 * the sentence is the country named last before it (this sentence or the one before).
 */
function ownCountry(ctx: RelationContext, m: ResolvedMention): ResolvedMention | undefined {
  const { tokens, kindOf, anyAt, all, sentences } = ctx;
  const s = sentences[m.sentence];
  for (let k = m.lastToken; k < s.lastToken - 1; k++) {
    if (!OWN_STATE_NOUNS.has(tokens[k + 1].normal) || anyAt[k] < 0) continue;
    const p = all[anyAt[k]];
    if (p.form !== "pronoun" || p.entity !== m.entity || !POSSESSIVE_PERSON_PRONOUNS.has(tokens[k].normal)) continue;
    let best: ResolvedMention | undefined;
    for (const x of [...ctx.bySentence(m.sentence - 1), ...ctx.bySentence(m.sentence)]) {
      if (kindOf.get(x.entity) === "COUNTRY" && x.form === "name" && x.lastToken <= k && (!best || x.start > best.start)) best = x;
    }
    return best;
  }
  return undefined;
}

/**
 * "Minister for Foreign Affairs X" in a text that names the "Ministry for Foreign Affairs": a
 * formal title ("Minister of/for ...") whose office's name is the name of the one body of
 * that name in the document.
 */
function titleBody(ctx: RelationContext, title: string): string | undefined {
  const words = title.toLowerCase().split(/\s+/);
  const i = words.findIndex((w) => OFFICE_BODIES.has(w));
  if (i < 0 || !["of", "for"].includes(words[i + 1] ?? "")) return undefined;
  // "Ministry for Foreign Affairs", or the short form "[US] State Department" for "Secretary of State".
  const body = OFFICE_BODIES.get(words[i])!;
  const domain = words.slice(i + 2).join(" ");
  if (!domain) return undefined;
  const formal = normalizeName(`${body} ${words[i + 1]} ${domain}`);
  const short = normalizeName(`${domain} ${body}`);
  const named = (n: string): boolean => { const x = normalizeName(n); return x === formal || x === short || x.endsWith(` ${short}`); };
  const bodies = ctx.doc.entities.filter((e) => e.kind === "ORGANIZATION" && [e.name, ...e.aliases].some(named));
  return bodies.length === 1 ? bodies[0].id : undefined;
}

/** "Minister X was accompanied by State Secretary Y": Y, who accompanies, holds office where X does. */
function delegationOwner(ctx: RelationContext, m: ResolvedMention): string | undefined {
  const { drafts } = ctx;
  for (const d of drafts) {
    if (d.relation !== "ACCOMPANY" || d.sentence !== m.sentence || d.source !== m.entity) continue;
    const host = d.target;
    if (ctx.kindOf.get(host) !== "PERSON") continue;
    const roles = new Set(drafts.filter((r) => r.relation === "ROLE" && r.source === host).map((r) => r.target));
    if (roles.size === 1) return [...roles][0];
  }
  return undefined;
}

/** A ROLE's trigger: the title words before the name, else the mention that carries the title. */
export function roleSite(ctx: RelationContext, rule: RelationRuleId, m: ResolvedMention, titleFrom: number): Site {
  const before = titleFrom < m.firstToken;
  return ctx.at(rule, before ? titleFrom : m.firstToken, before ? m.firstToken : m.lastToken, m.start);
}

export function titleStart(ctx: RelationContext, m: ResolvedMention): number {
  const { tokens } = ctx;
  let j = m.firstToken - 1;
  while (j >= 0 && isTitleToken(tokens[j])) j--;
  return j + 1;
}

export function apposition(ctx: RelationContext, k: number): { owner?: ResolvedMention; title?: string } | undefined {
  const { tokens, kindOf, all, anyAt } = ctx;
  let title: string | undefined;
  let owner: ResolvedMention | undefined;
  const words: string[] = [];
  let end = k;
  for (let j = k; j < Math.min(tokens.length, k + 14); j++, end = j) {
    const t = tokens[j];
    if (t.sentence !== tokens[k].sentence || t.value === "," || t.value === "." || t.value === ";") break;
    if ((t.pos === "VERB" && !isParticiple(t)) || t.pos === "AUX") break;
    const w = t.normal;
    if (anyAt[j] >= 0 && !owner) {
      const x = all[anyAt[j]];
      if (ACTOR_KINDS.has(kindOf.get(x.entity)!) && kindOf.get(x.entity) !== "PERSON") owner = x;
      else if (x.form === "pronoun") owner = possessorPronoun(ctx, j);
      else if (x.form === "nominal" && x.title && !title) {
        title = x.title;
        // "a former Kenyan foreign minister": the nominal's own affiliation.
        if (x.affiliation && !owner) owner = mentionWithin(ctx, x.affiliation.firstToken, x.affiliation.lastToken, (y) => !!y.country);
      }
      j = x.lastToken - 1;
      continue;
    }
    if (w === "its" || w === "whose") owner = owner ?? possessorPronoun(ctx, j);
    words.push(t.value);
    if ((TITLE_HEADS.has(w) || MEMBER_NOUNS.has(w)) && !title) {
      title = words.filter((x) => !TITLE_DETERMINERS.has(x.toLowerCase())).join(" ");
      // "the Secretary of State", "the Minister for Foreign Affairs": a formal title goes on through its capitalised "of" phrase.
      let e = j + 1;
      if ((tokens[e]?.normal === "of" || tokens[e]?.normal === "for") && anyAt[e + 1] < 0 && isCapitalized(tokens[e + 1] ?? tokens[e])) {
        const tail: string[] = [tokens[e].value];
        for (e++; e < tokens.length && anyAt[e] < 0 && tokens[e].sentence === t.sentence && isCapitalized(tokens[e]); e++) tail.push(tokens[e].value);
        if (tail.length > 1) { title = `${title} ${tail.join(" ")}`; j = e - 1; }
      }
    }
  }
  if (!title) return undefined;
  // "Laura Nieminen, Press Officer, Unit for Communications": a contact line names the body after the title's comma.
  if (!owner && tokens[end]?.value === ",") {
    const body = slotStarting(ctx, end + 1);
    const next = body ? tokens[body.lastToken] : undefined;
    if (body && body.form === "name" && kindOf.get(body.entity) === "ORGANIZATION" && body.sentence === tokens[k].sentence && (!next || next.value === "," || next.sentence !== body.sentence || next.value === ".")) owner = body;
  }
  return { owner, title };
}

/** PART_OF / LOCATED_IN for an organisation or place from how it is introduced. */
export function readOwner(ctx: RelationContext, m: ResolvedMention, kind: EntityKind): void {
  const { tokens, group, kindOf, all, anyAt } = ctx;
  const rel: RelationType = kind === "LOCATION" ? "LOCATED_IN" : "PART_OF";
  const site = (rule: RelationRuleId, from = m.firstToken, to = m.lastToken): Site => ctx.at(rule, from, to, m.start);
  const sentence = m.sentence;
  if (m.form !== "name") return;
  // "X's Foreign Ministry", "Russia's Far East", "Russia's state news agency TASS".
  let j = m.firstToken - 1;
  let descriptor = false;
  while (j >= 0 && tokens[j].sentence === sentence && (anyAt[j] < 0 || all[anyAt[j]].entity === m.entity) && /^[a-z-]/.test(tokens[j].value) && ["NOUN", "ADJ", "PUNCT", "VERB"].includes(tokens[j].pos) && tokens[j].value !== ",") {
    const w = tokens[j].normal;
    if (ORGANIZATION_NOMINALS.has(w) || ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w)) descriptor = true;
    j--;
  }
  if (j >= 0 && (descriptor || j === m.firstToken - 1 || j === m.firstToken - 2)) {
    let ownerIdx = -1;
    if (isPossessiveToken(tokens[j]) && anyAt[j - 1] >= 0) ownerIdx = anyAt[j - 1];
    else if (anyAt[j] >= 0 && (descriptor || j === m.firstToken - 1)) ownerIdx = anyAt[j];
    if (ownerIdx >= 0) {
      const owner = all[ownerIdx];
      const ok = kind === "LOCATION" ? ["COUNTRY", "LOCATION"].includes(kindOf.get(owner.entity)!) : kindOf.get(owner.entity) !== "PERSON";
      if (ok && (descriptor || isPossessiveToken(tokens[j]) || owner.placeRole === "demonym" || kindOf.get(owner.entity) === "COUNTRY")) {
        ctx.add(site("owner.possessive", j, j + 1), m.entity, rel, owner.entity, sentence);
      }
    }
  }
  // A country or parent written inside the name: "U.S. State Department", "Finnish Defence Forces",
  // "Ministry for Foreign Affairs of Finland".
  for (let k = m.firstToken; k < m.lastToken; k++) {
    for (const x of group.startingAt(k)) {
      if (x === m || x.lastToken > m.lastToken) continue;
      if (kindOf.get(x.entity) === "COUNTRY") ctx.add(site("owner.inside-name", x.firstToken, x.lastToken), m.entity, rel, x.entity, sentence);
    }
  }
  const headOwner = ownerInNameHead(ctx, m);
  if (headOwner) ctx.add(site("owner.name-head"), m.entity, rel, headOwner, sentence);
  const after = tokens[m.lastToken];
  const after2 = tokens[m.lastToken + 1];
  // "X in Y" (places), "X of the Y" (bodies).
  if (after && after2) {
    const w = after.normal;
    let k = m.lastToken + 1;
    while (k < tokens.length && (tokens[k].pos === "DET" || (tokens[k].pos === "ADJ" && anyAt[k] < 0))) k++;
    const y = anyAt[k] >= 0 ? all[anyAt[k]] : undefined;
    if (y && y.sentence === sentence && y.form === "name") {
      const yk = kindOf.get(y.entity)!;
      if (kind === "LOCATION" && w === "in" && (yk === "LOCATION" || yk === "COUNTRY")) ctx.add(site("owner.in-phrase", m.lastToken, m.lastToken + 1), m.entity, "LOCATED_IN", y.entity, sentence);
      if (kind === "ORGANIZATION" && w === "of" && (yk === "ORGANIZATION" || yk === "COUNTRY")) ctx.add(site("owner.of-phrase", m.lastToken, m.lastToken + 1), m.entity, "PART_OF", y.entity, sentence);
    }
  }
  // Apposition: "Antara, Indonesia's state news agency"; "Surabaya, Indonesia's second-largest city".
  if (after && after.value === ",") {
    let k = m.lastToken + 1;
    let found: ResolvedMention | undefined;
    let head = false;
    for (; k < Math.min(tokens.length, m.lastToken + 10); k++) {
      const t = tokens[k];
      if (t.sentence !== sentence || t.value === "," || (t.pos === "VERB" && !isParticiple(t)) || t.pos === "AUX") break;
      const w = t.normal;
      if (anyAt[k] >= 0 && !found && all[anyAt[k]].form !== "pronoun") { found = all[anyAt[k]]; k = found.lastToken - 1; continue; }
      if (anyAt[k] >= 0 && all[anyAt[k]].entity !== m.entity) break;
      if (kind === "ORGANIZATION" && (ORGANIZATION_NOMINALS.has(w) || ORGANIZATION_HEADS.has(w))) { head = true; break; }
      if (kind === "LOCATION" && LOCATION_HEADS.has(w)) { head = true; break; }
    }
    if (found && head && found.entity !== m.entity) ctx.add(site("owner.apposition", m.lastToken, m.lastToken + 1), m.entity, rel, found.entity, sentence);
  }
  // "the coast of Aceh, Indonesia", "in Clearwater, Florida until": a place and the country or
  // region after its comma; not a list of places ("Mali, Niger and Chad") nor "Moscow, North Korea's agency".
  if (kind === "LOCATION" && after?.value === ",") {
    const y = slotStarting(ctx, m.lastToken + 1);
    const yk = y ? kindOf.get(y.entity) : undefined;
    const next = y ? tokens[y.lastToken] : undefined;
    // A dash after it makes a dateline (located-in.dateline reads it).
    // A verb after it makes it the subject of the clause ("In a statement to X, Kenya denied").
    const inList = (t: typeof next): boolean => !!t && (t.normal === "and" || t.normal === "or" || isPossessiveToken(t) || /^[—–-]$/.test(t.value)
      || t.pos === "VERB" || t.pos === "AUX" || (t.pos === "ADV" && tokens[y!.lastToken + 1]?.pos === "VERB"));
    const listAfter = next?.value === "," && (inList(tokens[y!.lastToken + 1]) || !!slotStarting(ctx, y!.lastToken + 1));
    const before = tokens[m.firstToken - 1];
    const listBefore = !!before && (before.value === "," || before.normal === "and" || before.normal === "or");
    if (y && y.sentence === sentence && y.form === "name" && (yk === "COUNTRY" || yk === "LOCATION") && !inList(next) && !listAfter && !listBefore) {
      ctx.add(site("owner.comma-place", m.lastToken, m.lastToken + 1), m.entity, "LOCATED_IN", y.entity, sentence);
    }
  }
  // "the central Iranian city of Isfahan".
  if (kind === "LOCATION" && tokens[m.firstToken - 1]?.normal === "of" && LOCATION_HEADS.has(tokens[m.firstToken - 2]?.normal ?? "")) {
    for (let k = m.firstToken - 3; k >= Math.max(0, m.firstToken - 6); k--) {
      if (anyAt[k] >= 0) { ctx.add(site("owner.city-of", m.firstToken - 2, m.firstToken), m.entity, "LOCATED_IN", all[anyAt[k]].entity, sentence); break; }
    }
  }
}

/** An owner written at the head of the name: "Finnish Defence Forces", "U.S. State Department", "ECOWAS Commission". */
export function ownerInNameHead(ctx: RelationContext, m: ResolvedMention): string | undefined {
  const { tokens, document, stateByCode } = ctx;
  if (m.lastToken - m.firstToken < 2) return undefined;
  for (const width of [2, 1]) {
    if (m.lastToken - m.firstToken <= width) continue;
    const head = document.text.slice(tokens[m.firstToken].start, tokens[m.firstToken + width - 1].end);
    const code = countryCodeOf(head);
    if (code) {
      const country = stateByCode.get(code);
      if (country) return country.entity;
    }
    if (!ctx.bodyByName) {
      ctx.bodyByName = new Map();
      for (const e of ctx.doc.entities) {
        if (e.kind !== "ORGANIZATION") continue;
        for (const name of [e.name, ...e.aliases]) if (!ctx.bodyByName.has(normalizeName(name))) ctx.bodyByName.set(normalizeName(name), e.id);
      }
    }
    const body = ctx.bodyByName.get(normalizeName(head));
    if (body && body !== m.entity) return body;
  }
  return undefined;
}

export function datelines(ctx: RelationContext): void {
  const { tokens, sentences } = ctx;
  // "BUNIA, Democratic Republic of Congo —": a place, then its country, before a dash.
  for (const s of sentences) {
    const ms = ctx.bySentence(s.index).filter((m) => m.form === "name");
    if (ms.length < 2) continue;
    const [a, b] = ms;
    if (a.firstToken !== s.firstToken) continue;
    if (tokens[a.lastToken]?.value !== "," || b.firstToken !== a.lastToken + 1) continue;
    const dash = tokens[b.lastToken]?.value;
    if (dash !== "—" && dash !== "-" && dash !== "–") continue;
    ctx.add(ctx.at("located-in.dateline", b.lastToken, b.lastToken + 1, a.start), a.entity, "LOCATED_IN", b.entity, s.index);
  }
}
