// Cross-document entity resolution: decides which entities of different documents are the
// same actor, so that "Kim Jong Un" in one article and "Kim" in the next become one node.
//
// The decision is a function of the *set* of entities seen, never of the order documents
// arrive in: a full build, an incremental update and any number of workers all give the
// same node keys. Browser-safe and pure (no Node built-ins).
//
// Entities are grouped by (kind, id): the extractor gives one id per canonical name, and a
// node key is an entity id. Group B "covers" group A (B is a fuller name for the same actor)
// when the kinds agree, B ranks higher (more name tokens, then longer, then id order), and
//   - B's surface forms (names and aliases in any document) include A's name, or
//   - for people: A's name tokens are a subsequence of B's ("Jong Un" in "Kim Jong Un"),
//     a single token being B's first or last token ("Kim", "Putin").
// Two people whose full names (two tokens or more) are not subsequences of each other never
// cover one another, even through an alias: different full names are different people.
// A group goes to the one maximal group above it; when several maximal groups cover it
// ("Kim" under both "Kim Jong Un" and "Kim Yo Jong") it is ambiguous and stays its own node.
import { ENTITY_KINDS, type Entity, type EntityKind, type Extraction, type Relation } from "../model.js";

/** What resolution knows about one (kind, id) group of entities. */
interface Group {
  key: string;
  id: string;
  kind: EntityKind;
  /** The highest-ranked name seen for this id, normalised. */
  canonical: string;
  tokens: string[];
  /** Normalised names and aliases from every document. */
  forms: Set<string>;
  /** Extractions this group occurs in; decides which kind keeps a shared id. */
  documents: number;
}

/** What resolution reads of an entity. */
export type EntityNames = Pick<Entity, "id" | "kind" | "name" | "aliases">;

/** A node the graph already holds, for resolving against a graph without its extractions. */
export interface ExistingNode {
  key: string;
  label: string;
  kind: EntityKind;
  aliases: readonly string[];
  documents: readonly string[];
}

const AMBIGUOUS = Symbol("ambiguous");
type Target = Group | typeof AMBIGUOUS;

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "prof", "madame", "monsieur"]);

/**
 * The form names are compared in: case, accents, curly quotes, dots in abbreviations
 * (U.S. = US), a leading "the", possessive "'s", hyphens ("Jong-un" = "Jong Un") and a
 * leading honorific (Mr, Dr) do not matter.
 */
export function normalizeName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/\.(?=\S)/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "");
  if (words[0] === "the") words.shift();
  while (words.length > 1 && HONORIFICS.has(words[0])) words.shift();
  return words.join(" ");
}

/** Collects entity groups from extractions and maps each entity to its node key. */
export class ResolutionIndex {
  private readonly groups = new Map<string, Group>();
  private readonly byForm = new Map<string, Group[]>();
  /** PERSON groups by each token of their canonical name. */
  private readonly byToken = new Map<string, Group[]>();
  private keys: Map<string, string> | undefined;
  /** Every node key in use, for naming a group never added. */
  private taken = new Set<string>();
  private targets = new Map<string, Target>();
  /** normalizeName results: names repeat across documents far more than they vary. */
  private readonly normalized = new Map<string, string>();

  /**
   * Adds every entity of one extraction (only ids, kinds, names and aliases are read).
   * Adding the same extraction twice counts it twice.
   */
  add(extraction: { entities: readonly EntityNames[] }): void {
    const seen = new Set<string>();
    for (const entity of extraction.entities) {
      const group = this.addNames(entity.kind, entity.id, entity.name, entity.aliases);
      if (!seen.has(group.key)) {
        seen.add(group.key);
        group.documents++;
      }
    }
  }

  /** Adds the nodes of an existing graph, as if each were one group seen in its documents. */
  addNodes(nodes: Iterable<ExistingNode>): void {
    for (const node of nodes) {
      const group = this.addNames(node.kind, node.key, node.label, node.aliases);
      group.documents += node.documents.length;
    }
  }

  /**
   * The node key for an entity. Entities of groups added to the index get the order-free
   * corpus-wide answer; an entity of a group never added is resolved against the groups
   * that were (how a new article joins a graph whose extractions are gone).
   */
  keyOf(kind: EntityKind, id: string, name = id, aliases: readonly string[] = []): string {
    const keys = this.nodeKeys();
    const known = keys.get(groupKey(kind, id));
    if (known !== undefined) return known;
    const probe = makeGroup(kind, id, name);
    for (const alias of aliases) probe.forms.add(normalizeName(alias));
    const target = this.resolveGroup(probe);
    if (target !== AMBIGUOUS && target !== probe) return keys.get(target.key)!;
    return freeKey(id, kind, this.taken);
  }

  /** Number of (kind, id) groups seen. */
  get size(): number {
    return this.groups.size;
  }

  private addNames(kind: EntityKind, id: string, name: string, aliases: readonly string[]): Group {
    this.keys = undefined;
    this.targets.clear();
    const key = groupKey(kind, id);
    let group = this.groups.get(key);
    if (!group) {
      group = makeGroup(kind, id, name);
      this.groups.set(key, group);
      if (kind === "PERSON") this.indexTokens(group);
    } else {
      const candidate = this.normalize(name);
      if (rankName(candidate, group.canonical) > 0) {
        if (kind === "PERSON") this.unindexTokens(group);
        group.canonical = candidate;
        group.tokens = tokensOf(candidate);
        if (kind === "PERSON") this.indexTokens(group);
      }
    }
    for (const surface of [name, ...aliases]) {
      const form = this.normalize(surface);
      if (form === "" || group.forms.has(form)) continue;
      group.forms.add(form);
      pushTo(this.byForm, kind + "\t" + form, group);
    }
    const canonicalForm = kind + "\t" + group.canonical;
    if (!group.forms.has(group.canonical)) {
      group.forms.add(group.canonical);
      pushTo(this.byForm, canonicalForm, group);
    }
    return group;
  }

  private normalize(name: string): string {
    let form = this.normalized.get(name);
    if (form === undefined) {
      form = normalizeName(name);
      this.normalized.set(name, form);
    }
    return form;
  }

  private indexTokens(group: Group): void {
    for (const token of new Set(group.tokens)) pushTo(this.byToken, token, group);
  }

  private unindexTokens(group: Group): void {
    for (const token of new Set(group.tokens)) {
      const list = this.byToken.get(token);
      if (!list) continue;
      const at = list.indexOf(group);
      if (at >= 0) list.splice(at, 1);
    }
  }

  /** Group key -> node key, computed once per change of the index. */
  private nodeKeys(): Map<string, string> {
    if (this.keys) return this.keys;
    const representatives = new Map<string, Group>();
    const targetOf = new Map<string, Group>();
    for (const group of this.groups.values()) {
      const target = this.resolveGroup(group);
      const representative = target === AMBIGUOUS ? group : target;
      targetOf.set(group.key, representative);
      representatives.set(representative.key, representative);
    }
    // Representatives sharing an id (same name, different kinds) cannot share a node:
    // the one in most documents keeps the id, the others get it suffixed by their kind.
    const ordered = [...representatives.values()].sort((a, b) =>
      compare(a.id, b.id) || b.documents - a.documents
      || ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind));
    const nodeKeyOf = new Map<string, string>();
    const taken = new Set(ordered.map((group) => group.id));
    const claimed = new Set<string>();
    for (const group of ordered) {
      if (!claimed.has(group.id)) {
        claimed.add(group.id);
        nodeKeyOf.set(group.key, group.id);
      } else {
        const key = freeKey(group.id, group.kind, taken);
        taken.add(key);
        claimed.add(key);
        nodeKeyOf.set(group.key, key);
      }
    }
    const keys = new Map<string, string>();
    for (const [key, representative] of targetOf) keys.set(key, nodeKeyOf.get(representative.key)!);
    this.keys = keys;
    this.taken = new Set(keys.values());
    return keys;
  }

  /** The maximal group covering this one, itself when none does, AMBIGUOUS when several do. */
  private resolveGroup(group: Group): Target {
    const cached = this.targets.get(group.key);
    if (cached !== undefined && this.groups.get(group.key) === group) return cached;
    let result: Target = group;
    let first = true;
    for (const parent of this.parentsOf(group)) {
      const target = this.resolveGroup(parent);
      if (target === AMBIGUOUS) { result = AMBIGUOUS; break; }
      if (first) { result = target; first = false; } else if (target !== result) { result = AMBIGUOUS; break; }
    }
    if (this.groups.get(group.key) === group) this.targets.set(group.key, result);
    return result;
  }

  /** Groups that cover this one (see the header comment). */
  private parentsOf(group: Group): Group[] {
    const candidates = new Set<Group>(this.byForm.get(group.kind + "\t" + group.canonical) ?? []);
    if (group.kind === "PERSON" && group.tokens.length > 0) {
      // Every fuller name contains this name's first token.
      for (const other of this.byToken.get(group.tokens[0]) ?? []) candidates.add(other);
    }
    const parents: Group[] = [];
    for (const other of candidates) {
      if (other === group || other.key === group.key) continue;
      if (covers(other, group)) parents.push(other);
    }
    return parents;
  }
}

/** Whether B is a fuller name for the same actor as A (see the header comment). */
function covers(b: Group, a: Group): boolean {
  if (a.kind !== b.kind || rank(b, a) <= 0) return false;
  if (a.kind === "PERSON") {
    if (a.tokens.length === 0 || b.tokens.length === 0) return false;
    const nested = isSubsequence(a.tokens, b.tokens)
      && (a.tokens.length > 1 || a.tokens[0] === b.tokens[0] || a.tokens[0] === b.tokens[b.tokens.length - 1]);
    if (nested) return true;
    // Different full names are different people, whatever an alias says.
    if (a.tokens.length > 1 && b.tokens.length > 1) return false;
  }
  return b.forms.has(a.canonical) && a.canonical !== "";
}

/** Positive when B's name outranks A's: more tokens, then more characters, then id order. */
function rank(b: Group, a: Group): number {
  return rankName(b.canonical, a.canonical) || compare(a.id, b.id);
}

function rankName(b: string, a: string): number {
  return tokensOf(b).length - tokensOf(a).length || b.length - a.length || compare(a, b);
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const token of long) if (at < short.length && token === short[at]) at++;
  return at === short.length;
}

function makeGroup(kind: EntityKind, id: string, name: string): Group {
  const canonical = normalizeName(name);
  return {
    key: groupKey(kind, id), id, kind, canonical, tokens: tokensOf(canonical),
    forms: new Set(canonical ? [canonical] : []), documents: 0,
  };
}

function tokensOf(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}

function groupKey(kind: EntityKind, id: string): string {
  return kind + "\t" + id;
}

/** The id itself when free, else the id suffixed by the kind (and a number if need be). */
function freeKey(id: string, kind: EntityKind, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  const base = `${id}-${kind.toLowerCase()}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Rewrites an extraction's entity ids (and the relation ends and attributions that name
 * them) to node keys. Relations that resolution turns into self-loops ("Kim" met "Kim Jong
 * Un" once both are one node) are dropped. The input is not modified.
 */
export function resolveExtraction(index: ResolutionIndex, extraction: Extraction): Extraction {
  const rename = new Map<string, string>();
  const entities: Entity[] = extraction.entities.map((entity) => {
    const key = index.keyOf(entity.kind, entity.id, entity.name, entity.aliases);
    if (!rename.has(entity.id)) rename.set(entity.id, key);
    return key === entity.id ? entity : { ...entity, id: key };
  });
  if ([...rename].every(([from, to]) => from === to)) return extraction;
  const relations: Relation[] = [];
  for (const relation of extraction.relations) {
    const source = rename.get(relation.source) ?? relation.source;
    const target = rename.get(relation.target) ?? relation.target;
    if (source === target && relation.source !== relation.target) continue;
    const renamed: Relation = { ...relation, source, target };
    if (relation.attributedTo !== undefined) {
      renamed.attributedTo = rename.get(relation.attributedTo) ?? relation.attributedTo;
    }
    relations.push(renamed);
  }
  return { ...extraction, entities, relations };
}

/** Node keys for a set of extractions: one index over all of them, order-free. */
export function indexExtractions(extractions: Iterable<Extraction>): ResolutionIndex {
  const index = new ResolutionIndex();
  for (const extraction of extractions) index.add(extraction);
  return index;
}

/** Locale-independent string order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
