// Gold annotation files (shared/spec/gold-format.md): parsing and validation.
import {
  isEntityKind, isRelationType,
  type EntityKind, type RelationType,
} from "../model.js";

export interface GoldEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  optional: boolean;
}

export interface GoldRelation {
  /** Any one of these entity ids is a right source. */
  sources: string[];
  /** Any one of these relation types is right. */
  relations: RelationType[];
  /** Any one of these entity ids is a right target. */
  targets: string[];
  optional: boolean;
  role?: string;
  evidence?: string;
}

export interface Gold {
  document: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** A gold file that does not follow the format; the message names what is wrong. */
export class GoldFormatError extends Error {
  override name = "GoldFormatError";
  constructor(readonly origin: string, readonly detail: string) {
    super(`${origin}: ${detail}`);
  }
}

/** Parses the JSON text of a gold file. `origin` (a file name) only labels error messages. */
export function parseGold(json: string, origin = "gold"): Gold {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new GoldFormatError(origin, `not valid JSON (${(error as Error).message})`);
  }
  return validateGold(data, origin);
}

/** Checks an already-parsed gold object and returns it in normalised form (lists everywhere). */
export function validateGold(data: unknown, origin = "gold"): Gold {
  const fail = (what: string): never => {
    throw new GoldFormatError(origin, what);
  };
  if (!isObject(data)) return fail("expected a JSON object");
  if (typeof data.document !== "string" || !data.document) fail('"document" must be a non-empty string');
  if (!Array.isArray(data.entities)) fail('"entities" must be an array');
  const relationsRaw = data.relations ?? [];
  if (!Array.isArray(relationsRaw)) fail('"relations" must be an array');

  const entities: GoldEntity[] = [];
  const ids = new Set<string>();
  (data.entities as unknown[]).forEach((raw, i) => {
    const at = `entities[${i}]`;
    if (!isObject(raw)) return fail(`${at} must be an object`);
    if (typeof raw.id !== "string" || !raw.id) fail(`${at}.id must be a non-empty string`);
    if (typeof raw.name !== "string" || !raw.name) fail(`${at}.name must be a non-empty string`);
    if (typeof raw.kind !== "string" || !isEntityKind(raw.kind)) fail(`${at}.kind "${String(raw.kind)}" is not an entity kind`);
    const aliases = raw.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string")) fail(`${at}.aliases must be an array of strings`);
    if (raw.optional !== undefined && typeof raw.optional !== "boolean") fail(`${at}.optional must be true or false`);
    const id = raw.id as string;
    if (ids.has(id)) fail(`duplicate entity id "${id}"`);
    ids.add(id);
    entities.push({
      id, name: raw.name as string, kind: raw.kind as EntityKind,
      aliases: aliases as string[], optional: raw.optional === true,
    });
  });

  const relations: GoldRelation[] = (relationsRaw as unknown[]).map((raw, i) => {
    const at = `relations[${i}]`;
    if (!isObject(raw)) return fail(`${at} must be an object`);
    const sources = oneOrMany(raw.source);
    const targets = oneOrMany(raw.target);
    const types = oneOrMany(raw.relation);
    if (!sources) return fail(`${at}.source must be an entity id or a non-empty list of ids`);
    if (!targets) return fail(`${at}.target must be an entity id or a non-empty list of ids`);
    if (!types) return fail(`${at}.relation must be a relation type or a non-empty list of types`);
    for (const id of [...sources, ...targets]) if (!ids.has(id)) fail(`${at} refers to unknown entity id "${id}"`);
    for (const type of types) if (!isRelationType(type)) fail(`${at}.relation "${type}" is not a relation type`);
    if (raw.optional !== undefined && typeof raw.optional !== "boolean") fail(`${at}.optional must be true or false`);
    const relation: GoldRelation = {
      sources, relations: types as RelationType[], targets, optional: raw.optional === true,
    };
    if (typeof raw.role === "string") relation.role = raw.role;
    if (typeof raw.evidence === "string") relation.evidence = raw.evidence;
    return relation;
  });

  return { document: data.document as string, entities, relations };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneOrMany(value: unknown): string[] | undefined {
  if (typeof value === "string" && value) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v)) {
    return value as string[];
  }
  return undefined;
}
