// Plain-text answers for people at a terminal: tables of who did what to whom with an
// evidence excerpt, paths hop by hop, summary counts. Article text is data: control
// characters (which could drive a terminal) are shown as spaces.
import type { Evidence } from "../model.js";
import type {
  EntityRecord, GraphPath, GraphStats, RelationRecord, UnresolvedName,
} from "./types.js";

const EXCERPT_LENGTH = 90;

/** One line per relation: WHO, RELATION, WHOM, CONF, EVIDENCE (first sentence, and how many more). */
export function formatRelationTable(relations: readonly RelationRecord[]): string {
  if (relations.length === 0) return "no relations found\n";
  const rows = relations.map((r) => [
    clean(r.source.label), r.relation, clean(r.target.label), r.confidence.toFixed(2), evidenceCell(r.evidence),
  ]);
  return table(["WHO", "RELATION", "WHOM", "CONF", "EVIDENCE"], rows);
}

/** Each path as a chain of names, then every relation of every hop with its evidence. */
export function formatPaths(paths: readonly GraphPath[], from: string, to: string): string {
  if (paths.length === 0) return `no connection between ${clean(from)} and ${clean(to)} found\n`;
  const hops = paths[0]!.length;
  const lines = [
    `${paths.length} shortest ${paths.length === 1 ? "connection" : "connections"} between ` +
    `${clean(from)} and ${clean(to)} (${hops} ${hops === 1 ? "hop" : "hops"}):`,
  ];
  paths.forEach((path, index) => {
    lines.push(`${index + 1}. ${path.entities.map((entity) => clean(entity.label)).join(" -> ")}`);
    for (const hop of path.hops) {
      for (const r of hop.relations) {
        lines.push(`   ${clean(r.source.label)} ${r.relation} ${clean(r.target.label)}: ${evidenceCell(r.evidence)}`);
      }
    }
  });
  return lines.join("\n") + "\n";
}

/** The entity line shown above its relations. */
export function formatEntity(entity: EntityRecord): string {
  const aliases = entity.aliases.length > 0 ? `; also ${entity.aliases.map(clean).join(", ")}` : "";
  return `${clean(entity.label)} (${entity.kind}${aliases}): ${entity.degree} ` +
    `${entity.degree === 1 ? "relation" : "relations"}, ${entity.mentions} mentions in ` +
    `${entity.documents.length} ${entity.documents.length === 1 ? "document" : "documents"}\n`;
}

/** "no entity named "Kimm" (did you mean: Kim Jong Un?)", one line per unknown name. */
export function formatUnresolved(unresolved: readonly UnresolvedName[]): string {
  return unresolved.map((item) => {
    const hint = item.suggestions.length > 0
      ? `; did you mean: ${item.suggestions.map(clean).join(", ")}?`
      : "";
    return `no entity named "${clean(item.name)}"${hint}\n`;
  }).join("");
}

export function formatStats(stats: GraphStats): string {
  const counts = (record: Record<string, number>, all = false): string => {
    const entries = Object.entries(record).filter(([, n]) => all || n > 0);
    return entries.length === 0 ? "none" : entries.map(([name, n]) => `${name} ${n}`).join(", ");
  };
  const byRelation = Object.fromEntries(
    Object.entries(stats.byRelation).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
  const lines = [
    `${count(stats.entities, "entity", "entities")}, ${count(stats.relations, "relation", "relations")}, ` +
    `${count(stats.documents, "document", "documents")}, ${count(stats.evidence, "evidence sentence", "evidence sentences")}`,
    `entities by kind: ${counts(stats.byKind, true)}`,
    `relations by type: ${counts(byRelation)}`,
    `relations by polarity: ${counts(stats.byPolarity, true)}`,
  ];
  if (stats.topActors.length > 0) {
    lines.push("top actors:");
    lines.push(table(
      ["#", "ACTOR", "KIND", "RELATIONS", "MENTIONS", "EVIDENCE"],
      stats.topActors.map((actor, index) => [
        String(index + 1), clean(actor.label), actor.kind, String(actor.degree), String(actor.mentions),
        String(actor.evidence),
      ]),
    ).trimEnd());
  }
  return lines.join("\n") + "\n";
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function evidenceCell(evidence: readonly Evidence[]): string {
  const first = evidence[0];
  if (!first) return "";
  const more = evidence.length > 1 ? ` (+${evidence.length - 1} more)` : "";
  return `"${excerpt(first.text)}" [${clean(first.document)}#${first.sentence}]${more}`;
}

function excerpt(text: string): string {
  const flat = clean(text).replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length <= EXCERPT_LENGTH ? flat : `${chars.slice(0, EXCERPT_LENGTH - 1).join("").trimEnd()}…`;
}

/** Control characters (including ESC, which starts terminal sequences) become spaces. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

/** Left-aligned columns two spaces apart; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
  const width = (text: string): number => [...text].length;
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => width(row[column] ?? ""))));
  const line = (cells: string[]): string => cells
    .map((cell, column) => column === cells.length - 1 ? cell : cell + " ".repeat(widths[column]! - width(cell)))
    .join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}
