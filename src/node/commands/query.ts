// `newsgraph query`: relations of an entity (or between two), or the shortest connections
// between two entities, from a graph file. A readable table by default, JSON with --json.
import path from "node:path";
import type { Command } from "commander";
import { GraphFormatError, normalizeName, type GraphQuery } from "../../query/index.js";
import {
  formatEntity, formatPaths, formatRelationTable, formatUnresolved,
} from "../../query/format.js";
import type {
  Direction, QueryResult, RelationConditions, RelationRecord,
} from "../../query/types.js";
import { EXIT_OK, UsageError } from "../errors.js";
import { loadGraph } from "../load.js";
import { DEFAULT_OUT } from "./build.js";

export const DEFAULT_GRAPH = path.join(DEFAULT_OUT, "graph.json");

/** Unknown names: the answer is empty and says so, with suggestions on stderr. */
export const EXIT_UNKNOWN_NAME = 1;

interface QueryOptions {
  graph: string;
  entity?: string;
  target?: string;
  relation?: string;
  polarity?: string;
  direction: string;
  minConfidence?: string;
  path?: string[];
  maxLength: string;
  json?: boolean;
}

export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("show the relations of an entity, or how two entities are connected")
    .option("-g, --graph <file>", "graph file (graph.json, .gexf or .graphml)", DEFAULT_GRAPH)
    .option("-e, --entity <name>", "entity name or alias (case-insensitive)")
    .option("-t, --target <name>", "only relations with this entity on the other side")
    .option("-r, --relation <types>", "only these relation types, comma-separated (e.g. MEET,HOST)")
    .option("--polarity <polarities>", "only cooperative, neutral, conflictual or structural (comma-separated)")
    .option("-d, --direction <dir>", "out: the entity acts; in: it is acted on; both", "both")
    .option("--min-confidence <n>", "only relations at least this confident (0..1)")
    .option("-p, --path <names...>", "shortest connections between two entities: --path A B")
    .option("--max-length <n>", "longest connection --path looks for, in hops", "4")
    .option("--json", "print JSON for scripts instead of a table")
    .addHelpText("after", `
Names resolve through aliases, ignoring case, a leading "the", a trailing "'s", dots and accents;
a surname alone finds the one person in the graph who has it ("Biden": Joe Biden).
Exit code: 0 answered (also when nothing matches), 1 a name matched no entity (close names are
suggested on stderr), 2 usage error or unreadable graph file.

Examples:
  newsgraph query --entity Kim
  newsgraph query --entity "the North Korean leader" --relation SUPPORT --direction out
  newsgraph query --entity Putin --target Kim --json
  newsgraph query --path Shoigu "Lim Soo-suk" --max-length 4`)
    .action(async (options: QueryOptions) => {
      process.exitCode = await runQuery(options);
    });
}

async function runQuery(options: QueryOptions): Promise<number> {
  const conditions = conditionsFrom(options);
  if (options.path && (options.entity || options.target)) {
    throw new UsageError("--path cannot be combined with --entity or --target");
  }
  if (!options.path && !options.entity && !options.target && !options.relation && !options.polarity) {
    throw new UsageError("say what to query: --entity NAME, --path A B, or a --relation/--target filter");
  }
  const kg = await openGraph(options.graph);
  if (options.entity) options.entity = bySurname(kg, options.entity);
  if (options.target) options.target = bySurname(kg, options.target);
  if (options.path) options.path = options.path.map((name) => bySurname(kg, name));
  return options.path ? pathQuery(kg, options, conditions) : relationQuery(kg, options, conditions);
}

function relationQuery(kg: GraphQuery, options: QueryOptions, conditions: RelationConditions): number {
  const direction = directionFrom(options.direction);
  const result = options.entity
    ? relationsOf(kg, options.entity, options.target, direction, conditions)
    : apiCall(() => kg.relations({ ...conditions, ...(options.target ? { target: options.target } : {}) }));
  if (options.json) {
    print(JSON.stringify(result, null, 2) + "\n");
  } else if (result.unresolved.length === 0) {
    const entity = options.entity ? kg.entity(options.entity).entity : null;
    print((entity ? formatEntity(entity) : "") + formatRelationTable(result.results));
  }
  return finish(result);
}

function pathQuery(kg: GraphQuery, options: QueryOptions, conditions: RelationConditions): number {
  const ends = options.path!;
  if (ends.length !== 2) throw new UsageError(`--path takes two names, got ${ends.length}`);
  const maxLength = Number(options.maxLength);
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new UsageError(`--max-length must be a whole number of hops, 1 or more, got "${options.maxLength}"`);
  }
  const [from, to] = ends as [string, string];
  const result = apiCall(() => kg.paths(from, to, { ...conditions, maxLength }));
  if (options.json) {
    print(JSON.stringify(result, null, 2) + "\n");
  } else if (result.unresolved.length === 0) {
    const name = (n: string): string => kg.entity(n).entity?.label ?? n;
    print(formatPaths(result.results, name(from), name(to)));
  }
  return finish(result);
}

/** Relations of `entity` in the direction asked, optionally only those with `target`. */
function relationsOf(
  kg: GraphQuery, entity: string, target: string | undefined, direction: Direction,
  conditions: RelationConditions,
): QueryResult<RelationRecord> {
  const other = target === undefined ? {} : { target };
  const outgoing = apiCall(() => kg.relations({ ...conditions, source: entity, ...other }));
  if (direction === "out" || outgoing.unresolved.length > 0) return outgoing;
  const incoming = apiCall(() => kg.relations({
    ...conditions, target: entity, ...(target === undefined ? {} : { source: target }),
  }));
  if (direction === "in") return incoming;
  const seen = new Set(outgoing.results.map((r) => r.id));
  return {
    results: [...outgoing.results, ...incoming.results.filter((r) => !seen.has(r.id))],
    unresolved: [],
    resolved: { ...outgoing.resolved, ...incoming.resolved },
  };
}

/**
 * A one-word name that matches no entity but is the surname (last word) of exactly one
 * person in the graph stands for that person ("Biden" -> Joe Biden); else the name as given.
 */
export function bySurname(kg: GraphQuery, name: string): string {
  const wanted = normalizeName(name);
  if (wanted === "" || wanted.includes(" ") || kg.entity(name).entity) return name;
  const found: string[] = [];
  kg.graph.forEachNode((node, attributes) => {
    if (attributes.kind !== "PERSON" || typeof attributes.label !== "string") return;
    const words = normalizeName(attributes.label).split(" ");
    if (words.length > 1 && words[words.length - 1] === wanted) found.push(node);
  });
  return found.length === 1 ? found[0] : name;
}

/** Reads the graph file; a bad one is a usage error naming the file. */
export async function openGraph(file: string): Promise<GraphQuery> {
  try {
    return await loadGraph(file);
  } catch (error) {
    if (error instanceof GraphFormatError) throw new UsageError(error.message);
    throw error;
  }
}

function conditionsFrom(options: QueryOptions): RelationConditions {
  const conditions: RelationConditions = {};
  if (options.relation) conditions.relation = list(options.relation) as RelationConditions["relation"];
  if (options.polarity) conditions.polarity = list(options.polarity) as RelationConditions["polarity"];
  if (options.minConfidence !== undefined) {
    const value = Number(options.minConfidence);
    if (options.minConfidence.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new UsageError(`--min-confidence must be a number from 0 to 1, got "${options.minConfidence}"`);
    }
    conditions.minConfidence = value;
  }
  return conditions;
}

function directionFrom(value: string): Direction {
  if (value === "in" || value === "out" || value === "both") return value;
  throw new UsageError(`--direction must be in, out or both, got "${value}"`);
}

function list(value: string): string[] {
  return value.split(",").map((item) => item.trim()).filter((item) => item !== "");
}

/** The API rejects values outside the vocabulary with a RangeError: a usage error here. */
function apiCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

function finish(result: QueryResult<unknown>): number {
  if (result.unresolved.length === 0) return EXIT_OK;
  for (const line of formatUnresolved(result.unresolved).trimEnd().split("\n")) {
    process.stderr.write(`newsgraph: ${line}\n`);
  }
  return EXIT_UNKNOWN_NAME;
}

function print(text: string): void {
  process.stdout.write(text);
}
