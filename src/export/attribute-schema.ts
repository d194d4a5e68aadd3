// The typed columns that GraphML keys, CSV headers and Cypher properties are made of:
// one per attribute name found on nodes (or edges), known attributes first in a fixed
// order, then any others by name, so exports stay stable and lose nothing.
export type AttributeType = "boolean" | "int" | "long" | "double" | "string" | "json";

export interface AttributeColumn {
  name: string;
  type: AttributeType;
}

/** Node attributes in export order; types follow model.ts's NodeAttributes. */
export const NODE_ATTRIBUTE_ORDER = [
  "label", "kind", "aliases", "mentions", "documents", "x", "y", "size", "color",
] as const;

/** Edge attributes in export order; types follow model.ts's EdgeAttributes. */
export const EDGE_ATTRIBUTE_ORDER = [
  "relation", "label", "polarity", "cameo", "weight", "confidence", "modality",
  "attributedTo", "role", "size", "color", "evidence",
] as const;

const INT32_MAX = 2 ** 31 - 1;

/** Infers one column per attribute name; `undefined` and `null` values count as absent. */
export function attributeSchema(
  items: Iterable<object>, order: readonly string[],
): AttributeColumn[] {
  const seen = new Map<string, AttributeType | "none">();
  for (const attributes of items) {
    for (const [name, value] of Object.entries(attributes) as Array<[string, unknown]>) {
      if (value === undefined || value === null) continue;
      seen.set(name, merge(seen.get(name) ?? "none", typeOf(value)));
    }
  }
  const rank = (name: string): number => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  return [...seen.entries()]
    .filter((entry): entry is [string, AttributeType] => entry[1] !== "none")
    .map(([name, type]) => ({ name, type }))
    .sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function typeOf(value: unknown): AttributeType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "double";
    return Math.abs(value) <= INT32_MAX ? "int" : "long";
  }
  if (typeof value === "string") return "string";
  return "json";
}

/** The narrowest type that holds both; numbers widen, anything else mixed becomes JSON. */
function merge(a: AttributeType | "none", b: AttributeType): AttributeType {
  if (a === "none" || a === b) return b;
  const numeric: AttributeType[] = ["int", "long", "double"];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))]!;
  return "json";
}

/**
 * A value as text for its column: numbers in JavaScript's shortest round-trip form,
 * lists and objects as JSON. Undefined for absent or non-finite values (left empty).
 */
export function encodeValue(value: unknown, type: AttributeType): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === "json") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  return String(value);
}
