// Entities stage: types each mention and resolves mentions to entities within a document.
// Full name <- surname; long name <- abbreviation; country <- demonym or acting capital;
// person <- title description ("the North Korean leader"); actor <- pronoun.
import {
  slugify,
  type EntityKind, type Mention, type MentionCandidate,
  type ResolvedMention, type ResolvedText, type Token,
} from "../model.js";
import type { Doc, EntityRow } from "../doc/doc.js";
import type { Component } from "../doc/pipeline.js";
import { memoized } from "../memo.js";
import { countryByDemonym, countryByName, isAcronym, lookupPlace, normalizeName } from "../mentions/index.js";
import {
  GOVERNING_NOUNS, LOCATION_HEADS, ORGANIZATION_HEADS, STATE_ACTOR_NOUNS, TITLE_HEADS, TITLE_MODIFIERS, isTitleWord,
} from "../mentions/lexicon.js";
import { KIND_WORDS } from "./words.js";
import { defaultKind, inPlacePhrase, kindFromContext, kindOverTagger, type KindContext, type KindDecision, type KindRuleId } from "./kinds.js";

const { DIRECTION_WORDS, MOTION_VERBS, PARTNER_PREPOSITIONS, OWNED_BODY_FIRST_WORDS, FEMALE_PRONOUNS, THING_PRONOUNS } = KIND_WORDS;

interface Cluster {
  key: string;
  kind: EntityKind;
  /** The kind rule that decided `kind`. */
  kindRule: string;
  mentions: MentionCandidate[];
  /** Distinct normalised forms of its name mentions, and the shorter forms that name it too. */
  forms: string[];
  shortForms: Set<string>;
  /** Title words seen with this entity ("President", "defence minister"). */
  titles: string[];
  /** Country codes the entity is affiliated with (from titles and demonyms). */
  affiliations: string[];
  /** "South Korea's Foreign Ministry" for a generic name owned by a country. */
  composite?: string;
  /** The gazetteer's name, for a state the text names only by its people ("Russian officials"). */
  countryName?: string;
  order: number;
}

/** Resolves the Doc's mentions: fills the entity table and the `entities` span group. */
export const entitiesComponent: Component = {
  name: "entities",
  requires: ["tokens", "pos", "lemmas", "sentences", "mentions"],
  assigns: ["entities"],
  run(doc) {
    const resolved = resolveEntities(doc);
    doc.entities = resolved.entities;
    doc.spans.entities.addAll(resolved.mentions);
  },
};

function lastOf<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let k = list.length - 1; k >= 0; k--) if (test(list[k])) return list[k];
  return undefined;
}

export function resolveEntities(analyzed: Doc): ResolvedText & { entities: EntityRow[] } {
  const { tokens } = analyzed;
  // In text order, a longer mention before one it holds (the mentions component's order).
  const mentions = analyzed.spans.mentions.items;
  const nameGroup = analyzed.spans.names;
  const clusters = new Map<string, Cluster>();
  const assigned = new Map<MentionCandidate, Cluster>();
  let order = 0;
  const cluster = (key: string, kind: EntityKind, kindRule: string): Cluster => {
    let c = clusters.get(key);
    if (!c) {
      c = { key, kind, kindRule, mentions: [], titles: [], affiliations: [], forms: [], shortForms: new Set(), order: order++ };
      clusters.set(key, c);
    }
    return c;
  };
  // Distinct name forms per cluster, and the first cluster of each exact form, for short forms.
  const exactForm = new Map<string, Cluster>();
  /** The entity each description head last stood for: "the group" again means that group. */
  const lastByHead = new Map<string, Cluster>();
  /** Bodies by the initials of their names, for acronyms ("EU" for "European Union"). */
  const byInitials = new Map<string, Cluster>();
  const guessedKind = new Set<Cluster>();
  const assign = (m: MentionCandidate, c: Cluster): void => {
    assigned.set(m, c);
    c.mentions.push(m);
    if (m.form === "name" && c.kind !== "COUNTRY") {
      const words = stemmedWords(m);
      const joined = words.join(" ");
      if (!exactForm.has(joined)) exactForm.set(joined, c);
      if (!c.forms.includes(joined)) {
        c.forms.push(joined);
        for (let n = 1; n < words.length; n++) {
          if (c.kind !== "PERSON") c.shortForms.add(words.slice(words.length - n).join(" "));
          if (words.slice(n).every((w) => ORGANIZATION_HEADS.has(w) || LOCATION_HEADS.has(w))) c.shortForms.add(words.slice(0, n).join(" "));
        }
      }
    }
    if (m.title && !c.titles.includes(m.title.toLowerCase())) c.titles.push(m.title.toLowerCase());
    if (m.form === "nominal" && m.head) lastByHead.set(m.head, c);
    if (m.form === "name" && c.kind === "ORGANIZATION") {
      const letters = initials(m);
      if (letters && !byInitials.has(letters)) byInitials.set(letters, c);
    }
  };

  const names = nameGroup.items;
  const plainCache = new Map<MentionCandidate, string[]>();
  const kindCache = new Map<MentionCandidate, KindDecision | undefined>();
  const stemCache = new Map<MentionCandidate, string[]>();
  // Look-ups on the span groups: the last name ending at a token, the first starting there,
  // and the first (last) mention of a country starting (ending) there.
  const nameEndingAt = (k: number): MentionCandidate | undefined => lastOf(nameGroup.endingAt(k), () => true);
  const nameStartingAt = (k: number): MentionCandidate | undefined => nameGroup.startingAt(k)[0];
  const countryStartingAt = (k: number): MentionCandidate | undefined => analyzed.spans.mentions.startingAt(k).find((m) => !!m.country);
  const countryEndingAt = (k: number): MentionCandidate | undefined => lastOf(analyzed.spans.mentions.endingAt(k), (m) => !!m.country);
  const textOf = (from: number, to: number): string => analyzed.document.text.slice(tokens[from].start, tokens[to - 1].end);

  // 1. Capitals: the government when any mention acts, else a place.
  const actingCapitals = new Set<string>();
  for (const m of names) if (m.placeRole === "capital" && capitalActs(tokens, m)) actingCapitals.add(normalizeName(m.text));
  const kindContext: KindContext = { tokens, names, knownKind: (n) => assigned.get(n)?.kind ?? kindOf(n) };

  // 2. Acronyms introduced in parentheses or "known by its acronym X".
  const acronymOf = new Map<string, MentionCandidate>();
  for (let k = 0; k < names.length; k++) {
    const m = names[k];
    const next = names[k + 1];
    if (!next || !isAcronym(next.text)) continue;
    const between = analyzed.document.text.slice(m.end, next.start);
    if (/^\s*\(\s*$/.test(between) && abbreviates(next.text, m.text)) acronymOf.set(normalizeName(next.text), m);
  }

  // 3. Full person names, so that surnames resolve forwards and backwards.
  const personNames: MentionCandidate[] = [];
  for (const m of names) {
    if (m.country) continue;
    const kind = kindOf(m);
    if (kind === "PERSON" && m.lastToken - m.firstToken >= 2) personNames.push(m);
  }
  const personSet = new Set(personNames);
  // word -> distinct full-name form -> its occurrences in text order.
  const personForms = new Map<string, Map<string, MentionCandidate[]>>();
  for (const p of personNames) {
    const words = plainWords(p);
    const form = words.join(" ");
    for (const w of new Set(words)) {
      const forms = personForms.get(w) ?? new Map<string, MentionCandidate[]>();
      const list = forms.get(form) ?? [];
      list.push(p);
      forms.set(form, list);
      personForms.set(w, forms);
    }
  }

  for (const m of names) {
    if (m.country && (m.placeRole === "country" || actingCapitals.has(normalizeName(m.text)))) {
      const c = cluster(`country:${m.country}`, "COUNTRY", m.placeRole === "country" ? "entity.country" : "entity.acting-capital");
      c.countryName ??= lookupPlace(m.text).find((e) => e.code === m.country)?.country;
      assign(m, c);
      continue;
    }
    if (m.country && m.placeRole === "capital") {
      assign(m, cluster(`place:${normalizeName(m.text)}`, "LOCATION", "entity.capital-place"));
      continue;
    }
    const norm = normalizeName(m.text);
    const long = acronymOf.get(norm);
    if (long && assigned.has(long)) {
      assign(m, assigned.get(long)!);
      continue;
    }
    // "EU" for "European Union", "UN" for "United Nations": initials of a body named in the text.
    if (isAcronym(m.text) && !clusters.has(`name:${norm.replace(/s$/, "")}`)) {
      const body = byInitials.get(norm.replace(/\s/g, ""));
      if (body) { assign(m, body); continue; }
    }
    const composite = possessiveComposite(m);
    if (composite) {
      const c = cluster(`name:${normalizeName(composite)}`, kindOf(m) ?? "ORGANIZATION", kindRuleOf(m) ?? "entity.composite");
      c.composite = composite;
      assign(m, c);
      continue;
    }
    const kind = kindOf(m);
    if (kind === "PERSON" || kind === undefined) {
      const full = fullNameFor(m);
      if (full && full !== m) {
        const c = assigned.get(full) ?? cluster(`name:${normalizeName(full.text)}`, "PERSON", "entity.surname-of-person");
        assign(m, c);
        continue;
      }
    }
    const existing = findShortForm(m);
    if (existing) {
      assign(m, existing);
      continue;
    }
    // "World Health Organization" after "WHO": the long form joins its acronym.
    const abbreviation = initials(m) ? exactForm.get(initials(m)) : undefined;
    if (abbreviation && abbreviation.kind === "ORGANIZATION" && abbreviation.mentions.every((x) => isAcronym(x.text))) {
      assign(m, abbreviation);
      continue;
    }
    const guess = kind ? undefined : defaultKind(kindContext, m);
    const c = cluster(`name:${norm.replace(/s$/, "")}`, kind ?? guess!.kind, kind ? kindRuleOf(m)! : guess!.rule);
    if (!kind) guessedKind.add(c);
    assign(m, c);
  }
  // A kind guessed from one mention ("hit Gaza") yields to a place preposition elsewhere ("in Gaza").
  for (const c of guessedKind) {
    if (c.kind !== "LOCATION" && c.mentions.some((x) => x.form === "name" && !kindOf(x) && inPlacePhrase(tokens, x))) {
      c.kind = "LOCATION";
      c.kindRule = "entity.place-preposition-elsewhere" satisfies KindRuleId;
    }
  }

  // 4. Nominals, demonyms and pronouns, in text order, against what came before.
  const recent: ResolvedMention[] = [];
  const resolvedAll: ResolvedMention[] = [];
  for (const m of mentions) {
    let c: Cluster | undefined = assigned.get(m);
    if (!c && m.form === "nominal" && m.country) {
      c = cluster(`country:${m.country}`, "COUNTRY", "entity.country");
      c.countryName ??= countryByDemonym(m.text)?.country ?? countryByName(m.text)?.country;
      assign(m, c);
    } else if (!c && m.form === "nominal") {
      // A description right before a name describes it: "the Russian mercenary group Wagner".
      // So does one set off before a name: "Its spokeswoman, Clarisse Mulenda".
      // And one set off after a name: "Hezbollah, the Lebanese armed group".
      const appositive = tokens[m.firstToken - 1]?.value === "," ? nameEndingAt(m.firstToken - 1) : undefined;
      const appositiveFits = appositive && !appositive.country && (m.kindHint === "PERSON") === (kindOf(appositive) === "PERSON");
      const named = nameStartingAt(m.lastToken) ?? (appositiveFits ? appositive : undefined) ?? appositiveAfter(m);
      c = named ? assigned.get(named) : resolveNominal(m);
      if (c) assign(m, c);
    } else if (!c && m.form === "pronoun") {
      c = resolvePronoun(m);
      if (c) assigned.set(m, c);
    }
    if (!c) continue;
    const resolved = withEntity(m, c.key);
    resolvedAll.push(resolved);
    recent.push(resolved);
    // Titles and affiliations feed later nominals ("the Russian defence minister").
    if (m.affiliation && c.kind === "PERSON") {
      const code = countryOfSpan(m.affiliation.firstToken, m.affiliation.lastToken);
      if (code) c.affiliations.push(code);
    }
  }

  // "The ministry, known by its acronym MODAFL": the acronym joins what it names.
  for (const m of names) {
    if (!isAcronym(m.text)) continue;
    const lead = tokens.slice(Math.max(0, m.firstToken - 5), m.firstToken).map((t) => t.normal);
    if (!lead.includes("acronym") && !(lead.includes("known") && lead.includes("as"))) continue;
    let knownAt = m.firstToken - 1;
    while (knownAt > m.firstToken - 6 && tokens[knownAt].normal !== "known") knownAt--;
    const target = [...resolvedAll].reverse().find((x) => x.lastToken <= knownAt && x.sentence === m.sentence && x.form !== "pronoun");
    const from = assigned.get(m);
    const into = target ? clusters.get(target.entity) : undefined;
    if (!from || !into || from === into) continue;
    for (const x of from.mentions) { into.mentions.push(x); assigned.set(x, into); }
    for (const r of resolvedAll) if (r.entity === from.key) r.entity = into.key;
    from.mentions = [];
  }

  // 5. Entities: canonical name, aliases, mentions; keys from canonical names.
  const entities: EntityRow[] = [];
  const keyOf = new Map<string, string>();
  const used = new Set<string>();
  // A state named only by its people ("Russian officials", "Egyptian Foreign Minister X") is an
  // entity when they act or hold an office; "Lebanese armed group" alone does not make one.
  const affiliationTokens = new Set<number>();
  for (const m of mentions) if (m.affiliation) for (let k = m.affiliation.firstToken; k < m.affiliation.lastToken; k++) affiliationTokens.add(k);
  const titledNext = (m: MentionCandidate): boolean => tokens.slice(m.lastToken, m.lastToken + 3).some((t) => TITLE_HEADS.has(t.normal));
  const standsForState = (m: MentionCandidate): boolean => m.form === "name" || !!m.head || affiliationTokens.has(m.firstToken) || titledNext(m);
  const ordered = [...clusters.values()].filter((c) => c.mentions.some((m) => m.form === "name") || (c.countryName && c.mentions.some(standsForState)))
    .sort((a, b) => a.order - b.order);
  for (const c of ordered) {
    const name = canonicalName(c);
    let id = slugify(name);
    for (let n = 2; used.has(id); n++) id = `${slugify(name)}-${n}`;
    used.add(id);
    keyOf.set(c.key, id);
    const aliases = new Set<string>();
    for (const m of c.mentions) {
      if (m.placeRole === "demonym" || m.placeRole === "demonym-plural") continue;
      const surface = m.form === "nominal" ? m.text.replace(/^(the|its|his|her|their|this)\s+/i, "") : m.text;
      if (surface !== name) aliases.add(surface);
    }
    entities.push({
      id, name, kind: c.kind, aliases: [...aliases].sort(),
      mentions: [], kindRule: c.kindRule,
    });
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  const finalMentions: ResolvedMention[] = [];
  for (const m of resolvedAll) {
    const id = keyOf.get(m.entity);
    if (!id) continue;
    finalMentions.push(withEntity(m, id));
    const plain: Mention = { start: m.start, end: m.end, text: m.text, sentence: m.sentence, form: m.form };
    byId.get(id)!.mentions.push(plain);
  }
  return { entities, mentions: finalMentions };

  // ---- helpers (closures over the document) ----

  /** The person a title nominal introduces a few words on ("Its spokesman, Rear Admiral X"). */
  function appositiveAfter(m: MentionCandidate): MentionCandidate | undefined {
    if (m.kindHint !== "PERSON") return undefined;
    for (let k = m.lastToken + 1; k < Math.min(tokens.length, m.lastToken + 12); k++) {
      const x = nameStartingAt(k);
      if (x && appositiveName(m, x) && kindOf(x) !== "ORGANIZATION" && !x.country) return x;
    }
    return undefined;
  }

  /** "Its spokesman, Rear Admiral X" / "The president of the ECOWAS Commission, X": x names m. */
  function appositiveName(m: MentionCandidate, x: MentionCandidate): boolean {
    let k = m.lastToken;
    if (tokens[k]?.normal === "of") {
      const owner = nameStartingAt(k + 1) ?? nameStartingAt(k + 2);
      if (!owner) return false;
      k = owner.lastToken;
    }
    if (tokens[k]?.value !== ",") return false;
    k++;
    while (k < x.firstToken) {
      const w = tokens[k].normal;
      if (!isTitleWord(w)) return false;
      k++;
    }
    return k === x.firstToken;
  }

  /** The kind a mention's own words or its context decide (kinds.ts), if any. */
  function kindDecision(m: MentionCandidate): KindDecision | undefined {
    if (m.kindHint && m.kindRule?.startsWith("tagger.")) {
      // The tagger's type yields to the words around the name (kindOverTagger).
      if (!kindCache.has(m)) kindCache.set(m, kindOverTagger(kindContext, m) ?? { kind: m.kindHint, rule: m.kindRule as KindRuleId });
      return kindCache.get(m);
    }
    if (m.kindHint) return { kind: m.kindHint, rule: (m.kindRule ?? "name.gazetteer-country") as KindRuleId };
    if (kindCache.has(m)) return kindCache.get(m);
    const decision = kindFromContext(kindContext, m);
    kindCache.set(m, decision);
    return decision;
  }

  function kindOf(m: MentionCandidate): EntityKind | undefined {
    return m.kindHint && !m.kindRule?.startsWith("tagger.") ? m.kindHint : kindDecision(m)?.kind;
  }

  function kindRuleOf(m: MentionCandidate): string | undefined {
    return m.kindHint && !m.kindRule?.startsWith("tagger.") ? m.kindRule : kindDecision(m)?.rule;
  }

  /** "X's Foreign Ministry", "X's Far East": a generic name owned by a country keeps its owner. */
  function possessiveComposite(m: MentionCandidate): string | undefined {
    const poss = tokens[m.firstToken - 1];
    const owner = nameEndingAt(m.firstToken - 1);
    if (!owner?.country) return undefined;
    if (!poss || !/^['’]s$/.test(poss.value)) return undefined;
    const words = tokens.slice(m.firstToken, m.lastToken).map((t) => t.normal);
    const generic = words.every((w) => ORGANIZATION_HEADS.has(w) || isTitleWord(w) || DIRECTION_WORDS.has(w)
      || LOCATION_HEADS.has(w)) || OWNED_BODY_FIRST_WORDS.has(words[0]);
    if (!generic) return undefined;
    return textOf(owner.firstToken, m.lastToken);
  }

  function fullNameFor(m: MentionCandidate): MentionCandidate | undefined {
    if (personSet.has(m)) return m;
    const words = plainWords(m);
    // Prefer the nearest full name before the mention, else the first after it.
    let before: MentionCandidate | undefined;
    let after: MentionCandidate | undefined;
    for (const occurrences of personForms.get(words[0])?.values() ?? []) {
      const pw = plainWords(occurrences[0]);
      if (pw.length <= words.length || !containsRun(pw, words)) continue;
      // Occurrences are in text order: binary search for the last one before m.
      let lo = 0;
      let hi = occurrences.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (occurrences[mid].start < m.start) lo = mid + 1; else hi = mid;
      }
      const previous = occurrences[lo - 1];
      const next = occurrences[lo];
      if (previous && (!before || previous.start > before.start)) before = previous;
      if (next && (!after || next.start < after.start)) after = next;
    }
    return before ?? after;
  }


  function plainWords(m: MentionCandidate): string[] {
    let words = plainCache.get(m);
    if (!words) {
      words = tokens.slice(m.firstToken, m.lastToken).map((t) => normalizeName(t.value));
      plainCache.set(m, words);
    }
    return words;
  }

  /** Normalised words without a plural "s", so "Houthis" meets "Houthi". */
  function stemmedWords(m: MentionCandidate): string[] {
    let words = stemCache.get(m);
    if (!words) {
      words = plainWords(m).map((w) => w.replace(/s$/, ""));
      stemCache.set(m, words);
    }
    return words;
  }

  function findShortForm(m: MentionCandidate): Cluster | undefined {
    const joined = stemmedWords(m).join(" ");
    const exact = exactForm.get(joined);
    if (exact) return exact;
    // "Security Council" in "U.N. Security Council"; "Wagner" in "Wagner Group".
    for (const c of clusters.values()) if (c.shortForms.has(joined)) return c;
    return undefined;
  }



  function resolveNominal(m: MentionCandidate): Cluster | undefined {
    const head = m.head ?? "";
    const isPerson = m.kindHint === "PERSON";
    // The state a description belongs to: "the Russian defence minister", "Congo's defence minister".
    const owner = /^['’]s$/.test(tokens[m.firstToken - 1]?.value ?? "") ? countryEndingAt(m.firstToken - 1) : undefined;
    const affiliation = m.affiliation ? countryOfSpan(m.affiliation.firstToken, m.affiliation.lastToken) : owner?.country;
    const candidates = recentClusters(m).filter((c) => (isPerson ? c.kind === "PERSON" : c.kind === "ORGANIZATION"));
    if (isPerson) {
      const wanted = (m.title ?? head).toLowerCase().split(/\s+/).filter((w) => TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w));
      const titled = candidates.filter((c) => c.titles.some((t) => {
        const have = t.split(/\s+/);
        return have.includes(head) && wanted.every((w) => have.includes(w));
      }));
      const fitting = titled.filter((c) => !affiliation || c.affiliations.includes(affiliation) || c.affiliations.length === 0);
      if (fitting.length > 0) return fitting[0];
      // A description before the name it describes ("Congo's defence minister said ... X told").
      const later = personNames.find((p) => p.start > m.end && p.sentence - m.sentence <= 1 && !p.title);
      if (later && affiliation) return assigned.get(later);
      return undefined;
    }
    // "the North Korean delegation", "the Iranian government": the state itself.
    if (affiliation && STATE_ACTOR_NOUNS.has(head)) {
      const state = clusters.get(`country:${affiliation}`);
      if (state) return state;
    }
    const named = candidates.filter((c) => c.forms.some((form) => form.includes(head)));
    if (named.length > 0) return named[0];
    // "the group" again means the group it meant before.
    const before = lastByHead.get(head);
    if (before) return before;
    // Otherwise the body the text has spoken of most so far.
    let best: Cluster | undefined;
    let bestCount = 0;
    for (const c of candidates) {
      const count = c.mentions.filter((x) => x.start < m.start).length;
      if (count > bestCount) { best = c; bestCount = count; }
    }
    return best;
  }

  function resolvePronoun(m: MentionCandidate): Cluster | undefined {
    const word = m.text.toLowerCase();
    const personal = !THING_PRONOUNS.has(word);
    const female = FEMALE_PRONOUNS.has(word);
    let fallback: Cluster | undefined;
    for (const c of recentClusters(m)) {
      if (personal && c.kind !== "PERSON") continue;
      if (!personal && c.kind !== "ORGANIZATION" && c.kind !== "COUNTRY") continue;
      // Given-name genders are a weak guide (many names are both): a person named earlier in
      // the same sentence wins regardless; gender only picks between people of earlier
      // sentences, and the most recent person is taken when none fits.
      const sameSentence = c.mentions.some((x) => x.sentence === m.sentence && x.start < m.start);
      if (personal && !sameSentence) {
        const gender = c.mentions.find((x) => x.gender)?.gender;
        if (gender && (gender === "female") !== female) { fallback ??= c; continue; }
      }
      return c;
    }
    return fallback;
  }

  /** Clusters mentioned before m, most recent first, within a few sentences. */
  function recentClusters(m: MentionCandidate, window = m.form === "pronoun" ? 2 : 6): Cluster[] {
    const found: Cluster[] = [];
    // At most the last 300 mentions: a window of sentences, and a bound in a text without any.
    for (let k = recent.length - 1; k >= 0 && k >= recent.length - 300; k--) {
      const r = recent[k];
      if (r.start >= m.start) continue;
      if (m.sentence - r.sentence > window) break;
      const c = clusters.get(r.entity);
      if (c && !found.includes(c)) found.push(c);
    }
    return found;
  }


  function countryOfSpan(from: number, to: number): string | undefined {
    for (let k = from; k < to; k++) {
      const m = countryStartingAt(k);
      if (m && m.lastToken <= to) return m.country;
    }
    return countryByName(textOf(from, to))?.code;
  }
}

/** A resolved copy with one fixed shape (object spread of optional fields is slow in V8). */
function withEntity(m: MentionCandidate, entity: string): ResolvedMention {
  return {
    start: m.start, end: m.end, text: m.text, sentence: m.sentence, form: m.form,
    firstToken: m.firstToken, lastToken: m.lastToken, kindHint: m.kindHint, kindRule: m.kindRule, country: m.country,
    placeRole: m.placeRole, title: m.title, head: m.head,
    affiliation: m.affiliation, gender: m.gender, entity,
  };
}

/** "ASEAN" abbreviates "Association of Southeast Asian Nations": same first letter, letters in order. */
function abbreviates(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}]/gu, "").toLowerCase();
  const text = long.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if (!letters || letters[0] !== text[0]) return false;
  let at = 0;
  for (const ch of letters) {
    at = text.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Initials of the capitalised words of a name of two words or more ("European Union" -> "eu"). */
const initialsOfText = memoized((text) => {
  const words = text.split(/[\s-]+/).filter((w) => w && w[0] !== w[0].toLowerCase());
  return words.length >= 2 ? words.map((w) => w[0].toLowerCase()).join("") : "";
});

function initials(m: MentionCandidate): string {
  return initialsOfText(m.text);
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, k) => haystack[i + k] === w)) return true;
  }
  return false;
}

/** A capital acts when it does something: subject of a verb, owner of a deed, partner of "with". */
function capitalActs(tokens: readonly Token[], m: MentionCandidate): boolean {
  const after = tokens[m.lastToken];
  const after2 = tokens[m.lastToken + 1];
  const before = tokens[m.firstToken - 1];
  if (after && (after.pos === "VERB" || after.pos === "AUX")) return true;
  if (after && (after.pos === "ADV" || after.value === "“" || after.value === "\"") && after2 && (after2.pos === "VERB" || after2.pos === "AUX" || after2.pos === "ADV")) return true;
  if (after && /^['’]s$/.test(after.value) && after2 && after2.pos === "NOUN") return true;
  if (before && PARTNER_PREPOSITIONS.has(before.normal)) return true;
  // "the authorities in Niamey", "officials in Kinshasa".
  if (before?.normal === "in" && GOVERNING_NOUNS.has(tokens[m.firstToken - 2]?.normal ?? "")) return true;
  // The object of a verb that is not about going somewhere: "urged Tokyo to stop".
  if (before && before.pos === "VERB" && !MOTION_VERBS.has(before.lemma.toLowerCase())) return true;
  return false;
}

function canonicalName(c: Cluster): string {
  if (c.composite) return c.composite;
  // A state named only by its people or its seat ("the Kremlin") takes the gazetteer's name.
  if (c.countryName && !c.mentions.some((m) => m.form === "name" && m.placeRole !== "capital")) return c.countryName;
  const names = c.mentions.filter((m) => m.form === "name");
  const proper = names.filter((m) => !(m.placeRole === "capital" && c.kind === "COUNTRY"));
  const pool = proper.length > 0 ? proper : names;
  // Longest proper form; a form in capitals only (a dateline) loses to mixed case.
  const score = (m: MentionCandidate): number =>
    m.text.length + (m.text.length > 5 && m.text === m.text.toUpperCase() ? -100 : 0);
  let best = pool[0];
  let bestScore = score(best);
  for (const m of pool) {
    const s = score(m);
    if (s > bestScore) { best = m; bestScore = s; }
  }
  // A dateline in capitals ("GENEVA") reads as a name ("Geneva").
  if (best.text === best.text.toUpperCase() && best.text.length > 3 && (c.kind === "LOCATION" || !isAcronym(best.text.replace(/\s/g, "")))) {
    return best.text.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());
  }
  return best.text;
}
